//! The analysis engine: plain Rust, no web dependency.
//!
//! Pipeline: `furniture` (page furniture to skip) → `text` (paragraphs, tokens,
//! sentences) → `quotes` (quotation marks paired) → `attribution` (speaker and cue of
//! each quote, indirect speech; the rules propose, three learnt models choose:
//! `speaker_model` the speaker among candidates, `reported_model` which cue candidates
//! are reported speech, `quote_span_model` whether unattributed marks hold a quote) →
//! `speakers` (canonical names) → `claims` (check-worthy sentences) → annotations with
//! code-point offsets.
//!
//! Architecture invariant: `analyse` is a pure function of the text and its
//! `Settings`. It never fails and never panics; odd input
//! yields fewer annotations and a warning.

mod ascii;
pub(crate) mod attribution;
pub(crate) mod claims;
pub(crate) mod confidence;
mod confidence_table;
pub(crate) mod cues;
pub(crate) mod furniture;
pub(crate) mod lexicon;
pub(crate) mod quote_span_model;
pub(crate) mod quotes;
pub(crate) mod reported_model;
mod rule;
pub(crate) mod settings;
pub(crate) mod speaker_model;
pub(crate) mod speakers;
pub(crate) mod text;
mod words;

/// The logistic function: the probability a learnt model's log-odds `z` stand for (the
/// claim model's score, the copied-text edge model's gain), one for every model.
pub(crate) fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The stages one by one, for the benchmarks and training programs of `examples/`
/// and the tests that time or train a stage alone: not an API (everyone else goes
/// through [`analyse`]), and free to change with the stages.
#[doc(hidden)]
pub mod bench {
    pub use super::attribution::{attribute, Attributions};
    pub use super::claims::{
        feature_vector, find_claims, furniture_factor, model_provenance, score_sentence,
        CLAIM_THRESHOLD, FEATURE_NAMES, HASH_BUCKETS, NAMED, NUM_FEATURES,
    };
    pub use super::confidence::keys as confidence_keys;
    pub use super::furniture::{
        article_body, copied_segments, furniture_spans, strip_furniture, SEGMENT_FEATURES,
    };
    pub use super::quotes::{find_quotes, Quote};
    pub use super::speakers::canonical_names;
    pub use super::text::{segment, sentences, Segmented};
}

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use cues::CueList;
pub use rule::Rule;
pub use settings::{apply_choices, ArticleChoice, ArticleSetting, Settings};

use crate::model::offsets::CharIndex;
use crate::model::{Annotation, Cue, Kind};

/// What the engine found in a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub annotations: Vec<Annotation>,
    /// Problems worth telling the user about (unbalanced quotation marks, ...).
    pub warnings: Vec<String>,
    /// Furniture lines (navigation, share links, related stories), in code points,
    /// end exclusive: the UI dims them; no annotation lies inside them.
    pub furniture: Vec<(usize, usize)>,
}

/// What a person may change about the analysis. Serializable, so the app can send
/// it to a worker with the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// The reporting verbs and phrases taken as speech cues.
    pub cues: CueList,
}

/// Annotate `text` as `settings` say: the one entry point of the engine, for the
/// command line, the app's worker, the Python package and the tests. Offsets in the
/// result are code points; its `furniture` is the base furniture (what the source
/// marked, or the engine's guess) before a person's choices, and no annotation lies in
/// the furniture after them.
pub fn analyse(text: &str, settings: &Settings) -> Analysis {
    let article = settings.article;
    if article.is_plain() {
        return analyse_around(text, furniture::furniture_spans(text), settings.options);
    }
    let (base, furniture) = article.furniture(text);
    let mut analysis = analyse_around(text, furniture, settings.options);
    analysis.furniture = base;
    analysis
}

/// For `examples/train_speakers.rs` only: every kept quotation of `text` (built-in
/// settings) with the speaker model's candidates, their features and scores, spans in
/// code points. Not part of the API.
#[doc(hidden)]
pub fn speaker_model_rows(text: &str) -> Vec<SpeakerRow> {
    let seg = text::segment(text, &furniture::furniture_spans(text));
    let (quotes, _) = quotes::find_quotes(&seg);
    let mut rows = Vec::new();
    let cues = CueList::builtin();
    let sentences = text::sentences(&seg);
    attribution::attribute_recording(&seg, &quotes, &cues, &sentences, Some(&mut rows), None);
    let ix = CharIndex::new(text);
    let chars = |r: &Range<usize>| ix.char_at(r.start)..ix.char_at(r.end);
    for row in &mut rows {
        row.quote = chars(&row.quote);
        for c in &mut row.candidates {
            c.speaker = c.speaker.as_ref().map(chars);
        }
    }
    rows
}

/// The speaker model's feature names, in weight order (for its trainer).
#[doc(hidden)]
pub fn speaker_model_features() -> &'static [&'static str] {
    &speaker_model::features::NAMES
}

#[doc(hidden)]
pub use speaker_model::{CandidateRow as SpeakerCandidate, QuoteRow as SpeakerRow};

/// For `examples/train_reported.rs` only: every reported-speech candidate of `text`
/// (built-in settings) with its features and score, spans in code points. Not part of
/// the API.
#[doc(hidden)]
pub fn reported_model_rows(text: &str) -> Vec<ReportedRow> {
    let seg = text::segment(text, &furniture::furniture_spans(text));
    let (quotes, _) = quotes::find_quotes(&seg);
    let mut rows = Vec::new();
    let cues = CueList::builtin();
    let sentences = text::sentences(&seg);
    attribution::attribute_recording(&seg, &quotes, &cues, &sentences, None, Some(&mut rows));
    let ix = CharIndex::new(text);
    let chars = |r: &Range<usize>| ix.char_at(r.start)..ix.char_at(r.end);
    for row in &mut rows {
        row.cue = chars(&row.cue);
        for c in &mut row.contents {
            *c = chars(c);
        }
    }
    rows
}

/// The reported-speech model's feature names, in weight order (for its trainer).
#[doc(hidden)]
pub fn reported_model_features() -> &'static [&'static str] {
    &reported_model::features::NAMES
}

/// The shipped reported-speech weights as `name weight` lines (the trainer's format),
/// for the scripts that start from them.
#[doc(hidden)]
pub fn reported_model_shipped() -> String {
    reported_model::shipped()
        .map(|(n, w)| format!("{n} {w}\n"))
        .collect()
}

#[doc(hidden)]
pub use reported_model::ReportedRow;

/// For `examples/train_quote_spans.rs` only: every quotation of `text` (built-in
/// settings) the rules keep without a speaker, with the quotation-span model's features
/// and score, spans in code points. Not part of the API.
#[doc(hidden)]
pub fn quote_span_rows(text: &str) -> Vec<QuoteSpanRow> {
    let seg = text::segment(text, &furniture::furniture_spans(text));
    let (quotes, _) = quotes::find_quotes(&seg);
    let cues = CueList::builtin();
    let sentences = text::sentences(&seg);
    let mut found = attribution::attribute_recording(&seg, &quotes, &cues, &sentences, None, None);
    let mut rows = Vec::new();
    quote_span_model::drop_unlikely_quotes(
        &seg,
        &cues,
        &quotes,
        &sentences,
        &mut found,
        Some(&mut rows),
    );
    let ix = CharIndex::new(text);
    for row in &mut rows {
        row.quote = ix.char_at(row.quote.start)..ix.char_at(row.quote.end);
    }
    rows
}

/// The quotation-span model's feature names, in weight order (for its trainer).
#[doc(hidden)]
pub fn quote_span_features() -> &'static [&'static str] {
    &quote_span_model::features::NAMES
}

/// The shipped quotation-span weights as `name weight` lines (the trainer's format).
#[doc(hidden)]
pub fn quote_span_shipped() -> String {
    quote_span_model::shipped()
        .map(|(n, w)| format!("{n} {w}\n"))
        .collect()
}

#[doc(hidden)]
pub use quote_span_model::QuoteSpanRow;

/// Annotate `text` outside the byte ranges `bp`, which stand for the page furniture
/// (a person's choice of the article's blocks, or the article an HTML copy marks).
/// Ranges out of bounds or off character boundaries are ignored.
fn analyse_around(text: &str, bp: Vec<Range<usize>>, options: &Options) -> Analysis {
    let bp = disjoint_furniture(text, bp);
    let seg = text::segment(text, &bp);
    let (quotes, warnings) = quotes::find_quotes(&seg);
    let sentences = text::sentences(&seg);
    let mut found =
        attribution::attribute_recording(&seg, &quotes, &options.cues, &sentences, None, None);
    // Quotation marks around a title or a term are not a quote: the learnt model drops
    // such quotations among those left without a speaker.
    quote_span_model::drop_unlikely_quotes(
        &seg,
        &options.cues,
        &quotes,
        &sentences,
        &mut found,
        None,
    );
    let mut names = speakers::canonical_names(&seg, &found.attrs);
    let ids = AttrIds::number(&found);
    let quote_links = kept_quotes(&seg, &quotes, &found);
    // Claims: reported speech first, then check-worthy sentences elsewhere.
    let sentence_bytes: Vec<Range<usize>> = sentences.iter().map(|s| seg.token_bytes(s)).collect();
    let mut claims = reported_claims(&seg, &found, &sentence_bytes, sentences.len() / 4);
    sentence_claims(&seg, &sentence_bytes, &bp, &quote_links, &mut claims);
    // Every annotation counted before the first is made: the vector is allocated once
    // (it grew for the claims before, copying the annotations made so far).
    let mut out = Vec::with_capacity(ids.order.len() + quote_links.len() + claims.len());
    let mut annotator = Annotator::new(&seg, &options.cues);
    annotator.quotes(&quote_links, &found, &ids, &mut out);
    annotator.claims(claims, &ids, &mut out);
    // Last, as each attribution's id moves into it (the quotes and claims copied theirs);
    // `finished` sorts the annotations (stably: each kind keeps its order).
    annotator.attributions(&found, &mut names, &sentences, ids, &mut out);
    finished(out, warnings, &bp, &annotator.ix)
}

/// The kept quotes in text order, with their bytes and the attribution each links to.
fn kept_quotes(
    seg: &text::Segmented,
    quotes: &[quotes::Quote],
    found: &attribution::Attributions,
) -> Vec<QuoteLink> {
    quotes
        .iter()
        .enumerate()
        .filter(|&(qi, _)| found.quotes[qi].keep)
        .map(|(qi, q)| QuoteLink {
            bytes: seg.tokens[q.first].start..seg.tokens[q.last].end,
            attr: found.quotes[qi].attr,
            index: qi,
        })
        .collect()
}

/// The furniture ranges from outside made what the segmenter expects: inside the text,
/// on character boundaries, sorted and disjoint (ranges from outside may overlap).
fn disjoint_furniture(text: &str, mut bp: Vec<Range<usize>>) -> Vec<Range<usize>> {
    bp.retain(|r| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    });
    bp.sort_by_key(|r| (r.start, r.end));
    bp.dedup_by(|next, kept| {
        let joins = next.start <= kept.end;
        if joins {
            kept.end = kept.end.max(next.end);
        }
        joins
    });
    bp
}

/// The attributions something links to (a quote or reported speech), numbered a1, a2,
/// ... in text order; the others are not written.
struct AttrIds {
    /// The linked attributions (indices into `Attributions::attrs`), in text order.
    order: Vec<usize>,
    /// Each attribution's id, by its index; empty for those nothing links to.
    id: Vec<String>,
}

impl AttrIds {
    fn number(found: &attribution::Attributions) -> Self {
        let mut used = vec![false; found.attrs.len()];
        for a in found.quotes.iter().filter_map(|q| q.attr.as_ref()) {
            used[*a] = true;
        }
        for (_, a) in &found.contents {
            used[*a] = true;
        }
        let mut order: Vec<usize> = (0..found.attrs.len()).filter(|&a| used[a]).collect();
        order.sort_by_key(|&a| (found.attrs[a].speaker.start, found.attrs[a].cue.start));
        let mut id = vec![String::new(); found.attrs.len()];
        for (n, &a) in order.iter().enumerate() {
            id[a] = numbered_id('a', n + 1);
        }
        AttrIds { order, id }
    }

    /// The id an annotation linked to attribution `a` names.
    fn of(&self, a: Option<usize>) -> Option<String> {
        a.map(|a| self.id[a].clone())
    }
}

/// A kept quotation's bytes and the attribution it links to: a claim mostly inside it
/// is that speaker's.
struct QuoteLink {
    bytes: Range<usize>,
    attr: Option<usize>,
    /// The quotation's index among all found (kept or not).
    index: usize,
}

/// A claim before it is numbered: its bytes, the attribution it is linked to, its score
/// and the rule that found it.
struct Claim {
    bytes: Range<usize>,
    attr: Option<usize>,
    score: f64,
    /// Made into strings when the claim is written.
    reasons: claims::Reasons,
    rule: Rule,
}

/// What every annotation is written with: the tokens, the code-point index, and the cue
/// list and key buffer its confidence is looked up with.
struct Annotator<'a> {
    seg: &'a text::Segmented<'a>,
    ix: CharIndex,
    cues: &'a CueList,
    /// The confidence table's keys are joined in this one buffer.
    key: String,
}

impl<'a> Annotator<'a> {
    fn new(seg: &'a text::Segmented<'a>, cues: &'a CueList) -> Self {
        Annotator {
            seg,
            ix: CharIndex::new(seg.text),
            cues,
            key: String::new(),
        }
    }

    /// An automatic annotation over byte range `r`.
    fn annotation(&self, id: String, kind: Kind, r: Range<usize>) -> Annotation {
        let (start, end) = (self.ix.char_at(r.start), self.ix.char_at(r.end));
        Annotation::with_covered_text(id, kind, start, end, self.seg.text[r].to_string())
    }

    /// Set `ann`'s rule and its confidence, found from the rule as a `Rule` (not read
    /// back from its name).
    fn rule_and_confidence(&mut self, ann: &mut Annotation, rule: Rule) {
        ann.rule = Some(rule.name().into());
        ann.confidence = Some(confidence::confidence_with(
            ann,
            Some(rule),
            self.cues,
            &mut self.key,
        ));
    }

    /// The linked attributions, in `ids`' order, with their cue, speaker name and why.
    fn attributions(
        &mut self,
        found: &attribution::Attributions,
        names: &mut [speakers::Named],
        sentences: &[Range<usize>],
        mut ids: AttrIds,
        out: &mut Vec<Annotation>,
    ) {
        for &a in &ids.order {
            let at = &found.attrs[a];
            let speaker = self.seg.token_bytes(&at.speaker);
            let id = std::mem::take(&mut ids.id[a]);
            let mut ann = self.annotation(id, Kind::Attribution, speaker);
            let cue = self.seg.token_bytes(&at.cue);
            ann.cue = Some(Cue {
                start: self.ix.char_at(cue.start),
                end: self.ix.char_at(cue.end),
                text: self.seg.text[cue].to_string(),
            });
            ann.why = Some(why(&names[a], at.speaker.start, sentences));
            // Each attribution is written once: its name moves, uncopied.
            ann.speaker = Some(std::mem::take(&mut names[a].name));
            self.rule_and_confidence(&mut ann, at.rule);
            out.push(ann);
        }
    }

    /// The kept quotes (`kept_quotes`), numbered q1, q2, ... with their links.
    fn quotes(
        &mut self,
        kept: &[QuoteLink],
        found: &attribution::Attributions,
        ids: &AttrIds,
        out: &mut Vec<Annotation>,
    ) {
        for (n, q) in kept.iter().enumerate() {
            let id = numbered_id('q', n + 1);
            let mut ann = self.annotation(id, Kind::Quote, q.bytes.clone());
            ann.attribution = ids.of(q.attr);
            self.rule_and_confidence(&mut ann, found.quotes[q.index].rule);
            out.push(ann);
        }
    }

    /// The claims, numbered c1, c2, ... in text order, with their score and signals.
    fn claims(&mut self, mut claims: Vec<Claim>, ids: &AttrIds, out: &mut Vec<Annotation>) {
        claims.sort_by_key(|c| (c.bytes.start, c.bytes.end));
        for (n, c) in claims.into_iter().enumerate() {
            let mut ann = self.annotation(numbered_id('c', n + 1), Kind::Claim, c.bytes);
            ann.attribution = ids.of(c.attr);
            ann.score = Some((c.score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0);
            ann.signals = Some(c.reasons.shown(self.seg.text));
            self.rule_and_confidence(&mut ann, c.rule);
            out.push(ann);
        }
    }
}

/// Reported speech as claims, `capacity` more reserved for the sentences to come: each
/// content clause trimmed to whole words and scored with the sentence around it.
fn reported_claims(
    seg: &text::Segmented,
    found: &attribution::Attributions,
    sentence_bytes: &[Range<usize>],
    capacity: usize,
) -> Vec<Claim> {
    let text = seg.text;
    let mut claims: Vec<Claim> = Vec::with_capacity(found.contents.len() + capacity);
    // The last sentence scored, its score and its reasons (a copy of a few numbers).
    let mut last_scored: Option<(Range<usize>, f64, claims::Reasons)> = None;
    for (content, a) in &found.contents {
        // A cue that ends the text ("he said,") leaves an empty content: no span.
        if content.is_empty() {
            continue;
        }
        let r = trim_span(text, seg.token_bytes(content));
        // A verb's particle or complement cut off from it ("called out …", "said in a
        // statement") is no claim of its own.
        let Some(r) = claims::reported_clause(text, r, seg.token_bytes(&found.attrs[*a].cue))
        else {
            continue;
        };
        // Scored with the whole sentence around it (attribution and all), as the model
        // learnt sentences and lines.
        // Several clauses of one sentence (contents come in text order) share its score.
        let whole = around(sentence_bytes, &r);
        let (score, reasons) = match last_scored {
            Some((ref w, score, reasons)) if *w == whole => (score, reasons),
            _ => {
                let (score, reasons) = claims::score_sentence_reasons(&text[whole.clone()]);
                (score, reasons.at(whole.start))
            }
        };
        last_scored = Some((whole, score, reasons));
        claims.push(Claim {
            bytes: r,
            attr: Some(*a),
            score,
            reasons,
            rule: found.attrs[*a].rule,
        });
    }
    claims
}

/// The check-worthy sentences added to `claims`: those overlapping no reported speech
/// (already claims) and no furniture, which are not even scored; each linked to the
/// attributed quote it mostly lies in.
fn sentence_claims(
    seg: &text::Segmented,
    sentence_bytes: &[Range<usize>],
    furniture: &[Range<usize>],
    quotes: &[QuoteLink],
    claims: &mut Vec<Claim>,
) {
    let covered = Overlaps::new(claims.iter().map(|c| c.bytes.clone()).collect());
    let furniture_overlaps = Overlaps::new(furniture.to_vec());
    let skip = |r: &Range<usize>| covered.any(r) || furniture_overlaps.any(r);
    let text = seg.text;
    for c in claims::find_claims_in(seg, sentence_bytes, skip) {
        let r = c.range;
        if r.is_empty()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end.min(text.len()))
            || r.end > text.len()
        {
            continue;
        }
        let attr = quote_attribution(quotes, &r);
        claims.push(Claim {
            bytes: r,
            attr,
            score: c.score,
            reasons: c.reasons,
            rule: if attr.is_some() {
                Rule::CheckWorthyInQuote
            } else {
                Rule::CheckWorthySentence
            },
        });
    }
}

/// The attribution of the quote holding more than half of byte range `r`: a claim
/// mostly inside an attributed quote is that speaker's claim. Quotes are disjoint and
/// sorted, so only those from the first ending after `r`'s start can overlap it.
fn quote_attribution(quotes: &[QuoteLink], r: &Range<usize>) -> Option<usize> {
    let first = quotes.partition_point(|q| q.bytes.end <= r.start);
    quotes[first..]
        .iter()
        .take_while(|q| q.bytes.start < r.end)
        .find(|q| {
            2 * (q
                .bytes
                .end
                .min(r.end)
                .saturating_sub(q.bytes.start.max(r.start)))
                > r.len()
        })
        .and_then(|q| q.attr)
}

/// The analysis: annotations in text order, warnings sorted and once each, the
/// furniture in code points.
fn finished(
    mut out: Vec<Annotation>,
    mut warnings: Vec<String>,
    furniture: &[Range<usize>],
    ix: &CharIndex,
) -> Analysis {
    // Keys sorted, then the annotations moved once each (they are large to move).
    out.sort_by_cached_key(|a| (a.start, a.end, a.kind));
    warnings.sort();
    warnings.dedup();
    let furniture = furniture
        .iter()
        .map(|r| (ix.char_at(r.start), ix.char_at(r.end)))
        .collect();
    Analysis {
        annotations: out,
        warnings,
        furniture,
    }
}

/// How a speaker's name was found, for the reviewer: "pronoun resolved to Mike
/// Pompeo, 2 sentences back". `at` is the mention's first token. A fixed phrase is
/// borrowed; the others are joined with `push_str`, not `format!` (one allocation).
fn why(named: &speakers::Named, at: usize, sentences: &[Range<usize>]) -> Cow<'static, str> {
    use speakers::NameSource;
    // Sentences are sorted token ranges: the one holding a token by binary search.
    let sentence = |tok: usize| sentences.partition_point(|s| s.start <= tok);
    let name = &named.name;
    let (head, from) = match named.how {
        NameSource::AsWritten => return "named in the text".into(),
        NameSource::Unnamed => return "no name: the mention as written".into(),
        NameSource::PronounUnresolved => return "pronoun not resolved: no one before fits".into(),
        NameSource::FullerName => ("the fullest name in the text: ", None),
        NameSource::Document => ("the person behind the document: ", None),
        NameSource::Pronoun { from } => ("pronoun resolved to ", Some(from)),
        NameSource::Role { from } => ("role noun resolved to ", Some(from)),
    };
    let back = from.map(|from| sentence(at).saturating_sub(sentence(from)));
    let mut out = String::with_capacity(head.len() + name.len() + 24);
    out.push_str(head);
    out.push_str(name);
    match back {
        None => {}
        Some(0) => out.push_str(", in the same sentence"),
        Some(1) => out.push_str(", 1 sentence back"),
        Some(n) => {
            out.push_str(", ");
            push_decimal(&mut out, n);
            out.push_str(" sentences back");
        }
    }
    out.into()
}

/// Ranges to test for overlap in O(log n): sorted by start, with the running
/// maximum of their ends.
struct Overlaps {
    ranges: Vec<Range<usize>>,
    max_end: Vec<usize>,
}

impl Overlaps {
    fn new(mut ranges: Vec<Range<usize>>) -> Self {
        ranges.sort_by_key(|r| r.start);
        let max_end = ranges
            .iter()
            .scan(0, |m, r| {
                *m = r.end.max(*m);
                Some(*m)
            })
            .collect();
        Overlaps { ranges, max_end }
    }

    /// Whether any range overlaps `r`: of those starting before `r` ends, one must
    /// end after `r` starts.
    fn any(&self, r: &Range<usize>) -> bool {
        let n = self.ranges.partition_point(|c| c.start < r.end);
        n > 0 && self.max_end[n - 1] > r.start
    }
}

/// Drop white space and the joining punctuation of [`is_clause_edge`] at the ends of a
/// byte span.
fn trim_span(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let t = s.trim_start_matches(is_clause_edge);
    let start = r.start + (s.len() - t.len());
    let t = t.trim_end_matches(is_clause_edge);
    start..start + t.len()
}

/// White space and the punctuation that joins a clause to its cue (`said: "…"`,
/// `said, …`, `the report – …`): part of neither the clause nor the claim made of it,
/// so a claim starts at a word or an opening quotation mark.
fn is_clause_edge(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ':' | ';' | '\u{2013}' | '\u{2014}')
}

/// An annotation id: `prefix` and `n` in decimal ("q12"), written without the
/// formatting machinery (this runs for every annotation).
fn numbered_id(prefix: char, n: usize) -> String {
    let mut id = String::with_capacity(8);
    id.push(prefix);
    push_decimal(&mut id, n);
    id
}

/// Append `n` in decimal to `out`.
fn push_decimal(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// The sentences (sorted byte ranges) around `r`, from the first overlapping it to the
/// last; `r` itself when none does.
fn around(sentences: &[Range<usize>], r: &Range<usize>) -> Range<usize> {
    let first = sentences.partition_point(|s| s.end <= r.start);
    let last = sentences.partition_point(|s| s.start < r.end);
    if first < last {
        sentences[first].start.min(r.start)..sentences[last - 1].end.max(r.end)
    } else {
        r.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_from_outside_is_kept_in_bounds_sorted_and_disjoint() {
        let text = "Home · World\nBody text.\n";
        // "·" is two bytes (5..7): a range ending at 6 is off a character boundary.
        let given = vec![13..20, 0..4, 2..5, 3..6, 10..99, 8..8];
        assert_eq!(disjoint_furniture(text, given), vec![0..5, 13..20]);
    }

    #[test]
    fn a_claim_belongs_to_the_attributed_quote_holding_most_of_it() {
        let quotes = [
            QuoteLink {
                bytes: 0..10,
                attr: Some(3),
                index: 0,
            },
            QuoteLink {
                bytes: 20..40,
                attr: None,
                index: 1,
            },
            QuoteLink {
                bytes: 50..60,
                attr: Some(7),
                index: 2,
            },
        ];
        assert_eq!(quote_attribution(&quotes, &(2..12)), Some(3));
        // Half inside is not most of it.
        assert_eq!(quote_attribution(&quotes, &(5..15)), None);
        // Inside an unattributed quote: nobody's.
        assert_eq!(quote_attribution(&quotes, &(22..30)), None);
        assert_eq!(quote_attribution(&quotes, &(48..60)), Some(7));
        assert_eq!(quote_attribution(&quotes, &(41..49)), None);
    }

    #[test]
    fn numbered_ids_are_the_prefix_and_the_decimal_number() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(numbered_id('q', n), format!("q{n}"));
        }
    }
}
