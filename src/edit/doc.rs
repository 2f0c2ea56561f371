//! The document being reviewed: its text, the engine's annotations, a person's
//! annotations and rejections, and the merge of the two into what is shown and exported.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::{apply_choices, ArticleChoice};
use crate::model::{Annotation, Kind, Origin};

/// An automatic annotation a person rejected (or replaced by their own), remembered by
/// kind and span so that re-analysis does not bring it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Rejection {
    pub fn of(a: &Annotation) -> Self {
        Rejection {
            kind: a.kind,
            start: a.start,
            end: a.end,
            text: a.text.clone(),
        }
    }
    fn matches(&self, a: &Annotation) -> bool {
        self.kind == a.kind && self.start == a.start && self.end == a.end
    }
}

/// Ground state: everything else (what is shown, what is exported) derives from it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub text: String,
    /// The engine's annotations, in the engine's order, for `text` when `analysed`.
    pub auto: Vec<Annotation>,
    /// Annotations a person made or changed (all `Origin::User`).
    pub user: Vec<Annotation>,
    pub rejected: Vec<Rejection>,
    /// Page furniture before the person's choices (code points): the engine's guess,
    /// or what the source marked when `marked`.
    /// Saved as `boilerplate`, its old name, so earlier autosaves still load.
    #[serde(default, rename = "boilerplate")]
    pub base_furniture: Vec<(usize, usize)>,
    /// `base_furniture` came with the text (a copied page's HTML, an imported file's
    /// article regions) and stands for the engine's guess.
    #[serde(default)]
    pub marked: bool,
    /// Blocks the person brought into the article or pushed out of it, in order.
    #[serde(default)]
    pub article_choices: Vec<ArticleChoice>,
    /// False from a text change until the engine's annotations for the new text arrive.
    #[serde(default)]
    pub analysed: bool,
    /// Set by an import: the file's automatic annotations stand for the engine's, and
    /// whatever the engine finds beyond them counts as rejected by the file's reviewer.
    #[serde(default)]
    pub keep_auto_once: bool,
    #[serde(default)]
    pub next_id: u32,
}

impl Doc {
    pub fn with_text(text: impl Into<String>) -> Self {
        Doc {
            text: text.into(),
            ..Doc::default()
        }
    }

    /// A fresh id for a person's annotation (`u1`, `u2`, ...), unused in the document.
    pub fn fresh_id(&mut self) -> String {
        loop {
            self.next_id += 1;
            let id = format!("u{}", self.next_id);
            if !self.auto.iter().chain(&self.user).any(|a| a.id == id) {
                return id;
            }
        }
    }

    fn suppressed(&self, a: &Annotation) -> bool {
        self.rejected.iter().any(|r| r.matches(a))
            || self
                .user
                .iter()
                .any(|u| u.kind == a.kind && u.start == a.start && u.end == a.end)
    }

    /// The page furniture as shown and exported: the base with the person's choices.
    pub fn furniture(&self) -> Vec<(usize, usize)> {
        apply_choices(&self.base_furniture, &self.article_choices)
    }

    /// The annotations to show and export: those of [`Doc::merged`] outside the page
    /// furniture (a person's own in a block pushed out are kept, and come back with it).
    pub fn annotations(&self) -> Vec<Annotation> {
        let furniture = self.furniture();
        let mut out = self.merged();
        if furniture.is_empty() {
            return out;
        }
        let outside = |a: &Annotation| {
            let k = furniture.partition_point(|&(_, e)| e <= a.start);
            furniture
                .get(k)
                .is_none_or(|&(s, _)| s >= a.end.max(a.start + 1))
        };
        out.retain(outside);
        // A quote whose attribution went out with its block is unattributed.
        let ids: std::collections::HashSet<String> = out.iter().map(|a| a.id.clone()).collect();
        for a in &mut out {
            if a.attribution.as_ref().is_some_and(|id| !ids.contains(id)) {
                a.attribution = None;
            }
        }
        out
    }

    /// The engine's annotations (minus the rejected and replaced ones) in the engine's
    /// order, with a person's own inserted by position. With no user changes this is
    /// exactly the engine's output, so exports match the CLI.
    fn merged(&self) -> Vec<Annotation> {
        // An automatic attribution replaced by a person's one at the same span hands its
        // quotes over to it; a rejected one leaves them unattributed.
        let mut renamed: HashMap<&str, Option<&str>> = HashMap::new();
        for a in self
            .auto
            .iter()
            .filter(|a| a.kind == Kind::Attribution && self.suppressed(a))
        {
            let replacement = self
                .user
                .iter()
                .find(|u| u.kind == Kind::Attribution && u.start == a.start && u.end == a.end);
            renamed.insert(a.id.as_str(), replacement.map(|u| u.id.as_str()));
        }
        let mut out: Vec<Annotation> = Vec::with_capacity(self.auto.len() + self.user.len());
        for a in self.auto.iter().filter(|a| !self.suppressed(a)) {
            let mut a = a.clone();
            if let Some(to) = a.attribution.as_deref().and_then(|id| renamed.get(id)) {
                a.attribution = to.map(str::to_string);
            }
            out.push(a);
        }
        let mut users: Vec<&Annotation> = self.user.iter().collect();
        users.sort_by_key(|u| (u.start, u.end));
        let mut at = 0;
        for u in users {
            while at < out.len() && !(out[at].origin == Origin::Auto && out[at].start >= u.start) {
                at += 1;
            }
            out.insert(at, u.clone());
            at += 1;
        }
        out
    }

    /// The annotation with `id` as currently shown.
    pub fn find(&self, id: &str) -> Option<Annotation> {
        self.user
            .iter()
            .chain(self.auto.iter().filter(|a| !self.suppressed(a)))
            .find(|a| a.id == id)
            .cloned()
    }

    pub fn is_user(&self, id: &str) -> bool {
        self.user.iter().any(|a| a.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> Doc {
        let text = "\"We are ready,\" Smith said. \"Fine,\" said Jones.";
        let mut q1 = Annotation::new("q1", Kind::Quote, text, 0, 15);
        let a1 = Annotation::new("a1", Kind::Attribution, text, 16, 21);
        let mut q2 = Annotation::new("q2", Kind::Quote, text, 28, 35);
        let a2 = Annotation::new("a2", Kind::Attribution, text, 41, 46);
        q1.attribution = Some("a1".into());
        q2.attribution = Some("a2".into());
        Doc {
            text: text.into(),
            auto: vec![q1, a1, q2, a2],
            analysed: true,
            ..Doc::default()
        }
    }

    #[test]
    fn without_user_changes_the_merge_is_the_engine_output() {
        let d = sample();
        assert_eq!(d.annotations(), d.auto);
    }

    #[test]
    fn a_replaced_attribution_takes_over_its_quotes_and_a_rejected_one_releases_them() {
        let mut d = sample();
        let mut mine = d.auto[1].clone();
        mine.id = d.fresh_id();
        mine.origin = Origin::User;
        mine.speaker = Some("John Smith".into());
        d.user.push(mine);
        let merged = d.annotations();
        assert_eq!(merged.len(), 4);
        assert_eq!(
            merged[1].id, "u1",
            "the person's attribution sits where the engine's was"
        );
        assert_eq!(merged[0].attribution.as_deref(), Some("u1"));

        d.rejected.push(Rejection::of(&d.auto[3]));
        let merged = d.annotations();
        assert!(merged.iter().all(|a| a.id != "a2"));
        let q2 = merged.iter().find(|a| a.id == "q2").unwrap();
        assert_eq!(q2.attribution, None);
    }

    #[test]
    fn user_annotations_are_inserted_by_position() {
        let mut d = sample();
        let mut c = Annotation::new("u7", Kind::Claim, &d.text.clone(), 28, 47);
        c.origin = Origin::User;
        d.user.push(c);
        let ids: Vec<String> = d.annotations().into_iter().map(|a| a.id).collect();
        assert_eq!(ids, ["q1", "a1", "u7", "q2", "a2"]);
    }
}
