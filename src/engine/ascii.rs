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

/// `s.trim()`, with ASCII white space stripped as bytes: the standard call decodes the
/// characters at both ends (asked of every line, several times, by the furniture
/// tests). A non-ASCII character left at either end goes to the standard call.
#[inline]
pub fn trim(s: &str) -> &str {
    // `char::is_whitespace` on ASCII: tab to carriage return, and space.
    let is_space = |x: &u8| matches!(x, b'\t'..=b'\r' | b' ');
    let b = s.as_bytes();
    let start = b.iter().position(|x| !is_space(x)).unwrap_or(b.len());
    // Past a byte that is no ASCII space with only ASCII spaces after it: the end of
    // a character.
    let end = b
        .iter()
        .rposition(|x| !is_space(x))
        .map_or(start, |e| e + 1);
    let t = &s[start..end];
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(&first), Some(&last)) if first >= 0x80 || last >= 0x80 => t.trim(),
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // proptest is a native dev-dependency: the wasm32 test build has no copy.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn trim_is_the_standard_trim(
            s in "[a \t\n\x0b\x0c\r\x01\u{a0}\u{2003}\u{3000}\u{e9}\u{85}\u{200b}]{0,12}",
        ) {
            proptest::prop_assert_eq!(trim(&s), s.trim());
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
