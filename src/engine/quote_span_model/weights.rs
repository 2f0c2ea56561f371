//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 840 gold
//! files, 179 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.26605096, // bias
    1.9992685,   // words
    -0.15079536, // few-words
    -0.30310768, // many-words
    -0.5775994,  // sentence-punct-inside
    0.24260974,  // ends-with-punct
    1.6784592,   // capitalised-ratio
    -1.6647762,  // starts-capitalised
    0.7161565,   // first-second-person
    1.3898296,   // verb-like
    3.7810256,   // naming-word-before
    1.3494283,   // article-or-preposition-before
    2.5224311,   // colon-before
    0.56229436,  // sentence-start
    0.8359626,   // paragraph-start
    -0.65538245, // fills-paragraph
    0.0,         // comma-after
    2.5477018,   // cue-near
    -0.21680535, // single-marks
    -2.6751282,  // recovered-mark
    1.6028196,   // multi-paragraph
    2.2384362,   // digits-ratio
];
