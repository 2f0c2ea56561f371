//! Re-anchoring spans when the text changes: what keeps a person's annotations in place
//! while they edit the article elsewhere.
//!
//! A change is reduced to one replaced middle (common prefix and suffix kept). Spans
//! outside it shift; spans it touches are searched for, by their exact text, nearest to
//! where they were. A span whose text is gone is dropped.

use crate::model::offsets::CharIndex;

/// The one region where two texts differ, in code points: `old[prefix..old_end]` became
/// `new[prefix..new_end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextChange {
    pub prefix: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl TextChange {
    /// Found on bytes (equal code points are equal bytes), counted in code points only
    /// over the prefix and suffix: a key typed into a long text costs a few passes of
    /// plain byte comparison.
    pub fn between(old: &str, new: &str) -> TextChange {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !(old.is_char_boundary(p) && new.is_char_boundary(p)) {
            p -= 1;
        }
        let room = (a.len() - p).min(b.len() - p);
        let mut s = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(room)
            .take_while(|(x, y)| x == y)
            .count();
        while !(old.is_char_boundary(a.len() - s) && new.is_char_boundary(b.len() - s)) {
            s -= 1;
        }
        let prefix = old[..p].chars().count();
        let (old_mid, new_mid) = (
            old[p..a.len() - s].chars().count(),
            new[p..b.len() - s].chars().count(),
        );
        TextChange {
            prefix,
            old_end: prefix + old_mid,
            new_end: prefix + new_mid,
        }
    }

    /// `[start, end)` of the old text in the new one, when the change does not touch it.
    /// A span merely adjacent to the change keeps its place.
    pub fn shift(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if end <= self.prefix {
            Some((start, end))
        } else if start >= self.old_end {
            let moved = |x: usize| x + self.new_end - self.old_end;
            Some((moved(start), moved(end)))
        } else {
            None
        }
    }
}

/// Finds spans of an old text again in a new one.
pub struct Reanchor<'a> {
    change: TextChange,
    new: &'a str,
    /// Built only when a span is searched for (most edits only shift spans).
    index: std::cell::OnceCell<CharIndex>,
}

impl<'a> Reanchor<'a> {
    pub fn new(old: &str, new: &'a str) -> Self {
        Reanchor {
            change: TextChange::between(old, new),
            new,
            index: std::cell::OnceCell::new(),
        }
    }

    /// The one region where the texts differ.
    pub fn change(&self) -> TextChange {
        self.change
    }

    /// Where the span `[start, end)` whose text was `text` lies in the new text, if its
    /// text is still there: shifted when the change is elsewhere, else the nearest exact
    /// occurrence of its text.
    pub fn span(&self, start: usize, end: usize, text: &str) -> Option<(usize, usize)> {
        if let Some(shifted) = self.change.shift(start, end) {
            return Some(shifted);
        }
        if text.is_empty() {
            return None;
        }
        let len = end - start;
        // Where the span would be if the change had kept its length.
        let delta = self.change.new_end as isize - self.change.old_end as isize;
        let expected = if start < self.change.prefix {
            start
        } else {
            (start as isize + delta).max(0) as usize
        };
        self.new
            .match_indices(text)
            .map(|(b, _)| {
                self.index
                    .get_or_init(|| CharIndex::new(self.new))
                    .char_at(b)
            })
            .min_by_key(|&s| s.abs_diff(expected))
            .map(|s| (s, s + len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_changed_middle() {
        let c = TextChange::between("abcdef", "abXYef");
        assert_eq!(
            c,
            TextChange {
                prefix: 2,
                old_end: 4,
                new_end: 4
            }
        );
        let c = TextChange::between("aaa", "aaaa");
        assert_eq!(
            c,
            TextChange {
                prefix: 3,
                old_end: 3,
                new_end: 4
            }
        );
        let c = TextChange::between("😀x", "😀😀x");
        assert_eq!(
            c,
            TextChange {
                prefix: 1,
                old_end: 1,
                new_end: 2
            }
        );
    }

    /// The change as code points see it, one by one: what `between` must equal.
    fn by_chars(old: &str, new: &str) -> TextChange {
        let prefix = old
            .chars()
            .zip(new.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let (old_len, new_len) = (old.chars().count(), new.chars().count());
        let suffix = old
            .chars()
            .rev()
            .zip(new.chars().rev())
            .take(old_len.min(new_len) - prefix)
            .take_while(|(a, b)| a == b)
            .count();
        TextChange {
            prefix,
            old_end: old_len - suffix,
            new_end: new_len - suffix,
        }
    }

    #[test]
    fn the_change_found_on_bytes_is_the_one_of_code_points() {
        // Characters whose UTF-8 forms share first or last bytes.
        let alphabet = ["a", "é", "è", "😀", "😁", "ā", "\n", "€", "ₑ"];
        let mut seed = 7u64;
        let mut pick = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..20_000 {
            let old: String = (0..pick(8))
                .map(|_| alphabet[pick(alphabet.len())])
                .collect();
            let mut new_s = String::new();
            for c in old.chars() {
                match pick(6) {
                    0 => {}
                    1 => new_s.push_str(alphabet[pick(alphabet.len())]),
                    2 => {
                        new_s.push(c);
                        new_s.push_str(alphabet[pick(alphabet.len())]);
                    }
                    _ => new_s.push(c),
                }
            }
            assert_eq!(
                TextChange::between(&old, &new_s),
                by_chars(&old, &new_s),
                "{old:?} -> {new_s:?}"
            );
        }
    }

    #[test]
    fn shifts_spans_after_the_change_and_keeps_those_before() {
        let old = "He said \"yes\". Then \"no\".";
        let new = "Yesterday he said \"yes\". Then \"no\".";
        let r = Reanchor::new(old, new);
        // "no" with its quotes is at 20..24 in old.
        assert_eq!(&old[20..24], "\"no\"");
        assert_eq!(r.span(20, 24, "\"no\""), Some((30, 34)));
        let edit_end = "He said \"yes\". Then \"no\". More.";
        let r = Reanchor::new(old, edit_end);
        assert_eq!(r.span(8, 13, "\"yes\""), Some((8, 13)));
    }

    #[test]
    fn drops_a_span_whose_own_text_changed() {
        let old = "She said \"we will win\" today.";
        let new = "She said \"we might win\" today.";
        let r = Reanchor::new(old, new);
        assert_eq!(r.span(9, 21, "\"we will win\""), None);
    }

    #[test]
    fn finds_a_span_again_when_edits_surround_it() {
        // Edits at both ends make the whole middle "changed"; the quote is found by its text.
        let old = "A. \"Keep me\" he said. Z";
        let new = "B! \"Keep me\" he said. Y";
        let r = Reanchor::new(old, new);
        assert_eq!(r.span(3, 12, "\"Keep me\""), Some((3, 12)));
    }

    #[test]
    fn a_span_at_the_edge_of_an_insertion_stays_whole() {
        let r = Reanchor::new("abc def", "abc XX def");
        assert_eq!(r.span(0, 3, "abc"), Some((0, 3)));
        assert_eq!(r.span(4, 7, "def"), Some((7, 10)));
    }
}
