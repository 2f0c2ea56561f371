//! Weights of [`super::page_kind`], written by `scripts/train-page-kind.py` (run by
//! `scripts/train-blocks.sh`) from ../shared/articles/dev + more (articles) and
//! more/other (other pages): do not edit.
// Generated numbers: a feature value of ln 2 is data, not the constant.
#![allow(clippy::approx_constant)]

pub(super) const WEIGHTS: [f32; super::page_kind::PAGE_FEATURES] = [
    -0.39765725,
    1.2114179,
    -0.49210793,
    0.3864825,
    -1.0354408,
    -0.300742,
    1.630048,
    0.24897036,
    0.45641667,
    -2.1130176,
    -0.14997023,
    -0.069279686,
    3.1625917,
    0.7475233,
    -0.6577316,
    -0.7613575,
];
/// A page whose log-odds of being an article are below this has none (set so that
/// at most a share 0.0 of the training articles are).
pub(super) const ARTICLE_BELOW: f32 = -2.6748676;

/// Feature vectors of a few training pages and the log-odds the trainer gave them.
#[cfg(test)]
pub(super) const CHECKS: &[([f32; super::page_kind::PAGE_FEATURES], f32)] = &[
    (
        [
            1.0, 4.2341065, 6.7776465, 0.07753706, 1.0986123, 3.5553482, 1.0, 1.0, 0.689775,
            0.19020173, 0.0, 0.0, 1.0, 1.0, 0.6931472, 0.0,
        ],
        4.4656115,
    ),
    (
        [
            1.0, 4.5108595, 5.1532917, 0.5232558, 1.7917595, 2.944439, 0.8, 0.4, 0.35192308, 0.0,
            0.0742115, 0.0, 0.0, 0.0, 0.0, 1.0,
        ],
        0.784118,
    ),
    (
        [
            1.0,
            5.3423343,
            7.374629,
            0.13048933,
            0.6931472,
            5.3423343,
            1.0,
            1.0,
            0.17617968,
            0.09947644,
            0.045627374,
            0.0,
            0.0,
            -1.0,
            0.0,
            1.0,
        ],
        0.40459418,
    ),
];
