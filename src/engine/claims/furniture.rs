//! The furniture prior: a factor in 0..=1 for lines shaped like page furniture (bylines,
//! "21 minutes ago", menus joined by pipes, copyright lines, runs of Title Case) rather
//! than prose. Set by hand, not learnt: the training sentences (debate transcripts, crowd
//! labelled sentences, article bodies) hold almost no furniture, so no model has seen it.

use super::features::{Lower, ScannedWord, Scanner, FURNITURE_MARK, LOWER};
use crate::engine::words::LowerContains;

/// A factor in 0..=1 for lines shaped like page furniture rather than prose: no verb-ish
/// lower-case words, "minutes ago", pipes, copyright signs, runs of Title Case.
pub fn furniture_factor(sentence: &str) -> f64 {
    let mut scan = Scanner::new(sentence);
    let mut shape = SentenceShape::default();
    while let Some(w) = scan.next_word() {
        shape.add(&w, Lower::folded(&sentence.as_bytes()[w.start..w.end]));
    }
    shape.marks = scan.marks;
    furniture_factor_of(sentence, shape)
}

// The factors, set by hand when claim scoring was written (commit 44ada64), not fitted:
// how much less likely a line of each shape is to be a claim worth checking. The model
// is trained and cross-validated with them applied (`examples/train_claims.rs`
// multiplies its probabilities by `furniture_factor`), so its figures include them.
/// A time stamp relative to now ("21 minutes ago").
const RELATIVE_TIME: f64 = 0.2;
/// A link list's pipe, a copyright sign or "all rights reserved".
const SITE_MARK: f64 = 0.3;
/// Mostly Title Case or numbers (four words or more): headlines, menus, bylines.
const TITLE_CASE: f64 = 0.5;
/// Fewer than four words.
const FEW_WORDS: f64 = 0.5;

/// What [`furniture_factor_of`] needs to know of a sentence, gathered in the one scan
/// of its words: how many words, how many start in lower case, which marks
/// (`|`, `©`) were seen between them, and whether a word starts "ago" or "reserved".
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct SentenceShape {
    pub(super) count: usize,
    lowercase: usize,
    pub(super) marks: u8,
    /// A word starts with "ago" / "reserved" in any case: the sentence may contain
    /// " ago" / "all rights reserved" (lower-cased), which it cannot otherwise.
    ago: bool,
    reserved: bool,
}

impl SentenceShape {
    /// Count in a word: `raw` is its bytes folded (or-ed with 0x20, which makes a byte
    /// an ASCII lower-case letter only if it is that letter in either case).
    #[inline]
    pub(super) fn add(&mut self, w: &ScannedWord, raw: Lower) {
        self.count += 1;
        self.lowercase += usize::from(w.first_case & LOWER != 0);
        match raw.byte(0) {
            b'a' => self.ago |= raw.starts_with(b"ago"),
            b'r' => self.reserved |= raw.starts_with(b"reserved"),
            _ => {}
        }
    }
}

/// [`furniture_factor`] of a sentence whose words have `shape`.
pub(super) fn furniture_factor_of(sentence: &str, shape: SentenceShape) -> f64 {
    let SentenceShape {
        count,
        lowercase: lowercase_words,
        ..
    } = shape;
    if count == 0 {
        return 0.0;
    }
    let mut factor: f64 = 1.0;
    // Lower-casing a copy of the sentence only when a phrase may be in it: " ago" in
    // the lower case needs a space then "ago" in ASCII (only ASCII letters lower-case
    // to those), which starts a word; likewise "reserved".
    let mut lower: Option<LowerContains> = None;
    let mut lower_contains = |needle: &str| {
        lower
            .get_or_insert_with(|| LowerContains::new(sentence))
            .contains(needle)
    };
    if shape.ago
        && lower_contains(" ago")
        && (lower_contains("minute") || lower_contains("hour") || lower_contains("second"))
    {
        factor *= RELATIVE_TIME;
    }
    if shape.marks & FURNITURE_MARK != 0 || shape.reserved && lower_contains("all rights reserved")
    {
        factor *= SITE_MARK;
    }
    if count >= 4 && lowercase_words * 5 < count {
        // Mostly Title Case or numbers: headlines, menus, bylines.
        factor *= TITLE_CASE;
    }
    if count < 4 {
        factor *= FEW_WORDS;
    }
    factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ascii_letters_lower_case_to_the_furniture_phrases() {
        // The gates of `furniture_factor_of`: no other character lower-cases to one
        // of the letters of " ago" or "reserved".
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            assert!(!c.to_lowercase().any(|l| " agoresvd".contains(l)), "{c:?}");
        }
    }

    #[test]
    fn furniture_lines_are_damped_and_prose_is_not() {
        assert!(furniture_factor("Home | News | Sport today") < 0.5);
        assert!(furniture_factor("© 2020 Example Media, all of it here") < 0.5);
        assert!(furniture_factor("Copyright 2020. ALL RIGHTS RESERVED by the owners") < 0.5);
        assert!(furniture_factor("Posted 21 Minutes Ago by the staff") < 0.5);
        assert_eq!(
            furniture_factor("the agonies of the reserved people here"),
            1.0
        );
    }
}
