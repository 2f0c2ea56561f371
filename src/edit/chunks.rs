//! The reading view in chunks: its blocks (article lines, furniture runs; see
//! `edit::page_parts::blocks`) grouped into chunks of about `CHUNK_CHARS` code points, each
//! block with the highlight segments inside it. The view builds the marks of only the
//! chunks near the screen (the others are plain text, so the browser's find and the
//! selection offsets still see the whole text), and a hover re-renders only the chunks
//! whose marks it lights.

use std::collections::HashMap;

use super::layout::{Layer, Segment};
use super::page_parts::Block;

/// About this many code points per chunk: a screenful or two of text.
pub const CHUNK_CHARS: usize = 2_000;

/// One segment's piece inside a block, with its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub segment: Segment,
    pub bytes: (usize, usize),
}

/// A block with its pieces, and whether it has any words (not only spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockPieces {
    pub block: Block,
    pub bytes: (usize, usize),
    pub words: bool,
    pub pieces: Vec<Piece>,
}

/// Code points `[start, end)` of the text, as whole blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub blocks: Vec<BlockPieces>,
}

/// Group `blocks` (which tile the text) into chunks: a chunk ends after a block ending
/// in a line break once it has `target` code points (so chunks stack as the text's own
/// lines do), or after any block once it has four times that. Each block gets the
/// pieces of `segments` (as `layout` makes them over the whole text) inside it; a
/// segment that crosses a block's end goes on in the next, where its marks do not count
/// as starting.
pub fn chunks(text: &str, segments: &[Segment], blocks: &[Block], target: usize) -> Vec<Chunk> {
    // Offsets are asked for in order (a block's start and end, then its pieces), so one
    // cursor walking the text forward converts them: no index of the whole text.
    let mut ix = Cursor::new(text);
    let len = text.chars().count();
    let mut out: Vec<Chunk> = Vec::new();
    let mut open: Option<Chunk> = None;
    let mut next = 0;
    for b in blocks {
        while next < segments.len() && segments[next].end <= b.start {
            next += 1;
        }
        let bytes = (ix.byte_at(b.start.min(len)), ix.byte_at(b.end.min(len)));
        ix.back_to(bytes.0, b.start.min(len));
        let mut pieces = Vec::new();
        let mut k = next;
        while k < segments.len() && segments[k].start < b.end {
            let seg = &segments[k];
            let (s, e) = (seg.start.max(b.start), seg.end.min(b.end).min(len));
            if s < e {
                let layers = seg
                    .layers
                    .iter()
                    .map(|l| Layer {
                        first: l.first && s == seg.start,
                        ..*l
                    })
                    .collect();
                pieces.push(Piece {
                    segment: Segment {
                        start: s,
                        end: e,
                        layers,
                        furniture: seg.furniture,
                    },
                    bytes: (ix.byte_at(s), ix.byte_at(e)),
                });
            }
            k += 1;
        }
        ix.back_to(bytes.1, b.end.min(len));
        let body = &text[bytes.0..bytes.1];
        let chunk = open.get_or_insert_with(|| Chunk {
            start: b.start,
            end: b.start,
            blocks: Vec::new(),
        });
        chunk.end = b.end;
        chunk.blocks.push(BlockPieces {
            block: *b,
            bytes,
            words: !body.trim().is_empty(),
            pieces,
        });
        let size = chunk.end - chunk.start;
        if (size >= target && body.ends_with('\n')) || size >= 4 * target {
            out.extend(open.take());
        }
    }
    out.extend(open.take());
    if out.is_empty() {
        out.push(Chunk {
            start: 0,
            end: 0,
            blocks: Vec::new(),
        });
    }
    out
}

/// Code point to byte offsets for code points asked for in increasing order (or again at
/// a known earlier point, `back_to`).
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The byte offset of code point `c` (at least the cursor's; clamped to the end).
    fn byte_at(&mut self, c: usize) -> usize {
        let bytes = self.text.as_bytes();
        while self.chars < c && self.byte < bytes.len() {
            self.byte += 1;
            while self.byte < bytes.len() && bytes[self.byte] & 0xC0 == 0x80 {
                self.byte += 1;
            }
            self.chars += 1;
        }
        self.byte
    }

    /// Go back to code point `chars`, which is at byte `byte`.
    fn back_to(&mut self, byte: usize, chars: usize) {
        (self.byte, self.chars) = (byte, chars);
    }
}

/// For each annotation index with a mark in some chunk: the chunks it is in, in order.
pub fn chunks_of_marks(chunks: &[Chunk]) -> HashMap<usize, Vec<usize>> {
    let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, chunk) in chunks.iter().enumerate() {
        for p in chunk.blocks.iter().flat_map(|b| &b.pieces) {
            for l in &p.segment.layers {
                let v = out.entry(l.index).or_default();
                if v.last() != Some(&k) {
                    v.push(k);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::layout::{layout, Mark};
    use crate::edit::page_parts::blocks;
    use crate::model::{Annotation, Kind};

    fn cut(text: &str, furniture: &[(usize, usize)], target: usize) -> Vec<Chunk> {
        let segs = layout(text.chars().count(), &[], furniture, |_| true);
        chunks(text, &segs, &blocks(text, furniture), target)
    }

    fn texts(text: &str, chunks: &[Chunk]) -> Vec<String> {
        chunks
            .iter()
            .map(|c| text.chars().skip(c.start).take(c.end - c.start).collect())
            .collect()
    }

    #[test]
    fn chunks_end_after_line_breaks_once_long_enough() {
        let text = "aaaa\nbb\ncccccc\r\nd\n";
        assert_eq!(
            texts(text, &cut(text, &[], 6)),
            ["aaaa\nbb\n", "cccccc\r\n", "d\n"]
        );
        assert_eq!(cut("", &[], 5).len(), 1, "an empty text is one empty chunk");
        assert_eq!(texts("short", &cut("short", &[], 5)), ["short"]);
        // One long line: cut after a block anyway at four times the target (a block is
        // never split).
        let line = "x".repeat(50) + "😀" + &"y".repeat(10);
        let c = cut(&line, &[(20, 30)], 4);
        assert_eq!(texts(&line, &c).concat(), line);
        assert_eq!(
            c.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>(),
            [(0, 20), (20, 61)]
        );
    }

    #[test]
    fn furniture_runs_stay_whole_blocks() {
        let text = "Menu\nHome\nNews\n\"We will,\" she said.\nMore.\n";
        let c = cut(text, &[(0, 15)], 3);
        let furniture: Vec<&BlockPieces> = c
            .iter()
            .flat_map(|c| &c.blocks)
            .filter(|b| b.block.furniture)
            .collect();
        assert_eq!(furniture.len(), 1);
        assert_eq!(
            &text[furniture[0].bytes.0..furniture[0].bytes.1],
            "Menu\nHome\nNews\n"
        );
    }

    #[test]
    fn segments_are_split_at_block_ends_and_start_only_once() {
        let text = "“One two\nthree four,” he said.\nMore text here.\n";
        let q = Annotation::new("q1", Kind::Quote, text, 0, 20);
        let segs = layout(text.chars().count(), &[q], &[], |_| true);
        let chunks = chunks(text, &segs, &blocks(text, &[]), 9);
        assert_eq!(
            texts(text, &chunks),
            ["“One two\n", "three four,” he said.\n", "More text here.\n"]
        );
        // Every code point is in exactly one piece, in order, with its own bytes.
        let mut at = 0;
        for b in chunks.iter().flat_map(|c| &c.blocks) {
            for p in &b.pieces {
                assert_eq!(p.segment.start, at);
                assert!(p.segment.start >= b.block.start && p.segment.end <= b.block.end);
                let cps: String = text
                    .chars()
                    .skip(p.segment.start)
                    .take(p.segment.end - p.segment.start)
                    .collect();
                assert_eq!(&text[p.bytes.0..p.bytes.1], cps);
                at = p.segment.end;
            }
        }
        assert_eq!(at, text.chars().count());
        let quote_pieces: Vec<(usize, bool)> = chunks
            .iter()
            .enumerate()
            .flat_map(|(k, c)| {
                c.blocks.iter().flat_map(|b| &b.pieces).flat_map(move |p| {
                    p.segment
                        .layers
                        .iter()
                        .filter(|l| l.mark == Mark::Quote)
                        .map(move |l| (k, l.first))
                })
            })
            .collect();
        assert_eq!(quote_pieces, [(0, true), (1, false)]);
        assert_eq!(chunks_of_marks(&chunks)[&0], [0, 1]);
    }
}
