//! The engine's one word layer: how a word is lower-cased, keyed, hashed and turned
//! away early, for every word list (the lexicon, the cue list, the claim lists, a
//! text's surnames) and the phrase tests on lines.
//!
//! One rule: a word's lower case is `str::to_lowercase`. Everything here is a fast path
//! of a plain definition, and the property tests below check each against it:
//! - [`with_lower`]`(w, f)` is `f(&w.to_lowercase())`;
//! - [`lower_is`]`(w, l)` is `w.to_lowercase() == l`;
//! - [`Lower`] is the lower case of a word without a copy, and [`Lower::key`] and
//!   [`ascii_key`] are [`key_of_lower`] of it: equal keys for equal lower cases only;
//! - [`Prefilter::may_hold`] is true for every word whose lower case was inserted;
//! - [`LowerContains::contains`] is `text.to_lowercase().contains(needle)`;
//! - [`Lower::fnv1a`] is [`fnv1a`] of the lower case.
//!
//! `hash` has the hasher of the word sets and maps, `filter` the prefilter, `key_map`
//! the map from word keys, `table` the one table of listed words ([`WordTable`]: the
//! lexicon's closed lists and the claim lists, by key) and the token table read from
//! it: each token's closed word lists, found once a text ([`TokenTable::new`] is
//! [`ListBits::of_word`] of every token).

mod filter;
mod hash;
mod key_map;
mod table;

pub(crate) use filter::Prefilter;
pub(crate) use hash::{fnv1a, WordMap, WordSet};
pub(crate) use key_map::KeyMap;
pub(crate) use table::{ListBits, TokenTable, WordTable};

/// Run `f` on `w.to_lowercase()`, without allocating when `w` is already lower case
/// or a short ASCII word (lower-cased on the stack).
#[inline]
pub(crate) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    if b.is_ascii() {
        if !b.iter().any(u8::is_ascii_uppercase) {
            return f(w);
        }
        let mut buf = [0u8; 32];
        if let Some(buf) = buf.get_mut(..b.len()) {
            buf.copy_from_slice(b);
            buf.make_ascii_lowercase();
            // ASCII in, ASCII out: always valid UTF-8.
            return f(std::str::from_utf8(buf).unwrap_or_default());
        }
        return f(&w.to_ascii_lowercase());
    }
    if w.chars().all(lowers_to_itself) {
        return f(w);
    }
    // A capitalised word with a curly apostrophe ("Trump’s") or an accent: its
    // characters lower-cased one by one on the stack when each lowers to one character
    // (then the word's lower case is theirs, but for a capital sigma, whose lower case
    // depends on its place: sent to the standard call, as a longer word is).
    let mut buf = [0u8; 32];
    let mut n = 0;
    for c in w.chars() {
        let mut l = c.to_lowercase();
        let (Some(lower), None) = (l.next(), l.next()) else {
            return f(&w.to_lowercase());
        };
        if c == '\u{3a3}' || n + lower.len_utf8() > buf.len() {
            return f(&w.to_lowercase());
        }
        n += lower.encode_utf8(&mut buf[n..]).len();
    }
    f(std::str::from_utf8(&buf[..n]).unwrap_or_default())
}

/// Whether `c.to_lowercase()` is `c` alone. (A string's lower case is its characters'
/// but for a final capital sigma, which does not lower to itself either.)
#[inline]
fn lowers_to_itself(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// Whether `w` in lower case is `lower`, a lower-case ASCII word without a "k": a
/// byte comparison, no copy. Exact: the only character besides the ASCII letters
/// whose lower case is ASCII is the KELVIN SIGN, whose lower case is "k".
#[inline]
pub(crate) fn lower_is(w: &str, lower: &str) -> bool {
    debug_assert!(lower.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'));
    w.eq_ignore_ascii_case(lower)
}

/// The most bytes a word key holds.
pub(crate) const KEY_BYTES: usize = 15;

/// The one key of a word: its lower case (`lower`, at most [`KEY_BYTES`] bytes) as one
/// number, the bytes in little-endian order and the length in the top byte. Words
/// have equal keys exactly when their lower cases are equal.
#[inline]
pub(crate) fn key_of_lower(lower: &[u8]) -> u128 {
    Lower {
        bytes: lower,
        fold: 0,
    }
    .key()
}

/// [`key_of_lower`] of an ASCII word of at most [`KEY_BYTES`] bytes, lower-cased
/// sixteen bytes at a time; `None` for another word.
#[inline]
pub(crate) fn ascii_key(w: &str) -> Option<u128> {
    const HIGH_BITS: u128 = u128::from_le_bytes([0x80; 16]);
    let b = w.as_bytes();
    if b.len() > KEY_BYTES {
        return None;
    }
    let x = load_le(b) | (b.len() as u128) << 120;
    if x & HIGH_BITS != 0 {
        return None;
    }
    // A byte from b'A' to b'Z' gets 0x20. (An ASCII byte plus 0x3f or 0x25 carries
    // into no other byte.)
    let (from_a, past_z) = (
        u128::from_le_bytes([0x3f; 16]),
        u128::from_le_bytes([0x25; 16]),
    );
    let upper = (x + from_a) & !(x + past_z) & HIGH_BITS;
    Some(x | upper >> 2)
}

/// The bytes of `b` (at most 16) as a little-endian number, zero above them: read in
/// two overlapping loads at most, where a copy into a buffer of a length known only
/// when run is a `memcpy` call (asked of nearly every cue lookup).
#[inline(always)]
fn load_le(b: &[u8]) -> u128 {
    let n = b.len();
    let u64_at = |s: &[u8]| u64::from_le_bytes(s.try_into().unwrap_or_default());
    let u32_at = |s: &[u8]| u32::from_le_bytes(s.try_into().unwrap_or_default());
    if n >= 8 {
        // The last eight bytes, shifted down past those the first load read.
        let high = u64_at(&b[n - 8..])
            .checked_shr(8 * (16 - n as u32))
            .unwrap_or(0);
        u128::from(u64_at(&b[..8])) | u128::from(high) << 64
    } else if n >= 4 {
        let high = u32_at(&b[n - 4..])
            .checked_shr(8 * (8 - n as u32))
            .unwrap_or(0);
        u128::from(u32_at(&b[..4])) | u128::from(high) << 32
    } else {
        b.iter().rev().fold(0, |x, &byte| x << 8 | u128::from(byte))
    }
}

/// A word's lower case without a copy: an ASCII word's own bytes each or-ed with
/// `fold` (0x20 lower-cases the letters and changes no digit, `'`, `.` or `,`, the
/// only other bytes the claim scanner's words have), or a lower-cased copy with
/// `fold` 0.
#[derive(Clone, Copy)]
pub(crate) struct Lower<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) fold: u8,
}

impl<'a> Lower<'a> {
    /// The lower case of an ASCII word of letters, digits, `'`, `.` and `,`.
    #[inline]
    pub(crate) fn folded(bytes: &'a [u8]) -> Self {
        Lower { bytes, fold: 0x20 }
    }

    #[inline]
    pub(crate) fn len(self) -> usize {
        self.bytes.len()
    }

    #[inline]
    pub(crate) fn byte(self, i: usize) -> u8 {
        self.bytes[i] | self.fold
    }

    #[inline]
    pub(crate) fn starts_with(self, prefix: &[u8]) -> bool {
        let b = self.bytes;
        b.len() >= prefix.len() && prefix.iter().zip(b).all(|(p, x)| *p == x | self.fold)
    }

    #[inline]
    pub(crate) fn ends_with(self, suffix: &[u8]) -> bool {
        let b = self.bytes;
        b.len() >= suffix.len()
            && suffix
                .iter()
                .zip(&b[b.len() - suffix.len()..])
                .all(|(p, x)| *p == x | self.fold)
    }

    #[inline]
    pub(crate) fn is(self, other: &[u8]) -> bool {
        self.len() == other.len() && self.starts_with(other)
    }

    /// [`fnv1a`] of the lower case, four bytes a step (the same steps in the same
    /// order: a word's hash is the hot part of the hashed features, and the loop's
    /// own counting cost as much as the hashing).
    pub(crate) fn fnv1a(self) -> u32 {
        const PRIME: u32 = 0x0100_0193;
        let step = |h: u32, b: u8| (h ^ u32::from(b | self.fold)).wrapping_mul(PRIME);
        let mut h: u32 = 0x811c_9dc5;
        let mut quads = self.bytes.chunks_exact(4);
        for q in &mut quads {
            h = step(step(step(step(h, q[0]), q[1]), q[2]), q[3]);
        }
        for &b in quads.remainder() {
            h = step(h, b);
        }
        h
    }

    /// The word's key ([`key_of_lower`]); the word has at most [`KEY_BYTES`] bytes.
    #[inline]
    pub(crate) fn key(self) -> u128 {
        debug_assert!(self.len() <= KEY_BYTES);
        let mut k = [0u8; 16];
        for (d, b) in k.iter_mut().zip(self.bytes) {
            *d = b | self.fold;
        }
        k[15] = self.len() as u8;
        u128::from_le_bytes(k)
    }
}

/// `text.to_lowercase().contains(needle)` for needles of lower-case ASCII, with a copy
/// lower-cased in ASCII only (a byte map instead of Unicode case mapping). An ASCII
/// needle can only match ASCII letters of the text, whose lower case is ASCII, except
/// for the two characters whose lower case is partly ASCII (KELVIN SIGN, CAPITAL I
/// WITH DOT ABOVE); a text holding one of those takes the full copy.
pub(crate) struct LowerContains {
    lower: String,
}

impl LowerContains {
    pub(crate) fn new(text: &str) -> Self {
        // One-character patterns are byte searches; a pattern of two characters is not.
        let odd = !text.is_ascii() && (text.contains('\u{212a}') || text.contains('\u{130}'));
        let lower = if odd {
            text.to_lowercase()
        } else {
            text.to_ascii_lowercase()
        };
        LowerContains { lower }
    }

    pub(crate) fn contains(&self, needle: &str) -> bool {
        debug_assert!(needle.is_ascii() && !needle.bytes().any(|b| b.is_ascii_uppercase()));
        self.lower.contains(needle)
    }
}

/// `word` with the letters whose position (mod 64) is set in `case` upper-cased: the
/// mixed-case spellings the word tables' property tests look up.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn mixed_case(word: &str, case: u64) -> String {
    word.chars()
        .enumerate()
        .map(|(k, c)| {
            if case >> (k % 64) & 1 == 1 {
                c.to_uppercase().next().unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words of news text and the odd characters that make lower-casing hard: titlecase
    /// letters, KELVIN SIGN, CAPITAL I WITH DOT ABOVE, final sigma, ß.
    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9'.,-]{0,20}",
            "[a-zA-Z\u{e9}\u{c9}\u{1c5}\u{1c4}\u{1c6}\u{212a}\u{130}\u{3a3}\u{3c3}\u{df}\u{2019}]{0,8}",
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn with_lower_is_to_lowercase(w in word()) {
            with_lower(&w, |l| assert_eq!(l, w.to_lowercase()));
        }

        #[test]
        fn lower_is_compares_lower_cases(w in word(), lower in "[a-jl-z]{0,4}") {
            prop_assert_eq!(lower_is(&w, &lower), w.to_lowercase() == lower);
        }

        #[test]
        fn keys_are_equal_for_equal_lower_cases(a in word(), b in word()) {
            let (la, lb) = (a.to_lowercase(), b.to_lowercase());
            if la.len() <= KEY_BYTES && lb.len() <= KEY_BYTES {
                let (ka, kb) = (key_of_lower(la.as_bytes()), key_of_lower(lb.as_bytes()));
                prop_assert_eq!(ka == kb, la == lb);
            }
            if let Some(k) = ascii_key(&a) {
                prop_assert!(a.is_ascii() && a.len() <= KEY_BYTES);
                prop_assert_eq!(k, key_of_lower(la.as_bytes()));
            } else {
                prop_assert!(!a.is_ascii() || a.len() > KEY_BYTES);
            }
        }

        #[test]
        fn folded_words_are_their_lower_case(w in "[a-zA-Z0-9'.,]{0,15}") {
            let lower = w.to_lowercase();
            let l = Lower::folded(w.as_bytes());
            prop_assert!(l.is(lower.as_bytes()));
            prop_assert_eq!(l.key(), key_of_lower(lower.as_bytes()));
            prop_assert_eq!(l.fnv1a(), fnv1a(lower.as_bytes()));
        }

        #[test]
        fn lower_contains_is_contains_of_the_lower_case(
            text in word(),
            needle in "[a-z ]{1,3}",
        ) {
            let l = LowerContains::new(&text);
            prop_assert_eq!(l.contains(&needle), text.to_lowercase().contains(&needle));
        }
    }

    #[test]
    fn load_le_reads_the_bytes_as_a_buffer_would() {
        let bytes: Vec<u8> = (1..=16).collect();
        for n in 0..=16 {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load_le(&bytes[..n]), u128::from_le_bytes(buf), "{n}");
        }
    }

    #[test]
    fn only_the_kelvin_sign_lower_cases_to_ascii_besides_ascii() {
        // What makes `lower_is` exact for its "k"-less words.
        let odd: Vec<char> = (0..=char::MAX as u32)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii() && c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(odd, ['\u{212a}']);
    }

    #[test]
    fn odd_characters_lower_case_as_the_standard_says() {
        for w in [
            "\u{1c5}ure",
            "\u{212a}elvin",
            "\u{130}stanbul",
            "O\u{3a3}",
            "STRASSE",
        ] {
            with_lower(w, |l| assert_eq!(l, w.to_lowercase(), "{w}"));
        }
        // A long ASCII word is not lower-cased on the stack but is still lower-cased.
        let long = "A".repeat(40);
        with_lower(&long, |l| assert_eq!(l, long.to_lowercase()));
    }

    #[test]
    fn lower_contains_agrees_with_unicode_lower_case() {
        let texts = [
            "All Rights Reserved",
            "3 MINUTES AGO",
            "\u{212a}elvin: 5 \u{212a}",
            "\u{130}stanbul \u{130}S here",
            "ÀLL RİGHTS",
            "Straße STRASSE",
            "",
        ];
        let needles = [
            "all rights reserved",
            " ago",
            "kelvin",
            "k",
            "i",
            "is",
            "strasse",
            "ss",
        ];
        for t in texts {
            let l = LowerContains::new(t);
            for n in needles {
                assert_eq!(l.contains(n), t.to_lowercase().contains(n), "{t:?} {n:?}");
            }
        }
    }
}
