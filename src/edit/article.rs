//! Which parts of a pasted page are the article: the engine's guess (or what a copied
//! page's HTML marks), then a person's choices, block by block. Everything here is in
//! code points, end exclusive.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::doc::Doc;
use crate::engine::Options;
use crate::model::offsets::CharIndex;

/// A person's choice about `[start, end)`: part of the article, or page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleChoice {
    pub start: usize,
    pub end: usize,
    /// `true`: brought into the article; `false`: pushed out of it.
    pub article: bool,
}

/// What the engine needs besides the text to analyse a document: the furniture its
/// source marked (a copied page's HTML, an import), if any, and the person's choices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleSetting {
    /// Furniture as the source marked it; `None`: the engine guesses from the text.
    #[serde(default)]
    pub marked: Option<Vec<(usize, usize)>>,
    #[serde(default)]
    pub choices: Vec<ArticleChoice>,
}

impl ArticleSetting {
    pub fn of(doc: &Doc) -> Self {
        ArticleSetting {
            marked: doc.marked.then(|| doc.boilerplate.clone()),
            choices: doc.article_choices.clone(),
        }
    }

    /// Nothing beyond the text: the engine's plain analysis.
    pub fn is_plain(&self) -> bool {
        self.marked.is_none() && self.choices.is_empty()
    }
}

/// Analyse `text` with its article as `setting` says. The result's `boilerplate` is
/// the base furniture (the engine's guess or the marked one) before the person's
/// choices, which is what `Doc::boilerplate` keeps; annotations avoid the furniture
/// after the choices.
pub fn analyse(text: &str, setting: &ArticleSetting, options: &Options) -> crate::Analysis {
    if setting.is_plain() {
        return crate::engine::analyse_with(text, options);
    }
    let ix = CharIndex::new(text);
    let base = match &setting.marked {
        Some(spans) => spans.clone(),
        None => crate::engine::boilerplate::boilerplate_spans(text)
            .into_iter()
            .map(|r| (ix.char_at(r.start), ix.char_at(r.end)))
            .collect(),
    };
    let len = ix.len_chars();
    let furniture: Vec<Range<usize>> = apply_choices(&base, &setting.choices)
        .into_iter()
        .map(|(s, e)| ix.byte_at(s.min(len))..ix.byte_at(e.min(len)))
        .collect();
    let mut analysis = crate::engine::analyse_around(text, furniture, options);
    analysis.boilerplate = base;
    analysis
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
fn normalise(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
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

/// A stretch of the reading view: one run of page furniture, or one line of the
/// article (with its line break), so each can be folded, brought in or pushed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub furniture: bool,
}

/// `text` cut into blocks around `furniture` (code points, sorted, disjoint). One pass
/// over the bytes: a line is found by its line break and counted in code points whole.
pub fn blocks(text: &str, furniture: &[(usize, usize)]) -> Vec<Block> {
    let bytes = text.as_bytes();
    let len = text.chars().count();
    let mut out = Vec::new();
    let mut spans = furniture.iter().copied().filter(|(s, e)| s < e).peekable();
    let (mut start, mut i, mut at) = (0, 0, 0); // block start, code point, its byte
                                                // Skip `n` code points from byte `at`.
    let skip = |mut at: usize, n: usize| {
        for _ in 0..n {
            at += 1;
            while at < bytes.len() && bytes[at] & 0xC0 == 0x80 {
                at += 1;
            }
        }
        at
    };
    while i < len {
        let next_span = spans.peek().map_or(usize::MAX, |&(s, _)| s);
        if next_span <= i {
            let (_, e) = spans.next().unwrap_or_default();
            let e = e.min(len);
            if e > i {
                if start < i {
                    out.push(Block {
                        start,
                        end: i,
                        furniture: false,
                    });
                }
                out.push(Block {
                    start: i,
                    end: e,
                    furniture: true,
                });
                at = skip(at, e - i);
                i = e;
                start = e;
            }
            continue;
        }
        // To the end of this line, unless a furniture span starts before it.
        let line_end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| at + p + 1);
        let chars = text[at..line_end].chars().count();
        if i + chars > next_span {
            at = skip(at, next_span - i);
            i = next_span;
            continue;
        }
        at = line_end;
        i += chars;
        if bytes[at - 1] == b'\n' {
            out.push(Block {
                start,
                end: i,
                furniture: false,
            });
            start = i;
        }
    }
    if start < len {
        out.push(Block {
            start,
            end: len,
            furniture: false,
        });
    }
    out
}

/// A new document for a web page: its text, the furniture its HTML marks.
pub fn page_doc(page: crate::article::Page) -> Doc {
    Doc {
        text: page.text,
        boilerplate: page.boilerplate,
        marked: true,
        ..Doc::default()
    }
}

/// The spans between `regions` in `[0, len)`: the furniture a file's article regions imply.
pub fn furniture_around(len: usize, regions: &[crate::model::Region]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(regions.len() + 1);
    let mut at = 0;
    for r in regions {
        if r.start > at {
            out.push((at, r.start.min(len)));
        }
        at = at.max(r.end);
    }
    if at < len {
        out.push((at, len));
    }
    normalise(out)
}

#[cfg(test)]
mod tests {
    /// `blocks` as first written, one code point at a time: what the fast one must equal.
    fn blocks_by_chars(text: &str, furniture: &[(usize, usize)]) -> Vec<Block> {
        let mut out = Vec::new();
        let mut spans = furniture.iter().copied().filter(|(s, e)| s < e).peekable();
        let mut start = 0;
        let mut i = 0;
        let mut chars = text.chars();
        let len = text.chars().count();
        while i < len {
            if let Some(&(s, e)) = spans.peek() {
                if s <= i {
                    spans.next();
                    let e = e.min(len);
                    if e > i {
                        if start < i {
                            out.push(Block {
                                start,
                                end: i,
                                furniture: false,
                            });
                        }
                        out.push(Block {
                            start: i,
                            end: e,
                            furniture: true,
                        });
                        for _ in i..e {
                            chars.next();
                        }
                        i = e;
                        start = e;
                    }
                    continue;
                }
            }
            let c = chars.next();
            i += 1;
            if c == Some('\n') {
                out.push(Block {
                    start,
                    end: i,
                    furniture: false,
                });
                start = i;
            }
        }
        if start < len {
            out.push(Block {
                start,
                end: len,
                furniture: false,
            });
        }
        out
    }

    #[test]
    fn blocks_are_those_of_the_code_point_walk() {
        let texts = [
            "",
            "one line",
            "a\nb\n\nc",
            "é\n😀x\n\n\nend\n",
            "Menu\nHome\nNews\n\"We will,\" she said.\nMore.\n",
        ];
        for text in texts {
            let n = text.chars().count();
            let mut cases = vec![vec![]];
            for s in 0..=n {
                for e in s..=n + 2 {
                    cases.push(vec![(s, e)]);
                    if e + 1 < n {
                        cases.push(vec![(s, e), (e + 1, n)]);
                        cases.push(vec![(s, e), (e, n + 1)]);
                    }
                }
            }
            for f in cases {
                assert_eq!(
                    blocks(text, &f),
                    blocks_by_chars(text, &f),
                    "{text:?} {f:?}"
                );
            }
        }
    }

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
    fn the_view_is_cut_into_article_lines_and_furniture_runs() {
        let text = "Menu\nHome\nTitle\nBody one.\nBody two.\nRelated\n";
        let b = blocks(text, &[(0, 10), (36, 44)]);
        let shown: Vec<(String, bool)> = b
            .iter()
            .map(|b| {
                (
                    text.chars().skip(b.start).take(b.end - b.start).collect(),
                    b.furniture,
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("Menu\nHome\n".to_string(), true),
                ("Title\n".to_string(), false),
                ("Body one.\n".to_string(), false),
                ("Body two.\n".to_string(), false),
                ("Related\n".to_string(), true),
            ]
        );
        let whole: usize = b.iter().map(|b| b.end - b.start).sum();
        assert_eq!(whole, text.chars().count(), "blocks tile the text");
        assert_eq!(blocks("no break", &[]).len(), 1);
        assert!(blocks("", &[(0, 3)]).is_empty());
    }

    #[test]
    fn regions_and_furniture_are_complements() {
        use crate::model::Region;
        let r = |start, end| Region { start, end };
        assert_eq!(
            furniture_around(100, &[r(10, 20), r(30, 100)]),
            [(0, 10), (20, 30)]
        );
        assert_eq!(furniture_around(100, &[r(0, 100)]), []);
        assert_eq!(furniture_around(5, &[]), [(0, 5)]);
    }

    #[test]
    fn nothing_is_annotated_in_what_a_person_pushed_out() {
        let text = "Home\nNews\n\n\"We will build it,\" the mayor said on Monday at the city hall.\n\n\"It is too dear,\" said the opposition leader on Tuesday evening.\n";
        let options = Options::default();
        let plain = analyse(text, &ArticleSetting::default(), &options);
        assert_eq!(plain, crate::analyse(text));
        let quotes = |a: &crate::Analysis| {
            a.annotations
                .iter()
                .filter(|a| a.kind == crate::Kind::Quote)
                .map(|a| a.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(quotes(&plain).len(), 2);
        let second = text.find("\"It is").unwrap();
        let setting = ArticleSetting {
            marked: None,
            choices: vec![choice(second, text.chars().count(), false)],
        };
        let pushed = analyse(text, &setting, &options);
        assert_eq!(quotes(&pushed), ["\"We will build it,\""]);
        assert_eq!(
            pushed.boilerplate, plain.boilerplate,
            "the base furniture is the engine's guess"
        );
        // The same text marked by its source as all article keeps the menu in it.
        let marked = ArticleSetting {
            marked: Some(vec![]),
            choices: vec![],
        };
        let all = analyse(text, &marked, &options);
        assert!(all.boilerplate.is_empty());
        assert_eq!(quotes(&all).len(), 2);
    }
}
