//! Reported-speech model weights, in `features::NAMES` order: learnt by
//! `scripts/train-reported.sh` (`examples/train_reported.rs`) from 840 gold
//! files, 23693 cue candidates. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.8885809,   // bias
    0.19953115,   // rules-take-it
    2.0915024,    // strength
    -0.17211695,  // strength-after-subject
    0.20025659,   // phrase-cue
    -0.11833892,  // according-to
    0.16201101,   // according-to-front
    -0.3414209,   // shape-name-cue-content
    0.13046016,   // shape-content-comma-name-cue
    0.1630543,    // shape-parenthetical
    -0.22744079,  // shape-content-comma-cue-name
    0.3967685,    // speaker-pronoun
    0.06236738,   // speaker-capitalised
    0.07744472,   // speaker-role-word
    0.06917837,   // speaker-lower-case-only
    0.028634125,  // speaker-long
    0.035923257,  // speaker-right-before-cue
    -0.35497892,  // cue-ends-ed
    -0.11323276,  // cue-ends-s
    -0.11111632,  // cue-ends-ing
    -0.23165451,  // hearer-verb
    0.10361569,   // before-cue-to
    0.058088772,  // before-cue-modal
    0.276809,     // before-cue-negation
    -0.1538986,   // before-cue-auxiliary
    0.9922372,    // after-cue-that
    -0.24230754,  // after-cue-comma
    0.26542103,   // after-cue-colon
    0.1399416,    // after-cue-to
    -0.051161896, // after-cue-preposition
    0.2436393,    // after-cue-determiner
    0.53002995,   // after-cue-pronoun
    0.2473705,    // after-cue-capitalised
    -0.15207154,  // after-cue-quotation
    0.39075762,   // after-cue-ing
    0.89158106,   // content-words
    -0.60056674,  // content-short
    1.1251224,    // content-has-quotation
    -0.28936687,  // cue-position
    -0.18915445,  // cue-opens-sentence
    -0.0933738,   // sentence-has-quotation
    -0.16606455,  // question
    0.17092727,   // subject-past-auxiliary
    -0.03405873,  // subject-guessed
    -0.09385196,  // strength-after-subject-20
    0.10865283,   // strength-after-subject-50
    0.0659695,    // strength-after-subject-80
    -0.087706774, // cue-only-from-wordnet
    -0.21532162,  // speaker-opens-with-determiner
    -0.11281317,  // before-cue-plain-lower-word
    -0.13336746,  // before-cue-determiner
];
