//! The reported-speech model: for every cue candidate of a sentence that the rules
//! shape into a speaker, a cue and a content ("Officials said that ...", "according to
//! X, ...", "..., X said"), a logistic model learnt from PolNeAR train gold
//! (`examples/train_reported.rs`, `scripts/train-reported.sh`) decides whether it is
//! reported speech here.
//!
//! The rules stay the candidate generators (`attribution::indirect_in`): they find a cue
//! word, its subject and its content's shape, at a lower cue strength than they alone
//! would trust; the model weighs what they used to decide by hand-set thresholds (the
//! cue's learnt strengths) with the context around (the word after the cue, a modal or
//! negation before it, the kind of subject, the content's length, ...).

pub(crate) mod features;
mod weights;

use std::ops::Range;

pub(crate) use features::{Candidate, Rivals, Shape, Subject, View};

/// A candidate as the trainer sees it: its contents in code points (bytes until
/// `engine::reported_model_rows` converts them), features and the model's score.
#[derive(Debug, Clone)]
pub struct ReportedRow {
    pub contents: Vec<Range<usize>>,
    pub cue: Range<usize>,
    pub features: Vec<f32>,
    pub score: f32,
}

/// The model: its shipped weights, or in cross-validation builds the fold's
/// `reported_weights.txt`.
static MODEL: super::lexicon::LinearModel<{ features::N }> =
    super::lexicon::LinearModel::new("reported_weights.txt", &features::NAMES, &weights::WEIGHTS);

/// The shipped weights with their feature names (for the trainer's scripts, which
/// start a fold's training from a file of them).
pub(crate) fn shipped() -> impl Iterator<Item = (&'static str, f32)> {
    MODEL.shipped()
}

pub(crate) fn score(f: &[f32; features::N]) -> f32 {
    MODEL.score(f)
}

/// Whether candidate `c` is reported speech: its score above 0 (the trainer moved the
/// bias so that this is a probability above its `THRESHOLD`, chosen by train-CV for
/// precision). `rivals`: how it stands among its sentence's other candidates. `rows`,
/// when given, gets the candidate's features (for the trainer).
pub(crate) fn decide(
    view: &View,
    c: &Candidate,
    rivals: Rivals,
    rows: Option<&mut Vec<ReportedRow>>,
) -> bool {
    let f = features::features(view, c, rivals);
    let s = score(&f);
    if let Some(rows) = rows {
        let seg = view.seg;
        let bytes = |r: &Range<usize>| seg.tokens[r.start].start..seg.tokens[r.end - 1].end;
        rows.push(ReportedRow {
            contents: c
                .contents
                .iter()
                .filter(|r| !r.is_empty())
                .map(bytes)
                .collect(),
            cue: bytes(&c.cue),
            features: f.to_vec(),
            score: s,
        });
    }
    s > 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_weights_name_every_feature_once() {
        MODEL.assert_names_once_and_weights_read_back();
    }
}
