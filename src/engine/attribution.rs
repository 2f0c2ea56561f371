//! Attribution: who said each quotation and with which cue, and indirect speech
//! ("X said that ...", "according to X, ...").
//!
//! Works on token indices within one paragraph at a time; every search is bounded
//! by the quote's own sentence, so the whole pass is linear in the text.
//!
//! Words are lower-cased for the closed word lists with `words::with_lower`, on the
//! stack: the lists are ASCII, so it finds the same words as `to_lowercase` without
//! allocating.

use std::ops::Range;

mod speaker_labels;

use super::cues::CueList;
use super::lexicon::{self as lex, is_particle, is_possessive, Pronoun};
use super::quotes::Quote;
use super::reported_model::{self, Shape, Subject};
use super::rule::Rule;
use super::speaker_model::{self, candidates::NounPhrases};
use super::text::{
    ends_sentence_at, is_sentence_end, starts_lower, starts_upper, Segmented, TokKind,
};
use super::words::{with_lower, ListBits, WordMap, WordSet};

/// A speech event: the speaker mention and the cue, as token ranges.
#[derive(Debug, Clone)]
pub struct Attr {
    pub speaker: Range<usize>,
    pub cue: Range<usize>,
    /// The pattern that found it ("quote-comma-name-cue"): provenance for the reviewer.
    pub rule: Rule,
}

/// What attribution made of one quote: its attribution, whether it stays, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteOutcome {
    /// `Some(index into attrs)` when attributed; `None` when unattributed.
    pub attr: Option<usize>,
    /// Whether the quote is kept as speech (attributed or speech-like).
    pub keep: bool,
    /// How a kept quote got its attribution ("quote-same-paragraph-speaker").
    pub rule: Rule,
}

impl QuoteOutcome {
    /// A quote before attribution has looked at it: no speaker, not kept.
    const UNDECIDED: QuoteOutcome = QuoteOutcome {
        attr: None,
        keep: false,
        rule: Rule::QuoteUnattributedSpeech,
    };
}

/// What attribution found.
#[derive(Debug, Default)]
pub struct Attributions {
    pub attrs: Vec<Attr>,
    /// What became of each quote, in the quotes' order.
    pub quotes: Vec<QuoteOutcome>,
    /// Indirect-speech contents (token ranges) and their attribution.
    pub contents: Vec<(Range<usize>, usize)>,
}

// Cue thresholds, in the unit of the learnt strengths (percent of a word's occurrences
// in PolNeAR train that are gold cues, `data/cues.txt`). All four were set by hand when
// the rules were written (commits 694b7ec, 560669b), never fitted: a threshold low next
// to a quotation, whose marks are evidence of speech already, higher where the verb
// alone must carry it. `lexicon::SPEECH_VERB_STRENGTH` sits between them on purpose.
/// Minimum cue strength of a verb right after a quote ("..." said X).
const NEAR_QUOTE_CUE: u8 = 4;
/// Minimum cue strength for indirect speech, where the verb alone must carry the evidence.
const INDIRECT_CUE: u8 = 20;
/// Minimum cue strength of a verb before a quote (X said: "...").
const BEFORE_QUOTE_CUE: u8 = 12;
/// A cue this strong is the cue even when its subject stands further back.
const STRONG_CUE: u8 = 50;
/// The weakest cue word offered to the reported-speech model (`reported_model`) as a
/// candidate: below `INDIRECT_CUE`, so the model may take weaker cues in a context that
/// tells (set by hand: lower adds candidates the model nearly always refuses).
const CANDIDATE_CUE: u8 = 5;

struct Attributor<'a, 't> {
    seg: &'a Segmented<'t>,
    cues: &'a CueList,
    /// For each token: 1 + index of the quote containing it, or 0.
    in_quote: Vec<u32>,
    found: Attributions,
    /// (Token indices hash with the fast hasher: looked up for every candidate cue.)
    by_cue: WordMap<usize, usize>,
    /// Cue tokens that follow the quote they attribute: no indirect content after them.
    after_quote_cue: WordSet<usize>,
    /// A strong cue without a subject that the last `before_quote` search met.
    subjectless: Option<usize>,
    /// Every reported-speech candidate with its features, for the model's trainer.
    reported_rows: Option<Vec<reported_model::ReportedRow>>,
}

pub fn attribute(seg: &Segmented, quotes: &[Quote], cues: &CueList) -> Attributions {
    attribute_recording(seg, quotes, cues, &super::text::sentences(seg), None, None)
}

/// [`attribute`] with the text's `sentences` (`text::sentences`), the speaker model's
/// candidates and features of every quotation put in `rows` and the reported-speech
/// model's of every cue candidate in `reported_rows` when given (their trainers').
pub(crate) fn attribute_recording(
    seg: &Segmented,
    quotes: &[Quote],
    cues: &CueList,
    sentences: &[Range<usize>],
    rows: Option<&mut Vec<speaker_model::QuoteRow>>,
    reported_rows: Option<&mut Vec<reported_model::ReportedRow>>,
) -> Attributions {
    let mut cx = Attributor {
        seg,
        cues,
        in_quote: quote_map(seg, quotes),
        found: Attributions::default(),
        by_cue: WordMap::default(),
        after_quote_cue: Default::default(),
        subjectless: None,
        reported_rows: reported_rows.is_some().then(Vec::new),
    };
    cx.found.quotes = vec![QuoteOutcome::UNDECIDED; quotes.len()];
    cx.attribute_quotes_in_order(quotes);
    cx.first_parts_take_later_speakers(quotes);
    cx.indirect_speech();
    cx.quotes_after_reported_speech(quotes);
    if let (Some(out), Some(got)) = (reported_rows, cx.reported_rows.take()) {
        out.extend(got);
    }
    // The learnt model chooses each quotation's speaker among the rules' candidates.
    let mut found = std::mem::take(&mut cx.found);
    speaker_model::choose(seg, &cx, cues, quotes, sentences, &mut found, rows);
    found
}

/// For each token, 1 + the index of the first quotation holding it, 0 outside quotes.
fn quote_map(seg: &Segmented, quotes: &[Quote]) -> Vec<u32> {
    let mut in_quote = vec![0u32; seg.tokens.len()];
    for (qi, q) in quotes.iter().enumerate() {
        for slot in &mut in_quote[q.first..=q.last] {
            if *slot == 0 {
                *slot = qi as u32 + 1;
            }
        }
    }
    in_quote
}

/// The quotations before the current one whose speaker it may continue.
#[derive(Clone, Copy, Default)]
struct EarlierQuotes {
    /// The last quote of the current paragraph.
    here: Option<usize>,
    /// The last quote of the paragraph right before.
    para_tail: Option<usize>,
}

/// A quotation's speaker as the rules find it.
struct QuoteSpeaker {
    /// The attribution found by the quotation's own cue (or colon paragraph).
    own: Option<usize>,
    /// The attribution chosen, own or taken over from an earlier quotation.
    attr: Option<usize>,
    /// The rule that chose `attr`.
    rule: Rule,
}

/// Inner words of a quote (without its marks).
fn inner_words(seg: &Segmented, q: &Quote) -> usize {
    (q.first..=q.last)
        .filter(|&i| seg.tokens[i].is_word())
        .count()
}

/// Long enough, or ending like a sentence, to be speech rather than a scare quote.
fn speech_like(seg: &Segmented, q: &Quote) -> bool {
    let words = inner_words(seg, q);
    let ends = q.last > q.first
        && seg.tokens[q.last - 1]
            .punct()
            .is_some_and(|c| is_sentence_end(c) || c == ',');
    !is_title_like(seg, q) && (words >= 6 || (ends && words >= 3))
}

/// Every word capitalised and no sentence punctuation: a title, not speech.
fn is_title_like(seg: &Segmented, q: &Quote) -> bool {
    let mut words = 0;
    for i in q.first..=q.last {
        let t = &seg.tokens[i];
        match t.kind {
            TokKind::Word => {
                let w = seg.word(i);
                words += 1;
                if !starts_upper(w) && !lex::is_name_joiner(w) && w != "a" && w != "to" && w != "in"
                {
                    return false;
                }
            }
            // American style sets the comma after a title inside the marks ("On
            // "Face the Nation," Sanders said").
            TokKind::Punct(',') if i + 1 == q.last => {}
            TokKind::Punct(c) if is_sentence_end(c) || c == ',' => return false,
            _ => {}
        }
    }
    words > 0 && words <= 8
}

/// [`lex::pronoun`], answering at once for a word longer than any pronoun. (Only
/// ASCII lower-cases to ASCII, byte for byte, but for the KELVIN SIGN's "k", which
/// no pronoun has: a longer word never lower-cases to one.)
fn pronoun(w: &str) -> Option<Pronoun> {
    if w.len() > "their".len() {
        return None;
    }
    lex::pronoun(w)
}

/// [`lex::is_determiner`], answering at once for a word longer than any
/// determiner (as for [`pronoun`]: none has a "k").
fn is_determiner(w: &str) -> bool {
    w.len() <= "another".len() && lex::is_determiner(w)
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "with" | "of" | "for" | "from" | "to" | "about" | "on" | "at" | "by" | "in" | "near"
    )
}

/// The span `before_quote` looks in: from the sentence start `before_start` to the
/// quotation's first token `qfirst`.
#[derive(Clone, Copy)]
struct BeforeQuote {
    before_start: usize,
    qfirst: usize,
}

/// A noun phrase `np_ending_at` grows leftwards: it ends before `end`, starts at `i`
/// and goes no further left than `floor`; `has_head` once a word fit to head it is in.
#[derive(Clone, Copy)]
struct LeftWalk {
    end: usize,
    floor: usize,
    i: usize,
    has_head: bool,
}

/// What the token left of a [`LeftWalk`] does to it.
enum LeftStep {
    /// The phrase takes in the tokens from `to` and goes on (`head`: a head word came in).
    Grow { to: usize, head: bool },
    /// The phrase takes in the tokens from `to` and stops there.
    Stop { to: usize, head: bool },
    /// The phrase stops as it is.
    End,
    /// The phrase before a bracket, which is the answer.
    Bracketed(Option<Range<usize>>),
}

/// What a word does to the noun phrase `np_right` grows rightwards.
enum RightStep {
    /// A head word: the phrase ends here unless more comes.
    Head,
    /// A word inside the phrase (a modifier, determiner or joiner), no head.
    Within,
    /// The phrase stops before it.
    End,
}

impl Attributor<'_, '_> {
    /// Each quotation's speaker, in text order, paragraph by paragraph (a quotation may
    /// take over the speaker of one before it).
    fn attribute_quotes_in_order(&mut self, quotes: &[Quote]) {
        let seg = self.seg;
        let mut cur_para = usize::MAX;
        let mut earlier = EarlierQuotes::default();
        for (qi, q) in quotes.iter().enumerate() {
            if q.para != cur_para {
                earlier.para_tail = earlier.here.filter(|&lq| quotes[lq].para + 1 == q.para);
                earlier.here = None;
                cur_para = q.para;
            }
            let QuoteSpeaker { own, attr, rule } = self.quote_speaker(quotes, qi, earlier);
            // `On "Face the Nation," Sanders said the plan ...`: a title before a cue whose
            // own content follows is not what was said.
            let attr =
                attr.filter(|&a| !(is_title_like(seg, q) && self.cue_opens_clause(a, q.last)));
            self.found.quotes[qi].attr = attr;
            self.found.quotes[qi].keep = attr.is_some() || speech_like(seg, q);
            self.found.quotes[qi].rule = if attr.is_some() {
                rule
            } else {
                Rule::QuoteUnattributedSpeech
            };
            if attr.is_some() && is_title_like(seg, q) && own.is_none() {
                self.found.quotes[qi].keep = false;
                self.found.quotes[qi].attr = None;
            }
            earlier.here = Some(qi);
        }
    }

    /// The speaker of quotation `qi`: its own, else that of the quotation it continues,
    /// of an earlier one in its paragraph, or of the one ending the paragraph before.
    fn quote_speaker(
        &mut self,
        quotes: &[Quote],
        qi: usize,
        earlier: EarlierQuotes,
    ) -> QuoteSpeaker {
        let seg = self.seg;
        let q = &quotes[qi];
        let mut rule = Rule::QuoteUnattributedSpeech;
        let own = self
            .attribute_quote(quotes, qi)
            .inspect(|&a| rule = self.found.attrs[a].rule)
            .or_else(|| {
                rule = Rule::QuoteAfterColonParagraph;
                (q.first == seg.paragraphs[q.para].tokens.start && q.continues.is_none())
                    .then(|| self.colon_paragraph_before(q.para))
                    .flatten()
            });
        let attr = own
            .or_else(|| {
                rule = Rule::QuoteContinuesQuote;
                q.continues.and_then(|p| self.found.quotes[p].attr)
            })
            .or_else(|| {
                rule = Rule::QuoteSameParagraphSpeaker;
                earlier.here.and_then(|p| self.found.quotes[p].attr)
            })
            .or_else(|| {
                // A paragraph that is only a quotation continues the speaker of the
                // quote that ended the paragraph before, as a statement of its own.
                rule = Rule::QuoteParagraphAfterSpeaker;
                let para = &seg.paragraphs[q.para];
                (q.first == para.tokens.start && q.last + 2 >= para.tokens.end)
                    .then(|| earlier.para_tail.and_then(|p| self.found.quotes[p].attr))
                    .flatten()
                    .map(|a| self.same_speaker_again(a, Rule::QuoteParagraphAfterSpeaker))
            });
        QuoteSpeaker { own, attr, rule }
    }

    /// The first part of a multi-paragraph quote takes the speaker named after a
    /// later part.
    fn first_parts_take_later_speakers(&mut self, quotes: &[Quote]) {
        for (qi, q) in quotes.iter().enumerate().rev() {
            if let (Some(p), Some(a)) = (q.continues, self.found.quotes[qi].attr) {
                if self.found.quotes[p].attr.is_none() {
                    self.found.quotes[p].attr = Some(a);
                    self.found.quotes[p].keep = true;
                    self.found.quotes[p].rule = Rule::QuoteFirstPartTakesLaterSpeaker;
                }
            }
        }
    }

    /// A cue next to a quotation: a listed cue, or an unknown past-tense verb (a
    /// guess; never a cue the person removed from the list).
    fn near_cue(&self, w: &str) -> bool {
        if lex::is_function_word(w) || lex::is_adverbial(w) || !starts_lower(w) {
            return false;
        }
        self.cues.strength_of_verb(w) >= NEAR_QUOTE_CUE
            || (w.ends_with("ed") && w.len() > 4 && !self.cues.is_removed(w))
    }

    fn word(&self, i: usize) -> &str {
        self.seg.word(i)
    }
    /// The closed word lists of token `i`'s word (the token table's answer).
    fn lists(&self, i: usize) -> ListBits {
        self.seg.lists(i)
    }
    /// The length in tokens of the listed cue phrase ("pointed out", "went on")
    /// starting at token `i`, or 0. Looked up where a cue may stand, not for every
    /// token: the list's filter of first words answers most words at once.
    fn phrase_at(&self, i: usize) -> usize {
        if !self.cues.has_phrases() || !self.is_word(i) {
            return 0;
        }
        let seg = self.seg;
        let para = seg.tokens[i].para;
        let n = self.cues.phrase_len(seg.word(i), |k| {
            seg.tokens
                .get(i + k)
                .filter(|t| t.is_word() && t.para == para)
                .map(|_| seg.word(i + k))
        });
        if n > 1 {
            n
        } else {
            0
        }
    }
    fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].is_word()
    }
    fn punct(&self, i: usize) -> Option<char> {
        self.seg.tokens[i].punct()
    }

    /// `The tuft cell, Herbert said, is always sensing. "Once ... bam!"`: a quotation
    /// without an attribution of its own, opening the sentence right after reported
    /// speech in its paragraph, is the same speaker's. It gets an attribution of its
    /// own (same speaker and cue) so that the quote and the reported speech stay two
    /// statements.
    fn quotes_after_reported_speech(&mut self, quotes: &[Quote]) {
        if self.found.contents.is_empty() {
            return;
        }
        // Contents in text order (they are found paragraph by paragraph).
        let mut ci = 0;
        for (qi, q) in quotes.iter().enumerate() {
            if self.found.quotes[qi].attr.is_some() || q.continues.is_some() {
                continue;
            }
            while ci + 1 < self.found.contents.len() && self.found.contents[ci + 1].0.end <= q.first
            {
                ci += 1;
            }
            // Of reported speech nested in reported speech ("Ruiz says he has tried to
            // ..."), ending at the same word, the outermost is the speaker's.
            let end = self.found.contents[ci].0.end;
            let outer = (0..=ci)
                .rev()
                .take_while(|&k| self.found.contents[k].0.end == end)
                .min_by_key(|&k| self.found.contents[k].0.start)
                .unwrap_or(ci);
            let (content, a) = self.found.contents[outer].clone();
            let para = &self.seg.paragraphs[q.para].tokens;
            // A quotation that is a paragraph of its own may follow reported speech that
            // closed the paragraph before (`Ruiz says he is calm. ¶ "We will get there."`).
            let own_paragraph = q.first == para.start && q.last + 2 >= para.end;
            let floor = match q.para.checked_sub(1) {
                Some(p) if own_paragraph => self.seg.paragraphs[p].tokens.start,
                _ => para.start,
            };
            if content.end > q.first || content.end < floor || content.is_empty() {
                continue;
            }
            // Only sentence-closing marks between the reported speech and the quote.
            let gap_ok = (content.end..q.first).all(|k| {
                self.punct(k).is_some_and(|c| {
                    is_sentence_end(c) || matches!(c, '"' | '\u{201d}' | ')' | ',')
                }) || (self.is_word(k) && self.found.attrs[a].cue.contains(&k))
                    || self.found.attrs[a].speaker.contains(&k)
            });
            let opens_sentence =
                q.first == para.start || ends_sentence_at(self.seg, q.first - 1, para.end);
            if !gap_ok || !opens_sentence || !speech_like(self.seg, q) {
                continue;
            }
            let rule = if content.end < para.start {
                Rule::QuoteParagraphAfterReportedSpeech
            } else {
                Rule::QuoteAfterReportedSpeech
            };
            let again = self.same_speaker_again(a, rule);
            self.found.quotes[qi].attr = Some(again);
            self.found.quotes[qi].keep = true;
            self.found.quotes[qi].rule = rule;
        }
    }

    /// A new attribution with the speaker and cue of `a`: a quotation in a paragraph of
    /// its own after an attributed one (“A,” Ruiz said. ¶ “B.”) is a statement of its
    /// own (QUOTE-PROTOCOL: a quotation with no verb of its own takes the source and
    /// verb of the sentence before), not more of the first one.
    fn same_speaker_again(&mut self, a: usize, rule: Rule) -> usize {
        let at = self.found.attrs[a].clone();
        self.found.attrs.push(Attr { rule, ..at });
        self.found.attrs.len() - 1
    }

    /// Whether attribution `a` has its cue after token `after` and a clause of its
    /// own right after the cue ("said the plan would ...", "said that ...").
    fn cue_opens_clause(&self, a: usize, after: usize) -> bool {
        let cue = &self.found.attrs[a].cue;
        let k = cue.end;
        cue.start > after
            && k < self.seg.tokens.len()
            && self.is_word(k)
            && self.in_quote[k] == 0
            && {
                let w = self.word(k);
                is_determiner(w) || pronoun(w).is_some() || w == "that"
            }
    }

    fn add_attr(&mut self, speaker: Range<usize>, cue: Range<usize>, rule: Rule) -> usize {
        if let Some(&a) = self.by_cue.get(&cue.start) {
            return a;
        }
        self.found.attrs.push(Attr {
            speaker,
            cue: cue.clone(),
            rule,
        });
        let a = self.found.attrs.len() - 1;
        self.by_cue.insert(cue.start, a);
        a
    }

    /// Find the quote's own attribution in its sentence, after it first, then before.
    fn attribute_quote(&mut self, quotes: &[Quote], qi: usize) -> Option<usize> {
        let q = &quotes[qi];
        let para = &self.seg.paragraphs[q.para];
        let pend = para.tokens.end;
        // After the quote: up to the next quote in the paragraph or the sentence end.
        let next_quote = quotes
            .get(qi + 1)
            .filter(|n| n.para == q.para)
            .map_or(pend, |n| n.first);
        let after_start = q.last + 1;
        let after_end = self.after_part_end(after_start, next_quote, pend);
        let opens_sentence =
            q.first == para.tokens.start || ends_sentence_at(self.seg, q.first - 1, pend);
        let quote_ends_sentence = q.last > q.first
            && self.punct(q.last - 1).is_some_and(|c| c == '.')
            && after_start < pend
            && self.is_word(after_start)
            && starts_upper(self.word(after_start));
        if !quote_ends_sentence || q.single {
            if let Some(a) = self.after_quote(after_start, after_end, opens_sentence) {
                return Some(a);
            }
        }
        // Before the quote: back to the previous quote or the sentence start.
        let prev_quote_end = if qi > 0 && quotes[qi - 1].para == q.para {
            quotes[qi - 1].last + 1
        } else {
            para.tokens.start
        };
        let before_start = self.before_part_start(q.first, prev_quote_end, pend);
        if let Some(a) = self.before_quote(before_start, q.first) {
            return Some(a);
        }
        // `"...," Blige sings to Clinton before asking her, "..."`: a cue without its
        // own subject after the previous quote of the sentence is that speaker's.
        let same_sentence =
            before_start == prev_quote_end && qi > 0 && quotes[qi - 1].para == q.para;
        if let (Some(sc), true) = (self.subjectless.take(), same_sentence) {
            if let Some(pa) = self.found.quotes[qi - 1].attr {
                let speaker = self.found.attrs[pa].speaker.clone();
                return Some(self.add_attr(
                    speaker,
                    sc..sc + 1,
                    Rule::QuoteParticipleCueAfterQuote,
                ));
            }
        }
        if let Some(a) = self.dash_signature_after(q) {
            return Some(a);
        }
        if quote_ends_sentence && !q.single {
            return self.cue_at_once_after(after_start, after_end);
        }
        None
    }

    /// The end of the part after a quotation ending before `after_start`: the sentence
    /// end, the next quote (`next_quote`) or 45 tokens on, whichever comes first.
    fn after_part_end(&self, after_start: usize, next_quote: usize, pend: usize) -> usize {
        let mut after_end = after_start;
        while after_end < next_quote && after_end < after_start + 45 {
            if ends_sentence_at(self.seg, after_end, pend) {
                break;
            }
            after_end += 1;
        }
        after_end
    }

    /// The start of the part before a quotation starting at `first`: the sentence start
    /// or the end of the quote before (`prev_quote_end`), whichever is nearer.
    fn before_part_start(&self, first: usize, prev_quote_end: usize, pend: usize) -> usize {
        let mut before_start = first;
        while before_start > prev_quote_end {
            if ends_sentence_at(self.seg, before_start - 1, pend) {
                break;
            }
            before_start -= 1;
        }
        before_start
    }

    /// `"...." Pompeo said.`: after a quotation ending its sentence, a speaker only when
    /// the cue follows at once (an attribution found further on is taken back).
    fn cue_at_once_after(&mut self, after_start: usize, after_end: usize) -> Option<usize> {
        let before = self.found.attrs.len();
        if let Some(a) = self.after_quote(after_start, after_end, false) {
            if self.found.attrs[a].cue.start <= after_start + 6 {
                return Some(a);
            }
            if self.found.attrs.len() > before {
                if let Some(dropped) = self.found.attrs.pop() {
                    self.by_cue.remove(&dropped.cue.start);
                    self.after_quote_cue.remove(&dropped.cue.start);
                }
            }
        }
        None
    }

    /// `"...." ¶ — Ana Ruiz, Lyon.`: a quotation closing its paragraph, signed in the
    /// next one by a dash and a name (the dash its cue, as on the same line).
    fn dash_signature_after(&mut self, q: &Quote) -> Option<usize> {
        let seg = self.seg;
        if q.last + 1 != seg.paragraphs[q.para].tokens.end {
            return None;
        }
        let next = seg.paragraphs.get(q.para + 1)?.tokens.clone();
        let dash = next.start;
        if !self
            .punct(dash)
            .is_some_and(|c| matches!(c, '\u{2015}' | '\u{2014}' | '\u{2013}' | '-'))
        {
            return None;
        }
        let np = self.np_right(dash + 1, next.end).filter(|np| {
            np.end >= next.end || self.punct(np.end).is_some_and(|c| matches!(c, '.' | ','))
        })?;
        Some(self.add_attr(np, dash..dash + 1, Rule::QuoteDashName))
    }

    /// `"...," Pompeo said` / `"...," said Pompeo` / `"...," Pompeo, the secretary, said`.
    fn after_quote(
        &mut self,
        after_start: usize,
        after_end: usize,
        opens_sentence: bool,
    ) -> Option<usize> {
        // Only after speech-like endings (`,"`, `?"`, `!"`) or a following comma or dash.
        if !self.quote_ends_speech_like(after_start)
            && !self.separator_after(after_start, after_end)
        {
            // `"... unlikely" that Sanders can catch up, said Steve Elmendorf.`
            return (opens_sentence && after_start < after_end && self.is_word(after_start))
                .then(|| {
                    (after_start + 1..after_end)
                        .find_map(|c| self.trailing_speaker(after_start, c, after_end))
                })
                .flatten();
        }
        if let Some(a) = self.dash_name_after(after_start, after_end) {
            return Some(a);
        }
        let s = self.skip_separators(after_start, after_end);
        if s >= after_end {
            return None;
        }
        self.according_to_after(s, after_end)
            .or_else(|| self.inverted_cue_after(s, after_end))
            .or_else(|| (s + 1..after_end).find_map(|c| self.speaker_first_at(s, c, after_end)))
    }

    /// Whether the quotation closing before `after_start` ends in speech-like
    /// punctuation (`,"`, `?"`, `!"`, `."`, a dash or an ellipsis), past its closing marks.
    fn quote_ends_speech_like(&self, after_start: usize) -> bool {
        let mut k = after_start.saturating_sub(2);
        while k > 0
            && self
                .punct(k)
                .is_some_and(|c| matches!(c, '\'' | '\u{2019}' | '"' | '\u{201d}'))
        {
            k -= 1;
        }
        after_start >= 2
            && self
                .punct(k)
                .is_some_and(|c| matches!(c, ',' | '?' | '!' | '.' | '\u{2014}' | '-' | '\u{2026}'))
    }

    /// Whether a comma, dash or colon follows the quotation at `after_start`.
    fn separator_after(&self, after_start: usize, after_end: usize) -> bool {
        after_start < after_end
            && self
                .punct(after_start)
                .is_some_and(|c| matches!(c, ',' | '\u{2014}' | '\u{2013}' | '-' | ':'))
    }

    /// `"..." ― Karen Bobadilla`: a dash before a bare name is the cue.
    fn dash_name_after(&mut self, after_start: usize, after_end: usize) -> Option<usize> {
        if !(after_start < after_end
            && self
                .punct(after_start)
                .is_some_and(|c| matches!(c, '\u{2015}' | '\u{2014}' | '\u{2013}' | '-')))
        {
            return None;
        }
        let np = self.np_right(after_start + 1, after_end).filter(|np| {
            np.end >= after_end
                || self
                    .punct(np.end)
                    .is_some_and(|c| matches!(c, '.' | ',' | '('))
        })?;
        Some(self.add_attr(np, after_start..after_start + 1, Rule::QuoteDashName))
    }

    /// The first token of the after-part past its commas, dashes, brackets and colons.
    fn skip_separators(&self, after_start: usize, after_end: usize) -> usize {
        let mut s = after_start;
        while s < after_end
            && self
                .punct(s)
                .is_some_and(|c| matches!(c, ',' | '\u{2014}' | '\u{2013}' | '-' | ')' | ':'))
        {
            s += 1;
        }
        s
    }

    /// `"...," according to the report.`
    fn according_to_after(&mut self, s: usize, after_end: usize) -> Option<usize> {
        if !(self.cues.according_to()
            && s + 2 < after_end
            && self.word(s).eq_ignore_ascii_case("according")
            && self.word(s + 1) == "to")
        {
            return None;
        }
        let np = self.np_right(s + 2, after_end)?;
        self.after_quote_cue.insert(s);
        Some(self.add_attr(np, s..s + 2, Rule::QuoteAccordingTo))
    }

    /// Inverted: cue first (`"...," said Pompeo`).
    fn inverted_cue_after(&mut self, s: usize, after_end: usize) -> Option<usize> {
        if !(self.is_word(s) && self.near_cue(self.word(s)) && pronoun(self.word(s)).is_none()) {
            return None;
        }
        let np = self.np_right(s + 1, after_end)?;
        let rule = if self.cues.strength(self.word(s)) >= NEAR_QUOTE_CUE {
            Rule::QuoteCommaCueName
        } else {
            Rule::QuoteCommaUnlistedVerbName
        };
        self.after_quote_cue.insert(s);
        Some(self.add_attr(np, s..s + 1, rule))
    }

    /// Speaker first, with the cue at `c`: the NP must start the after-part at `s`.
    fn speaker_first_at(&mut self, s: usize, c: usize, after_end: usize) -> Option<usize> {
        if !self.is_word(c) {
            return None;
        }
        let w = self.word(c);
        let loose = self.loose_present_verb(s, c);
        let phrase = self.phrase_at(c) > 1;
        if !self.near_cue(w) && !loose && !phrase {
            return None;
        }
        if self.cue_gives_way(c, after_end) {
            return None;
        }
        if let Some(np) = self.np_left(c, s).filter(|np| np.start <= s + 1) {
            let rule = if phrase || self.cues.strength(w) >= NEAR_QUOTE_CUE {
                Rule::QuoteCommaNameCue
            } else if loose && !self.near_cue(w) {
                Rule::QuotePronounPresentVerb
            } else {
                Rule::QuoteCommaNameUnlistedVerb
            };
            let cue = self.extend_cue(c, after_end);
            self.after_quote_cue.insert(c);
            return Some(self.add_attr(np, cue, rule));
        }
        if let Some(a) = self.apposition_then_cue(s, c) {
            return Some(a);
        }
        if self.cues.strength_of_verb(self.word(c)) < INDIRECT_CUE {
            return None;
        }
        // `"...," former State policy planning director Anne-Marie Slaughter wrote`:
        // the words between the quote and a strong cue are its subject.
        if let Some(np) = self.subject_between(s, c) {
            self.after_quote_cue.insert(c);
            return Some(self.add_attr(np, c..c + 1, Rule::QuoteCommaPhraseCue));
        }
        self.trailing_speaker(s, c, after_end)
    }

    /// Right after a pronoun or a short name any present-tense verb at `c` is the cue
    /// ("she yells", "Blige sings"), though no listed one.
    fn loose_present_verb(&self, s: usize, c: usize) -> bool {
        let w = self.word(c);
        (c == s + 1 && pronoun(self.word(s)).is_some()
            || c <= s + 3 && (s..c).all(|k| self.is_word(k) && starts_upper(self.word(k))))
            && !self.lists(c).function()
            && !self.lists(c).adverbial()
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.starts_with(|ch: char| ch.is_lowercase())
            && !self.cues.is_removed(w)
    }

    /// Whether the would-be cue at `c` is rather part of a noun phrase or gives way to
    /// a stronger cue right after it.
    fn cue_gives_way(&self, c: usize, after_end: usize) -> bool {
        let w = self.word(c);
        // "White House press secretary Josh Earnest said": "press" modifies a noun
        // phrase that goes on.
        if c + 1 < after_end
            && self.is_word(c + 1)
            && (starts_upper(self.word(c + 1)) || self.lists(c + 1).role())
            && self.cues.strength(w) < STRONG_CUE
        {
            return true;
        }
        // "a voice-over in the ad says": a weak cue (a noun, often) gives way to a
        // strong one right after it.
        // ("quipped in reference to": a word after a preposition or a determiner is a
        // noun, no cue to give way to.)
        self.cues.strength(w) < INDIRECT_CUE
            && (c + 1..after_end.min(c + 4)).any(|k| {
                self.is_word(k)
                    && !self.after_preposition_or_determiner(k)
                    && self.near_cue(self.word(k))
                    && self.cues.strength_of_verb(self.word(k)) >= INDIRECT_CUE
            })
    }

    /// `"...," Scott Pruitt, the attorney general of Oklahoma, one of ..., said`: a name
    /// and its apposition between the quote (at `s`) and the cue at `c`.
    fn apposition_then_cue(&mut self, s: usize, c: usize) -> Option<usize> {
        if !(c > s + 2
            && self.punct(c - 1) == Some(',')
            && self.cues.strength(self.word(c)) >= INDIRECT_CUE)
        {
            return None;
        }
        // (`Washington, D.C., said`: a place and its region is no speaker.)
        let np = self.np_right(s, c).filter(|np| {
            self.punct(np.end) == Some(',') && !self.is_place_pair(np, np.end + 1..c - 1)
        })?;
        self.after_quote_cue.insert(c);
        Some(self.add_attr(np, c..c + 1, Rule::QuoteCommaNameAppositionCue))
    }

    /// A partial quote the sentence goes on from, its speaker at the end:
    /// `"...," and donations began to pick up, Gilbert said.` /
    /// `"..." that Sanders can catch Clinton, said Steve Elmendorf, ...`, with the cue
    /// at `c` and the sentence running from `s` to `after_end`. The sentence is reported
    /// speech: its content is left to `indirect_speech`.
    fn trailing_speaker(&mut self, s: usize, c: usize, after_end: usize) -> Option<usize> {
        if !self.is_word(c) || self.cues.strength_of_verb(self.word(c)) < INDIRECT_CUE {
            return None;
        }
        if let Some(np) = self.np_left(c, s).filter(|np| {
            np.start > s + 2
                && self.punct(np.start - 1) == Some(',')
                && self.only_adverbials(c + 1, after_end)
        }) {
            return Some(self.add_attr(np, c..c + 1, Rule::PartialQuoteContentNameCue));
        }
        if c > s + 2 && self.punct(c - 1) == Some(',') {
            if let Some(np) = self
                .np_right(c + 1, after_end)
                .filter(|np| np.end >= after_end || self.punct(np.end) == Some(','))
            {
                return Some(self.add_attr(np, c..c + 1, Rule::PartialQuoteContentCueName));
            }
        }
        None
    }

    /// The subject of a cue at `c` right after a quote: every token from `s` to the
    /// cue is a word of one short noun phrase ("a voice-over in the ad", "former
    /// State policy planning director Anne-Marie Slaughter").
    fn subject_between(&self, s: usize, c: usize) -> Option<Range<usize>> {
        if c <= s || c > s + 9 || self.in_quote[s..c].iter().any(|&q| q != 0) {
            return None;
        }
        let mut head = false;
        for k in s..c {
            if !self.is_word(k) {
                return None;
            }
            let w = self.word(k);
            if (self.lists(k).pronoun().is_some() && k > s)
                || (starts_upper(w) && self.lists(k).clause())
                || matches!(
                    w,
                    "who" | "that" | "which" | "and" | "but" | "as" | "when" | "if"
                )
                || (k > s && self.cues.strength(w) >= STRONG_CUE)
                // "a few minutes later said": a span of time, not a subject.
                || lex::is_time_unit(w)
            {
                return None;
            }
            head |= starts_upper(w) || self.lists(k).role();
        }
        head |= matches!(self.word(s), "a" | "an" | "the" | "A" | "An" | "The");
        let last = self.word(c - 1);
        (head && !self.lists(c - 1).function() && !lex::is_name_joiner(last)).then_some(s..c)
    }

    /// `He said:` closing the paragraph before a quotation that opens the next one.
    fn colon_paragraph_before(&mut self, para: usize) -> Option<usize> {
        let p = self.seg.paragraphs.get(para.checked_sub(1)?)?;
        let last = p.tokens.end - 1;
        if self.punct(last) != Some(':') || self.in_quote[last] != 0 {
            return None;
        }
        let mut before_start = last;
        while before_start > p.tokens.start
            && !ends_sentence_at(self.seg, before_start - 1, p.tokens.end)
        {
            before_start -= 1;
        }
        self.before_quote(before_start, last)
    }

    /// `Pompeo said: "..."`, `according to Pompeo, "..."`, `Pompeo said the plan was "a mess."`.
    fn before_quote(&mut self, before_start: usize, qfirst: usize) -> Option<usize> {
        if before_start >= qfirst {
            return None;
        }
        if let Some(a) = self.name_colon_after_dash(before_start, qfirst) {
            return Some(a);
        }
        // Nearest cue first. A strong cue without its own subject ("... and repeatedly
        // says, "..."", "..., saying, "..."") stays the cue of the subject found further back.
        let mut subjectless: Option<usize> = None;
        self.subjectless = None;
        let span = BeforeQuote {
            before_start,
            qfirst,
        };
        for c in (before_start..qfirst).rev() {
            if self.in_quote[c] != 0 || !self.is_word(c) {
                continue;
            }
            if let Some(a) = self.cue_before_at(span, c, &mut subjectless) {
                return Some(a);
            }
        }
        if let Some(a) = self
            .inverted_cue_opening(span)
            .or_else(|| self.name_colon_before(span))
        {
            return Some(a);
        }
        // `Another source familiar with his thinking said, "..."`: a strong cue right
        // after the words opening the sentence, whatever they are.
        if let Some(sc) = subjectless {
            if let Some(np) = self.subject_between(before_start, sc) {
                return Some(self.add_attr(np, sc..sc + 1, Rule::PhraseCueQuote));
            }
        }
        self.subjectless = subjectless;
        None
    }

    /// The speaker of the quotation at `span.qfirst` with its cue at `c`, if any;
    /// records in `subjectless` the nearest strong cue without a subject of its own.
    fn cue_before_at(
        &mut self,
        span: BeforeQuote,
        c: usize,
        subjectless: &mut Option<usize>,
    ) -> Option<usize> {
        let BeforeQuote {
            before_start,
            qfirst,
        } = span;
        let w = self.word(c);
        if self.cues.according_to()
            && w.eq_ignore_ascii_case("according")
            && c + 1 < qfirst
            && self.word(c + 1) == "to"
        {
            if let Some(np) = self.np_right(c + 2, qfirst) {
                return Some(self.add_attr(np, c..c + 2, Rule::AccordingToQuote));
            }
        }
        // "as The New Yorker put it, "..."".
        if w == "put" && c + 1 < qfirst && self.word(c + 1) == "it" {
            if let Some(np) = self.np_left(c, before_start) {
                return Some(self.add_attr(np, c..c + 2, Rule::NamePutItQuote));
            }
        }
        if (self.cues.strength(w) >= BEFORE_QUOTE_CUE || self.phrase_at(c) > 1)
            && !self.lists(c).function()
            && w.starts_with(|ch: char| ch.is_lowercase())
        {
            return self.listed_cue_before(span, c, subjectless);
        }
        None
    }

    /// The speaker for the cue-like word at `c` before a quotation: its subject on the
    /// left, or the name right after it (`said Pompeo, "..."`).
    fn listed_cue_before(
        &mut self,
        span: BeforeQuote,
        c: usize,
        subjectless: &mut Option<usize>,
    ) -> Option<usize> {
        let BeforeQuote {
            before_start,
            qfirst,
        } = span;
        let w = self.word(c);
        // "X endorsed Clinton, saying, "..."": a participle after a comma
        // speaks for its clause's subject, never for the noun left of the comma
        // ("Clinton"), nor for an opening phrase ("Two days later, X wrote
        // back, saying").
        if w.ends_with("ing") && c > before_start + 1 && self.punct(c - 1) == Some(',') {
            if let Some(np) = self.participle_subject(before_start, c) {
                return Some(self.add_attr(np, c..c + 1, Rule::ParticipleSubjectQuote));
            }
        }
        // "X laughed and said, "..."": the second verb of a coordination has the
        // subject of the first, not the noun left of "and" ("X thanked the crowd and
        // said").
        if let Some(link) = self.coordination_before(before_start, c) {
            if let Some(np) = self
                .subject_of_verb_before(before_start, link)
                .or_else(|| self.participle_subject(before_start, link))
            {
                return Some(self.add_attr(np, c..c + 1, Rule::ParticipleSubjectQuote));
            }
        }
        if let Some(a) = self.subject_of_cue_before(span, c, *subjectless) {
            return Some(a);
        }
        let w = self.word(c);
        if subjectless.is_none()
            && self.cues.strength(w) >= STRONG_CUE
            && (self.punct(c + 1).is_some_and(|p| p == ',' || p == ':') || w.ends_with("ing"))
        {
            *subjectless = Some(c);
        }
        if c + 1 < qfirst {
            if let Some(np) = self.np_right(c + 1, qfirst).filter(|np| {
                np.start == c + 1 && self.punct(np.end).is_some_and(|p| p == ',' || p == ':')
            }) {
                return Some(self.add_attr(np, c..c + 1, Rule::CueNameQuote));
            }
        }
        None
    }

    /// The noun phrase left of cue `c` as its speaker (with the distant subjectless
    /// cue, when there is one, as the cue).
    fn subject_of_cue_before(
        &mut self,
        span: BeforeQuote,
        c: usize,
        subjectless: Option<usize>,
    ) -> Option<usize> {
        let BeforeQuote {
            before_start,
            qfirst,
        } = span;
        // "X attacked Clinton for her support ..., saying, "..."": a
        // possessive "her" is not the subject a participle cue needs.
        let np = self
            .np_left(c, before_start)
            .filter(|np| subjectless.is_none() || np.len() > 1 || self.word(np.start) != "her")?;
        // "Another source familiar with his thinking said": the noun
        // phrase after a preposition is not the subject; the sentence's
        // opening words are.
        let np = match np.start.checked_sub(1) {
            Some(p) if p > before_start && self.is_word(p) && is_preposition(self.word(p)) => {
                self.subject_between(before_start, c).unwrap_or(np)
            }
            _ => np,
        };
        let (cue, rule) = match subjectless {
            Some(sc) => (sc..sc + 1, Rule::NameDistantCueQuote),
            None => (self.extend_cue(c, qfirst), Rule::NameCueQuote),
        };
        Some(self.add_attr(np, cue, rule))
    }

    /// `Said Ellis: "..."`: an inverted cue opening the sentence.
    fn inverted_cue_opening(&mut self, span: BeforeQuote) -> Option<usize> {
        let BeforeQuote {
            before_start,
            qfirst,
        } = span;
        if !(self.is_word(before_start)
            && starts_upper(self.word(before_start))
            && with_lower(self.word(before_start), |l| self.near_cue(l)))
        {
            return None;
        }
        let np = self
            .np_right(before_start + 1, qfirst)
            .filter(|np| self.punct(np.end).is_some_and(|c| c == ':' || c == ','))?;
        Some(self.add_attr(np, before_start..before_start + 1, Rule::InvertedCueQuote))
    }

    /// `Polls move late - Ana Ruiz: "..."`: a name between a dash and the colon right
    /// before the quotation is its speaker, whatever cue-like words the topic before
    /// the dash holds (`Media shares blame - Ruiz:`).
    fn name_colon_after_dash(&mut self, before_start: usize, qfirst: usize) -> Option<usize> {
        let colon = qfirst
            .checked_sub(1)
            .filter(|&k| self.punct(k) == Some(':'))?;
        let np = self.np_left(colon, before_start)?;
        let dash = np.start.checked_sub(1).filter(|&k| k > before_start)?;
        let after_dash = self
            .punct(dash)
            .is_some_and(|c| matches!(c, '\u{2014}' | '\u{2013}' | '-'));
        let named = np
            .clone()
            .all(|k| self.is_word(k) && starts_upper(self.word(k)));
        (after_dash && named).then(|| self.add_attr(np, colon..colon + 1, Rule::NameColonQuote))
    }

    /// `Pompeo: "..."` at the start of a sentence.
    fn name_colon_before(&mut self, span: BeforeQuote) -> Option<usize> {
        let BeforeQuote {
            before_start,
            qfirst,
        } = span;
        if !(qfirst >= 2 && self.punct(qfirst - 1) == Some(':')) {
            return None;
        }
        if let Some(np) = self
            .np_left(qfirst - 1, before_start)
            .filter(|np| np.start == before_start)
        {
            return Some(self.add_attr(np, qfirst - 1..qfirst, Rule::NameColonQuote));
        }
        let np = self.name_with_apposition(before_start, qfirst - 1)?;
        Some(self.add_attr(np, qfirst - 1..qfirst, Rule::NameAppositionColonQuote))
    }

    /// The "and" or "but" right before cue `c` (an adverb between at most: "and later
    /// said"), when a verb can stand before it (a word, not the sentence's first).
    fn coordination_before(&self, s: usize, c: usize) -> Option<usize> {
        // ("holding signs and chanting "..."": a participle chain is the participle rule's.)
        if self.word(c).ends_with("ing") {
            return None;
        }
        let mut k = c.checked_sub(1)?;
        if k > s && self.is_word(k) && {
            let w = self.word(k);
            w.ends_with("ly") || matches!(w, "also" | "later" | "then")
        } {
            k -= 1;
        }
        let link = k > s + 1 && self.is_word(k) && matches!(self.word(k), "and" | "but");
        (link && self.is_word(k - 1) && self.in_quote[k - 1] == 0).then_some(k)
    }

    /// `she laughed and said`: the subject right before an intransitive past verb
    /// ending at `link` ("and"). Only a pronoun or a capitalised name, so that an object
    /// (`thanked the crowd and said`) is never taken; a verb with an object goes to
    /// `participle_subject`.
    fn subject_of_verb_before(&self, s: usize, link: usize) -> Option<Range<usize>> {
        let verb = link.checked_sub(1).filter(|&v| v > s && self.is_word(v))?;
        let w = self.word(verb);
        if !(w.ends_with("ed") && starts_lower(w)) {
            return None;
        }
        let np = self.np_left(verb, s)?;
        let first = self.word(np.start);
        (pronoun(first).is_some() || starts_upper(first)).then_some(np)
    }

    /// The subject of participle cue `c` (after a comma): of the clause openings (the
    /// sentence start at `s`, each token after a comma before `c`), the last whose
    /// noun phrase is followed (past an apposition and adverbs) by a lower-case word
    /// that can be its verb. The last, because an opening phrase ("Two days later,",
    /// "Here in Ohio,") comes before the subject; an apposition after the subject
    /// ("Dean, a former chairman, poked") has no verb after it and is skipped.
    fn participle_subject(&self, s: usize, c: usize) -> Option<Range<usize>> {
        // (A clause after "when" or "as" is an opening too: `The hall fell silent when
        // protesters interrupted her, shouting "..."`: the nearest clause speaks.)
        let openings = std::iter::once(s).chain((s..c - 1).filter_map(|k| {
            let opens_clause = self.punct(k) == Some(',')
                || (self.is_word(k) && matches!(self.word(k), "when" | "as" | "while"));
            opens_clause.then_some(k + 1)
        }));
        let mut best = None;
        for o in openings {
            if o >= c || !self.is_word(o) || matches!(self.word(o), "who" | "which" | "that") {
                continue;
            }
            let Some(np) = self.np_right(o, c).filter(|np| np.start == o) else {
                continue;
            };
            let mut verb = self.after_apposition(np.end, c);
            while verb < c && self.is_word(verb) && {
                let v = self.word(verb);
                self.lists(verb).adverbial() && !starts_upper(v)
            } {
                verb += 1;
            }
            let is_verb = verb < c
                && self.is_word(verb)
                && self.in_quote[verb] == 0
                && self.word(verb).starts_with(|ch: char| ch.is_lowercase())
                && !self.lists(verb).function();
            if is_verb {
                best = Some(np);
            }
        }
        best
    }

    /// `Ana Ruiz, a nurse in Lyon:`: a name opening the sentence at `before_start`, then an
    /// apposition (a determiner or a role noun first, no cue in it) up to the colon at
    /// `colon`. The name is the speaker.
    fn name_with_apposition(&self, before_start: usize, colon: usize) -> Option<Range<usize>> {
        let np = self.np_right(before_start, colon)?;
        let opens = np.end + 1;
        if np.start != before_start || self.punct(np.end) != Some(',') || opens >= colon {
            return None;
        }
        let first = self.lists(opens);
        let apposition = self.is_word(opens) && (first.determiner() || first.role());
        let plain = (opens..colon).all(|k| {
            self.in_quote[k] == 0
                && (self.punct(k) == Some(',')
                    || (self.is_word(k) && self.cues.strength_of_verb(self.word(k)) < INDIRECT_CUE))
        });
        (apposition && plain && colon - opens <= 12).then_some(np)
    }

    /// The token after an apposition opening at `k` ("Dean, a former chairman, ..."),
    /// or `k` itself when none opens there.
    fn after_apposition(&self, k: usize, limit: usize) -> usize {
        if k >= limit || self.punct(k) != Some(',') {
            return k;
        }
        (k + 2..limit.min(k + 16))
            .find(|&e| self.punct(e) == Some(','))
            .filter(|_| self.is_word(k + 1) && self.lists(k + 1).determiner())
            .map_or(k, |e| e + 1)
    }

    /// Cue phrases: "according to", "told reporters" stay the verb; "said in a
    /// statement" stays "said". Only particles that make the cue are added.
    fn extend_cue(&self, c: usize, limit: usize) -> Range<usize> {
        let n = self.phrase_at(c);
        if n > 1 && c + n <= limit {
            return c..c + n;
        }
        if self.cues.according_to()
            && self.word(c).eq_ignore_ascii_case("according")
            && c + 1 < limit
            && self.word(c + 1) == "to"
        {
            return c..c + 2;
        }
        c..c + 1
    }

    /// The speaker mention ending right before cue token `c` (skipping adverbials
    /// and an apposition between commas), not reaching before `floor`.
    fn np_left(&self, c: usize, floor: usize) -> Option<Range<usize>> {
        let mut j = c;
        let mut skipped = 0;
        while j > floor && skipped < 4 && self.is_word(j - 1) && self.in_quote[j - 1] == 0 {
            let (w, lists) = (self.word(j - 1), self.lists(j - 1));
            if lists.adverbial()
                && lists.pronoun().is_none()
                && (!starts_upper(w) || lists.weekday())
            {
                j -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        if j <= floor || self.in_quote[j - 1] != 0 {
            return None;
        }
        let w = self.word(j - 1);
        if self.is_word(j - 1)
            && self
                .lists(j - 1)
                .pronoun()
                .is_some_and(|p| !matches!(p, Pronoun::Speaker) || matches!(w, "I" | "we" | "We"))
        {
            if with_lower(w, |l| {
                matches!(l, "him" | "them" | "me" | "us" | "his" | "its" | "their")
            }) {
                return None;
            }
            return Some(j - 1..j);
        }
        if w.eq_ignore_ascii_case("who") && j >= 2 && self.punct(j - 2) == Some(',') {
            return self.np_ending_at(j - 2, floor);
        }
        if self.punct(j - 1) == Some(',') {
            // Apposition: "Pompeo, the secretary of state, said".
            let mut k = j - 1;
            let lim = (j - 1).saturating_sub(16).max(floor);
            while k > lim {
                k -= 1;
                if self.in_quote[k] != 0 {
                    return None;
                }
                if self.punct(k) == Some(',') {
                    // "Dean, a former chairman, said" but not "Dean, a former
                    // chairman, poked at the debate, tweeting": a clause of its own.
                    let clause = self.is_word(k + 1) && {
                        let w = self.word(k + 1);
                        starts_lower(w) && w.ends_with("ed") && !self.lists(k + 1).role()
                    };
                    if clause {
                        return None;
                    }
                    let np = self.np_ending_at(k, floor).filter(|np| np.len() <= 8)?;
                    if self.is_place_pair(&np, k + 1..j - 1) {
                        // "an official in Ottawa, Canada, said": the place is no
                        // speaker; the noun phrase before its preposition is.
                        let p = np.start.checked_sub(1).filter(|&p| p > floor)?;
                        return (self.is_word(p) && is_preposition(self.word(p)))
                            .then(|| self.np_left(p, floor))
                            .flatten();
                    }
                    return Some(np);
                }
            }
            return None;
        }
        self.np_ending_at(j, floor)
    }

    /// A noun phrase ending at `end` (exclusive): names, titles, role nouns.
    fn np_ending_at(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        // "Spain's hopes": a possessive is a determiner, not a speaker.
        if end > floor && self.is_word(end - 1) && is_possessive(self.word(end - 1)) {
            return None;
        }
        let mut walk = LeftWalk {
            end,
            floor,
            i: end,
            has_head: false,
        };
        while walk.i > floor && end - walk.i < 12 {
            let k = walk.i - 1;
            if self.in_quote[k] != 0 {
                break;
            }
            let step = match self.seg.tokens[k].kind {
                TokKind::Word => self.left_word_step(&walk, k),
                TokKind::Punct('\'' | '\u{2019}')
                    if walk.i < end && k > floor && self.is_word(k - 1) =>
                {
                    LeftStep::Grow { to: k, head: false }
                }
                TokKind::Punct(')') if walk.i == end => self.bracket_before_end(k, end, floor),
                _ => LeftStep::End,
            };
            match step {
                LeftStep::Grow { to, head } => {
                    walk.i = to;
                    walk.has_head |= head;
                }
                LeftStep::Stop { to, head } => {
                    walk.i = to;
                    walk.has_head |= head;
                    break;
                }
                LeftStep::End => break,
                LeftStep::Bracketed(np) => return np,
            }
        }
        let LeftWalk {
            mut i, has_head, ..
        } = walk;
        // Trim joiners from the front.
        while i < end
            && self.is_word(i)
            && lex::is_name_joiner(self.word(i))
            && !is_particle(self.word(i))
            && !self.word(i).eq_ignore_ascii_case("the")
        {
            i += 1;
        }
        (has_head && i < end).then_some(i..end)
    }

    /// "Rep. Jim Jordan (R-Ohio) said": skip the bracket closing at `k` and take the
    /// noun phrase before it, up to `end`.
    fn bracket_before_end(&self, k: usize, end: usize, floor: usize) -> LeftStep {
        let mut b = k;
        while b > floor && k - b < 8 && self.punct(b) != Some('(') {
            b -= 1;
        }
        if self.punct(b) == Some('(') && b > floor && b < k {
            let inner = self.np_ending_at(b, floor);
            return LeftStep::Bracketed(inner.map(|r| r.start..end));
        }
        LeftStep::End
    }

    /// What word `k`, right before the phrase `walk` has so far, does to it.
    fn left_word_step(&self, walk: &LeftWalk, k: usize) -> LeftStep {
        let LeftWalk { end, i, .. } = *walk;
        let w = self.word(k);
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            // "the 14th-ranked Schwartzman": a modifier, never the head.
            if i < end && w.contains(|c: char| c.is_alphabetic()) {
                return LeftStep::Grow { to: k, head: false };
            }
            return LeftStep::End;
        }
        if starts_upper(w) {
            let lists = self.lists(k);
            if lists.clause() || i == end && lists.adverbial() && !lists.weekday() {
                return LeftStep::End;
            }
            if lists.determiner() {
                return LeftStep::Stop { to: k, head: false };
            }
            return LeftStep::Grow { to: k, head: true };
        }
        self.left_lower_step(walk, k)
    }

    /// What lower-case word `k` does to the phrase: a role or document noun heads it, a
    /// determiner or a joiner may go in, a word before a role modifies it; else a
    /// determiner shortly before may make a noun phrase of the words.
    fn left_lower_step(&self, walk: &LeftWalk, k: usize) -> LeftStep {
        let LeftWalk {
            end,
            floor,
            i,
            has_head,
        } = *walk;
        let (w, lists) = (self.word(k), self.lists(k));
        if lists.role() || (i == end && lists.document()) || (i < end && is_possessive(w)) {
            return LeftStep::Grow { to: k, head: true };
        }
        if lists.determiner() || w == "his" || w == "her" || w == "their" || w == "its" {
            return self.left_determiner_step(walk, k);
        }
        if lex::is_name_joiner(w)
            && i < end
            && ((k > floor && self.is_word(k - 1)) || is_particle(w))
        {
            return LeftStep::Grow { to: k, head: false };
        }
        if has_head
            && k > floor
            && self.is_word(k - 1)
            && starts_upper(self.word(k - 1))
            && self.lists(k + 1).role()
        {
            // "White House press secretary": a modifier between a name and
            // a role noun.
            return LeftStep::Grow { to: k, head: false };
        }
        // "the announcer", "the ad's narrator": a determiner shortly
        // before makes lower-case words a noun phrase; "a few minutes"
        // (a span of time) is when, not who.
        if i == end && lex::is_time_unit(w) {
            return LeftStep::End;
        }
        match self.det_before(k, floor) {
            Some(d) => LeftStep::Stop { to: d, head: true },
            None => LeftStep::End,
        }
    }

    /// What a lower-case determiner or possessive pronoun at `k` does to the phrase.
    fn left_determiner_step(&self, walk: &LeftWalk, k: usize) -> LeftStep {
        let LeftWalk { end, floor, i, .. } = *walk;
        // "the 34-year-old mother of three": a number after "of" ends
        // the noun phrase.
        if i == end
            && k >= floor + 2
            && self.word(k - 1) == "of"
            && self.is_word(k - 2)
            && self.lists(k - 2).role()
        {
            return LeftStep::Grow {
                to: k - 1,
                head: false,
            };
        }
        if i == end {
            return LeftStep::End;
        }
        // "Mr. Morgan of the Sierra Club": the determiner is inside.
        if k > floor + 1 && matches!(self.word(k - 1), "of" | "for" | "at") && self.is_word(k - 2) {
            return LeftStep::Grow { to: k, head: false };
        }
        LeftStep::Stop { to: k, head: false }
    }

    /// A determiner at most three lower-case words before token `k` (inclusive):
    /// "the 34-year-old mother", "a spokesman".
    fn det_before(&self, k: usize, floor: usize) -> Option<usize> {
        let mut d = k;
        for _ in 0..4 {
            if d < floor || !self.is_word(d) || self.in_quote[d] != 0 {
                return None;
            }
            let w = self.word(d);
            if matches!(w, "the" | "a" | "an" | "The" | "A" | "An") {
                return (d < k).then_some(d);
            }
            let (upper, lists) = (starts_upper(w), self.lists(d));
            if (!upper && (lists.function() || lists.adverbial()))
                || (upper && lists.clause())
                || self.cues.strength(w) >= 20
                || d == floor
            {
                return None;
            }
            d -= 1;
        }
        None
    }

    /// A noun phrase starting at `start` ("said Pompeo", "said a spokesman for X").
    fn np_right(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        if start >= limit || !self.is_word(start) || self.in_quote[start] != 0 {
            return None;
        }
        let w = self.word(start);
        if let Some(p) = self.lists(start).pronoun() {
            return (!matches!(p, Pronoun::Speaker) && matches!(w, "he" | "she" | "they" | "it"))
                .then_some(start..start + 1);
        }
        let mut i = start;
        let mut last_head = None;
        while i < limit && i < start + 12 && self.in_quote[i] == 0 {
            let step = match self.seg.tokens[i].kind {
                TokKind::Word => self.right_word_step(start, limit, i, last_head),
                TokKind::Punct('\'' | '\u{2019}') if last_head == Some(i.wrapping_sub(1)) => {
                    RightStep::Within
                }
                TokKind::Punct('/') if last_head.is_none() && i < start + 3 => RightStep::Within,
                _ => RightStep::End,
            };
            match step {
                RightStep::Head => last_head = Some(i),
                RightStep::Within => {}
                RightStep::End => break,
            }
            i += 1;
        }
        last_head.map(|h| start..h + 1)
    }

    /// What word `i` does to the noun phrase `np_right` grows from `start`, its last
    /// head word so far `last_head`.
    fn right_word_step(
        &self,
        start: usize,
        limit: usize,
        i: usize,
        last_head: Option<usize>,
    ) -> RightStep {
        let w = self.word(i);
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            return self.right_number_step(start, i, last_head);
        }
        if starts_upper(w) {
            // "said Will Ortega": a first name that is also a clause word
            // when a name goes on after it.
            if self.lists(i).clause() && !self.name_goes_on(i, limit) {
                return RightStep::End;
            }
            // "said Wednesday, "..."": a day is when, not who.
            if last_head.is_none() && self.lists(i).weekday() {
                return RightStep::End;
            }
            return RightStep::Head;
        }
        let lists = self.lists(i);
        if lists.role() || lists.document() || is_possessive(w) {
            return RightStep::Head;
        }
        if last_head.is_none()
            && i > start
            && self.lists(i - 1).determiner()
            && !lists.function()
            && !lists.adverbial()
            && (i + 1 >= limit
                || self.punct(i + 1).is_some()
                || (self.is_word(i + 1) && self.word(i + 1) == "who"))
        {
            // "according to the audit.": a determiner and its noun, closing
            // the phrase; "wrote a fan who runs the account": a relative "who"
            // closes it too, and says it is a person.
            return RightStep::Head;
        }
        let role_of = w == "of" && i > start && self.modifies_a_name(i - 1, limit);
        if last_head.is_none() && (role_of || self.modifies_a_name(i, limit)) {
            // "said 9/11 widow Terry Strada", "said longtime adviser Roger
            // Stone", "said defensive end Ana Ruiz": modifiers before the name.
            return RightStep::Within;
        }
        if self.leads_or_links(start, i, last_head) {
            RightStep::Within
        } else {
            RightStep::End
        }
    }

    /// What the word `i` starting with a digit does to the noun phrase from `start`.
    fn right_number_step(&self, start: usize, i: usize, last_head: Option<usize>) -> RightStep {
        let w = self.word(i);
        // "said 9/11 widow Terry Strada", "the 14th-ranked Schwartzman";
        // after a determiner "the 46-year-old" is a noun phrase itself.
        if last_head.is_none() && i < start + 3 {
            if i > start
                && self.lists(start).determiner()
                && w.contains('-')
                && w.contains(|c: char| c.is_alphabetic())
            {
                return RightStep::Head;
            }
            return RightStep::Within;
        }
        RightStep::End
    }

    /// Whether the lower-case word `i` leads the noun phrase from `start` (a
    /// determiner) or links its parts (a joiner), though no head itself.
    fn leads_or_links(&self, start: usize, i: usize, last_head: Option<usize>) -> bool {
        let w = self.word(i);
        // Determiners lead; joiners ("of", "by" after a document) link.
        let leads = self.lists(i).determiner() && (i == start || last_head.is_none());
        let links = (lex::is_name_joiner(w)
            || (w == "by" && last_head.is_some_and(|h| self.lists(h).document())))
            && last_head.is_some();
        // "said one of the negotiators", "said several of his aides": a
        // number or quantifier and "of" lead the noun phrase.
        let part_of = w == "of"
            && i == start + 1
            && self.lists(start).determiner()
            && !matches!(
                self.word(start),
                "the" | "The" | "a" | "A" | "an" | "An" | "another" | "Another"
            );
        leads || links || part_of
    }

    /// `Ottawa, Canada,` / `Washington, D.C.,`: a capitalised name and, between commas,
    /// one to three capitalised words with no role, title or hyphen ("Cruz, R-Texas,"
    /// is a senator's party and state): a place and its region, not a speaker and an
    /// apposition.
    fn is_place_pair(&self, np: &Range<usize>, apposition: Range<usize>) -> bool {
        // (A letter first: "Butz, 49," is a name and an age.)
        let capitalised_plain = |k: usize| {
            self.is_word(k) && {
                let w = self.word(k);
                w.starts_with(char::is_uppercase)
                    && !w.contains('-')
                    && !lex::is_title(w)
                    && !self.lists(k).role()
                    && !matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "Inc" | "Ltd")
            }
        };
        let n = apposition.len();
        (1..=3).contains(&n)
            && np.len() <= 2
            && np.clone().all(capitalised_plain)
            && apposition.clone().all(|k| {
                capitalised_plain(k) || (self.punct(k) == Some('.') && k > apposition.start)
            })
    }

    /// Whether the word before token `k` is a preposition or a determiner: `k` is then a
    /// noun ("in reference to", "the report"), not a verb.
    fn after_preposition_or_determiner(&self, k: usize) -> bool {
        k > 0 && self.is_word(k - 1) && {
            is_preposition(self.word(k - 1)) || self.lists(k - 1).determiner()
        }
    }

    /// Whether a capitalised word that is not a clause word follows token `i`.
    fn name_goes_on(&self, i: usize, limit: usize) -> bool {
        i + 1 < limit
            && self.is_word(i + 1)
            && self.in_quote[i + 1] == 0
            && starts_upper(self.word(i + 1))
            && !self.lists(i + 1).clause()
    }

    /// Whether the lower-case word at `i` and at most one more such word stand right
    /// before a capitalised name: modifiers of a title-less speaker ("defensive end",
    /// "marine ecologist", "longtime adviser").
    fn modifies_a_name(&self, i: usize, limit: usize) -> bool {
        let plain = |k: usize| {
            k < limit && self.is_word(k) && self.in_quote[k] == 0 && {
                let (w, lists) = (self.word(k), self.lists(k));
                !starts_upper(w)
                    && !lists.function()
                    && !lists.adverbial()
                    && !lists.determiner()
                    && self.cues.strength(w) < INDIRECT_CUE
            }
        };
        let capitalised = |k: usize| k < limit && self.is_word(k) && starts_upper(self.word(k));
        // ("master of ceremonies Tomas Reyes": a role with its "of" complement.)
        let of_phrase =
            |k: usize| k < limit && self.is_word(k) && self.word(k) == "of" && plain(k + 1);
        plain(i)
            && (capitalised(i + 1)
                || (plain(i + 1) && capitalised(i + 2))
                || (of_phrase(i + 1) && capitalised(i + 3)))
    }

    /// Indirect speech in sentences, quote-aware: "X said (that) ...", "..., X said",
    /// "according to X, ...".
    fn indirect_speech(&mut self) {
        let seg = self.seg;
        // One buffer of candidates for every sentence (cleared by `indirect_in`).
        let mut candidates = Vec::new();
        let labels = self.label_lines();
        let mut next_label = labels.lines.iter().peekable();
        for (n, p) in seg.paragraphs.iter().enumerate() {
            if let Some(line) = next_label.next_if(|l| l.para == n) {
                if self.is_speaker_label(line, &labels) {
                    self.speaker_label(line);
                    continue;
                }
            }
            let mut s = p.tokens.start;
            let mut i = p.tokens.start;
            while i < p.tokens.end {
                if self.in_quote[i] == 0 && ends_sentence_at(seg, i, p.tokens.end) {
                    self.indirect_in(s, i + 1, &mut candidates);
                    s = i + 1;
                }
                i += 1;
            }
            if s < p.tokens.end {
                self.indirect_in(s, p.tokens.end, &mut candidates);
            }
        }
    }

    fn indirect_in(&mut self, s: usize, e: usize, candidates: &mut Vec<reported_model::Candidate>) {
        if e <= s + 3 {
            return;
        }
        // Content ends before the final terminator and closing marks.
        let mut ce = e;
        while ce > s
            && self.seg.tokens[ce - 1]
                .punct()
                .is_some_and(|c| is_sentence_end(c) || c == '\u{201d}' || c == '"' || c == ')')
            && self.in_quote[ce - 1] == 0
        {
            ce -= 1;
        }
        // Every candidate of the sentence first: the model weighs each against the others
        // (`reported_model::Rivals`).
        candidates.clear();
        let mut i = s;
        while i < ce {
            if self.in_quote[i] != 0 || !self.is_word(i) {
                i += 1;
                continue;
            }
            // According to X, ... / ..., according to X. (The token's length first: a
            // word is sliced from the text, its char boundaries checked, only if it fits.)
            let t = &self.seg.tokens[i];
            if self.cues.according_to()
                && t.end - t.start == "according".len()
                && self.word(i).eq_ignore_ascii_case("according")
                && i + 1 < ce
                && self.word(i + 1) == "to"
            {
                let source = self
                    .np_right(i + 2, ce)
                    .or_else(|| self.according_object(i + 2, ce));
                if let Some(np) = source {
                    let end = np.end;
                    candidates.extend(self.according_candidate(i, np, s, ce));
                    i = end;
                    continue;
                }
            }
            candidates.extend(self.verb_candidate(i, s, ce));
            i += 1;
        }
        if candidates.is_empty() {
            return;
        }
        let quoted = self.in_quote[s..e].iter().any(|&q| q != 0);
        for k in 0..candidates.len() {
            let rivals = reported_model::Rivals::of(candidates, k);
            self.consider(&candidates[k], rivals, (s..e, quoted), ce);
        }
    }

    /// The object of "according to" when the speaker finder sees no name or role in it
    /// ("according to a hospital report", "according to an interview the mayor gave"):
    /// the words up to the next mark, twelve at most. "According to" always takes a noun
    /// phrase, so the phrase is its source whatever its head.
    fn according_object(&self, start: usize, ce: usize) -> Option<Range<usize>> {
        let mut k = start;
        while k < ce && k < start + 12 && self.is_word(k) && self.in_quote[k] == 0 {
            k += 1;
        }
        let closed = k == ce || (k < start + 12 && !self.is_word(k) && self.in_quote[k] == 0);
        (k > start && closed).then_some(start..k)
    }

    /// "According to X, ..." (content after X, from the comma) or "..., according to
    /// X" (content before): a candidate when its content has words enough.
    fn according_candidate(
        &self,
        i: usize,
        np: Range<usize>,
        s: usize,
        ce: usize,
    ) -> Option<reported_model::Candidate> {
        let front = i == s || (i == s + 1 && !self.is_word(s));
        let contents = if front {
            let mut k = np.end;
            while k < ce && self.punct(k) != Some(',') {
                k += 1;
            }
            [k + 1..ce, 0..0]
        } else {
            let mut k = i;
            while k > s
                && self
                    .punct(k - 1)
                    .is_some_and(|c| c == ',' || c == '\u{2014}' || c == '(')
            {
                k -= 1;
            }
            [s..k, self.according_rest(np.end, ce)]
        };
        // Between commas, the source runs to the comma before the second part.
        let np = if contents[1].is_empty() {
            np
        } else {
            np.start..contents[1].start - 1
        };
        let whole = contents[0].start..contents[1].end.max(contents[0].end);
        self.content_ok(&whole).then(|| reported_model::Candidate {
            cue: i..i + 2,
            speaker: np,
            shape: Shape::AccordingTo { front },
            contents,
            by_rules: true,
            subject: Subject::Found,
            strengths: self.cues.strengths(self.word(i)),
            tail: false,
        })
    }

    /// The content's second part when "according to X" stands inside its sentence
    /// between commas ("Turnout, according to the county clerk, has doubled"): the
    /// words after the comma closing X (a few words past the noun phrase found, which
    /// may stop short of it); empty when X ends the content.
    fn according_rest(&self, np_end: usize, ce: usize) -> Range<usize> {
        let mut k = np_end;
        while k < ce && k < np_end + 4 && self.is_word(k) && self.in_quote[k] == 0 {
            k += 1;
        }
        let between_commas = k + 1 < ce
            && self.punct(k) == Some(',')
            && self.in_quote[k] == 0
            && self.is_word(k + 1);
        if between_commas {
            k + 1..ce
        } else {
            0..0
        }
    }

    /// A cue word (or listed phrase) at `i` with its subject before it ("X said ...",
    /// "..., X said", "The museum, X said, would ...") or after it ("..., said X"). Cue
    /// words weaker than the rules alone trusted (`INDIRECT_CUE`) are candidates too,
    /// down to `CANDIDATE_CUE`: the reported-speech model weighs them in context.
    fn verb_candidate(&self, i: usize, s: usize, ce: usize) -> Option<reported_model::Candidate> {
        // The cheap test first, from the token alone: a capitalised word is never a cue
        // here; nor is "according" (without its "to" and a speaker: no verb).
        if !self.seg.tokens[i].lower {
            return None;
        }
        let w = self.word(i);
        if w == "according" {
            return None;
        }
        let (strength, after_subject) = self.cues.strengths(w);
        // The cue's last token: a listed phrase ("pointed out") is one cue. (Asked of
        // nearly every word: the phrases' filter of first words answers most inline.)
        let n = if self.cues.may_start_phrase(w) {
            self.phrase_at(i)
        } else {
            0
        };
        let last = if n > 1 && i + n <= ce { i + n - 1 } else { i };
        if (strength.max(after_subject) < CANDIDATE_CUE && last == i)
            || self.lists(i).function()
            || self.lists(i).adverbial()
            || self.after_quote_cue.contains(&i)
        {
            return None;
        }
        let by_rules = after_subject >= INDIRECT_CUE || last > i;
        let cue = i..last + 1;
        let (np, subject) = match self.np_left(i, s) {
            Some(np) => (np, Subject::Found),
            None => match self.subject_past_auxiliaries(i, s) {
                Some(np) => (np, Subject::PastAuxiliary),
                None if after_subject >= INDIRECT_CUE => {
                    match self.cue_name_candidate(
                        cue.clone(),
                        s,
                        ce,
                        (by_rules, (strength, after_subject)),
                    ) {
                        Some(c) => return Some(c),
                        None => (self.words_before(i, s)?, Subject::Guessed),
                    }
                }
                None => {
                    return self.cue_name_candidate(
                        cue,
                        s,
                        ce,
                        (by_rules, (strength, after_subject)),
                    )
                }
            },
        };
        let (shape, contents, tail) = self.candidate_shape(s, ce, last, &np)?;
        Some(reported_model::Candidate {
            cue,
            speaker: np,
            shape,
            contents,
            by_rules: by_rules && subject == Subject::Found,
            subject,
            strengths: (strength, after_subject),
            tail,
        })
    }

    /// The shape of the sentence from `s` to `ce` around a cue ending at `last` with its
    /// speaker `np` before it, and its content parts; `None` when the content is no
    /// content (`content_ok`).
    fn candidate_shape(
        &self,
        s: usize,
        ce: usize,
        last: usize,
        np: &Range<usize>,
    ) -> Option<(Shape, [Range<usize>; 2], bool)> {
        let content = self.content_after(last, ce);
        // "..., X said." puts the content before the speaker; so does "..., X told a
        // panel on Tuesday." (a tail with no clause of its own, `clause_free_tail`), when
        // what stands before the comma is content enough.
        let fronted = np.start > s + 2 && self.punct(np.start - 1) == Some(',');
        let plain = fronted && self.only_adverbials(last + 1, ce);
        let tail = fronted
            && !plain
            && self.clause_free_tail(last, ce)
            && self.content_ok(&(s..np.start - 1));
        let trailing = plain || tail;
        let content = if trailing { s..np.start - 1 } else { content };
        // "The museum, Mr. Obama said, would make ...": both sides.
        let mut after = last + 1;
        while after < ce && after < last + 4 && self.is_word(after) && self.lists(after).adverbial()
        {
            after += 1;
        }
        let parenthetical = !trailing
            && np.start > s + 1
            && self.punct(np.start - 1) == Some(',')
            && after < ce
            && self.punct(after) == Some(',');
        let (shape, contents, ok) = if parenthetical {
            let parts = [s..np.start - 1, after + 1..ce];
            (Shape::Parenthetical, parts, self.content_ok(&(s..ce)))
        } else if trailing {
            (
                Shape::ContentCommaNameCue,
                [content.clone(), 0..0],
                self.content_ok(&content),
            )
        } else {
            (
                Shape::NameCueContent,
                [content.clone(), 0..0],
                self.content_ok(&content),
            )
        };
        ok.then_some((shape, contents, tail))
    }

    /// Whether the words after the cue ending at `last` (to `ce`) hold no clause of
    /// their own: the hearer of "told" and the like, then a time or place
    /// ("The Huffington Post", "a Senate panel on Wednesday", "Tuesday in Paris"),
    /// eight tokens at most, without a comma, "that", a quotation or a pronoun
    /// (which would open the reported clause: "told reporters he would").
    fn clause_free_tail(&self, last: usize, ce: usize) -> bool {
        let mut k = last + 1;
        if hearer_verb(self.word(last)) {
            if let Some(np) = self.np_right(k, ce) {
                k = np.end;
            }
        }
        let opens_circumstance = |k: usize| {
            self.lists(k).weekday()
                || with_lower(self.word(k), |w| {
                    matches!(
                        w,
                        "in" | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "before"
                            | "late"
                            | "early"
                            | "last"
                            | "this"
                            | "earlier"
                            | "later"
                            | "via"
                            | "through"
                    )
                })
        };
        let rest_ok = (k..ce).all(|t| {
            self.is_word(t)
                && self.in_quote[t] == 0
                && self.word(t) != "that"
                && self.lists(t).pronoun().is_none()
        });
        ce > last + 1 && ce - (last + 1) <= 8 && rest_ok && (k == ce || opens_circumstance(k))
    }

    /// The words right before cue `i` back to a mark or the sentence start, four at
    /// most, without the conjunctions, auxiliaries and adverbs at either end ("but ...
    /// has long"): a strong cue's subject where the noun-phrase finders see none
    /// ("three quarters of the voters said"); the model knows it is a guess
    /// (`subject-guessed`). The speaker is shown to the reviewer, so no stray words.
    fn words_before(&self, i: usize, s: usize) -> Option<Range<usize>> {
        let mut j = i;
        while j > s && i - j < 4 && self.is_word(j - 1) && self.in_quote[j - 1] == 0 {
            j -= 1;
        }
        let filler = |k: usize| {
            let (w, lists) = (self.word(k), self.lists(k));
            lists.pronoun().is_none()
                && !lists.determiner()
                && (lists.function() || (lists.adverbial() && !starts_upper(w)))
        };
        let mut end = i;
        while end > j + 1 && filler(end - 1) {
            end -= 1;
        }
        while j + 1 < end && filler(j) {
            j += 1;
        }
        (j < end).then_some(j..end)
    }

    /// The subject of cue `i` past the auxiliaries, modals, negation and adverbs
    /// between them ("X has said", "X would not say", "X has also argued"), three words
    /// at most: the rules alone never looked past them; the model weighs them.
    fn subject_past_auxiliaries(&self, i: usize, s: usize) -> Option<Range<usize>> {
        let mut j = i;
        while j > s + 1 && i - j < 3 && self.is_word(j - 1) && self.in_quote[j - 1] == 0 {
            let w = self.word(j - 1);
            let skips = with_lower(w, |l| {
                matches!(
                    l,
                    "is" | "was"
                        | "are"
                        | "were"
                        | "be"
                        | "been"
                        | "could"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                        | "can"
                        | "not"
                        | "never"
                ) || l.ends_with("n't")
            }) || (self.lists(j - 1).adverbial() && !starts_upper(w));
            if !skips {
                break;
            }
            j -= 1;
        }
        (j < i).then(|| self.np_left(j, s)).flatten()
    }

    /// "..., said X.": the cue after a comma, its speaker after it closing the sentence.
    fn cue_name_candidate(
        &self,
        cue: Range<usize>,
        s: usize,
        ce: usize,
        (by_rules, strengths): (bool, (u8, u8)),
    ) -> Option<reported_model::Candidate> {
        let i = cue.start;
        if i <= s + 2 || self.punct(i - 1) != Some(',') {
            return None;
        }
        let np = self.np_right(cue.end, ce)?;
        // The speaker may close the sentence, or go on with an apposition or where they
        // work ("said Ana Ruiz, a nurse", "said Ana Ruiz of the clinic"): a tail the
        // model weighs.
        let tail = !self.only_adverbials(np.end, ce);
        if tail && !self.speaker_tail(np.end, ce) {
            return None;
        }
        let content = s..i - 1;
        self.content_ok(&content)
            .then_some(reported_model::Candidate {
                cue,
                speaker: np,
                shape: Shape::ContentCommaCueName,
                contents: [content, 0..0],
                by_rules: by_rules && !tail,
                subject: Subject::Found,
                strengths,
                tail,
            })
    }

    /// What may follow the speaker of "..., said X": a comma (an apposition: "a nurse
    /// in Lyon") or a preposition or relative word ("of the clinic", "who runs it").
    fn speaker_tail(&self, k: usize, ce: usize) -> bool {
        k < ce
            && self.in_quote[k] == 0
            && (self.punct(k) == Some(',')
                || (self.is_word(k)
                    && matches!(
                        self.word(k),
                        "of" | "from" | "at" | "with" | "in" | "for" | "on" | "who" | "whose"
                    )))
    }

    /// The model's decision on candidate `c` of sentence `sentence` (and whether a
    /// quotation is in it). A sentence holds as
    /// many reported clauses as the model takes: the rules' cap of two cut off nested
    /// and coordinated clauses (train-CV content recall 65.1 -> 65.6 without it).
    fn consider(
        &mut self,
        c: &reported_model::Candidate,
        rivals: reported_model::Rivals,
        (sentence, sentence_quoted): (Range<usize>, bool),
        ce: usize,
    ) {
        let mut rows = self.reported_rows.take();
        let view = reported_model::View {
            seg: self.seg,
            in_quote: &self.in_quote,
            sentence,
            content_end: ce,
            sentence_quoted,
        };
        let yes = reported_model::decide(&view, c, rivals, rows.as_mut());
        self.reported_rows = rows;
        if !yes {
            return;
        }
        let rule = match c.shape {
            Shape::AccordingTo { .. } => Rule::AccordingTo,
            Shape::NameCueContent => Rule::NameCueContent,
            Shape::ContentCommaNameCue => Rule::ContentCommaNameCue,
            Shape::Parenthetical => Rule::ParentheticalNameCue,
            Shape::ContentCommaCueName => Rule::ContentCommaCueName,
        };
        let [first, second] = c.contents.clone();
        let a = self.add_attr(c.speaker.clone(), c.cue.clone(), rule);
        self.found.contents.push((first, a));
        if !second.is_empty() {
            self.found.contents.push((second, a));
        }
    }

    /// Transcript lines: "PENCE: Well, ...", "Q: ...". The content is the rest of the
    /// paragraph; `speaker_labels` tells a speaker's label from a fact box's.
    fn speaker_label(&mut self, line: &speaker_labels::LabelLine) {
        let content = line.colon + 1..self.seg.paragraphs[line.para].tokens.end;
        let a = self.add_attr(
            line.label.clone(),
            line.colon..line.colon + 1,
            Rule::SpeakerLabel,
        );
        self.found.contents.push((content, a));
    }

    fn only_adverbials(&self, from: usize, to: usize) -> bool {
        to.saturating_sub(from) <= 4
            && (from..to)
                .all(|k| self.is_word(k) && (self.lists(k).adverbial() || self.lists(k).function()))
    }

    /// What follows a cue verb: skip the hearer of "told", "that", and time words.
    fn content_after(&self, c: usize, ce: usize) -> Range<usize> {
        let mut k = c + 1;
        if hearer_verb(self.word(c)) {
            if let Some(np) = self.np_right(k, ce) {
                k = np.end;
            } else if k < ce
                && self.is_word(k)
                && (self.lists(k).pronoun().is_some()
                    || (!starts_upper(self.word(k)) && k + 1 < ce && self.word(k + 1) == "that"))
            {
                k += 1;
            }
        }
        let mut guard = 0;
        while k < ce && guard < 4 {
            let w = self.word(k);
            if self.punct(k) == Some(',')
                || (self.is_word(k)
                    && (self.lists(k).weekday()
                        || matches!(
                            w,
                            "on" | "last"
                                | "this"
                                | "week"
                                | "month"
                                | "that"
                                | "yesterday"
                                | "today"
                                | "earlier"
                        )))
            {
                k += 1;
                guard += 1;
            } else {
                break;
            }
        }
        k..ce
    }

    fn content_ok(&self, r: &Range<usize>) -> bool {
        // At least three words (counting stops at the third: sentences can be huge).
        r.end > r.start
            && (r.start..r.end)
                .filter(|&k| self.is_word(k))
                .nth(2)
                .is_some()
    }
}

/// A cue whose hearer comes right after it ("told reporters", "warned the board").
fn hearer_verb(w: &str) -> bool {
    with_lower(w, |w| {
        matches!(
            w,
            "told"
                | "tells"
                | "tell"
                | "telling"
                | "assured"
                | "informed"
                | "reminded"
                | "warned"
                | "urged"
                | "asked"
        )
    })
}

/// The rules' noun phrases and quote map, lent to the speaker model's candidates.
impl NounPhrases for Attributor<'_, '_> {
    fn np_left(&self, c: usize, floor: usize) -> Option<Range<usize>> {
        Attributor::np_left(self, c, floor)
    }
    fn np_right(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        Attributor::np_right(self, start, limit)
    }
    fn quote_at(&self, t: usize) -> u32 {
        self.in_quote[t]
    }
    fn speech_like(&self, q: &Quote) -> bool {
        speech_like(self.seg, q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_checks_answer_as_the_lexicon_does() {
        for w in [
            "their", "THEIR", "They", "theirs", "he", "I", "another", "Several", "others",
            "anothers", "thee", "\u{212a}", "said",
        ] {
            assert_eq!(pronoun(w), lex::pronoun(w), "{w}");
            assert_eq!(is_determiner(w), lex::is_determiner(w), "{w}");
        }
    }
}
