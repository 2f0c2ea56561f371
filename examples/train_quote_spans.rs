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

#[path = "common/files.rs"]
mod common_files;
#[path = "common/logistic.rs"]
mod logistic;
#[path = "common/weights_source.rs"]
mod weights_source;

use std::path::Path;

use logistic::{dot, parse_args, run, Example, GoldContents, Model};
use quotelens::engine::{quote_span_features, quote_span_rows};

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

/// This trainer among the logistic ones: compared with keeping every quotation.
const MODEL: Model = Model {
    name: "train_quote_spans",
    title: "Quotation-span model",
    script: "scripts/train-quote-spans.sh",
    candidates: "quotations",
    candidates_doc: "quotations without a speaker",
    features: quote_span_features,
    out_header: "# quotation-span model weights (examples/train_quote_spans.rs)\n",
    cv_thresholds: &[0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
    baseline: ("all", |_| true),
};

fn main() {
    let args = parse_args(THRESHOLD);
    assert!(
        args.shipped.is_none(),
        "--shipped: only train_reported has it"
    );
    run(&MODEL, &args, label_file, check_json);
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

/// The trainer's scores of the candidates of `CHECK_TEXTS`, for the engine's test.
fn check_json(w: &[f64]) -> String {
    weights_source::check_json(w, &CHECK_TEXTS, quote_span_rows, "quotes", |r, shipped| {
        let f: Vec<f64> = r.features.iter().map(|&x| f64::from(x)).collect();
        serde_json::json!({"quote": [r.quote.start, r.quote.end], "score": dot(&f, shipped)})
    })
}
