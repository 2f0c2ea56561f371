//! Two people's work on the same text, side by side: which annotations agree and how the
//! others differ (only one has it; kind, span, speaker, cue or review state), agreement
//! figures by the overlap rules of the shared scorer (`figures`), and a merged document
//! that takes each difference from the side a person chooses (`merge`).
//!
//! Plain Rust, no web types: the app's compare mode (`edit::comparing`) and
//! `quotelens compare` use it alike. A is the reference wherever a direction matters
//! (precision is "B's that A has", recall "A's that B has"); F1 is the same either way
//! round up to ties in the one-to-one matching.

mod figures;
mod merge;
mod report;

use std::collections::HashMap;
use std::fmt;

pub use figures::{Figure, Figures, Overlap, Row, Share};
pub use merge::merge;
pub use report::{aspect_counts, describe, percent, report};

use crate::model::{Annotation, Document, Kind};

/// The lower overlap threshold of `score.py`: a quote is found when more than this share
/// of its characters is covered. Also the least overlap that pairs two annotations of
/// the same thing whose spans differ.
pub const LOOSE: f64 = 0.3;
/// The strict threshold of `score.py`.
pub const STRICT: f64 = 0.8;

/// Which of the two documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub fn letter(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }
}

/// One way a pair of annotations differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Aspect {
    /// Only A marked it.
    OnlyA,
    /// Only B marked it.
    OnlyB,
    Kind,
    Span,
    /// An attribution's speaker name, or the speaker mention a quote or claim links to.
    Speaker,
    Cue,
    /// One accepted it (or made it: `origin: user`), the other left it unreviewed.
    Review,
}

impl Aspect {
    pub fn label(self) -> &'static str {
        match self {
            Aspect::OnlyA => "only in A",
            Aspect::OnlyB => "only in B",
            Aspect::Kind => "kind",
            Aspect::Span => "span",
            Aspect::Speaker => "speaker",
            Aspect::Cue => "cue",
            Aspect::Review => "review state",
        }
    }
}

/// An annotation of A and one of B that mark the same thing (or one of them alone),
/// by index into each document's annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub a: Option<usize>,
    pub b: Option<usize>,
    /// Empty when the two agree.
    pub differs: Vec<Aspect>,
}

impl Pair {
    pub fn side(&self, side: Side) -> Option<usize> {
        match side {
            Side::A => self.a,
            Side::B => self.b,
        }
    }

    pub fn agrees(&self) -> bool {
        self.differs.is_empty()
    }
}

/// Two documents compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub a: Document,
    pub b: Document,
    /// Every annotation of either document in exactly one pair, in text order.
    pub pairs: Vec<Pair>,
    /// The pairs that differ (indices into `pairs`), in text order.
    pub differences: Vec<usize>,
    pub figures: Figures,
    /// The pair of each annotation of A and of B.
    pair_of: [Vec<usize>; 2],
}

/// The two files are not of the same text, so their offsets cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextsDiffer {
    /// The first code point where they differ.
    pub at: usize,
    pub a_len: usize,
    pub b_len: usize,
    /// A few words of each around `at`.
    pub a_near: String,
    pub b_near: String,
}

impl fmt::Display for TextsDiffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the two files annotate different texts (A has {} characters, B {}; they part at character {}: A \"{}\", B \"{}\"). Only annotations of the same text can be compared.",
            self.a_len, self.b_len, self.at, self.a_near, self.b_near
        )
    }
}

impl std::error::Error for TextsDiffer {}

/// The text's characters and which of them count for overlaps: as in `score.py`, white
/// space and quotation marks do not (two spans that differ only by the marks agree).
pub(crate) struct Chars {
    chars: Vec<char>,
    counts: Vec<bool>,
}

const UNCOUNTED: &[char] = &[
    ' ', '\t', '\r', '\n', '\u{a0}', '"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}',
    '\u{ab}', '\u{bb}',
];

impl Chars {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let counts = chars.iter().map(|c| !UNCOUNTED.contains(c)).collect();
        Chars { chars, counts }
    }

    /// The counted code points of `[start, end)`, ascending.
    fn of(&self, start: usize, end: usize) -> Vec<u32> {
        let end = end.min(self.counts.len());
        (start.min(end)..end)
            .filter(|&i| self.counts[i])
            .map(|i| i as u32)
            .collect()
    }

    /// `[start, end)` as text, trimmed and lower-cased (for the cue's "same text").
    fn words(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        let s: String = self.chars[start.min(end)..end].iter().collect();
        s.trim().to_lowercase()
    }
}

/// How many values two ascending lists share.
fn common(x: &[u32], y: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two ascending lists can share a value (their extents meet): a cheap test
/// before `common`.
fn extents_meet(x: &[u32], y: &[u32]) -> bool {
    match (x.first(), x.last(), y.first(), y.last()) {
        (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) => x0 <= y1 && y0 <= x1,
        _ => false,
    }
}

/// The one sort key of this module (and its submodules): every sort here sorts these, so
/// the page's Wasm holds one instance of the sort, not one per element type.
pub(crate) type Key = (u64, u64, u64);

/// A code-point span as one sortable number.
fn span_key(start: usize, end: usize) -> u64 {
    ((start as u64) << 32) | end as u64
}

/// Candidate pairs `(share, i, j)` best share first, ties later indices first (the
/// order of `score.py`'s `sort(reverse=True)`); a non-negative `f64`'s bits sort as it does.
pub(crate) fn best_first(candidates: &mut [Key]) {
    candidates.sort_unstable();
    candidates.reverse();
}

pub(crate) fn share_key(share: f64) -> u64 {
    share.to_bits()
}

/// Each annotation's id to its index; the first of two with one id wins.
fn index_by_id(doc: &Document) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for (i, x) in doc.annotations.iter().enumerate().rev() {
        m.insert(x.id.as_str(), i);
    }
    m
}

/// Where two texts part, or none when they are the same.
fn texts_differ(a: &str, b: &str) -> Option<TextsDiffer> {
    if a == b {
        return None;
    }
    let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let near = |t: &str| -> String {
        let s: String = t.chars().skip(at.saturating_sub(12)).take(24).collect();
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    Some(TextsDiffer {
        at,
        a_len: a.chars().count(),
        b_len: b.chars().count(),
        a_near: near(a),
        b_near: near(b),
    })
}

/// Compare two documents of the same text; refuses documents of different texts.
pub fn compare(a: Document, b: Document) -> Result<Comparison, TextsDiffer> {
    if let Some(differ) = texts_differ(&a.text, &b.text) {
        return Err(differ);
    }
    let chars = Chars::new(&a.text);
    let paired = pair_annotations(&a, &b, &chars);
    let pairs: Vec<Pair> = {
        let links = Links::new(&a, &b, &paired);
        paired
            .iter()
            .map(|&(ia, ib)| Pair {
                a: ia,
                b: ib,
                differs: links.aspects(ia, ib),
            })
            .collect()
    };
    // Text order: by start, then end, then A's order (B's alone last).
    let mut order: Vec<Key> = pairs
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let ends = [
                p.a.map(|i| &a.annotations[i]),
                p.b.map(|i| &b.annotations[i]),
            ];
            let start = ends.iter().flatten().map(|x| x.start).min().unwrap_or(0);
            let end = ends.iter().flatten().map(|x| x.end).max().unwrap_or(0);
            (start as u64, end as u64, k as u64)
        })
        .collect();
    order.sort_unstable();
    let pairs: Vec<Pair> = order.iter().map(|k| pairs[k.2 as usize].clone()).collect();
    let mut pair_of = [vec![0; a.annotations.len()], vec![0; b.annotations.len()]];
    for (k, p) in pairs.iter().enumerate() {
        if let Some(i) = p.a {
            pair_of[0][i] = k;
        }
        if let Some(i) = p.b {
            pair_of[1][i] = k;
        }
    }
    let differences = (0..pairs.len()).filter(|&k| !pairs[k].agrees()).collect();
    let figures = figures::figures(&a, &b, &chars, &pairs);
    Ok(Comparison {
        a,
        b,
        pairs,
        differences,
        figures,
        pair_of,
    })
}

impl Comparison {
    pub fn doc(&self, side: Side) -> &Document {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }

    /// The annotation of `side` in pair `k`.
    pub fn annotation(&self, k: usize, side: Side) -> Option<&Annotation> {
        let i = self.pairs.get(k)?.side(side)?;
        self.doc(side).annotations.get(i)
    }

    /// The pair holding the annotation of `side` with `id`.
    fn pair_with_id(&self, side: Side, id: &str) -> Option<usize> {
        let doc = self.doc(side);
        let i = doc.annotations.iter().position(|x| x.id == id)?;
        Some(self.pair_of[side as usize][i])
    }

    /// The speaker a quote or claim of `side` links to: the attribution's name.
    pub fn speaker_of(&self, annotation: &Annotation, side: Side) -> Option<String> {
        let id = annotation.attribution.as_deref()?;
        let a = self.doc(side).annotations.iter().find(|x| x.id == id)?;
        Some(a.speaker.clone().unwrap_or_else(|| a.text.clone()))
    }
}

/// Pair each annotation of A with at most one of B: the same kind and span first, then
/// the same span of another kind, then overlapping spans of the same kind, then a quote
/// and a claim over the same words. The rest stand alone.
fn pair_annotations(
    a: &Document,
    b: &Document,
    chars: &Chars,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut partners = Partners::new(a, b);
    // Exact spans: the same kind first, then any kind.
    partners.pair_exact_spans(true);
    partners.pair_exact_spans(false);
    let counted = |doc: &Document| -> Vec<Vec<u32>> {
        doc.annotations
            .iter()
            .map(|x| chars.of(x.start, x.end))
            .collect()
    };
    let counted = [counted(a), counted(b)];
    let same = |ka: Kind, kb: Kind| ka == kb;
    let quote_or_claim =
        |ka: Kind, kb: Kind| ka != kb && ka != Kind::Attribution && kb != Kind::Attribution;
    partners.pair_overlaps(&counted, &same);
    partners.pair_overlaps(&counted, &quote_or_claim);
    partners.into_pairs()
}

/// The pairing under way: each annotation's partner on the other side, if it has one
/// yet. Each step pairs only annotations both still alone, so an earlier step wins.
struct Partners<'d> {
    a: &'d Document,
    b: &'d Document,
    of_a: Vec<Option<usize>>,
    of_b: Vec<Option<usize>>,
}

impl<'d> Partners<'d> {
    fn new(a: &'d Document, b: &'d Document) -> Self {
        Partners {
            a,
            b,
            of_a: vec![None; a.annotations.len()],
            of_b: vec![None; b.annotations.len()],
        }
    }

    fn link(&mut self, ia: usize, ib: usize) {
        self.of_a[ia] = Some(ib);
        self.of_b[ib] = Some(ia);
    }

    /// Pair annotations of exactly the same span (and the same kind if `same_kind`), in
    /// A's order, each with the first such annotation of B still alone; found by binary
    /// search in B's free spans sorted, so this is not quadratic.
    fn pair_exact_spans(&mut self, same_kind: bool) {
        // Kind 0 stands for any kind.
        let kind_of = |x: &Annotation| if same_kind { 1 + x.kind as u64 } else { 0 };
        let mut spans: Vec<Key> = (0..self.b.annotations.len())
            .filter(|&ib| self.of_b[ib].is_none())
            .map(|ib| {
                let x = &self.b.annotations[ib];
                (span_key(x.start, x.end), kind_of(x), ib as u64)
            })
            .collect();
        spans.sort_unstable();
        for (ia, x) in self.a.annotations.iter().enumerate() {
            let want = (span_key(x.start, x.end), kind_of(x));
            let from = spans.partition_point(|k| (k.0, k.1) < want);
            let free = spans[from..]
                .iter()
                .take_while(|k| (k.0, k.1) == want)
                .map(|k| k.2 as usize)
                .find(|&ib| self.of_b[ib].is_none());
            if let (None, Some(ib)) = (self.of_a[ia], free) {
                self.link(ia, ib);
            }
        }
    }

    /// Pair overlapping annotations whose kinds fit and which share more than `LOOSE` of
    /// their counted characters (`counted[0]` for A, `counted[1]` for B), the largest
    /// share first.
    fn pair_overlaps(
        &mut self,
        counted: &[Vec<Vec<u32>>; 2],
        kinds_fit: &dyn Fn(Kind, Kind) -> bool,
    ) {
        let mut candidates = Vec::new();
        for ia in (0..self.of_a.len()).filter(|&i| self.of_a[i].is_none()) {
            for ib in (0..self.of_b.len()).filter(|&i| self.of_b[i].is_none()) {
                let (x, y) = (&counted[0][ia], &counted[1][ib]);
                if !kinds_fit(self.a.annotations[ia].kind, self.b.annotations[ib].kind)
                    || !extents_meet(x, y)
                {
                    continue;
                }
                let share = common(x, y) as f64 / x.len().max(y.len()) as f64;
                if share > LOOSE {
                    candidates.push((share_key(share), ia as u64, ib as u64));
                }
            }
        }
        best_first(&mut candidates);
        for (_, ia, ib) in candidates {
            let (ia, ib) = (ia as usize, ib as usize);
            if self.of_a[ia].is_none() && self.of_b[ib].is_none() {
                self.link(ia, ib);
            }
        }
    }

    /// Every annotation of A with its partner or none, then B's that stand alone.
    fn into_pairs(self) -> Vec<(Option<usize>, Option<usize>)> {
        let mut out: Vec<(Option<usize>, Option<usize>)> = self
            .of_a
            .iter()
            .enumerate()
            .map(|(ia, &ib)| (Some(ia), ib))
            .collect();
        out.extend(
            (0..self.of_b.len())
                .filter(|&ib| self.of_b[ib].is_none())
                .map(|ib| (None, Some(ib))),
        );
        out
    }
}

/// What is needed to tell how a pair differs: each side's annotations by id, and which
/// annotation of B each of A's is paired with.
struct Links<'d> {
    a: &'d Document,
    b: &'d Document,
    a_ids: HashMap<&'d str, usize>,
    b_ids: HashMap<&'d str, usize>,
    partner_of_a: Vec<Option<usize>>,
}

impl<'d> Links<'d> {
    fn new(a: &'d Document, b: &'d Document, paired: &[(Option<usize>, Option<usize>)]) -> Self {
        let mut partner_of_a = vec![None; a.annotations.len()];
        for &(ia, ib) in paired {
            if let Some(ia) = ia {
                partner_of_a[ia] = ib;
            }
        }
        Links {
            a,
            b,
            a_ids: index_by_id(a),
            b_ids: index_by_id(b),
            partner_of_a,
        }
    }

    fn aspects(&self, ia: Option<usize>, ib: Option<usize>) -> Vec<Aspect> {
        let (x, y) = match (ia, ib) {
            (Some(ia), Some(ib)) => (&self.a.annotations[ia], &self.b.annotations[ib]),
            (Some(_), None) => return vec![Aspect::OnlyA],
            _ => return vec![Aspect::OnlyB],
        };
        let mut out = Vec::new();
        if x.kind != y.kind {
            out.push(Aspect::Kind);
        }
        if (x.start, x.end) != (y.start, y.end) {
            out.push(Aspect::Span);
        }
        if x.kind == y.kind && self.speakers_differ(x, y) {
            out.push(Aspect::Speaker);
        }
        let cue_span = |c: &Option<crate::model::Cue>| c.as_ref().map(|c| (c.start, c.end));
        if x.kind == Kind::Attribution
            && y.kind == Kind::Attribution
            && cue_span(&x.cue) != cue_span(&y.cue)
        {
            out.push(Aspect::Cue);
        }
        if x.origin != y.origin {
            out.push(Aspect::Review);
        }
        out
    }

    /// Attributions: a different speaker name. Quotes and claims: a speaker mention on
    /// one side only, or mentions that are not paired with each other (a difference
    /// within paired mentions is the mentions' own).
    fn speakers_differ(&self, x: &Annotation, y: &Annotation) -> bool {
        if x.kind == Kind::Attribution {
            return speaker_key(x) != speaker_key(y);
        }
        let la = x.attribution.as_deref().and_then(|id| self.a_ids.get(id));
        let lb = y.attribution.as_deref().and_then(|id| self.b_ids.get(id));
        match (la, lb) {
            (None, None) => false,
            (Some(&la), Some(&lb)) => self.partner_of_a[la] != Some(lb),
            _ => true,
        }
    }
}

/// An attribution's speaker for comparison: its canonical name (else the words it
/// covers), case and spacing aside.
pub(crate) fn speaker_key(a: &Annotation) -> String {
    let name = a.speaker.as_deref().unwrap_or(&a.text);
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests;
