//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 840 gold
//! files, 202 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.032021545, // bias
    2.0660028,    // words
    -0.042015843, // few-words
    -0.2896826,   // many-words
    -0.8694677,   // sentence-punct-inside
    0.17816739,   // ends-with-punct
    1.4273813,    // capitalised-ratio
    -1.5396558,   // starts-capitalised
    0.74721605,   // first-second-person
    1.2995563,    // verb-like
    3.4638443,    // naming-word-before
    1.1346048,    // article-or-preposition-before
    2.4849374,    // colon-before
    0.60629785,   // sentence-start
    0.736825,     // paragraph-start
    -0.6291656,   // fills-paragraph
    0.0,          // comma-after
    2.9145958,    // cue-near
    -0.24733822,  // single-marks
    -2.1578395,   // recovered-mark
    1.4867235,    // multi-paragraph
    1.1592846,    // digits-ratio
];
