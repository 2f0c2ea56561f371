//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 840 gold
//! files, 178 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.2349344,  // bias
    1.9601926,   // words
    -0.15230823, // few-words
    -0.29788265, // many-words
    -0.59342813, // sentence-punct-inside
    0.21671331,  // ends-with-punct
    1.6667578,   // capitalised-ratio
    -1.6518891,  // starts-capitalised
    0.6988606,   // first-second-person
    1.3925087,   // verb-like
    3.7806842,   // naming-word-before
    1.3419749,   // article-or-preposition-before
    2.513521,    // colon-before
    0.5751513,   // sentence-start
    0.8083242,   // paragraph-start
    -0.6645804,  // fills-paragraph
    0.0,         // comma-after
    2.5459623,   // cue-near
    -0.21465886, // single-marks
    -2.672716,   // recovered-mark
    1.6384292,   // multi-paragraph
    2.266976,    // digits-ratio
];
