//! ASCII fast paths that give exactly what the Unicode-aware standard calls give:
//! news text is mostly ASCII, so bytes below 0x80 are looked at as bytes and only
//! other characters are decoded.

/// The character starting at byte `i` of `text` (which must be a char boundary below
/// its length; `'\0'` otherwise).
#[inline]
pub fn char_from(text: &str, i: usize) -> char {
    text.get(i..).and_then(|s| s.chars().next()).unwrap_or('\0')
}

/// Whether each byte is an ASCII letter or digit: one load where
/// `u8::is_ascii_alphanumeric` takes two range tests (every byte of the text).
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// `b.is_ascii_alphanumeric()`, by table.
#[inline]
pub fn is_ascii_alnum(b: u8) -> bool {
    ASCII_ALNUM[usize::from(b)]
}

/// `text.to_lowercase().contains(needle)` for needles of lower-case ASCII, with a copy
/// lower-cased in ASCII only (a byte map instead of Unicode case mapping). An ASCII
/// needle can only match ASCII letters of the text, whose lower case is ASCII, except
/// for the two characters whose lower case is partly ASCII (KELVIN SIGN, CAPITAL I
/// WITH DOT ABOVE); a text holding one of those takes the full copy.
pub struct LowerContains {
    lower: String,
}

impl LowerContains {
    pub fn new(text: &str) -> Self {
        // One-character patterns are byte searches; a pattern of two characters is not.
        let odd = !text.is_ascii() && (text.contains('\u{212a}') || text.contains('\u{130}'));
        let lower = if odd {
            text.to_lowercase()
        } else {
            text.to_ascii_lowercase()
        };
        LowerContains { lower }
    }

    pub fn contains(&self, needle: &str) -> bool {
        debug_assert!(needle.is_ascii() && !needle.bytes().any(|b| b.is_ascii_uppercase()));
        self.lower.contains(needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_alphanumeric_table_is_the_standard_test() {
        for b in 0..=255u8 {
            assert_eq!(is_ascii_alnum(b), b.is_ascii_alphanumeric(), "{b}");
        }
    }

    #[test]
    fn char_from_decodes_at_boundaries() {
        assert_eq!(char_from("a’b", 1), '’');
        assert_eq!(char_from("a’b", 4), 'b');
        assert_eq!(char_from("ab", 2), '\0');
    }
}
