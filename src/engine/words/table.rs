//! The token table: for every token of a text, which closed word lists its word is in,
//! found once by one key and one lookup, where attribution and speaker names used to
//! lower-case and look up the same words again for each list they ask about.
//! (`Segmented::lists` holds the table of a text.)
//!
//! Both read the one [`WordTable`]: every word of the lexicon's closed lists and of the
//! claim lists (`claims::lists::LISTS`), by its key, with the bits of each kind of list
//! holding it.
//!
//! [`ListBits::of_word`] is the plain definition: each list's own function of
//! `lexicon` asked in turn. [`TokenTable::lists`] computes the same bits with one
//! [`ascii_key`] and one probe of a map from keys to bits for an ASCII word of at most
//! [`KEY_BYTES`](super::KEY_BYTES) bytes (nearly every token; two for a word ending in
//! a dot), and with the plain definition for the rest. A property test checks the two agree on
//! every token of random texts and on every listed word in mixed case.

use std::cell::Cell;
use std::sync::OnceLock;

use super::{ascii_key, key_of_lower, KeyMap, Lower, Prefilter};
use crate::engine::claims::lists as claim_lists;
use crate::engine::lexicon::{self as lex, Pronoun};
use crate::engine::text::Segmented;

/// The lists a token's word is in, a bit each, and its pronoun (3 bits).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ListBits(u16);

impl ListBits {
    const FUNCTION: u16 = 1;
    const ROLE: u16 = 1 << 1;
    const ORG: u16 = 1 << 2;
    const DOCUMENT: u16 = 1 << 3;
    const ADVERBIAL: u16 = 1 << 4;
    const DETERMINER: u16 = 1 << 5;
    const CLAUSE: u16 = 1 << 6;
    const WEEKDAY: u16 = 1 << 7;
    /// Where the pronoun's number sits (0: none, else `Pronoun` in `PRONOUNS` order + 1).
    const PRONOUN_SHIFT: u32 = 8;
    const PRONOUNS: [Pronoun; 5] = [
        Pronoun::He,
        Pronoun::She,
        Pronoun::They,
        Pronoun::It,
        Pronoun::Speaker,
    ];

    /// The plain definition: `lexicon`'s function of each list asked of `w`.
    pub(crate) fn of_word(w: &str) -> Self {
        let mut bits = [
            (lex::is_function_word(w), Self::FUNCTION),
            (lex::is_role(w), Self::ROLE),
            (lex::is_org_word(w), Self::ORG),
            (lex::is_document_word(w), Self::DOCUMENT),
            (lex::is_adverbial(w), Self::ADVERBIAL),
            (lex::is_determiner(w), Self::DETERMINER),
            (lex::is_clause_word_in_any_case(w), Self::CLAUSE),
            (lex::is_weekday_in_any_case(w), Self::WEEKDAY),
        ]
        .iter()
        .filter(|(is, _)| *is)
        .fold(0, |bits, (_, bit)| bits | bit);
        bits |= Self::pronoun_bits(lex::pronoun(w));
        ListBits(bits)
    }

    fn pronoun_bits(p: Option<Pronoun>) -> u16 {
        p.and_then(|p| Self::PRONOUNS.iter().position(|&q| q == p))
            .map_or(0, |k| (k as u16 + 1) << Self::PRONOUN_SHIFT)
    }

    /// [`lexicon::is_function_word`](lex::is_function_word).
    #[inline]
    pub(crate) fn function(self) -> bool {
        self.0 & Self::FUNCTION != 0
    }
    /// [`lexicon::is_role`](lex::is_role).
    #[inline]
    pub(crate) fn role(self) -> bool {
        self.0 & Self::ROLE != 0
    }
    /// [`lexicon::is_org_word`](lex::is_org_word).
    #[inline]
    pub(crate) fn org(self) -> bool {
        self.0 & Self::ORG != 0
    }
    /// [`lexicon::is_document_word`](lex::is_document_word).
    #[inline]
    pub(crate) fn document(self) -> bool {
        self.0 & Self::DOCUMENT != 0
    }
    /// [`lexicon::is_adverbial`](lex::is_adverbial).
    #[inline]
    pub(crate) fn adverbial(self) -> bool {
        self.0 & Self::ADVERBIAL != 0
    }
    /// [`lexicon::is_determiner`](lex::is_determiner).
    #[inline]
    pub(crate) fn determiner(self) -> bool {
        self.0 & Self::DETERMINER != 0
    }
    /// [`lexicon::is_clause_word_in_any_case`](lex::is_clause_word_in_any_case).
    #[inline]
    pub(crate) fn clause(self) -> bool {
        self.0 & Self::CLAUSE != 0
    }
    /// [`lexicon::is_weekday_in_any_case`](lex::is_weekday_in_any_case).
    #[inline]
    pub(crate) fn weekday(self) -> bool {
        self.0 & Self::WEEKDAY != 0
    }
    /// [`lexicon::pronoun`](lex::pronoun).
    #[inline]
    pub(crate) fn pronoun(self) -> Option<Pronoun> {
        match self.0 >> Self::PRONOUN_SHIFT & 7 {
            0 => None,
            k => Self::PRONOUNS.get(usize::from(k) - 1).copied(),
        }
    }
}

/// What the word layer knows of a listed word: the closed lists holding it, the bits of
/// its lower case that do not depend on the word's case (all but the "-ly" rule of
/// adverbials, which needs a lower-case first letter and is applied to each word by
/// [`TokenTable::lists`]); and the claim lists holding it (`claims::lists::LISTS`).
#[derive(Debug, Clone, Copy, Default)]
struct Listed {
    lists: u16,
    claims: u64,
}

/// The one table of listed words, by key ([`KeyMap`]: a lookup is a multiply and a
/// compare of two numbers, no string hashing or comparing), and in front of the claim
/// lists' bits, which every word of a scored sentence asks for, the word layer's
/// [`Prefilter`] of the claim lists' words.
pub(crate) struct WordTable {
    map: KeyMap<Listed>,
    claim_filter: Prefilter<{ 4096 / 64 }>,
}

impl WordTable {
    pub(crate) fn get() -> &'static WordTable {
        static TABLE: OnceLock<WordTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut t = WordTable {
                map: KeyMap::default(),
                claim_filter: Prefilter::default(),
            };
            t.add_closed_lists();
            for (list, bit) in claim_lists::LISTS {
                for w in list {
                    t.claim_filter.insert(w);
                    t.map.entry(key_of_lower(w.as_bytes())).claims |= bit;
                }
            }
            t
        })
    }

    fn add_closed_lists(&mut self) {
        for w in lex::closed_list_words() {
            let Some(key) = ascii_key(w) else {
                continue;
            };
            // A listed word in lower case, asked as the plain definition asks it,
            // but for the "-ly" rule (an ASCII word's case changes no other answer) and
            // the organisation words, which the plain definition asks without the
            // word's final dots: here the word as it is, so that a word with a dot
            // takes that bit from the key of the word without them.
            let plain = ListBits::of_word(w).0 & !(ListBits::ADVERBIAL | ListBits::ORG);
            let listed_adverbial = lex::is_listed_adverbial(w) || lex::is_weekday_in_any_case(w);
            let flag = |is: bool, bit: u16| if is { bit } else { 0 };
            let bits = plain
                | flag(listed_adverbial, ListBits::ADVERBIAL)
                | flag(lex::is_listed_org(w), ListBits::ORG);
            if bits != 0 {
                self.map.entry(key).lists = bits;
            }
        }
    }

    /// The closed lists' bits of the word of key `key`.
    #[inline]
    fn lists(&self, key: u128) -> u16 {
        self.map.get(key).lists
    }

    /// The bits of every claim list holding the (lower-cased) word.
    #[inline(always)]
    pub(crate) fn claim_bits(&self, word: Lower) -> u64 {
        let n = word.len();
        if n == 0 || n > claim_lists::LONGEST_LISTED {
            return 0;
        }
        if !self.claim_filter.may_hold_bytes(word.bytes) {
            return 0;
        }
        self.map.get(word.key()).claims
    }
}

/// The "-ly" rule of [`lexicon::is_adverbial`](lex::is_adverbial) for an ASCII word:
/// lower case at its start, longer than 4 bytes, ending in "ly" but not in "ply".
#[inline]
fn ly_adverbial(b: &[u8]) -> bool {
    let n = b.len();
    n > 4
        && b[0].is_ascii_lowercase()
        && b[n - 1].eq_ignore_ascii_case(&b'y')
        && b[n - 2].eq_ignore_ascii_case(&b'l')
        && !b[n - 3].eq_ignore_ascii_case(&b'p')
}

/// The [`ListBits`] of every token of a text, each found the first time a stage asks
/// about its token and kept (eagerly for every token it cost more: the stages ask
/// about fewer than half of them).
pub(crate) struct TokenTable {
    bits: Vec<Cell<u16>>,
}

impl TokenTable {
    /// A token's bits not found yet (no list bit is that high).
    const UNKNOWN: u16 = u16::MAX;

    pub(crate) fn new(tokens: usize) -> Self {
        TokenTable {
            bits: vec![Cell::new(Self::UNKNOWN); tokens],
        }
    }

    /// The lists of token `i`'s word.
    #[inline]
    pub(crate) fn lists(&self, seg: &Segmented, i: usize) -> ListBits {
        let cell = &self.bits[i];
        match cell.get() {
            Self::UNKNOWN => {
                let bits = Self::find(seg, i);
                cell.set(bits.0);
                bits
            }
            bits => ListBits(bits),
        }
    }

    /// [`ListBits::of_word`] of token `i`: one key and one lookup for an ASCII word of
    /// at most [`KEY_BYTES`](super::KEY_BYTES) bytes, the plain definition for another.
    #[inline(never)]
    fn find(seg: &Segmented, i: usize) -> ListBits {
        let w = seg.word(i);
        let Some(key) = ascii_key(w) else {
            return ListBits::of_word(w);
        };
        let table = WordTable::get();
        if !w.ends_with('.') {
            let ly = if ly_adverbial(w.as_bytes()) {
                ListBits::ADVERBIAL
            } else {
                0
            };
            return ListBits(table.lists(key) | ly);
        }
        // "Corp.", "Mr.": an organisation word is looked up without its final dots,
        // every other list with them (and no word ending in a dot ends in "ly").
        let bare = w.trim_end_matches('.');
        let org = ascii_key(bare).map_or(0, |k| table.lists(k)) & ListBits::ORG;
        ListBits(table.lists(key) & !ListBits::ORG | org)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::text::segment;
    use crate::engine::words::mixed_case;
    use proptest::prelude::*;

    fn assert_table_is_plain(text: &str) {
        let seg = segment(text, &[]);
        for i in 0..seg.tokens.len() {
            let w = seg.word(i);
            assert_eq!(seg.lists(i), ListBits::of_word(w), "{w:?} in {text:?}");
            assert_eq!(seg.lists(i), ListBits::of_word(w), "asked again: {w:?}");
        }
    }

    #[test]
    fn every_listed_word_in_any_case_has_its_plain_bits() {
        for (k, w) in lex::closed_list_words().enumerate() {
            for case in [0, u64::MAX, 1, 0b1010, k as u64] {
                let w = mixed_case(w, case);
                assert_table_is_plain(&w);
                assert_table_is_plain(&format!("{w}."));
            }
        }
        assert_table_is_plain("Friday, really: he said the Company Reports quietly applied.");
        // Words that keep their dot: an organisation word is looked up without it.
        assert_table_is_plain("Acme Corp. and Inc. Co. LTD. Bros. Mr. Gov. Sen. U.S. J. St. Dept.");
        assert_table_is_plain("Quickly SUPPLY Kelly's sadly \u{212a}elly and the \u{130}t she.");
    }

    proptest! {
        #[test]
        fn the_table_equals_the_plain_definition(
            text in "([a-zA-Z]{1,12}[ .,'’\u{e9}-]{0,2}){0,12}"
        ) {
            assert_table_is_plain(&text);
        }

        #[test]
        fn the_table_equals_the_plain_definition_on_any_text(text in any::<String>()) {
            assert_table_is_plain(&text);
        }
    }
}
