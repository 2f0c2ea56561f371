//! Code-point offsets over `&str` (which Rust indexes in bytes).

/// The substring between code points `start` and `end` (clamped to the text).
pub fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let b0 = byte_of_char(text, start);
    let b1 = byte_of_char(text, end.max(start));
    &text[b0..b1]
}

/// Byte index of code point `ci` (the text's length in bytes when past the end).
pub fn byte_of_char(text: &str, ci: usize) -> usize {
    text.char_indices().nth(ci).map_or(text.len(), |(b, _)| b)
}

/// Code-point index of byte `bi` (which must be on a char boundary).
pub fn char_of_byte(text: &str, bi: usize) -> usize {
    text[..bi.min(text.len())].chars().count()
}

/// A table to convert many byte offsets of one text to code points in O(log n) each.
pub struct CharIndex {
    /// byte offset of every code point, plus the total length at the end.
    bytes: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }
    /// Code point at byte `b` (rounded down to a char boundary).
    pub fn char_at(&self, b: usize) -> usize {
        match self.bytes.binary_search(&b) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
    /// Byte offset of code point `c` (clamped).
    pub fn byte_at(&self, c: usize) -> usize {
        self.bytes[c.min(self.bytes.len() - 1)]
    }
    pub fn len_chars(&self) -> usize {
        self.bytes.len() - 1
    }
}

/// Code point index of UTF-16 offset `u16_offset` in `text` (the browser's string offsets).
/// An offset inside a surrogate pair rounds down to the pair's code point; past the end
/// gives the text's length in code points.
pub fn cp_of_utf16(text: &str, u16_offset: usize) -> usize {
    let mut units = 0;
    for (ci, ch) in text.chars().enumerate() {
        units += ch.len_utf16();
        if units > u16_offset {
            return ci;
        }
    }
    text.chars().count()
}

/// UTF-16 offset of code point `cp` in `text` (clamped to the text's length).
pub fn utf16_of_cp(text: &str, cp: usize) -> usize {
    text.chars().take(cp).map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_code_points_across_astral_chars() {
        let t = "a😀b“c”";
        assert_eq!(slice_chars(t, 1, 3), "😀b");
        assert_eq!(slice_chars(t, 3, 6), "“c”");
        assert_eq!(slice_chars(t, 5, 99), "”");
        let ix = CharIndex::new(t);
        assert_eq!(ix.char_at(t.find('b').unwrap()), 2);
        assert_eq!(ix.byte_at(2), t.find('b').unwrap());
        assert_eq!(ix.len_chars(), 6);
        assert_eq!(char_of_byte(t, t.find('c').unwrap()), 4);
    }

    #[test]
    fn converts_utf16_offsets_to_code_points_and_back() {
        let t = "a😀b𝄞c";
        // UTF-16 units: a=0, 😀=1..3, b=3, 𝄞=4..6, c=6, end=7.
        assert_eq!(cp_of_utf16(t, 0), 0);
        assert_eq!(cp_of_utf16(t, 1), 1);
        assert_eq!(cp_of_utf16(t, 2), 1, "inside a surrogate pair rounds down");
        assert_eq!(cp_of_utf16(t, 3), 2);
        assert_eq!(cp_of_utf16(t, 6), 4);
        assert_eq!(cp_of_utf16(t, 7), 5);
        assert_eq!(cp_of_utf16(t, 99), 5);
        for cp in 0..=5 {
            assert_eq!(cp_of_utf16(t, utf16_of_cp(t, cp)), cp);
        }
        assert_eq!(utf16_of_cp(t, 4), 6);
        assert_eq!(utf16_of_cp(t, 99), 7);
        assert_eq!(utf16_of_cp("", 3), 0);
    }
}
