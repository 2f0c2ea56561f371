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

#[cfg(test)]
mod tests {
    use super::*;

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
