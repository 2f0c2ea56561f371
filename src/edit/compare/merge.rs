//! The merged document: where A and B agree, A's annotation; where they differ, the
//! chosen side's (which may be nothing: taking the side that lacks an annotation drops
//! it). With no choice made the merge is A itself. Ids are A's wherever A has the
//! annotation, B's (renamed when A uses the id) for what only B has, and every link to
//! a speaker mention follows it into the merge, or is dropped when the mention was left out.

use std::collections::HashSet;

use super::{compare, index_by_id, Comparison, Key, Side, TextsDiffer};
use crate::model::{Annotation, Document, FORMAT};

/// Compare `a` and `b` and merge them, taking difference `d` from `choices[d]` (A's
/// side where there is no choice).
pub fn merge(a: Document, b: Document, choices: &[Option<Side>]) -> Result<Document, TextsDiffer> {
    Ok(compare(a, b)?.merge(choices))
}

impl Comparison {
    /// The side pair `k` is taken from: A where the two agree or nothing was chosen.
    pub fn taken(&self, k: usize, choices: &[Option<Side>]) -> Side {
        self.differences
            .binary_search(&k)
            .ok()
            .and_then(|d| choices.get(d).copied().flatten())
            .unwrap_or(Side::A)
    }

    /// The merged document, difference `d` taken from `choices[d]`.
    pub fn merge(&self, choices: &[Option<Side>]) -> Document {
        self.merged(choices).0
    }

    /// The merged document and the id each pair has in it (none when it left nothing).
    pub fn merged(&self, choices: &[Option<Side>]) -> (Document, Vec<Option<String>>) {
        let sides: Vec<Side> = (0..self.pairs.len())
            .map(|k| self.taken(k, choices))
            .collect();
        let ids = self.merged_ids(&sides);
        let by_id = [index_by_id(&self.a), index_by_id(&self.b)];
        let build = |k: usize| -> Option<Annotation> {
            let side = sides[k];
            let mut x = self.annotation(k, side)?.clone();
            x.id = ids[k].clone()?;
            x.attribution = x
                .attribution
                .as_deref()
                .and_then(|l| by_id[side as usize].get(l))
                .and_then(|&i| ids[self.pair_of[side as usize][i]].clone());
            Some(x)
        };
        let mut out: Vec<Annotation> = self.pair_of[0].iter().filter_map(|&k| build(k)).collect();
        let mut only_b: Vec<Key> = (0..self.pairs.len())
            .filter(|&k| self.pairs[k].a.is_none())
            .filter_map(|k| {
                let x = self.annotation(k, sides[k])?;
                Some((x.start as u64, x.end as u64, k as u64))
            })
            .collect();
        only_b.sort_unstable();
        let only_b = only_b.iter().filter_map(|k| build(k.2 as usize));
        // What only B has goes in by position, after what starts at the same place.
        let mut at = 0;
        for x in only_b {
            while at < out.len() && out[at].start <= x.start {
                at += 1;
            }
            out.insert(at, x);
            at += 1;
        }
        let doc = Document {
            format: FORMAT.to_string(),
            text: self.a.text.clone(),
            article: self.a.article.clone(),
            annotations: out,
        };
        (doc, ids)
    }

    fn merged_ids(&self, sides: &[Side]) -> Vec<Option<String>> {
        let taken_by_a: HashSet<&str> = self.a.annotations.iter().map(|x| x.id.as_str()).collect();
        let mut used: HashSet<String> = HashSet::new();
        let mut ids = Vec::with_capacity(self.pairs.len());
        for (k, pair) in self.pairs.iter().enumerate() {
            let id = match (self.annotation(k, sides[k]), pair.a) {
                (None, _) => None,
                (Some(_), Some(ia)) => Some(self.a.annotations[ia].id.clone()),
                (Some(x), None) => {
                    let mut id = x.id.clone();
                    let mut n = 1;
                    while taken_by_a.contains(id.as_str()) || used.contains(&id) {
                        id = format!(
                            "{}-b{}",
                            x.id,
                            if n == 1 { String::new() } else { n.to_string() }
                        );
                        n += 1;
                    }
                    Some(id)
                }
            };
            if let Some(id) = &id {
                used.insert(id.clone());
            }
            ids.push(id);
        }
        ids
    }

    /// Take difference `d` from `side`. A quote or claim taken from a side brings the
    /// speaker mention it links to when only that side has the mention, so that it keeps
    /// its speaker.
    pub fn choose(&self, choices: &mut Vec<Option<Side>>, d: usize, side: Side) {
        let Some(&k) = self.differences.get(d) else {
            return;
        };
        choices.resize(self.differences.len(), None);
        choices[d] = Some(side);
        let Some(link) = self
            .annotation(k, side)
            .and_then(|x| x.attribution.as_deref())
        else {
            return;
        };
        let Some(mention) = self.pair_with_id(side, link) else {
            return;
        };
        let other = if side == Side::A { Side::B } else { Side::A };
        if self.pairs[mention].side(other).is_none() {
            if let Ok(dm) = self.differences.binary_search(&mention) {
                choices[dm] = Some(side);
            }
        }
    }
}
