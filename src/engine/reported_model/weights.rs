//! Reported-speech model weights, in `features::NAMES` order: learnt by
//! `scripts/train-reported.sh` (`examples/train_reported.rs`) from 840 gold
//! files, 23743 cue candidates. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.9225913,   // bias
    0.19789179,   // rules-take-it
    2.1260865,    // strength
    -0.17998704,  // strength-after-subject
    0.19140102,   // phrase-cue
    -0.26384956,  // according-to
    0.107478686,  // according-to-front
    -0.31373563,  // shape-name-cue-content
    0.13010482,   // shape-content-comma-name-cue
    0.18012322,   // shape-parenthetical
    -0.22001526,  // shape-content-comma-cue-name
    0.3953327,    // speaker-pronoun
    0.064840116,  // speaker-capitalised
    0.07839296,   // speaker-role-word
    0.078007005,  // speaker-lower-case-only
    0.028537987,  // speaker-long
    0.029305048,  // speaker-right-before-cue
    -0.34706372,  // cue-ends-ed
    -0.11818749,  // cue-ends-s
    -0.14926255,  // cue-ends-ing
    -0.22020155,  // hearer-verb
    0.09325158,   // before-cue-to
    0.05111869,   // before-cue-modal
    0.26283196,   // before-cue-negation
    0.07578447,   // before-cue-auxiliary
    0.9885498,    // after-cue-that
    -0.22699492,  // after-cue-comma
    0.29223865,   // after-cue-colon
    0.17652176,   // after-cue-to
    -0.025525646, // after-cue-preposition
    0.2318346,    // after-cue-determiner
    0.49277866,   // after-cue-pronoun
    0.23544791,   // after-cue-capitalised
    -0.14331871,  // after-cue-quotation
    0.38291815,   // after-cue-ing
    0.8911031,    // content-words
    -0.60353047,  // content-short
    1.1361306,    // content-has-quotation
    -0.26664189,  // cue-position
    -0.1817252,   // cue-opens-sentence
    -0.117875315, // sentence-has-quotation
    -0.14838807,  // question
    0.19469458,   // subject-past-auxiliary
    -0.02155308,  // subject-guessed
    -0.10226485,  // strength-after-subject-20
    0.10665251,   // strength-after-subject-50
    0.06851618,   // strength-after-subject-80
    -0.08783185,  // cue-only-from-wordnet
    -0.20848127,  // speaker-opens-with-determiner
    -0.12691239,  // before-cue-plain-lower-word
    -0.15150413,  // before-cue-determiner
    -0.5573531,   // passive
];
