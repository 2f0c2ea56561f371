//! The reading view's layout: the text cut into segments, each covered by the same set
//! of highlights, so nested and overlapping annotations render as nested marks.

use crate::model::{Annotation, Kind};

/// What a highlight marks, in nesting order from outermost to innermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    Claim,
    Quote,
    /// The speaker mention of an attribution.
    Speaker,
    /// The cue of an attribution ("said").
    Cue,
}

impl Mark {
    pub const ALL: [Mark; 4] = [Mark::Quote, Mark::Speaker, Mark::Cue, Mark::Claim];

    pub fn class(self) -> &'static str {
        match self {
            Mark::Claim => "claim",
            Mark::Quote => "quote",
            Mark::Speaker => "speaker",
            Mark::Cue => "cue",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mark::Claim => "Claims",
            Mark::Quote => "Quotes",
            Mark::Speaker => "Speakers",
            Mark::Cue => "Cue words",
        }
    }
}

/// One highlight over a segment: which annotation (index) and whether the segment is
/// where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layer {
    pub mark: Mark,
    pub index: usize,
    pub first: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Outermost first.
    pub layers: Vec<Layer>,
    pub furniture: bool,
}

/// Cut `[0, len)` into segments. `show` says which marks are on.
pub fn layout(
    len: usize,
    annotations: &[Annotation],
    furniture: &[(usize, usize)],
    show: impl Fn(Mark) -> bool,
) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, Mark, usize)> = Vec::new();
    for (i, a) in annotations.iter().enumerate() {
        let mark = match a.kind {
            Kind::Quote => Mark::Quote,
            Kind::Claim => Mark::Claim,
            Kind::Attribution => Mark::Speaker,
        };
        spans.push((a.start, a.end, mark, i));
        if let Some(cue) = &a.cue {
            spans.push((cue.start, cue.end, Mark::Cue, i));
        }
    }
    spans.retain(|&(s, e, m, _)| s < e && e <= len && show(m));
    spans.sort_by_key(|&(s, e, m, _)| (s, std::cmp::Reverse(e), m));
    let mut cuts: Vec<usize> = vec![0, len];
    for &(s, e, ..) in &spans {
        cuts.extend([s, e]);
    }
    for &(s, e) in furniture {
        cuts.extend([s.min(len), e.min(len)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    let mut active: Vec<(usize, usize, Mark, usize)> = Vec::new();
    let mut next = 0;
    let mut bp = 0;
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        active.retain(|&(_, end, ..)| end > s);
        while next < spans.len() && spans[next].0 <= s {
            active.push(spans[next]);
            next += 1;
        }
        while bp < furniture.len() && furniture[bp].1 <= s {
            bp += 1;
        }
        let mut layers: Vec<Layer> = active
            .iter()
            .map(|&(start, _, mark, index)| Layer {
                mark,
                index,
                first: start == s,
            })
            .collect();
        layers.sort_by_key(|l| (l.mark, l.index));
        let furniture = furniture
            .get(bp)
            .is_some_and(|&(bs, be)| bs <= s && e <= be);
        out.push(Segment {
            start: s,
            end: e,
            layers,
            furniture,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cue;

    #[test]
    fn nests_a_cue_inside_a_speaker_and_splits_at_every_edge() {
        let t = "\"Hi,\" Ann said today.";
        let q = Annotation::new("q1", Kind::Quote, t, 0, 5);
        let mut a = Annotation::new("a1", Kind::Attribution, t, 6, 14);
        a.cue = Some(Cue {
            start: 10,
            end: 14,
            text: "said".into(),
        });
        let segs = layout(t.chars().count(), &[q, a], &[], |_| true);
        let spans: Vec<(usize, usize, Vec<Mark>)> = segs
            .iter()
            .map(|s| (s.start, s.end, s.layers.iter().map(|l| l.mark).collect()))
            .collect();
        assert_eq!(
            spans,
            vec![
                (0, 5, vec![Mark::Quote]),
                (5, 6, vec![]),
                (6, 10, vec![Mark::Speaker]),
                (10, 14, vec![Mark::Speaker, Mark::Cue]),
                (14, 21, vec![]),
            ]
        );
        assert!(segs[2].layers[0].first);
        assert!(!segs[3].layers[0].first && segs[3].layers[1].first);
    }

    #[test]
    fn hidden_marks_and_furniture() {
        let t = "Share this. \"Yes,\" he said.";
        let q = Annotation::new("q1", Kind::Quote, t, 12, 18);
        let segs = layout(
            t.chars().count(),
            std::slice::from_ref(&q),
            &[(0, 11)],
            |m| m != Mark::Quote,
        );
        assert_eq!(segs.len(), 2);
        assert!(segs[0].furniture && !segs[1].furniture);
        assert!(segs.iter().all(|s| s.layers.is_empty()));
        let segs = layout(t.chars().count(), &[q], &[(0, 11)], |_| true);
        assert_eq!(
            segs.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(),
            [(0, 11), (11, 12), (12, 18), (18, 27)]
        );
    }

    #[test]
    fn out_of_range_spans_are_ignored() {
        let t = "short";
        let q = Annotation {
            start: 3,
            end: 99,
            ..Annotation::new("q", Kind::Quote, t, 0, 1)
        };
        let segs = layout(5, &[q], &[], |_| true);
        assert_eq!(segs.len(), 1);
        assert!(segs[0].layers.is_empty());
    }
}
