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

/// The byte offsets of every `\n` in `bytes`, in order: what `memchr` line by line
/// finds, found eight bytes at a time over the whole text (the segmenter cuts every
/// text into lines, most of them short, where a search set up a line cost more than
/// the bytes it read; the furniture's `split_lines` tried it and lost 0.13 M
/// instructions a call on PolNeAR dev, so it keeps `match_indices`).
pub(crate) fn line_breaks(bytes: &[u8]) -> LineBreaks<'_> {
    LineBreaks {
        bytes,
        base: 0,
        next: 0,
        mask: 0,
    }
}

/// The iterator of [`line_breaks`].
pub(crate) struct LineBreaks<'a> {
    bytes: &'a [u8],
    /// Offset of the eight bytes `mask` was taken from.
    base: usize,
    /// Offset of the next eight bytes to read.
    next: usize,
    /// The high bit of each byte of the current eight that is a `\n` not yet given.
    mask: u64,
}

impl Iterator for LineBreaks<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        while self.mask == 0 {
            let rest = self.bytes.get(self.next..).filter(|r| !r.is_empty())?;
            let chunk = match rest.first_chunk::<8>() {
                Some(chunk) => *chunk,
                None => {
                    // The last bytes, padded with zeros (no `\n`).
                    let mut tail = [0u8; 8];
                    tail[..rest.len()].copy_from_slice(rest);
                    tail
                }
            };
            // The bytes equal to `\n` become zero; a zero byte, and only a zero
            // byte, keeps its high bit clear in `(y & LOW7) + LOW7` and in `y`.
            let y = u64::from_le_bytes(chunk) ^ 0x0a0a_0a0a_0a0a_0a0a;
            self.mask = !(((y & LOW7) + LOW7) | y | LOW7);
            self.base = self.next;
            self.next += 8;
        }
        let i = self.base + (self.mask.trailing_zeros() / 8) as usize;
        self.mask &= self.mask - 1;
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // proptest is a native dev-dependency: the wasm32 test build has no copy.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn line_breaks_are_the_newlines_of_any_text(s in "[a\n\r\u{e9}\u{a0}\u{2003}]{0,40}") {
            let want: Vec<usize> = s.match_indices('\n').map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(line_breaks(s.as_bytes()).collect::<Vec<_>>(), want);
        }

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
    fn line_breaks_are_the_newlines() {
        for text in [
            "",
            "\n",
            "a",
            "ab\ncd\n\n",
            "0123456\n89\n1234567\n",
            "\u{e9}\n\n\n\n\n\n\n\n\nx\n",
        ] {
            let want: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
            assert_eq!(
                line_breaks(text.as_bytes()).collect::<Vec<_>>(),
                want,
                "{text:?}"
            );
        }
    }

    #[test]
    fn char_from_decodes_at_boundaries() {
        assert_eq!(char_from("a’b", 1), '’');
        assert_eq!(char_from("a’b", 4), 'b');
        assert_eq!(char_from("ab", 2), '\0');
    }
}
