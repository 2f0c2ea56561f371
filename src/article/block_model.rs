//! A learnt second look at each block of a page after the text-shape judgement: a
//! model of small boosted trees over features of the block and its neighbours (words, link density,
//! punctuation, sentence shape, tag, position, class and id words, repeated text, the
//! first judgement of it and of its neighbours) says how likely the block is article.
//! A block the first judgement kept is dropped when the model finds it unlikely (a
//! "Reader views" box inside the article's container); one it left out is added when
//! the model is sure. The model is a sum of small boosted trees ([`logit`]).
//!
//! The weights (`block_weights.rs`) are learnt by `scripts/train-blocks.sh` from
//! `../shared/articles/dev` and `more` (features dumped by `examples/article_blocks.rs`,
//! fitted by `scripts/train-blocks.py`), and judged there by cross-validation grouped by
//! site.

use super::block_weights::{
    ADD_ABOVE, BASELINE, DROP_BELOW, TREE_FEATURES, TREE_LEAVES, TREE_THRESHOLDS,
};
use super::Block;
use crate::engine::furniture::{is_tail_heading, word_count};

/// Class and id words that say what a block's surroundings are (matched as prefixes
/// of the words of the nearest elements' class and id): general words of page
/// furniture and of article containers, never a site's.
pub(super) const MARK_WORDS: [&str; 40] = [
    "comment",
    "reply",
    "related",
    "share",
    "social",
    "sidebar",
    "footer",
    "header",
    "nav",
    "menu",
    "article",
    "content",
    "story",
    "body",
    "text",
    "post",
    "entry",
    "main",
    "caption",
    "byline",
    "author",
    "date",
    "meta",
    "widget",
    "promo",
    "ad",
    "newsletter",
    "tag",
    "title",
    "more",
    "list",
    "teaser",
    "card",
    "item",
    "recommend",
    "read",
    "link",
    "summary",
    "info",
    "bio",
];

/// The first letters of the [`MARK_WORDS`], one bit each from `a`.
const MARK_INITIALS: u32 = {
    let mut bits = 0u32;
    let mut k = 0;
    while k < MARK_WORDS.len() {
        bits |= 1 << (MARK_WORDS[k].as_bytes()[0] - b'a');
        k += 1;
    }
    bits
};

/// [`tag_kind`] of a main heading (`h1` to `h3`).
pub(super) const HEADING: u8 = 2;

/// Whether a block's [`marks_of`] name a comment or a reply (its elements' class or id:
/// the first two [`MARK_WORDS`]).
pub(super) fn is_comment(marks: u64) -> bool {
    marks & 0b11 != 0
}

/// How a block's element is named, in a few kinds.
pub(super) fn tag_kind(name: &str) -> u8 {
    match name {
        "p" => 1,
        "h1" | "h2" | "h3" => HEADING,
        "h4" | "h5" | "h6" => 3,
        "li" | "dt" | "dd" => 4,
        "td" | "th" | "tr" => 5,
        "blockquote" | "pre" => 6,
        _ => 0,
    }
}

/// The [`MARK_WORDS`] in the class and id of an element's (lower-cased) attributes.
pub(super) fn marks_of(lower_attrs: &str) -> u64 {
    let mut marks = 0u64;
    if !lower_attrs.contains("class") && !lower_attrs.contains("id") {
        return 0;
    }
    for key in ["class", "id"] {
        let Some(v) = super::tokens::attr_str(lower_attrs, key) else {
            continue;
        };
        for w in v.split(|c: char| !c.is_ascii_alphanumeric()) {
            // Most words start with a letter no mark word starts with.
            let Some(&first) = w.as_bytes().first() else {
                continue;
            };
            if !first.is_ascii_lowercase() || MARK_INITIALS & (1 << (first - b'a')) == 0 {
                continue;
            }
            for (k, m) in MARK_WORDS.iter().enumerate() {
                // "ad" only whole (not "add", "admin"); the rest as prefixes.
                if (*m == "ad" && w == "ad") || (*m != "ad" && w.starts_with(m)) {
                    marks |= 1 << k;
                }
            }
        }
    }
    marks
}

/// Features of each block before the marks: see [`features`].
const BASE: usize = 29;
/// The length of a feature vector.
pub(crate) const FEATURES: usize = BASE + 7 + MARK_WORDS.len();

/// One block's shape, for itself and for its neighbours' features.
#[derive(Clone, Copy, Default)]
struct Shape {
    words: f32,
    link: f32,
    picked: f32,
}

/// The feature vector of every candidate block; `picked[i]` is whether the text-shape
/// judgement kept block `i`, `inside[i]` whether it is inside the article's container.
pub(crate) fn features(
    blocks: &[&Block],
    picked: &[bool],
    inside: &[bool],
) -> Vec<[f32; FEATURES]> {
    let page = PageContext::new(blocks, picked);
    let n = blocks.len();
    let mut at = BlockAt {
        i: 0,
        before: 0,
        tail_heading_seen: false,
    };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        at.i = i;
        if is_tail_heading(blocks[i].text.trim()) && i > page.first_picked {
            at.tail_heading_seen = true;
        }
        out.push(page.block_features(blocks[i], inside[i], &at));
        at.before += page.words[i];
    }
    out
}

/// What the block features need of the whole page, computed once.
struct PageContext<'b> {
    n: usize,
    /// Each block's words, and the page's (at least 1).
    words: Vec<usize>,
    total: usize,
    shapes: Vec<Shape>,
    first_picked: usize,
    last_picked: usize,
    /// How often each block's text is on the page.
    repeats: std::collections::HashMap<&'b str, u32>,
    /// The words the first judgement kept in each block, summed up to it (for windows).
    kept_before: Vec<usize>,
    picked_at: Vec<usize>,
}

/// Where the walk over the blocks is: block `i`, the words `before` it, and whether a
/// tail heading ("Related", "Comments") came after the first picked block.
struct BlockAt {
    i: usize,
    before: usize,
    tail_heading_seen: bool,
}

impl<'b> PageContext<'b> {
    fn new(blocks: &[&'b Block], picked: &[bool]) -> Self {
        let n = blocks.len();
        let words: Vec<usize> = blocks.iter().map(|b| word_count(&b.text)).collect();
        let total: usize = words.iter().sum::<usize>().max(1);
        let shapes: Vec<Shape> = (0..n)
            .map(|i| Shape {
                words: (1.0 + words[i] as f32).ln(),
                link: blocks[i].link_chars as f32 / blocks[i].text.chars().count().max(1) as f32,
                picked: f32::from(u8::from(picked[i])),
            })
            .collect();
        let first_picked = picked.iter().position(|p| *p).unwrap_or(n);
        let last_picked = picked.iter().rposition(|p| *p).map_or(0, |l| l + 1);
        let mut repeats: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        for b in blocks {
            *repeats.entry(b.text.as_str()).or_default() += 1;
        }
        let mut kept_before = vec![0usize; n + 1];
        for i in 0..n {
            kept_before[i + 1] = kept_before[i] + if picked[i] { words[i] } else { 0 };
        }
        let picked_at: Vec<usize> = (0..n).filter(|&i| picked[i]).collect();
        PageContext {
            n,
            words,
            total,
            shapes,
            first_picked,
            last_picked,
            repeats,
            kept_before,
            picked_at,
        }
    }

    /// The shape of the block `k` away from block `i` (a default one off the page).
    fn shape_at(&self, i: usize, k: isize) -> Shape {
        usize::try_from(i as isize + k)
            .ok()
            .and_then(|j| self.shapes.get(j).copied())
            .unwrap_or_default()
    }

    /// The feature vector of block `b`, at `at` (`inside`: in the article's container).
    fn block_features(&self, b: &Block, inside: bool, at: &BlockAt) -> [f32; FEATURES] {
        let mut f = [0f32; FEATURES];
        f[..BASE].copy_from_slice(&self.base_features(b, inside, at));
        // The block's kind of element, one-hot (kind 0, "other", is the bias's).
        if (1..=6).contains(&b.tag) {
            f[BASE + usize::from(b.tag) - 1] = 1.0;
        }
        f[BASE + 6] = f32::from(u8::from(self.words[at.i] < 8));
        for (k, slot) in f[BASE + 7..].iter_mut().enumerate() {
            *slot = f32::from(u8::from(b.marks & (1 << k) != 0));
        }
        f
    }

    /// The block's features before the one-hot ones: its text's shape, its
    /// neighbours' and where it is on the page.
    fn base_features(&self, b: &Block, inside: bool, at: &BlockAt) -> [f32; BASE] {
        let BlockAt {
            i,
            before,
            tail_heading_seen,
        } = *at;
        let (n, s) = (self.n, self.shapes[i]);
        let (p1, n1) = (self.shape_at(i, -1), self.shape_at(i, 1));
        let (p2, n2) = (self.shape_at(i, -2), self.shape_at(i, 2));
        let text = b.text.trim();
        let wc = self.words[i].max(1) as f32;
        let punct = text
            .bytes()
            .filter(|c| matches!(c, b',' | b';' | b':'))
            .count() as f32;
        let stops = text
            .bytes()
            .filter(|c| matches!(c, b'.' | b'!' | b'?'))
            .count() as f32;
        let lower = text
            .split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .count() as f32;
        let ends = text.ends_with(['.', '!', '?', '"', '\u{201d}', ':', ')']);
        let kept_near = self.kept_before[(i + 4).min(n)] - self.kept_before[i.saturating_sub(3)];
        [
            1.0,
            s.picked,
            s.words,
            s.link,
            f32::from(u8::from(ends)),
            punct / wc,
            stops / wc,
            lower / wc,
            i as f32 / n.max(1) as f32,
            before as f32 / self.total as f32,
            f32::from(u8::from(inside)),
            p1.picked,
            n1.picked,
            p2.picked + n2.picked,
            p1.words,
            n1.words,
            p1.link,
            n1.link,
            f32::from(u8::from(
                self.repeats.get(b.text.as_str()).copied().unwrap_or(0) > 1,
            )),
            f32::from(u8::from(i < self.first_picked)),
            f32::from(u8::from(i >= self.last_picked)),
            f32::from(u8::from(tail_heading_seen)),
            f32::from(u8::from(text.contains('|'))),
            f32::from(u8::from(b.in_form)),
            distance_to_picked(&self.picked_at, i) as f32 / 10.0,
            (1.0 + kept_near as f32).ln(),
            b.path.len().min(40) as f32 / 20.0,
            text.chars().filter(|c| !c.is_whitespace()).count() as f32 / wc / 10.0,
            text.bytes().filter(u8::is_ascii_digit).count() as f32 / text.len().max(1) as f32,
        ]
    }
}

/// How many blocks from block `i` the nearest block in `picked_at` (sorted) is, at most 10.
fn distance_to_picked(picked_at: &[usize], i: usize) -> usize {
    let at = picked_at.partition_point(|&p| p < i);
    let after = picked_at.get(at).map(|&p| p - i);
    let before = at.checked_sub(1).map(|k| i - picked_at[k]);
    after.into_iter().chain(before).min().unwrap_or(10).min(10)
}

/// The depth of every tree of the model: each has `2^DEPTH - 1` splits, stored level
/// by level (node `k`'s children are `2k + 1` and `2k + 2`), and `2^DEPTH` leaves.
pub(crate) const DEPTH: usize = 3;
/// Splits and leaves of one tree.
pub(crate) const SPLITS: usize = (1 << DEPTH) - 1;
pub(crate) const LEAVES: usize = 1 << DEPTH;

/// The model's log-odds that a block with features `f` is article: the sum of small
/// boosted trees' leaves. Trees read conjunctions a linear model cannot ("a table cell
/// between kept paragraphs inside the container", "prose after a tail heading"). A
/// split sends the block left when its feature is at most the threshold; a tree with
/// fewer splits is padded by the trainer with splits that always go left.
pub(crate) fn logit(f: &[f32; FEATURES]) -> f32 {
    let mut z = BASELINE;
    for t in 0..TREE_LEAVES.len() / LEAVES {
        let (features, thresholds) = (
            &TREE_FEATURES[t * SPLITS..][..SPLITS],
            &TREE_THRESHOLDS[t * SPLITS..][..SPLITS],
        );
        let mut node = 0;
        for _ in 0..DEPTH {
            let right = f[usize::from(features[node])] > thresholds[node];
            node = 2 * node + 1 + usize::from(right);
        }
        z += TREE_LEAVES[t * LEAVES + node - SPLITS];
    }
    z
}

/// Whether to keep each block: the first judgement `picked`, overruled where the model
/// is confident (its features include the first judgement of the block's neighbours).
pub(crate) fn second_look(blocks: &[&Block], picked: &[bool], inside: &[bool]) -> Vec<bool> {
    features(blocks, picked, inside)
        .iter()
        .zip(picked)
        .map(|(f, &p)| {
            let z = logit(f);
            if p {
                z >= DROP_BELOW
            } else {
                z > ADD_ABOVE
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bit(word: &str) -> u64 {
        1 << MARK_WORDS.iter().position(|w| *w == word).unwrap()
    }

    #[test]
    fn class_and_id_words_are_read_as_prefixes_and_ad_whole() {
        let m = marks_of(" class=\"comment-list item\" id=main");
        assert_eq!(m, bit("comment") | bit("list") | bit("item") | bit("main"));
        assert_eq!(marks_of(" class=\"add-more\""), bit("more"));
        assert_eq!(marks_of(" class=\"ad slot\""), bit("ad"));
        assert_eq!(marks_of(" href=\"/comment\""), 0);
        assert!(is_comment(marks_of(
            " class=\"commentBody\"".to_ascii_lowercase().as_str()
        )));
        assert!(is_comment(marks_of(" id=\"reply-12\"")));
        assert!(!is_comment(marks_of(" class=\"story-body\"")));
    }

    #[test]
    fn the_nearest_picked_block_is_counted_both_ways_up_to_ten() {
        assert_eq!(distance_to_picked(&[3, 9], 5), 2);
        assert_eq!(distance_to_picked(&[3, 9], 8), 1);
        assert_eq!(distance_to_picked(&[3], 3), 0);
        assert_eq!(distance_to_picked(&[], 3), 10);
        assert_eq!(distance_to_picked(&[40], 3), 10);
    }

    #[test]
    fn the_generated_tree_tables_agree_in_shape() {
        // The walk itself is checked against the trainer's log-odds below; this guards
        // the generated tables: one feature and threshold per split, whole trees, and
        // no feature index past the feature vector.
        assert_eq!(TREE_FEATURES.len(), TREE_THRESHOLDS.len());
        assert_eq!(TREE_FEATURES.len() % SPLITS, 0);
        assert_eq!(TREE_LEAVES.len() % LEAVES, 0);
        assert_eq!(TREE_FEATURES.len() / SPLITS, TREE_LEAVES.len() / LEAVES);
        assert!(TREE_FEATURES.iter().all(|&k| usize::from(k) < FEATURES));
    }

    #[test]
    fn the_engine_gives_the_log_odds_the_trainer_gave() {
        for (f, z) in super::super::block_weights::CHECKS {
            assert!(
                (logit(f) - z).abs() < 1e-3 * (1.0 + z.abs()),
                "{} vs {z}",
                logit(f)
            );
        }
    }
}
