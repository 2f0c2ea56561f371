//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 840 gold
//! files, 174 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.31024396, // bias
    1.9976212,   // words
    -0.15221019, // few-words
    -0.32555342, // many-words
    -0.66834825, // sentence-punct-inside
    0.37060618,  // ends-with-punct
    1.5537964,   // capitalised-ratio
    -1.6972667,  // starts-capitalised
    0.64663017,  // first-second-person
    1.4290007,   // verb-like
    3.8187673,   // naming-word-before
    1.3667746,   // article-or-preposition-before
    2.6577694,   // colon-before
    0.6084036,   // sentence-start
    0.6146262,   // paragraph-start
    -0.52781564, // fills-paragraph
    0.0,         // comma-after
    2.6006768,   // cue-near
    -0.18755263, // single-marks
    -1.9665011,  // recovered-mark
    0.6692538,   // multi-paragraph
    2.4391773,   // digits-ratio
];
