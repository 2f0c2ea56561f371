//! Everything `engine::analyse` takes besides the text: which parts of the text are the
//! article (what the source marked, a person's choices) and the person's options (their
//! cue list). Spans here are in code points, end exclusive, as the app and files keep them.

use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::Options;
use crate::model::offsets::CharIndex;

/// The one argument of `engine::analyse` besides the text. It borrows both parts: a
/// worker, a command line or a Python call builds one per text from what it keeps, at
/// no cost (the cue list is a thousand words, not to be copied per text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings<'a> {
    /// Which parts of the text are the article; plain: the engine guesses.
    pub article: &'a ArticleSetting,
    /// A person's options (their cue list).
    pub options: &'a Options,
}

impl Settings<'static> {
    /// The built-in settings: the engine's guess of the article and the built-in cue
    /// list (made once).
    pub fn builtin() -> Settings<'static> {
        static PLAIN: ArticleSetting = ArticleSetting {
            marked: None,
            choices: Vec::new(),
        };
        static BUILTIN: OnceLock<Options> = OnceLock::new();
        Settings {
            article: &PLAIN,
            options: BUILTIN.get_or_init(Options::default),
        }
    }
}

impl<'a> Settings<'a> {
    /// These settings with `article` instead.
    pub fn with_article(self, article: &'a ArticleSetting) -> Settings<'a> {
        Settings { article, ..self }
    }

    /// These settings with `options` instead.
    pub fn with_options(self, options: &'a Options) -> Settings<'a> {
        Settings { options, ..self }
    }
}

/// A person's choice about `[start, end)`: part of the article, or page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleChoice {
    pub start: usize,
    pub end: usize,
    /// `true`: brought into the article; `false`: pushed out of it.
    pub article: bool,
}

/// Which parts of a text are the article: the furniture its source marked (a copied
/// page's HTML, an import), if any, and a person's choices, block by block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleSetting {
    /// Furniture as the source marked it; `None`: the engine guesses from the text.
    #[serde(default)]
    pub marked: Option<Vec<(usize, usize)>>,
    #[serde(default)]
    pub choices: Vec<ArticleChoice>,
}

impl ArticleSetting {
    /// The setting of whatever describes a document (`edit::Doc` converts into one).
    pub fn of(source: impl Into<ArticleSetting>) -> Self {
        source.into()
    }

    /// Nothing beyond the text: the engine guesses the furniture itself.
    pub fn is_plain(&self) -> bool {
        self.marked.is_none() && self.choices.is_empty()
    }

    /// The base furniture (marked, or the engine's guess) in code points, and the
    /// furniture after the person's choices as byte ranges of `text`.
    pub(super) fn furniture(&self, text: &str) -> (Vec<(usize, usize)>, Vec<Range<usize>>) {
        let ix = CharIndex::new(text);
        let base = match &self.marked {
            Some(spans) => spans.clone(),
            None => super::furniture::furniture_spans(text)
                .into_iter()
                .map(|r| (ix.char_at(r.start), ix.char_at(r.end)))
                .collect(),
        };
        let len = ix.len_chars();
        let bytes = apply_choices(&base, &self.choices)
            .into_iter()
            .map(|(s, e)| ix.byte_at(s.min(len))..ix.byte_at(e.min(len)))
            .collect();
        (base, bytes)
    }
}

/// The furniture after a person's `choices` (later ones win) over `base`: sorted,
/// disjoint, non-empty spans.
pub fn apply_choices(base: &[(usize, usize)], choices: &[ArticleChoice]) -> Vec<(usize, usize)> {
    let mut spans = normalise(base.to_vec());
    for c in choices.iter().filter(|c| c.start < c.end) {
        let mut next: Vec<(usize, usize)> = Vec::with_capacity(spans.len() + 1);
        for &(s, e) in &spans {
            // What is left of (s, e) outside the choice.
            if s < c.start {
                next.push((s, e.min(c.start)));
            }
            if e > c.end {
                next.push((s.max(c.end), e));
            }
        }
        if !c.article {
            next.push((c.start, c.end));
        }
        spans = normalise(next);
    }
    spans
}

/// Sorted, merged where they touch, empty ones dropped.
pub(crate) fn normalise(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.retain(|(s, e)| s < e);
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(start: usize, end: usize, article: bool) -> ArticleChoice {
        ArticleChoice {
            start,
            end,
            article,
        }
    }

    #[test]
    fn choices_bring_in_and_push_out_and_the_later_wins() {
        let base = [(0, 10), (50, 60)];
        assert_eq!(apply_choices(&base, &[]), base);
        assert_eq!(
            apply_choices(&base, &[choice(0, 10, true)]),
            [(50, 60)],
            "a whole block brought in"
        );
        assert_eq!(
            apply_choices(&base, &[choice(4, 6, true)]),
            [(0, 4), (6, 10), (50, 60)],
            "part of a block brought in"
        );
        assert_eq!(
            apply_choices(&base, &[choice(20, 30, false)]),
            [(0, 10), (20, 30), (50, 60)]
        );
        assert_eq!(
            apply_choices(&base, &[choice(10, 50, false)]),
            [(0, 60)],
            "pushed out between two blocks joins them"
        );
        assert_eq!(
            apply_choices(&base, &[choice(20, 30, false), choice(0, 60, true)]),
            [],
            "a later choice overrides an earlier one"
        );
    }

    #[test]
    fn nothing_is_annotated_in_what_a_person_pushed_out() {
        let text = "Home\nNews\n\n\"We will build it,\" the mayor said on Monday at the city hall.\n\n\"It is too dear,\" said the opposition leader on Tuesday evening.\n";
        let with = |article: ArticleSetting| {
            super::super::analyse(text, &Settings::builtin().with_article(&article))
        };
        let plain = with(ArticleSetting::default());
        let quotes = |a: &super::super::Analysis| {
            a.annotations
                .iter()
                .filter(|a| a.kind == crate::Kind::Quote)
                .map(|a| a.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(quotes(&plain).len(), 2);
        let second = text.find("\"It is").unwrap();
        let pushed = with(ArticleSetting {
            marked: None,
            choices: vec![choice(second, text.chars().count(), false)],
        });
        assert_eq!(quotes(&pushed), ["\"We will build it,\""]);
        assert_eq!(
            pushed.furniture, plain.furniture,
            "the base furniture is the engine's guess"
        );
        // The same text marked by its source as all article keeps the menu in it.
        let all = with(ArticleSetting {
            marked: Some(vec![]),
            choices: vec![],
        });
        assert!(all.furniture.is_empty());
        assert_eq!(quotes(&all).len(), 2);
    }
}
