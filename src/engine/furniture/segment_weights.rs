//! Weights of the copied-text edge model (`segments.rs`), written by
//! `scripts/train-copied.py` (run by `scripts/train-copied.sh`): a logistic regression
//! over the segments of the body's run of ../shared/articles/dev + more, its
//! threshold chosen by the article metric. Do not edit by hand.

pub(super) const WEIGHTS: [f32; super::N] = [
    0.52034485,  // log1p prose score of the segment
    -0.7757035,  // log1p prose score of the main segment
    -0.37573513, // segment's share of the run's prose score
    -0.14788914, // log1p lines parting it from its inner neighbour
    -0.07594399, // log1p cost of those lines
    -1.044759,   // a line shaped like furniture among them
    0.7357004,   // at the top of the run (before the main segment)
    -0.12650687, // share of its prose lines that are full sentences (10+ words)
    0.08013851,  // log mean words of its prose lines
    0.79164714,  // log1p its prose lines
    0.048394088, // log segments between it and the main segment
    -1.2055514,  // share of capitalised words in its prose lines
    -0.6698611,  // a short line parting it names what follows (related, comments, more ...)
    0.93553454,  // share of its prose lines ending a sentence
    0.101713955, // share of its lines that are short and hold a digit (dates, counts)
    0.13787991,  // log its mean words of prose lines over the main segment's
    2.5422282,   // bias
];

/// An edge segment below these log-odds is dropped.
pub(super) const THRESHOLD: f32 = 0.0;

/// Segments' features and the trainer's log-odds of them (for a test).
#[cfg(test)]
#[allow(clippy::approx_constant)] // features as the trainer read them (ln 2 among them)
pub(super) const CHECKS: [([f64; super::N], f64); 3] = [
    (
        [
            5.056245805348308,
            5.641907070938114,
            0.35697940503432496,
            1.791759469228055,
            3.3141860046725258,
            0.0,
            1.0,
            1.0,
            3.9512437185814275,
            1.3862943611198906,
            0.0,
            0.1476510067114094,
            1.0,
            1.0,
            0.0,
            0.25879919830299475,
            1.0,
        ],
        2.292620828598455,
    ),
    (
        [
            3.4011973816621555,
            4.6443908991413725,
            0.09098039215686274,
            0.6931471805599453,
            2.1400661634962708,
            0.0,
            1.0,
            1.0,
            3.367295829986474,
            0.6931471805599453,
            1.3862943611198906,
            0.3448275862068966,
            0.0,
            0.0,
            0.0,
            -1.2674331582431617,
            1.0,
        ],
        1.3145340416377462,
    ),
    (
        [
            5.734150011272598,
            6.030685260261263,
            0.33716160787530763,
            1.0986122886681096,
            2.833213344056216,
            0.0,
            1.0,
            0.875,
            3.6635616461296463,
            2.1972245773362196,
            1.0986122886681098,
            0.3708609271523179,
            0.0,
            1.0,
            0.125,
            -0.28527533242121594,
            1.0,
        ],
        3.516633575092268,
    ),
];
