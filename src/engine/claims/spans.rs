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

/// The clause of reported speech `content` (byte range, trimmed) as a claim span, or
/// None when it does not read as a clause of its own: it starts inside a word, with a
/// particle of the verb before it, or it is a short adverbial ("in a statement").
pub fn reported_clause(text: &str, content: Range<usize>) -> Option<Range<usize>> {
    let clause = text.get(content.clone())?;
    let starts_mid_word = text[..content.start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && clause.starts_with(char::is_alphanumeric);
    if starts_mid_word {
        return None;
    }
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
