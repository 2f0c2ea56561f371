//! Train the quotation-span model (`src/engine/quote_span_model/`) on gold attributions.
//!
//! usage: cargo run --release --example train_quote_spans -- GOLD_DIR... --out FILE
//!        [--rust FILE] [--l2 X] [--epochs N] [--cv K] [--threshold P]
//!        cargo run --release --example train_quote_spans -- --weights FILE --check FILE
//!
//! Every `NAME.gold.json` under the folders is analysed; each quotation the rules keep
//! without a speaker (from `quotelens::engine::quote_span_rows`) is labelled a quote
//! when more than 0.3 of its characters lie in one gold content of any form: what the
//! scorer (`../shared/eval/score.py`) counts as a right direct quote at 0.3.
//!
//! The model is a logistic regression with an L2 penalty, fitted by full-batch gradient
//! descent (Adam); the engine drops a quotation when its score is 0 or below: the bias
//! is moved so that this is a probability of being a quote below `THRESHOLD`
//! (`--threshold P` to try another). `--out` gets the weights as `name weight` lines
//! (read back by `dev-lexicon` builds from `QUOTELENS_LEXICON_DIR/quote_span_weights.txt`);
//! `--rust` the shipped `weights.rs`. `--weights W --check FILE` (once the engine is built
//! with W) writes invented sentences with the trainer's own scores of their quotations,
//! which `tests/quote_span_model.rs` compares with the engine's.

#[path = "common/logistic.rs"]
mod logistic;
#[path = "common/weights_source.rs"]
mod weights_source;

use std::path::Path;

use logistic::{dot, fit, fit_refs, read_weights, shifted, summary, Example, GoldContents};
use quotelens::engine::{quote_span_features, quote_span_rows};
use serde_json::Value;

/// Invented sentences for `--check` (no corpus text).
const CHECK_TEXTS: [&str; 3] = [
    "The gallery opened its show \"Winter Light on Northern Harbours Today\" in March.\n\n\
     \"We never thought the roof would hold through a storm like that one.\"",
    "The board met twice. Its note spoke of \"a plan for a greener and quieter harbour \
     front\" and little else.\n\n\"Nobody asked us about the ferry timetable, not once.\"",
    "Her essay, \"why the river matters to all of us in the valley,\" ran on Sunday. The \
     so-called \"quiet reform of the budget office\" was dropped.",
];

/// The probability of being a quote below which the engine drops a quotation: set
/// low, as a quote dropped costs recall and a stray quotation only precision; see
/// docs/accuracy.md for the train-CV figures it was chosen by.
const THRESHOLD: f64 = 0.3;

struct Args {
    dirs: Vec<String>,
    out: Option<String>,
    rust: Option<String>,
    check: Option<String>,
    given: Option<String>,
    l2: f64,
    epochs: usize,
    cv: usize,
    threshold: f64,
}

fn parse_args() -> Args {
    let mut a = Args {
        dirs: Vec::new(),
        out: None,
        rust: None,
        check: None,
        given: None,
        l2: 1e-4,
        epochs: 800,
        cv: 0,
        threshold: THRESHOLD,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(x) = it.next() {
        let mut next = || it.next().cloned().unwrap_or_else(|| panic!("{x}: a value"));
        match x.as_str() {
            "--out" => a.out = Some(next()),
            "--rust" => a.rust = Some(next()),
            "--check" => a.check = Some(next()),
            "--weights" => a.given = Some(next()),
            "--l2" => a.l2 = next().parse().expect("--l2 X"),
            "--epochs" => a.epochs = next().parse().expect("--epochs N"),
            "--cv" => a.cv = next().parse().expect("--cv K"),
            "--threshold" => a.threshold = next().parse().expect("--threshold P"),
            _ => a.dirs.push(x.clone()),
        }
    }
    a
}

fn main() {
    let args = parse_args();
    // `--weights FILE --check FILE`: the check of weights already shipped, no training.
    if let (Some(given), Some(check)) = (&args.given, &args.check) {
        let w = read_weights(given, quote_span_features());
        std::fs::write(check, check_json(&w)).expect("write --check");
        return;
    }
    let mut examples = Vec::new();
    let mut fold_of = Vec::new();
    let mut files = 0;
    for dir in &args.dirs {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
            .collect();
        names.sort();
        for path in names {
            let labelled = label_file(&path);
            fold_of.extend(std::iter::repeat_n(files % args.cv.max(1), labelled.len()));
            examples.extend(labelled);
            files += 1;
        }
    }
    let n = quote_span_features().len();
    if args.cv > 1 {
        cross_validate(&examples, &fold_of, &args, n);
    }
    let w = shifted(fit(&examples, n, args.l2, args.epochs), args.threshold);
    eprintln!(
        "train_quote_spans: {files} files, {} quotations, {} right; in sample {}; all {}",
        examples.len(),
        examples.iter().filter(|e| e.right).count(),
        summary(&examples, |e| dot(&e.feats, &w) > 0.0),
        summary(&examples, |_| true),
    );
    let names = quote_span_features();
    if let Some(out) = &args.out {
        let mut text =
            String::from("# quotation-span model weights (examples/train_quote_spans.rs)\n");
        for (name, x) in names.iter().zip(&w) {
            text += &format!("{name} {}\n", *x as f32);
        }
        std::fs::write(out, text).expect("write --out");
    }
    if let Some(rust) = &args.rust {
        let source = rust_source(names, &w, files, examples.len());
        std::fs::write(rust, source).expect("write --rust");
    }
}

/// A quick look, by file (fold = index mod K): the held-out candidates' decisions,
/// model (at several thresholds) against keeping every quotation.
fn cross_validate(examples: &[Example], fold_of: &[usize], args: &Args, n: usize) {
    let mut held_out = vec![0.0; examples.len()];
    for k in 0..args.cv {
        let fit_on: Vec<&Example> = examples
            .iter()
            .zip(fold_of)
            .filter(|(_, f)| **f != k)
            .map(|(e, _)| e)
            .collect();
        let w = fit_refs(&fit_on, n, args.l2, args.epochs);
        for (i, e) in examples.iter().enumerate() {
            if fold_of[i] == k {
                held_out[i] = 1.0 / (1.0 + (-dot(&e.feats, &w)).exp());
            }
        }
    }
    for threshold in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] {
        let mut i = 0;
        let model = summary(examples, |_| {
            i += 1;
            held_out[i - 1] > threshold
        });
        eprintln!(
            "train_quote_spans: {}-fold CV at {threshold}: model {model}",
            args.cv
        );
    }
    eprintln!("train_quote_spans: all {}", summary(examples, |_| true));
}

/// The labelled candidates of one gold file.
fn label_file(path: &Path) -> Vec<Example> {
    let gold = GoldContents::read(path);
    quote_span_rows(&gold.text)
        .into_iter()
        .map(|row| {
            let p = gold.counted(std::iter::once((row.quote.start, row.quote.end)));
            let right = !p.is_empty()
                && gold.contents.iter().any(|g| {
                    let both = g.intersection(&p).count() as f64;
                    both / p.len() as f64 > 0.3
                });
            Example {
                feats: row.features.iter().map(|&x| f64::from(x)).collect(),
                right,
            }
        })
        .collect()
}

fn rust_source(names: &[&str], w: &[f64], files: usize, candidates: usize) -> String {
    let doc = format!(
        "Quotation-span model weights, in `features::NAMES` order: learnt by\n\
         `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from {files} gold\n\
         files, {candidates} quotations without a speaker. Generated: do not edit."
    );
    weights_source::weights_source(&doc, names, w)
}

/// The trainer's scores (its own dot product with the f32 weights it ships) of the
/// candidates of `CHECK_TEXTS`.
fn check_json(w: &[f64]) -> String {
    let shipped: Vec<f64> = w.iter().map(|x| f64::from(*x as f32)).collect();
    let texts: Vec<Value> = CHECK_TEXTS
        .iter()
        .map(|text| {
            let rows: Vec<Value> = quote_span_rows(text)
                .iter()
                .map(|r| {
                    let f: Vec<f64> = r.features.iter().map(|&x| f64::from(x)).collect();
                    serde_json::json!({"quote": [r.quote.start, r.quote.end], "score": dot(&f, &shipped)})
                })
                .collect();
            serde_json::json!({"text": text, "quotes": rows})
        })
        .collect();
    serde_json::to_string_pretty(&texts).expect("json") + "\n"
}
