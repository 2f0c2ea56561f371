//! What autosave keeps of a document: all of it but what the engine found, which it
//! finds again after a reload (the document is analysed again then). Kept of that: an
//! import's annotations, which stand for the engine's until its first analysis; the
//! attributions a person's annotations name, which the re-analysis hands on by span;
//! the furniture a page's HTML marked (the engine's own guess is not kept). So a save
//! stays about the size of the text however many annotations the engine found, and a
//! new analysis alone (the same text, the same person's work) needs no save.

use serde::Serialize;

use super::doc::{Doc, Rejection};
use super::page_parts::ArticleChoice;
use crate::model::{Annotation, Kind};

/// `Doc` as saved: the same fields (read back by `Doc`'s own `Deserialize`).
#[derive(Serialize, PartialEq)]
struct Saved<'a> {
    text: &'a str,
    auto: Vec<&'a Annotation>,
    user: &'a [Annotation],
    rejected: &'a [Rejection],
    /// Under its old name, which `Doc` reads (see `Doc::base_furniture`).
    #[serde(rename = "boilerplate")]
    base_furniture: &'a [(usize, usize)],
    marked: bool,
    article_choices: &'a [ArticleChoice],
    /// Always false: a loaded document is analysed again.
    analysed: bool,
    keep_auto_once: bool,
    next_id: u32,
}

fn saved(doc: &Doc) -> Saved<'_> {
    let named = |a: &&Annotation| {
        a.kind == Kind::Attribution
            && doc
                .user
                .iter()
                .any(|u| u.attribution.as_deref() == Some(a.id.as_str()))
    };
    let auto = if doc.keep_auto_once {
        doc.auto.iter().collect()
    } else {
        doc.auto.iter().filter(named).collect()
    };
    Saved {
        text: &doc.text,
        auto,
        user: &doc.user,
        rejected: &doc.rejected,
        // The engine's guess comes back with the analysis; what a page's HTML marked does not.
        base_furniture: if doc.marked { &doc.base_furniture } else { &[] },
        marked: doc.marked,
        article_choices: &doc.article_choices,
        analysed: false,
        keep_auto_once: doc.keep_auto_once,
        next_id: doc.next_id,
    }
}

/// The JSON autosave writes for `doc` (`Doc` reads it back).
pub fn saved_json(doc: &Doc) -> String {
    serde_json::to_string(&saved(doc)).unwrap_or_default()
}

/// Whether `a` and `b` save the same (a save of `b` after one of `a` can be skipped).
pub fn same_saved(a: &Doc, b: &Doc) -> bool {
    std::ptr::eq(a, b) || saved(a) == saved(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    #[test]
    fn every_field_but_the_engines_annotations_is_saved_and_read_back() {
        let text = "\"Yes,\" Ann said. \"No,\" Bob said.";
        let q = Annotation::new("q1", Kind::Quote, text, 0, 6);
        let a1 = Annotation::new("a1", Kind::Attribution, text, 7, 10);
        let a2 = Annotation::new("a2", Kind::Attribution, text, 26, 29);
        let mut mine = q.clone();
        mine.id = "u1".into();
        mine.origin = Origin::User;
        mine.attribution = Some("a1".into());
        // Every field (no `..`): a new field of `Doc` must be added to `Saved` too.
        let doc = Doc {
            text: text.into(),
            auto: vec![q.clone(), a1.clone(), a2],
            user: vec![mine],
            rejected: vec![Rejection::of(&q)],
            base_furniture: vec![(30, 33)],
            marked: true,
            article_choices: vec![ArticleChoice {
                start: 0,
                end: 3,
                article: false,
            }],
            analysed: true,
            keep_auto_once: false,
            next_id: 7,
        };
        let back: Doc = serde_json::from_str(&saved_json(&doc)).unwrap();
        let expected = Doc {
            auto: vec![a1],
            analysed: false,
            ..doc.clone()
        };
        assert_eq!(back, expected);
        assert!(
            same_saved(&doc, &expected),
            "a new analysis alone saves the same"
        );
        let import = Doc {
            keep_auto_once: true,
            ..doc.clone()
        };
        let back: Doc = serde_json::from_str(&saved_json(&import)).unwrap();
        assert_eq!(back.auto, import.auto, "an import's annotations are kept");
        let guessed = Doc {
            marked: false,
            ..doc.clone()
        };
        let back: Doc = serde_json::from_str(&saved_json(&guessed)).unwrap();
        assert!(
            back.base_furniture.is_empty(),
            "the engine's guess is not saved"
        );
        let edited = Doc {
            next_id: 8,
            ..doc.clone()
        };
        assert!(!same_saved(&doc, &edited));
    }

    #[test]
    fn an_autosave_written_before_the_rename_to_furniture_still_loads() {
        // Word for word what autosave wrote while the field was called `boilerplate`.
        let old = r#"{"text":"Menu\nIt rained.","auto":[],"user":[],"rejected":[],"boilerplate":[[0,4]],"marked":true,"article_choices":[{"start":0,"end":4,"article":true}],"analysed":false,"keep_auto_once":false,"next_id":3}"#;
        let doc: Doc = serde_json::from_str(old).unwrap();
        assert_eq!(doc.base_furniture, vec![(0, 4)]);
        assert!(doc.marked);
        assert_eq!(doc.next_id, 3);
        assert_eq!(doc.article_choices.len(), 1);
        assert_eq!(
            saved_json(&doc),
            old,
            "and is saved again under the same names"
        );
    }
}
