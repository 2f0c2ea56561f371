//! The shipped check-worthiness model: a logistic regression over the features of
//! [`super::features`], its weights generated into `weights.rs` (+ `hashed_weights.bin`)
//! by `examples/train_claims.rs` (`scripts/eval-claims.sh --write`), with the
//! calibration folded in: the sigmoid of [`logit`] is the calibrated probability.

use super::features::{HASH_BUCKETS, NAMED};

#[path = "weights.rs"]
mod weights;

pub(super) use weights::PROVENANCE;

/// The hashed weights are stored as `i16`s (little endian) times [`weights::HASH_SCALE`].
const _: () = assert!(weights::HASHED.is_empty() || weights::HASHED.len() == 2 * HASH_BUCKETS);
const _: () = assert!(weights::NAMED_WEIGHTS.len() == NAMED);

/// Whether the shipped model uses the hashed word features at all (the scan skips
/// hashing when it does not).
pub(super) const USES_HASHED: bool = !weights::HASHED.is_empty();

/// The weight of named feature `i`.
#[inline]
pub(super) fn named_weight(i: usize) -> f64 {
    f64::from(weights::NAMED_WEIGHTS[i])
}

/// The weight of hashed bucket `b` (0 when the model has none).
#[inline]
pub(super) fn hashed_weight(b: u32) -> f64 {
    let i = 2 * b as usize;
    match weights::HASHED.get(i..i + 2) {
        Some(&[lo, hi]) => f64::from(i16::from_le_bytes([lo, hi])) * f64::from(weights::HASH_SCALE),
        _ => 0.0,
    }
}

/// The calibrated logit of a sentence with named features `named` (bits) and hashed
/// buckets `hashed`.
pub(super) fn logit(named: u64, hashed: &[u32]) -> f64 {
    let mut z = f64::from(weights::BIAS);
    let mut bits = named;
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        z += named_weight(i);
    }
    for &b in hashed {
        z += hashed_weight(b);
    }
    z
}

/// Sentences invented for the check, with the probability the trainer computed for
/// them from its unrounded weights.
#[cfg(test)]
pub(super) const TRAINER_CHECKS: &[(&str, f64)] = weights::CHECKS;
