//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 840 gold
//! files, 177 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.03666939, // bias
    2.0527496,   // words
    -0.23574483, // few-words
    -0.38897792, // many-words
    -0.51820934, // sentence-punct-inside
    0.2675581,   // ends-with-punct
    1.66321,     // capitalised-ratio
    -1.7864407,  // starts-capitalised
    0.8157546,   // first-second-person
    1.2755816,   // verb-like
    3.7625737,   // naming-word-before
    1.3252536,   // article-or-preposition-before
    2.5156069,   // colon-before
    0.5004701,   // sentence-start
    0.75079405,  // paragraph-start
    -0.53247076, // fills-paragraph
    0.0,         // comma-after
    2.3815346,   // cue-near
    -0.23965831, // single-marks
    -2.6093347,  // recovered-mark
    1.5197848,   // multi-paragraph
    2.2024183,   // digits-ratio
];
