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

/// The hashed weights as `i16` units of [`weights::HASH_SCALE`], decoded at compile time
/// (zeros when the model has none): a lookup is one load, and a sentence's units add up
/// as integers, scaled once.
static HASHED_UNITS: [i16; HASH_BUCKETS] = {
    let mut units = [0i16; HASH_BUCKETS];
    let bytes = weights::HASHED;
    let mut i = 0;
    while 2 * i + 1 < bytes.len() {
        units[i] = i16::from_le_bytes([bytes[2 * i], bytes[2 * i + 1]]);
        i += 1;
    }
    units
};

/// The weight of hashed bucket `b`, in units of [`weights::HASH_SCALE`].
#[inline]
pub(super) fn hashed_units(b: u32) -> i32 {
    i32::from(HASHED_UNITS[b as usize % HASH_BUCKETS])
}

/// A sum of hashed weight units as a weight.
#[inline]
pub(super) fn from_units(units: i32) -> f64 {
    f64::from(units) * f64::from(weights::HASH_SCALE)
}

/// The calibrated logit of a sentence with named features `named` (bits) whose hashed
/// n-grams' weights add up to `hashed_units` units.
pub(super) fn logit(named: u64, hashed_units: i32) -> f64 {
    let mut z = f64::from(weights::BIAS) + from_units(hashed_units);
    let mut bits = named;
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        z += named_weight(i);
    }
    z
}

/// Sentences invented for the check, with the probability the trainer computed for
/// them from its unrounded weights.
#[cfg(test)]
pub(super) const TRAINER_CHECKS: &[(&str, f64)] = weights::CHECKS;
