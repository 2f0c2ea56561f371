//! The speaker model: for each quotation, candidate speakers (the rules' pick, the
//! previous speaker, mentions next to cue words around it, nobody) scored by a linear
//! model learnt from PolNeAR train gold (`examples/train_speakers.rs`,
//! `scripts/train-speakers.sh`); the best-scoring candidate is the speaker.
//!
//! It runs after the rules, on their `Attributions`, and changes only quotations' links: a
//! quotation may take a new attribution (a mention and its cue, or the previous
//! speaker's again as a statement of its own) or lose its speaker.

pub(crate) mod candidates;
pub(crate) mod features;
mod weights;

use std::ops::Range;

use super::attribution::{Attr, Attributions};
use super::cues::CueList;
use super::quotes::Quote;
use super::rule::Rule;
use super::text::Segmented;
use candidates::{Candidate, NounPhrases, Origin};
use features::QuoteView;

/// A quotation's candidates as the trainer sees them (code points, end exclusive).
#[derive(Debug, Clone)]
pub struct QuoteRow {
    pub quote: Range<usize>,
    pub candidates: Vec<CandidateRow>,
}

#[derive(Debug, Clone)]
pub struct CandidateRow {
    /// The speaker mention in bytes; `None` for "nobody".
    pub speaker: Option<Range<usize>>,
    pub features: Vec<f32>,
    /// The shipped (or, in `dev-lexicon` builds, the folder's) model's score.
    pub score: f32,
}

/// The model: its shipped weights, or in cross-validation builds the fold's
/// `speaker_weights.txt`.
static MODEL: super::lexicon::LinearModel<{ features::N }> =
    super::lexicon::LinearModel::new("speaker_weights.txt", &features::NAMES, &weights::WEIGHTS);

pub(crate) fn score(f: &[f32; features::N]) -> f32 {
    MODEL.score(f)
}

/// Choose every kept quotation's speaker among its candidates, in text order (so the
/// previous speaker is the model's own choice). `rows`, when given, gets every
/// quotation's candidates and features (for the trainer).
pub(crate) fn choose<N: NounPhrases>(
    seg: &Segmented,
    np: &N,
    cues: &CueList,
    quotes: &[Quote],
    sentences: &[Range<usize>],
    found: &mut Attributions,
    mut rows: Option<&mut Vec<QuoteRow>>,
) {
    if quotes.is_empty() {
        return;
    }
    let rules: Vec<Option<usize>> = found.quotes.iter().map(|q| q.attr).collect();
    let chains = Chains::of(quotes, &rules);
    let mut previous: Option<usize> = None;
    let mut cands: Vec<Candidate> = Vec::with_capacity(8);
    let mut feats: Vec<[f32; features::N]> = Vec::with_capacity(8);
    let mut scores: Vec<f32> = Vec::with_capacity(8);
    for (qi, q) in quotes.iter().enumerate() {
        // `"A," she said, "B."`: one statement in two parts, as the rules joined them.
        let split = qi > 0 && rules[qi].is_some() && rules[qi] == rules[qi - 1];
        let near = previous.filter(|&p| p_para(found, seg, p) + 2 >= q.para);
        let settled = rules[qi].is_some_and(|a| next_to(seg, q, &found.attrs[a]));
        if chains.follows(qi) {
            follow_first_part(qi, chains.first[qi], found);
        } else if found.quotes[qi].keep && chains.weighed(qi) && !split && !settled {
            gather(
                seg, np, cues, sentences, q, rules[qi], near, found, &mut cands,
            );
            let view = QuoteView {
                seg,
                np,
                cues,
                sentences,
                q,
                qi,
                previous: near.map(|p| found.attrs[p].speaker.clone()),
                runs_on: chains.runs_on(qi),
            };
            feats.clear();
            feats.extend(cands.iter().map(|c| features::features(&view, c)));
            features::against_the_others(&view, &cands, &mut feats);
            // Scored where they lie: a copy of each candidate's 73 features beside its
            // score cost 0.35 M instructions a pass on PolNeAR dev (round speed11b).
            scores.clear();
            scores.extend(feats.iter().map(score));
            let best = (0..cands.len())
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                .unwrap_or(0);
            if let Some(rows) = rows.as_deref_mut() {
                rows.push(row(seg, q, &cands, &feats, &scores));
            }
            apply(np, q, qi, &cands[best], found);
        }
        if let Some(a) = found.quotes[qi].attr {
            previous = Some(a);
        }
    }
}

/// Quotations running over paragraphs (`"A.` then a paragraph `"B."`): their parts stay
/// one statement. Where the rules gave some part a speaker they decide; where they gave
/// none (`Ruiz, who ..., said:` with an apposition longer than the rules' finder reaches),
/// the model weighs the first part and the later parts follow its choice.
struct Chains {
    /// The first part of the chain each quotation belongs to (itself when alone).
    first: Vec<usize>,
    /// Per first part: whether the rules gave any of its parts a speaker.
    ruled: Vec<bool>,
    /// Per first part: whether it has later parts.
    long: Vec<bool>,
}

impl Chains {
    fn of(quotes: &[Quote], rules: &[Option<usize>]) -> Self {
        let n = quotes.len();
        let (mut first, mut ruled, mut long) =
            ((0..n).collect::<Vec<_>>(), vec![false; n], vec![false; n]);
        for (qi, q) in quotes.iter().enumerate() {
            // (A later part names an earlier one, so its first part is known by now.)
            if let Some(p) = q.continues.filter(|&p| p < qi) {
                first[qi] = first[p];
                long[first[qi]] = true;
            }
            ruled[first[qi]] |= rules[qi].is_some();
        }
        Chains { first, ruled, long }
    }
    /// Whether the model weighs quotation `qi`: a quotation alone, or the first part of
    /// a chain the rules left without a speaker.
    fn weighed(&self, qi: usize) -> bool {
        let head = self.first[qi] == qi;
        head && !(self.long[qi] && self.ruled[qi])
    }
    /// Whether `qi` is a later part of a chain whose first part the model weighed.
    fn follows(&self, qi: usize) -> bool {
        let head = self.first[qi];
        head != qi && !self.ruled[head]
    }
    /// Whether `qi` is the first part of a chain (the quotation runs on).
    fn runs_on(&self, qi: usize) -> bool {
        self.first[qi] == qi && self.long[qi]
    }
}

/// A later part `qi` of a chain takes the speaker the model gave its first part.
fn follow_first_part(qi: usize, head: usize, found: &mut Attributions) {
    if let Some(a) = found.quotes[head].attr {
        found.quotes[qi].attr = Some(a);
        found.quotes[qi].keep = true;
        found.quotes[qi].rule = Rule::QuoteContinuesQuote;
    }
}

/// Whether attribution `a` stands right against quotation `q`: its speaker or cue
/// within two tokens after it (`"...," Ruiz said`), or its cue right before it, a comma
/// or colon between at most (`Ruiz said: "..."`). The rules are nearly always right
/// there, and the model is left out for speed (it is neither trained nor run on them).
fn next_to(seg: &Segmented, q: &Quote, a: &Attr) -> bool {
    let near = a.speaker.start.min(a.cue.start);
    let after = near > q.last && near <= q.last + 2;
    let before = a.cue.end == q.first
        || (a.cue.end + 1 == q.first
            && seg.tokens[a.cue.end]
                .punct()
                .is_some_and(|p| p == ',' || p == ':'));
    after || before
}

fn p_para(found: &Attributions, seg: &Segmented, a: usize) -> usize {
    seg.tokens[found.attrs[a].speaker.start.min(seg.tokens.len() - 1)].para
}

/// The candidates of quotation `q`: nobody, the rules' pick, the previous speaker,
/// the mentions around.
#[allow(clippy::too_many_arguments)]
fn gather<N: NounPhrases>(
    seg: &Segmented,
    np: &N,
    cues: &CueList,
    sentences: &[Range<usize>],
    q: &Quote,
    rule: Option<usize>,
    previous: Option<usize>,
    found: &Attributions,
    out: &mut Vec<Candidate>,
) {
    out.clear();
    out.push(Candidate::nobody());
    let attr = |a: usize, origin| Candidate {
        origin,
        speaker: found.attrs[a].speaker.clone(),
        cue: found.attrs[a].cue.clone(),
        also_previous: false,
        intro: false,
    };
    if let Some(a) = rule {
        out.push(attr(a, Origin::Rule(a)));
    }
    if let Some(p) = previous {
        let same = rule.is_some_and(|a| found.attrs[a].speaker == found.attrs[p].speaker);
        if same {
            out[1].also_previous = true;
        } else {
            out.push(attr(p, Origin::Previous(p)));
        }
    }
    let win = candidates::window(seg, sentences, q);
    candidates::mentions(seg, np, cues, sentences, win.clone(), out);
    candidates::colon_mention(seg, np, win, q, out);
    candidates::intro_subject(seg, np, sentences, q, out);
    candidates::cue_before_quote_variants(seg, cues, sentences, q, out);
}

fn row(
    seg: &Segmented,
    q: &Quote,
    cands: &[Candidate],
    feats: &[[f32; features::N]],
    scores: &[f32],
) -> QuoteRow {
    let bytes = |r: &Range<usize>| seg.tokens[r.start].start..seg.tokens[r.end - 1].end;
    QuoteRow {
        quote: bytes(&(q.first..q.last + 1)),
        candidates: cands
            .iter()
            .zip(feats.iter().zip(scores))
            .map(|(c, (f, s))| CandidateRow {
                speaker: (c.origin != Origin::Nobody).then(|| bytes(&c.speaker)),
                features: f.to_vec(),
                score: *s,
            })
            .collect(),
    }
}

/// Link quotation `qi` to the chosen candidate.
fn apply(np: &dyn NounPhrases, q: &Quote, qi: usize, c: &Candidate, found: &mut Attributions) {
    let (attr, rule) = match c.origin {
        Origin::Rule(_) => return,
        Origin::Nobody => {
            found.quotes[qi].attr = None;
            found.quotes[qi].keep = np.speech_like(q);
            found.quotes[qi].rule = Rule::QuoteUnattributedSpeech;
            return;
        }
        Origin::Previous(p) => (
            Attr {
                rule: Rule::QuoteModelPreviousSpeaker,
                ..found.attrs[p].clone()
            },
            Rule::QuoteModelPreviousSpeaker,
        ),
        Origin::Mention => (
            Attr {
                speaker: c.speaker.clone(),
                cue: c.cue.clone(),
                rule: Rule::QuoteModelMention,
            },
            Rule::QuoteModelMention,
        ),
    };
    found.attrs.push(attr);
    found.quotes[qi].attr = Some(found.attrs.len() - 1);
    found.quotes[qi].keep = true;
    found.quotes[qi].rule = rule;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_weights_name_every_feature_once() {
        MODEL.assert_names_once_and_weights_read_back();
    }
}
