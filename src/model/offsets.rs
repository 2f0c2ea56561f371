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

/// A table to convert many byte offsets of one text to code points and back, in about
/// 1.1 bytes per code point: the byte offset of every `BLOCK`th code point, and for each
/// code point its distance from that (under 256, as a block spans at most 63 chars of
/// 4 bytes before its last one). A `usize` per code point would make it the largest
/// allocation of an analysis (8x the text for ASCII).
pub struct CharIndex {
    blocks: Vec<usize>,
    deltas: Vec<u8>,
    len_bytes: usize,
}

const BLOCK: usize = 64;

/// The deltas of a block of ASCII chars: each one byte after the last.
const ASCII_DELTAS: [u8; BLOCK] = {
    let mut d = [0u8; BLOCK];
    let mut i = 0;
    while i < BLOCK {
        d[i] = i as u8;
        i += 1;
    }
    d
};

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut deltas = Vec::with_capacity(text.len());
        let mut b = 0;
        while b < bytes.len() {
            // `b` starts a block (its first char). A block of ASCII alone, most of any
            // text, has the deltas 0..BLOCK: copied whole, not decoded char by char.
            blocks.push(b);
            if bytes.len() - b >= BLOCK && bytes[b..b + BLOCK].is_ascii() {
                deltas.extend_from_slice(&ASCII_DELTAS);
                b += BLOCK;
                continue;
            }
            let start = b;
            for (i, c) in text[start..].char_indices().take(BLOCK) {
                deltas.push(i as u8);
                b = start + i + c.len_utf8();
            }
        }
        CharIndex {
            blocks,
            deltas,
            len_bytes: text.len(),
        }
    }
    /// Code point at byte `b` (rounded down to a char boundary).
    pub fn char_at(&self, b: usize) -> usize {
        if b >= self.len_bytes {
            return self.deltas.len();
        }
        // A char takes a byte or more, so the block holding byte `b` is at most its
        // `b / BLOCK`th, and exactly that one when all before it is ASCII (most of a
        // text): look there first, then search the blocks before it.
        let guess = (b / BLOCK).min(self.blocks.len() - 1);
        let block = if self.blocks[guess] <= b {
            guess
        } else {
            self.blocks[..guess].partition_point(|&s| s <= b) - 1
        };
        let from = block * BLOCK;
        let deltas = &self.deltas[from..(from + BLOCK).min(self.deltas.len())];
        let rel = b - self.blocks[block];
        // Deltas rise by one a char or more: where one equals its position, every char
        // up to it is one byte (the common case), and `b` starts that char.
        if deltas.get(rel) == Some(&(rel as u8)) {
            return from + rel;
        }
        from + deltas.partition_point(|&d| usize::from(d) <= rel) - 1
    }
    /// Byte offset of code point `c` (clamped).
    pub fn byte_at(&self, c: usize) -> usize {
        match self.deltas.get(c) {
            Some(&d) => self.blocks[c / BLOCK] + usize::from(d),
            None => self.len_bytes,
        }
    }
    pub fn len_chars(&self) -> usize {
        self.deltas.len()
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

    /// The compact index answers exactly as a plain table of every code point's offset,
    /// across block boundaries and for every width of UTF-8 sequence.
    #[test]
    fn char_index_agrees_with_a_full_table() {
        let mut texts = vec![String::new(), "a".into(), "😀".into()];
        let alphabet = ['a', 'é', '“', '😀', '\n', '\0', 'ß', '中'];
        for n in [63, 64, 65, 127, 128, 129, 300] {
            for k in 0..alphabet.len() {
                texts.push(
                    (0..n)
                        .map(|i| alphabet[(i * (k + 1) + i / 7) % alphabet.len()])
                        .collect(),
                );
            }
            texts.push("😀".repeat(n));
            // ASCII runs (indexed a block at a time) broken by one wider char.
            for at in [0, 1, 62, 63, 64, 65, n / 2, n - 1] {
                let mut t = "x".repeat(n);
                t.insert(at.min(t.len()), '\u{201c}');
                texts.push(t);
            }
        }
        for t in &texts {
            let ix = CharIndex::new(t);
            let table: Vec<usize> = t.char_indices().map(|(b, _)| b).chain([t.len()]).collect();
            assert_eq!(ix.len_chars(), table.len() - 1);
            for (c, &b) in table.iter().enumerate() {
                assert_eq!(ix.byte_at(c), b, "byte_at({c}) in {t:?}");
                assert_eq!(ix.char_at(b), c, "char_at({b}) in {t:?}");
            }
            assert_eq!(ix.byte_at(table.len() + 5), t.len());
            for b in 0..t.len() + 3 {
                let expected = table.partition_point(|&x| x <= b) - 1;
                assert_eq!(
                    ix.char_at(b),
                    expected,
                    "char_at({b}) inside a char of {t:?}"
                );
            }
        }
    }
}
