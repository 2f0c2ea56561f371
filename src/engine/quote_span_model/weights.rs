//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 887 gold
//! files, 221 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.2792275,  // bias
    2.4612775,   // words
    -0.37777117, // few-words
    -0.34404287, // many-words
    -0.07480846, // sentence-punct-inside
    0.72900724,  // ends-with-punct
    1.5575819,   // capitalised-ratio
    -1.790494,   // starts-capitalised
    0.25068498,  // first-second-person
    0.85382086,  // verb-like
    1.5413836,   // naming-word-before
    1.0605972,   // article-or-preposition-before
    2.700055,    // colon-before
    0.80521816,  // sentence-start
    0.8240132,   // paragraph-start
    -0.6012538,  // fills-paragraph
    0.0,         // comma-after
    2.5805538,   // cue-near
    0.1904799,   // single-marks
    -3.8751998,  // recovered-mark
    0.81745523,  // multi-paragraph
    3.040349,    // digits-ratio
];
