//! Reported-speech model weights, in `features::NAMES` order: learnt by
//! `scripts/train-reported.sh` (`examples/train_reported.rs`) from 840 gold
//! files, 23711 cue candidates. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.8584806,   // bias
    0.1973859,    // rules-take-it
    2.0869043,    // strength
    -0.16663758,  // strength-after-subject
    0.20305613,   // phrase-cue
    -0.12637424,  // according-to
    0.1499442,    // according-to-front
    -0.31994027,  // shape-name-cue-content
    0.12926957,   // shape-content-comma-name-cue
    0.196925,     // shape-parenthetical
    -0.23106667,  // shape-content-comma-cue-name
    0.39542386,   // speaker-pronoun
    0.056470755,  // speaker-capitalised
    0.08899998,   // speaker-role-word
    0.09063344,   // speaker-lower-case-only
    0.031507652,  // speaker-long
    -0.028983546, // speaker-right-before-cue
    -0.3560372,   // cue-ends-ed
    -0.1089096,   // cue-ends-s
    -0.1210761,   // cue-ends-ing
    -0.2262061,   // hearer-verb
    0.07340812,   // before-cue-to
    0.023855748,  // before-cue-modal
    0.24662979,   // before-cue-negation
    -0.19020425,  // before-cue-auxiliary
    0.9941357,    // after-cue-that
    -0.24605267,  // after-cue-comma
    0.26233107,   // after-cue-colon
    0.13888785,   // after-cue-to
    -0.052436844, // after-cue-preposition
    0.24044019,   // after-cue-determiner
    0.5283948,    // after-cue-pronoun
    0.24546857,   // after-cue-capitalised
    -0.15006049,  // after-cue-quotation
    0.38843498,   // after-cue-ing
    0.9019451,    // content-words
    -0.59957254,  // content-short
    1.1215045,    // content-has-quotation
    -0.29847082,  // cue-position
    -0.16945265,  // cue-opens-sentence
    -0.08945538,  // sentence-has-quotation
    -0.15521336,  // question
    0.14352572,   // subject-past-auxiliary
    -0.049870145, // subject-guessed
    -0.0952989,   // strength-after-subject-20
    0.10784484,   // strength-after-subject-50
    0.06545578,   // strength-after-subject-80
    -0.09091249,  // cue-only-from-wordnet
    -0.23708962,  // speaker-opens-with-determiner
    -0.094548136, // before-cue-plain-lower-word
    -0.1571498,   // before-cue-determiner
];
