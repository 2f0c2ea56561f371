//! Train the reported-speech model (`src/engine/reported_model/`) on gold attributions.
//!
//! usage: cargo run --release --example train_reported -- GOLD_DIR... --out FILE
//!        [--rust FILE] [--l2 X] [--epochs N] [--cv K] [--threshold P]
//!        cargo run --release --example train_reported -- --weights FILE --check FILE
//!        cargo run --release --example train_reported -- --shipped FILE
//!
//! Every `NAME.gold.json` under the folders is analysed; each reported-speech candidate
//! (a cue word or phrase with its subject and content, from
//! `quotelens::engine::reported_model_rows`) is labelled right when its content would
//! count for the scorer (`../shared/eval/score.py`, all attributed content at 0.3): more
//! than 0.3 of its characters lie in one gold content and it covers more than 0.3 of
//! that content's characters.
//!
//! The model is a logistic regression with an L2 penalty, fitted by full-batch gradient
//! descent (Adam); the engine takes a candidate when its score is above 0: the bias is
//! moved so that this is a probability above `THRESHOLD` (`--threshold P` to try another). `--out` gets
//! the weights as `name weight` lines (read back by `dev-lexicon` builds from
//! `QUOTELENS_LEXICON_DIR/reported_weights.txt`); `--rust` the shipped `weights.rs`.
//! `--weights W --check FILE` (once the engine is built with W) writes invented
//! sentences with the trainer's own scores of their candidates, which
//! `tests/reported_model.rs` compares with the engine's. `--shipped FILE` writes the
//! weights the engine was built with, for a fold's first run.

#[path = "common/files.rs"]
mod common_files;
#[path = "common/logistic.rs"]
mod logistic;
#[path = "common/weights_source.rs"]
mod weights_source;

use std::path::Path;

use logistic::{dot, parse_args, run, Example, GoldContents, Model};
use quotelens::engine::{reported_model_features, reported_model_rows, reported_model_shipped};

/// Invented sentences for `--check` (no corpus text).
const CHECK_TEXTS: [&str; 4] = [
    "Officials said that the bridge would reopen in May. According to the ministry, \
     40% of hospitals were hit.",
    "The harbour, the mayor said, will be dredged next spring. Farmers believe the \
     drought will last another year, the survey found.",
    "Ines Okoro told reporters the plan was sound. She might say the budget is too small, \
     said one adviser.",
    "The pier will reopen in June, said Marek Duda, a harbour pilot. The ferry will run \
     late, the captain told reporters on Tuesday. Turnout, according to the county clerk, \
     has doubled.",
];

/// The probability above which the engine takes a candidate: chosen by train-CV
/// (`scripts/eval-attribution.sh --only cv` with `REPORTED_THRESHOLD`). First (51
/// features): 0.5 gave the best content F1 (76.8) but precision 81.0, below the rules'
/// 86.4; 0.7 gave precision 89.4 and recall 61.0; 0.65 kept precision above the rules'.
/// With the rival features (round 7, 58 features): 0.56 gave F1 76.3 at P 86.4, 0.6
/// 75.4 at 87.5, 0.62 74.8 at 88.0, 0.65 74.0 at 88.8; 0.6 kept the precision of
/// before (87.6) and took the recall. Round 9 (60 features, more candidate shapes): 0.6
/// gave 75.7 at P 87.6, 0.62 75.1 at 88.1; 0.62 for issue 18's precision of 88.
const THRESHOLD: f64 = 0.62;

/// This trainer among the logistic ones: compared with the rules' own decision.
const MODEL: Model = Model {
    name: "train_reported",
    title: "Reported-speech model",
    script: "scripts/train-reported.sh",
    candidates: "candidates",
    candidates_doc: "cue candidates",
    features: reported_model_features,
    out_header: "# reported-speech model weights (examples/train_reported.rs)\n",
    cv_thresholds: &[0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9],
    baseline: ("rules", |e| e.feats[1] > 0.0),
};

fn main() {
    let args = parse_args(THRESHOLD);
    if let Some(path) = &args.shipped {
        std::fs::write(path, reported_model_shipped()).expect("write --shipped");
        return;
    }
    run(&MODEL, &args, label_file, check_json);
}

/// The labelled candidates of one gold file.
fn label_file(path: &Path) -> Vec<Example> {
    let gold = GoldContents::read(path);
    reported_model_rows(&gold.text)
        .into_iter()
        .map(|row| {
            let p = gold.counted(row.contents.iter().map(|r| (r.start, r.end)));
            let right = !p.is_empty()
                && gold.contents.iter().any(|g| {
                    let both = g.intersection(&p).count() as f64;
                    both / p.len() as f64 > 0.3 && both / g.len().max(1) as f64 > 0.3
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
    weights_source::check_json(
        w,
        &CHECK_TEXTS,
        reported_model_rows,
        "candidates",
        |r, shipped| {
            let f: Vec<f64> = r.features.iter().map(|&x| f64::from(x)).collect();
            serde_json::json!({"cue": [r.cue.start, r.cue.end], "score": dot(&f, shipped)})
        },
    )
}
