//! Reported-speech model weights, in `features::NAMES` order: learnt by
//! `scripts/train-reported.sh` (`examples/train_reported.rs`) from 840 gold
//! files, 23700 cue candidates. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.8834386,   // bias
    0.19875477,   // rules-take-it
    2.1274195,    // strength
    -0.1807724,   // strength-after-subject
    0.19103979,   // phrase-cue
    -0.09537359,  // according-to
    0.16250348,   // according-to-front
    -0.34276646,  // shape-name-cue-content
    0.1259958,    // shape-content-comma-name-cue
    0.15532362,   // shape-parenthetical
    -0.22500432,  // shape-content-comma-cue-name
    0.39751828,   // speaker-pronoun
    0.06445815,   // speaker-capitalised
    0.08223615,   // speaker-role-word
    0.08539323,   // speaker-lower-case-only
    0.03177331,   // speaker-long
    0.026637975,  // speaker-right-before-cue
    -0.34677768,  // cue-ends-ed
    -0.11739922,  // cue-ends-s
    -0.14687255,  // cue-ends-ing
    -0.22068311,  // hearer-verb
    0.09335194,   // before-cue-to
    0.051146246,  // before-cue-modal
    0.2621152,    // before-cue-negation
    0.07471927,   // before-cue-auxiliary
    0.9885599,    // after-cue-that
    -0.22714868,  // after-cue-comma
    0.28990233,   // after-cue-colon
    0.1757422,    // after-cue-to
    -0.028184613, // after-cue-preposition
    0.22483602,   // after-cue-determiner
    0.5093472,    // after-cue-pronoun
    0.23224919,   // after-cue-capitalised
    -0.15001161,  // after-cue-quotation
    0.38332322,   // after-cue-ing
    0.8849172,    // content-words
    -0.60353035,  // content-short
    1.1360103,    // content-has-quotation
    -0.2822705,   // cue-position
    -0.18325062,  // cue-opens-sentence
    -0.10838847,  // sentence-has-quotation
    -0.14774507,  // question
    0.19404101,   // subject-past-auxiliary
    -0.024546491, // subject-guessed
    -0.10316455,  // strength-after-subject-20
    0.1056121,    // strength-after-subject-50
    0.06710943,   // strength-after-subject-80
    -0.089688964, // cue-only-from-wordnet
    -0.21432985,  // speaker-opens-with-determiner
    -0.1262465,   // before-cue-plain-lower-word
    -0.14900523,  // before-cue-determiner
    -0.5564783,   // passive
];
