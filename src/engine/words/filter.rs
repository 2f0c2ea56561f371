//! The one prefilter in front of the engine's word sets.

/// A bitmap in front of a set of lower-case words, of `WORDS` 64-bit words: it turns
/// away most ASCII words the set does not hold before they are lower-cased and looked
/// up (it may let through a word the set does not hold, never miss one it does). Each
/// ASCII word sets two bits picked by a hash of its length and first and last two
/// bytes in one case; it reads a short word in two loads rather than byte by byte.
/// A word that is not ASCII is always let through.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter<const WORDS: usize> {
    bits: [u64; WORDS],
}

impl<const WORDS: usize> Default for Prefilter<WORDS> {
    fn default() -> Self {
        Prefilter { bits: [0; WORDS] }
    }
}

impl<const WORDS: usize> Prefilter<WORDS> {
    /// The mask of a bitmap word's index (a power of two words, at most 4096: the index
    /// takes 12 bits of the hash, the two bits 6 each).
    const WORD_MASK: usize = {
        assert!(WORDS.is_power_of_two() && WORDS <= 1 << 12);
        WORDS - 1
    };

    /// A filter of `words` (lower case).
    pub(crate) fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut f = Self::default();
        for w in words {
            f.insert(w);
        }
        f
    }

    /// Let `lower` (a lower-case word) through from now on. (A word that is not
    /// ASCII needs no bits: such words are always let through, and an ASCII word
    /// never lower-cases to one.)
    pub(crate) fn insert(&mut self, lower: &str) {
        if let Some(edges) = edges(lower.as_bytes()) {
            let (word, mask) = Self::slot(edges);
            self.bits[word] |= mask;
        }
    }

    /// Whether the lower case of `w` may be in the set: false only for an ASCII word
    /// whose lower case was never inserted.
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        self.may_hold_bytes(w.as_bytes())
    }

    /// [`Prefilter::may_hold`] of a word's bytes: of its lower case's, or of an ASCII
    /// word's whose letters lower-case to them.
    #[inline(always)]
    pub(crate) fn may_hold_bytes(&self, w: &[u8]) -> bool {
        let Some(edges) = edges(w) else {
            return true;
        };
        let (word, mask) = Self::slot(edges);
        self.bits[word] & mask == mask
    }

    /// The 64-bit word of the bitmap and the two bits in it (possibly one) that a
    /// word of edges `edges` sets: both bits in one word, so a test is one load and
    /// one multiply, not two of each.
    #[inline(always)]
    fn slot(edges: u64) -> (usize, u64) {
        // Multiplicative hashing: the top bits of the product depend on every bit, so
        // the word and both bits are taken from the top 24.
        let h = edges.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let word = (h >> 40) as usize & Self::WORD_MASK;
        let mask = 1 << (h >> 58) | 1 << (h >> 52 & 63);
        (word, mask)
    }
}

/// The length and the first and last two bytes of an ASCII word, `None` for another.
/// The bytes are or-ed with 0x20, which takes an upper-case letter to its lower case
/// and gives words equal in lower case equal edges. (Always inlined: it is asked of
/// nearly every token, and a call cost as much as the reading.)
#[inline(always)]
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_filter_lets_through_every_word_whose_lower_case_was_inserted(
            words in proptest::collection::vec("[a-z0-9'.-]{0,20}|\\PC{0,6}", 0..40),
            probe in "[a-zA-Z0-9'.-]{0,20}|\\PC{0,6}",
        ) {
            let lowers: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let small = Prefilter::<8>::of(lowers.iter().map(String::as_str));
            let large = Prefilter::<256>::of(lowers.iter().map(String::as_str));
            for w in &words {
                prop_assert!(small.may_hold(w) && large.may_hold(w), "{w:?}");
                let upper = w.to_ascii_uppercase();
                prop_assert!(small.may_hold(&upper) && large.may_hold(&upper), "{upper:?}");
            }
            if lowers.contains(&probe.to_lowercase()) {
                prop_assert!(small.may_hold(&probe) && large.may_hold(&probe));
            }
        }
    }

    #[test]
    fn filters_turn_away_most_other_words() {
        let words = ["said", "a", "", "spokeswoman", "editor\u{2019}s", "x-ray"];
        let f = Prefilter::<256>::of(words);
        for w in words {
            assert!(f.may_hold(w), "{w}");
            assert!(f.may_hold(&w.to_uppercase()), "{w}");
        }
        assert!(f.may_hold("\u{c9}ric"), "not ASCII: may always be held");
        let missed = ["the", "and", "of", "Pompeo", "sad", "saidx", "sand"];
        assert!(missed.iter().all(|w| !f.may_hold(w)));
    }
}
