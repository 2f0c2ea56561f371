//! Agreement figures between two annotators, by the rules of the shared scorer
//! (`../shared/eval/score.py`) with A in the place of the gold: quotes are grouped by
//! the attribution they link to (an unlinked quote is its own group); A's group is found
//! when one group of B covers more than T of its characters (one-to-one, best overlap
//! first); B's group is within A when more than T of its characters lie in one of A's
//! groups; characters exclude white space and quotation marks. Speaker and cue agreement
//! are counted over the quotes found at 0.3, as the scorer does.
//!
//! One departure: a group with no counted character (an annotation of only quotation
//! marks or spaces) is left out of both counts, where the scorer would count it as
//! missed, and speaker mentions over the same span agree even with no counted
//! character; so a document compared with itself agrees fully.

use std::collections::HashMap;

use super::{
    best_first, common, extents_meet, share_key, speaker_key, Chars, Key, Pair, LOOSE, STRICT,
};
use crate::model::{Annotation, Document, Kind};

/// One kind's agreement: how many groups each side has, how many of A's were found in
/// B, and how many of B's lie within one of A's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overlap {
    pub in_a: usize,
    pub in_b: usize,
    /// A's groups that B found (recall's numerator).
    pub found: usize,
    /// B's groups within one of A's (precision's numerator).
    pub within: usize,
}

impl Overlap {
    /// None when B has none.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.within, self.in_b)
    }
    /// None when A has none.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.found, self.in_a)
    }
    /// None when neither side has any; 0 when one side has none.
    pub fn f1(&self) -> Option<f64> {
        if self.in_a + self.in_b == 0 {
            return None;
        }
        let (p, r) = (
            self.precision().unwrap_or(0.0),
            self.recall().unwrap_or(0.0),
        );
        Some(if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        })
    }
}

/// A share: of `of` cases, `agree` agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    pub agree: usize,
    pub of: usize,
}

impl Share {
    /// None when there is nothing to agree on.
    pub fn value(&self) -> Option<f64> {
        ratio(self.agree, self.of)
    }
}

fn ratio(n: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| n as f64 / of as f64)
}

/// Every agreement figure of a comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures {
    /// Quote groups at overlap 0.3 and 0.8.
    pub quotes_loose: Overlap,
    pub quotes_strict: Overlap,
    /// Claims and attributions one by one, at 0.3.
    pub claims: Overlap,
    pub attributions: Overlap,
    /// Every quote or claim linked to a speaker mention, grouped by it, at 0.3.
    pub attributed: Overlap,
    /// Of the quotes found at 0.3 whose group A attributes: B's mention overlaps A's.
    pub speaker: Share,
    /// ...and B names the same speaker (canonical names, case aside).
    pub speaker_name: Share,
    /// Of the quotes found at 0.3 whose A mention has a cue: B's cue overlaps it...
    pub cue: Share,
    /// ...and has the same words (case aside).
    pub cue_exact: Share,
    /// Of the annotations both marked: the same review state (accepted or unreviewed).
    pub review: Share,
}

/// A line of the figures table: its label, its `--json` key (`score.py`'s where it has
/// one) and the figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row {
    pub label: &'static str,
    pub key: &'static str,
    pub figure: Figure,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    Overlap(Overlap),
    Share(Share),
}

impl Figures {
    /// The figures in the order and with the names the app and the command line show.
    pub fn rows(&self) -> Vec<Row> {
        let o = |label, key, x| Row {
            label,
            key,
            figure: Figure::Overlap(x),
        };
        let s = |label, key, x| Row {
            label,
            key,
            figure: Figure::Share(x),
        };
        vec![
            o("Quotes @0.3", "quotes@0.3", self.quotes_loose),
            o("Quotes @0.8", "quotes@0.8", self.quotes_strict),
            o("Claims @0.3", "claims@0.3", self.claims),
            o(
                "Speaker mentions @0.3",
                "attributions@0.3",
                self.attributions,
            ),
            o("All attributed @0.3", "all@0.3", self.attributed),
            s("Speaker: mentions overlap", "speaker_match", self.speaker),
            s("Speaker: same name", "speaker_name", self.speaker_name),
            s("Cue overlaps", "cue_overlap", self.cue),
            s("Cue: same words", "cue_exact", self.cue_exact),
            s("Review state", "review_state", self.review),
        ]
    }

    /// For `--json`: each figure with its counts; a ratio with nothing to count is null.
    pub fn to_json(&self) -> serde_json::Value {
        let mut out = serde_json::Map::new();
        for row in self.rows() {
            let value = match row.figure {
                Figure::Overlap(o) => serde_json::json!({
                    "in_a": o.in_a, "in_b": o.in_b, "found": o.found, "within": o.within,
                    "p": o.precision(), "r": o.recall(), "f1": o.f1(),
                }),
                Figure::Share(s) => {
                    serde_json::json!({"agree": s.agree, "of": s.of, "share": s.value()})
                }
            };
            out.insert(row.key.to_string(), value);
        }
        serde_json::Value::Object(out)
    }
}

/// Quotes or claims gathered as the scorer gathers them.
struct Group {
    chars: Vec<u32>,
    /// The attribution the group's annotations link to.
    link: Option<String>,
}

/// The groups of `kinds` in `doc`, in order of first appearance: grouped by the
/// attribution they link to when `by_link` (else one by one); only linked ones when
/// `linked_only`; groups with no counted character left out.
fn groups(
    doc: &Document,
    chars: &Chars,
    kinds: &[Kind],
    by_link: bool,
    linked_only: bool,
) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for x in doc.annotations.iter().filter(|x| kinds.contains(&x.kind)) {
        let link = x.attribution.as_deref();
        if linked_only && link.is_none() {
            continue;
        }
        let counted = chars.of(x.start, x.end);
        match link.filter(|_| by_link).and_then(|l| at.get(l)) {
            Some(&k) => {
                let g = &mut out[k].chars;
                g.extend(counted);
                g.sort_unstable();
                g.dedup();
            }
            None => {
                if let (true, Some(l)) = (by_link, link) {
                    at.insert(l, out.len());
                }
                out.push(Group {
                    chars: counted,
                    link: link.map(str::to_string),
                });
            }
        }
    }
    out.retain(|g| !g.chars.is_empty());
    out
}

/// `score.py`'s `match`: one-to-one pairs of A's and B's groups where B covers more
/// than `t` of A's group, best share first (ties: later groups first, as its sort).
fn found(a: &[Group], b: &[Group], t: f64) -> Vec<(usize, usize)> {
    let mut candidates: Vec<Key> = Vec::new();
    for (ga, x) in a.iter().enumerate() {
        for (gb, y) in b
            .iter()
            .enumerate()
            .filter(|(_, y)| extents_meet(&x.chars, &y.chars))
        {
            let share = common(&x.chars, &y.chars) as f64 / x.chars.len() as f64;
            if share > t {
                candidates.push((share_key(share), ga as u64, gb as u64));
            }
        }
    }
    best_first(&mut candidates);
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut pairs = Vec::new();
    for (_, ga, gb) in candidates {
        let (ga, gb) = (ga as usize, gb as usize);
        if !used_a[ga] && !used_b[gb] {
            used_a[ga] = true;
            used_b[gb] = true;
            pairs.push((ga, gb));
        }
    }
    pairs
}

/// `score.py`'s `precise`: B's groups with more than `t` of their characters in one of A's.
fn within(a: &[Group], b: &[Group], t: f64) -> usize {
    b.iter()
        .filter(|y| {
            a.iter().any(|x| {
                extents_meet(&x.chars, &y.chars)
                    && common(&x.chars, &y.chars) as f64 / y.chars.len() as f64 > t
            })
        })
        .count()
}

fn overlap(a: &[Group], b: &[Group], t: f64) -> (Overlap, Vec<(usize, usize)>) {
    let pairs = found(a, b, t);
    let o = Overlap {
        in_a: a.len(),
        in_b: b.len(),
        found: pairs.len(),
        within: within(a, b, t),
    };
    (o, pairs)
}

/// Compute every figure of two documents of the same text, with their pairs.
pub(super) fn figures(a: &Document, b: &Document, chars: &Chars, pairs: &[Pair]) -> Figures {
    let of = |doc: &Document, kinds: &[Kind], by_link: bool, linked: bool| {
        groups(doc, chars, kinds, by_link, linked)
    };
    let (qa, qb) = (
        of(a, &[Kind::Quote], true, false),
        of(b, &[Kind::Quote], true, false),
    );
    let (quotes_loose, found_quotes) = overlap(&qa, &qb, LOOSE);
    let pair = |kinds: &[Kind], by_link: bool, linked: bool| {
        overlap(
            &of(a, kinds, by_link, linked),
            &of(b, kinds, by_link, linked),
            LOOSE,
        )
        .0
    };
    let mut f = Figures {
        quotes_loose,
        quotes_strict: overlap(&qa, &qb, STRICT).0,
        claims: pair(&[Kind::Claim], false, false),
        attributions: pair(&[Kind::Attribution], false, false),
        attributed: pair(&[Kind::Quote, Kind::Claim], true, true),
        review: review_agreement(a, b, pairs),
        ..Figures::default()
    };
    // The last annotation with an id wins, as in the scorer's dict.
    let by_id = |d: &Document| -> HashMap<String, Annotation> {
        d.annotations
            .iter()
            .map(|x| (x.id.clone(), x.clone()))
            .collect()
    };
    let (ids_a, ids_b) = (by_id(a), by_id(b));
    for (ga, gb) in found_quotes {
        let mention_a = qa[ga].link.as_ref().and_then(|l| ids_a.get(l));
        let mention_b = qb[gb].link.as_ref().and_then(|l| ids_b.get(l));
        if let Some(x) = mention_a {
            count_speaker(&mut f, chars, x, mention_b);
        }
    }
    f
}

/// Speaker and cue agreement on one quote found in both, A's mention being `x`.
fn count_speaker(f: &mut Figures, chars: &Chars, x: &Annotation, y: Option<&Annotation>) {
    f.speaker.of += 1;
    f.speaker_name.of += 1;
    if let Some(y) = y {
        let same_span = (x.start, x.end) == (y.start, y.end);
        if same_span || common(&chars.of(x.start, x.end), &chars.of(y.start, y.end)) > 0 {
            f.speaker.agree += 1;
        }
        if speaker_key(x) == speaker_key(y) {
            f.speaker_name.agree += 1;
        }
    }
    let Some(cx) = &x.cue else {
        return;
    };
    f.cue.of += 1;
    f.cue_exact.of += 1;
    if let Some(cy) = y.and_then(|y| y.cue.as_ref()) {
        if cx.start < cy.end && cy.start < cx.end {
            f.cue.agree += 1;
            if chars.words(cx.start, cx.end) == chars.words(cy.start, cy.end) {
                f.cue_exact.agree += 1;
            }
        }
    }
}

fn review_agreement(a: &Document, b: &Document, pairs: &[Pair]) -> Share {
    let mut s = Share::default();
    for p in pairs {
        if let (Some(ia), Some(ib)) = (p.a, p.b) {
            s.of += 1;
            if a.annotations[ia].origin == b.annotations[ib].origin {
                s.agree += 1;
            }
        }
    }
    s
}
