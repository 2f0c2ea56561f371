//! The cue list: the reporting verbs and phrases ("said", "told", "according to") the
//! engine takes as speech cues. The built-in list is the lexicon learnt from PolNeAR
//! train; a person may extend or trim it (the app's cue editor, `quotelens annotate
//! --cues FILE`).
//!
//! A listed word keeps its learnt strength (how often it is a cue in the training gold)
//! or, when the person added it, counts as a strong cue. A learnt word missing from the
//! list was removed on purpose: it is never a cue, not even by the engine's guess that
//! an unknown past-tense verb next to a quotation is one.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::lexicon;
use super::words::{self, ascii_key, Prefilter, WordMap};

/// The filter in front of the cue words, 16 Ki bits (2 KB). With WordNet's speech verbs
/// the built-in cue list has about 6,500 words and lets more other words through to the
/// lookup, but a 64 Ki-bit filter was slower on the clock (27 -> 20 MB/s on polnear/dev,
/// same instructions): it crowds the cache that the lookups and the rest of the engine
/// use. Against the learnt cue list it lets through about 17 in 100 lower-case news words
/// (13 of them cues).
type CueFilter = Prefilter<256>;

/// The one phrase the engine reads as a cue before its speaker ("according to X, ...").
pub const ACCORDING_TO: &str = "according to";

/// Strengths (percent, anywhere and after a likely subject) of a word the person added:
/// above every threshold, as a person's word for it is evidence enough.
const ADDED_STRENGTH: (u8, u8) = (60, 60);

/// What [`CueList::add_unindexed`] did with a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Added {
    /// Nothing: blank, or listed already.
    No,
    Word,
    /// A phrase, not indexed yet.
    Phrase,
}

/// A list of cue words and phrases, compiled for lookups: lower case, one space
/// between words. Serialized as the sorted list of cues.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct CueList {
    /// Single-word cues → (strength anywhere, strength after a likely subject).
    /// (A fast hasher: looked up for nearly every token.)
    /// (The built-in words are borrowed from the lexicon: not copied at each build.)
    words: WordMap<Cow<'static, str>, (u8, u8)>,
    /// The same for the words `ascii_key` takes (nearly all): found without
    /// lower-casing into a buffer, hashing a string or comparing bytes.
    short: WordMap<u128, (u8, u8)>,
    /// Cues of several words ("according to", "pointed out"), sorted.
    phrases: Vec<String>,
    /// The phrases other than "according to" by first word: their other words.
    by_first: WordMap<Box<str>, Vec<Vec<Box<str>>>>,
    /// The learnt strengths of "according" while "according to" is listed.
    according: Option<(u8, u8)>,
    /// In front of `words` (and "according"): most words are no cue. It keeps the
    /// words removed since, so it is no part of the list's equality.
    filter: CueFilter,
    /// In front of `by_first`, the same way, for the phrases' first words and their
    /// second words.
    phrase_filter: CueFilter,
    second_filter: CueFilter,
}

impl PartialEq for CueList {
    fn eq(&self, other: &Self) -> bool {
        self.words == other.words
            && self.phrases == other.phrases
            && self.by_first == other.by_first
            && self.according == other.according
    }
}

impl Default for CueList {
    fn default() -> Self {
        CueList::builtin()
    }
}

impl CueList {
    /// The built-in list: every word and phrase ("went on") learnt from PolNeAR train,
    /// the speech verbs of WordNet with their particles ("chimed in"), and "according to".
    pub fn builtin() -> Self {
        let mut list = CueList::empty();
        // Room for every word at once (at most this many: the phrases and the learnt
        // speech verbs are counted twice), not a rehash of thousands at each doubling.
        let most = lexicon::speech_verbs().count() + lexicon::learnt_cues().count();
        list.words.reserve(most);
        list.short.reserve(most);
        for verb in lexicon::speech_verbs() {
            if verb.contains(' ') {
                // Indexed once below, not after each phrase.
                list.phrases.push(verb.to_string());
            } else if lexicon::learnt_cue(verb).is_none() {
                list.insert_word(Cow::Borrowed(verb), lexicon::SPEECH_VERB_STRENGTH);
            }
        }
        list.phrases
            .extend(lexicon::learnt_phrases().map(str::to_string));
        list.phrases.sort();
        list.phrases.dedup();
        for (w, strength) in lexicon::learnt_cues() {
            // "according" is a cue only in "according to", listed as the phrase.
            if w == "according" {
                continue;
            }
            // A learnt word is one lower-case word already, as `add` would make it:
            // put in directly, without normalising a thousand words again.
            if !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
                list.insert_word(Cow::Borrowed(w), strength);
            } else {
                list.add_unindexed(w);
            }
        }
        list.add_unindexed(ACCORDING_TO);
        // The phrases indexed once, all added.
        list.index_phrases();
        list
    }

    /// A list with no cues at all.
    pub fn empty() -> Self {
        CueList {
            words: WordMap::default(),
            short: WordMap::default(),
            phrases: Vec::new(),
            by_first: WordMap::default(),
            according: None,
            filter: CueFilter::of(["according"]),
            phrase_filter: CueFilter::default(),
            second_filter: CueFilter::default(),
        }
    }

    /// Read a list: one cue per line; blank lines and text after `#` are ignored.
    pub fn from_lines(text: &str) -> Self {
        let mut list = CueList::empty();
        for line in text.lines() {
            let cue = line.split('#').next().unwrap_or_default();
            list.add_unindexed(cue);
        }
        list.index_phrases();
        list
    }

    /// The list as `from_lines` reads it: a comment, then the cues in alphabetical order.
    pub fn to_lines(&self) -> String {
        let mut out = String::from(
            "# QuoteLens cue words: one reporting verb or phrase per line (# starts a comment)\n",
        );
        for cue in self.cues() {
            out.push_str(&cue);
            out.push('\n');
        }
        out
    }

    /// Every cue, lower case, in alphabetical order.
    pub fn cues(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .words
            .keys()
            .map(|w| w.to_string())
            .chain(self.phrases.iter().cloned())
            .collect();
        all.sort();
        all
    }

    pub fn len(&self) -> usize {
        self.words.len() + self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `cue` is listed (in any case and spacing).
    pub fn contains(&self, cue: &str) -> bool {
        let cue = normalize(cue);
        self.words.contains_key(cue.as_str()) || self.phrases.contains(&cue)
    }

    /// Add a cue; false when it was already listed or is blank.
    pub fn add(&mut self, cue: &str) -> bool {
        let added = self.add_unindexed(cue);
        if added == Added::Phrase {
            self.index_phrases();
        }
        added != Added::No
    }

    /// [`CueList::add`], but a phrase is not indexed yet (`index_phrases` indexes all of
    /// them again: once after many phrases, not after each).
    fn add_unindexed(&mut self, cue: &str) -> Added {
        let cue = normalize(cue);
        if cue.is_empty() || self.contains(&cue) {
            return Added::No;
        }
        if cue.contains(' ') {
            if cue == ACCORDING_TO {
                // The phrase's first word keeps its learnt strength.
                self.according = Some(lexicon::builtin_cue("according").unwrap_or(ADDED_STRENGTH));
            }
            let at = self.phrases.partition_point(|p| *p < cue);
            self.phrases.insert(at, cue);
            Added::Phrase
        } else {
            let strength = lexicon::builtin_cue(&cue).unwrap_or(ADDED_STRENGTH);
            self.insert_word(Cow::Owned(cue), strength);
            Added::Word
        }
    }

    /// Put in a single-word cue, lower case.
    fn insert_word(&mut self, cue: Cow<'static, str>, strength: (u8, u8)) {
        self.filter.insert(&cue);
        if let Some(key) = ascii_key(&cue) {
            self.short.insert(key, strength);
        }
        self.words.insert(cue, strength);
    }

    /// Remove a cue; false when it was not listed.
    pub fn remove(&mut self, cue: &str) -> bool {
        let cue = normalize(cue);
        if let Some(i) = self.phrases.iter().position(|p| *p == cue) {
            self.phrases.remove(i);
            if cue == ACCORDING_TO {
                self.according = None;
            }
            self.index_phrases();
            return true;
        }
        if let Some(key) = ascii_key(&cue) {
            self.short.remove(&key);
        }
        self.words.remove(cue.as_str()).is_some()
    }

    /// How often (percent) the word is a speech cue: its learnt strength when listed,
    /// a strong cue's when the person added it, 0 when not listed.
    pub fn strength(&self, w: &str) -> u8 {
        self.strengths(w).0
    }

    /// [`CueList::strength`], with present-tense verbs the counts never saw ("sings",
    /// "tweets", "states") taking the strength of their listed past tense ("stated").
    pub fn strength_of_verb(&self, w: &str) -> u8 {
        let s = self.strength(w);
        // A speech verb the counts never saw ("states" has only the lexical resource's
        // strength) may still take its past tense's learnt one ("stated").
        let unlearnt = s == 0
            || (s == lexicon::SPEECH_VERB_STRENGTH.0
                && words::with_lower(w, |l| lexicon::learnt_cue(l).is_none()));
        if !unlearnt || !w.starts_with(|c: char| c.is_lowercase()) || self.is_removed(w) {
            return s;
        }
        let Some(stem) = w
            .strip_suffix('s')
            .filter(|t| t.len() > 2 && !t.ends_with('s'))
        else {
            return s;
        };
        let past = |form: String| self.strength(&form);
        s.max(past(format!("{stem}ed")))
            .max(past(format!("{stem}d")))
            .max(stem.strip_suffix('e').map_or(0, |t| past(format!("{t}ed"))))
    }

    /// The same when a likely subject stands right before the word.
    pub fn strength_after_subject(&self, w: &str) -> u8 {
        self.strengths(w).1
    }

    /// Both strengths: ([`CueList::strength`], [`CueList::strength_after_subject`]).
    /// Asked of nearly every word: the filter's answer for most words is given
    /// inline, the lookup of the rest in a call.
    #[inline]
    pub fn strengths(&self, w: &str) -> (u8, u8) {
        // A byte loop: '.' is one byte, and cheaper to strip than a `char` pattern.
        let mut n = w.len();
        while n > 0 && w.as_bytes()[n - 1] == b'.' {
            n -= 1;
        }
        let w = &w[..n];
        if !self.filter.may_hold(w) {
            return (0, 0);
        }
        self.listed_strengths(w)
    }

    #[inline(never)]
    fn listed_strengths(&self, w: &str) -> (u8, u8) {
        if let Some(key) = ascii_key(w) {
            return self
                .short
                .get(&key)
                .copied()
                .or_else(|| {
                    self.according
                        .filter(|_| Some(key) == ascii_key("according"))
                })
                .unwrap_or((0, 0));
        }
        words::with_lower(w, |l| {
            self.words
                .get(l)
                .copied()
                .or_else(|| self.according.filter(|_| l == "according"))
        })
        .unwrap_or((0, 0))
    }

    /// Whether the word is listed as a cue.
    pub fn is_listed(&self, w: &str) -> bool {
        let w = w.trim_end_matches('.');
        words::with_lower(w, |l| self.words.contains_key(l))
    }

    /// A built-in cue the person took out of the list: the engine must not guess it back.
    pub fn is_removed(&self, w: &str) -> bool {
        let w = w.trim_end_matches('.');
        words::with_lower(w, |l| {
            !self.words.contains_key(l)
                && lexicon::builtin_cue(l).is_some()
                && !(l == "according" && self.according.is_some())
        })
    }

    fn index_phrases(&mut self) {
        self.by_first.clear();
        for p in self.phrases.iter().filter(|p| *p != ACCORDING_TO) {
            let mut words = p.split(' ');
            let first = words.next().unwrap_or_default();
            self.phrase_filter.insert(first);
            if let Some(second) = p.split(' ').nth(1) {
                self.second_filter.insert(second);
            }
            self.by_first
                .entry(first.into())
                .or_default()
                .push(words.map(Into::into).collect());
        }
    }

    /// Whether the list has phrases the engine must look for (other than "according to").
    pub fn has_phrases(&self) -> bool {
        !self.by_first.is_empty()
    }

    /// The length in words of the longest listed phrase (other than "according to")
    /// that starts with `first` and goes on with the words `next` gives (its argument
    /// is the index of a word after `first`, from 1; `None` past the end). 0 for none.
    pub fn phrase_len<'w>(&self, first: &str, next: impl Fn(usize) -> Option<&'w str>) -> usize {
        // Asked of many words once the list has phrases: most words start none, and
        // most that do ("took", "went") are not followed by a phrase's second word.
        if !self.phrase_filter.may_hold(first)
            || !next(1).is_some_and(|t| self.second_filter.may_hold(t))
        {
            return 0;
        }
        let Some(rests) = words::with_lower(first, |l| self.by_first.get(l)) else {
            return 0;
        };
        rests
            .iter()
            .filter(|rest| {
                rest.iter()
                    .enumerate()
                    .all(|(i, w)| next(i + 1).is_some_and(|t| words::with_lower(t, |l| l == &**w)))
            })
            .map(|rest| rest.len() + 1)
            .max()
            .unwrap_or(0)
    }

    /// Whether a listed phrase (other than "according to") may start with `first`:
    /// false answers [`CueList::phrase_len`]'s 0 at once, inline, for most words (the
    /// same filter it asks first).
    #[inline]
    pub(crate) fn may_start_phrase(&self, first: &str) -> bool {
        !self.by_first.is_empty() && self.phrase_filter.may_hold(first)
    }

    /// Whether "according to" is a cue.
    pub fn according_to(&self) -> bool {
        self.according.is_some()
    }
}

impl From<Vec<String>> for CueList {
    fn from(cues: Vec<String>) -> Self {
        let mut list = CueList::empty();
        for cue in &cues {
            list.add_unindexed(cue);
        }
        // Indexed once: after each phrase, a list of hundreds took quadratic time.
        list.index_phrases();
        list
    }
}

impl From<CueList> for Vec<String> {
    fn from(list: CueList) -> Self {
        list.cues()
    }
}

/// Lower case, words separated by one space.
fn normalize(cue: &str) -> String {
    cue.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_read_at_once_indexes_its_phrases_as_adding_them_one_by_one_does() {
        let cues = [
            "said",
            "Pointed  Out",
            "according to",
            "went on to say",
            "quipped",
        ];
        let mut one_by_one = CueList::empty();
        for c in cues {
            one_by_one.add(c);
        }
        let read = CueList::from(cues.map(str::to_string).to_vec());
        let lines = CueList::from_lines(&cues.join("\n"));
        for list in [read, lines] {
            assert_eq!(list, one_by_one);
            let words = ["went", "on", "to", "say"];
            assert_eq!(list.phrase_len("went", |k| words.get(k).copied()), 4);
            assert_eq!(
                list.phrase_len("pointed", |k| ["x", "out"].get(k).copied()),
                2
            );
            assert!(list.according_to());
        }
    }

    #[test]
    fn builtin_list_has_the_common_cues_and_their_learnt_strengths() {
        let list = CueList::builtin();
        for cue in ["said", "told", "added", "warned", "according to"] {
            assert!(list.contains(cue), "{cue}");
        }
        assert!(!list.contains("according"));
        assert_eq!(
            list.strength("said"),
            lexicon::learnt_cue("said").unwrap().0
        );
        assert_eq!(list.strength("Said"), list.strength("said"));
        assert!(list.according_to());
        // Speech verbs the gold never counted, from the lexical resource.
        for cue in ["quipped", "recounted", "chimed in", "called out", "advises"] {
            assert!(list.contains(cue), "{cue}");
        }
        assert_eq!(list.strengths("quipped"), lexicon::SPEECH_VERB_STRENGTH);
        // Words that are no speech: never listed, whatever the counts said.
        for word in ["hit", "soon", "took", "actually", "looking forward"] {
            assert!(!list.contains(word), "{word}");
        }
        assert!(!list.contains("zoomed"));
        assert_eq!(list.strength("zoomed"), 0);
    }

    #[test]
    fn lines_round_trip_and_comments_are_ignored() {
        let list = CueList::from_lines("# mine\nSaid\n\n  quipped  # a joke\naccording   to\n");
        assert_eq!(list.cues(), ["according to", "quipped", "said"]);
        assert_eq!(CueList::from_lines(&list.to_lines()), list);
        let builtin = CueList::builtin();
        assert_eq!(CueList::from_lines(&builtin.to_lines()), builtin);
    }

    #[test]
    fn added_words_are_strong_and_removed_learnt_words_are_remembered_as_removed() {
        let mut list = CueList::builtin();
        assert!(list.add("Zoomed"));
        assert!(!list.add("zoomed"));
        assert!(list.strength("zoomed") >= 50);
        assert!(list.remove("said"));
        assert!(!list.remove("said"));
        assert_eq!(list.strength("said"), 0);
        assert!(list.is_removed("said"));
        assert!(!list.is_removed("zoomed"));
        assert!(list.remove("quipped") && list.is_removed("quipped"));
        assert!(
            !list.is_removed("blinked"),
            "unknown words are not removed ones"
        );
        assert!(list.remove("according to"));
        assert!(!list.according_to());
        assert_eq!(list.strength("according"), 0);
    }

    #[test]
    fn short_and_long_words_are_found_in_any_case_until_removed() {
        let mut list = CueList::empty();
        for cue in ["zinged", "overenthusiastically", "r\u{e9}pondu"] {
            assert!(list.add(cue));
        }
        for w in ["Zinged", "zinged.", "OVERENTHUSIASTICALLY", "R\u{c9}pondu"] {
            assert_eq!(list.strengths(w), ADDED_STRENGTH, "{w}");
        }
        assert_eq!(list.strength("zinge"), 0);
        assert_eq!(
            list.strength("zinged\0"),
            0,
            "the length is part of the key"
        );
        assert!(list.remove("ZINGED") && list.remove("overenthusiastically"));
        assert_eq!(list.strength("zinged"), 0);
        assert_eq!(list.strength("overenthusiastically"), 0);
    }

    #[test]
    fn phrases_match_their_words_in_any_case_longest_first() {
        let list = CueList::from_lines("went on\nwent on to say\naccording to\n");
        assert!(list.has_phrases());
        let words = ["Went", "on", "to", "SAY", "that"];
        let next = |i: usize| words.get(i).copied();
        assert_eq!(list.phrase_len(words[0], next), 4);
        let short = ["went", "on", "and"];
        assert_eq!(list.phrase_len("went", |i| short.get(i).copied()), 2);
        assert_eq!(list.phrase_len("said", |i| short.get(i).copied()), 0);
        // "according to" has its own rules, not the phrase lookup.
        assert_eq!(
            list.phrase_len("according", |i| ["according", "to"].get(i).copied()),
            0
        );
        assert!(CueList::builtin().has_phrases(), "phrasal speech verbs");
        assert!(!CueList::from_lines("said\naccording to\n").has_phrases());
        // Equal lists whatever order the phrases came in.
        assert_eq!(
            list,
            CueList::from_lines("according to\nwent on to say\nwent on\n")
        );
    }

    #[test]
    fn serde_is_the_sorted_list() {
        let list = CueList::from_lines("told\nsaid\n");
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(json, r#"["said","told"]"#);
        let back: CueList = serde_json::from_str(&json).unwrap();
        assert_eq!(back, list);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The filtered lookup by word key is a search of the listed words for the
        /// lower case (trailing dots dropped).
        #[test]
        fn strengths_are_a_search_of_the_list_for_the_lower_case(
            pick in 0usize..10_000,
            case in proptest::prelude::any::<u64>(),
            dots in "[.]{0,2}",
            other in "\\PC{0,10}",
        ) {
            let list = CueList::builtin();
            let words: Vec<(&str, (u8, u8))> =
                list.words.iter().map(|(w, s)| (&**w, *s)).collect();
            let search = |w: &str| {
                let lower = w.trim_end_matches('.').to_lowercase();
                words
                    .iter()
                    .find(|(listed, _)| **listed == lower)
                    .map(|(_, s)| *s)
                    .or_else(|| list.according.filter(|_| lower == "according"))
                    .unwrap_or((0, 0))
            };
            let mixed = crate::engine::words::mixed_case(words[pick % words.len()].0, case) + &dots;
            for w in [mixed.as_str(), other.as_str(), "According", "ACCORDING."] {
                proptest::prop_assert_eq!(list.strengths(w), search(w), "{:?}", w);
            }
        }
    }
}
