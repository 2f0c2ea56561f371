//! The article of a pasted page as the reading view shows it: blocks of furniture and
//! article lines, a document's `ArticleSetting`, the furniture a file's regions imply.
//! The setting itself and the analysis around it are the engine's (`engine::settings`).
//! Everything here is in code points, end exclusive.

use super::doc::Doc;
use crate::engine::settings::normalise;
pub use crate::engine::{apply_choices, ArticleChoice, ArticleSetting};

impl From<&Doc> for ArticleSetting {
    /// What the engine needs of a document besides its text: the furniture its source
    /// marked and the person's choices.
    fn from(doc: &Doc) -> Self {
        ArticleSetting {
            marked: doc.marked.then(|| doc.base_furniture.clone()),
            choices: doc.article_choices.clone(),
        }
    }
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
        base_furniture: page.furniture,
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

/// The whole lines of `block` (code points of `text`) that a selection `[start, end)`
/// touches, the lines' breaks included: what "Bring into the article" takes of a block
/// when the person has selected some of it. None when the selection is empty or not
/// inside the block.
pub fn selected_lines(
    text: &str,
    block: &Block,
    (start, end): (usize, usize),
) -> Option<(usize, usize)> {
    if start >= end || start < block.start || end > block.end {
        return None;
    }
    let chars: Vec<char> = text
        .chars()
        .skip(block.start)
        .take(block.end - block.start)
        .collect();
    let (s, e) = (start - block.start, end - block.start);
    let from = chars[..s]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |i| i + 1);
    // A selection that ends just after a line's break holds none of the next line.
    let to = chars[e - 1..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(chars.len(), |i| e + i);
    Some((block.start + from, block.start + to))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_selection_takes_the_whole_lines_it_touches_inside_its_block() {
        let text = "Top\nRelated stories\nFloods close the road\nStorm season\nEnd";
        // The furniture block: "Related stories" to "Storm season" and its break.
        let block = Block {
            start: 4,
            end: 55,
            furniture: true,
        };
        let at = |s: &str| text.find(s).unwrap();
        let lines = |sel| selected_lines(text, &block, sel).map(|(s, e)| &text[s..e]);
        let floods = at("close");
        assert_eq!(lines((floods, floods + 5)), Some("Floods close the road\n"));
        let across = (at("stories") + 2, at("Storm") + 3);
        assert_eq!(
            lines(across),
            Some("Related stories\nFloods close the road\nStorm season\n")
        );
        let ends_at_break = (at("Floods"), at("Storm"));
        assert_eq!(lines(ends_at_break), Some("Floods close the road\n"));
        assert_eq!(lines((floods, floods)), None, "nothing selected");
        assert_eq!(lines((0, 6)), None, "outside the block");
    }

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
}
