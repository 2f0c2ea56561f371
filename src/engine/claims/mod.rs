//! Check-worthy claims: which sentences state something a fact-checker would check
//! (figures, statistics, comparisons, causes, events stated as fact).
//!
//! A logistic regression ([`model`]) over named features and hashed word n-grams
//! ([`features`], word lists in [`lists`]), learnt from debate transcripts, crowd-labelled
//! debate sentences and labelled news articles by `examples/train_claims.rs`, and
//! calibrated on held-out folds: a sentence's `score` is the probability that a
//! fact-checker would check it. A hand-set prior ([`furniture`]) damps lines shaped like
//! page furniture, which no training text holds.

mod features;
mod furniture;
pub(crate) mod lists;
mod model;
mod spans;

use std::ops::Range;

pub use features::{feature_vector, FEATURE_NAMES, HASH_BUCKETS, NAMED, NUM_FEATURES};
pub use furniture::furniture_factor;
pub use spans::{claim_sentences, reported_clause};

use crate::engine::sigmoid;
use crate::engine::text::Segmented;
use features::Scratch;

/// A sentence's check-worthiness: `score` in 0..=1 (the calibrated probability that a
/// fact-checker would check it), and its reasons in the sentence's own words (`signals`).
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

/// Sentences scoring at least this are reported by [`find_claims`]: more likely checked
/// than not.
pub const CLAIM_THRESHOLD: f64 = 0.5;

/// Below this logit a sentence cannot reach [`CLAIM_THRESHOLD`] (the furniture factor is
/// at most 1): no sigmoid, no reasons for it.
const HOPELESS_LOGIT: f64 = 0.0;
const _: () = assert!(CLAIM_THRESHOLD >= 0.5);

/// Where the shipped weights come from (the generated file's provenance line).
pub fn model_provenance() -> &'static str {
    model::PROVENANCE
}

/// Score one sentence (any text; never panics).
pub fn score_sentence(sentence: &str) -> ClaimScore {
    let (score, reasons) = score_sentence_reasons(sentence);
    ClaimScore {
        score,
        signals: reasons.shown(sentence),
    }
}

/// [`score_sentence`] with the reasons as found (`analyse` makes strings of them only
/// for the claims it writes).
pub(crate) fn score_sentence_reasons(sentence: &str) -> (f64, Reasons) {
    thread_local! {
        // Buffers kept from call to call (`analyse` scores every reported clause).
        static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::for_model());
    }
    SCRATCH.with(|s| {
        let scratch = &mut s.borrow_mut();
        let (z, scanned) = logit(sentence, scratch);
        let score = probability(z, sentence, scanned.shape);
        (score, reasons(sentence, scratch, scanned.named))
    })
}

/// The calibrated logit of a sentence and what its scan found (the shape for the
/// furniture prior, the named features for the reasons).
fn logit(sentence: &str, scratch: &mut Scratch) -> (f64, features::Scanned) {
    let scanned = features::scan(sentence, scratch);
    (model::logit(scanned.named, scratch.hashed_units), scanned)
}

/// The score of a sentence of logit `z` and shape `shape`.
fn probability(z: f64, sentence: &str, shape: furniture::SentenceShape) -> f64 {
    let p = sigmoid(z) * furniture::furniture_factor_of(sentence, shape);
    p.clamp(0.0, 1.0)
}

/// The sentences of `text` (byte ranges) worth flagging, each trimmed of surrounding
/// white space. Questions are never claims.
pub fn find_claims(text: &str, sentences: &[Range<usize>]) -> Vec<ClaimSpan> {
    find_claims_except(text, sentences, |_| false)
}

/// [`find_claims`] without the sentences whose trimmed byte range `skip` refuses,
/// which are not even scored (`analyse` skips those holding reported speech).
/// Sentences cut after an initial or inside a name ("W.M." / "Keck Observatory") are
/// joined again first ([`claim_sentences`]).
pub fn find_claims_except(
    text: &str,
    sentences: &[Range<usize>],
    skip: impl Fn(&Range<usize>) -> bool,
) -> Vec<ClaimSpan> {
    find_claims_with(text, None, sentences, skip)
        .into_iter()
        .map(|c| ClaimSpan {
            signals: c.reasons.shown(text),
            range: c.range,
            score: c.score,
        })
        .collect()
}

/// A sentence [`find_claims_in`] flags: its byte range, score and reasons as found.
pub(crate) struct FoundClaim {
    pub(crate) range: Range<usize>,
    pub(crate) score: f64,
    pub(crate) reasons: Reasons,
}

/// [`find_claims_except`] of a segmented text, each sentence's words read from its
/// tokens (the same features as a scan of the sentence: see `features::TokenWords`).
pub(crate) fn find_claims_in(
    seg: &Segmented,
    sentences: &[Range<usize>],
    skip: impl Fn(&Range<usize>) -> bool,
) -> Vec<FoundClaim> {
    find_claims_with(seg.text, Some(seg), sentences, skip)
}

fn find_claims_with(
    text: &str,
    seg: Option<&Segmented>,
    sentences: &[Range<usize>],
    skip: impl Fn(&Range<usize>) -> bool,
) -> Vec<FoundClaim> {
    let mut out = Vec::new();
    let mut scratch = Scratch::for_model();
    for range in claim_sentences(text, sentences) {
        let body = &text[range.clone()];
        if body.ends_with('?') || skip(&range) {
            continue;
        }
        let scanned = match seg.and_then(|seg| Some((seg, sentence_tokens(seg, &range)?))) {
            Some((seg, tokens)) => features::scan_tokens(seg, tokens, &mut scratch),
            None => features::scan(body, &mut scratch),
        };
        let z = model::logit(scanned.named, scratch.hashed_units);
        // Most sentences score too low to be reported: no sigmoid for them.
        if z < HOPELESS_LOGIT {
            continue;
        }
        let score = probability(z, body, scanned.shape);
        if score >= CLAIM_THRESHOLD {
            let reasons = reasons(body, &mut scratch, scanned.named).at(range.start);
            out.push(FoundClaim {
                range,
                score,
                reasons,
            });
        }
    }
    out
}

/// The tokens of `seg` that are exactly byte range `range`, when they lie on one line
/// (a line's text is its tokens and white space; lines the segmentation skipped have
/// no tokens, so a sentence over several lines is scanned from its text).
fn sentence_tokens(seg: &Segmented, range: &Range<usize>) -> Option<Range<usize>> {
    let tokens = &seg.tokens;
    let first = tokens.partition_point(|t| t.start < range.start);
    let end = tokens.partition_point(|t| t.start < range.end);
    let (a, b) = (tokens.get(first)?, tokens.get(end.checked_sub(1)?)?);
    (first < end && a.start == range.start && b.end == range.end && a.para == b.para)
        .then_some(first..end)
}

/// How many reasons a claim shows at most.
const MAX_REASONS: usize = 3;
/// A feature or word is a reason when it adds at least this to the logit.
const REASON_PUSH: f64 = 0.2;

/// Why a sentence scores as it does, as found: up to [`MAX_REASONS`] of its words
/// (byte ranges into the text, from `at`), each with the reader's label of its feature
/// or none, strongest first. Strings are made of them ([`Reasons::shown`]) only for
/// the claims written out: clauses sharing a sentence share its `Reasons`, a copy of
/// a few numbers, where a `Vec<String>` of them cost an allocation a reason.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Reasons {
    at: usize,
    found: [(Option<&'static str>, u32, u32); MAX_REASONS],
    len: usize,
}

impl Reasons {
    /// The same reasons of a sentence starting at byte `start` of the text.
    pub(crate) fn at(self, start: usize) -> Self {
        Reasons { at: start, ..self }
    }

    /// Each reason as a reader is shown it (`label “word”`, or `“word”`), its word
    /// read from `text`, the text the sentence starts at [`Reasons::at`] of.
    pub(crate) fn shown(&self, text: &str) -> Vec<String> {
        self.found[..self.len]
            .iter()
            .map(|&(label, a, b)| {
                let word = &text[self.at + a as usize..self.at + b as usize];
                reason_text(label, &shown_word(word))
            })
            .collect()
    }

    /// Whether a reason is shown as one already kept is: the same label and the
    /// same word as shown.
    fn shows_as_kept(&self, sentence: &str, label: Option<&str>, word: &str) -> bool {
        self.found[..self.len].iter().any(|&(l, a, b)| {
            l == label
                && sentence[a as usize..b as usize]
                    .chars()
                    .map(shown_char)
                    .eq(word.chars().map(shown_char))
        })
    }
}

/// Why a sentence scores as it does, in its own words: the features and words that
/// push its score up most, strongest first ("percentage “40%”", "“hospitals”"), from
/// what its scan left in `scratch` (`named`: the named features that fired).
fn reasons(sentence: &str, scratch: &mut Scratch, named: u64) -> Reasons {
    // (push, word, named feature or none).
    // The buffer is the scratch's, taken for the while (the scratch is read too).
    let mut candidates = std::mem::take(&mut scratch.candidates);
    candidates.clear();
    let mut bits = named;
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        let push = model::named_weight(i);
        if let (true, Some(label), Some(word)) =
            (push >= REASON_PUSH, REASON_LABELS[i], scratch.witness(i))
        {
            candidates.push((push, word, Some(label)));
        }
    }
    // Each word's push is recorded once (one entry a word), so a word can only repeat
    // a named feature's witness: only those are compared, not every candidate.
    let witnesses = candidates.len();
    for &(start, end, units) in &scratch.pushes {
        let (word, push) = (start as usize..end as usize, model::from_units(units));
        // Short function words ("the", "of") are no reason a reader can use.
        if push >= REASON_PUSH
            && word.len() >= 4
            && !candidates[..witnesses].iter().any(|c| c.1 == word)
        {
            candidates.push((push, word, None));
        }
    }
    let mut out = Reasons::default();
    // The strongest first (the first of equals, as a stable sort gives them), until
    // enough are kept: a few passes over the candidates instead of sorting them all.
    while out.len < MAX_REASONS {
        let Some(best) = strongest(&candidates) else {
            break;
        };
        let (_, word, label) = candidates[best].clone();
        candidates[best].0 = TAKEN;
        if !out.shows_as_kept(sentence, label, &sentence[word.clone()]) {
            out.found[out.len] = (label, word.start as u32, word.end as u32);
            out.len += 1;
        }
    }
    scratch.candidates = candidates;
    out
}

/// A taken candidate's push: below any candidate's ([`REASON_PUSH`] at least).
const TAKEN: f64 = f64::NEG_INFINITY;

/// The index of the strongest candidate not taken (the first of equals), if any.
fn strongest(candidates: &[(f64, Range<usize>, Option<&'static str>)]) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, c) in candidates.iter().enumerate() {
        if c.0 != TAKEN && best.is_none_or(|(_, b)| c.0.total_cmp(&b).is_gt()) {
            best = Some((i, c.0));
        }
    }
    best.map(|(i, _)| i)
}

/// A reason as shown: `label “word”`, or `“word”` without a label. Built with
/// `push_str` rather than `format!`: the formatting machinery cost about a thousand
/// instructions a reason, a tenth of the claims stage (callgrind, polnear dev).
fn reason_text(label: Option<&str>, word: &str) -> String {
    const OPEN: &str = "\u{201c}";
    const CLOSE: &str = "\u{201d}";
    let label_len = label.map_or(0, |l| l.len() + 1);
    let mut out = String::with_capacity(label_len + OPEN.len() + word.len() + CLOSE.len());
    if let Some(label) = label {
        out.push_str(label);
        out.push(' ');
    }
    out.push_str(OPEN);
    out.push_str(word);
    out.push_str(CLOSE);
    out
}

/// A word as a reason shows it: a figure's thousands commas become narrow spaces
/// ("6 553"), since a list of reasons is written joined by commas (brat notes).
fn shown_word(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains(',') {
        word.chars().map(shown_char).collect::<String>().into()
    } else {
        word.into()
    }
}

/// A character of a word as [`shown_word`] shows it.
fn shown_char(c: char) -> char {
    if c == ',' {
        '\u{202f}'
    } else {
        c
    }
}

/// The reader's word for each named feature, for those that can be pointed at in the
/// sentence (length, person and the like are not reasons a reader is shown): a table
/// built at compile time, not a match on the feature's name for every reason.
const REASON_LABELS: [Option<&str>; NAMED] = {
    const LABELS: [(&str, &str); 30] = [
        ("number", "figure"),
        ("numbers-2", "figure"),
        ("numbers-3+", "figure"),
        ("magnitude", "figure"),
        ("quantity", "figure"),
        ("unit", "figure"),
        ("figure-unit", "figure"),
        ("year", "date"),
        ("date", "date"),
        ("percent", "percentage"),
        ("money", "money"),
        ("comparative", "comparison"),
        ("than", "comparison"),
        ("superlative", "record"),
        ("record", "record"),
        ("every-never", "record"),
        ("ordinal", "record"),
        ("cause", "cause"),
        ("trend", "change"),
        ("statistic", "statistic"),
        ("research", "statistic"),
        ("past-event", "past event"),
        ("past-ed", "past event"),
        ("perfect", "past event"),
        ("event", "past event"),
        ("vote-law", "law or vote"),
        ("reported", "reported"),
        ("names-1", "name"),
        ("names-3+", "name"),
        ("acronym", "name"),
    ];
    let mut t = [None; NAMED];
    let mut k = 0;
    while k < LABELS.len() {
        t[features::feature_index(LABELS[k].0)] = Some(LABELS[k].1);
        k += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_figures_score_high_and_name_their_words() {
        let s = score_sentence(
            "The health ministry said 40% of the country's 212 hospitals were damaged in the floods last month.",
        );
        assert!(s.score >= CLAIM_THRESHOLD, "{s:?}");
        assert!(s.signals.iter().any(|x| x.contains("40")), "{s:?}");
        let s = score_sentence(
            "Unemployment fell to 4.9 percent in 2016, the lowest rate in eight years.",
        );
        assert!(s.score >= CLAIM_THRESHOLD, "{s:?}");
        assert!(
            !s.signals.is_empty() && s.signals.len() <= MAX_REASONS,
            "{s:?}"
        );
    }

    #[test]
    fn a_figure_with_its_unit_is_shown_whole() {
        let s = score_sentence("The new tunnel under the bay is 14 miles long.");
        assert!(
            s.signals
                .iter()
                .any(|x| x == "figure \u{201c}14 miles\u{201d}"),
            "{s:?}"
        );
        // The unit adds to the figure alone.
        let with_unit = score_sentence("The parish counted 30 families at the meeting.").score;
        let bare = score_sentence("The parish counted 30 at the meeting.").score;
        assert!(with_unit > bare, "{with_unit} vs {bare}");
    }

    #[test]
    fn chatter_and_furniture_score_low() {
        for line in [
            "Thank you so much, everybody, it is wonderful to be here.",
            "What would you do about it?",
            "12 minutes ago",
            "Jane Roe 1 minute ago Sat 18th April 2020 | 01:58 PM",
            "About Us | Contact Us | Careers",
            "I really hope we can all come together and do better.",
        ] {
            let s = score_sentence(line);
            assert!(s.score < CLAIM_THRESHOLD, "{line}: {s:?}");
        }
    }

    #[test]
    fn factual_outscores_opinion() {
        let fact = score_sentence("Burglaries rose by 12 percent in the city in 2015.").score;
        let opinion = score_sentence("I believe we can do better for our children.").score;
        assert!(fact > opinion, "{fact} vs {opinion}");
    }

    #[test]
    fn web_page_chatter_ranks_below_stated_facts() {
        // Web-like sentences (a recipe step with figures, an instruction to the reader,
        // first-person taste): no claims, and below any stated statistic or event.
        let facts = [
            "The county's jobless rate fell to 5.2 percent in June, down from 6.1 percent a year earlier.",
            "The new bridge cost $48 million and opened to traffic in March 2019.",
        ];
        let chatter = [
            "Preheat the oven to 180 degrees and bake the loaf for 25 minutes.",
            "Click the blue button at the top of the page to download the app.",
            "I absolutely love this little cafe and I think you will too.",
            "Honestly, the second season felt slower than the first.",
        ];
        let lowest_fact = facts
            .iter()
            .map(|s| score_sentence(s).score)
            .fold(f64::INFINITY, f64::min);
        assert!(lowest_fact >= CLAIM_THRESHOLD, "{lowest_fact}");
        for line in chatter {
            let s = score_sentence(line);
            assert!(
                s.score < CLAIM_THRESHOLD && s.score < lowest_fact,
                "{line}: {s:?}"
            );
        }
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
    fn reasons_read_as_format_wrote_them() {
        assert_eq!(reason_text(Some("figure"), "40"), "figure “40”");
        assert_eq!(reason_text(None, "hospitals"), "“hospitals”");
        assert_eq!(
            reason_text(Some("past event"), "6\u{202f}553"),
            "past event “6\u{202f}553”"
        );
    }

    #[test]
    fn the_engine_scores_as_the_trainer_did() {
        for (sentence, expected) in model::TRAINER_CHECKS {
            let got = score_sentence(sentence).score;
            // The hashed weights ship as 16-bit integers: a little rounding.
            assert!(
                (got - expected).abs() < 2e-3,
                "{sentence}: {got} vs {expected}"
            );
        }
    }

    #[test]
    fn a_claim_never_starts_after_an_initial_inside_a_name() {
        let text =
            "The telescope at the W.M. Keck Observatory in Hawaii found 12 new moons in 2019.";
        let cut = text.find("Keck").unwrap();
        let pieces = claim_sentences(text, &[0..cut, cut..text.len()]);
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0], 0..text.len());
        // A dotted abbreviation that ends a sentence before a new one stays an end.
        let text = "Prices rose 5% in the U.S. The rise was the largest since 1990.";
        let cut = text.find("The rise").unwrap();
        assert_eq!(claim_sentences(text, &[0..cut, cut..text.len()]).len(), 2);
    }

    /// The byte range of `part` in `text` (its first occurrence).
    fn at(text: &str, part: &str) -> Range<usize> {
        let start = text.find(part).unwrap();
        start..start + part.len()
    }

    #[test]
    fn reported_clauses_cut_from_their_verb_are_no_claims() {
        for (text, cue, clause) in [
            (
                "The senator called out Ruritania for hacking the banks.",
                "called",
                "out Ruritania for hacking the banks",
            ),
            (
                "The coach said he looks forward to meeting the Hawks again.",
                "looks",
                "forward to meeting the Hawks again",
            ),
            ("The club said in a statement.", "said", "in a statement"),
            (
                "The mayor was concerned by attacks that hit four of the city's schools.",
                "concerned",
                "by attacks that hit four of the city's schools",
            ),
            (
                "Officials said the bridge was closed.",
                "said",
                "ridge was closed",
            ),
            // Cut from its own subject or verb: not after the cue, "that" or a mark.
            (
                "The mayor told the council the budget had grown by $40 million.",
                "told",
                "had grown by $40 million",
            ),
            (
                "The coach told the paper the club lost 8 of its 10 games.",
                "told",
                "8 of its 10 games",
            ),
        ] {
            assert_eq!(
                reported_clause(text, at(text, clause), at(text, cue)),
                None,
                "{clause}"
            );
        }
    }

    #[test]
    fn reported_speech_keeps_its_claim() {
        // After the cue (and an adverbial), after "that", a comma, or a pronoun addressee.
        for (text, cue, clause) in [
            (
                "The ministry said 40% of hospitals were hit.",
                "said",
                "40% of hospitals were hit",
            ),
            (
                "The ministry said on Friday that 40% of hospitals were hit.",
                "said",
                "40% of hospitals were hit",
            ),
            (
                "According to the ministry, 40% of hospitals were hit.",
                "According to",
                "40% of hospitals were hit",
            ),
            (
                "Exports fell by a fifth in 2020, the trade office said.",
                "said",
                "Exports fell by a fifth in 2020",
            ),
            (
                "The mayor said on Monday the bridge carries 9,000 cars a day.",
                "said",
                "the bridge carries 9,000 cars a day",
            ),
            (
                "She told them she had sold 2,000 copies in a week.",
                "told",
                "she had sold 2,000 copies in a week",
            ),
        ] {
            let r = at(text, clause);
            assert_eq!(
                reported_clause(text, r.clone(), at(text, cue)),
                Some(r),
                "{clause}"
            );
        }
        // An addressee is left out of what was said.
        let text = "Ms. Oduya told the city council the mill employs 3,400 people.";
        let said = at(text, "the city council the mill employs 3,400 people");
        let clause = reported_clause(text, said, at(text, "told")).map(|r| &text[r]);
        assert_eq!(clause, Some("the mill employs 3,400 people"));
        let text = "Ms. Oduya told reporters on Monday that the mill employs 3,400 people.";
        let said = at(
            text,
            "reporters on Monday that the mill employs 3,400 people",
        );
        let clause = reported_clause(text, said, at(text, "told")).map(|r| &text[r]);
        assert_eq!(clause, Some("the mill employs 3,400 people"));
    }

    #[test]
    fn claims_span_whole_sentences_and_clauses_through_the_engine() {
        let text = "Ms. Oduya told reporters the mill employs 3,400 people and ships 90 tons of steel a day. \
                    The survey, run by the U.S. Geological Survey and the W.M. Keck Observatory, mapped 1,200 craters in 2019. \
                    Dr. Jan Novak said 40% of the county's 212 clinics closed in 2019.";
        let found = crate::analyse(text);
        let claims: Vec<&str> = found
            .annotations
            .iter()
            .filter(|a| a.kind == crate::Kind::Claim)
            .map(|a| a.text.as_str())
            .collect();
        for expected in [
            "the mill employs 3,400 people and ships 90 tons of steel a day",
            "The survey, run by the U.S. Geological Survey and the W.M. Keck Observatory, mapped 1,200 craters in 2019.",
            "40% of the county's 212 clinics closed in 2019",
        ] {
            assert!(claims.contains(&expected), "{expected}: {claims:?}");
        }
    }
}
