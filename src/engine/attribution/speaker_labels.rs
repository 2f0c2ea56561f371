//! Transcript speaker labels ("PENCE: Well, ...", "Q: ...", "Sen. Smith: ..."), told
//! apart from the labels of fact boxes, recipes and how-tos ("Duration: 6 to 12
//! months", "Cost: $40 a month", "Ingredients: flour, eggs") that share their shape.
//!
//! Issue 18: a label was taken for a speaker on its shape alone, so "Duration" spoke
//! "6 to 12 months". A speaker's label is a person's name or role, and a transcript
//! holds several label lines: the decision asks for the content to open a sentence
//! and for one sign of a speaker, of the label (all capitals, a title and a name, a
//! transcript role) or of the page (questions and answers, speakers that come back in
//! turn, a name the text gives elsewhere as a person's).

use std::ops::Range;

use super::Attributor;
use crate::engine::lexicon as lex;
use crate::engine::text::starts_upper;
use crate::engine::words::with_lower;

/// A line of the page shaped like a label: `label` (its words) and the colon after it.
#[derive(Clone, Debug)]
pub(super) struct LabelLine {
    pub(super) para: usize,
    pub(super) label: Range<usize>,
    pub(super) colon: usize,
}

/// Nouns that name who speaks in a transcript by the part they play in it (set by
/// hand: the roles of interviews, debates, hearings and broadcasts).
const TRANSCRIPT_ROLES: &[&str] = &[
    "interviewer",
    "interviewee",
    "moderator",
    "host",
    "co-host",
    "reporter",
    "anchor",
    "questioner",
    "audience",
    "caller",
    "narrator",
    "announcer",
    "correspondent",
    "panelist",
    "panellist",
    "journalist",
];

impl Attributor<'_, '_> {
    /// Every paragraph shaped like "Label: content", in page order.
    pub(super) fn label_lines(&self) -> Vec<LabelLine> {
        self.seg
            .paragraphs
            .iter()
            .enumerate()
            .filter_map(|(n, p)| self.label_shape(n, p.tokens.clone()))
            .collect()
    }

    /// "Label: content" at the start of paragraph `p`: one to four capitalised words
    /// before a colon, then at least three words. ("11:40 am" is a time; "The Latest:
    /// ..." a headline's kicker: a label opens with a letter and no article.)
    fn label_shape(&self, para: usize, p: Range<usize>) -> Option<LabelLine> {
        let colon = (p.start + 1..p.end.min(p.start + 5)).find(|&k| self.punct(k) == Some(':'))?;
        if self.in_quote[colon] != 0 || colon + 3 >= p.end || self.by_cue.contains_key(&colon) {
            return None;
        }
        let words_ok = (p.start..colon).all(|k| {
            self.is_word(k) && {
                let w = self.word(k);
                starts_upper(w)
                    && w.starts_with(char::is_alphabetic)
                    && (is_qa(w) || !self.lists(k).clause() && !lex::is_furniture_word(w))
            }
        });
        // ("A" stands alone only as an answer's label: "A Guide to ..." is a title.)
        let article = matches!(self.word(p.start), "The" | "An")
            || (self.word(p.start) == "A" && colon > p.start + 1);
        let content = colon + 1..p.end;
        (words_ok && !article && self.content_ok(&content)).then_some(LabelLine {
            para,
            label: p.start..colon,
            colon,
        })
    }

    /// Whether `line` is a speaker's label on a page whose label lines are `all`.
    pub(super) fn is_speaker_label(&self, line: &LabelLine, all: &[LabelLine]) -> bool {
        self.opens_a_sentence(line.colon + 1)
            && (self.label_names_a_speaker(&line.label)
                || self.questions_and_answers(line, all)
                || self.speakers_take_turns(line, all)
                || self.named_elsewhere(line, all))
    }

    /// The content opens a sentence: a capital or an opening mark, where a fact box's
    /// value opens with a number, a currency sign or a lower-case list.
    fn opens_a_sentence(&self, k: usize) -> bool {
        if self.is_word(k) {
            let w = self.word(k);
            return w.starts_with(char::is_uppercase);
        }
        self.punct(k).is_some_and(|c| {
            matches!(
                c,
                '"' | '\u{201c}'
                    | '\''
                    | '\u{2018}'
                    | '('
                    | '['
                    | '\u{2014}'
                    | '\u{2013}'
                    | '\u{2026}'
            )
        })
    }

    /// The label alone says "a person": all capitals ("PENCE", "SEN. SMITH"), a title
    /// and a name ("Sen. Smith", "Dr. Ortiz"), or a transcript role ("Interviewer").
    fn label_names_a_speaker(&self, label: &Range<usize>) -> bool {
        let words = || label.clone().map(|k| self.word(k));
        let letters = words().flat_map(str::chars).filter(|c| c.is_alphabetic());
        let all_caps = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
        let titled = label.len() >= 2 && lex::is_title(self.word(label.start));
        let last = self.word(label.end - 1);
        let role = with_lower(last, |l| TRANSCRIPT_ROLES.contains(&l));
        all_caps || titled || role
    }

    /// "Q:" and "A:" lines: a question-and-answer page holds at least two.
    fn questions_and_answers(&self, line: &LabelLine, all: &[LabelLine]) -> bool {
        let qa = |l: &LabelLine| l.label.len() == 1 && is_qa(self.word(l.label.start));
        qa(line) && all.iter().filter(|l| qa(l)).nth(1).is_some()
    }

    /// Speakers taking turns: this label comes back, and another label speaks on the
    /// page too (a list repeating "Tip:" is one label, no conversation).
    fn speakers_take_turns(&self, line: &LabelLine, all: &[LabelLine]) -> bool {
        let same = all.iter().filter(|l| self.same_label(l, line)).count();
        same >= 2 && all.iter().any(|l| !self.same_label(l, line))
    }

    fn same_label(&self, a: &LabelLine, b: &LabelLine) -> bool {
        a.label.len() == b.label.len()
            && a.label
                .clone()
                .zip(b.label.clone())
                .all(|(i, j)| self.word(i).eq_ignore_ascii_case(self.word(j)))
    }

    /// The label's last word stands elsewhere in the text after a capitalised word
    /// that is no clause word ("Secretary of State Mike Pompeo" for "Pompeo:"): a
    /// surname, where "Duration" or "Cost" stands alone.
    fn named_elsewhere(&self, line: &LabelLine, all: &[LabelLine]) -> bool {
        let last = self.word(line.label.end - 1);
        let in_a_label = |k: usize| all.iter().any(|l| l.label.contains(&k));
        (1..self.seg.tokens.len()).any(|k| {
            self.is_word(k)
                && self.word(k) == last
                && !in_a_label(k)
                && self.is_word(k - 1)
                && starts_upper(self.word(k - 1))
                && self.word(k - 1).starts_with(char::is_alphabetic)
                && !self.lists(k - 1).clause()
                && !self.lists(k - 1).function()
                && !self.lists(k - 1).determiner()
                && self.seg.tokens[k - 1].para == self.seg.tokens[k].para
        })
    }
}

/// The labels of a question-and-answer transcript.
fn is_qa(w: &str) -> bool {
    matches!(w, "Q" | "A")
}
