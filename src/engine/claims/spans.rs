//! What text a claim covers: whole sentences, trimmed, never cut after an initial or a
//! dotted abbreviation inside a name ("W.M. Keck Observatory"); and for reported
//! speech, the attributed clause only when it reads as a clause of its own (never a
//! verb's particle or complement cut off from it: "called out …", "looks forward to …",
//! "said in a statement").

use std::ops::Range;

/// The sentences of `text` (byte ranges, as the engine splits them) as claim
/// candidates: trimmed of white space, empty ones dropped, and a sentence that ends in
/// an initial or a dotted abbreviation joined to the next one when that one goes on
/// with a name rather than opening a new sentence ("Dr. W.M." + "Keck Observatory …",
/// but "… in the U.S." + "The …" stays two).
pub fn claim_sentences(text: &str, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    let mut join_next = false;
    for r in sentences {
        let Some(range) = trimmed(text, r) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if join_next && goes_on_with_a_name(&text[range.clone()]) => {
                last.end = range.end;
            }
            _ => out.push(range),
        }
        let last = out.last().map_or("", |l| &text[l.clone()]);
        join_next = ends_in_abbreviation(last);
    }
    out
}

/// `r` without its surrounding white space; None if empty or not on char boundaries.
fn trimmed(text: &str, r: &Range<usize>) -> Option<Range<usize>> {
    let s = text.get(r.clone())?;
    let rest = s.trim_start();
    let body = rest.trim_end();
    if body.is_empty() {
        return None;
    }
    let start = r.start + (s.len() - rest.len());
    Some(start..start + body.len())
}

/// Whether a sentence's last word is an initial or dotted letters ("J.", "W.M.", "U.S.").
fn ends_in_abbreviation(sentence: &str) -> bool {
    // Most sentences end in a lower-case word and its dot: the byte before the dot
    // answers without finding the last word (an initial is one upper-case letter).
    let b = sentence.as_bytes();
    if b.len() < 2
        || b[b.len() - 1] != b'.'
        || (b[b.len() - 2] < 0x80 && !b[b.len() - 2].is_ascii_uppercase())
    {
        return false;
    }
    let last = sentence.rsplit(char::is_whitespace).next().unwrap_or("");
    let Some(stem) = last.strip_suffix('.') else {
        return false;
    };
    !stem.is_empty()
        && stem
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

/// Whether a sentence piece begins with a capitalised word that continues a name
/// rather than opening a sentence (openers are function words: "The", "He", "But").
fn goes_on_with_a_name(piece: &str) -> bool {
    let first: String = piece
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    first.starts_with(char::is_uppercase)
        && !SENTENCE_OPENERS
            .iter()
            .any(|o| o.eq_ignore_ascii_case(&first))
}

/// Words that open sentences (so a capital after "U.S." is a new sentence).
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "there",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "after",
    "before",
    "since",
    "when",
    "while",
    "as",
    "if",
    "although",
    "though",
    "because",
    "meanwhile",
    "however",
    "still",
    "now",
    "then",
    "also",
    "last",
    "next",
    "some",
    "many",
    "most",
    "all",
    "no",
    "one",
    "officials",
    "according",
    "what",
    "who",
    "how",
    "why",
    "where",
    "here",
];

/// Particles that belong to the verb before them ("called out", "looks forward to",
/// "warned against"): a reported clause starting with one was cut from its verb.
const PARTICLES: &[&str] = &[
    "out", "up", "off", "down", "over", "away", "back", "forward", "against", "upon", "aside",
    "along", "apart", "around",
];

/// Prepositions that open an adverbial rather than a clause ("said in a statement",
/// "told reporters on Monday"): a short reported stretch starting with one is that
/// adverbial, not what was said.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "by", "with", "from", "during", "after", "before", "via", "through",
    "outside", "inside",
];

/// Prepositions that open the complement of the verb before them, never a clause of
/// its own ("concerned by …", "warned of …", "discussed with …").
const COMPLEMENTS: &[&str] = &["by", "of", "with"];

/// A reported stretch opening with a preposition is an adverbial below this many words.
const ADVERBIAL_WORDS: usize = 6;

/// How far into a reported stretch its "that" is looked for ("told reporters on Monday
/// that …"): an addressee and an adverbial are a few words.
const THAT_WITHIN_WORDS: usize = 8;

/// The clause of reported speech `content` (byte range, trimmed) said with the cue at
/// byte range `cue`, as a claim span; None when it does not read as a clause of its own.
/// After a cue that names its addressee first ("told", "assured", "warned"), what was
/// said starts after "that", after punctuation or after a pronoun ("told them the
/// plant …"); a stretch starting right after such a cue, or after other words, was cut
/// from its own subject or verb ("told reporters the plant …", "told the council the
/// budget | had grown …"), and is kept only from a "that" in its first words ("told
/// reporters on Monday that | the plant …"). None too when it starts inside a word,
/// with a particle of the verb before it, or it is a short adverbial ("in a
/// statement"). A refused stretch leaves its whole sentence to be scored.
pub fn reported_clause(
    text: &str,
    content: Range<usize>,
    cue: Range<usize>,
) -> Option<Range<usize>> {
    let clause = text.get(content.clone())?;
    let starts_mid_word = text[..content.start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && clause.starts_with(char::is_alphanumeric);
    if starts_mid_word {
        return None;
    }
    let content = if opens_what_was_said(text, content.start, &cue) {
        content
    } else {
        after_that(text, content.clone()).or_else(|| after_addressee(text, content))?
    };
    let clause = &text[content.clone()];
    let mut words = clause
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty());
    let first = words.next()?;
    let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(first));
    if is(PARTICLES) || is(COMPLEMENTS) || is(PREPOSITIONS) && words.count() + 1 < ADVERBIAL_WORDS {
        return None;
    }
    Some(content)
}

/// Whether what was said can start at byte `start`. After most cues, anywhere ("said
/// on Monday the mill …"); after a cue that names its addressee first ("told reporters
/// the mill …") only after "that", after punctuation, or after a pronoun right after
/// the cue ("told them the mill …"): what follows such a cue at once is its addressee.
fn opens_what_was_said(text: &str, start: usize, cue: &Range<usize>) -> bool {
    let cue_word = last_word(text.get(..cue.end).unwrap_or(""));
    if cue.end > start || !is_one_of(ADDRESSEE_CUES, cue_word) {
        return true;
    }
    let before = text[..start].trim_end();
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    if !last.is_alphanumeric() {
        return true;
    }
    let word = last_word(before);
    if word.eq_ignore_ascii_case("that") {
        return true;
    }
    // One pronoun between the cue and what was said.
    let between = text
        .get(cue.end..before.len() - word.len())
        .unwrap_or("x")
        .trim();
    before.len() > cue.end && between.is_empty() && is_one_of(OBJECT_PRONOUNS, word)
}

/// The last word of `s` (letters and digits).
fn last_word(s: &str) -> &str {
    s.rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Cues whose addressee comes before what was said ("told reporters the mill …",
/// "assured voters that …"): what follows them at once is the addressee.
const ADDRESSEE_CUES: &[&str] = &[
    "told",
    "tell",
    "tells",
    "telling",
    "assured",
    "assures",
    "informed",
    "informs",
    "reminded",
    "reminds",
    "promised",
    "promises",
    "warned",
    "warns",
    "convinced",
    "persuaded",
    "briefed",
    "notified",
    "advised",
    "advises",
];

const OBJECT_PRONOUNS: &[&str] = &["me", "you", "him", "her", "us", "them"];

/// The part of `content` after a "that" among its first [`THAT_WITHIN_WORDS`] words
/// (trimmed), if three words or more follow it.
fn after_that(text: &str, content: Range<usize>) -> Option<Range<usize>> {
    let clause = &text[content.clone()];
    let mut words = word_starts(clause).take(THAT_WITHIN_WORDS + 1);
    let at = words.find(|&(_, w)| w.eq_ignore_ascii_case("that"))?;
    let rest_start = at.0 + at.1.len();
    let rest = clause[rest_start..].trim_start();
    if word_starts(rest).count() < 3 {
        return None;
    }
    let start = content.start + clause.len() - rest.len();
    Some(start..content.end)
}

/// How many words an addressee before what was said runs to at most ("the city
/// council", "reporters", "the New York Times").
const ADDRESSEE_WORDS: usize = 4;

/// Words that open what was said after an addressee: determiners and subject pronouns
/// ("told reporters | the mill …", "told the council | it would …").
const CLAUSE_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "he", "she", "they", "we", "i", "it", "there",
    "his", "their", "its", "our", "my", "some", "many", "most", "all", "no",
];

/// `content` without its addressee when it opens with one ("reporters | the mill
/// employs …", "the city council | the budget …"): the first clause opener after at
/// least one word (two after a determiner) and within [`ADDRESSEE_WORDS`] words, if
/// three words or more follow from it. An addressee is a name or a noun: the words
/// before the opener hold no figure and no preposition ("8 of | the 10 games" is no
/// addressee but a clause cut from its subject).
fn after_addressee(text: &str, content: Range<usize>) -> Option<Range<usize>> {
    let clause = &text[content.clone()];
    let words: Vec<(usize, &str)> = word_starts(clause).collect();
    let first = words.first()?.1;
    let from = if is_one_of(&CLAUSE_OPENERS[..4], first) {
        2
    } else {
        1
    };
    let at = (from..=ADDRESSEE_WORDS.min(words.len().saturating_sub(3)))
        .find(|&k| is_one_of(CLAUSE_OPENERS, words[k].1))?;
    let addressee = &words[..at];
    let noun_like = |w: &str| {
        !w.contains(|c: char| c.is_ascii_digit())
            && !is_one_of(PREPOSITIONS, w)
            && !is_one_of(COMPLEMENTS, w)
            && !is_one_of(&["for", "to"], w)
    };
    if !addressee.iter().all(|&(_, w)| noun_like(w)) {
        return None;
    }
    Some(content.start + words[at].0..content.end)
}

/// The words of `s` (letters, digits, apostrophes) with their byte offsets.
fn word_starts(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '\u{2019}';
    s.split(move |c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}
