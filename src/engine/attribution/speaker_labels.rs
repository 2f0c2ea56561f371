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
use crate::engine::words::{with_lower, WordMap, WordSet};

/// A line of the page shaped like a label: `label` (its words) and the colon after it.
#[derive(Clone, Debug)]
pub(super) struct LabelLine {
    pub(super) para: usize,
    pub(super) label: Range<usize>,
    pub(super) colon: usize,
}

/// The label lines of a page with what the page says of them, gathered once (one pass
/// over the lines, one over the tokens) so that judging every line stays linear in the
/// page: a transcript of thousands of lines asks each of them the same questions.
pub(super) struct PageLabels {
    pub(super) lines: Vec<LabelLine>,
    /// How many lines carry each label, by its words in ASCII lower case.
    counts: WordMap<String, usize>,
    /// Lines labelled "Q" or "A" alone.
    qa_lines: usize,
    /// Labels' last words that stand elsewhere in the text after a capitalised word
    /// ([`Attributor::named_elsewhere`]).
    named: WordSet<String>,
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
    /// Every paragraph shaped like "Label: content", in page order, with what the page
    /// says of their labels.
    pub(super) fn label_lines(&self) -> PageLabels {
        let lines: Vec<LabelLine> = self
            .seg
            .paragraphs
            .iter()
            .enumerate()
            .filter_map(|(n, p)| self.label_shape(n, p.tokens.clone()))
            .collect();
        let mut counts = WordMap::default();
        for line in &lines {
            *counts.entry(self.label_key(line)).or_insert(0) += 1;
        }
        let qa_lines = lines.iter().filter(|l| self.is_qa_label(l)).count();
        let named = self.named_elsewhere(&lines);
        PageLabels {
            lines,
            counts,
            qa_lines,
            named,
        }
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

    /// Whether `line` is a speaker's label on the page whose label lines are `page`.
    pub(super) fn is_speaker_label(&self, line: &LabelLine, page: &PageLabels) -> bool {
        self.opens_a_sentence(line.colon + 1)
            && (self.label_names_a_speaker(&line.label)
                // "Q:" and "A:" lines: a question-and-answer page holds at least two.
                || self.is_qa_label(line) && page.qa_lines >= 2
                // Speakers taking turns: this label comes back, and another label
                // speaks on the page too (a list repeating "Tip:" is one label, no
                // conversation).
                || page.counts[&self.label_key(line)] >= 2 && page.counts.len() >= 2
                || page.named.contains(self.word(line.label.end - 1)))
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

    fn is_qa_label(&self, line: &LabelLine) -> bool {
        line.label.len() == 1 && is_qa(self.word(line.label.start))
    }

    /// A label's words in ASCII lower case, one space apart: two lines carry the same
    /// label when their keys are equal.
    fn label_key(&self, line: &LabelLine) -> String {
        let mut key = String::new();
        for k in line.label.clone() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(self.word(k).chars().map(|c| c.to_ascii_lowercase()));
        }
        key
    }

    /// The labels' last words that stand elsewhere in the text, outside every label,
    /// after a capitalised word that is no clause word ("Secretary of State Mike Pompeo"
    /// for "Pompeo:"): a surname, where "Duration" or "Cost" stands alone. One pass over
    /// the tokens (the lines are in page order and their labels apart).
    fn named_elsewhere(&self, lines: &[LabelLine]) -> WordSet<String> {
        let mut named = WordSet::default();
        // Most pages hold no label line: they need no pass over their tokens.
        if lines.is_empty() {
            return named;
        }
        let last_words: WordSet<&str> = lines.iter().map(|l| self.word(l.label.end - 1)).collect();
        let mut next_label = 0;
        for k in 1..self.seg.tokens.len() {
            while next_label < lines.len() && lines[next_label].label.end <= k {
                next_label += 1;
            }
            let in_a_label = lines.get(next_label).is_some_and(|l| l.label.contains(&k));
            // The tests on the tokens first, the hashed look-up of the word after them.
            if !in_a_label
                && self.is_word(k)
                && self.is_word(k - 1)
                && self.seg.tokens[k - 1].para == self.seg.tokens[k].para
                && starts_upper(self.word(k - 1))
                && self.word(k - 1).starts_with(char::is_alphabetic)
                && last_words.contains(self.word(k))
                && !self.lists(k - 1).clause()
                && !self.lists(k - 1).function()
                && !self.lists(k - 1).determiner()
            {
                named.insert(self.word(k).to_owned());
            }
        }
        named
    }
}

/// The labels of a question-and-answer transcript.
fn is_qa(w: &str) -> bool {
    matches!(w, "Q" | "A")
}
