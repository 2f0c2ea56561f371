//! A learnt second look at each block of a page after the text-shape judgement: a
//! model of small boosted trees over features of the block and its neighbours (words, link density,
//! punctuation, sentence shape, tag, position, class and id words, repeated text, the
//! first judgement of it and of its neighbours) says how likely the block is article,
//! and a second stage of trees reads that model's log-odds of the blocks around it
//! ([`stacked_features`]: stacking, learnt on out-of-fold first-stage scores).
//! A block the first judgement kept is dropped when the model finds it unlikely (a
//! "Reader views" box inside the article's container); one it left out is added when
//! the model is sure. The model is a sum of small boosted trees ([`logit`]).
//!
//! The weights (`block_weights.rs`) are learnt by `scripts/train-blocks.sh` from
//! `../shared/articles/dev` and `more` (features dumped by `examples/article_blocks.rs`,
//! fitted by `scripts/train-blocks.py`), and judged there by cross-validation grouped by
//! site.

use super::block_weights::{
    ADD_ABOVE, DROP_BELOW, STACKED_BASELINE, STACKED_FEATURES, STACKED_LEAVES, STACKED_THRESHOLDS,
    TREE_BASELINE, TREE_FEATURES, TREE_LEAVES, TREE_THRESHOLDS,
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
    features_and_words(blocks, picked, inside).0
}

/// [`features`], and each block's words.
fn features_and_words(
    blocks: &[&Block],
    picked: &[bool],
    inside: &[bool],
) -> (Vec<[f32; FEATURES]>, Vec<usize>) {
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
    (out, page.words)
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

/// A model of boosted trees as the trainer writes it: every tree complete to [`DEPTH`].
struct Trees {
    baseline: f32,
    features: &'static [u8],
    thresholds: &'static [f32],
    leaves: &'static [f32],
}

/// The first stage: the block's own features.
const FIRST: Trees = Trees {
    baseline: TREE_BASELINE,
    features: &TREE_FEATURES,
    thresholds: &TREE_THRESHOLDS,
    leaves: &TREE_LEAVES,
};

/// The second stage: the block's features and the first stage's log-odds around it.
const SECOND: Trees = Trees {
    baseline: STACKED_BASELINE,
    features: &STACKED_FEATURES,
    thresholds: &STACKED_THRESHOLDS,
    leaves: &STACKED_LEAVES,
};

impl Trees {
    /// The sum of the trees' leaves for features `f`. A split sends the block left when
    /// its feature is at most the threshold; a tree with fewer splits is padded by the
    /// trainer with splits that always go left.
    fn logit(&self, f: &[f32]) -> f32 {
        let mut z = self.baseline;
        for t in 0..self.leaves.len() / LEAVES {
            let (features, thresholds) = (
                &self.features[t * SPLITS..][..SPLITS],
                &self.thresholds[t * SPLITS..][..SPLITS],
            );
            let mut node = 0;
            for _ in 0..DEPTH {
                let right = f[usize::from(features[node])] > thresholds[node];
                node = 2 * node + 1 + usize::from(right);
            }
            z += self.leaves[t * LEAVES + node - SPLITS];
        }
        z
    }
}

/// The first stage's log-odds that a block with features `f` is article: the sum of
/// small boosted trees' leaves. Trees read conjunctions a linear model cannot ("a table
/// cell between kept paragraphs inside the container", "prose after a tail heading").
pub(crate) fn logit(f: &[f32; FEATURES]) -> f32 {
    FIRST.logit(f)
}

/// The second stage's log-odds from a block's features and its [`stacked_features`].
pub(crate) fn stacked_logit(f: &[f32; FEATURES], stacked: &[f32; STACKED]) -> f32 {
    let mut all = [0f32; FEATURES + STACKED];
    all[..FEATURES].copy_from_slice(f);
    all[FEATURES..].copy_from_slice(stacked);
    SECOND.logit(&all)
}

/// The first stage's log-odds as the second stage reads them: clipped, and this off
/// the page's ends.
const OFF_PAGE: f32 = -8.0;

/// How many features the second stage adds to a block's own ([`stacked_features`]).
pub(crate) const STACKED: usize = 23;

/// What the second stage reads of the first stage's log-odds `z` around each block
/// (the first judgement `picked`, each block's `words`): the block's and its three
/// neighbours' each side; how far it is below and from the page's surest block; the
/// words the first stage keeps before and after it; how far the nearest kept blocks
/// are; the run of kept blocks it is in; the surest block in the five before and
/// after and anywhere before or after. A teaser list after the article's end, a
/// caption between sure paragraphs, a lone "likely" block far from the article are
/// told apart by these, which the block's own features only see as the first
/// judgement of its neighbours. The trainer (`stage2_features` of
/// `scripts/train-blocks.py`) computes the same from out-of-fold log-odds.
pub(crate) fn stacked_features(z: &[f32], picked: &[bool], words: &[usize]) -> Vec<[f32; STACKED]> {
    let n = z.len();
    let z: Vec<f32> = z.iter().map(|v| v.clamp(OFF_PAGE, -OFF_PAGE)).collect();
    let at = |i: isize| {
        usize::try_from(i)
            .ok()
            .and_then(|j| z.get(j))
            .copied()
            .unwrap_or(OFF_PAGE)
    };
    let kept: Vec<bool> = (0..n).map(|i| keeps(z[i], picked[i])).collect();
    let kept_words: Vec<f32> = (0..n)
        .map(|i| if kept[i] { words[i] as f32 } else { 0.0 })
        .collect();
    let total_kept: f32 = kept_words.iter().sum();
    let runs = kept_runs(&z, &kept, &kept_words);
    let (before_max, after_max) = running_maxima(&z);
    let (prev_kept, next_kept) = kept_distances(&kept);
    let (top, top_at) =
        z.iter().enumerate().fold(
            (f32::NEG_INFINITY, 0),
            |(m, a), (i, &v)| if v > m { (v, i) } else { (m, a) },
        );
    let mut before = 0f32;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let s = i as isize;
        let after = total_kept - before - kept_words[i];
        let near5 = |dir: isize| (1..=5).map(|k| at(s + dir * k)).fold(OFF_PAGE, f32::max);
        out.push([
            z[i],
            at(s - 1),
            at(s + 1),
            at(s - 2),
            at(s + 2),
            at(s - 3),
            at(s + 3),
            (at(s - 1) + at(s + 1) + at(s - 2) + at(s + 2)) / 4.0,
            top - z[i],
            ((s - top_at as isize) as f32 / 10.0).clamp(-5.0, 5.0),
            before.ln_1p(),
            after.ln_1p(),
            before / total_kept.max(1.0),
            after / total_kept.max(1.0),
            prev_kept[i] as f32 / 10.0,
            next_kept[i] as f32 / 10.0,
            runs[i].0 / total_kept.max(1.0),
            runs[i].1,
            near5(1),
            near5(-1),
            after_max[i],
            before_max[i],
            f32::from(u8::from(kept[i])),
        ]);
        before += kept_words[i];
    }
    out
}

/// For each block, the kept words and mean log-odds of the run of kept blocks it is in
/// (0 and [`OFF_PAGE`] when the first stage leaves it out).
fn kept_runs(z: &[f32], kept: &[bool], kept_words: &[f32]) -> Vec<(f32, f32)> {
    let mut out = vec![(0.0, OFF_PAGE); z.len()];
    let mut i = 0;
    while i < z.len() {
        if !kept[i] {
            i += 1;
            continue;
        }
        let end = (i..z.len()).find(|&j| !kept[j]).unwrap_or(z.len());
        let words: f32 = kept_words[i..end].iter().sum();
        let mean = z[i..end].iter().sum::<f32>() / (end - i) as f32;
        out[i..end].fill((words, mean));
        i = end;
    }
    out
}

/// For each block, the largest log-odds of the blocks before it and after it
/// ([`OFF_PAGE`] at the page's ends).
fn running_maxima(z: &[f32]) -> (Vec<f32>, Vec<f32>) {
    let n = z.len();
    let (mut before, mut after) = (vec![OFF_PAGE; n], vec![OFF_PAGE; n]);
    for i in 1..n {
        before[i] = before[i - 1].max(z[i - 1]);
    }
    for i in (0..n.saturating_sub(1)).rev() {
        after[i] = after[i + 1].max(z[i + 1]);
    }
    (before, after)
}

/// For each block, how many blocks back and ahead the nearest other kept block is (at
/// most 10).
fn kept_distances(kept: &[bool]) -> (Vec<usize>, Vec<usize>) {
    let n = kept.len();
    let (mut prev, mut next) = (vec![10; n], vec![10; n]);
    let mut last: Option<usize> = None;
    for i in 0..n {
        if let Some(l) = last {
            prev[i] = (i - l).min(10);
        }
        if kept[i] {
            last = Some(i);
        }
    }
    last = None;
    for i in (0..n).rev() {
        if let Some(l) = last {
            next[i] = (l - i).min(10);
        }
        if kept[i] {
            last = Some(i);
        }
    }
    (prev, next)
}

/// Whether a block of log-odds `z` is kept: one the first judgement `picked` stays
/// unless the model finds it unlikely, one it left out comes in only where the model is
/// sure. (The second stage reads this of the first stage's log-odds, [`stacked_features`].)
fn keeps(z: f32, picked: bool) -> bool {
    if picked {
        z >= DROP_BELOW
    } else {
        z > ADD_ABOVE
    }
}

/// Whether to keep each block: the first judgement `picked`, overruled where the
/// model is confident. Its log-odds are the mean of the two stages': the first reads
/// the block's features, the second those and the first stage's log-odds of the
/// blocks around it (the mean was steadier across the site folds than the second
/// stage alone; `scripts/train-blocks.py`).
pub(crate) fn second_look(blocks: &[&Block], picked: &[bool], inside: &[bool]) -> Vec<bool> {
    let (features, words) = features_and_words(blocks, picked, inside);
    let first: Vec<f32> = features.iter().map(logit).collect();
    let stacked = stacked_features(&first, picked, &words);
    features
        .iter()
        .zip(&stacked)
        .zip(&first)
        .zip(picked)
        .map(|(((f, s), z1), &p)| keeps((z1 + stacked_logit(f, s)) / 2.0, p))
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
    fn the_engine_stacks_the_first_stage_as_the_trainer_did() {
        use super::super::block_weights::{STACKED_PAGE, STACKED_PAGE_FEATURES};
        let z: Vec<f32> = STACKED_PAGE.iter().map(|r| r.0).collect();
        let picked: Vec<bool> = STACKED_PAGE.iter().map(|r| r.1).collect();
        let words: Vec<usize> = STACKED_PAGE.iter().map(|r| r.2).collect();
        for (got, want) in stacked_features(&z, &picked, &words)
            .iter()
            .zip(&STACKED_PAGE_FEATURES)
        {
            for (g, w) in got.iter().zip(want) {
                assert!(
                    (g - w).abs() < 1e-4 * (1.0 + w.abs()),
                    "{got:?} vs {want:?}"
                );
            }
        }
    }

    #[test]
    fn the_second_stage_gives_the_log_odds_the_trainer_gave() {
        for (f, z) in super::super::block_weights::STACKED_CHECKS {
            let got = SECOND.logit(f);
            assert!((got - z).abs() < 1e-3 * (1.0 + z.abs()), "{got} vs {z}");
        }
    }

    #[test]
    fn stacked_features_see_the_kept_runs_and_the_surest_block() {
        // Five blocks: two kept paragraphs, a gap, a kept teaser, a left-out line.
        let z = [3.0, 20.0, -2.0, 0.5, -1.0];
        let picked = [true, true, false, true, false];
        let words = [50, 80, 3, 10, 4];
        let s = stacked_features(&z, &picked, &words);
        // Clipped to 8, its neighbours read, off the page -8.
        assert_eq!(s[1][0], 8.0);
        assert_eq!(s[0][1], OFF_PAGE);
        assert_eq!(s[0][2], 8.0);
        // The surest block is block 1; block 3 is 2 blocks after it.
        assert_eq!(s[3][8], 7.5);
        assert!((s[3][9] - 0.2).abs() < 1e-6);
        // Block 3 keeps 130 words before it, none after; its run is itself.
        assert!((s[3][12] - 130.0 / 140.0).abs() < 1e-6);
        assert_eq!(s[3][13], 0.0);
        assert!((s[3][16] - 10.0 / 140.0).abs() < 1e-6);
        assert_eq!(s[3][17], 0.5);
        // The first two form one run of mean 5.5; block 2 is between kept blocks.
        assert!((s[0][16] - 130.0 / 140.0).abs() < 1e-6);
        assert_eq!(s[0][17], 5.5);
        assert_eq!((s[2][14], s[2][15]), (0.1, 0.1));
        assert_eq!(s[2][22], 0.0);
        // The largest log-odds before and after.
        assert_eq!((s[2][20], s[2][21]), (0.5, 8.0));
        assert_eq!(s[4][20], OFF_PAGE);
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
