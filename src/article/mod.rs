//! Readable article text from a web page's HTML, in a few kilobytes of Wasm.
//!
//! Full extractors (trafilatura, Readability ports) cost over a megabyte of Wasm; this
//! is a linear scan instead: a forgiving tag tokenizer, entity decoding, block elements
//! turned into paragraphs, and the page's furniture dropped in three steps that rely on
//! the general shape of pages, never on particular sites:
//! 1. elements that never hold the article (`script`, `style`, `nav`, `aside`, `footer`,
//!    ...) and elements whose class or id names them furniture ("menu", "share",
//!    "related", "comment", ...; Readability's heuristic);
//! 2. blocks that are mostly link text (menus, lists of other stories);
//! 3. the text-shape logic of [`crate::engine::furniture`] on what is left.

mod block_model;
mod block_weights;
pub mod charset;
mod entities;
mod page;
mod page_kind;
mod page_kind_weights;
mod tokens;

pub use page::{article_page, empty_page_message, page_from_html, Page, NO_ARTICLE};

use crate::engine::furniture::{
    body_lines_and_words, is_furniture_line, is_tail_heading, split_lines, word_count,
};
use std::borrow::Cow;

use tokens::{Token, Tokenizer};

/// The article body of an HTML page as plain text: paragraphs separated by blank lines,
/// entities decoded, no markup. Never panics; any input gives some text (maybe empty).
/// On a page with no article (a forum, product or listing page) it is the extractor's
/// best guess all the same: [`article_text_from_html`] says "none" there.
pub fn readable_text_from_html(html: &str) -> String {
    readable_text_of(&blocks(html))
}

/// The article body of an HTML page ([`readable_text_from_html`]), or `None` when the
/// page holds no article (a forum thread, a product, a listing or a documentation page:
/// [`page_kind`]'s learnt judgement).
pub fn article_text_from_html(html: &str) -> Option<String> {
    let mut declared = page_kind::Declared::default();
    let blocks = blocks_and_kind(html, &mut declared);
    let body = readable_text_of(&blocks);
    // A page with no text at all is empty, not "no article".
    (blocks.is_empty() || page_kind::is_article(&declared, &blocks, &body)).then_some(body)
}

/// For the page-kind model's trainer: the features of the page of `html`.
#[doc(hidden)]
pub fn page_kind_features(html: &str) -> Vec<f32> {
    let mut declared = page_kind::Declared::default();
    let blocks = blocks_and_kind(html, &mut declared);
    let body = readable_text_of(&blocks);
    page_kind::features(&declared, &blocks, &body).to_vec()
}

/// The page-kind model's log-odds for a page's features (for the test that the trainer
/// and the engine agree).
#[doc(hidden)]
pub fn page_kind_logit(features: &[f32]) -> f32 {
    let mut f = [0f32; page_kind::PAGE_FEATURES];
    f.copy_from_slice(&features[..page_kind::PAGE_FEATURES]);
    page_kind::logit(&f)
}

/// [`readable_text_from_html`] of a page's `blocks`.
fn readable_text_of(blocks: &[Block]) -> String {
    let (judged, judged_words) = select_body(blocks, true, None);
    // Markup judged wrongly (a whole page inside one "widget") must not lose the
    // article: when little is left, judge by the text's shape alone. How little is
    // learnt (`PLAIN_BELOW`): a short article beside long comments is not little.
    if judged_words < block_weights::PLAIN_BELOW {
        let (plain, plain_words) = select_body(blocks, false, None);
        if plain_words > 3 * judged_words.max(20) {
            return plain.trim().to_string();
        }
    }
    judged.trim().to_string()
}

/// The article body among `blocks`: the text-shape judgement of
/// [`crate::engine::furniture`] picks the body lines; then the element that holds
/// most of them (the article's container) bounds it, and the container's other
/// blocks between body paragraphs (lists, short lines, subheads) join it. With the
/// body, its [`word_count`].
fn select_body(blocks: &[Block], judge: bool, rows: Option<&mut Vec<BlockRow>>) -> (String, usize) {
    let mut candidates = candidates(blocks, judge);
    if !judge {
        // Judging by shape alone still leaves out what the page names a comment or a
        // reply: a short article beside a long thread must not give way to the thread.
        candidates.retain(|b| !block_model::is_comment(b.marks));
    }
    let (text, first_line) = join_with_first_lines(&candidates);
    let lines = split_lines(&text);
    // Words counted once a line, for the judgement and for the body's pieces.
    let (keep, counts) = body_lines_and_words(&text, &lines);
    let judged = JudgedLines {
        text: &text,
        lines: &lines,
        first_line: &first_line,
        keep: &keep,
        counts: &counts,
    };
    let (kept, body_words): (Vec<Cow<str>>, Vec<usize>) = (0..candidates.len())
        .map(|i| judged.kept_of_block(i))
        .unzip();
    let container = if judge {
        container_of(&candidates, &body_words)
    } else {
        None
    };
    let inside: Vec<bool> = candidates
        .iter()
        .map(|b| container.is_none_or(|c| b.path.contains(&c)))
        .collect();
    let mut picks = first_picks(
        &candidates,
        &kept,
        &body_words,
        &inside,
        container.is_some(),
    );
    if judge {
        let picked: Vec<bool> = picks.iter().map(Option::is_some).collect();
        if let Some(rows) = rows {
            push_block_rows(rows, &candidates, &picks, &picked, &inside);
            return (String::new(), 0);
        }
        let keep = block_model::second_look(&candidates, &picked, &inside);
        for (i, k) in keep.into_iter().enumerate() {
            match (k, picks[i].is_some()) {
                (false, true) => picks[i] = None,
                (true, false) => picks[i] = Some((Cow::Borrowed(candidates[i].text.trim()), None)),
                _ => {}
            }
        }
    }
    join_picks(&picks)
}

/// The candidates' texts joined by blank lines, and the first line of each.
fn join_with_first_lines(candidates: &[&Block]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut first_line = Vec::with_capacity(candidates.len());
    let mut line = 0;
    for b in candidates {
        if !text.is_empty() {
            text.push_str("\n\n");
            line += 1;
        }
        first_line.push(line);
        text.push_str(&b.text);
        line += b.text.matches('\n').count() + 1;
    }
    (text, first_line)
}

/// The candidates' joined text judged line by line: its `lines`, the first line of
/// each block, the lines kept as body and each line's words.
struct JudgedLines<'t> {
    text: &'t str,
    lines: &'t [std::ops::Range<usize>],
    first_line: &'t [usize],
    keep: &'t [bool],
    counts: &'t [usize],
}

impl<'t> JudgedLines<'t> {
    /// The kept lines of block `i` and their words (a line break holds none, so the
    /// lines' add up, unless Chinese or Japanese is counted in pairs).
    fn kept_of_block(&self, i: usize) -> (Cow<'t, str>, usize) {
        let JudgedLines {
            text,
            lines,
            first_line,
            keep,
            counts,
        } = *self;
        let end = first_line.get(i + 1).map_or(lines.len(), |n| n - 1);
        let l = first_line[i];
        if end == l + 1 && keep[l] && !text[lines[l].clone()].trim().is_empty() {
            // A one-line block kept whole (most paragraphs): no copy.
            return (Cow::Borrowed(&text[lines[l].clone()]), counts[l]);
        }
        let mut out = String::new();
        let mut words = 0;
        for l in first_line[i]..end.min(lines.len()) {
            if keep[l] && !text[lines[l].clone()].trim().is_empty() {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&text[lines[l].clone()]);
                words += counts[l];
            }
        }
        if may_hold_cjk(&out) {
            words = word_count(&out);
        }
        (Cow::Owned(out), words)
    }
}

/// The block model's trainer's rows: each candidate, what the first judgement took of
/// it and its features.
fn push_block_rows(
    rows: &mut Vec<BlockRow>,
    candidates: &[&Block],
    picks: &[Pick],
    picked: &[bool],
    inside: &[bool],
) {
    let features = block_model::features(candidates, picked, inside);
    for ((b, pick), features) in candidates.iter().zip(picks).zip(features) {
        rows.push(BlockRow {
            text: b.text.trim().to_string(),
            first: pick.as_ref().map(|p| p.0.to_string()),
            features: features.to_vec(),
        });
    }
}

/// The picked pieces joined by blank lines, with their words.
fn join_picks(picks: &[Pick]) -> (String, usize) {
    let mut out = String::new();
    // The words of the pieces add up to the words of the whole (the breaks between
    // them hold no word), unless Chinese or Japanese is counted in pairs.
    let (mut words, mut cjk) = (0, false);
    for (s, n) in picks.iter().flatten() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(s);
        words += n.unwrap_or_else(|| word_count(s));
        cjk = cjk || may_hold_cjk(s);
    }
    if cjk {
        words = word_count(&out);
    }
    (out, words)
}

/// A candidate block as the block model's trainer sees it.
#[doc(hidden)]
#[derive(Debug)]
pub struct BlockRow {
    /// The whole block.
    pub text: String,
    /// What the text-shape judgement took of it (none: left out).
    pub first: Option<String>,
    /// [`block_model::features`] of it.
    pub features: Vec<f32>,
}

/// For the block model's trainer (`examples/article_blocks.rs`): the candidate blocks
/// of `html`, and the text and words that judging by shape alone gives (what
/// [`readable_text_from_html`] falls back to when the judged body is short).
#[doc(hidden)]
pub fn block_rows(html: &str) -> (Vec<BlockRow>, String, usize) {
    let blocks = blocks(html);
    let mut rows = Vec::new();
    select_body(&blocks, true, Some(&mut rows));
    let (plain, plain_words) = select_body(&blocks, false, None);
    (rows, plain.trim().to_string(), plain_words)
}

/// The model's log-odds for a row's features (for the test that the trainer and the
/// engine agree).
#[doc(hidden)]
pub fn block_logit(features: &[f32]) -> f32 {
    let mut f = [0f32; block_model::FEATURES];
    f.copy_from_slice(&features[..block_model::FEATURES]);
    block_model::logit(&f)
}

/// A block's text as the body takes it, with its words when counted already.
type Pick<'a> = Option<(Cow<'a, str>, Option<usize>)>;

/// The text-shape judgement's choice of each candidate: its body lines (`kept`, with
/// `body_words`), and, when a `container` bounds the body, the container's other blocks
/// between body paragraphs (lists, short lines, subheads) unless shaped like furniture
/// or after a heading that opens the page's tail.
fn first_picks<'a>(
    candidates: &[&'a Block],
    kept: &[Cow<'a, str>],
    body_words: &[usize],
    inside: &[bool],
    container: bool,
) -> Vec<Pick<'a>> {
    let first = body_words.iter().position(|w| *w > 0);
    let last = body_words.iter().rposition(|w| *w > 0);
    let mut after_open = true;
    let mut picks: Vec<Pick<'a>> = Vec::with_capacity(candidates.len());
    for (i, b) in candidates.iter().enumerate() {
        picks.push(None);
        if !inside[i] {
            continue;
        }
        if body_words[i] > 0 {
            picks[i] = Some((kept[i].clone(), Some(body_words[i])));
            continue;
        }
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        if !container || i < first {
            continue;
        }
        let line = b.text.trim();
        if is_tail_heading(line) {
            after_open = false;
        }
        let fits = !is_furniture_line(line) && !is_tail_heading(line);
        if fits && (i < last || after_open) {
            picks[i] = Some((Cow::Borrowed(line), None));
        }
    }
    picks
}

/// Whether `s` may hold a character [`word_count`] counts in pairs (Chinese, Japanese):
/// one whose UTF-8 form starts with a byte of those blocks (a superset of them).
pub(crate) fn may_hold_cjk(s: &str) -> bool {
    s.as_bytes()
        .iter()
        .any(|&b| matches!(b, 0xE3..=0xE9 | 0xEF))
}

/// The element that holds the article. As in Readability, a body block's words score
/// its parent fully and each further ancestor less, and the best-scoring element wins;
/// then it widens to its parent while the parent's other children hold body text of
/// their own weight (a third of it or more: an article split into sections), not crumbs (teasers of other
/// stories, each a few lines in its own box).
fn container_of(candidates: &[&Block], body_words: &[usize]) -> Option<u32> {
    let mut score: std::collections::HashMap<u32, f64> = std::collections::HashMap::new();
    for (b, w) in candidates.iter().zip(body_words) {
        if *w > 0 && b.path.len() >= 2 {
            let mut weight = *w as f64;
            for id in b.path[..b.path.len() - 1].iter().rev() {
                *score.entry(*id).or_default() += weight;
                weight *= ANCESTOR_DECAY;
            }
        }
    }
    let top = score
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?
        .0;
    let chain: Vec<u32> = candidates.iter().find_map(|b| {
        let k = b.path.iter().position(|&id| id == top)?;
        Some(b.path[..=k].to_vec())
    })?;
    let body = || candidates.iter().zip(body_words).filter(|(_, w)| **w > 0);
    let mut k = chain.len() - 1;
    let mut chosen = k;
    while k > 0 {
        let (parent, child) = (chain[k - 1], chain[k]);
        let mut child_words = 0;
        let mut siblings: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        for (b, w) in body() {
            if b.path.get(k - 1) != Some(&parent) {
                continue;
            }
            match b.path.get(k) {
                Some(&id) if id == child => child_words += w,
                other => {
                    *siblings
                        .entry(other.copied().unwrap_or(u32::MAX))
                        .or_default() += w
                }
            }
        }
        let biggest = siblings.values().copied().max().unwrap_or(0);
        if biggest > 0 && biggest * 3 < child_words {
            break;
        }
        k -= 1;
        if biggest > 0 {
            // Levels that add nothing are passed through, not chosen.
            chosen = k;
        }
    }
    // An article whose sections each sit in a box of their own (an ad or a heading
    // between them, outside the boxes) gives the best-scoring box a small part of the
    // body: the container widens until it holds a fair share of the body's words.
    let total: usize = body_words.iter().sum();
    let inside = |id: u32| -> usize {
        body()
            .filter(|(b, _)| b.path.contains(&id))
            .map(|(_, w)| *w)
            .sum()
    };
    while chosen > 0 && (inside(chain[chosen]) as f64) < MIN_CONTAINER_SHARE * total as f64 {
        chosen -= 1;
    }
    Some(chain[chosen])
}

/// The least share of the judged body's words the article's container holds. Set by
/// hand: in the training pages' site-grouped CV only two containers held less than 0.4
/// of their body (0.03 and 0.17), both sections of one article in boxes of their own;
/// containers that hold 0.4 to 0.6 are mostly right.
const MIN_CONTAINER_SHARE: f64 = 0.3;

/// How much of a paragraph's weight each further ancestor gets (Readability halves it).
const ANCESTOR_DECAY: f64 = 0.6;

/// All the readable text of an HTML page (scripts, styles and hidden parts dropped,
/// nothing judged as furniture): for a page that is not an article.
pub fn text_from_html(html: &str) -> String {
    text_of(&blocks(html))
}

/// [`text_from_html`] of a page's `blocks`.
fn text_of(blocks: &[Block]) -> String {
    join_blocks(&candidates(blocks, false)).trim().to_string()
}

/// What a page's HTML says of its text: the visible text (`None`: not asked for), the
/// article body, the headline above the body (none found) and whether the page holds
/// an article at all ([`page_kind`]), from one pass of the tokenizer.
pub(crate) struct PageParts {
    pub visible: Option<String>,
    pub body: String,
    pub headline: Option<String>,
    pub article: bool,
}

/// [`PageParts`] of `html`, its visible text only when `text` asks for it.
pub(crate) fn page_parts(html: &str, text: bool) -> PageParts {
    let mut declared = page_kind::Declared::default();
    let blocks = blocks_and_kind(html, &mut declared);
    let body = readable_text_of(&blocks);
    PageParts {
        visible: text.then(|| text_of(&blocks)),
        headline: headline_above(&blocks, &body).map(str::to_string),
        article: page_kind::is_article(&declared, &blocks, &body),
        body,
    }
}

/// How many blocks above the body's first paragraph the headline is looked for among
/// (a byline, a date, a share bar, a photo and its caption often stand between).
const HEADLINE_REACH: usize = 8;

/// The page's headline: the nearest heading (`h1` to `h3`) above the body's first
/// paragraph that is not in page furniture (a `<nav>`, a "related" box) and reads like
/// a title (1 to 40 words, one line). The body judgement leaves it out (it is short and
/// has no sentence), but a person reading the page counts it as the article's.
fn headline_above<'a>(blocks: &'a [Block], body: &str) -> Option<&'a str> {
    let first = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    // Blocks shorter than the line cannot hold it, and are passed over without a search
    // (each search costs the line's length: this keeps the whole look linear).
    let at = blocks
        .iter()
        .position(|b| b.text.len() >= first.len() && b.text.contains(first))?;
    blocks[at.saturating_sub(HEADLINE_REACH)..at]
        .iter()
        .rev()
        .find(|b| b.tag == block_model::HEADING && !b.furniture && !b.text.contains('\n'))
        .map(|b| b.text.trim())
        .filter(|t| (1..=40).contains(&word_count(t)))
}

/// A paragraph-like run of text and what surrounded it.
#[derive(Debug, Default)]
struct Block {
    text: String,
    /// Ids of the elements around the block's first text, outermost first.
    path: Vec<u32>,
    /// Characters of `text` inside links.
    link_chars: usize,
    /// Inside an element that is page furniture by its kind or its class/id.
    furniture: bool,
    /// When its only furniture is one element judged so by its class or id alone (and
    /// not as a comment), that element's id; `u32::MAX` for any other furniture.
    soft_root: u32,
    /// Inside a `<form>` (some sites wrap the whole page in one, so judged later).
    in_form: bool,
    /// The kind of element that holds it ([`block_model::tag_kind`]).
    tag: u8,
    /// The [`block_model::MARK_WORDS`] of the class and id of the elements nearest it.
    marks: u64,
}

/// Elements whose content is never shown text.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object",
    "canvas", "math", "select", "option", "textarea", "button", "video", "audio", "map", "dialog",
];
/// How many of the elements around a block lend it their class and id words.
const MARKS_DEPTH: usize = 4;
/// Elements that belong in a page's `<head>`; any other start tag ends an open head.
const IN_HEAD: &[&str] = &[
    "head", "title", "meta", "link", "style", "script", "noscript", "base", "template", "html",
];
/// Elements that hold page furniture, not the article.
const FURNITURE: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "menu",
    "figcaption",
    "label",
];
/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "address",
    "center",
    "form",
    "fieldset",
    "header",
    "footer",
    "nav",
    "aside",
    "body",
    "html",
    "details",
    "summary",
    "caption",
];
/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// Words in a class or id that mark furniture (after Readability's "unlikely candidates").
const UNLIKELY: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "sidebar",
    "menu",
    "navbar",
    "nav",
    "footer",
    "header",
    "masthead",
    "breadcrumb",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "signup",
    "promo",
    "advert",
    "ads",
    "ad",
    "sponsor",
    "banner",
    "popup",
    "modal",
    "pagination",
    "pager",
    "tags",
    "byline",
    "author",
    "dateline",
    "timestamp",
    "caption",
    "credit",
    "disqus",
    "recommend",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "toolbar",
    "rss",
    "login",
    "search",
];
/// Marks that also count as the start of a longer word ("comments", "socialbar").
const UNLIKELY_PREFIXES: &[&str] = &[
    "comment",
    "share",
    "social",
    "sidebar",
    "related",
    "footer",
    "newsletter",
    "breadcrumb",
    "cookie",
    "advert",
    "sponsor",
    "recommend",
    "subscribe",
    "popup",
    "trending",
    "outbrain",
    "taboola",
];
/// Likely marks as prefixes ("articlebody", "contentwrapper").
const LIKELY_PREFIXES: &[&str] = &["article", "content", "story", "entry"];
/// Words in a class or id that mark a likely article container (overrule `UNLIKELY`).
const LIKELY: &[&str] = &[
    "article", "body", "content", "main", "story", "post", "entry", "text", "column",
];

struct Open<'a> {
    id: u32,
    name: String,
    hidden: bool,
    furniture: bool,
    /// Furniture by its class or id alone, not named a comment or reply.
    soft: bool,
    link: bool,
    form: bool,
    /// Its raw attributes, read for [`block_model::marks_of`] only when a block starts
    /// inside it (most elements never hold a block's first text).
    attrs: &'a str,
    /// [`marks_of_attrs`] of `attrs`, once asked for.
    marks: Option<u64>,
    /// [`block_model::tag_kind`] of its name.
    kind: u8,
}

fn blocks(html: &str) -> Vec<Block> {
    blocks_and_kind(html, &mut page_kind::Declared::default())
}

/// [`blocks`], and what the page says of its own type (`declared`: its type statements
/// and the elements [`page_kind`] counts), its start tags read in the same one pass.
fn blocks_and_kind(html: &str, declared: &mut page_kind::Declared) -> Vec<Block> {
    // JSON-LD is in scripts, which the tokenizer skips unread: one search of the page.
    declared.see_json_ld(html);
    let mut reader = BlockReader::default();
    for token in Tokenizer::new(html) {
        match token {
            Token::Text(raw) => reader.text(raw),
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                declared.see_start(&name, attrs);
                reader.start(name, attrs, self_closing);
            }
            Token::End { name } => reader.end(&name),
        }
    }
    let BlockReader {
        mut out, mut cur, ..
    } = reader;
    flush(&mut out, &mut cur);
    keep_wrappers_of_most_text(&mut out);
    out
}

/// A block's [`Block::soft_root`] once another piece of its text is read inside `next`.
fn soft_root_merged(so_far: u32, next: u32) -> u32 {
    if so_far == 0 || so_far == next {
        next
    } else {
        u32::MAX
    }
}

/// An element judged furniture by its class or id alone ("sidebar-container",
/// "share_wrapper") that holds more than half of the page's text is the page's frame,
/// not furniture: a sidebar or a share bar never holds most of the page. Its blocks
/// (those in no other furniture) are kept as candidates. Comments are left out: a
/// thread may well hold most of a page.
fn keep_wrappers_of_most_text(blocks: &mut [Block]) {
    if !blocks
        .iter()
        .any(|b| b.soft_root != 0 && b.soft_root != u32::MAX)
    {
        return;
    }
    let total: usize = blocks.iter().map(|b| b.text.len()).sum();
    let mut held: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for b in blocks.iter().filter(|b| b.soft_root != u32::MAX) {
        *held.entry(b.soft_root).or_default() += b.text.len();
    }
    for b in blocks.iter_mut() {
        if b.soft_root != 0 && held.get(&b.soft_root).is_some_and(|n| 2 * n > total) {
            b.furniture = false;
        }
    }
}

/// The state of [`blocks_and_kind`]'s one pass over a page: the blocks so far, the one
/// being read, the open elements, and how many of them hide their text, are furniture,
/// links or forms.
#[derive(Default)]
struct BlockReader<'a> {
    out: Vec<Block>,
    cur: Block,
    stack: Vec<Open<'a>>,
    hidden: usize,
    furniture: usize,
    link: usize,
    form: usize,
    /// A space is owed before the next word (white space or a table cell came before).
    pending_space: bool,
    next_id: u32,
    /// A <head> was opened and not yet seen closed (few pages: the test is then skipped).
    head_open: bool,
}

impl<'a> BlockReader<'a> {
    /// Text between tags: its words join the current block, which takes the marks of
    /// the elements it starts in.
    fn text(&mut self, raw: &str) {
        if self.hidden > 0 {
            return;
        }
        let decoded = entities::decode(raw);
        let cur = &mut self.cur;
        let was_empty = cur.text.is_empty();
        push_words(cur, &decoded, &mut self.pending_space, self.link > 0);
        if was_empty && !cur.text.is_empty() {
            let stack = &mut self.stack;
            cur.path = stack.iter().map(|o| o.id).collect();
            let from = stack.len().saturating_sub(MARKS_DEPTH);
            cur.marks = stack[from..].iter_mut().fold(0, |m, o| {
                m | *o.marks.get_or_insert_with(|| marks_of_attrs(o.attrs))
            });
            cur.tag = stack
                .iter()
                .rev()
                .map(|o| o.kind)
                .find(|k| *k != 0)
                .unwrap_or(0);
        }
        if self.furniture > 0 {
            let root = self.soft_root();
            self.cur.furniture = true;
            self.cur.soft_root = soft_root_merged(self.cur.soft_root, root);
        }
        self.cur.in_form |= self.form > 0;
    }

    /// The one furniture element open, when it is [`Open::soft`]: its id (else `u32::MAX`).
    fn soft_root(&self) -> u32 {
        if self.furniture != 1 {
            return u32::MAX;
        }
        self.stack
            .iter()
            .find(|o| o.furniture)
            .filter(|o| o.soft)
            .map_or(u32::MAX, |o| o.id)
    }

    /// A start tag: a line break, a block's end, or an element opened.
    fn start(&mut self, name: String, attrs: &'a str, self_closing: bool) {
        if self.head_open && !IN_HEAD.contains(&name.as_str()) {
            // A page that never closes its <head> (browsers end it at the
            // first element that belongs to the body).
            self.head_open = false;
            if let Some(pos) = self.stack.iter().rposition(|o| o.name == "head") {
                self.close_from(pos);
            }
        }
        if name == "br" {
            if self.hidden == 0 && !self.cur.text.is_empty() {
                self.cur.text.push('\n');
            }
            self.pending_space = false;
            return;
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut self.out, &mut self.cur);
            self.pending_space = false;
        } else if matches!(name.as_str(), "td" | "th") {
            // A table row reads as one line, its cells apart.
            self.pending_space = true;
        }
        if self_closing || VOID.contains(&name.as_str()) {
            return;
        }
        // <p> and <li> close an open one of their kind (HTML's implied end tags).
        if matches!(
            name.as_str(),
            "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option"
        ) && self.stack.last().is_some_and(|o| o.name == name)
        {
            if let Some(o) = self.stack.pop() {
                self.close(&o);
            }
        }
        self.open(name, attrs);
    }

    /// An element opened: pushed on the stack (at most 512 deep) and counted.
    fn open(&mut self, name: String, attrs: &'a str) {
        self.next_id += 1;
        self.head_open |= name == "head";
        let by_kind = FURNITURE.contains(&name.as_str());
        let by_attrs = !by_kind && unlikely_by_attrs(&name, attrs);
        let open = Open {
            id: self.next_id,
            hidden: HIDDEN.contains(&name.as_str()) || has_hidden_attr(attrs),
            furniture: by_kind || by_attrs,
            soft: by_attrs && !block_model::is_comment(marks_of_attrs(attrs)),
            link: name == "a",
            form: name == "form",
            kind: block_model::tag_kind(&name),
            attrs,
            marks: None,
            name,
        };
        self.hidden += usize::from(open.hidden);
        self.furniture += usize::from(open.furniture);
        self.link += usize::from(open.link);
        self.form += usize::from(open.form);
        if self.stack.len() < 512 {
            self.stack.push(open);
        } else {
            self.close(&open);
        }
    }

    /// An end tag: ends a block, and closes its element and those opened inside it.
    fn end(&mut self, name: &str) {
        self.head_open &= name != "head";
        if BLOCKS.contains(&name) {
            flush(&mut self.out, &mut self.cur);
            self.pending_space = false;
        }
        if let Some(pos) = self.stack.iter().rposition(|o| o.name == name) {
            self.close_from(pos);
        }
    }

    /// Close the open elements from stack position `pos` up, innermost first.
    fn close_from(&mut self, pos: usize) {
        for o in self.stack.drain(pos..).collect::<Vec<_>>().iter().rev() {
            close(
                o,
                &mut self.hidden,
                &mut self.furniture,
                &mut self.link,
                &mut self.form,
            );
        }
    }

    /// Uncount element `o`, closed.
    fn close(&mut self, o: &Open) {
        close(
            o,
            &mut self.hidden,
            &mut self.furniture,
            &mut self.link,
            &mut self.form,
        );
    }
}

/// Append `text` to the block: white space collapsed to one space (none at the block's
/// start or after a line break), the characters inside a link counted. Runs of
/// non-space characters are copied whole, ASCII read as bytes.
fn push_words(cur: &mut Block, text: &str, pending_space: &mut bool, in_link: bool) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let mut chars = 0;
        while i < b.len() {
            let x = b[i];
            if x < 0x80 {
                if matches!(x, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                    break;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
            chars += 1;
        }
        if i > start {
            if *pending_space && !cur.text.is_empty() && !cur.text.ends_with('\n') {
                cur.text.push(' ');
            }
            *pending_space = false;
            cur.text.push_str(&text[start..i]);
            if in_link {
                cur.link_chars += chars;
            }
        }
        if i < b.len() {
            // A white-space character (ASCII or not) ends the run.
            *pending_space = true;
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

fn close(o: &Open, hidden: &mut usize, furniture: &mut usize, link: &mut usize, form: &mut usize) {
    *hidden -= usize::from(o.hidden);
    *furniture -= usize::from(o.furniture);
    *link -= usize::from(o.link);
    *form -= usize::from(o.form);
}

fn flush(out: &mut Vec<Block>, cur: &mut Block) {
    // The text never starts with white space (`push_words`), and a break may end it.
    let mut text = std::mem::take(&mut cur.text);
    text.truncate(text.trim_end().len());
    if !text.is_empty() {
        let link_chars = match cur.link_chars {
            0 => 0,
            n => n.min(text.chars().count()),
        };
        out.push(Block {
            text,
            path: std::mem::take(&mut cur.path),
            link_chars,
            furniture: cur.furniture,
            soft_root: cur.soft_root,
            in_form: cur.in_form,
            tag: cur.tag,
            marks: cur.marks,
        });
    }
    *cur = Block::default();
}

/// The blocks that may be article. With `judge`, furniture, link lists and (unless
/// the form holds most of the page) forms are left out.
fn candidates(blocks: &[Block], judge: bool) -> Vec<&Block> {
    let total: usize = blocks.iter().map(|b| b.text.len()).sum();
    let in_form: usize = blocks
        .iter()
        .filter(|b| b.in_form)
        .map(|b| b.text.len())
        .sum();
    let drop_forms = in_form * 2 < total;
    blocks
        .iter()
        .filter(|b| !judge || !(b.furniture || (drop_forms && b.in_form) || is_link_list(b)))
        .collect()
}

/// Blocks as text, one paragraph each.
fn join_blocks(blocks: &[&Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b.text);
    }
    out
}

/// [`block_model::marks_of`] raw attributes.
fn marks_of_attrs(attrs: &str) -> u64 {
    if attrs.len() > 3 {
        block_model::marks_of(&lower_if_needed(attrs))
    } else {
        0
    }
}

/// `attrs` lower-cased, copied only when it holds an upper-case letter.
fn lower_if_needed(attrs: &str) -> Cow<'_, str> {
    if attrs.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(attrs.to_ascii_lowercase())
    } else {
        Cow::Borrowed(attrs)
    }
}

/// Mostly link text: a menu, a list of other stories.
fn is_link_list(b: &Block) -> bool {
    b.link_chars > 0 && b.link_chars * 10 > b.text.chars().count() * 6
}

/// `hidden` or `aria-hidden="true"` or an inline `display:none`.
fn has_hidden_attr(attrs: &str) -> bool {
    let lower = attrs.to_ascii_lowercase();
    tokens::attr(&lower, "hidden").is_some()
        || tokens::attr(&lower, "aria-hidden").is_some_and(|v| v == "true")
        || tokens::attr(&lower, "style")
            .is_some_and(|v| v.replace(' ', "").contains("display:none"))
}

/// A class or id naming furniture, unless it also names the article (and never on
/// the page's outer elements).
fn unlikely_by_attrs(name: &str, attrs: &str) -> bool {
    if matches!(
        name,
        "html" | "body" | "article" | "main" | "p" | "a" | "span" | "em" | "strong" | "b" | "i"
    ) {
        return false;
    }
    let lower = attrs.to_ascii_lowercase();
    let mut names = String::new();
    for key in ["class", "id", "role"] {
        if let Some(v) = tokens::attr(&lower, key) {
            names.push(' ');
            names.push_str(&v);
        }
    }
    if tokens::attr(&lower, "role").is_some_and(|r| {
        matches!(
            r.as_str(),
            "navigation" | "banner" | "contentinfo" | "complementary"
        )
    }) {
        return true;
    }
    let words: Vec<&str> = names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Whole words, or some marks as prefixes ("comments", "sidebarleft").
    let matches = |list: &[&str], prefixes: &[&str], w: &str| {
        list.contains(&w) || prefixes.iter().any(|p| w.starts_with(p))
    };
    let unlikely = words
        .iter()
        .any(|w| matches(UNLIKELY, UNLIKELY_PREFIXES, w));
    let likely = words.iter().any(|w| matches(LIKELY, LIKELY_PREFIXES, w));
    unlikely && !likely
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE html><html><head><title>Bridge opens</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><header><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Sport</a></li></ul></nav>
<article><h1>Mayor Opens New Bridge</h1><p class="byline">By Jane Roe</p>
<p>The city opened its new bridge on Monday after three years of work, officials said.</p>
<p>&ldquo;It will cut the commute by twenty minutes,&rdquo; the mayor told reporters &amp; guests.<br>
It cost $120&nbsp;million, about a fifth more than planned, according to the council.</p>
<div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a></div>
<p>Work on a second crossing starts next year, the council said in a statement.</div>
</article>
<aside><h2>Related</h2><ul><li><a href="/c">Council votes on the budget for next year</a></li></ul></aside>
<div class="comments"><p>Leave a comment below, we would love to hear what you think about it.</p></div>
<footer>About Us | Contact Us</footer></body></html>"##;

    #[test]
    fn keeps_the_article_and_drops_the_rest() {
        let text = readable_text_from_html(PAGE);
        assert!(text.starts_with("The city opened its new bridge"), "{text}");
        assert!(text.contains("\u{201c}It will cut the commute by twenty minutes,\u{201d} the mayor told reporters & guests.\nIt cost $120 million"), "{text}");
        assert!(
            text.contains("Work on a second crossing starts next year"),
            "{text}"
        );
        for gone in [
            "not text",
            "color",
            "Home",
            "Politics",
            "By Jane Roe",
            "Share",
            "Related",
            "Council votes",
            "Leave a comment",
            "About Us",
            "Bridge opens",
        ] {
            assert!(!text.contains(gone), "{gone:?} survived in {text}");
        }
    }

    #[test]
    fn the_article_container_bounds_the_body_and_keeps_its_lists() {
        let para = |s: &str| {
            format!("<p>{s} The report was published on Monday by the city council, which met for six hours.</p>")
        };
        let body: String = ["First.", "Second.", "Third.", "Fourth.", "Fifth."]
            .map(para)
            .concat();
        let html = format!(
            "<body><div class=\"page\"><div class=\"story-body\">{body}<ul><li>June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL</li>\
             <li>June 10 -- Credit Union Amphitheatre, Tampa, FL</li></ul></div>\
             <div class=\"more\"><p>Another story entirely, which a reader might enjoy this week.</p></div></div></body>",
        );
        let text = readable_text_from_html(&html);
        assert!(
            text.contains("First.") && text.contains("Second."),
            "{text}"
        );
        assert!(
            text.contains("June 9 -- Coral Sky") && text.contains("June 10"),
            "{text}"
        );
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn an_article_whose_sections_sit_in_deep_boxes_of_their_own_is_kept_whole() {
        // Each section deep in boxes of its own, an ad line between them: the largest
        // box alone must not bound the body.
        let sentence =
            "The new ferry route links the two harbours in forty minutes, and tickets cost less than the bus.";
        let section = |title: &str, sentences: usize| {
            format!(
                "<div class=\"ad\">Advertising</div><div class=\"tile\"><div><h3>{title}</h3></div>\
                 <div class=\"summary\"><div><p>{}</p></div></div></div>",
                [sentence].repeat(sentences).join(" ")
            )
        };
        // One long section, then twelve short ones, each less than a third of it.
        let sections: String = std::iter::once(section("The first harbour", 9))
            .chain((0..12).map(|k| section(&format!("Harbour number {k}"), 2)))
            .collect();
        let html = format!("<body><main>{sections}</main><footer>About us</footer></body>");
        let text = readable_text_from_html(&html);
        assert_eq!(text.matches(sentence).count(), 9 + 12 * 2, "{text}");
        assert!(!text.contains("About us"), "{text}");
    }

    #[test]
    fn a_frame_named_like_a_sidebar_that_holds_most_of_the_page_is_read() {
        let para =
            "The river rose two metres overnight and the town closed its lower bridge to traffic.";
        let body = format!("<p>{para}</p>").repeat(6);
        let html = format!(
            "<body><nav><a href=\"/\">Home</a></nav><section class=\"page-and-sidebar-frame\">\
             <div class=\"col\">{body}</div></section>\
             <div class=\"sidebar\"><p>Subscribe to our weekly letter for more news of the valley.</p></div>\
             <div class=\"comments\"><p>I saw it too and it was far worse than last year, honestly.</p></div></body>"
        );
        let text = readable_text_from_html(&html);
        assert_eq!(text.matches(para).count(), 6, "{text}");
        assert!(!text.contains("Subscribe"), "{text}");
        assert!(!text.contains("far worse"), "{text}");
        // The frame's blocks are candidates; the small sidebar and the thread are not.
        let blocks = blocks(&html);
        let furniture = |start: &str| {
            blocks
                .iter()
                .find(|b| b.text.starts_with(start))
                .unwrap()
                .furniture
        };
        assert!(!furniture("The river rose"));
        assert!(furniture("Subscribe") && furniture("I saw it"));
    }

    #[test]
    fn an_article_in_sections_is_kept_whole() {
        let para = |s: &str| {
            format!("<p>{s} The council met on Monday and voted for the plan, which costs four million euros.</p>")
        };
        let section = |a: &str, b: &str| {
            format!(
                "<section><div class=\"wrap\"><div class=\"post\">{}{}</div></div></section>",
                para(a),
                para(b)
            )
        };
        let html = format!(
            "<body><main>{}<figure><img src=x></figure>{}</main><footer><p>Read our other stories about the city, every day of the week.</p></footer></body>",
            section("One.", "Two."),
            section("Three.", "Four.")
        );
        let text = readable_text_from_html(&html);
        for word in ["One.", "Two.", "Three.", "Four."] {
            assert!(text.contains(word), "{word} lost: {text}");
        }
        assert!(!text.contains("other stories"), "{text}");
    }

    #[test]
    fn a_short_article_beside_a_long_comment_thread_keeps_its_body() {
        let article = "<article><h1>Library hours change</h1>\
            <p>The town library will open an hour later on weekdays from next month, the council said on Thursday.</p>\
            <p>Weekend hours stay as they are, and the reading room keeps its evening sessions for students.</p>\
            <p>The change saves about nine thousand pounds a year, according to the council's budget papers.</p>\
            <p>Staff will use the quiet first hour to sort returned books and to repair the older maps in the archive.</p>\
            <p>A survey last spring found that fewer than twenty people a day came in during that hour on weekdays.</p></article>";
        let comment = |k: usize| {
            format!(
                "<div class=\"comment\"><div class=\"by\">by reader{k} on Monday, @09:{k:02}PM</div>\
                 <div class=\"commentbody\"><p>I think the old hours suited people who work late, and nobody asked us before deciding number {k}.</p>\
                 <p>Surely there are other savings the council could find first, like the new signs they bought last year.</p></div>\
                 <div>Reply to This | Share | Flag</div></div>"
            )
        };
        let thread: String = (0..40).map(comment).collect();
        let html = format!("<body>{article}<div id=\"comments\">{thread}</div></body>");
        let text = readable_text_from_html(&html);
        assert!(text.starts_with("The town library will open"), "{text}");
        assert!(text.contains("evening sessions"), "{text}");
        assert!(!text.contains("old hours suited"), "{text}");
    }

    #[test]
    fn a_short_paragraph_between_article_paragraphs_stays_and_a_teaser_list_goes() {
        // The second look reads its neighbours' verdicts: a one-line paragraph in the
        // middle of the story is article, a run of short teasers after it is not.
        let html = "<body><div class=\"story\"><h1>Ferry service resumes</h1>\
            <p>The island ferry sailed again on Tuesday after a week of storms kept it in the harbour, the operator said.</p>\
            <p>Crews checked the ramps and the engines twice before the first crossing, which left on time at seven.</p>\
            <p>Not everyone was pleased.</p>\
            <p>Some residents said the timetable still leaves too long a gap in the afternoon for people who work on the mainland.</p>\
            <p>The operator said it would review the afternoon sailings with the island council before the summer season starts.</p></div>\
            <div><h3>More stories</h3><p><a href=\"/a\">Council backs new harbour wall</a></p>\
            <p><a href=\"/b\">School bus times change</a></p><p><a href=\"/c\">Market returns to the square</a></p></div></body>";
        let text = readable_text_from_html(html);
        assert!(text.contains("Not everyone was pleased."), "{text}");
        assert!(text.contains("review the afternoon sailings"), "{text}");
        assert!(!text.contains("School bus times"), "{text}");
    }

    #[test]
    fn a_table_of_figures_between_the_story_paragraphs_stays() {
        // Short rows of figures inside the story's container, between its paragraphs, are
        // part of it: the trees read "short, in the container, between kept paragraphs"
        // together, where each alone says furniture.
        let html = "<body><div class=\"story\"><h1>Rainfall returns to normal</h1>\
            <p>The national weather office said on Friday that rainfall across the region has returned to its long-term average after two dry years.</p>\
            <p>Reservoirs in the north filled fastest, the office said, while the south is still a little below where it usually stands in spring.</p>\
            <table><tr><td>North</td><td>104%</td></tr><tr><td>Centre</td><td>97%</td></tr><tr><td>South</td><td>88%</td></tr></table>\
            <p>Farmers in the south said the figures matched what they see in their fields, where the soil is still drier than they would like.</p>\
            <p>The office expects the summer to be close to normal but warned that one warm month could quickly change that picture.</p></div>\
            <div><h3>Most read</h3><p><a href=\"/a\">Storm closes coastal road</a></p>\
            <p><a href=\"/b\">New bridge opens early</a></p></div></body>";
        let text = readable_text_from_html(html);
        assert!(text.contains("Centre"), "{text}");
        assert!(text.contains("matched what they see"), "{text}");
        assert!(!text.contains("coastal road"), "{text}");
    }

    #[test]
    fn a_head_never_closed_ends_at_the_body() {
        let text = text_from_html(
            "<html><head><title>T</title><meta charset=utf-8><div><p>The council met.</p></div>",
        );
        assert_eq!(text, "The council met.");
    }

    #[test]
    fn a_table_row_reads_as_one_line() {
        let text = text_from_html(
            "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>\
             <tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr></table>",
        );
        assert_eq!(text, "Pos. Driver Points\n\n1 Kyle Busch 5040");
    }

    #[test]
    fn plain_reduction_keeps_visible_text() {
        let text = text_from_html(
            "<p>One <b>two</b></p><p>three &#x263A; &#9731; &bogus; &lt;</p><script>x</script>",
        );
        assert_eq!(text, "One two\n\nthree \u{263a} \u{2603} &bogus; <");
    }

    #[test]
    fn broken_html_does_not_lose_text() {
        assert_eq!(
            text_from_html("<p>unclosed <b>bold <i>and</p> after"),
            "unclosed bold and\n\nafter"
        );
        assert_eq!(text_from_html("a < b and c > d <"), "a < b and c > d <");
        assert_eq!(
            text_from_html("<!-- <p>hidden</p> -->shown<!-- unterminated"),
            "shown"
        );
        assert_eq!(text_from_html(""), "");
    }
}
