//! Check-worthy claims: which sentences state something a fact-checker could check
//! (figures, statistics, comparisons, causes, events stated as fact).
//!
//! A small logistic regression over hand-written features (numbers, money, percent,
//! comparatives, superlatives, trend and cause words, tense, person, length) plus a few
//! hashed word features. The weights are learnt from the CLEF-2019 CheckThat! debate
//! transcripts by `examples/train_claims.rs` and ship as a const array
//! (`claims_model.rs`, generated), so scoring is one linear scan of the sentence.
//!
//! The transcripts hold no page furniture, so the model has never seen a byline or a
//! "21 seconds ago" line; a hand-set prior (`furniture_factor`) damps such lines.

use std::ops::Range;

use super::ascii::{char_from, LowerContains};

#[path = "claims_model.rs"]
mod model;

/// A sentence's check-worthiness: `score` in 0..=1, and short reasons (`signals`).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimScore {
    pub score: f64,
    pub signals: Vec<String>,
}

/// A stretch of text worth flagging as a claim: byte `range` into the text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimSpan {
    pub range: Range<usize>,
    pub score: f64,
    pub signals: Vec<String>,
}

/// Sentences scoring at least this are reported by [`find_claims`].
pub const CLAIM_THRESHOLD: f64 = 0.5;

/// The named features, in weight order. A feature behind a user-facing signal
/// (see [`SIGNALS`]) reports it when it fires and pushes the score up.
pub const FEATURE_NAMES: [&str; NAMED] = [
    "number",
    "numbers-2",
    "numbers-3+",
    "percent",
    "money",
    "magnitude",
    "year",
    "comparative",
    "than",
    "superlative",
    "cause",
    "trend",
    "statistic",
    "past-event",
    "past-ed",
    "perfect",
    "first-singular",
    "first-plural",
    "second-person",
    "question",
    "ceremony",
    "opinion",
    "modal-future",
    "negation",
    "vote-law",
    "reported",
    "names-1",
    "names-3+",
    "len-1-4",
    "len-5-9",
    "len-10-19",
    "len-20-39",
    "len-40+",
    "hedge",
    "quantity",
    "every-never",
];

/// How many named features there are.
pub const NAMED: usize = 36;
/// Buckets for hashed lower-cased words.
pub const HASH_BUCKETS: usize = model::HASH_BUCKETS;
/// Length of the feature vector.
pub const NUM_FEATURES: usize = NAMED + HASH_BUCKETS;

/// The model's probability for a feature vector, before the furniture prior.
pub fn probability(feats: &[(usize, f32)], bias: f32, weights: &[f32]) -> f64 {
    let mut z = f64::from(bias);
    for &(i, v) in feats {
        z += f64::from(weights.get(i).copied().unwrap_or(0.0)) * f64::from(v);
    }
    sigmoid(z)
}

/// Score one sentence (any text; never panics).
pub fn score_sentence(sentence: &str) -> ClaimScore {
    let (score, reasons) = score_and_reasons(sentence, &mut String::new());
    ClaimScore {
        score,
        signals: reasons.signals(),
    }
}

/// A sentence's score, and the named features behind it (their signals are built
/// only for the sentences reported: most sentences are not). `lower` is a buffer for
/// lower-cased words, reused from sentence to sentence.
fn score_and_reasons(sentence: &str, lower: &mut String) -> (f64, Reasons) {
    let (z, shape, reasons) = logit_and_reasons(sentence, lower);
    (score_of(z, sentence, shape), reasons)
}

/// The score of a sentence of logit `z` and word shape `shape`.
fn score_of(z: f64, sentence: &str, shape: SentenceShape) -> f64 {
    let p = sigmoid(z) * furniture_factor_of(sentence, shape);
    p.clamp(0.0, 1.0)
}

/// Below this logit a sentence cannot reach [`CLAIM_THRESHOLD`]: the sigmoid is then
/// under 0.4998 (e^0.001 > 1), and the furniture factor at most 1.
const HOPELESS_LOGIT: f64 = -0.001;
const _: () = assert!(CLAIM_THRESHOLD >= 0.5);

/// A sentence's logit, its word shape (for the furniture factor) and the named
/// features behind its score.
fn logit_and_reasons(sentence: &str, lower: &mut String) -> (f64, SentenceShape, Reasons) {
    let (named, hashed, shape) = features_and_shape(sentence, HASH_BUCKETS, lower);
    let mut z = f64::from(model::BIAS);
    let mut pushes = 0u64;
    // Named features in index order, then hashed words: the order of `features`.
    // A named feature's value is 1, so its push is its weight.
    let mut bits = named;
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        let push = weight(i);
        z += push;
        if push > 0.05 {
            pushes |= 1 << i;
        }
    }
    for i in hashed {
        z += weight(i);
    }
    let reasons = Reasons {
        pushes: pushes & SIGNALLED,
    };
    (z, shape, reasons)
}

/// The shipped model's weight of feature `i` (0 past the end).
#[inline]
fn weight(i: usize) -> f64 {
    f64::from(model::WEIGHTS.get(i).copied().unwrap_or(0.0))
}

/// The named features with a signal that pushed a sentence's score up, as bits: each
/// one's push is its weight, looked up again for the few sentences reported.
struct Reasons {
    pushes: u64,
}

impl Reasons {
    /// The user-facing signals, strongest push first, each once.
    fn signals(self) -> Vec<String> {
        let mut pushes = [(0.0, 0); NAMED];
        let mut len = 0;
        let mut bits = self.pushes;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            pushes[len] = (weight(i), i);
            len += 1;
        }
        let pushes = &mut pushes[..len];
        pushes.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut signals: Vec<String> = Vec::with_capacity(len);
        let mut seen = 0u32;
        for (_, i) in pushes.iter() {
            let s = SIGNAL_OF[*i];
            if seen & 1 << s == 0 {
                seen |= 1 << s;
                signals.push(SIGNALS[usize::from(s)].0.to_string());
            }
        }
        signals
    }
}

/// The sentences of `text` (byte ranges) worth flagging, each trimmed of surrounding
/// white space. Questions are never claims.
pub fn find_claims(text: &str, sentences: &[Range<usize>]) -> Vec<ClaimSpan> {
    find_claims_except(text, sentences, |_| false)
}

/// [`find_claims`] without the sentences whose trimmed byte range `skip` refuses,
/// which are not even scored (`analyse` skips those holding reported speech).
pub fn find_claims_except(
    text: &str,
    sentences: &[Range<usize>],
    skip: impl Fn(&Range<usize>) -> bool,
) -> Vec<ClaimSpan> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for r in sentences {
        let Some(sentence) = text.get(r.clone()) else {
            continue;
        };
        let rest = sentence.trim_start();
        let lead = sentence.len() - rest.len();
        let body = rest.trim_end();
        if body.is_empty() || body.ends_with('?') {
            continue;
        }
        let start = r.start + lead;
        let range = start..start + body.len();
        if skip(&range) {
            continue;
        }
        let (z, shape, reasons) = logit_and_reasons(body, &mut lower);
        // Most sentences score too low to be reported: no sigmoid for them.
        if z < HOPELESS_LOGIT {
            continue;
        }
        let score = score_of(z, body, shape);
        if score >= CLAIM_THRESHOLD {
            out.push(ClaimSpan {
                range,
                score,
                signals: reasons.signals(),
            });
        }
    }
    out
}

/// The user-facing signals, each with the named features behind it.
const SIGNALS: [(&str, &[&str]); 10] = [
    (
        "number",
        &[
            "number",
            "numbers-2",
            "numbers-3+",
            "magnitude",
            "year",
            "quantity",
        ],
    ),
    ("percent", &["percent"]),
    ("money", &["money"]),
    ("comparative", &["comparative", "than"]),
    ("superlative", &["superlative", "every-never"]),
    ("cause", &["cause"]),
    ("trend", &["trend"]),
    ("statistic", &["statistic"]),
    (
        "past-event",
        &["past-event", "past-ed", "perfect", "vote-law"],
    ),
    ("reported", &["reported"]),
];

/// The index in [`SIGNALS`] of each named feature's signal (`NO_SIGNAL` for none),
/// resolved at compile time rather than by names per reported sentence.
const SIGNAL_OF: [u8; NAMED] = {
    let mut of = [NO_SIGNAL; NAMED];
    let mut s = 0;
    while s < SIGNALS.len() {
        let mut k = 0;
        while k < SIGNALS[s].1.len() {
            of[feature_index(SIGNALS[s].1[k])] = s as u8;
            k += 1;
        }
        s += 1;
    }
    of
};
const NO_SIGNAL: u8 = u8::MAX;

/// The named features with a signal, as bits.
const SIGNALLED: u64 = {
    let (mut bits, mut i) = (0u64, 0);
    while i < NAMED {
        if SIGNAL_OF[i] != NO_SIGNAL {
            bits |= 1 << i;
        }
        i += 1;
    }
    bits
};

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

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

/// What [`furniture_factor_of`] needs to know of a sentence, gathered in the one scan
/// of its words: how many words, how many start in lower case, which marks
/// (`|`, `©`) were seen between them, and whether a word starts "ago" or "reserved".
#[derive(Debug, Default, Clone, Copy)]
struct SentenceShape {
    count: usize,
    lowercase: usize,
    marks: u8,
    /// A word starts with "ago" / "reserved" in any case: the sentence may contain
    /// " ago" / "all rights reserved" (lower-cased), which it cannot otherwise.
    ago: bool,
    reserved: bool,
}

impl SentenceShape {
    /// Count in a word: `raw` is its bytes folded (or-ed with 0x20, which makes a byte
    /// an ASCII lower-case letter only if it is that letter in either case).
    #[inline]
    fn add(&mut self, w: &ScannedWord, raw: Lower) {
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
fn furniture_factor_of(sentence: &str, shape: SentenceShape) -> f64 {
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
        factor *= 0.2;
    }
    if shape.marks & FURNITURE_MARK != 0 || shape.reserved && lower_contains("all rights reserved")
    {
        factor *= 0.3;
    }
    if count >= 4 && lowercase_words * 5 < count {
        // Mostly Title Case or numbers: headlines, menus, bylines.
        factor *= 0.5;
    }
    if count < 4 {
        factor *= 0.5;
    }
    factor
}

/// Words of `text`: runs of letters and digits, keeping inner apostrophes, and inner
/// `.` or `,` between digits (so "6,553" and "10.7" are one word).
pub fn words(text: &str) -> Words<'_> {
    Words {
        scan: Scanner::new(text),
    }
}

/// The iterator of [`words`].
pub struct Words<'a> {
    scan: Scanner<'a>,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let w = self.scan.next_word()?;
        Some(&self.scan.text[w.start..w.end])
    }
}

// Classes of bytes for the word scan: one table load per byte tells a letter or digit
// and its case, and the marks the features look for, in place of a search of the
// sentence for each mark and a second pass over each word's bytes.
const DIGIT: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 4;
const ALNUM: u8 = DIGIT | LOWER | UPPER;
/// `%`.
const PERCENT_MARK: u8 = 8;
/// `$`, `£`, `€`.
const MONEY_MARK: u8 = 16;
/// `|`, `©`.
const FURNITURE_MARK: u8 = 32;
/// A byte above 0x7f (in a word: the word is not ASCII).
const NON_ASCII: u8 = 64;

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
struct ScannedWord {
    start: usize,
    end: usize,
    classes: u8,
    first_case: u8,
}

/// The scan behind [`words`]: bytes below 0x80 are looked at as bytes, anything else
/// decoded as a char. `marks` gathers the mark classes of the bytes between words.
struct Scanner<'a> {
    text: &'a str,
    i: usize,
    marks: u8,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            i: 0,
            marks: 0,
        }
    }

    #[inline]
    fn next_word(&mut self) -> Option<ScannedWord> {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = self.i;
        // Skip to the next letter or digit.
        let first_case = loop {
            if i >= n {
                self.i = n;
                return None;
            }
            let c = CLASS[usize::from(b[i])];
            if c & ALNUM != 0 {
                break c & (LOWER | UPPER);
            }
            self.marks |= c;
            if c & NON_ASCII == 0 {
                i += 1;
            } else {
                let ch = char_from(text, i);
                if is_alphanumeric(ch) {
                    break if ch.is_lowercase() { LOWER } else { 0 }
                        | if ch.is_uppercase() { UPPER } else { 0 };
                }
                self.marks |= match ch {
                    '£' | '€' => MONEY_MARK,
                    '©' => FURNITURE_MARK,
                    _ => 0,
                };
                i += ch.len_utf8();
            }
        };
        let start = i;
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
        self.i = i;
        Some(ScannedWord {
            start,
            end: i,
            classes,
            first_case,
        })
    }
}

/// `c.is_alphanumeric()`, answering at once for the General Punctuation block (curly
/// quotes, dashes), which holds no letter or digit, instead of a table search.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
}

fn fnv1a(s: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// A word's lower case: an ASCII word's own bytes each or-ed with `fold` (0x20 lower-cases
/// the letters and changes no digit, `'`, `.` or `,`, the other bytes a word has), so no
/// copy; any other word's lower-cased copy, with `fold` 0.
#[derive(Clone, Copy)]
struct Lower<'a> {
    bytes: &'a [u8],
    fold: u8,
}

impl<'a> Lower<'a> {
    /// The lower case of an ASCII word.
    #[inline]
    fn folded(bytes: &'a [u8]) -> Self {
        Lower { bytes, fold: 0x20 }
    }

    #[inline]
    fn len(self) -> usize {
        self.bytes.len()
    }

    #[inline]
    fn byte(self, i: usize) -> u8 {
        self.bytes[i] | self.fold
    }

    #[inline]
    fn starts_with(self, prefix: &[u8]) -> bool {
        let b = self.bytes;
        b.len() >= prefix.len() && prefix.iter().zip(b).all(|(p, x)| *p == x | self.fold)
    }

    #[inline]
    fn ends_with(self, suffix: &[u8]) -> bool {
        let b = self.bytes;
        b.len() >= suffix.len()
            && suffix
                .iter()
                .zip(&b[b.len() - suffix.len()..])
                .all(|(p, x)| *p == x | self.fold)
    }

    #[inline]
    fn is(self, other: &[u8]) -> bool {
        self.len() == other.len() && self.starts_with(other)
    }

    fn fnv1a(self) -> u32 {
        let mut h: u32 = 0x811c_9dc5;
        for b in self.bytes {
            h ^= u32::from(b | self.fold);
            h = h.wrapping_mul(0x0100_0193);
        }
        h
    }

    /// The lower case of a word of at most 16 bytes as one number: its bytes in little
    /// endian order, zeros after (no word holds a zero byte, so lengths differ too).
    #[inline]
    fn key(self) -> u128 {
        let mut k = [0u8; 16];
        for (d, b) in k.iter_mut().zip(self.bytes) {
            *d = b | self.fold;
        }
        u128::from_le_bytes(k)
    }
}

// Bits of [`ListTable::listed`] besides the features (which are bits below [`NAMED`]): the lists
// that stop a suffix rule rather than set a feature.
const STOPS_EST: u64 = 1 << 62;
const STOPS_ED: u64 = 1 << 63;
const FEATURE_BITS: u64 = (1 << NAMED) - 1;

/// The word lists the features look words up in, each with the bit it sets in
/// [`ListTable::listed`]: its feature's, or a suffix rule's stop.
const LISTS: [(&[&str], u64); 25] = [
    (MONEY_WORDS, feature_bit("money")),
    (MAGNITUDES, feature_bit("magnitude")),
    (COMPARATIVES, feature_bit("comparative")),
    (SUPERLATIVES, feature_bit("superlative")),
    (NOT_SUPERLATIVE_EST, STOPS_EST),
    (CAUSES, feature_bit("cause")),
    (TRENDS, feature_bit("trend")),
    (STATISTICS, feature_bit("statistic")),
    (IRREGULAR_PAST, feature_bit("past-event")),
    (NOT_PAST_ED, STOPS_ED),
    (CEREMONY, feature_bit("ceremony")),
    (OPINION, feature_bit("opinion")),
    (MODAL_FUTURE, feature_bit("modal-future")),
    (NEGATION, feature_bit("negation")),
    (VOTE_LAW, feature_bit("vote-law")),
    (REPORTED, feature_bit("reported")),
    (HEDGES, feature_bit("hedge")),
    (QUANTITIES, feature_bit("quantity")),
    (EVERY_NEVER, feature_bit("every-never")),
    (
        &[
            "has", "have", "had", "i've", "we've", "they've", "hasn't", "haven't",
        ],
        feature_bit("perfect"),
    ),
    (
        &["i", "me", "my", "mine", "i'm", "i've", "i'd", "i'll"],
        feature_bit("first-singular"),
    ),
    (
        &["we", "our", "us", "ours", "we've", "we're", "we'll"],
        feature_bit("first-plural"),
    ),
    (
        &["you", "your", "yours", "you're", "you've"],
        feature_bit("second-person"),
    ),
    (&["than"], feature_bit("than")),
    (&["percent", "percentage"], feature_bit("percent")),
];

const fn feature_bit(name: &str) -> u64 {
    1 << feature_index(name)
}

/// The length of the longest listed word: a longer word is in no list.
const LONGEST_LISTED: usize = {
    let (mut longest, mut k) = (0, 0);
    while k < LISTS.len() {
        let mut j = 0;
        while j < LISTS[k].0.len() {
            if LISTS[k].0[j].len() > longest {
                longest = LISTS[k].0[j].len();
            }
            j += 1;
        }
        k += 1;
    }
    longest
};

const _: () = assert!(LONGEST_LISTED <= 16, "list keys are 16 bytes");

/// Slots of [`ListTable`] (a power of two, over twice the listed words).
const SLOT_BITS: u32 = 10;

/// Every listed word's bits ([`LISTS`]), by its [`Lower::key`] in an open-addressed
/// table: a lookup is a multiply and a compare of two numbers, no string hashing or
/// comparing; in front, a bitmap of the listed words' lengths and end letters turns
/// most words away first.
struct ListTable {
    maybe: [u64; FILTER_BITS / 64],
    keys: [u128; 1 << SLOT_BITS],
    bits: [u64; 1 << SLOT_BITS],
}

impl ListTable {
    fn get() -> &'static ListTable {
        static TABLE: std::sync::OnceLock<ListTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let mut t = ListTable {
                maybe: [0; FILTER_BITS / 64],
                keys: [0; 1 << SLOT_BITS],
                bits: [0; 1 << SLOT_BITS],
            };
            for (list, bit) in LISTS {
                for w in list {
                    let b = w.as_bytes();
                    let k = filter_key(b.len(), b[0], b[b.len() - 1]);
                    t.maybe[k / 64] |= 1 << (k % 64);
                    let key = Lower { bytes: b, fold: 0 }.key();
                    let mut slot = Self::slot(key);
                    while t.keys[slot] != 0 && t.keys[slot] != key {
                        slot = (slot + 1) % (1 << SLOT_BITS);
                    }
                    t.keys[slot] = key;
                    t.bits[slot] |= bit;
                }
            }
            t
        })
    }

    #[inline]
    fn slot(key: u128) -> usize {
        let x = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (x.wrapping_mul(0xff51_afd7_ed55_8ccd) >> (64 - SLOT_BITS)) as usize
    }

    /// The bits of every list holding the (lower-cased) word.
    #[inline]
    fn listed(&self, word: Lower) -> u64 {
        let n = word.len();
        if n == 0 || n > LONGEST_LISTED {
            return 0;
        }
        let k = filter_key(n, word.byte(0), word.byte(n - 1));
        if self.maybe[k / 64] & (1 << (k % 64)) == 0 {
            return 0;
        }
        let key = word.key();
        let mut slot = Self::slot(key);
        loop {
            match self.keys[slot] {
                k if k == key => return self.bits[slot],
                0 => return 0,
                _ => slot = (slot + 1) % (1 << SLOT_BITS),
            }
        }
    }
}

/// Bits of the filter of [`ListTable`].
const FILTER_BITS: usize = 4096;

/// A word's bit in the filter of [`ListTable`]: from its length (at most
/// [`LONGEST_LISTED`]) and its first and last bytes (equal words have equal keys; most
/// unlisted words miss every listed key).
#[inline]
fn filter_key(len: usize, first: u8, last: u8) -> usize {
    (len * 131 + usize::from(first) * 37 + usize::from(last)) % FILTER_BITS
}

/// `word` lower-cased with curly apostrophes made straight, into `out` (reused, so no
/// allocation per word); ASCII takes a fast path, anything else `str::to_lowercase`.
fn lower_word(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else if word.chars().all(|c| c.is_ascii() || c == '\u{2019}') {
        // ASCII but for curly apostrophes ("don’t"): no lower-cased copy to build.
        for c in word.chars() {
            out.push(if c == '\u{2019}' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
        }
    } else {
        out.push_str(&word.to_lowercase().replace('\u{2019}', "'"));
    }
}

/// Index of a feature in [`FEATURE_NAMES`] (evaluated at compile time).
const fn feature_index(name: &str) -> usize {
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

const COMPARATIVES: &[&str] = &[
    "more", "less", "fewer", "higher", "lower", "bigger", "larger", "smaller", "greater", "worse",
    "better", "faster", "slower", "cheaper", "richer", "poorer", "longer", "shorter", "stronger",
    "weaker", "older", "younger", "increase", "decrease", "compared", "versus", "double", "twice",
    "half",
];
const SUPERLATIVES: &[&str] = &[
    "most",
    "least",
    "best",
    "worst",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "greatest",
    "smallest",
    "first",
    "only",
    "ever",
    "record",
    "fastest",
    "strongest",
    "weakest",
    "richest",
    "poorest",
    "longest",
    "oldest",
    "newest",
    "deadliest",
    "top",
];
const NOT_SUPERLATIVE_EST: &[&str] = &[
    "interest", "honest", "rest", "test", "best", "west", "request", "protest", "arrest", "invest",
    "suggest", "latest", "guest", "chest", "nest", "contest", "forest", "modest", "harvest",
    "manifest", "digest", "earnest", "pest", "quest", "vest", "conquest", "unrest", "attest",
    "detest",
];
const CAUSES: &[&str] = &[
    "because",
    "caused",
    "causes",
    "cause",
    "causing",
    "due",
    "result",
    "resulted",
    "results",
    "led",
    "leads",
    "therefore",
    "consequence",
    "blamed",
    "responsible",
    "since",
    "thanks",
];
const TRENDS: &[&str] = &[
    "increase",
    "increased",
    "increases",
    "increasing",
    "decrease",
    "decreased",
    "decreasing",
    "rise",
    "rose",
    "risen",
    "rising",
    "fell",
    "fall",
    "falling",
    "fallen",
    "grew",
    "grow",
    "growing",
    "growth",
    "drop",
    "dropped",
    "doubled",
    "tripled",
    "quadrupled",
    "cut",
    "cuts",
    "raised",
    "raise",
    "soared",
    "surged",
    "plunged",
    "plummeted",
    "declined",
    "decline",
    "down",
    "up",
    "jumped",
    "lost",
    "gained",
    "added",
    "created",
    "shrank",
    "skyrocketed",
];
const STATISTICS: &[&str] = &[
    "rate",
    "rates",
    "average",
    "majority",
    "percent",
    "per",
    "jobs",
    "unemployment",
    "poverty",
    "deficit",
    "debt",
    "tax",
    "taxes",
    "budget",
    "income",
    "wages",
    "wage",
    "gdp",
    "economy",
    "statistics",
    "survey",
    "poll",
    "polls",
    "data",
    "number",
    "numbers",
    "population",
    "cases",
    "deaths",
    "killed",
    "people",
    "americans",
    "workers",
    "households",
    "trade",
    "spending",
    "cost",
    "costs",
    "paid",
    "pay",
    "funding",
    "crime",
    "murders",
    "immigrants",
    "insurance",
    "premiums",
    "emissions",
    "total",
    "annual",
    "year",
];
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "did",
    "had",
    "said",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "got",
    "lost",
    "won",
    "spent",
    "sent",
    "paid",
    "built",
    "left",
    "told",
    "became",
    "began",
    "brought",
    "bought",
    "sold",
    "fought",
    "led",
    "wrote",
    "ran",
    "saw",
    "knew",
    "grew",
    "rose",
    "fell",
    "met",
    "held",
    "kept",
    "thought",
    "found",
    "stood",
    "broke",
    "chose",
    "drove",
    "flew",
    "hit",
    "put",
    "set",
    "shut",
    "struck",
    "threw",
    "voted",
    "passed",
    "signed",
    "killed",
    "announced",
    "reported",
];
const NOT_PAST_ED: &[&str] = &[
    "need", "indeed", "speed", "seed", "feed", "bed", "red", "shed", "united", "hundred",
];
const CEREMONY: &[&str] = &[
    "thank",
    "thanks",
    "hello",
    "welcome",
    "applause",
    "laughter",
    "crosstalk",
    "congratulations",
    "evening",
    "morning",
    "tonight",
    "ladies",
    "gentlemen",
    "please",
    "folks",
    "okay",
    "ok",
    "yes",
    "bless",
    "great",
    "wonderful",
    "honor",
    "proud",
    "love",
    "amazing",
    "beautiful",
    "incredible",
    "inaudible",
];
const OPINION: &[&str] = &[
    "think", "believe", "feel", "hope", "want", "wish", "guess", "should", "must", "need", "needs",
    "ought", "agree", "disagree", "opinion", "frankly", "honestly", "let", "let's", "going",
    "gonna",
];
const MODAL_FUTURE: &[&str] = &[
    "will", "would", "could", "can", "might", "may", "shall", "i'll", "we'll", "we're",
];
const NEGATION: &[&str] = &[
    "not", "never", "no", "nobody", "nothing", "none", "neither", "nor",
];
const VOTE_LAW: &[&str] = &[
    "voted",
    "vote",
    "votes",
    "bill",
    "law",
    "laws",
    "act",
    "legislation",
    "supported",
    "opposed",
    "senate",
    "congress",
    "signed",
    "passed",
    "vetoed",
    "treaty",
    "deal",
    "agreement",
    "plan",
    "policy",
];
const REPORTED: &[&str] = &[
    "according",
    "reported",
    "report",
    "reports",
    "says",
    "said",
    "estimates",
    "found",
    "study",
];
const HEDGES: &[&str] = &[
    "maybe",
    "perhaps",
    "probably",
    "possibly",
    "somebody",
    "something",
    "kind",
    "sort",
];
const MAGNITUDES: &[&str] = &[
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
];
const QUANTITIES: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "percent", "half", "third", "quarter", "times",
];
const EVERY_NEVER: &[&str] = &[
    "every",
    "all",
    "always",
    "nobody",
    "everybody",
    "everyone",
    "never",
    "nothing",
    "entire",
];
const MONEY_WORDS: &[&str] = &[
    "dollars", "dollar", "$", "cents", "euros", "pounds", "bucks",
];

/// The sparse feature vector of a sentence for the shipped model.
pub fn features(sentence: &str) -> Vec<(usize, f32)> {
    features_with(sentence, HASH_BUCKETS)
}

/// The sparse feature vector of a sentence with `buckets` hashed-word features:
/// (index, value) pairs, indices unique and below `NAMED + buckets`.
pub fn features_with(sentence: &str, buckets: usize) -> Vec<(usize, f32)> {
    let (named, hashed, _) = features_and_shape(sentence, buckets, &mut String::new());
    let mut out: Vec<(usize, f32)> = (0..NAMED)
        .filter(|i| named & 1 << i != 0)
        .map(|i| (i, 1.0))
        .collect();
    out.extend(hashed.into_iter().map(|i| (i, 1.0)));
    out
}

/// The features of [`features_with`] as the named ones that fire (bit `i` for feature
/// `i`: every named feature's value is 1) and the hashed words' indices (sorted,
/// unique), and the shape of the sentence for [`furniture_factor_of`] (one pass over
/// the words for all).
fn features_and_shape(
    sentence: &str,
    buckets: usize,
    lw: &mut String,
) -> (u64, Vec<usize>, SentenceShape) {
    let mut shape = SentenceShape::default();
    let mut named = 0u64;
    let mut hashed: Vec<usize> = Vec::new();
    // Feature names resolve to bits at compile time, not per word.
    macro_rules! set {
        ($name:literal) => {
            named |= const { feature_bit($name) }
        };
    }
    // (Trimming the start changes no end.)
    if sentence.trim_end().ends_with('?') {
        set!("question");
    }
    let table = ListTable::get();
    let bytes = sentence.as_bytes();
    let mut count_numbers = 0usize;
    let mut names = 0usize;
    let mut sentence_has_per_cent: Option<bool> = None;
    let mut scan = Scanner::new(sentence);
    while let Some(w) = scan.next_word() {
        let first_word = shape.count == 0;
        let raw = Lower::folded(&bytes[w.start..w.end]);
        shape.add(&w, raw);
        let l = if w.classes & NON_ASCII == 0 {
            raw
        } else {
            lower_word(&sentence[w.start..w.end], lw);
            Lower {
                bytes: lw.as_bytes(),
                fold: 0,
            }
        };
        let lists = table.listed(l);
        let has_digit = w.classes & DIGIT != 0;
        if has_digit {
            count_numbers += 1;
            // Lower-casing changes no digit, nor makes one.
            if l.len() == 4
                && (l.starts_with(b"19") || l.starts_with(b"20"))
                && l.bytes.iter().all(u8::is_ascii_digit)
            {
                set!("year");
            }
        }
        if !first_word && w.first_case & UPPER != 0 && !l.is(b"i") && !l.starts_with(b"i'") {
            names += 1;
        }
        // Each list the word is in sets its feature (most words are in none).
        named |= lists & FEATURE_BITS;
        if l.is(b"cent")
            && *sentence_has_per_cent
                .get_or_insert_with(|| LowerContains::new(sentence).contains("per cent"))
        {
            set!("percent");
        }
        if l.len() > 5 && l.ends_with(b"est") && lists & STOPS_EST == 0 && !l.ends_with(b"iest") {
            set!("superlative");
        }
        if l.len() > 4 && l.ends_with(b"ed") && lists & STOPS_ED == 0 && !has_digit {
            set!("past-ed");
        }
        if l.ends_with(b"n't") {
            set!("negation");
        }
        if buckets > 0 {
            let h = if has_digit {
                fnv1a(b"<num>")
            } else {
                l.fnv1a()
            };
            hashed.push(NAMED + (h as usize) % buckets);
        }
    }
    // The marks between the words.
    shape.marks = scan.marks;
    if scan.marks & PERCENT_MARK != 0 {
        set!("percent");
    }
    if scan.marks & MONEY_MARK != 0 {
        set!("money");
    }
    if count_numbers >= 1 {
        set!("number");
    }
    if count_numbers == 2 {
        set!("numbers-2");
    }
    if count_numbers >= 3 {
        set!("numbers-3+");
    }
    if names >= 1 {
        set!("names-1");
    }
    if names >= 3 {
        set!("names-3+");
    }
    match shape.count {
        0..=4 => set!("len-1-4"),
        5..=9 => set!("len-5-9"),
        10..=19 => set!("len-10-19"),
        20..=39 => set!("len-20-39"),
        _ => set!("len-40+"),
    }
    hashed.sort_unstable();
    hashed.dedup();
    (named, hashed, shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_numbers_and_contractions_whole() {
        let w: Vec<&str> = words("They reported 6,553 cases (10.7 million), don’t they?").collect();
        assert_eq!(
            w,
            ["They", "reported", "6,553", "cases", "10.7", "million", "don’t", "they"]
        );
    }

    #[test]
    fn news_figures_score_high() {
        let s = score_sentence(
            "The Czech Republic, an EU and NATO member of 10.7 million people, reported 6,553 confirmed \
             COVID-19 cases, including 176 deaths, on Saturday morning.",
        );
        assert!(s.score >= CLAIM_THRESHOLD, "{s:?}");
        assert!(s.signals.iter().any(|x| x == "number"), "{s:?}");
        let s = score_sentence(
            "The United States has declared more than 700,282 cases and 36,773 deaths.",
        );
        assert!(s.score >= CLAIM_THRESHOLD, "{s:?}");
        let s = score_sentence(
            "Unemployment fell to 4.9 percent last year, the lowest rate since 2008.",
        );
        assert!(s.score >= CLAIM_THRESHOLD, "{s:?}");
        assert!(s.signals.iter().any(|x| x == "percent"), "{s:?}");
    }

    #[test]
    fn chatter_and_furniture_score_low() {
        for line in [
            "Thank you very much, everybody.",
            "Good evening, and welcome to the debate.",
            "What would you do about it?",
            "21 seconds ago",
            "Faizan Hashmi 1 minute ago Sat 18th April 2020 | 01:58 PM",
            "About Us | Contact Us | Advertisment",
            "I think we need to come together as a country.",
        ] {
            let s = score_sentence(line);
            assert!(s.score < CLAIM_THRESHOLD, "{line}: {s:?}");
        }
    }

    #[test]
    fn factual_outscores_opinion() {
        let fact = score_sentence("Crime rose by 12 percent in Chicago in 2015.").score;
        let opinion = score_sentence("I believe we can do better for our children.").score;
        assert!(fact > opinion, "{fact} vs {opinion}");
    }

    #[test]
    fn find_claims_trims_and_skips_questions() {
        let text = "Is it true? Unemployment rose 3 percent in 2009 after the crash. Thanks!";
        let sentences = [0..11, 11..65, 65..text.len()];
        let found = find_claims(text, &sentences);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            &text[found[0].range.clone()],
            "Unemployment rose 3 percent in 2009 after the crash."
        );
        assert!(find_claims(text, &[0..500, Range { start: 3, end: 2 }]).is_empty());
        let second = found[0].range.clone();
        assert!(find_claims_except(text, &sentences, |r| *r == second).is_empty());
        assert_eq!(
            find_claims_except(text, &sentences, |r| r.start == 0),
            found
        );
    }

    #[test]
    fn features_are_in_range_and_unique() {
        let f = features("We cut taxes by $2 trillion, more than ever, because growth was 3%.");
        let mut idx: Vec<usize> = f.iter().map(|p| p.0).collect();
        assert!(idx.iter().all(|&i| i < NUM_FEATURES));
        idx.dedup();
        assert_eq!(idx.len(), f.len());
        assert_eq!(FEATURE_NAMES.len(), NAMED);
    }

    #[test]
    fn list_bits_name_their_lists() {
        let table = ListTable::get();
        let of = |w: &'static str| {
            table.listed(Lower {
                bytes: w.as_bytes(),
                fold: 0,
            })
        };
        assert!(std::ptr::eq(LISTS[4].0, NOT_SUPERLATIVE_EST));
        assert!(std::ptr::eq(LISTS[9].0, NOT_PAST_ED));
        assert_eq!(LISTS[4].1, STOPS_EST);
        assert_eq!(LISTS[9].1, STOPS_ED);
        assert_eq!(FEATURE_BITS & (STOPS_EST | STOPS_ED), 0);
        assert_ne!(of("percent") & feature_bit("percent"), 0);
        assert_ne!(of("interest") & STOPS_EST, 0);
        assert_eq!(of("unlisted"), 0);
        // The filter in front of the table lets every listed word through, in any case.
        for (list, bit) in LISTS {
            for w in list {
                assert_ne!(of(w) & bit, 0, "{w}");
                let upper = w.to_ascii_uppercase();
                let folded = Lower {
                    bytes: upper.as_bytes(),
                    fold: 0x20,
                };
                assert_ne!(table.listed(folded) & bit, 0, "{upper}");
                assert!(w.len() <= LONGEST_LISTED);
            }
        }
        assert_eq!(of(""), 0);
        let used = table.keys.iter().filter(|k| **k != 0).count();
        assert!(
            used * 2 < table.keys.len(),
            "{used} words: the table is too full"
        );
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
            assert_eq!(l.len(), lower.len());
            assert!(l.is(lower.as_bytes()), "{w}");
            assert!(l.ends_with(&lower.as_bytes()[1..]), "{w}");
            assert!(l.starts_with(&lower.as_bytes()[..2]), "{w}");
            assert_eq!(l.fnv1a(), fnv1a(lower.as_bytes()), "{w}");
        }
    }

    #[test]
    fn every_signal_names_features() {
        let mut named = 0;
        for (signal, features) in SIGNALS {
            for f in features {
                let i = feature_index(f);
                assert_eq!(
                    usize::from(SIGNAL_OF[i]),
                    SIGNALS.iter().position(|s| s.0 == signal).unwrap_or(99)
                );
                named += 1;
            }
        }
        assert_eq!(SIGNALLED.count_ones(), named);
        assert!(FEATURE_NAMES
            .iter()
            .enumerate()
            .all(|(i, f)| (SIGNAL_OF[i] != NO_SIGNAL) == SIGNALS.iter().any(|s| s.1.contains(f))));
        let hopeless = sigmoid(HOPELESS_LOGIT);
        assert!(hopeless < CLAIM_THRESHOLD, "{hopeless}");
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn only_ascii_letters_lower_case_to_the_furniture_phrases() {
        // The gates of `furniture_factor_of`: no other character lower-cases to one
        // of the letters of " ago" or "reserved".
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            assert!(!c.to_lowercase().any(|l| " agoresvd".contains(l)), "{c:?}");
        }
    }

    #[test]
    fn marks_between_words_are_seen() {
        for (s, money, percent) in [
            ("costs £5 now", true, false),
            ("costs €5 now", true, false),
            ("costs $5 now", true, false),
            ("rose 5% now", false, true),
            ("rose 5 per cent now", false, true),
            ("rose 5 cent now", false, false),
        ] {
            let (named, _, _) = features_and_shape(s, 0, &mut String::new());
            assert_eq!(named & feature_bit("money") != 0, money, "{s}");
            assert_eq!(named & feature_bit("percent") != 0, percent, "{s}");
        }
        assert!(furniture_factor("Home | News | Sport today") < 0.5);
        assert!(furniture_factor("© 2020 Example Media, all of it here") < 0.5);
        assert!(furniture_factor("Copyright 2020. ALL RIGHTS RESERVED by the owners") < 0.5);
        assert!(furniture_factor("Posted 21 Minutes Ago by the staff") < 0.5);
        assert_eq!(
            furniture_factor("the agonies of the reserved people here"),
            1.0
        );
    }

    #[test]
    fn shipped_model_matches_the_features() {
        assert_eq!(model::WEIGHTS.len(), NUM_FEATURES);
    }
}
