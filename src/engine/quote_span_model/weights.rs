//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 887 gold
//! files, 228 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.04820186,  // bias
    1.2074143,    // words
    -0.043038618, // few-words
    0.20854382,   // many-words
    -0.5216867,   // sentence-punct-inside
    0.5706115,    // ends-with-punct
    0.93906456,   // capitalised-ratio
    -1.636233,    // starts-capitalised
    0.4746453,    // first-second-person
    0.76578534,   // verb-like
    1.5666702,    // naming-word-before
    1.0845108,    // article-or-preposition-before
    0.23436004,   // colon-before
    1.2833381,    // sentence-start
    0.41477764,   // paragraph-start
    -0.45804587,  // fills-paragraph
    0.0,          // comma-after
    2.8505175,    // cue-near
    -0.070873335, // single-marks
    -2.563705,    // recovered-mark
    0.69172114,   // multi-paragraph
    0.8802991,    // digits-ratio
];
