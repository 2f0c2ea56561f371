//! The quotation-span model's features: named, each in [0, 1], computed from the tokens
//! of one quotation the rules keep without a speaker and of the words around it. The
//! names are the trainer's and the weights' (`weights.rs` is in this order).

use std::ops::Range;

use super::super::cues::CueList;
use super::super::quotes::Quote;
use super::super::text::{is_sentence_end, starts_upper, Segmented};
use super::super::words::with_lower;

pub(crate) const NAMES: [&str; 22] = [
    "bias",
    "words",
    "few-words",
    "many-words",
    "sentence-punct-inside",
    "ends-with-punct",
    "capitalised-ratio",
    "starts-capitalised",
    "first-second-person",
    "verb-like",
    "naming-word-before",
    "article-or-preposition-before",
    "colon-before",
    "sentence-start",
    "paragraph-start",
    "fills-paragraph",
    "comma-after",
    "cue-near",
    "single-marks",
    "recovered-mark",
    "multi-paragraph",
    "digits-ratio",
];
pub(crate) const N: usize = NAMES.len();

/// Words that name what follows in quotation marks as a term or a title, not speech
/// ("so-called", "dubbed", "the word"). A closed class of English, set by hand.
const NAMING_WORDS: &[&str] = &[
    "called",
    "so-called",
    "dubbed",
    "titled",
    "entitled",
    "named",
    "nicknamed",
    "labeled",
    "labelled",
    "term",
    "word",
    "words",
    "phrase",
    "slogan",
    "headline",
    "branded",
    "termed",
    "coined",
    "known",
    "as",
    "calls",
    "call",
    "label",
    "song",
    "book",
    "film",
    "show",
];

/// Auxiliaries and copulas: a quotation holding one is likely a clause.
const VERB_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "am", "have", "has", "had", "will", "would", "can",
    "could", "should", "must", "do", "does", "did", "may", "might", "shall", "not", "don't",
    "can't", "won't", "it's", "i'm", "we're", "they're", "that's", "there's",
];

/// The features of quotation `q` (token range `sentence` holds its opening mark).
pub(crate) fn features(
    seg: &Segmented,
    cues: &CueList,
    q: &Quote,
    sentence: Range<usize>,
) -> [f32; N] {
    let mut f = [0.0; N];
    f[0] = 1.0;
    inner(seg, q, &mut f);
    around(seg, cues, q, sentence, &mut f);
    f[18] = f32::from(u8::from(q.single));
    f[19] = f32::from(u8::from(q.recovered));
    f[20] = f32::from(u8::from(q.continues.is_some()));
    f
}

/// What the quotation's own words look like.
fn inner(seg: &Segmented, q: &Quote, f: &mut [f32; N]) {
    let (mut words, mut caps, mut digits, mut first_cap) = (0u32, 0u32, 0u32, None);
    let (mut person, mut verb, mut punct) = (false, false, false);
    for i in q.first..=q.last {
        let t = &seg.tokens[i];
        if let Some(c) = t.punct() {
            // Sentence punctuation before the last word (an ending one is `ends-with-punct`).
            punct |= (is_sentence_end(c) || c == ';' || c == ':') && i + 2 < q.last;
            continue;
        }
        if !t.is_word() {
            continue;
        }
        let w = seg.word(i);
        words += 1;
        let upper = starts_upper(w);
        first_cap.get_or_insert(upper);
        caps += u32::from(upper);
        digits += u32::from(w.starts_with(|c: char| c.is_ascii_digit()));
        with_lower(w, |l| {
            person |= matches!(l, "i" | "we" | "my" | "our" | "us" | "me" | "you" | "your");
            verb |= VERB_WORDS.contains(&l)
                || l.ends_with("n't")
                || (l.len() > 4 && (l.ends_with("ed") || l.ends_with("ing")));
        });
    }
    let n = words.max(1) as f32;
    f[1] = (words as f32).min(40.0) / 40.0;
    f[2] = f32::from(u8::from(words <= 3));
    f[3] = f32::from(u8::from(words >= 8));
    f[4] = f32::from(u8::from(punct));
    f[5] = f32::from(u8::from(
        q.last > q.first
            && seg.tokens[q.last - 1]
                .punct()
                .is_some_and(|c| is_sentence_end(c) || c == ','),
    ));
    f[6] = caps as f32 / n;
    f[7] = f32::from(u8::from(first_cap == Some(true)));
    f[8] = f32::from(u8::from(person));
    f[9] = f32::from(u8::from(verb));
    f[21] = digits as f32 / n;
}

/// What stands around the quotation: the words before it, its place in its sentence and
/// paragraph, what follows it and a speech cue nearby.
fn around(seg: &Segmented, cues: &CueList, q: &Quote, sentence: Range<usize>, f: &mut [f32; N]) {
    let para = &seg.paragraphs[q.para].tokens;
    let before = |k: usize| (q.first >= para.start + k).then(|| q.first - k);
    let lower_is = |i: Option<usize>, set: &[&str]| {
        i.is_some_and(|i| seg.tokens[i].is_word() && with_lower(seg.word(i), |l| set.contains(&l)))
    };
    f[10] = f32::from(u8::from(
        lower_is(before(1), NAMING_WORDS) || lower_is(before(2), NAMING_WORDS),
    ));
    f[11] = f32::from(u8::from(lower_is(
        before(1),
        &[
            "the", "a", "an", "of", "in", "on", "at", "for", "with", "by", "from", "his", "her",
            "their", "its",
        ],
    )));
    f[12] = f32::from(u8::from(
        before(1).is_some_and(|i| seg.tokens[i].punct() == Some(':')),
    ));
    f[13] = f32::from(u8::from(sentence.start == q.first));
    f[14] = f32::from(u8::from(para.start == q.first));
    f[15] = f32::from(u8::from(para.start == q.first && q.last + 2 >= para.end));
    f[16] = f32::from(u8::from(
        q.last + 1 < para.end && seg.tokens[q.last + 1].punct() == Some(','),
    ));
    // The strongest listed cue within four tokens either side, in the paragraph.
    let window = q.first.saturating_sub(4).max(para.start)..(q.last + 5).min(para.end);
    let strongest = window
        .filter(|&i| (i < q.first || i > q.last) && seg.tokens[i].is_word())
        .map(|i| cues.strength_of_verb(seg.word(i)))
        .max()
        .unwrap_or(0);
    f[17] = f32::from(strongest) / 100.0;
}
