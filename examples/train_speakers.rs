//! Train the speaker model (`src/engine/speaker_model/`) on gold attributions.
//!
//! usage: cargo run --release --example train_speakers -- GOLD_DIR... --out FILE
//!        [--rust FILE] [--l2 X] [--epochs N]
//!        cargo run --release --example train_speakers -- --weights FILE --check FILE
//!
//! Every `NAME.gold.json` under the folders (the polnear layout: `text` and
//! `attributions` with `source` and `content` spans in code points) is analysed; each
//! kept quotation's candidates (from `quotelens::engine::speaker_model_rows`) are
//! labelled: a candidate is right when its mention overlaps the gold source of the
//! attribution whose content holds most of the quotation; "nobody" is right when no
//! gold attribution holds it. Quotations whose gold has no source, or none of whose
//! candidates is right, teach nothing and are left out.
//!
//! The model is a conditional logit (softmax over one quotation's candidates) with an
//! L2 penalty, fitted by full-batch gradient descent (Adam). `--out` gets the weights
//! as `name weight` lines (read back by `dev-lexicon` builds from
//! `QUOTELENS_LEXICON_DIR/speaker_weights.txt`); `--rust` the shipped
//! `weights.rs`. `--weights W --check FILE` (once the engine is built with W) writes
//! invented sentences with the trainer's own scores of their
//! candidates, which `tests/speaker_model.rs` compares with the engine's.

#[path = "common/files.rs"]
mod common_files;
#[path = "common/weights_source.rs"]
mod weights_source;

use std::collections::HashSet;
use std::path::Path;

use quotelens::engine::{speaker_model_features, speaker_model_rows, SpeakerRow};
use serde_json::Value;

/// Invented sentences for `--check` (no corpus text).
const CHECK_TEXTS: [&str; 3] = [
    "\u{201c}We will rebuild the pier by June,\u{201d} said harbour master Ines Okoro.\n\n\
     \u{201c}The boats cannot wait.\u{201d}",
    "Tomas Reyes spoke to reporters on Friday, saying the dam had held. \
     \u{201c}Nobody expected the flood to rise so fast this year.\u{201d}",
    "\u{201c}We will open the new school in the autumn,\u{201d} the mayor, Lidia Santos, told \
     the council. \u{201c}The builders are ahead of plan.\u{201d}\n\n\
     \u{201c}Parents can visit in August.\u{201d}",
];

struct Example {
    /// Features of every candidate, and which are right.
    feats: Vec<Vec<f64>>,
    right: Vec<bool>,
    /// The candidates' mentions, for `SPEAKER_CONFUSION` error lists.
    names: Vec<String>,
}

/// The command line.
struct Options {
    dirs: Vec<String>,
    /// `--out`: the weights as `name weight` lines.
    out: Option<String>,
    /// `--rust`: the shipped `weights.rs`.
    rust: Option<String>,
    /// `--check` with `--weights`: the trainer's scores of the check texts.
    check: Option<String>,
    given: Option<String>,
    l2: f64,
    epochs: usize,
    /// `--cv K`: K-fold cross-validation by file first (0: none).
    cv: usize,
}

fn parse_args(args: &[String]) -> Options {
    let mut o = Options {
        dirs: Vec::new(),
        out: None,
        rust: None,
        check: None,
        given: None,
        l2: 1e-4,
        epochs: 1500,
        cv: 0,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => o.out = it.next().cloned(),
            "--rust" => o.rust = it.next().cloned(),
            "--check" => o.check = it.next().cloned(),
            "--weights" => o.given = it.next().cloned(),
            "--cv" => o.cv = it.next().and_then(|x| x.parse().ok()).expect("--cv K"),
            "--l2" => o.l2 = it.next().and_then(|x| x.parse().ok()).expect("--l2 X"),
            "--epochs" => o.epochs = it.next().and_then(|x| x.parse().ok()).expect("--epochs N"),
            _ => o.dirs.push(a.clone()),
        }
    }
    o
}

/// The labelled quotations of every gold file under the folders.
struct Corpus {
    examples: Vec<Example>,
    /// The fold of each example (its file's index mod `--cv`).
    fold_of: Vec<usize>,
    files: usize,
    /// Quotations with a gold speaker none of whose candidates is right (the oracle's
    /// misses: no weights can fix them).
    misses: usize,
}

fn load_corpus(dirs: &[String], cv: usize) -> Corpus {
    let mut c = Corpus {
        examples: Vec::new(),
        fold_of: Vec::new(),
        files: 0,
        misses: 0,
    };
    for dir in dirs {
        for path in common_files::files_in(Path::new(dir), ".gold.json") {
            let (labelled, missed) = label_file(&path);
            c.misses += missed;
            c.fold_of
                .extend(std::iter::repeat_n(c.files % cv.max(1), labelled.len()));
            c.examples.extend(labelled);
            c.files += 1;
        }
    }
    c
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let o = parse_args(&args);
    // `--weights FILE --check FILE`: the check of weights already shipped, no training
    // (the engine must hold them, so its candidates are those they choose).
    if let (Some(given), Some(check)) = (&o.given, &o.check) {
        std::fs::write(check, check_json(&read_weights(given))).expect("write --check");
        return;
    }
    let corpus = load_corpus(&o.dirs, o.cv);
    let n = speaker_model_features().len();
    if o.cv > 1 {
        cross_validate(&corpus, o.cv, n, o.l2, o.epochs);
    }
    let w = fit(&corpus.examples, n, o.l2, o.epochs);
    report_in_sample(&corpus, &w);
    let names = speaker_model_features();
    if let Some(out) = o.out {
        std::fs::write(&out, weights_text(names, &w)).expect("write --out");
    }
    if let Some(rust) = o.rust {
        let source = rust_source(names, &w, corpus.files, corpus.examples.len());
        std::fs::write(&rust, source).expect("--rust");
    }
}

/// The weights of a `--out` file, in its order (comments and blank lines skipped).
fn read_weights(path: &str) -> Vec<f64> {
    let text = std::fs::read_to_string(path).expect("read --weights");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            l.split_once(' ')
                .and_then(|(_, x)| x.trim().parse().ok())
                .expect("name weight")
        })
        .collect()
}

/// The `--out` file: `name weight` lines, the weights as the engine holds them (f32).
fn weights_text(names: &[&str], w: &[f64]) -> String {
    let mut text = String::from("# speaker model weights (examples/train_speakers.rs)\n");
    for (name, x) in names.iter().zip(w) {
        text += &format!("{name} {}\n", *x as f32);
    }
    text
}

/// The share of `k` among the examples, in percent.
fn share(k: usize, examples: &[Example]) -> f64 {
    100.0 * k as f64 / examples.len().max(1) as f64
}

/// A quick look (by file, fold = index mod K): the share of held-out quotations whose
/// chosen candidate is right, model against rules, on stderr.
fn cross_validate(corpus: &Corpus, cv: usize, n: usize, l2: f64, epochs: usize) {
    let examples = &corpus.examples;
    let (mut model, mut rules) = (0, 0);
    for k in 0..cv {
        let fit_on: Vec<Example> = examples
            .iter()
            .zip(&corpus.fold_of)
            .filter(|(_, f)| **f != k)
            .map(|(e, _)| Example {
                feats: e.feats.clone(),
                right: e.right.clone(),
                names: Vec::new(),
            })
            .collect();
        let w = fit(&fit_on, n, l2, epochs);
        for (e, _) in examples
            .iter()
            .zip(&corpus.fold_of)
            .filter(|(_, f)| **f == k)
        {
            let got = argmax(&e.feats, &w);
            model += usize::from(e.right[got]);
            if !e.right[got] && std::env::var_os("SPEAKER_CONFUSION").is_some() {
                print_confusion(e, got);
            }
            rules += usize::from(e.right[rule_choice(e)]);
        }
    }
    eprintln!(
        "train_speakers: {cv}-fold CV: model {:.1}%, rules {:.1}%",
        share(model, examples),
        share(rules, examples)
    );
}

/// A held-out quotation the model got wrong (`SPEAKER_CONFUSION`): the kinds of
/// candidate chosen and right, then their mentions.
fn print_confusion(e: &Example, got: usize) {
    // The kind of a candidate: the last of its kind features that fires.
    let kind = |i: usize| {
        ["nobody", "rule", "previous", "mention"][[0, 4, 6, 7]
            .iter()
            .rposition(|&f| e.feats[i][f] > 0.0)
            .unwrap_or(0)]
    };
    let right: Vec<usize> = (0..e.right.len()).filter(|&i| e.right[i]).collect();
    let kinds: Vec<&str> = right.iter().map(|&i| kind(i)).collect();
    eprintln!("confusion: chose {} right {}", kind(got), kinds.join("+"));
    eprintln!(
        "  chose {:?} right {:?} of {:?}",
        e.names[got],
        right.iter().map(|&i| &e.names[i]).collect::<Vec<_>>(),
        e.names
    );
}

/// In-sample accuracy of the final model against the rules', and the oracle's (the
/// share of quotations with a right candidate), on stderr.
fn report_in_sample(corpus: &Corpus, w: &[f64]) {
    let examples = &corpus.examples;
    let right = examples
        .iter()
        .filter(|e| e.right[argmax(&e.feats, w)])
        .count();
    let rules = examples.iter().filter(|e| e.right[rule_choice(e)]).count();
    eprintln!(
        "train_speakers: {} files, {} quotations, chosen right in sample: model {:.1}%, rules {:.1}%",
        corpus.files,
        examples.len(),
        share(right, examples),
        share(rules, examples)
    );
    let misses = corpus.misses;
    eprintln!(
        "train_speakers: oracle {:.1}% ({misses} of {} quotations without a right candidate)",
        100.0 * examples.len() as f64 / (examples.len() + misses).max(1) as f64,
        examples.len() + misses
    );
}

/// The labelled quotations of one gold file, and how many quotations with a gold
/// speaker had no right candidate (listed on stderr when `SPEAKER_MISSES` is set).
fn label_file(path: &Path) -> (Vec<Example>, usize) {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read gold"))
        .expect("gold JSON");
    let text = gold["text"].as_str().expect("gold text");
    let chars: Vec<char> = text.chars().collect();
    let attrs = gold["attributions"].as_array().cloned().unwrap_or_default();
    let set = |v: &Value| -> HashSet<usize> {
        let mut s = HashSet::new();
        for fr in v.as_array().into_iter().flatten() {
            let (a, b) = (fr[0].as_u64().unwrap_or(0), fr[1].as_u64().unwrap_or(0));
            s.extend((a as usize..b as usize).filter(|&i| i < chars.len() && counts(chars[i])));
        }
        s
    };
    let contents: Vec<HashSet<usize>> = attrs.iter().map(|a| set(&a["content"])).collect();
    let sources: Vec<Option<HashSet<usize>>> = attrs
        .iter()
        .map(|a| (!a["source"].is_null()).then(|| set(&a["source"])))
        .collect();
    let mut out = Vec::new();
    let mut missed = 0;
    for row in speaker_model_rows(text) {
        match label_row(&row, &chars, &contents, &sources) {
            Label::Example(e) => out.push(e),
            Label::Missed(g) => {
                missed += 1;
                if std::env::var_os("SPEAKER_MISSES").is_some() {
                    print_miss(path, &chars, &row, &attrs[g]);
                }
            }
            Label::NoSource => {}
        }
    }
    (out, missed)
}

/// A quotation none of whose candidates is right: the gold speaker, the candidates and
/// the text around.
fn print_miss(path: &Path, chars: &[char], row: &SpeakerRow, gold: &Value) {
    let text = |r: std::ops::Range<usize>| -> String {
        chars[r.start.min(chars.len())..r.end.min(chars.len())]
            .iter()
            .collect::<String>()
            .replace('\n', " / ")
    };
    let source: Vec<String> = gold["source"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| text(f[0].as_u64().unwrap_or(0) as usize..f[1].as_u64().unwrap_or(0) as usize))
        .collect();
    let names: Vec<String> = row
        .candidates
        .iter()
        .filter_map(|c| c.speaker.clone().map(text))
        .collect();
    let (q0, q1) = (row.quote.start, row.quote.end);
    eprintln!(
        "MISS {} gold={:?} cands={:?}\n  {}[[{}]]{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        source.join(" | "),
        names,
        text(q0.saturating_sub(250)..q0),
        text(q0..q1.min(q0 + 80)),
        text(q1..q1 + 150)
    );
}

enum Label {
    Example(Example),
    /// Gold attribution `g` has a speaker, no candidate is it.
    Missed(usize),
    /// No gold speaker to learn from.
    NoSource,
}

/// A character the scorer counts (not space, not a quotation mark).
fn counts(c: char) -> bool {
    !" \t\r\n\u{a0}\"'\u{201c}\u{201d}\u{2018}\u{2019}\u{ab}\u{bb}".contains(c)
}

fn label_row(
    row: &SpeakerRow,
    chars: &[char],
    contents: &[HashSet<usize>],
    sources: &[Option<HashSet<usize>>],
) -> Label {
    let quote: HashSet<usize> = row
        .quote
        .clone()
        .filter(|&i| i < chars.len() && counts(chars[i]))
        .collect();
    let best = (0..contents.len())
        .map(|g| (contents[g].intersection(&quote).count(), g))
        .max()
        .filter(|&(n, _)| 2 * n > quote.len());
    let right: Vec<bool> = match best {
        None => row.candidates.iter().map(|c| c.speaker.is_none()).collect(),
        Some((_, g)) => {
            let Some(source) = sources[g].as_ref() else {
                return Label::NoSource;
            };
            row.candidates
                .iter()
                .map(|c| {
                    c.speaker
                        .as_ref()
                        .is_some_and(|s| s.clone().any(|i| source.contains(&i)))
                })
                .collect()
        }
    };
    if !right.iter().any(|&r| r) {
        return best.map_or(Label::NoSource, |(_, g)| Label::Missed(g));
    }
    Label::Example(Example {
        feats: row
            .candidates
            .iter()
            .map(|c| c.features.iter().map(|&x| f64::from(x)).collect())
            .collect(),
        right,
        names: row
            .candidates
            .iter()
            .map(|c| {
                c.speaker
                    .clone()
                    .map_or(String::new(), |s| chars[s].iter().collect())
            })
            .collect(),
    })
}

/// The rules alone: their pick (feature 4), else nobody (candidate 0).
fn rule_choice(e: &Example) -> usize {
    e.feats.iter().position(|f| f[4] > 0.0).unwrap_or(0)
}

fn dot(f: &[f64], w: &[f64]) -> f64 {
    f.iter().zip(w).map(|(a, b)| a * b).sum()
}

fn argmax(feats: &[Vec<f64>], w: &[f64]) -> usize {
    // The first best, as the engine breaks ties.
    let mut best = 0;
    for (i, f) in feats.iter().enumerate() {
        if dot(f, w) > dot(&feats[best], w) {
            best = i;
        }
    }
    best
}

/// Conditional logit: maximise the log of the probability mass on the right candidates.
fn fit(examples: &[Example], n: usize, l2: f64, epochs: usize) -> Vec<f64> {
    let mut w = vec![0.0; n];
    let (mut m, mut v) = (vec![0.0; n], vec![0.0; n]);
    let (b1, b2, rate) = (0.9f64, 0.999f64, 0.05);
    for t in 1..=epochs {
        let mut grad: Vec<f64> = w.iter().map(|x| l2 * x * examples.len() as f64).collect();
        for e in examples {
            let s: Vec<f64> = e.feats.iter().map(|f| dot(f, &w)).collect();
            let top = s.iter().cloned().fold(f64::MIN, f64::max);
            let p: Vec<f64> = s.iter().map(|x| (x - top).exp()).collect();
            let z: f64 = p.iter().sum();
            let zr: f64 = p
                .iter()
                .zip(&e.right)
                .filter(|(_, r)| **r)
                .map(|(x, _)| x)
                .sum();
            for (i, f) in e.feats.iter().enumerate() {
                // d(-log zr/z)/ds_i = p_i/z - [right] p_i/zr
                let g = p[i] / z - if e.right[i] { p[i] / zr } else { 0.0 };
                for (k, x) in f.iter().enumerate() {
                    grad[k] += g * x;
                }
            }
        }
        let scale = 1.0 / examples.len().max(1) as f64;
        for k in 0..n {
            let g = grad[k] * scale;
            m[k] = b1 * m[k] + (1.0 - b1) * g;
            v[k] = b2 * v[k] + (1.0 - b2) * g * g;
            let mh = m[k] / (1.0 - b1.powi(t as i32));
            let vh = v[k] / (1.0 - b2.powi(t as i32));
            w[k] -= rate * mh / (vh.sqrt() + 1e-8);
        }
    }
    w
}

fn rust_source(names: &[&str], w: &[f64], files: usize, quotes: usize) -> String {
    let doc = weights_source::learnt_doc(
        "Speaker-model",
        "scripts/train-speakers.sh",
        "train_speakers",
        files,
        &format!("{quotes} quotations"),
    );
    weights_source::weights_source(&doc, names, w)
}

/// The trainer's scores of each quotation's candidates in `CHECK_TEXTS`, for the
/// engine's test.
fn check_json(w: &[f64]) -> String {
    weights_source::check_json(
        w,
        &CHECK_TEXTS,
        speaker_model_rows,
        "quotes",
        |r, shipped| {
            let scores: Vec<f64> = r
                .candidates
                .iter()
                .map(|c| {
                    let f: Vec<f64> = c.features.iter().map(|&x| f64::from(x)).collect();
                    dot(&f, shipped)
                })
                .collect();
            serde_json::json!({"quote": [r.quote.start, r.quote.end], "scores": scores})
        },
    )
}
