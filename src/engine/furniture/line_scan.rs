//! One pass over a line for what furniture's tests need of it at any length: its word
//! count, the [`PHRASES`] its normalised form holds, its link-list separator bytes and
//! its tabs. Lines of prose (most of a page's bytes) need nothing more, so they are read
//! once and never copied; only short lines get a normalised copy for their own tests.

use super::is_cjk;
use crate::engine::ascii::char_from;

/// What [`scan_line`] finds in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct LineScan {
    /// [`super::word_count`] of the line.
    pub words: usize,
    /// Which [`PHRASES`] the line's [`super::normalise`]d form holds (bit k for phrase k).
    pub found: u32,
    /// Bytes that can make a link-list separator (`|`, `-`, `/`, and the lead bytes
    /// 0xe2, 0xc2 of `•`, `·`): their count bounds the separators'.
    pub marks: usize,
    /// Tab characters.
    pub tabs: usize,
}

/// The phrases looked for in a line's normalised form: the marks of a site's notice,
/// then the furniture tests' own.
pub(super) const PHRASES: [&str; 20] = [
    "cookie",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "terms conditions",
    "all rights reserved",
    "subscribe",
    "subscription",
    "newsletter",
    "sign up",
    "log in",
    "customer service",
    "contact us",
    "e mail",
    "email",
    "provided by",
    "registering",
    // Not marks of a site's notice:
    "credit",
    "opens in new window",
];
/// The bit of [`LineScan::found`] for "all rights reserved".
pub(super) const ALL_RIGHTS_RESERVED: u32 = bit_of("all rights reserved");
/// The bit of [`LineScan::found`] for "credit".
pub(super) const CREDIT: u32 = bit_of("credit");
/// The bit of [`LineScan::found`] for "opens in new window".
pub(super) const NEW_WINDOW: u32 = bit_of("opens in new window");
/// The bits of [`LineScan::found`] that are marks of a site's notice: every phrase
/// listed before "credit".
pub(super) const SITE_MARKS: u32 = CREDIT - 1;

/// The bit of `phrase` in [`LineScan::found`], found at compile time, so reordering
/// [`PHRASES`] cannot leave a bit naming another phrase (a phrase not listed fails the
/// build).
const fn bit_of(phrase: &str) -> u32 {
    let mut k = 0;
    while k < PHRASES.len() {
        if const_eq(PHRASES[k].as_bytes(), phrase.as_bytes()) {
            return 1 << k;
        }
        k += 1;
    }
    panic!("bit_of: not one of PHRASES")
}

const fn const_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Bits of a [`BYTE_MASKS`] entry: [`ALNUM`] (bit 0), the phrases whose first byte it
/// is (bits 4..24), whose second (24..44), whose third (44..64). Shifted up by 20, the
/// first two parts of a state land on the next two and the third falls off the top.
const ALNUM: u64 = 1;
const FIRST: u64 = ((1 << 20) - 1) << 4;
const THIRD_AT: u32 = 44;

/// For each byte, the phrases whose first, second and third byte it is once
/// lower-cased (upper case reads as lower case: normalising lower-cases), and [`ALNUM`]
/// for ASCII letters and digits: one load a byte tells a letter and steps the search.
const BYTE_MASKS: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = ALNUM;
        }
        b += 1;
    }
    let mut k = 0;
    while k < PHRASES.len() {
        let p = PHRASES[k].as_bytes();
        let mut j = 0;
        while j < 3 {
            let bit = 1u64 << (4 + 20 * j + k);
            table[p[j] as usize] |= bit;
            table[p[j].to_ascii_uppercase() as usize] |= bit;
            j += 1;
        }
        k += 1;
    }
    table
};

/// What the ASCII bytes other than letters and digits count for.
const SEPARATOR_MARK: u8 = 1;
const TAB: u8 = 2;
/// `_`: a word character to [`super::word_count`], a space to [`super::normalise`].
const UNDERSCORE: u8 = 4;
const OTHER_BYTES: [u8; 128] = {
    let mut table = [0u8; 128];
    table[b'|' as usize] = SEPARATOR_MARK;
    table[b'-' as usize] = SEPARATOR_MARK;
    table[b'/' as usize] = SEPARATOR_MARK;
    table[b'\t' as usize] = TAB;
    table[b'_' as usize] = UNDERSCORE;
    table
};

/// The phrase search's state after one more byte `masks` (a [`BYTE_MASKS`] entry) of
/// the normalised text: the phrases whose first byte it is, those whose first two
/// bytes end here, and those whose first three do (from bit [`THIRD_AT`] on).
#[inline(always)]
fn step(state: u64, masks: u64) -> u64 {
    masks & ((state << 20) | FIRST)
}

/// Where the scan stands after a character: inside a word of
/// [`super::word_count`]'s, right after a letter or digit of [`super::normalise`]'s
/// (apart for `_`, a word character that normalises to a space, and for Chinese and
/// Japanese, counted apart).
const IN_WORD: u8 = 1;
const AFTER_ALNUM: u8 = 2;

/// [`LineScan`] of `line`, in one pass. The phrases are searched in the normalised text
/// as it would be written, without writing it: letters step the search (upper case as
/// lower case), the first character after a run of letters and digits steps it as the
/// space normalising puts there (that space is dropped at the end of the text, where
/// no phrase can use it: none ends in a space). A phrase is compared in full only where
/// its first three bytes were just read, a few places in a line. Words are counted at
/// their ends, so that a letter costs little more than its table load.
pub(super) fn scan_line(line: &str) -> LineScan {
    let bytes = line.as_bytes();
    let (mut words, mut cjk, mut marks, mut tabs) = (0usize, 0usize, 0usize, 0usize);
    let mut after = 0u8;
    let (mut state, mut found) = (0u64, 0u32);
    let mut rest = bytes.iter();
    while let Some(&b) = rest.next() {
        let mut masks = BYTE_MASKS[usize::from(b)];
        // Whether the character is a word character, if not a letter or digit.
        let word;
        if masks & ALNUM == 0 {
            if b < 0x80 {
                let other = OTHER_BYTES[usize::from(b)];
                word = other & UNDERSCORE != 0;
                marks += usize::from(other & SEPARATOR_MARK);
                tabs += usize::from(other & TAB != 0);
            } else {
                let at = bytes.len() - rest.len() - 1;
                let c = char_from(line, at);
                rest = bytes[at + c.len_utf8()..].iter();
                marks += usize::from(b == 0xe2 || b == 0xc2);
                let alnum = c.is_alphanumeric();
                if is_cjk(c) {
                    cjk += 1;
                    if alnum {
                        // It ends a word (it counts apart) and a phrase (its lower
                        // case is not ASCII).
                        words += usize::from(after & IN_WORD != 0);
                        state = 0;
                        after = AFTER_ALNUM;
                        continue;
                    }
                    word = false;
                } else if alnum {
                    // Only KELVIN SIGN lower-cases to an ASCII letter alone; the lower
                    // case of any other ends in non-ASCII (CAPITAL I WITH DOT ABOVE's:
                    // `i` and a combining dot), which no phrase goes through.
                    masks = match c {
                        '\u{212a}' => BYTE_MASKS[usize::from(b'k')],
                        _ => ALNUM,
                    };
                    word = true;
                } else {
                    word = false;
                }
            }
            if masks & ALNUM == 0 {
                words += usize::from(after & IN_WORD != 0 && !word);
                if after & AFTER_ALNUM != 0 {
                    // No phrase has a space as its third byte: none can start here.
                    state = step(state, BYTE_MASKS[usize::from(b' ')]);
                }
                after = if word { IN_WORD } else { 0 };
                continue;
            }
        }
        after = IN_WORD | AFTER_ALNUM;
        state = step(state, masks);
        if state >> THIRD_AT != 0 {
            let maybe = (state >> THIRD_AT) as u32 & !found;
            if maybe != 0 {
                found |= phrases_going_on(line, bytes.len() - rest.len(), maybe);
            }
        }
    }
    LineScan {
        words: words + usize::from(after & IN_WORD != 0) + cjk.div_ceil(2),
        found,
        marks,
        tabs,
    }
}

/// Which of the phrases `maybe`, whose first three bytes the normalised text has just
/// given, go on there: their other bytes are the normalised text from byte `at` of
/// `line` on (right after a letter or digit).
#[cold]
fn phrases_going_on(line: &str, at: usize, mut maybe: u32) -> u32 {
    let mut found = 0;
    while maybe != 0 {
        let k = maybe.trailing_zeros();
        maybe &= maybe - 1;
        if normalised_goes_on_with(line, at, &PHRASES[k as usize].as_bytes()[3..]) {
            found |= 1 << k;
        }
    }
    found
}

/// Whether the normalised text of `line[at..]`, read right after a letter or digit
/// (so that a run of other characters first is a space), starts with `rest`
/// (lower-case ASCII, not empty, not ending in a space).
fn normalised_goes_on_with(line: &str, at: usize, rest: &[u8]) -> bool {
    let mut want = rest.iter();
    let mut space = false;
    for c in line[at..].chars() {
        if !c.is_alphanumeric() {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) && want.next() != Some(&b' ') {
            return false;
        }
        let lower = match c {
            _ if c.is_ascii() => c.to_ascii_lowercase() as u8,
            '\u{212a}' => b'k',
            '\u{130}' => b'i',
            // Its lower case is not ASCII, unlike what is left of `rest`.
            _ => return false,
        };
        if want.next() != Some(&lower) {
            return false;
        }
        if want.len() == 0 {
            return true;
        }
        if c == '\u{130}' {
            // Its combining dot comes next, not ASCII.
            return false;
        }
    }
    false
}

/// `normalise(line).starts_with(prefix)` for a `prefix` of lower-case ASCII (not empty,
/// not ending in a space), read from the line without normalising it.
pub(super) fn normalised_starts_with(line: &str, prefix: &str) -> bool {
    // Normalising drops what comes before the first letter or digit.
    line.find(char::is_alphanumeric)
        .is_some_and(|at| normalised_goes_on_with(line, at, prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::super::{normalise, word_count};
    use super::*;

    #[test]
    fn named_bits_are_the_bits_of_their_phrases() {
        let bit = |p: &str| 1u32 << PHRASES.iter().position(|q| *q == p).unwrap();
        assert_eq!(ALL_RIGHTS_RESERVED, bit("all rights reserved"));
        assert_eq!(CREDIT, bit("credit"));
        assert_eq!(NEW_WINDOW, bit("opens in new window"));
        assert_eq!(SITE_MARKS.count_ones() as usize, PHRASES.len() - 2);
    }

    /// What [`scan_line`] gives, each part by its plain definition.
    fn plain_scan(line: &str) -> LineScan {
        let n = normalise(line);
        LineScan {
            words: word_count(line),
            found: PHRASES
                .iter()
                .enumerate()
                .filter(|(_, p)| n.contains(*p))
                .fold(0, |found, (k, _)| found | 1 << k),
            marks: line
                .bytes()
                .filter(|b| matches!(b, b'|' | b'-' | b'/' | 0xe2 | 0xc2))
                .count(),
            tabs: line.matches('\t').count(),
        }
    }

    /// Generated lines (proptest is a native-only dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod generated {
        use super::*;
        use proptest::prelude::*;

        /// Pieces that lines are made of for the property below: the phrases and parts of
        /// them, upper case, what normalising drops or keeps apart, separators, and the
        /// characters the ASCII fast paths treat apart (non-ASCII letters, CJK, the two whose
        /// lower case is partly ASCII).
        fn piece() -> impl Strategy<Value = String> {
            const FIXED: [&str; 35] = [
                " ",
                "  ",
                "-",
                " - ",
                " | ",
                " • ",
                " · ",
                " / ",
                "\t",
                "_",
                ",",
                ".",
                ":",
                "(",
                "\u{2019}",
                "\u{201c}",
                "é",
                "É",
                "ß",
                "\u{212a}",
                "\u{130}",
                "日本",
                "テ",
                "・",
                "©",
                "3",
                "a",
                "e",
                "k",
                "i",
                "ter",
                "sub",
                "CO",
                "Copyright",
                "copy right",
            ];
            prop_oneof![
                proptest::sample::select(&FIXED[..]).prop_map(str::to_string),
                proptest::sample::select(&PHRASES[..]).prop_map(str::to_string),
                proptest::sample::select(&PHRASES[..]).prop_map(|p| p.to_uppercase()),
                (proptest::sample::select(&PHRASES[..]), 1usize..6)
                    .prop_map(|(p, cut)| p[..p.len().min(cut + 2)].to_string()),
                (proptest::sample::select(&PHRASES[..]), 1usize..6)
                    .prop_map(|(p, cut)| p[cut.min(p.len() - 1)..].replace(' ', "_")),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]
            #[test]
            fn the_scan_agrees_with_its_plain_definitions(pieces in proptest::collection::vec(piece(), 0..14)) {
                let line = pieces.concat();
                prop_assert_eq!(scan_line(&line), plain_scan(&line), "{:?}", line);
                for prefix in ["copyright", "k", "ki", "cookie", "e mail"] {
                    prop_assert_eq!(
                        normalised_starts_with(&line, prefix),
                        normalise(&line).starts_with(prefix),
                        "{:?} {:?}", line, prefix
                    );
                }
            }
        }
    }

    #[test]
    fn the_scan_agrees_on_lines_of_every_kind() {
        for line in [
            "",
            "Home | News | Sport",
            "Copyright © 2024 Example News. All Rights Reserved.",
            "  --Copyright",
            "\u{212a}elvin: 5 \u{212a}, privacy POLICY\tand\tterms__of use",
            "日本語のテキスト ABC123def Sign-Up",
            "The council met on Tuesday, and subscribers e-mailed the newsletter’s editor.",
        ] {
            assert_eq!(scan_line(line), plain_scan(line), "{line:?}");
        }
        for line in [
            "\u{212a}\u{130}",
            "-- \u{212a}I",
            "\u{130}",
            "K\u{130}x",
            "(Ki",
            "k i",
            "é ki",
        ] {
            for prefix in ["k", "ki", "kix", "i"] {
                assert_eq!(
                    normalised_starts_with(line, prefix),
                    normalise(line).starts_with(prefix),
                    "{line:?} {prefix:?}"
                );
            }
        }
    }

    /// The scan treats non-ASCII letters as matching no phrase byte: true of every one
    /// but the two it reads apart.
    #[test]
    fn only_two_non_ascii_letters_lower_case_to_ascii() {
        let partly_ascii: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.is_alphanumeric() && c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(partly_ascii, ['\u{130}', '\u{212a}']);
        assert!('\u{130}'.to_lowercase().eq(['i', '\u{307}']));
        assert!('\u{212a}'.to_lowercase().eq(['k']));
    }
}
