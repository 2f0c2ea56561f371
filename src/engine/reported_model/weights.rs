//! Reported-speech model weights, in `features::NAMES` order: learnt by
//! `scripts/train-reported.sh` (`examples/train_reported.rs`) from 840 gold
//! files, 23707 cue candidates. Generated: do not edit.
pub(super) const WEIGHTS: [f32; super::features::N] = [
    -0.88547003,  // bias
    0.19915473,   // rules-take-it
    2.1333025,    // strength
    -0.18244812,  // strength-after-subject
    0.1913518,    // phrase-cue
    -0.0969007,   // according-to
    0.16297702,   // according-to-front
    -0.34355998,  // shape-name-cue-content
    0.1258711,    // shape-content-comma-name-cue
    0.15379173,   // shape-parenthetical
    -0.22466902,  // shape-content-comma-cue-name
    0.39679644,   // speaker-pronoun
    0.06328179,   // speaker-capitalised
    0.08145449,   // speaker-role-word
    0.082779355,  // speaker-lower-case-only
    0.032554384,  // speaker-long
    0.027485278,  // speaker-right-before-cue
    -0.3468147,   // cue-ends-ed
    -0.11666262,  // cue-ends-s
    -0.1469719,   // cue-ends-ing
    -0.22096942,  // hearer-verb
    0.09206164,   // before-cue-to
    0.052130472,  // before-cue-modal
    0.26343167,   // before-cue-negation
    0.07488083,   // before-cue-auxiliary
    0.9893737,    // after-cue-that
    -0.22605175,  // after-cue-comma
    0.29064012,   // after-cue-colon
    0.17525452,   // after-cue-to
    -0.028164899, // after-cue-preposition
    0.22503267,   // after-cue-determiner
    0.5102789,    // after-cue-pronoun
    0.23369661,   // after-cue-capitalised
    -0.14978169,  // after-cue-quotation
    0.38421348,   // after-cue-ing
    0.88749695,   // content-words
    -0.6020544,   // content-short
    1.1353965,    // content-has-quotation
    -0.28208616,  // cue-position
    -0.18312617,  // cue-opens-sentence
    -0.10740637,  // sentence-has-quotation
    -0.14709054,  // question
    0.19320147,   // subject-past-auxiliary
    -0.024637533, // subject-guessed
    -0.10366292,  // strength-after-subject-20
    0.10519218,   // strength-after-subject-50
    0.06480405,   // strength-after-subject-80
    -0.09337784,  // cue-only-from-wordnet
    -0.21413866,  // speaker-opens-with-determiner
    -0.12506992,  // before-cue-plain-lower-word
    -0.14776166,  // before-cue-determiner
    -0.5560122,   // passive
];
