//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 887 gold
//! files, 224 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.85749984, // bias
    2.4389007,   // words
    -0.1314686,  // few-words
    -0.09182316, // many-words
    -0.04835235, // sentence-punct-inside
    1.1243416,   // ends-with-punct
    1.5720484,   // capitalised-ratio
    -1.9839123,  // starts-capitalised
    0.40203488,  // first-second-person
    0.7839564,   // verb-like
    1.6309046,   // naming-word-before
    1.3059735,   // article-or-preposition-before
    2.7949634,   // colon-before
    0.87399054,  // sentence-start
    1.0833577,   // paragraph-start
    -0.53380895, // fills-paragraph
    0.0,         // comma-after
    2.8261907,   // cue-near
    0.09417018,  // single-marks
    -3.1777554,  // recovered-mark
    1.6351385,   // multi-paragraph
    1.6915994,   // digits-ratio
];
