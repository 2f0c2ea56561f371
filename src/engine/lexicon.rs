//! Word lists. The large ones are learnt from the PolNeAR training gold by
//! `scripts/derive-lexicons.py` and shipped as text under `data/`; the small closed
//! classes (pronouns, time words) are written here.

use std::sync::OnceLock;

use super::words::{with_lower, Prefilter, WordMap, WordSet};

/// The filter in front of a closed word list looked up for nearly every token (8 Ki bits).
type ListFilter = Prefilter<128>;

struct Lexicon {
    /// (overall, after a likely subject) percentages.
    cues: WordMap<&'static str, (u8, u8)>,
    /// Every form of WordNet's speech verbs, one word or a verb and its particle
    /// ("recounted", "chimed in"): `data/speech-verbs.txt`, by `scripts/speech-verbs.py`.
    speech_verbs: WordSet<&'static str>,
    /// A verb and its particle the training gold takes as one cue ("went on", "shot
    /// back"), learnt into `data/phrases.txt`.
    phrases: Vec<&'static str>,
    roles: WordSet<&'static str>,
    titles: WordSet<&'static str>,
    /// The closed classes below as sets: checked for every token, so no linear scans.
    function: WordSet<&'static str>,
    clause: WordSet<&'static str>,
    org: WordSet<&'static str>,
    document: WordSet<&'static str>,
    adverbial: WordSet<&'static str>,
    /// Filters in front of the sets looked up for nearly every token.
    function_filter: ListFilter,
    role_filter: ListFilter,
    org_filter: ListFilter,
    document_filter: ListFilter,
    adverbial_filter: ListFilter,
    /// In front of `titles` (asked of every capitalised word of a name's run); a
    /// filter of the exact words, which lets their lower case through too.
    title_filter: ListFilter,
    /// In front of `clause`, for a word in any case ([`is_clause_word_in_any_case`]).
    clause_filter: ListFilter,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let cues = learnt_data("cues.txt", include_str!("data/cues.txt"))
            .lines()
            .filter_map(|l| {
                let mut f = l.split(' ');
                let w = f.next()?;
                let p: u8 = f.next()?.parse().ok()?;
                let sp: u8 = f.next().and_then(|x| x.parse().ok()).unwrap_or(p);
                Some((w, (p, sp)))
            })
            .collect();
        let speech_verbs = front_decoded(include_str!("data/speech-verbs.txt")).collect();
        let phrases = learnt_data("phrases.txt", include_str!("data/phrases.txt"))
            .lines()
            .filter(|l| l.contains(' '))
            .collect();
        let roles = learnt_data("roles.txt", include_str!("data/roles.txt"))
            .lines()
            .chain(EXTRA_ROLES.iter().copied())
            .collect();
        let titles = learnt_data("titles.txt", include_str!("data/titles.txt"))
            .lines()
            .chain(EXTRA_TITLES.iter().copied())
            .collect();
        let set = |words: &[&'static str]| words.iter().copied().collect::<WordSet<_>>();
        let filter = |set: &WordSet<&'static str>| ListFilter::of(set.iter().copied());
        let (function, org, document, adverbial) = (
            set(FUNCTION_WORDS),
            set(ORG_WORDS),
            set(DOCUMENT_WORDS),
            set(ADVERBIALS),
        );
        Lexicon {
            function_filter: filter(&function),
            role_filter: filter(&roles),
            org_filter: filter(&org),
            document_filter: filter(&document),
            adverbial_filter: filter(&adverbial),
            title_filter: filter(&titles),
            clause_filter: ListFilter::of(CLAUSE_WORDS.iter().copied()),
            cues,
            speech_verbs,
            phrases,
            roles,
            titles,
            function,
            clause: set(CLAUSE_WORDS),
            org,
            document,
            adverbial,
        }
    })
}

/// A learnt list's text: the built-in one, or in cross-validation builds the fold's
/// ([`fold_data`]).
fn learnt_data(name: &str, builtin: &'static str) -> &'static str {
    fold_data(name).unwrap_or(builtin)
}

/// In cross-validation builds (feature `dev-lexicon`), the file `name` of the folder
/// `QUOTELENS_LEXICON_DIR` names, when that variable is set: what was learnt from the
/// other folds alone (word lists, the speaker model's weights), so each fold is
/// annotated without what was learnt from it. A missing file stops the run rather than
/// fall back to the shipped data, which was learnt from every fold.
pub(crate) fn fold_data(name: &str) -> Option<&'static str> {
    #[cfg(feature = "dev-lexicon")]
    if let Some(dir) = std::env::var_os("QUOTELENS_LEXICON_DIR") {
        let path = std::path::Path::new(&dir).join(name);
        match std::fs::read_to_string(&path) {
            // Read once per process, kept for its lifetime like the built-in text.
            Ok(text) => return Some(Box::leak(text.into_boxed_str())),
            Err(e) => panic!("QUOTELENS_LEXICON_DIR: {}: {e}", path.display()),
        }
    }
    let _ = name;
    None
}

/// A learnt linear model (the speaker, reported-speech and quotation-span models): its
/// feature names, its shipped weights, and the fold file that replaces them in
/// cross-validation builds. Each model keeps one in a static.
pub(crate) struct LinearModel<const N: usize> {
    // Read only by `dev-lexicon` builds (cross-validation), the shipped engine has no fold.
    #[cfg_attr(not(feature = "dev-lexicon"), allow(dead_code))]
    fold_file: &'static str,
    names: &'static [&'static str; N],
    shipped: &'static [f32; N],
    #[cfg_attr(not(feature = "dev-lexicon"), allow(dead_code))]
    fold: OnceLock<Option<[f32; N]>>,
}

impl<const N: usize> LinearModel<N> {
    pub(crate) const fn new(
        fold_file: &'static str,
        names: &'static [&'static str; N],
        shipped: &'static [f32; N],
    ) -> Self {
        LinearModel {
            fold_file,
            names,
            shipped,
            fold: OnceLock::new(),
        }
    }

    /// The weights the model runs with: the shipped ones, or in cross-validation builds
    /// the fold's file (see [`fold_data`]), read once into the model's own `fold` cell,
    /// so each fold is annotated by a model learnt on the other folds. Outside
    /// `dev-lexicon` builds it is the shipped weights and nothing else, as it runs for
    /// every score.
    #[inline]
    pub(crate) fn weights(&'static self) -> &'static [f32; N] {
        #[cfg(feature = "dev-lexicon")]
        if let Some(w) = self.fold.get_or_init(|| {
            fold_data(self.fold_file).map(|t| parse_weights(t, self.names, self.fold_file))
        }) {
            return w;
        }
        self.shipped
    }

    /// The model's score of features `f`: their sum weighted by [`Self::weights`].
    pub(crate) fn score(&'static self, f: &[f32; N]) -> f32 {
        f.iter().zip(self.weights()).map(|(x, w)| x * w).sum()
    }

    /// The shipped weights with their feature names (for the trainers' scripts, which
    /// start a fold's training from a file of them).
    pub(crate) fn shipped(&self) -> impl Iterator<Item = (&'static str, f32)> {
        self.names.iter().copied().zip(self.shipped.iter().copied())
    }

    /// Every feature is named once, and the shipped weights written as a trainer's
    /// `feature weight` lines read back as they are (what a fold's file goes through).
    #[cfg(test)]
    pub(crate) fn assert_names_once_and_weights_read_back(&self) {
        let mut names = self.names.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            N,
            "a feature named twice in {}",
            self.fold_file
        );
        let text: String = self.shipped().map(|(n, w)| format!("{n} {w}\n")).collect();
        assert_eq!(
            parse_weights(&text, self.names, self.fold_file),
            *self.shipped
        );
    }
}

/// `feature weight` lines (a trainer's text output) as weights in `names` order; a
/// feature not named weighs 0. `file` names the text in the panic of a bad line, as a
/// fold's file that does not fit the engine must stop the run.
#[cfg(any(feature = "dev-lexicon", test))]
pub(crate) fn parse_weights<const N: usize>(text: &str, names: &[&str; N], file: &str) -> [f32; N] {
    let mut w = [0.0; N];
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (name, value) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("{file}: name weight"));
        let i = names
            .iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| panic!("{file}: unknown feature {name}"));
        w[i] = value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{file}: a number"));
    }
    w
}

/// The cue words learnt from the training gold with their strengths: how often
/// (percent) each is a speech cue, anywhere and when a likely subject stands right
/// before it. The engine reads them through a `CueList`, which a person may edit.
pub fn learnt_cues() -> impl Iterator<Item = (&'static str, (u8, u8))> {
    lexicon().cues.iter().map(|(w, s)| (*w, *s))
}

/// The learnt strengths of a lower-case word, when it is a learnt cue.
pub fn learnt_cue(lower: &str) -> Option<(u8, u8)> {
    lexicon().cues.get(lower).copied()
}

/// How strong a cue a speech verb of the lexical resource is when the training gold
/// never counted it ("quipped", "recounted", "chimed in"): above the thresholds next to a
/// quotation (`attribution::NEAR_QUOTE_CUE`, `BEFORE_QUOTE_CUE`), below the one for
/// indirect speech (`INDIRECT_CUE`), where the verb alone must carry the evidence. Set by
/// hand from those thresholds, not fitted.
pub const SPEECH_VERB_STRENGTH: (u8, u8) = (12, 12);

/// The words of a front-coded list (as `scripts/speech-verbs.py` writes one): each line
/// that is not a `#` comment is the number of leading bytes the word shares with the
/// word before it, then the rest of the word. A sorted list of inflected forms shares
/// long prefixes ("abduced", "abduces"), so this halves it where it counts: the page holds
/// the built-in cue list and its download has a size budget. Decoded once into one
/// leaked string, as the lexicon lives as long as the program.
fn front_decoded(coded: &str) -> impl Iterator<Item = &'static str> {
    let mut bytes: Vec<u8> = Vec::with_capacity(coded.len() * 2);
    let mut ends = Vec::new();
    let mut previous = 0..0;
    for line in coded
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let shared = line[..digits]
            .parse::<usize>()
            .unwrap_or(0)
            .min(previous.len());
        let start = bytes.len();
        bytes.extend_from_within(previous.start..previous.start + shared);
        bytes.extend_from_slice(&line.as_bytes()[digits..]);
        previous = start..bytes.len();
        ends.push(bytes.len());
    }
    // Every shared prefix is a prefix of a whole UTF-8 word cut by the encoder at a byte
    // both words share, so the result is UTF-8; a damaged list decodes to nothing.
    let words: &'static str = Box::leak(
        String::from_utf8(bytes)
            .unwrap_or_default()
            .into_boxed_str(),
    );
    let mut start = 0;
    ends.into_iter().filter_map(move |end| {
        let word = words.get(start..end);
        start = end;
        word
    })
}

/// The speech verbs of the lexical resource, every form, lower case: one word, or a
/// verb and its particle separated by one space.
pub fn speech_verbs() -> impl Iterator<Item = &'static str> {
    lexicon().speech_verbs.iter().copied()
}

/// The cue phrases learnt from the training gold: a verb and its particle, lower case.
pub fn learnt_phrases() -> impl Iterator<Item = &'static str> {
    lexicon().phrases.iter().copied()
}

/// The strengths the built-in list gives a lower-case word or phrase: learnt when the
/// training gold counted it, [`SPEECH_VERB_STRENGTH`] for another speech verb.
pub fn builtin_cue(lower: &str) -> Option<(u8, u8)> {
    let lex = lexicon();
    lex.cues.get(lower).copied().or_else(|| {
        lex.speech_verbs
            .contains(lower)
            .then_some(SPEECH_VERB_STRENGTH)
    })
}

/// Words that a cue never is even when the statistics say otherwise (they come
/// from multi-word gold cues such as "in a statement").
pub fn is_function_word(w: &str) -> bool {
    let lex = lexicon();
    lex.function_filter.may_hold(w) && with_lower(w, |l| lex.function.contains(l))
}

/// Closed-class words that end a name when capitalised at a sentence start ("But",
/// "During", "However").
pub fn is_clause_word(l: &str) -> bool {
    lexicon().clause.contains(l)
}

/// [`is_clause_word`] of `w` in any case ("But"), as `with_lower(w, is_clause_word)`:
/// asked of capitalised words in every noun-phrase search, most answered by a filter
/// without lower-casing.
pub fn is_clause_word_in_any_case(w: &str) -> bool {
    let lex = lexicon();
    lex.clause_filter.may_hold(w) && with_lower(w, |l| lex.clause.contains(l))
}

pub fn is_role(w: &str) -> bool {
    lexicon().role_filter.may_hold(w)
        && with_lower(w, |l| {
            lexicon().roles.contains(l) && !lexicon().function.contains(l)
        })
}

/// Whether `w`'s lower case is in the list of adverbials (without the "-ly" rule and
/// the weekdays of [`is_adverbial`]).
pub(crate) fn is_listed_adverbial(w: &str) -> bool {
    with_lower(w, |l| lexicon().adverbial.contains(l))
}

/// Whether `w`'s lower case is in the list of organisation words, as it is (where
/// [`is_org_word`] asks it without its final dots).
pub(crate) fn is_listed_org(w: &str) -> bool {
    with_lower(w, |l| lexicon().org.contains(l))
}

/// Every word of the closed lists the token table answers for
/// (`words::table::ListBits`): function, role, organisation, document, adverbial and
/// clause words, determiners, pronouns and weekdays.
pub(crate) fn closed_list_words() -> impl Iterator<Item = &'static str> {
    let lex = lexicon();
    [
        &lex.function,
        &lex.roles,
        &lex.org,
        &lex.document,
        &lex.adverbial,
        &lex.clause,
    ]
    .into_iter()
    .flat_map(|set| set.iter().copied())
    .chain(DETERMINERS)
    .chain(PRONOUNS.map(|(p, _)| p))
    .chain(WEEKDAYS)
}

/// Capitalised words that stand before names as titles ("Secretary", "Sen.").
pub fn is_title(w: &str) -> bool {
    let lex = lexicon();
    let bare = w.trim_end_matches('.');
    // The word without its dots is looked up again only when it has some.
    let listed = |w: &str| lex.title_filter.may_hold(w) && lex.titles.contains(w);
    listed(w) || bare.len() < w.len() && listed(bare)
}

/// Titles from the hand-written list only: certain even before a single surname
/// ("President Obama"), where a learnt title may be a first name ("Mark Brown").
pub fn is_strong_title(w: &str) -> bool {
    // A set, not a scan of the list's 94 words (asked of every title before a surname).
    static STRONG: OnceLock<WordSet<&'static str>> = OnceLock::new();
    let strong = STRONG.get_or_init(|| EXTRA_TITLES.iter().copied().collect());
    let bare = w.trim_end_matches('.');
    strong.contains(w) || bare.len() < w.len() && strong.contains(bare)
}

pub fn is_org_word(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let lex = lexicon();
    lex.org_filter.may_hold(w) && with_lower(w, |l| lex.org.contains(l))
}

/// Labels of page furniture that look like "Speaker:" ("Photo:", "Update:").
pub fn is_furniture_word(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "note"
                | "update"
                | "updated"
                | "photo"
                | "photos"
                | "video"
                | "source"
                | "sources"
                | "editor"
                | "editor's"
                | "editor\u{2019}s"
                | "related"
                | "read"
                | "watch"
                | "share"
                | "advertisement"
                | "image"
                | "credit"
                | "caption"
                | "correction"
                | "tags"
                | "topics"
                | "posted"
                | "published"
                | "contact"
                | "email"
                | "follow"
                | "listen"
                | "subscribe"
                | "more"
                | "see"
                | "also"
                | "disclosure"
                | "warning"
                | "breaking"
                | "exclusive"
                | "analysis"
                | "opinion"
                | "review"
                | "live"
                | "date"
                | "time"
                | "by"
                | "via"
                | "q"
                | "a"
                | "transcript"
                | "summary"
                | "background"
                | "location"
        )
    })
}

pub fn is_document_word(w: &str) -> bool {
    let lex = lexicon();
    lex.document_filter.may_hold(w) && with_lower(w, |l| lex.document.contains(l))
}

pub fn pronoun(w: &str) -> Option<Pronoun> {
    let mut buf = [0u8; 5];
    let l = short_ascii_lower(w, &mut buf)?;
    PRONOUNS
        .iter()
        .find(|(p, _)| p.as_bytes() == l)
        .map(|&(_, person)| person)
}

/// The pronouns [`pronoun`] knows, with whom each stands for.
const PRONOUNS: [(&str, Pronoun); 15] = [
    ("he", Pronoun::He),
    ("him", Pronoun::He),
    ("his", Pronoun::He),
    ("she", Pronoun::She),
    ("her", Pronoun::She),
    ("they", Pronoun::They),
    ("them", Pronoun::They),
    ("their", Pronoun::They),
    ("it", Pronoun::It),
    ("its", Pronoun::It),
    ("i", Pronoun::Speaker),
    ("we", Pronoun::Speaker),
    ("you", Pronoun::Speaker),
    ("me", Pronoun::Speaker),
    ("us", Pronoun::Speaker),
];

/// The bytes of `w` ASCII-lower-cased into `buf`, or `None` when `w` is longer: for
/// the short closed lists of ASCII words ([`pronoun`], [`is_determiner`]), asked of
/// thousands of words, most of them longer than any listed one. The same answer as
/// matching `w.to_lowercase()`: a non-ASCII byte never matches, and no character
/// outside ASCII lower-cases to ASCII letters alone but the Kelvin sign (to "k", in
/// none of these lists: `words`' test `only_the_kelvin_sign_lower_cases_to_ascii_besides_ascii`);
/// and no copy is validated as UTF-8 as `with_lower`'s is.
fn short_ascii_lower<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let b = w.as_bytes();
    let out = buf.get_mut(..b.len())?;
    // Copied and lowered in one loop (a copy of a few bytes is a `memcpy` call).
    for (o, x) in out.iter_mut().zip(b) {
        *o = x.to_ascii_lowercase();
    }
    Some(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    Speaker,
}

/// Words that may stand between a speaker and the cue ("Pompeo also said",
/// "NUKIB on Thursday warned"). The "-ly" rule holds for lower-case words only:
/// capitalised, "Kelly", "Reilly" and "Beverly" are names.
pub fn is_adverbial(w: &str) -> bool {
    let lower_case = super::text::starts_lower(w);
    let listed = lexicon().adverbial_filter.may_hold(w);
    // An ASCII word is lower-cased in place: it ends in "ly" when its bytes do, and
    // a weekday when it has a weekday's length and ends in "y".
    if !listed && w.is_ascii() {
        let b = w.as_bytes();
        let ends_y = b.last().is_some_and(|c| c.eq_ignore_ascii_case(&b'y'));
        let weekday = ends_y && (6..=9).contains(&b.len());
        let ly = lower_case && ends_y && b.len() > 4 && b[b.len() - 2].eq_ignore_ascii_case(&b'l');
        if !weekday && !ly {
            return false;
        }
    }
    with_lower(w, |l| {
        (listed && lexicon().adverbial.contains(l))
            || is_weekday(l)
            || (lower_case && l.ends_with("ly") && l.len() > 4 && !l.ends_with("ply"))
    })
}

/// [`is_weekday`] of `w` in any case, as `with_lower(w, is_weekday)`: an ASCII word
/// (its lower case as long) without a weekday's length is answered without lower-casing.
pub fn is_weekday_in_any_case(w: &str) -> bool {
    if w.is_ascii() && !(6..=9).contains(&w.len()) {
        return false;
    }
    with_lower(w, is_weekday)
}

/// Lower-case nouns of a span of time ("a few minutes", "two days"): the head of
/// a noun phrase that says when, never who (set by hand: English grammar, not a
/// corpus).
pub fn is_time_unit(w: &str) -> bool {
    matches!(
        w.strip_suffix('s').unwrap_or(w),
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "moment"
    )
}

pub fn is_weekday(l: &str) -> bool {
    WEEKDAYS.contains(&l)
}

pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that join parts of a name or an organisation ("Secretary of State",
/// "Ursula von der Leyen").
pub fn is_name_joiner(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "and"
            | "de"
            | "von"
            | "der"
            | "van"
            | "den"
            | "da"
            | "di"
            | "du"
            | "del"
            | "la"
            | "le"
            | "al"
            | "bin"
            | "ibn"
            | "&"
            | "y"
            | "the"
            | "on"
    )
}

/// Lower-case particles inside names ("Ursula von der Leyen"). (Here, not in
/// `speakers`, so that `attribution`, the stage before it, asks `lexicon`, not a later
/// stage.)
pub(crate) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "von"
            | "van"
            | "der"
            | "den"
            | "al"
            | "da"
            | "di"
            | "del"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "ibn"
    )
}

/// "Obama's", "Obama’s": a possessive, with a straight or a curly apostrophe.
pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

pub fn is_determiner(w: &str) -> bool {
    let mut buf = [0u8; 7];
    short_ascii_lower(w, &mut buf).is_some_and(|l| DETERMINERS.iter().any(|d| d.as_bytes() == l))
}

const DETERMINERS: [&str; 15] = [
    "the", "a", "an", "another", "one", "two", "three", "several", "many", "some", "most", "other",
    "both", "all", "few",
];

const FUNCTION_WORDS: &[&str] = &[
    "in",
    "a",
    "an",
    "the",
    "to",
    "of",
    "for",
    "on",
    "at",
    "by",
    "with",
    "from",
    "as",
    "and",
    "or",
    "that",
    "this",
    "it",
    "is",
    "was",
    "be",
    "been",
    "has",
    "have",
    "had",
    "also",
    "not",
    "but",
    "statement",
    "interview",
    "reporters",
    "about",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "who",
    "which",
    "what",
    "when",
    "where",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "do",
    "does",
    "did",
    "are",
    "were",
    "if",
    "so",
    "than",
    "then",
    "there",
    "here",
    "into",
    "over",
    "after",
    "before",
    "up",
    "out",
    "just",
    "more",
    "most",
    "very",
    "all",
    "any",
    "some",
    "no",
    "yes",
    "one",
    "ve",
    "ll",
    "re",
    "s",
    "d",
    "m",
    "t",
    "don",
    "news",
    "people",
    "time",
    "year",
    "years",
    "day",
    "week",
    "new",
    "like",
    "way",
];

const CLAUSE_WORDS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "however",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "as",
    "after",
    "before",
    "while",
    "when",
    "if",
    "because",
    "although",
    "though",
    "since",
    "during",
    "yesterday",
    "today",
    "meanwhile",
    "still",
    "also",
    "then",
    "now",
    "later",
    "earlier",
    "instead",
    "indeed",
    "yet",
    "thus",
    "there",
    "here",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "not",
    "no",
    "yes",
    "to",
    "by",
    "of",
    "into",
    "over",
    "under",
    "about",
    "asked",
    "speaking",
    "according",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "can",
    "could",
    "did",
    "does",
    "do",
    "even",
    "just",
    "only",
    "like",
    "unlike",
    "until",
    "despite",
    "amid",
    "among",
    "without",
    "within",
    "through",
    "against",
    "toward",
    "towards",
    "upon",
    "once",
    "whether",
    "whatever",
    "whoever",
    "every",
    "each",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "said",
    "says",
    "but",
    "nor",
    "although",
    "last",
    "next",
];

const ADVERBIALS: &[&str] = &[
    "also",
    "then",
    "later",
    "has",
    "had",
    "have",
    "would",
    "will",
    "once",
    "again",
    "further",
    "did",
    "does",
    "do",
    "not",
    "never",
    "still",
    "often",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "on",
    "last",
    "this",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "previously",
    "recently",
    "reportedly",
    "repeatedly",
    "even",
    "even",
    "could",
    "may",
    "might",
    "can",
    "should",
    "must",
    "already",
    "ago",
    "years",
    "days",
    "weeks",
    "months",
    "in",
    "a",
    "an",
    "the",
    "statement",
    "interview",
    "tweet",
    "at",
    "time",
    "both",
    "all",
    "too",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "who",
    "had",
    "later",
];

const ORG_WORDS: &[&str] = &[
    "department",
    "agency",
    "commission",
    "committee",
    "council",
    "ministry",
    "office",
    "party",
    "campaign",
    "court",
    "university",
    "institute",
    "post",
    "times",
    "news",
    "network",
    "association",
    "foundation",
    "bureau",
    "service",
    "corp",
    "inc",
    "company",
    "group",
    "bank",
    "fund",
    "organization",
    "organisation",
    "union",
    "center",
    "centre",
    "administration",
    "house",
    "senate",
    "congress",
    "police",
    "government",
    "board",
    "journal",
    "magazine",
    "press",
    "reuters",
    "ap",
    "afp",
    "cnn",
    "fbi",
    "cia",
    "nasa",
    "who",
    "un",
    "eu",
    "nato",
    "team",
    "club",
    "league",
    "federation",
    "authority",
    "coalition",
    "alliance",
    "pentagon",
    "kremlin",
    "ltd",
    "llc",
    "co",
    "tribune",
    "herald",
    "daily",
    "gazette",
    "channel",
    "network",
    "school",
    "college",
    "hospital",
    "clinic",
    "army",
    "navy",
    "force",
    "forces",
    "agency",
    "parliament",
    "assembly",
    "cabinet",
    "secretariat",
    "firm",
    "lab",
    "laboratory",
    "society",
    "institution",
    "federal",
    "nations",
    "states",
    "republicans",
    "democrats",
    "caucus",
];

const DOCUMENT_WORDS: &[&str] = &[
    "report",
    "statement",
    "study",
    "poll",
    "survey",
    "document",
    "documents",
    "letter",
    "memo",
    "filing",
    "complaint",
    "lawsuit",
    "ruling",
    "indictment",
    "analysis",
    "data",
    "figures",
    "research",
    "paper",
    "release",
    "tweet",
    "post",
    "email",
    "article",
    "website",
    "polls",
    "reports",
    "studies",
    "surveys",
    "findings",
    "records",
    "guidelines",
    "law",
    "bill",
    "order",
    "decision",
    "opinion",
    "affidavit",
    "transcript",
    "book",
    "note",
];

const EXTRA_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "secretary",
    "minister",
    "president",
    "senator",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "coach",
    "manager",
    "analyst",
    "expert",
    "experts",
    "researchers",
    "scientists",
    "police",
    "prosecutors",
    "investigators",
    "witnesses",
    "lawyer",
    "attorney",
    "judge",
    "report",
    "statement",
    "study",
    "agency",
    "ministry",
    "department",
    "company",
    "court",
    "executive",
    "leader",
    "founder",
    "ceo",
    "player",
    "striker",
    "captain",
    "economist",
];

const EXTRA_TITLES: &[&str] = &[
    "President",
    "Secretary",
    "Minister",
    "Senator",
    "Sen.",
    "Rep.",
    "Gov.",
    "Governor",
    "Chairman",
    "Chairwoman",
    "CEO",
    "Director",
    "Judge",
    "Justice",
    "Mayor",
    "Commissioner",
    "Chief",
    "Spokesman",
    "Spokeswoman",
    "Officer",
    "Ambassador",
    "Leader",
    "Speaker",
    "General",
    "Gen.",
    "Lt.",
    "Col.",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Prof.",
    "Professor",
    "Coach",
    "Captain",
    "Capt.",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Chancellor",
    "Premier",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Deputy",
    "Vice",
    "Prime",
    "Health",
    "Foreign",
    "Defense",
    "Interior",
    "Finance",
    "Economy",
    "State",
    "Attorney",
    "Sheriff",
    "Manager",
    "Founder",
    "Executive",
    "Analyst",
    "Adviser",
    "Advisor",
    "Economist",
    "Czech",
    "US",
    "U.S.",
    "UK",
    "EU",
    "European",
    "Commission",
    "Former",
    "Acting",
    "Minority",
    "Majority",
    "House",
    "Senate",
    "Democratic",
    "Republican",
    "Rev.",
    "Sgt.",
    "Adm.",
    "Maj.",
    "Cardinal",
    "Bishop",
    "Rabbi",
    "Imam",
    "Father",
    "Sister",
    "Brother",
    "Lord",
    "Sir",
    "Dame",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_words_and_weekdays_in_any_case_answer_as_their_lower_case_does() {
        let words = [
            "But",
            "BUT",
            "but",
            "However",
            "HOWEVER",
            "Meanwhile",
            "Butter",
            "Monday",
            "MONDAY",
            "wednesday",
            "Mondays",
            "Sunny",
            "Saturday\u{2019}s",
            "\u{c9}lan",
            "Thursday",
            "",
            "I",
            "It",
            "Itself",
        ];
        for w in words {
            assert_eq!(
                is_clause_word_in_any_case(w),
                with_lower(w, is_clause_word),
                "{w}"
            );
            assert_eq!(is_weekday_in_any_case(w), with_lower(w, is_weekday), "{w}");
        }
        assert!(is_clause_word_in_any_case("However") && is_weekday_in_any_case("FRIDAY"));
    }

    #[test]
    fn a_front_coded_list_decodes_to_its_words() {
        let coded = "# a comment\n0abduced\n6s\n5ing\n0chime in\n5d in\n";
        let words: Vec<&str> = front_decoded(coded).collect();
        assert_eq!(
            words,
            ["abduced", "abduces", "abducing", "chime in", "chimed in"]
        );
    }

    #[test]
    fn the_shipped_speech_verbs_decode_to_one_sorted_list_of_words() {
        let coded = include_str!("data/speech-verbs.txt");
        let words: Vec<&str> = front_decoded(coded).collect();
        let lines = coded.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(words.len(), lines);
        assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        assert!(words.iter().all(|w| !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b" '-".contains(&b))));
        for known in ["recounted", "quipped", "chimed in"] {
            assert!(words.contains(&known), "{known}");
        }
    }

    #[test]
    fn every_title_passes_the_title_filter() {
        for &t in &lexicon().titles {
            assert!(is_title(t), "{t}");
        }
    }

    /// A word of `list` in mixed case and with trailing dots, or any string.
    #[cfg(not(target_arch = "wasm32"))]
    fn word_near(
        list: &'static [&'static str],
    ) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            (0..list.len(), any::<u64>(), "[.]{0,2}").prop_map(move |(i, case, dots)| {
                crate::engine::words::mixed_case(list[i], case) + &dots
            }),
            "\\PC{0,12}",
        ]
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The filtered, hashed lookups are a search of the list for the lower case.
        #[test]
        fn closed_lists_are_a_search_for_the_lower_case(
            function in word_near(FUNCTION_WORDS),
            org in word_near(ORG_WORDS),
            document in word_near(DOCUMENT_WORDS),
        ) {
            let listed = |list: &[&str], w: &str| list.contains(&w.to_lowercase().as_str());
            proptest::prop_assert_eq!(is_function_word(&function), listed(FUNCTION_WORDS, &function));
            let bare = org.trim_end_matches('.');
            proptest::prop_assert_eq!(is_org_word(&org), listed(ORG_WORDS, bare));
            proptest::prop_assert_eq!(is_document_word(&document), listed(DOCUMENT_WORDS, &document));
        }

        /// The title filter turns away no word the set holds, in any case or with dots.
        #[test]
        fn titles_are_a_search_of_the_set(title in word_near(EXTRA_TITLES)) {
            let lex = lexicon();
            let bare = title.trim_end_matches('.');
            let listed = lex.titles.contains(title.as_str()) || lex.titles.contains(bare);
            proptest::prop_assert_eq!(is_title(&title), listed);
        }

        /// The short lists matched on bytes answer as a match of the lower case does.
        #[test]
        fn pronouns_and_determiners_are_a_search_for_the_lower_case(
            pronoun_like in word_near(&["he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "i", "we", "you", "me", "us", "\u{130}t"]),
            determiner_like in word_near(&["the", "a", "an", "another", "one", "two", "three", "several", "many", "some", "most", "other", "both", "all", "few", "\u{212a}ew"]),
        ) {
            let lower = pronoun_like.to_lowercase();
            let expected = match lower.as_str() {
                "he" | "him" | "his" => Some(Pronoun::He),
                "she" | "her" => Some(Pronoun::She),
                "they" | "them" | "their" => Some(Pronoun::They),
                "it" | "its" => Some(Pronoun::It),
                "i" | "we" | "you" | "me" | "us" => Some(Pronoun::Speaker),
                _ => None,
            };
            proptest::prop_assert_eq!(pronoun(&pronoun_like), expected);
            let determiners = ["the", "a", "an", "another", "one", "two", "three", "several", "many", "some", "most", "other", "both", "all", "few"];
            proptest::prop_assert_eq!(
                is_determiner(&determiner_like),
                determiners.contains(&determiner_like.to_lowercase().as_str())
            );
        }
    }
}
