//! The features of a sentence for the check-worthiness model, all from one scan of its
//! words: named features (numbers, figures with their units, comparisons, causes, change,
//! names by their shape, tense, modality, hedges, opinion, person, length) and hashed word
//! unigrams and bigrams.

use std::ops::Range;

use super::furniture::SentenceShape;
use super::lists::{FEATURE_BITS, STOPS_ED, STOPS_EST};
use super::model::hashed_units;
use crate::engine::ascii::char_from;
use crate::engine::text::{Segmented, Token};
pub(super) use crate::engine::words::Lower;
use crate::engine::words::{fnv1a, with_lower, LowerContains, WordTable};

/// The named features, in weight order.
pub const FEATURE_NAMES: [&str; NAMED] = [
    "number",
    "numbers-2",
    "numbers-3+",
    "percent",
    "money",
    "magnitude",
    "year",
    "quantity",
    "date",
    "comparative",
    "than",
    "superlative",
    "every-never",
    "record",
    "cause",
    "trend",
    "statistic",
    "past-event",
    "past-ed",
    "perfect",
    "present-be",
    "modal-future",
    "obligation",
    "hedge",
    "opinion",
    "evaluative",
    "first-singular",
    "first-plural",
    "second-person",
    "third-person",
    "question",
    "exclamation",
    "ceremony",
    "negation",
    "vote-law",
    "reported",
    "quote-mark",
    "names-1",
    "names-3+",
    "acronym",
    "len-1-4",
    "len-5-9",
    "len-10-19",
    "len-20-39",
    "len-40+",
    "starts-lower",
    "starts-conjunction",
    "event",
    "research",
    "forecast",
    "unit",
    "ordinal",
    "deictic",
    "wh-word",
    "figure-unit",
];

/// How many named features there are (each is a bit of a `u64`, below the lists' stop bits).
pub const NAMED: usize = 55;
const _: () = assert!(NAMED <= 60);
/// Hashed word unigrams and bigrams go to `1 << HASH_BITS` buckets after the named features.
pub const HASH_BITS: u32 = 14;
/// How many hashed buckets there are.
pub const HASH_BUCKETS: usize = 1 << HASH_BITS;
/// Length of the feature vector: named features, then hashed buckets.
pub const NUM_FEATURES: usize = NAMED + HASH_BUCKETS;

pub(super) const fn feature_index(name: &str) -> usize {
    let mut i = 0;
    while i < NAMED {
        let (a, b) = (FEATURE_NAMES[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut k = 0;
            while k < a.len() && a[k] == b[k] {
                k += 1;
            }
            if k == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("unknown feature name")
}

pub(super) const fn feature_bit(name: &str) -> u64 {
    1 << feature_index(name)
}

/// Features that only count on a sentence's first word.
const FIRST_WORD_ONLY: u64 = feature_bit("starts-conjunction");

/// What the scan does with the hashed word n-grams: nothing, collect their buckets (the
/// trainer), or add up their weights as it goes (the shipped model: no list, no sort).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Hashing {
    Off,
    Collect,
    Weigh,
}

/// Buffers reused from sentence to sentence: a lower-cased non-ASCII word; the hashed
/// n-grams of the last sentence scanned (their buckets, with repeats, when collecting;
/// their weights' sum when weighing); and, for the reasons a reader is shown, the first
/// word behind each named feature that fired and each word's hashed push.
pub(super) struct Scratch {
    lower: String,
    pub(super) hashed: Vec<u32>,
    pub(super) hashed_units: i32,
    hashing: Hashing,
    /// Bit `i` set: `seen[i]` is the first word (byte range) behind named feature `i`.
    seen_bits: u64,
    seen: [(u32, u32); NAMED],
    /// Each word (byte range) with what its hashed unigram and bigram add to the logit,
    /// in the model's units.
    pub(super) pushes: Vec<(u32, u32, i32)>,
    /// The reasons' candidates (push, word, label), a buffer kept for `reasons` (one
    /// allocation less a claim).
    pub(super) candidates: Vec<(f64, Range<usize>, Option<&'static str>)>,
}

impl Scratch {
    pub(super) fn new(hashing: Hashing) -> Self {
        Scratch {
            lower: String::new(),
            hashed: Vec::new(),
            hashed_units: 0,
            hashing,
            seen_bits: 0,
            seen: [(0, 0); NAMED],
            pushes: Vec::new(),
            candidates: Vec::new(),
        }
    }

    /// The features the shipped model weighs (no hashing when it has no hashed weights).
    pub(super) fn for_model() -> Self {
        Scratch::new(if super::model::USES_HASHED {
            Hashing::Weigh
        } else {
            Hashing::Off
        })
    }

    /// The first word (byte range) behind named feature `i` in the last sentence scanned.
    pub(super) fn witness(&self, i: usize) -> Option<Range<usize>> {
        (self.seen_bits & 1 << i != 0).then(|| self.seen[i].0 as usize..self.seen[i].1 as usize)
    }

    /// Add the unigram and bigram of word `w` (hashed `h`, after a word hashed
    /// `prev_hash`): their buckets when collecting, their weights when weighing.
    #[inline]
    fn push_hashes(&mut self, prev_hash: u32, h: u32, w: &ScannedWord) {
        let (unigram, bigram) = (bucket(0, h), bucket(prev_hash, h));
        if self.hashing == Hashing::Weigh {
            let push = hashed_units(unigram) + hashed_units(bigram);
            self.hashed_units += push;
            self.pushes.push((w.start as u32, w.end as u32, push));
        } else {
            self.hashed.extend([unigram, bigram]);
        }
    }
}

/// Record `word` as the witness of each feature in `bits` not witnessed yet (in the
/// fields `seen_bits` and `seen` of a [`Scratch`]).
fn witness_all(
    seen_bits: &mut u64,
    seen: &mut [(u32, u32); NAMED],
    bits: u64,
    word: &Range<usize>,
) {
    let mut new = bits & !*seen_bits;
    *seen_bits |= new;
    while new != 0 {
        let i = new.trailing_zeros() as usize;
        new &= new - 1;
        seen[i] = (word.start as u32, word.end as u32);
    }
}

/// What the scan of a sentence gives besides the hashed buckets: the named features
/// that fire (bit `i` for feature `i`), and the sentence's shape for the furniture prior.
#[derive(Clone, Copy)]
pub(super) struct Scanned {
    pub(super) named: u64,
    pub(super) shape: SentenceShape,
}

/// The sparse feature vector of a sentence, as the trainer sees it: (index, value) pairs,
/// indices unique, sorted and below [`NUM_FEATURES`]; a named feature's value is 1, a
/// hashed bucket's the number of the sentence's n-grams in it.
pub fn feature_vector(sentence: &str) -> Vec<(usize, f32)> {
    let mut scratch = Scratch::new(Hashing::Collect);
    let named = scan(sentence, &mut scratch).named;
    let mut out: Vec<(usize, f32)> = (0..NAMED)
        .filter(|i| named & 1 << i != 0)
        .map(|i| (i, 1.0))
        .collect();
    scratch.hashed.sort_unstable();
    for &b in &scratch.hashed {
        let i = NAMED + b as usize;
        match out.last_mut() {
            Some(last) if last.0 == i => last.1 += 1.0,
            _ => out.push((i, 1.0)),
        }
    }
    out
}

/// The bucket of a word (by its hash `h`) after the word hashed `prev` (0: a unigram).
#[inline]
fn bucket(prev: u32, h: u32) -> u32 {
    let x = (u64::from(prev) << 32 | u64::from(h)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (x >> (64 - HASH_BITS)) as u32
}

/// The hash standing for any word with a digit (numbers are told by the named features).
const NUMBER_HASH: u32 = fnv1a(b"0");
/// The hash standing for a figure by its shape: one digit, a decimal or a figure with
/// thousands separators, any other.
fn number_hash(word: &[u8]) -> u32 {
    if word.len() == 1 {
        SMALL_NUMBER_HASH
    } else if word.iter().any(|&b| b == b'.' || b == b',') {
        EXACT_NUMBER_HASH
    } else {
        NUMBER_HASH
    }
}
const SMALL_NUMBER_HASH: u32 = fnv1a(b"5");
const EXACT_NUMBER_HASH: u32 = fnv1a(b"5.5");
/// The hash standing for a year ("in 2019": a date, where "in 40" is a count).
const YEAR_HASH: u32 = fnv1a(b"1999");
/// The hash standing for the start of a sentence (the first word's bigram).
const START_HASH: u32 = fnv1a(b"<s>");

/// A feature's bit, resolved at compile time, not per word.
macro_rules! bit {
    ($name:literal) => {
        const { feature_bit($name) }
    };
}

/// What `scan` tallies over a sentence's words for the features it sets at the end.
#[derive(Default)]
struct Tally {
    numbers: usize,
    names: usize,
    last_number: Option<Range<usize>>,
    /// Whether the sentence says "per cent", asked at its first "cent" only.
    has_per_cent: Option<bool>,
    /// Where the word before began, if it was a count (a figure, not a year).
    count_before: Option<usize>,
}

/// Scan a sentence once: its named features, its shape, and (into `scratch`, as its
/// `Hashing` says) its hashed unigrams and bigrams, and what the reasons need.
pub(super) fn scan(sentence: &str, scratch: &mut Scratch) -> Scanned {
    scan_words(sentence, &mut Scanner::new(sentence), scratch)
}

/// [`scan`] of the sentence of `seg` that is tokens `tokens` (one paragraph's), its
/// words read from the text's tokens rather than scanned again: the same words
/// ([`TokenWords`]), so the same features.
pub(super) fn scan_tokens(seg: &Segmented, tokens: Range<usize>, scratch: &mut Scratch) -> Scanned {
    let bytes = seg.token_bytes(&tokens);
    let sentence = &seg.text[bytes.clone()];
    let words = &mut TokenWords::new(seg, tokens, bytes.start);
    scan_words(sentence, words, scratch)
}

/// The scan of [`scan`], of `sentence`'s words as `words` gives them.
#[inline(always)]
fn scan_words(sentence: &str, words: &mut impl ClaimWords, scratch: &mut Scratch) -> Scanned {
    let mut shape = SentenceShape::default();
    scratch.hashed.clear();
    scratch.hashed_units = 0;
    scratch.seen_bits = 0;
    scratch.pushes.clear();
    let mut named = end_mark_bits(sentence);
    let table = WordTable::get();
    let bytes = sentence.as_bytes();
    let mut tally = Tally::default();
    let mut prev_hash = START_HASH;
    while let Some(w) = words.next_word() {
        let first_word = shape.count == 0;
        let raw = Lower::folded(&bytes[w.start..w.end]);
        shape.add(&w, raw);
        let l = lower_of(sentence, &w, raw, &mut scratch.lower);
        let lists = table.claim_bits(l);
        let has_digit = w.classes & DIGIT != 0;
        let after_count = tally.count_before.take();
        let fired = word_bits(sentence, &w, l, lists, first_word, &mut tally);
        let fired = fired
            | figure_with_unit(
                &mut scratch.seen_bits,
                &mut scratch.seen,
                after_count,
                lists,
                &w,
            );
        if fired & !scratch.seen_bits != 0 {
            witness_all(
                &mut scratch.seen_bits,
                &mut scratch.seen,
                fired,
                &(w.start..w.end),
            );
        }
        named |= fired;
        if scratch.hashing != Hashing::Off {
            let h = match (has_digit, fired & bit!("year") != 0) {
                (false, _) => l.fnv1a(),
                (true, false) => number_hash(l.bytes),
                (true, true) => YEAR_HASH,
            };
            scratch.push_hashes(prev_hash, h, &w);
            prev_hash = h;
        }
    }
    shape.marks = words.marks() & READ_MARKS;
    let late = late_bits(shape.marks, &tally, shape.count);
    if let Some(number) = &tally.last_number {
        // A figure's marks and counts are shown as the (last) figure itself.
        let of_figures = bit!("percent") | bit!("money") | bit!("numbers-2") | bit!("numbers-3+");
        witness_all(
            &mut scratch.seen_bits,
            &mut scratch.seen,
            late & of_figures,
            number,
        );
    }
    named |= late;
    Scanned { named, shape }
}

/// Word `w` lower-cased: `raw` (its bytes, folded) when ASCII, else a copy into `buffer`.
#[inline(always)]
fn lower_of<'a>(
    sentence: &str,
    w: &ScannedWord,
    raw: Lower<'a>,
    buffer: &'a mut String,
) -> Lower<'a> {
    if w.classes & NON_ASCII == 0 {
        raw
    } else {
        lower_word(&sentence[w.start..w.end], buffer);
        Lower {
            bytes: buffer.as_bytes(),
            fold: 0,
        }
    }
}

/// A figure with its unit or magnitude next to it ("12 miles", "3 billion"): a
/// quantity stated, not a number in passing (an address, a score, a name). Its bit
/// when word `w` (in the lists `lists`) is the unit of a count starting at
/// `after_count`, witnessed by the figure with its unit (in `seen_bits` and `seen`).
#[inline(always)]
fn figure_with_unit(
    seen_bits: &mut u64,
    seen: &mut [(u32, u32); NAMED],
    after_count: Option<usize>,
    lists: u64,
    w: &ScannedWord,
) -> u64 {
    match (after_count, lists & FIGURE_UNITS != 0) {
        (Some(start), true) => {
            // Shown as the figure with its unit ("12 miles").
            let both = start..w.end;
            witness_all(seen_bits, seen, bit!("figure-unit"), &both);
            bit!("figure-unit")
        }
        _ => 0,
    }
}

/// The features of how a sentence ends: a question or an exclamation.
fn end_mark_bits(sentence: &str) -> u64 {
    let trimmed = sentence.trim_end();
    if trimmed.ends_with('?') {
        bit!("question")
    } else if trimmed.ends_with('!') {
        bit!("exclamation")
    } else {
        0
    }
}

/// The named features word `w` (lower case `l`, in the lists `lists`) fires by
/// itself, but for the figure with its unit; counts its numbers and names in `tally`.
#[inline(always)]
fn word_bits(
    sentence: &str,
    w: &ScannedWord,
    l: Lower,
    lists: u64,
    first_word: bool,
    tally: &mut Tally,
) -> u64 {
    let has_digit = w.classes & DIGIT != 0;
    let mut fired = lists & FEATURE_BITS & !FIRST_WORD_ONLY;
    if first_word {
        fired |= lists & FIRST_WORD_ONLY;
        if w.first_case & LOWER != 0 {
            fired |= bit!("starts-lower");
        }
    }
    if has_digit {
        fired |= number_bits(w, l, tally);
    }
    if !first_word && w.first_case & UPPER != 0 && !l.is(b"i") && !l.starts_with(b"i'") {
        tally.names += 1;
        fired |= bit!("names-1");
    }
    if w.classes & (LOWER | DIGIT | NON_ASCII) == 0 && l.len() >= 2 {
        fired |= bit!("acronym");
    }
    if l.is(b"cent")
        && *tally
            .has_per_cent
            .get_or_insert_with(|| LowerContains::new(sentence).contains("per cent"))
    {
        fired |= bit!("percent");
    }
    if l.len() > 5 && l.ends_with(b"est") && lists & STOPS_EST == 0 && !l.ends_with(b"iest") {
        fired |= bit!("superlative");
    }
    if l.len() > 4 && l.ends_with(b"ed") && lists & STOPS_ED == 0 && !has_digit {
        fired |= bit!("past-ed");
    }
    if l.ends_with(b"n't") {
        fired |= bit!("negation");
    }
    fired
}

/// The features of a word with a digit: a number, a year or else a count (whose
/// start `tally` keeps for the word after it).
#[inline(always)]
fn number_bits(w: &ScannedWord, l: Lower, tally: &mut Tally) -> u64 {
    tally.numbers += 1;
    tally.last_number = Some(w.start..w.end);
    // Lower-casing changes no digit, nor makes one.
    if l.len() == 4
        && (l.starts_with(b"19") || l.starts_with(b"20"))
        && l.bytes.iter().all(u8::is_ascii_digit)
    {
        bit!("number") | bit!("year")
    } else {
        // A year before a word ("in 2015 people …") is a date, not a count.
        tally.count_before = Some(w.start);
        bit!("number")
    }
}

/// The features known once the sentence is scanned: its marks (`marks`, from the
/// scanner), how many numbers and names it has and its length in words (`count`).
fn late_bits(marks: u8, tally: &Tally, count: usize) -> u64 {
    let mut late = 0u64;
    if marks & PERCENT_MARK != 0 {
        late |= bit!("percent");
    }
    if marks & MONEY_MARK != 0 {
        late |= bit!("money");
    }
    if marks & QUOTE_MARK != 0 {
        late |= bit!("quote-mark");
    }
    if tally.numbers == 2 {
        late |= bit!("numbers-2");
    }
    if tally.numbers >= 3 {
        late |= bit!("numbers-3+");
    }
    if tally.names >= 3 {
        late |= bit!("names-3+");
    }
    late | match count {
        0..=4 => bit!("len-1-4"),
        5..=9 => bit!("len-5-9"),
        10..=19 => bit!("len-10-19"),
        20..=39 => bit!("len-20-39"),
        _ => bit!("len-40+"),
    }
}

/// The lists whose word after a figure makes it a quantity with its unit.
const FIGURE_UNITS: u64 =
    feature_bit("unit") | feature_bit("magnitude") | feature_bit("money") | feature_bit("percent");

/// `word` in the claim lists' lower case, into `out` (reused, so no allocation per
/// word): the word layer's one lower case ([`with_lower`], `str::to_lowercase`) with
/// curly apostrophes made straight, as the lists spell them ("don’t" is "don't").
fn lower_word(word: &str, out: &mut String) {
    out.clear();
    with_lower(word, |l| {
        out.extend(l.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }));
    });
}

// Classes of bytes for the word scan: one table load per byte tells a letter or digit
// and its case, and the marks the features look for, in place of a search of the
// sentence for each mark and a second pass over each word's bytes.
const DIGIT: u8 = 1;
pub(super) const LOWER: u8 = 2;
const UPPER: u8 = 4;
const ALNUM: u8 = DIGIT | LOWER | UPPER;
/// `%`.
const PERCENT_MARK: u8 = 8;
/// `$`, `£`, `€`.
const MONEY_MARK: u8 = 16;
/// `|`, `©`.
pub(super) const FURNITURE_MARK: u8 = 32;
/// A byte above 0x7f (in a word: the word is not ASCII).
const NON_ASCII: u8 = 64;
/// `"`, `“`, `”`: the sentence quotes someone.
const QUOTE_MARK: u8 = 128;
/// The marks the features and the furniture prior read (not `NON_ASCII`, which white
/// space outside ASCII between words also sets).
const READ_MARKS: u8 = PERCENT_MARK | MONEY_MARK | FURNITURE_MARK | QUOTE_MARK;

const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = if x.is_ascii_digit() {
            DIGIT
        } else if x.is_ascii_lowercase() {
            LOWER
        } else if x.is_ascii_uppercase() {
            UPPER
        } else if x == b'%' {
            PERCENT_MARK
        } else if x == b'$' {
            MONEY_MARK
        } else if x == b'|' {
            FURNITURE_MARK
        } else if x == b'"' {
            QUOTE_MARK
        } else if x >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    t
};

/// A word found by [`Scanner`]: its byte range, the classes of its bytes or-ed
/// together, and the case of its first character (`LOWER` if `char::is_lowercase`,
/// `UPPER` if `char::is_uppercase`, from the class of an ASCII byte).
pub(super) struct ScannedWord {
    pub(super) start: usize,
    pub(super) end: usize,
    classes: u8,
    pub(super) first_case: u8,
}

/// The scan behind [`words`]: bytes below 0x80 are looked at as bytes, anything else
/// decoded as a char. `marks` gathers the mark classes of the bytes between words.
pub(super) struct Scanner<'a> {
    text: &'a str,
    i: usize,
    pub(super) marks: u8,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            i: 0,
            marks: 0,
        }
    }

    #[inline(always)]
    pub(super) fn next_word(&mut self) -> Option<ScannedWord> {
        let (start, first_case) = self.skip_to_word()?;
        let (end, classes) = self.word_end(start);
        self.i = end;
        Some(ScannedWord {
            start,
            end,
            classes,
            first_case,
        })
    }

    /// Skip to the next letter or digit, gathering the marks passed on the way: where
    /// it is and its case (`LOWER`, `UPPER` or neither); `None` at the end of the text.
    #[inline(always)]
    fn skip_to_word(&mut self) -> Option<(usize, u8)> {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = self.i;
        loop {
            if i >= n {
                self.i = n;
                return None;
            }
            let c = CLASS[usize::from(b[i])];
            if c & ALNUM != 0 {
                return Some((i, c & (LOWER | UPPER)));
            }
            self.marks |= c;
            if c & NON_ASCII == 0 {
                i += 1;
            } else {
                let ch = char_from(text, i);
                if is_alphanumeric(ch) {
                    let case = if ch.is_lowercase() { LOWER } else { 0 }
                        | if ch.is_uppercase() { UPPER } else { 0 };
                    return Some((i, case));
                }
                self.marks |= char_marks(ch);
                i += ch.len_utf8();
            }
        }
    }

    /// The end of the word starting at `start` (letters and digits, joined by an
    /// apostrophe before a letter or a decimal point or comma between digits), and the
    /// classes of its characters.
    #[inline(always)]
    fn word_end(&self, start: usize) -> (usize, u8) {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = start;
        let mut classes = 0u8;
        let alphabetic_at = |k: usize| k < n && char_from(text, k).is_alphabetic();
        loop {
            // A run of ASCII letters and digits (most words are one) in a loop of its own.
            while let Some(&x) = b.get(i) {
                let c = CLASS[usize::from(x)];
                if c & ALNUM == 0 {
                    break;
                }
                classes |= c;
                i += 1;
            }
            let Some(&x) = b.get(i) else {
                break;
            };
            if x < 0x80 {
                let joins = match x {
                    b'\'' => alphabetic_at(i + 1),
                    b'.' | b',' => {
                        i > start
                            && b[i - 1].is_ascii_digit()
                            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                i += 1;
            } else {
                let ch = char_from(text, i);
                let len = ch.len_utf8();
                let joins = if ch == '\u{2019}' {
                    alphabetic_at(i + len)
                } else {
                    is_alphanumeric(ch)
                };
                if !joins {
                    break;
                }
                classes |= NON_ASCII;
                i += len;
            }
        }
        (i, classes)
    }
}

/// The marks of a character above 0x7f that is no letter or digit.
#[inline]
fn char_marks(ch: char) -> u8 {
    match ch {
        '£' | '€' => MONEY_MARK,
        '©' => FURNITURE_MARK,
        '\u{201c}' | '\u{201d}' => QUOTE_MARK,
        _ => 0,
    }
}

/// Where [`scan_words`] reads a sentence's words from: the words of [`Scanner`] in
/// order, and the marks between them (of which [`READ_MARKS`] count).
pub(super) trait ClaimWords {
    fn next_word(&mut self) -> Option<ScannedWord>;
    fn marks(&self) -> u8;
}

impl ClaimWords for Scanner<'_> {
    #[inline(always)]
    fn next_word(&mut self) -> Option<ScannedWord> {
        Scanner::next_word(self)
    }
    fn marks(&self) -> u8 {
        self.marks
    }
}

/// The words of [`Scanner`] over a sentence of a segmented text, read from its
/// tokens: each word token scanned alone, the punctuation tokens' marks taken whole.
/// The same words, because a claim word never crosses a token's edge: it starts at a
/// letter or digit, which only a word token holds, and every joiner the scanner
/// follows inside a word the tokenizer follows too (an apostrophe before a letter,
/// `.` or `,` between digits); a token may hold several claim words ("well-known",
/// "U.S."), which its own scan splits. Only white space lies between tokens, and it
/// has no mark that counts. A property test checks both give the same features.
pub(super) struct TokenWords<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Byte offset of the sentence in the text: words are given relative to it.
    base: usize,
    next: usize,
    end: usize,
    /// The scan of the current word token, and where that token starts in the sentence.
    inner: Scanner<'a>,
    offset: usize,
    marks: u8,
}

impl<'a> TokenWords<'a> {
    fn new(seg: &'a Segmented, tokens: Range<usize>, base: usize) -> Self {
        TokenWords {
            text: seg.text,
            tokens: &seg.tokens,
            base,
            next: tokens.start,
            end: tokens.end,
            inner: Scanner::new(""),
            offset: 0,
            marks: 0,
        }
    }
}

impl ClaimWords for TokenWords<'_> {
    #[inline(always)]
    fn next_word(&mut self) -> Option<ScannedWord> {
        loop {
            if let Some(mut w) = self.inner.next_word() {
                w.start += self.offset;
                w.end += self.offset;
                return Some(w);
            }
            if self.next >= self.end {
                return None;
            }
            let t = &self.tokens[self.next];
            self.next += 1;
            if t.is_word() {
                // Most tokens are one run of ASCII letters and digits: one claim word,
                // as the scanner would find it, without starting a scan.
                let bytes = &self.text.as_bytes()[t.start..t.end];
                if let Some(classes) = ascii_alnum_classes(bytes) {
                    return Some(ScannedWord {
                        start: t.start - self.base,
                        end: t.end - self.base,
                        classes,
                        first_case: CLASS[usize::from(bytes[0])] & (LOWER | UPPER),
                    });
                }
                self.marks |= self.inner.marks;
                self.inner = Scanner::new(&self.text[t.start..t.end]);
                self.offset = t.start - self.base;
            } else {
                // One character (or two apostrophes, which have no mark either way).
                let b = self.text.as_bytes()[t.start];
                self.marks |= if b < 0x80 {
                    CLASS[usize::from(b)]
                } else {
                    char_marks(char_from(self.text, t.start))
                };
            }
        }
    }
    fn marks(&self) -> u8 {
        self.marks | self.inner.marks
    }
}

/// The classes of `word`'s bytes or-ed together if they are all ASCII letters and
/// digits (and there is one), else `None`.
#[inline(always)]
fn ascii_alnum_classes(word: &[u8]) -> Option<u8> {
    let mut classes = 0;
    for &b in word {
        let c = CLASS[usize::from(b)];
        if c & ALNUM == 0 {
            return None;
        }
        classes |= c;
    }
    (classes != 0).then_some(classes)
}

/// `c.is_alphanumeric()`, answering at once for the General Punctuation block (curly
/// quotes, dashes), which holds no letter or digit, instead of a table search.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fired(sentence: &str) -> Vec<&'static str> {
        let named = scan(sentence, &mut Scratch::new(Hashing::Collect)).named;
        (0..NAMED)
            .filter(|i| named & 1 << i != 0)
            .map(|i| FEATURE_NAMES[i])
            .collect()
    }

    #[test]
    fn features_are_in_range_sorted_and_unique() {
        let f =
            feature_vector("We cut taxes by $2 trillion, more than ever, because growth was 3%.");
        assert!(f.iter().all(|&(i, _)| i < NUM_FEATURES));
        assert!(f.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(f.iter().any(|&(i, _)| i >= NAMED), "hashed words");
    }

    #[test]
    fn marks_and_words_fire_their_features() {
        for (s, money, percent) in [
            ("costs £5 now", true, false),
            ("costs €5 now", true, false),
            ("costs $5 now", true, false),
            ("rose 5% now", false, true),
            ("rose 5 per cent now", false, true),
            ("rose 5 cent now", false, false),
        ] {
            let f = fired(s);
            assert_eq!(f.contains(&"money"), money, "{s}");
            assert_eq!(f.contains(&"percent"), percent, "{s}");
        }
        let f = fired("But NASA said “the probe reached Mars in 2021.”");
        for name in [
            "starts-conjunction",
            "acronym",
            "quote-mark",
            "year",
            "reported",
        ] {
            assert!(f.contains(&name), "{name}: {f:?}");
        }
        assert!(!fired("The team won, but so what").contains(&"starts-conjunction"));
        assert!(fired("and then it rained").contains(&"starts-lower"));
    }

    #[test]
    fn a_figure_with_its_unit_is_a_quantity() {
        for s in [
            "The new bridge is 12 miles long.",
            "The fund lost 3 billion last year.",
            "Fares went up by 7 percent in the spring.",
            "The village paid 40 dollars for each tree.",
        ] {
            assert!(fired(s).contains(&"figure-unit"), "{s}");
        }
        for s in [
            "She lives at 12 Elm Street with her miles of books.",
            "Twelve miles of road were closed.",
            "In 2015 people moved away.",
            "The score was 3 to 1 after the break.",
        ] {
            assert!(!fired(s).contains(&"figure-unit"), "{s}");
        }
        // Its witness is the figure with its unit, as the reasons show it.
        let s = "The canal carries 40 tons a day.";
        let mut scratch = Scratch::new(Hashing::Off);
        scan(s, &mut scratch);
        let w = scratch.witness(feature_index("figure-unit")).map(|r| &s[r]);
        assert_eq!(w, Some("40 tons"));
    }

    #[test]
    fn figures_hash_by_their_shape() {
        let hashed = |s: &str| -> Vec<usize> {
            feature_vector(s)
                .into_iter()
                .map(|f| f.0)
                .filter(|&i| i >= NAMED)
                .collect()
        };
        // Two counts of the same shape are one word to the hashed n-grams.
        assert_eq!(
            hashed("The orchard sold 40 crates."),
            hashed("The orchard sold 75 crates.")
        );
        assert_eq!(
            hashed("The orchard sold 4.5 crates."),
            hashed("The orchard sold 1,200 crates.")
        );
        // A year, one digit, a decimal and another count are told apart.
        let shapes =
            ["2019", "7", "4.5", "40"].map(|n| hashed(&format!("The orchard sold {n} crates.")));
        for (i, a) in shapes.iter().enumerate() {
            for b in &shapes[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn witnesses_are_the_words_that_fired() {
        let s = "Exports fell 12% because of the strike.";
        let mut scratch = Scratch::new(Hashing::Off);
        scan(s, &mut scratch);
        let word = |name: &str| scratch.witness(feature_index(name)).map(|r| &s[r]);
        assert_eq!(word("trend"), Some("fell"));
        assert_eq!(word("percent"), Some("12"));
        assert_eq!(word("cause"), Some("because"));
        assert_eq!(word("len-5-9"), None);
    }

    #[test]
    fn folded_words_are_their_lower_case() {
        for w in [
            "Don't",
            "6,553",
            "10.7",
            "ACCORDING",
            "Rest",
            "O'Neil",
            "UNITED",
        ] {
            let lower = w.to_ascii_lowercase();
            let l = Lower {
                bytes: w.as_bytes(),
                fold: 0x20,
            };
            assert!(l.is(lower.as_bytes()), "{w}");
            assert_eq!(l.fnv1a(), fnv1a(lower.as_bytes()), "{w}");
        }
    }

    type ScanResult = (
        u64,
        SentenceShape,
        Vec<u32>,
        i32,
        Vec<(u32, u32, i32)>,
        Vec<Option<Range<usize>>>,
    );

    /// Everything a scan leaves for the score and the reasons, as it did it with
    /// `hashing` (its named features, shape, hashed buckets or pushes, witnesses).
    fn scan_result(hashing: Hashing, scan: impl FnOnce(&mut Scratch) -> Scanned) -> ScanResult {
        let mut scratch = Scratch::new(hashing);
        let Scanned { named, shape } = scan(&mut scratch);
        let witnesses: Vec<_> = (0..NAMED).map(|i| scratch.witness(i)).collect();
        let (hashed, units, pushes) = (scratch.hashed, scratch.hashed_units, scratch.pushes);
        (named, shape, hashed, units, pushes, witnesses)
    }

    /// Whether scanning every sentence and every token range of a line of `text` from
    /// the tokens gives what the scan of its text gives.
    fn assert_token_words_are_the_scans(text: &str) {
        use crate::engine::text::{segment, sentences};
        let seg = segment(text, &[]);
        let mut ranges = sentences(&seg);
        for p in &seg.paragraphs {
            for a in p.tokens.clone() {
                ranges.extend((a + 1..=p.tokens.end).map(|b| a..b));
            }
        }
        for tokens in ranges {
            let bytes = seg.token_bytes(&tokens);
            let sentence = &text[bytes.clone()];
            if seg.tokens[tokens.start].para != seg.tokens[tokens.end - 1].para {
                continue;
            }
            for hashing in [Hashing::Collect, Hashing::Weigh] {
                assert_eq!(
                    scan_result(hashing, |s| scan_tokens(&seg, tokens.clone(), s)),
                    scan_result(hashing, |s| scan(sentence, s)),
                    "{sentence:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn token_words_are_the_scans_on_news_shapes() {
        for text in [
            "The well-known U.S. firm's “profits” rose 12% to $4.5bn (£3,200) in 2019.",
            "Mr. O’Neil said: don’t | © 2020 A&B Co. 6,553 people, 7.5 km, x’1 y'2 rock'n'roll",
            "Home | News\nSport \u{a0}€5 ''quoted'' ‐ state‑of‑the‑art É.T. naïve",
        ] {
            assert_token_words_are_the_scans(text);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn token_words_are_the_scans(
            text in "([a-zA-Z0-9]{1,6}|[ .,'%$|&\"\n-]|\u{2019}|\u{201c}|\u{a0}|\u{e9}|\u{a3}|\u{a9}|\u{2010}|\u{130}|\u{3a3}){0,40}"
        ) {
            assert_token_words_are_the_scans(&text);
        }

        #[test]
        fn token_words_are_the_scans_on_any_text(text in proptest::prelude::any::<String>()) {
            assert_token_words_are_the_scans(&text);
        }

        /// The claim lists' lower case is the word layer's, apostrophes made straight.
        #[test]
        fn lower_word_is_to_lowercase_with_straight_apostrophes(
            w in "[a-zA-Z\u{e9}\u{c9}\u{212a}\u{130}\u{3a3}\u{df}\u{2019}']{0,40}",
        ) {
            let mut out = String::new();
            lower_word(&w, &mut out);
            proptest::prop_assert_eq!(out, w.to_lowercase().replace('\u{2019}', "'"));
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }
}
