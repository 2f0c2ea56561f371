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

use super::ascii::{char_from, is_ascii_alnum, LowerContains};

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

/// The named features, in weight order. A name that is also a user-facing signal
/// (see [`signal_name`]) is reported when it fires and pushes the score up.
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
    let (named, hashed, shape) = features_and_shape(sentence, HASH_BUCKETS, lower);
    let weight = |i: usize| f64::from(model::WEIGHTS.get(i).copied().unwrap_or(0.0));
    let mut z = f64::from(model::BIAS);
    let mut reasons = Reasons {
        pushes: [(0.0, 0); NAMED],
        len: 0,
    };
    // Named features in index order, then hashed words: the order of `features`.
    for (i, v) in named.iter().enumerate().filter(|(_, v)| **v != 0.0) {
        let push = weight(i) * f64::from(*v);
        z += push;
        if push > 0.05 {
            reasons.pushes[reasons.len] = (push, i);
            reasons.len += 1;
        }
    }
    for i in hashed {
        z += weight(i);
    }
    let p = sigmoid(z) * furniture_factor_of(sentence, shape);
    (p.clamp(0.0, 1.0), reasons)
}

/// The named features that pushed a sentence's score up, with how much: on the
/// stack, as there are at most [`NAMED`].
struct Reasons {
    pushes: [(f64, usize); NAMED],
    len: usize,
}

impl Reasons {
    /// The user-facing signals, strongest push first, each once.
    fn signals(mut self) -> Vec<String> {
        let pushes = &mut self.pushes[..self.len];
        pushes.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut signals: Vec<String> = Vec::new();
        for (_, i) in pushes.iter() {
            if let Some(name) = signal_name(FEATURE_NAMES[*i]) {
                if !signals.iter().any(|s| s == name) {
                    signals.push(name.to_string());
                }
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
        let lead = sentence.len() - sentence.trim_start().len();
        let body = sentence.trim();
        if body.is_empty() || body.ends_with('?') {
            continue;
        }
        let start = r.start + lead;
        let range = start..start + body.len();
        if skip(&range) {
            continue;
        }
        let (score, reasons) = score_and_reasons(body, &mut lower);
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

/// The user-facing reason behind a named feature, if it is one.
fn signal_name(feature: &str) -> Option<&'static str> {
    Some(match feature {
        "number" | "numbers-2" | "numbers-3+" | "magnitude" | "year" | "quantity" => "number",
        "percent" => "percent",
        "money" => "money",
        "comparative" | "than" => "comparative",
        "superlative" | "every-never" => "superlative",
        "cause" => "cause",
        "trend" => "trend",
        "statistic" => "statistic",
        "past-event" | "past-ed" | "perfect" | "vote-law" => "past-event",
        "reported" => "reported",
        _ => return None,
    })
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// A factor in 0..=1 for lines shaped like page furniture rather than prose: no verb-ish
/// lower-case words, "minutes ago", pipes, copyright signs, runs of Title Case.
pub fn furniture_factor(sentence: &str) -> f64 {
    let mut shape = WordShape::default();
    for w in words(sentence) {
        shape.add(w);
    }
    furniture_factor_of(sentence, shape)
}

/// How many words a sentence has, and how many of them start in lower case.
#[derive(Debug, Default, Clone, Copy)]
struct WordShape {
    count: usize,
    lowercase: usize,
}

impl WordShape {
    fn add(&mut self, w: &str) {
        self.count += 1;
        self.lowercase += usize::from(first_char_is(w, u8::is_ascii_lowercase, char::is_lowercase));
    }
}

/// Whether `w` starts with a character `unicode` holds for, looking at an ASCII first
/// byte with `ascii` (which must agree with `unicode` on ASCII) instead of decoding it.
#[inline]
fn first_char_is(w: &str, ascii: fn(&u8) -> bool, unicode: fn(char) -> bool) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => ascii(b),
        _ => w.chars().next().is_some_and(unicode),
    }
}

/// [`furniture_factor`] of a sentence whose words have `shape`.
fn furniture_factor_of(sentence: &str, shape: WordShape) -> f64 {
    let WordShape {
        count,
        lowercase: lowercase_words,
    } = shape;
    if count == 0 {
        return 0.0;
    }
    let mut factor: f64 = 1.0;
    let lower = LowerContains::new(sentence);
    if lower.contains(" ago")
        && (lower.contains("minute") || lower.contains("hour") || lower.contains("second"))
    {
        factor *= 0.2;
    }
    if sentence.contains('|') || sentence.contains('©') || lower.contains("all rights reserved") {
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
    Words { text, i: 0 }
}

/// The iterator of [`words`]: bytes below 0x80 are looked at as bytes, anything
/// else decoded as a char.
pub struct Words<'a> {
    text: &'a str,
    i: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = self.i;
        // Skip to the next letter or digit.
        loop {
            if i >= n {
                self.i = n;
                return None;
            }
            let x = b[i];
            if is_ascii_alnum(x) {
                break;
            }
            if x < 0x80 {
                i += 1;
            } else {
                let c = char_from(text, i);
                if c.is_alphanumeric() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        let start = i;
        let alphabetic_at = |k: usize| k < n && char_from(text, k).is_alphabetic();
        while i < n {
            let x = b[i];
            if is_ascii_alnum(x) {
                i += 1;
                continue;
            }
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
                let c = char_from(text, i);
                let len = c.len_utf8();
                if c.is_alphanumeric() || c == '\u{2019}' && alphabetic_at(i + len) {
                    i += len;
                    continue;
                }
                break;
            }
        }
        self.i = i;
        Some(&text[start..i])
    }
}

fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

// Bits of [`list_flags`] for the lists that stop a suffix rule rather than set a
// feature.
const IN_NOT_SUPERLATIVE_EST: u32 = 1 << 4;
const IN_NOT_PAST_ED: u32 = 1 << 9;

/// The word lists the features look words up in, each with the feature it sets
/// (`NONE` for the two that only stop a suffix rule): bit `k` of [`list_flags`] is
/// `LISTS[k]`.
const LISTS: [(&[&str], usize); 25] = [
    (MONEY_WORDS, feature_index("money")),
    (MAGNITUDES, feature_index("magnitude")),
    (COMPARATIVES, feature_index("comparative")),
    (SUPERLATIVES, feature_index("superlative")),
    (NOT_SUPERLATIVE_EST, NONE),
    (CAUSES, feature_index("cause")),
    (TRENDS, feature_index("trend")),
    (STATISTICS, feature_index("statistic")),
    (IRREGULAR_PAST, feature_index("past-event")),
    (NOT_PAST_ED, NONE),
    (CEREMONY, feature_index("ceremony")),
    (OPINION, feature_index("opinion")),
    (MODAL_FUTURE, feature_index("modal-future")),
    (NEGATION, feature_index("negation")),
    (VOTE_LAW, feature_index("vote-law")),
    (REPORTED, feature_index("reported")),
    (HEDGES, feature_index("hedge")),
    (QUANTITIES, feature_index("quantity")),
    (EVERY_NEVER, feature_index("every-never")),
    (
        &[
            "has", "have", "had", "i've", "we've", "they've", "hasn't", "haven't",
        ],
        feature_index("perfect"),
    ),
    (
        &["i", "me", "my", "mine", "i'm", "i've", "i'd", "i'll"],
        feature_index("first-singular"),
    ),
    (
        &["we", "our", "us", "ours", "we've", "we're", "we'll"],
        feature_index("first-plural"),
    ),
    (
        &["you", "your", "yours", "you're", "you've"],
        feature_index("second-person"),
    ),
    (&["than"], feature_index("than")),
    (&["percent", "percentage"], feature_index("percent")),
];
/// No feature (for [`LISTS`]).
const NONE: usize = usize::MAX;

/// Which of [`LISTS`] hold the (lower-cased) word, as bits: one hash lookup per word
/// instead of a scan of every list, and none for most words, which a bitmap of the
/// listed words' lengths and end letters turns away first.
fn list_flags(word: &str) -> u32 {
    struct Table {
        flags: super::word_hash::WordMap<&'static str, u32>,
        maybe: [u64; FILTER_BITS / 64],
    }
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = Table {
            flags: super::word_hash::WordMap::default(),
            maybe: [0; FILTER_BITS / 64],
        };
        for (bit, (list, _)) in LISTS.iter().enumerate() {
            for w in *list {
                *t.flags.entry(*w).or_insert(0) |= 1 << bit;
                let k = filter_key(w);
                t.maybe[k / 64] |= 1 << (k % 64);
            }
        }
        t
    });
    let k = filter_key(word);
    if table.maybe[k / 64] & (1 << (k % 64)) == 0 {
        return 0;
    }
    table.flags.get(word).copied().unwrap_or(0)
}

/// Bits of the filter of [`list_flags`].
const FILTER_BITS: usize = 4096;

/// A word's bit in the filter of [`list_flags`]: from its length and its first and
/// last bytes (equal words have equal keys; most unlisted words miss every listed key).
#[inline]
fn filter_key(word: &str) -> usize {
    let b = word.as_bytes();
    let (first, last) = match (b.first(), b.last()) {
        (Some(f), Some(l)) => (usize::from(*f), usize::from(*l)),
        _ => (0, 0),
    };
    (b.len().min(31) * 131 + first * 37 + last) % FILTER_BITS
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
    let mut out: Vec<(usize, f32)> = named
        .iter()
        .enumerate()
        .filter(|(_, v)| **v != 0.0)
        .map(|(i, v)| (i, *v))
        .collect();
    out.extend(hashed.into_iter().map(|i| (i, 1.0)));
    out
}

/// The features of [`features_with`] as the named ones' values and the hashed words'
/// indices (sorted, unique), and the shape of the sentence's words for
/// [`furniture_factor_of`] (one pass over the words for all).
fn features_and_shape(
    sentence: &str,
    buckets: usize,
    lw: &mut String,
) -> ([f32; NAMED], Vec<usize>, WordShape) {
    let mut shape = WordShape::default();
    let mut named = [0f32; NAMED];
    let mut hashed: Vec<usize> = Vec::new();
    // Feature names resolve to indices at compile time (`f!`), not per word.
    macro_rules! f {
        ($name:literal) => {
            const { feature_index($name) }
        };
    }
    let mut set = |i: usize| named[i] = 1.0;
    let trimmed = sentence.trim();
    if trimmed.ends_with('?') {
        set(f!("question"));
    }
    if sentence.contains('%') {
        set(f!("percent"));
    }
    // One-character patterns are byte searches (a set of characters is not).
    if sentence.contains('$')
        || !sentence.is_ascii() && (sentence.contains('£') || sentence.contains('€'))
    {
        set(f!("money"));
    }
    let mut count_numbers = 0usize;
    let mut count_words = 0usize;
    let mut names = 0usize;
    let mut sentence_has_per_cent: Option<bool> = None;
    for (k, w) in words(sentence).enumerate() {
        count_words += 1;
        shape.add(w);
        // One pass over the bytes: lower-case ASCII and digits only? how many digits?
        // (Lower-casing changes no digit, nor makes one.)
        let (mut plain, mut digits) = (true, 0usize);
        for &b in w.as_bytes() {
            let digit = b.is_ascii_digit();
            digits += usize::from(digit);
            plain &= digit || b.is_ascii_lowercase();
        }
        let l = if plain {
            w // already lower-case ASCII: no copy
        } else {
            lower_word(w, lw);
            lw.as_str()
        };
        let lists = list_flags(l);
        let has_digit = digits > 0;
        if has_digit {
            count_numbers += 1;
            if digits == 4 && l.len() == 4 && (l.starts_with("19") || l.starts_with("20")) {
                set(f!("year"));
            }
        }
        if k > 0
            && first_char_is(w, u8::is_ascii_uppercase, char::is_uppercase)
            && l != "i"
            && !l.starts_with("i'")
        {
            names += 1;
        }
        // Each list the word is in sets its feature (most words are in none).
        let mut bits = lists & !(IN_NOT_SUPERLATIVE_EST | IN_NOT_PAST_ED);
        while bits != 0 {
            set(LISTS[bits.trailing_zeros() as usize].1);
            bits &= bits - 1;
        }
        if l == "cent"
            && *sentence_has_per_cent
                .get_or_insert_with(|| LowerContains::new(sentence).contains("per cent"))
        {
            set(f!("percent"));
        }
        if l.len() > 5
            && l.ends_with("est")
            && lists & IN_NOT_SUPERLATIVE_EST == 0
            && !l.ends_with("iest")
        {
            set(f!("superlative"));
        }
        if l.len() > 4 && l.ends_with("ed") && lists & IN_NOT_PAST_ED == 0 && !has_digit {
            set(f!("past-ed"));
        }
        if l.ends_with("n't") {
            set(f!("negation"));
        }
        if buckets > 0 {
            let key = if has_digit { "<num>" } else { l };
            hashed.push(NAMED + (fnv1a(key) as usize) % buckets);
        }
    }
    if count_numbers >= 1 {
        set(f!("number"));
    }
    if count_numbers == 2 {
        set(f!("numbers-2"));
    }
    if count_numbers >= 3 {
        set(f!("numbers-3+"));
    }
    if names >= 1 {
        set(f!("names-1"));
    }
    if names >= 3 {
        set(f!("names-3+"));
    }
    set(match count_words {
        0..=4 => f!("len-1-4"),
        5..=9 => f!("len-5-9"),
        10..=19 => f!("len-10-19"),
        20..=39 => f!("len-20-39"),
        _ => f!("len-40+"),
    });
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
        assert!(std::ptr::eq(LISTS[4].0, NOT_SUPERLATIVE_EST));
        assert!(std::ptr::eq(LISTS[9].0, NOT_PAST_ED));
        assert_eq!(IN_NOT_SUPERLATIVE_EST | IN_NOT_PAST_ED, (1 << 4) | (1 << 9));
        for (k, (_, feature)) in LISTS.iter().enumerate() {
            assert_eq!(*feature == NONE, k == 4 || k == 9, "{k}");
        }
        assert_ne!(list_flags("percent") & 1 << 24, 0);
        assert_eq!(list_flags("unlisted"), 0);
        // The filter in front of the table lets every listed word through.
        for (bit, (list, _)) in LISTS.iter().enumerate() {
            for w in *list {
                assert_ne!(list_flags(w) & 1 << bit, 0, "{w}");
            }
        }
        assert_eq!(list_flags(""), 0);
    }

    #[test]
    fn shipped_model_matches_the_features() {
        assert_eq!(model::WEIGHTS.len(), NUM_FEATURES);
    }
}
