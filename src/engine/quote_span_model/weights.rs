//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 840 gold
//! files, 194 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.37536097, // bias
    2.0508254,   // words
    0.08457768,  // few-words
    -0.16108389, // many-words
    -0.8350939,  // sentence-punct-inside
    0.2217296,   // ends-with-punct
    1.4746029,   // capitalised-ratio
    -1.3980343,  // starts-capitalised
    0.70976853,  // first-second-person
    1.3399622,   // verb-like
    3.5417557,   // naming-word-before
    1.2362559,   // article-or-preposition-before
    3.0517008,   // colon-before
    0.6309196,   // sentence-start
    0.98292106,  // paragraph-start
    -0.71578735, // fills-paragraph
    0.0,         // comma-after
    2.8812413,   // cue-near
    -0.627056,   // single-marks
    -2.8978293,  // recovered-mark
    1.5666891,   // multi-paragraph
    1.4293929,   // digits-ratio
];
