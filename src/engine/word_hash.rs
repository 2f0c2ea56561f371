//! A fast hasher for the engine's word lists. The standard SipHash defends against
//! hash flooding, which keys fixed at compile time do not need; word lookups happen
//! for nearly every token, so they take a multiply-rotate hash of 8 bytes at a time
//! (the Fx hash of rustc) instead.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Set of words (or any keys) hashed with [`WordHasher`].
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;
/// Map from words (or any keys) hashed with [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A bitmap of the lower-case words of a set, by length and end bytes: it turns
/// away most ASCII words the set does not hold before they are lower-cased and
/// hashed (it may let through words the set does not hold, never miss one it does).
#[derive(Debug, Clone)]
pub struct WordFilter {
    bits: Box<[u64; FILTER_BITS / 64]>,
}

const FILTER_BITS: usize = 8192;

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            bits: Box::new([0; FILTER_BITS / 64]),
        }
    }
}

impl WordFilter {
    /// A filter of `words` (lower case).
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut f = WordFilter::default();
        for w in words {
            f.insert(w);
        }
        f
    }

    /// Let `lower` (a lower-case word) through from now on.
    pub fn insert(&mut self, lower: &str) {
        let k = Self::key(lower.as_bytes());
        self.bits[k / 64] |= 1 << (k % 64);
    }

    /// Whether the lower case of `w` may be in the set: false only for an ASCII word
    /// whose lower case (same length, end bytes lower-cased) was never inserted.
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        if !w.is_ascii() {
            return true;
        }
        let k = Self::key(w.as_bytes());
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }

    #[inline]
    fn key(b: &[u8]) -> usize {
        let (first, last) = match (b.first(), b.last()) {
            (Some(f), Some(l)) => (f.to_ascii_lowercase(), l.to_ascii_lowercase()),
            _ => (0, 0),
        };
        (b.len().min(63) * 263 + usize::from(first) * 67 + usize::from(last)) % FILTER_BITS
    }
}

#[derive(Default, Clone, Copy)]
pub struct WordHasher {
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

/// A sharper [`WordFilter`] for a set looked up for nearly every word: each ASCII
/// word sets two bits picked by a hash of its length and first and last two bytes
/// in one case. Against the learnt cue list it lets through about 17 in 100
/// lower-case news words (13 of them cues), where `WordFilter` lets through 56; and
/// it reads a short word in two loads rather than byte by byte.
#[derive(Debug, Clone)]
pub struct EdgeFilter {
    bits: Box<[u64; EDGE_FILTER_BITS / 64]>,
}

/// 16 Ki bits (2 KB). With WordNet's speech verbs the built-in cue list has about 6,500
/// words and lets more other words through to the lookup, but a 64 Ki-bit filter was
/// slower on the clock (27 -> 20 MB/s on polnear/dev, same instructions): it crowds the
/// cache that the lookups and the rest of the engine use.
const EDGE_FILTER_BITS: usize = 1 << 14;

impl Default for EdgeFilter {
    fn default() -> Self {
        EdgeFilter {
            bits: Box::new([0; EDGE_FILTER_BITS / 64]),
        }
    }
}

impl EdgeFilter {
    /// A filter of `words` (lower case).
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut f = EdgeFilter::default();
        for w in words {
            f.insert(w);
        }
        f
    }

    /// Let `lower` (a lower-case word) through from now on. (A word that is not
    /// ASCII needs no bits: such words are always let through, and an ASCII word
    /// never lower-cases to one.)
    pub fn insert(&mut self, lower: &str) {
        if let Some(edges) = Self::edges(lower.as_bytes()) {
            for k in Self::keys(edges) {
                self.bits[k / 64] |= 1 << (k % 64);
            }
        }
    }

    /// Whether the lower case of `w` may be in the set: false only for an ASCII word
    /// whose lower case was never inserted.
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        let Some(edges) = Self::edges(w.as_bytes()) else {
            return true;
        };
        let [a, b] = Self::keys(edges);
        (self.bits[a / 64] >> (a % 64)) & (self.bits[b / 64] >> (b % 64)) & 1 != 0
    }

    /// The length and the first and last two bytes of an ASCII word, `None` for
    /// another. The bytes are or-ed with 0x20, which takes an upper-case letter to
    /// its lower case and gives words equal in lower case equal edges.
    #[inline]
    fn edges(b: &[u8]) -> Option<u64> {
        let n = b.len();
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or_default());
        let (ascii, first, last) = if n >= 8 {
            let (head, tail) = (u64_at(0), u64_at(n - 8));
            let ascii = if n <= 16 {
                (head | tail) & 0x8080_8080_8080_8080 == 0
            } else {
                b.is_ascii()
            };
            (ascii, head & 0xffff, tail >> 48)
        } else if n >= 4 {
            let (head, tail) = (u32_at(0), u32_at(n - 4));
            let ascii = (head | tail) & 0x8080_8080 == 0;
            (ascii, u64::from(head & 0xffff), u64::from(tail >> 16))
        } else if n > 0 {
            let (x, y, z) = (b[0], b[n / 2], b[n - 1]);
            (
                (x | y | z) < 0x80,
                u64::from(x) | u64::from(y) << 8,
                u64::from(z),
            )
        } else {
            (true, 0, 0)
        };
        ascii.then_some((first | last << 16 | 0x2020_2020) | (n as u64) << 32)
    }

    #[inline]
    fn keys(edges: u64) -> [usize; 2] {
        // Multiplicative hashing: the top bits of the product depend on every bit.
        let shift = 64 - EDGE_FILTER_BITS.trailing_zeros();
        [
            (edges.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize,
            (edges.wrapping_mul(0xc2b2_ae3d_27d4_eb4f) >> shift) as usize,
        ]
    }
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
    fn filters_let_through_every_word_inserted_in_any_ascii_case() {
        let words = ["said", "a", "", "spokeswoman", "editor\u{2019}s", "x-ray"];
        let f = WordFilter::of(words);
        for w in words {
            assert!(f.may_hold(w), "{w}");
            assert!(f.may_hold(&w.to_uppercase()), "{w}");
        }
        assert!(f.may_hold("Éric"), "not ASCII: may always be held");
        let missed = ["the", "and", "of", "Pompeo", "sad", "saidx"];
        assert!(missed.iter().all(|w| !f.may_hold(w)));
    }

    #[test]
    fn edge_filters_let_through_every_word_inserted_in_any_ascii_case() {
        let words = ["said", "a", "", "spokeswoman", "editor\u{2019}s", "x-ray"];
        let f = EdgeFilter::of(words);
        for w in words {
            assert!(f.may_hold(w), "{w}");
            assert!(f.may_hold(&w.to_uppercase()), "{w}");
        }
        assert!(f.may_hold("\u{c9}ric"), "not ASCII: may always be held");
        let missed = ["the", "and", "of", "Pompeo", "sad", "saidx", "sand"];
        assert!(missed.iter().all(|w| !f.may_hold(w)));
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
