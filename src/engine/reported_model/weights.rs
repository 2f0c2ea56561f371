//! Reported-speech model weights, in `features::NAMES` order: learnt by
//! `scripts/train-reported.sh` (`examples/train_reported.rs`) from 840 gold
//! files, 23699 cue candidates. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.8838234,   // bias
    0.19876517,   // rules-take-it
    2.1274202,    // strength
    -0.18073949,  // strength-after-subject
    0.19104896,   // phrase-cue
    -0.09649327,  // according-to
    0.16312352,   // according-to-front
    -0.34264997,  // shape-name-cue-content
    0.12601995,   // shape-content-comma-name-cue
    0.15539607,   // shape-parenthetical
    -0.22499323,  // shape-content-comma-cue-name
    0.39749116,   // speaker-pronoun
    0.06443491,   // speaker-capitalised
    0.082224466,  // speaker-role-word
    0.0853705,    // speaker-lower-case-only
    0.03159912,   // speaker-long
    0.026637957,  // speaker-right-before-cue
    -0.34677857,  // cue-ends-ed
    -0.117405914, // cue-ends-s
    -0.14688323,  // cue-ends-ing
    -0.22094558,  // hearer-verb
    0.09334722,   // before-cue-to
    0.0509766,    // before-cue-modal
    0.2621178,    // before-cue-negation
    0.07472262,   // before-cue-auxiliary
    0.9885494,    // after-cue-that
    -0.22714949,  // after-cue-comma
    0.28992012,   // after-cue-colon
    0.17573227,   // after-cue-to
    -0.02819641,  // after-cue-preposition
    0.22477908,   // after-cue-determiner
    0.5093443,    // after-cue-pronoun
    0.23227195,   // after-cue-capitalised
    -0.14992407,  // after-cue-quotation
    0.3833158,    // after-cue-ing
    0.88533854,   // content-words
    -0.6034407,   // content-short
    1.1359076,    // content-has-quotation
    -0.28215897,  // cue-position
    -0.18321942,  // cue-opens-sentence
    -0.10840388,  // sentence-has-quotation
    -0.14774294,  // question
    0.19405259,   // subject-past-auxiliary
    -0.024551947, // subject-guessed
    -0.10316749,  // strength-after-subject-20
    0.105599806,  // strength-after-subject-50
    0.06710844,   // strength-after-subject-80
    -0.08968291,  // cue-only-from-wordnet
    -0.21434353,  // speaker-opens-with-determiner
    -0.12624928,  // before-cue-plain-lower-word
    -0.14901209,  // before-cue-determiner
    -0.5564863,   // passive
];
