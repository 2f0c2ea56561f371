//! Who said what: speakers with their quotes and claims, the claims by score, and which
//! annotations belong together (a quote, its speaker mention and cue).

use std::collections::HashMap;

use crate::model::{Annotation, Kind};

/// Quotes and claims grouped under one speaker name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpeakerGroup {
    pub name: String,
    /// Ids of the attributions (mentions) naming this speaker.
    pub mentions: Vec<String>,
    pub quotes: Vec<Annotation>,
    pub claims: Vec<Annotation>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Most quoted first, then by first appearance.
    pub speakers: Vec<SpeakerGroup>,
    pub unattributed: Vec<Annotation>,
    /// Highest score first.
    pub claims: Vec<Annotation>,
    /// Totals over the whole document, whatever the filter.
    pub quote_total: usize,
    pub speaker_total: usize,
    pub claim_total: usize,
}

/// The speaker an annotation is attributed to: a quote's own speaker (a person's choice)
/// or its attribution's canonical name; an attribution's own name.
pub fn speaker_of(a: &Annotation, by_id: &HashMap<&str, &Annotation>) -> Option<String> {
    match a.kind {
        Kind::Attribution => Some(a.speaker.clone().unwrap_or_else(|| a.text.clone())),
        _ => a.speaker.clone().or_else(|| {
            let attr = by_id.get(a.attribution.as_deref()?)?;
            speaker_of(attr, by_id).filter(|_| attr.kind == Kind::Attribution)
        }),
    }
}

pub fn index(annotations: &[Annotation]) -> HashMap<&str, &Annotation> {
    annotations.iter().map(|a| (a.id.as_str(), a)).collect()
}

/// Group `annotations`; `filter` (case-insensitive) keeps speakers whose name matches
/// and quotes or claims whose text or speaker matches.
pub fn summarize(annotations: &[Annotation], filter: &str) -> Summary {
    let by_id = index(annotations);
    let needle = filter.trim().to_lowercase();
    let hit = |s: &str| needle.is_empty() || s.to_lowercase().contains(&needle);
    let mut groups: Vec<SpeakerGroup> = Vec::new();
    let mut slot: HashMap<String, usize> = HashMap::new();
    let mut out = Summary::default();
    let mut group = |name: String, groups: &mut Vec<SpeakerGroup>| -> usize {
        *slot.entry(name.clone()).or_insert_with(|| {
            groups.push(SpeakerGroup {
                name,
                ..SpeakerGroup::default()
            });
            groups.len() - 1
        })
    };
    for a in annotations {
        let speaker = speaker_of(a, &by_id);
        match a.kind {
            Kind::Attribution => {
                let g = group(speaker.unwrap_or_default(), &mut groups);
                groups[g].mentions.push(a.id.clone());
            }
            Kind::Quote => {
                out.quote_total += 1;
                let name_hit = speaker.as_deref().is_some_and(hit);
                match speaker {
                    Some(name) => {
                        let g = group(name, &mut groups);
                        if name_hit || hit(&a.text) {
                            groups[g].quotes.push(a.clone());
                        }
                    }
                    None if hit(&a.text) => out.unattributed.push(a.clone()),
                    None => {}
                }
            }
            Kind::Claim => {
                out.claim_total += 1;
                let name_hit = speaker.as_deref().is_some_and(hit);
                if name_hit || hit(&a.text) {
                    out.claims.push(a.clone());
                }
                if let Some(name) = speaker {
                    let g = group(name, &mut groups);
                    if name_hit || hit(&a.text) {
                        groups[g].claims.push(a.clone());
                    }
                }
            }
        }
    }
    out.speaker_total = groups.len();
    groups.retain(|g| hit(&g.name) || !g.quotes.is_empty() || !g.claims.is_empty());
    // Stable: equal counts keep their order of first appearance.
    groups.sort_by_key(|g| std::cmp::Reverse(g.quotes.len()));
    out.speakers = groups;
    out.claims
        .sort_by(|a, b| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)));
    out
}

/// The ids to light up with `id`: a quote or claim with its attribution; an attribution
/// with every quote and claim attributed to it.
pub fn related(annotations: &[Annotation], id: &str) -> Vec<String> {
    let Some(a) = annotations.iter().find(|a| a.id == id) else {
        return Vec::new();
    };
    let mut out = vec![a.id.clone()];
    match a.kind {
        Kind::Attribution => out.extend(
            annotations
                .iter()
                .filter(|q| q.attribution.as_deref() == Some(id))
                .map(|q| q.id.clone()),
        ),
        _ => out.extend(a.attribution.clone()),
    }
    out
}

/// Each speaker's number, 1, 2, … in order of first mention: the view marks a speaker's
/// quotes and mentions with it (and a colour of its own), the side panel its name.
pub fn speaker_numbers(annotations: &[Annotation]) -> HashMap<String, usize> {
    let by_id = index(annotations);
    let mut numbers: HashMap<String, usize> = HashMap::new();
    for a in annotations {
        if let Some(name) = speaker_of(a, &by_id) {
            let next = numbers.len() + 1;
            numbers.entry(name).or_insert(next);
        }
    }
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn doc() -> Vec<Annotation> {
        let t = "\"A,\" Smith said. \"B,\" he said. \"C.\" 5% rose, Jones said.";
        let mut v = vec![
            Annotation::new("q1", Kind::Quote, t, 0, 4),
            Annotation::new("a1", Kind::Attribution, t, 5, 10),
            Annotation::new("q2", Kind::Quote, t, 17, 21),
            Annotation::new("a2", Kind::Attribution, t, 22, 24),
            Annotation::new("q3", Kind::Quote, t, 31, 35),
            Annotation::new("c1", Kind::Claim, t, 36, 44),
            Annotation::new("a3", Kind::Attribution, t, 45, 50),
        ];
        v[0].attribution = Some("a1".into());
        v[2].attribution = Some("a2".into());
        v[3].speaker = Some("Smith".into());
        v[5].attribution = Some("a3".into());
        v[5].score = Some(0.8);
        v
    }

    #[test]
    fn groups_quotes_under_canonical_speakers_with_totals() {
        let s = summarize(&doc(), "");
        assert_eq!((s.quote_total, s.speaker_total, s.claim_total), (3, 2, 1));
        assert_eq!(s.speakers[0].name, "Smith");
        assert_eq!(s.speakers[0].quotes.len(), 2, "\"he\" resolves to Smith");
        assert_eq!(s.speakers[0].mentions, ["a1", "a2"]);
        assert_eq!(s.speakers[1].name, "Jones");
        assert_eq!(s.speakers[1].claims.len(), 1);
        assert_eq!(s.unattributed.len(), 1);
        assert_eq!(s.claims[0].id, "c1");
    }

    #[test]
    fn the_filter_keeps_matching_speakers_and_texts_but_not_the_totals() {
        let s = summarize(&doc(), "jones");
        assert_eq!(s.speakers.len(), 1);
        assert_eq!(s.speakers[0].name, "Jones");
        assert!(s.unattributed.is_empty());
        assert_eq!(s.quote_total, 3);
        let s = summarize(&doc(), "\"B");
        assert_eq!(s.speakers.len(), 1);
        assert_eq!(s.speakers[0].quotes.len(), 1);
    }

    #[test]
    fn relates_quotes_and_their_speaker_both_ways() {
        let d = doc();
        assert_eq!(related(&d, "q2"), ["q2", "a2"]);
        assert_eq!(related(&d, "a1"), ["a1", "q1"]);
        assert!(related(&d, "nope").is_empty());
    }

    #[test]
    fn speakers_are_numbered_by_first_mention_and_share_it_with_their_quotes() {
        let n = speaker_numbers(&doc());
        assert_eq!(n.len(), 2, "\"he\" is Smith: {n:?}");
        assert_eq!(n["Smith"], 1);
        assert_eq!(n["Jones"], 2);
        assert!(speaker_numbers(&[]).is_empty());
    }
}
