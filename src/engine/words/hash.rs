//! The hashes of words: a fast hasher for the engine's word sets and maps, and FNV-1a
//! for the claim model's hashed features. The standard SipHash defends against hash
//! flooding, which keys fixed at compile time do not need; word lookups happen for
//! nearly every token, so they take a multiply-rotate hash of 8 bytes at a time (the
//! Fx hash of rustc) instead.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Set of words (or any keys) hashed with [`WordHasher`].
pub(crate) type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;
/// Map from words (or any keys) hashed with [`WordHasher`].
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        // The few bytes left read as overlapping words rather than byte by byte (a
        // hash need only be the same for equal keys; the table compares the keys).
        let rest = chunks.remainder().len();
        if rest == 0 {
            return;
        }
        let word = if n >= 8 {
            u64::from_le_bytes(bytes[n - 8..].try_into().unwrap_or_default())
        } else if n >= 4 {
            let lo = u32::from_le_bytes(bytes[..4].try_into().unwrap_or_default());
            let hi = u32::from_le_bytes(bytes[n - 4..].try_into().unwrap_or_default());
            u64::from(lo) | u64::from(hi) << 32
        } else {
            u64::from(bytes[0])
                | u64::from(bytes[n / 2]) << 8
                | u64::from(bytes[n - 1]) << 16
                | (n as u64) << 24
        };
        self.add(word);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// FNV-1a of `s`, 32 bits: the hash of a word for the claim model's hashed features
/// (the trainer hashes the same way, so it may not change without retraining).
pub(crate) const fn fnv1a(s: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < s.len() {
        h ^= s[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_find_what_they_hold_and_nothing_else() {
        let words = [
            "said",
            "told",
            "according",
            "a",
            "",
            "spokeswoman",
            "ministry's",
        ];
        let set: WordSet<&str> = words.iter().copied().collect();
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        for w in ["says", "sai", "saidx", "spokeswoma", "Said", "ministry"] {
            assert!(!set.contains(w), "{w}");
        }
    }

    #[test]
    fn tail_bytes_change_the_hash() {
        use std::hash::BuildHasher;
        let b = BuildHasherDefault::<WordHasher>::default();
        assert_ne!(b.hash_one("abcdefgh1"), b.hash_one("abcdefgh2"));
        assert_ne!(b.hash_one("ab"), b.hash_one("ba"));
        assert_ne!(b.hash_one("abcde"), b.hash_one("abcdf"));
        assert_ne!(b.hash_one("xbcde"), b.hash_one("abcde"));
        assert_ne!(b.hash_one("a"), b.hash_one("aaa"));
    }
}
