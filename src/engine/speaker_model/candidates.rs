//! Candidate speakers of one quotation: the rules' pick, the previous quotation's
//! speaker, the speaker mentions next to every cue word in the quotation's sentence,
//! and the sentence before it (the paragraph before's last one when the quotation opens
//! its paragraph), and "no speaker".
//!
//! The noun phrases are the rules' own (`NounPhrases`, implemented by attribution):
//! the rules stay the candidate generators, the model only chooses.

use std::ops::Range;

use super::super::cues::{CueList, ACCORDING_TO};
use super::super::lexicon as lex;
use super::super::quotes::Quote;
use super::super::text::{starts_upper, Segmented};
use super::super::words::with_lower;

/// What attribution lends the model: its noun-phrase finders and its quote map.
pub(crate) trait NounPhrases {
    /// The speaker mention ending right before cue token `c`, not before `floor`.
    fn np_left(&self, c: usize, floor: usize) -> Option<Range<usize>>;
    /// A speaker mention starting at token `start`, ending before `limit`.
    fn np_right(&self, start: usize, limit: usize) -> Option<Range<usize>>;
    /// 1 + the index of the quote holding token `t`, or 0.
    fn quote_at(&self, t: usize) -> u32;
    /// Long enough, or ending like a sentence, to be speech rather than a scare quote.
    fn speech_like(&self, q: &Quote) -> bool;
}

/// Where a candidate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// The model declines: the quotation stays without a speaker.
    Nobody,
    /// The attribution the rules gave the quotation (by index).
    Rule(usize),
    /// The attribution of the previous attributed quotation (by index).
    Previous(usize),
    /// A mention next to a cue word the model found around the quotation.
    Mention,
}

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub origin: Origin,
    /// Token ranges (empty for `Nobody`).
    pub speaker: Range<usize>,
    pub cue: Range<usize>,
    /// The rules' pick and the previous speaker are one candidate when they are the
    /// same mention.
    pub also_previous: bool,
    /// The subject of the sentence that introduces the quotation without a listed cue
    /// (`Ruiz went even further: "..."`); its cue is the words up to the quotation.
    pub intro: bool,
}

impl Candidate {
    pub fn nobody() -> Self {
        Candidate {
            origin: Origin::Nobody,
            speaker: 0..0,
            cue: 0..0,
            also_previous: false,
            intro: false,
        }
    }
}

/// The tokens the model looks at around a quotation: the sentence before (in the same
/// paragraph or the one right before) and the quotation's own. `sentences` are token
/// ranges in text order.
pub(crate) fn window(seg: &Segmented, sentences: &[Range<usize>], q: &Quote) -> Range<usize> {
    let holding = |t: usize| sentences.partition_point(|s| s.end <= t);
    let first = holding(q.first).min(sentences.len().saturating_sub(1));
    let last = holding(q.last).min(sentences.len().saturating_sub(1));
    let para_of = |s: usize| seg.tokens[sentences[s].start].para;
    let mut start = sentences.get(first).map_or(q.first, |s| s.start);
    if let Some(before) = first.checked_sub(1) {
        if para_of(before) + 1 >= q.para {
            start = sentences[before].start;
        }
    }
    // (The sentence after is left out: its mentions are seldom the speaker, and every
    // token looked at costs speed.)
    let end = sentences.get(last).map_or(q.last + 1, |s| s.end);
    // Bounded, so one long sentence keeps the pass linear.
    start.max(q.first.saturating_sub(60))..end.min(q.last + 61).max(q.last + 1)
}

/// Mentions next to cue words in `win`, outside quotations, with their cue.
pub(crate) fn mentions<N: NounPhrases>(
    seg: &Segmented,
    np: &N,
    cues: &CueList,
    sentences: &[Range<usize>],
    win: Range<usize>,
    out: &mut Vec<Candidate>,
) {
    // The rules' own cue gave their pick already.
    let known = out.get(1).map_or(0..0, |c| c.cue.clone());
    for c in win.clone() {
        // (Most words are no cue: asked first, the cheapest test first.)
        if !seg.tokens[c].is_word() || known.contains(&c) {
            continue;
        }
        let Some(len) = cue_len(seg, cues, c, win.end) else {
            continue;
        };
        // "the report:", "a voice over", "The scheduling": a word right after a
        // determiner or a possessive is a noun, not a verb (English has no "the said").
        if np.quote_at(c) != 0 || after_determiner(seg, c) {
            continue;
        }
        let cue = c..c + len;
        let mut push = |speaker: Range<usize>| {
            if !out.iter().any(|o| overlaps(&o.speaker, &speaker)) {
                out.push(Candidate {
                    origin: Origin::Mention,
                    speaker,
                    cue: cue.clone(),
                    also_previous: false,
                    intro: false,
                });
            }
        };
        if len == 1 || !is_according(seg, c) {
            if let Some(s) = np
                .np_left(c, win.start)
                .or_else(|| plain_left(seg, c, win.start))
                .or_else(|| modal_left(seg, np, c, win.start))
            {
                push(s);
            }
        }
        if let Some(s) = np.np_right(c + len, win.end) {
            push(s);
        }
        // `Diaz issued a statement, saying, "..."`: the subject opening the sentence.
        let opens = sentences[sentences
            .partition_point(|s| s.end <= c)
            .min(sentences.len() - 1)]
        .start;
        let opens = past_opening_quote(seg, np, opens, c);
        if opens >= win.start && opens < c {
            if let Some(s) = np.np_right(opens, c) {
                push(s);
            }
            // `Hours later, Diaz wrote back, saying "..."`: the subject after an opening
            // phrase.
            if let Some(comma) = (opens..c).find(|&k| seg.tokens[k].punct() == Some(',')) {
                if let Some(s) = np.np_right(comma + 1, c) {
                    push(s);
                }
            }
        }
    }
}

/// `"...," harbour pilot Ivo Brandt, wearing a yellow coat, said`: when a quotation
/// opens the sentence, its subject stands after the quotation (and the marks closing
/// it), not at the sentence start.
fn past_opening_quote<N: NounPhrases>(seg: &Segmented, np: &N, opens: usize, c: usize) -> usize {
    let mut k = opens;
    if np.quote_at(k) == 0 {
        return opens;
    }
    while k < c && (np.quote_at(k) != 0 || !seg.tokens[k].is_word()) {
        k += 1;
    }
    k
}

/// `A spokesman could only quip:`: a modal (and the adverbs the finder skips) between
/// the subject and its cue; the mention ending before the modal.
fn modal_left<N: NounPhrases>(
    seg: &Segmented,
    np: &N,
    c: usize,
    floor: usize,
) -> Option<Range<usize>> {
    let is_modal = |w: &str| {
        matches!(
            w,
            "could" | "would" | "can" | "will" | "must" | "might" | "may" | "should" | "did"
        )
    };
    // (One adverb between at most: "could only", "would later".)
    (c.saturating_sub(2)..c)
        .rev()
        .filter(|&k| k > floor && seg.tokens[k].is_word())
        .find(|&k| is_modal(seg.word(k)))
        .and_then(|k| np.np_left(k, floor))
}

/// `Ruiz went even further: "..."`, `In his last song, Berg sings, "..."`: the subject
/// of the sentence that introduces quotation `q` with a colon or a comma right before
/// it (also the colon closing the paragraph before), when no listed cue names the
/// speaker. Its cue is the words from the verb to the colon (the verb alone when they
/// run long, or before a comma). The model weighs them against the listed cues.
pub(crate) fn intro_subject<N: NounPhrases>(
    seg: &Segmented,
    np: &N,
    sentences: &[Range<usize>],
    q: &Quote,
    out: &mut Vec<Candidate>,
) {
    let Some(mark) = q.first.checked_sub(1) else {
        return;
    };
    let colon = match seg.tokens[mark].punct() {
        Some(':') => true,
        Some(',') => mark > 0 && seg.tokens[mark - 1].is_word(),
        _ => return,
    };
    if np.quote_at(mark) != 0 || (!colon && seg.tokens[mark].para != q.para) {
        return;
    }
    let at = sentences.partition_point(|s| s.end <= mark);
    let Some(sentence) = sentences.get(at) else {
        return;
    };
    let start = sentence.start.max(mark.saturating_sub(40));
    let after_comma = (start..mark)
        .find(|&k| seg.tokens[k].punct() == Some(','))
        .map(|k| k + 1);
    // "As the band sang, ...", "When Diaz wrote, ...": a subordinator or another
    // clause word opening the sentence is no subject; the one after it may be.
    let after_clause_word = (seg.tokens[start].is_word()
        && lex::is_clause_word_in_any_case(seg.word(start)))
    .then_some(start + 1);
    for from in std::iter::once(start)
        .chain(after_clause_word)
        .chain(after_comma)
    {
        let Some(mut speaker) = np.np_right(from, mark) else {
            continue;
        };
        // "But Fiorina was far less bubbly:": a sentence's conjunction is no name.
        while speaker.len() > 1 && lex::is_clause_word_in_any_case(seg.word(speaker.start)) {
            speaker.start += 1;
        }
        let verb = speaker.end;
        // ("Signs of ...:", "It's not ...:": a preposition or a negation is no verb, a
        // contracted pronoun no subject.)
        let is_verb = verb < mark
            && seg.tokens[verb].is_word()
            && seg.word(verb).starts_with(|ch: char| ch.is_lowercase())
            && !matches!(
                seg.word(verb),
                "of" | "for" | "from" | "to" | "about" | "on" | "at" | "by" | "in" | "with" | "not"
            )
            && !is_contracted_pronoun(seg.word(speaker.start));
        if !is_verb || out.iter().any(|o| overlaps(&o.speaker, &speaker)) {
            continue;
        }
        let end = if colon && mark + 1 - verb <= 8 {
            mark + 1
        } else {
            verb + 1
        };
        out.push(Candidate {
            origin: Origin::Mention,
            speaker,
            cue: verb..end,
            also_previous: false,
            intro: true,
        });
    }
}

/// `Carson did not mention them but told his supporters, "..."`: the listed cue right
/// before quotation `q` (a comma or colon between at most) is offered with every
/// candidate speaker before it in its sentence that came with another cue (the finders
/// give each mention once, with the first cue that found it).
pub(crate) fn cue_before_quote_variants(
    seg: &Segmented,
    cues: &CueList,
    sentences: &[Range<usize>],
    q: &Quote,
    out: &mut Vec<Candidate>,
) {
    let mut end = q.first;
    if end > 0 && matches!(seg.tokens[end - 1].punct(), Some(',' | ':')) {
        end -= 1;
    }
    let Some(cue) = (end.saturating_sub(4)..end)
        .rev()
        .filter(|&c| seg.tokens[c].is_word() && !after_determiner(seg, c))
        .find_map(|c| {
            cue_len(seg, cues, c, end)
                .filter(|&n| c + n == end)
                .map(|n| c..c + n)
        })
    else {
        return;
    };
    let sentence_of = |t: usize| sentences.partition_point(|s| s.end <= t);
    let at = sentence_of(cue.start);
    let n = out.len();
    for i in 0..n {
        let c = &out[i];
        let fits = c.origin != Origin::Nobody
            && c.speaker.end <= cue.start
            && c.cue != cue
            && sentence_of(c.speaker.start) == at
            && !out[n..].iter().any(|o| o.speaker == c.speaker);
        if fits {
            let variant = Candidate {
                origin: Origin::Mention,
                speaker: c.speaker.clone(),
                cue: cue.clone(),
                also_previous: false,
                intro: false,
            };
            out.push(variant);
        }
    }
}

/// "It's", "That's", "There's": a pronoun or clause word with a verb contracted.
pub(crate) fn is_contracted_pronoun(w: &str) -> bool {
    w.split_once(['\'', '\u{2019}']).is_some_and(|(stem, _)| {
        lex::pronoun(stem).is_some() || with_lower(stem, lex::is_clause_word)
    })
}

/// What the rules' finder leaves out right before cue `c`: `the statement said`, `one
/// user wrote`, `the club's website says` (a common noun after a determiner, one word
/// between at most), and a lone capitalised first name that is also a word (`Will
/// wrote`). The model weighs them (common nouns seldom win).
fn plain_left(seg: &Segmented, c: usize, floor: usize) -> Option<Range<usize>> {
    let word = |k: usize| {
        (k >= floor && seg.tokens[k].is_word() && seg.tokens[k].para == seg.tokens[c].para)
            .then(|| seg.word(k))
    };
    let noun = word(c.checked_sub(1)?)?;
    if starts_upper(noun) {
        // ("The", "In", "It's": a clause word that a first name never is.)
        let name = with_lower(noun, lex::is_clause_word)
            && lex::pronoun(noun).is_none()
            && !matches!(noun, "The" | "A" | "An")
            && !noun.contains(['\'', '\u{2019}'])
            && !with_lower(noun, |l| {
                matches!(
                    l,
                    "in" | "on" | "at" | "of" | "for" | "from" | "to" | "with" | "by"
                )
            });
        return name.then_some(c - 1..c);
    }
    // ("statement" is in the function-word and adverbial lists too: "in a statement".)
    let common = |w: &str| {
        w.starts_with(|ch: char| ch.is_lowercase())
            && (lex::is_document_word(w) || !(lex::is_function_word(w) || lex::is_adverbial(w)))
    };
    if !common(noun) {
        return None;
    }
    let leads = |w: &str| {
        lex::is_determiner(w) || matches!(w, "his" | "her" | "its" | "their" | "one" | "One")
    };
    for det in (c.saturating_sub(3)..c - 1).rev() {
        let w = word(det)?;
        if leads(w) {
            return Some(det..c);
        }
        if !common(w) {
            return None;
        }
    }
    None
}

/// `Ana Ruiz, a nurse in Lyon: "..."`, a headline's `Ruiz: Harbour Plan 'A Disgrace'`:
/// the mention ending at the last colon before quotation `q` in its paragraph, the
/// colon its cue.
pub(crate) fn colon_mention<N: NounPhrases>(
    seg: &Segmented,
    np: &N,
    win: Range<usize>,
    q: &Quote,
    out: &mut Vec<Candidate>,
) {
    let floor = win.start.max(seg.paragraphs[q.para].tokens.start);
    // (Nearest first, and not far: a colon ten tokens back still introduces.)
    let Some(colon) = (floor.max(q.first.saturating_sub(12))..q.first)
        .rev()
        .find(|&k| seg.tokens[k].punct() == Some(':') && np.quote_at(k) == 0)
    else {
        return;
    };
    if let Some(speaker) = np.np_left(colon, floor) {
        if !out.iter().any(|o| overlaps(&o.speaker, &speaker)) {
            out.push(Candidate {
                origin: Origin::Mention,
                speaker,
                cue: colon..colon + 1,
                also_previous: false,
                intro: false,
            });
        }
    }
}

/// The length of the cue at token `c` (a listed word or phrase, "according to"), or
/// `None` when no cue starts there.
fn cue_len(seg: &Segmented, cues: &CueList, c: usize, limit: usize) -> Option<usize> {
    // Cues are lower-case words (asked of every word around every quotation: the first
    // byte answers for most).
    let first = seg.text.as_bytes()[seg.tokens[c].start];
    if first.is_ascii() && !first.is_ascii_lowercase() {
        return None;
    }
    let w = seg.word(c);
    let para = seg.tokens[c].para;
    let n = cues.phrase_len(w, |k| {
        seg.tokens
            .get(c + k)
            .filter(|t| c + k < limit && t.is_word() && t.para == para)
            .map(|_| seg.word(c + k))
    });
    if n > 1 {
        return Some(n);
    }
    if first == b'a' && cues.according_to() && is_according(seg, c) && c + 1 < limit {
        return Some(ACCORDING_TO.split(' ').count());
    }
    // The learnt strength alone (no present tense from its past: that costs a lookup
    // of made-up words for every word; the rules' pick has those).
    let listed = w.starts_with(|ch: char| ch.is_lowercase())
        && cues.strength(w) >= super::features::MIN_CUE
        && !lex::is_function_word(w);
    listed.then_some(1)
}

/// Whether the word before token `c` is a determiner or a possessive pronoun.
fn after_determiner(seg: &Segmented, c: usize) -> bool {
    c > 0 && seg.tokens[c - 1].is_word() && {
        let w = seg.word(c - 1);
        // ("her" is an object too: "heard her say".)
        matches!(
            w,
            "the"
                | "The"
                | "a"
                | "A"
                | "an"
                | "An"
                | "his"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
        )
    }
}

fn is_according(seg: &Segmented, c: usize) -> bool {
    seg.word(c).eq_ignore_ascii_case("according")
        && seg.tokens.get(c + 1).is_some_and(|t| t.is_word())
        && seg.word(c + 1) == "to"
}

pub(crate) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
