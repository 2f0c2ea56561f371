//! Quotation-span model weights, in `features::NAMES` order: learnt by
//! `scripts/train-quote-spans.sh` (`examples/train_quote_spans.rs`) from 911 gold
//! files, 239 quotations without a speaker. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    0.13803113,   // bias
    1.3892338,    // words
    -0.061886232, // few-words
    0.26169154,   // many-words
    -0.52488256,  // sentence-punct-inside
    0.5487812,    // ends-with-punct
    1.0024117,    // capitalised-ratio
    -1.9282186,   // starts-capitalised
    0.3524713,    // first-second-person
    0.8239912,    // verb-like
    1.5283418,    // naming-word-before
    0.36883113,   // article-or-preposition-before
    0.1528647,    // colon-before
    1.2989569,    // sentence-start
    0.3856982,    // paragraph-start
    -0.3945443,   // fills-paragraph
    0.0,          // comma-after
    3.0584083,    // cue-near
    0.05427291,   // single-marks
    -2.3767018,   // recovered-mark
    0.83858216,   // multi-paragraph
    0.65300065,   // digits-ratio
];
