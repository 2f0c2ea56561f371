//! The quotation-span model: whether a quotation the rules keep without a speaker is a
//! quote of speech or writing, or quotation marks around something else (a title, a
//! scare-quoted word, a term: `the so-called "experts"`). A logistic model learnt from
//! PolNeAR train gold (`examples/train_quote_spans.rs`, `scripts/train-quote-spans.sh`):
//! a quotation is right when more than 0.3 of its characters lie in one gold content,
//! as the scorer's direct-quote precision counts it.
//!
//! Only quotations without an attribution are asked: an attributed one was said by its
//! speaker, and the rules' own filter (`attribution::speech_like`) has already dropped
//! the short, title-shaped ones; the model weighs what is left with the context around.

pub(crate) mod features;
mod weights;

use std::ops::Range;

use super::attribution::Attributions;
use super::cues::CueList;
use super::quotes::Quote;
use super::text::Segmented;

/// A quotation as the trainer sees it: its bytes (code points once
/// `engine::quote_span_rows` converts them), features and the model's score.
#[derive(Debug, Clone)]
pub struct QuoteSpanRow {
    pub quote: Range<usize>,
    pub features: Vec<f32>,
    pub score: f32,
}

/// The model: its shipped weights, or in cross-validation builds the fold's
/// `quote_span_weights.txt`.
static MODEL: super::lexicon::LinearModel<{ features::N }> = super::lexicon::LinearModel::new(
    "quote_span_weights.txt",
    &features::NAMES,
    &weights::WEIGHTS,
);

/// The shipped weights with their feature names (for the scripts).
pub(crate) fn shipped() -> impl Iterator<Item = (&'static str, f32)> {
    MODEL.shipped()
}

pub(crate) fn score(f: &[f32; features::N]) -> f32 {
    MODEL.score(f)
}

/// Drop the kept quotations without an attribution whose score is 0 or below (the
/// trainer moved the bias so that this is a probability of being a quote below its
/// threshold). `rows`, when given, gets every asked quotation (for the trainer).
pub(crate) fn drop_unlikely_quotes(
    seg: &Segmented,
    cues: &CueList,
    quotes: &[Quote],
    sentences: &[Range<usize>],
    found: &mut Attributions,
    mut rows: Option<&mut Vec<QuoteSpanRow>>,
) {
    for (qi, q) in quotes.iter().enumerate() {
        if !found.quotes[qi].keep || found.quotes[qi].attr.is_some() {
            continue;
        }
        let at = sentences.partition_point(|s| s.end <= q.first);
        let sentence = sentences.get(at).cloned().unwrap_or(q.first..q.last + 1);
        let f = features::features(seg, cues, q, sentence);
        let s = score(&f);
        if let Some(rows) = rows.as_deref_mut() {
            rows.push(QuoteSpanRow {
                quote: seg.tokens[q.first].start..seg.tokens[q.last].end,
                features: f.to_vec(),
                score: s,
            });
        }
        if s <= 0.0 {
            found.quotes[qi].keep = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_weights_name_every_feature_once() {
        MODEL.assert_names_once_and_weights_read_back();
    }
}
