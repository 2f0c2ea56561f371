//! Page furniture in text copied from a whole web page: menus, share links, "Related
//! Topics", "Recent Stories", comment prompts, footers, bylines, timestamps, credits.
//!
//! Language-agnostic shape, never particular sites: article prose comes as long lines
//! ending in sentence punctuation, furniture as runs of short lines. Each line gets a
//! score (prose positive, short lines negative); the article body is the stretch of
//! lines with the highest total (a maximum-sum run, as in Body Text Extraction), cut
//! short where a "Related ..."/"Recent Stories"/comments heading starts the tail of
//! the page. Inside the body, single lines shaped like furniture (timestamps, share
//! prompts, image credits, bylines) are dropped too.

use std::ops::Range;

use super::ascii::{self, char_from};
use super::words::LowerContains;

mod line_scan;
mod segments;
use line_scan::{
    normalised_starts_with, scan_line, LineScan, ALL_RIGHTS_RESERVED, CREDIT, NEW_WINDOW,
    SITE_MARKS,
};
pub use segments::FEATURE_NAMES as SEGMENT_FEATURES;

/// Byte ranges of `text` that are page furniture: whole lines (with their line
/// break), sorted, disjoint, merged when adjacent. Text without any furniture yields
/// an empty list.
pub fn furniture_spans(text: &str) -> Vec<Range<usize>> {
    furniture_spans_with(text, true)
}

/// The article body alone: the text without furniture and without its headline
/// (what an article extractor returns).
pub fn article_body(text: &str) -> String {
    remove_spans(text, &furniture_spans_with(text, false))
}

/// The text with its furniture removed (the headline stays).
pub fn strip_furniture(text: &str) -> String {
    remove_spans(text, &furniture_spans(text))
}

fn remove_spans(text: &str, spans: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.start]);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

fn furniture_spans_with(text: &str, keep_headline: bool) -> Vec<Range<usize>> {
    let lines = split_lines(text);
    if lines.is_empty() {
        return Vec::new();
    }
    let keep = body_lines(text, &lines);
    furniture_from_keep(text, &lines, keep, keep_headline)
}

/// The furniture spans of `text` (cut in `lines`) whose body lines `keep` marks (blank
/// lines are neither): whole lines with their breaks, merged across blank lines. With
/// `keep_headline`, the headline above the body stays.
pub(crate) fn furniture_from_keep(
    text: &str,
    lines: &[Range<usize>],
    mut keep: Vec<bool>,
    keep_headline: bool,
) -> Vec<Range<usize>> {
    if keep_headline {
        if let Some(h) = headline_line(text, lines, &keep) {
            // The headline and what stands between it and the body unless shaped
            // like furniture (a byline, a timestamp): a standfirst, a kicker.
            let first = keep.iter().position(|k| *k).unwrap_or(h);
            for i in h..first {
                keep[i] = i == h || !is_furniture_line(ascii::trim(&text[lines[i].clone()]));
            }
        }
    }
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (line, kept) in lines.iter().zip(&keep) {
        if *kept || ascii::trim(&text[line.clone()]).is_empty() {
            continue;
        }
        push_merged(&mut spans, line.start..line_end_with_break(text, line.end));
    }
    // Blank lines between two furniture lines belong to the furniture.
    let mut merged: Vec<Range<usize>> = Vec::new();
    for span in spans {
        match merged.last_mut() {
            Some(last) if ascii::trim(&text[last.end..span.start]).is_empty() => {
                last.end = span.end
            }
            _ => merged.push(span),
        }
    }
    merged
}

/// The headline: the nearest title-like line above the body (within a few lines), so
/// that a statement in it ("X said ...") can still be annotated.
fn headline_line(text: &str, lines: &[Range<usize>], keep: &[bool]) -> Option<usize> {
    let first = keep.iter().position(|k| *k)?;
    let mut seen = 0;
    for i in (0..first).rev() {
        let line = ascii::trim(&text[lines[i].clone()]);
        if line.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 4 {
            return None;
        }
        let n = word_count(line);
        if (3..=30).contains(&n) && !is_furniture_line(line) && !line.contains(" | ") {
            return Some(i);
        }
    }
    None
}

/// Which lines are article body (true) or furniture (false). Blank lines count as body.
pub(crate) fn body_lines(text: &str, lines: &[Range<usize>]) -> Vec<bool> {
    body_lines_scanned(text, lines, &scan_lines(text, lines))
}

/// [`body_lines`] and each line's [`word_count`] (of the trimmed line), for a caller
/// that needs both: the words come from the same one pass a line.
pub(crate) fn body_lines_and_words(text: &str, lines: &[Range<usize>]) -> (Vec<bool>, Vec<usize>) {
    let scans = scan_lines(text, lines);
    let keep = body_lines_scanned(text, lines, &scans);
    (keep, scans.iter().map(|s| s.words).collect())
}

/// Each line read once for its words and what else the tests count in it.
fn scan_lines(text: &str, lines: &[Range<usize>]) -> Vec<LineScan> {
    lines
        .iter()
        .map(|r| scan_line(ascii::trim(&text[r.clone()])))
        .collect()
}

/// [`body_lines`] given each line's [`scan_line`]: each line scored and judged by its
/// shape, the scores adjusted for their neighbours, then the best-scoring run of lines
/// before any comments heading is the body, less the lines shaped like furniture.
fn body_lines_scanned(text: &str, lines: &[Range<usize>], scans: &[LineScan]) -> Vec<bool> {
    let Some(ScoredLines {
        scores,
        shaped,
        body,
    }) = scored_lines(text, lines, scans)
    else {
        // No prose at all (a list, a short note): leave the text alone.
        return vec![true; lines.len()];
    };
    let Some(Range { start: a, end: b }) = body else {
        // A short paste: all of it, less the lines shaped like furniture.
        return shaped.iter().map(|s| !s).collect();
    };
    let mut keep = vec![false; lines.len()];
    for i in a..b {
        keep[i] = !shaped[i];
    }
    let run = segments::RunLines {
        text,
        lines,
        scans,
        scores: &scores,
        shaped: &shaped,
    };
    for r in segments::dropped_edges(&run, a, b) {
        keep[r].fill(false);
    }
    keep
}

/// Each line judged once, and where the body runs.
struct ScoredLines {
    /// Each line's score, adjusted for its neighbours.
    scores: Vec<f64>,
    /// Whether each line is furniture by its shape alone.
    shaped: Vec<bool>,
    /// The best-scoring run of lines before any comments heading; `None` for a short
    /// paste, which is body all through.
    body: Option<Range<usize>>,
}

/// The lines of `text` judged and the body's run found; `None` when no line is prose.
fn scored_lines(text: &str, lines: &[Range<usize>], scans: &[LineScan]) -> Option<ScoredLines> {
    // Each line is judged once: its score, and whether it is furniture by its shape.
    // One buffer for the normalised form of every line that needs it.
    let mut norm = String::new();
    let (mut scores, mut shaped): (Vec<f64>, Vec<bool>) = lines
        .iter()
        .zip(scans)
        .map(|(r, scan)| judge_line(ascii::trim(&text[r.clone()]), scan, &mut norm))
        .unzip();
    keep_introductions_of_quotes(text, lines, scans, &mut scores, &mut shaped);
    credit_wrapped_lines(text, lines, scans, &mut scores, &shaped);
    if is_short_paste(text, lines, &shaped) {
        return Some(ScoredLines {
            scores,
            shaped,
            body: None,
        });
    }
    weaken_isolated_prose(&mut scores);
    widen_long_gaps(&mut scores);
    let end = comments_start(text, lines, scans, &scores, &mut norm);
    let (a, b) = best_run(&scores[..end]);
    (a < b).then_some(ScoredLines {
        scores,
        shaped,
        body: Some(a..b),
    })
}

/// For the trainer (`examples/copied_segments.rs`): the segments of the body's run in
/// copied page `text`, each as its features, its kept lines' text and the kept lines'
/// text between it and the segment before.
pub fn copied_segments(text: &str) -> Vec<([f64; segments::N], String, String)> {
    let lines = split_lines(text);
    let scans = scan_lines(text, &lines);
    let Some(ScoredLines {
        scores,
        shaped,
        body: Some(Range { start: a, end: b }),
    }) = scored_lines(text, &lines, &scans)
    else {
        return Vec::new();
    };
    let run = segments::RunLines {
        text,
        lines: &lines,
        scans: &scans,
        scores: &scores,
        shaped: &shaped,
    };
    let kept = |r: Range<usize>| {
        r.filter(|&i| !shaped[i] && !run.line(i).is_empty())
            .map(|i| run.line(i))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut before = a;
    segments::segments(&run, a, b)
        .into_iter()
        .map(|s| {
            let gap = kept(before..s.lines.start);
            before = s.lines.end;
            (s.features, kept(s.lines), gap)
        })
        .collect()
}

/// "Reporter Jane Doe says:" before a quotation is the article introducing it, not
/// the byline of a reader's comment: such a line is scored as prose, not furniture.
fn keep_introductions_of_quotes(
    text: &str,
    lines: &[Range<usize>],
    scans: &[LineScan],
    scores: &mut [f64],
    shaped: &mut [bool],
) {
    for i in 0..lines.len() {
        let line = ascii::trim(&text[lines[i].clone()]);
        if shaped[i] && is_comment_author(line) {
            let next = lines[i + 1..]
                .iter()
                .map(|r| ascii::trim(&text[r.clone()]))
                .find(|l| !l.is_empty());
            if next.is_some_and(|l| l.starts_with(['"', '\u{201c}', '\u{ab}'])) {
                shaped[i] = false;
                scores[i] = prose_score(line, scans[i].words);
            }
        }
    }
}

/// A paragraph wrapped by hand (a page breaking it with `<br>`, an e-mail): its lines
/// stop mid-sentence, so each scored alone looks like a menu entry or a teaser. A line
/// of at least [`WRAPPED_PROSE_LINE_WORDS`] words that ends in a word or a comma, with the
/// next line going on in lower case, is scored as prose (its word count, as a line
/// ending a sentence would be). Lines judged furniture by their shape stay furniture.
fn credit_wrapped_lines(
    text: &str,
    lines: &[Range<usize>],
    scans: &[LineScan],
    scores: &mut [f64],
    shaped: &[bool],
) {
    for i in 0..lines.len().saturating_sub(1) {
        if shaped[i] || scores[i] >= 0.0 || scans[i].words < WRAPPED_PROSE_LINE_WORDS {
            continue;
        }
        let line = ascii::trim(&text[lines[i].clone()]);
        let next = ascii::trim(&text[lines[i + 1].clone()]);
        let ends_open = line
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ',');
        if ends_open && next.starts_with(char::is_lowercase) && scans[i + 1].words >= 3 {
            scores[i] = scans[i].words as f64;
        }
    }
}

/// The fewest words of a line the furniture counts as prose for being wrapped (set by
/// hand: a paragraph wrapped at 60 to 80 characters has 10 to 14 words a line; menus
/// and labels are shorter). Stricter than `text::WRAPPED_LINE_WORDS` (6), which only
/// joins lines for the analysis: here a menu entry taken for prose would pull
/// furniture into the article.
const WRAPPED_PROSE_LINE_WORDS: usize = 8;

/// A short paste of a few paragraphs, each a sentence (no menu, no heading), is all
/// article: only lines shaped like furniture are dropped, never a short paragraph at
/// its edge.
fn is_short_paste(text: &str, lines: &[Range<usize>], shaped: &[bool]) -> bool {
    let filled: Vec<&str> = lines
        .iter()
        .zip(shaped)
        .filter(|(_, shaped)| !**shaped)
        .map(|(r, _)| ascii::trim(&text[r.clone()]))
        .filter(|l| !l.is_empty())
        .collect();
    filled.len() <= SHORT_PASTE_LINES && filled.iter().all(|l| ends_sentence(l))
}

/// A teaser (a story's title and author above, the next teaser's title below): a prose
/// line alone between non-prose lines is weak evidence of the article. Judged on the
/// scores before any is weakened.
fn weaken_isolated_prose(scores: &mut [f64]) {
    let nonblank: Vec<usize> = (0..scores.len()).filter(|&i| scores[i] != 0.0).collect();
    let orig = scores.to_vec();
    for w in nonblank.windows(4) {
        let (p2, p, i, n) = (w[0], w[1], w[2], w[3]);
        if orig[i] > 0.0 && orig[p] < 0.0 && orig[n] < 0.0 && orig[p2] < 0.0 {
            scores[i] *= ISOLATED;
        }
    }
}

/// A long stretch of non-prose lines (a menu, a list of other stories) separates the
/// article from prose elsewhere on the page: each further line there costs more.
fn widen_long_gaps(scores: &mut [f64]) {
    let mut gap = 0;
    for s in scores.iter_mut() {
        if *s < 0.0 {
            *s *= GAP_GROWTH.powi((gap - GAP_FREE).clamp(0, 12));
            gap += 1;
        } else if *s > 0.0 {
            gap = 0;
        }
    }
}

/// Readers' comments close a page: once some article has been read, a comments
/// heading ends what can be the body. The line where it is, else the end.
fn comments_start(
    text: &str,
    lines: &[Range<usize>],
    scans: &[LineScan],
    scores: &[f64],
    norm: &mut String,
) -> usize {
    let mut prose = 0.0;
    for (i, r) in lines.iter().enumerate() {
        let short_heading = scans[i].words <= COMMENTS_HEADING_WORDS;
        // A longer line can only be "13 Responses to <title>", which opens with its
        // count: most lines are not normalised at all.
        if prose >= 50.0
            && scans[i].words <= COUNTED_HEADING_WORDS
            && (short_heading || opens_with_ascii_digit(&text[r.clone()]))
            && {
                normalise_into(ascii::trim(&text[r.clone()]), norm);
                short_heading && (is_comments_heading_normalised(norm) || is_comments_count(norm))
                    || is_counted_responses_to(norm)
            }
        {
            return i;
        }
        prose += scores[i].max(0.0);
    }
    scores.len()
}

// The line scores and weights of this module (here, `TABLE_ROW`, `prose_score`'s
// 1, 0.5 and 0.25 per word, the heading and line lengths) are set by hand, not learnt:
// each was chosen by reading pages and kept when the F1 of `examples/article_eval.rs`
// and `examples/page_eval.rs` on ../shared/articles/dev rose (commits 6b7cc40: long
// gaps dearer, F1 .913; c1b6193: `ISOLATED`, copied text 0.929 -> 0.939; 82bac50:
// `TABLE_ROW`). They were thus judged on dev: held-out pages may score lower.
/// Texts of at most this many sentence lines are a pasted snippet, not a page.
const SHORT_PASTE_LINES: usize = 6;

/// The weight of a prose line between non-prose lines (a teaser).
const ISOLATED: f64 = 0.3;

/// How much dearer each further line of a stretch of non-prose lines is.
const GAP_GROWTH: f64 = 1.2;
/// Non-prose lines that cost their plain price (subheads, captions, "Advertisement").
const GAP_FREE: i32 = 4;

/// The run `a..b` of scores with the highest positive sum (`a == b` when none is positive).
pub(crate) fn best_run(scores: &[f64]) -> (usize, usize) {
    let (mut best, mut best_a, mut best_b) = (0.0, 0, 0);
    let (mut sum, mut start) = (0.0, 0);
    for (i, &v) in scores.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += v;
        if sum > best {
            (best, best_a, best_b) = (sum, start, i + 1);
        }
    }
    (best_a, best_b)
}

/// Line ranges (without their line breaks).
pub(crate) fn split_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // `match_indices` of a char finds line breaks with a memchr, not byte by byte.
    for (i, _) in text.match_indices('\n') {
        let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        out.push(start..end);
        start = i + 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn line_end_with_break(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut e = end;
    if e < bytes.len() && bytes[e] == b'\r' {
        e += 1;
    }
    if e < bytes.len() && bytes[e] == b'\n' {
        e += 1;
    }
    e
}

fn push_merged(spans: &mut Vec<Range<usize>>, r: Range<usize>) {
    match spans.last_mut() {
        Some(last) if last.end == r.start => last.end = r.end,
        _ => spans.push(r),
    }
}

/// Word count as the article metric sees words: runs of letters, digits and `_`.
/// Chinese and Japanese write without spaces: every two of their characters count as
/// a word, so that a line's length means the same in every script.
pub fn word_count(line: &str) -> usize {
    let mut n = 0;
    let mut cjk: usize = 0;
    let mut in_word = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let w = if b < 0x80 {
            i += 1;
            WORD_BYTE[usize::from(b)]
        } else {
            let c = char_from(line, i);
            i += c.len_utf8();
            if is_cjk(c) {
                cjk += 1;
                in_word = false;
                continue;
            }
            c.is_alphanumeric()
        };
        n += usize::from(w && !in_word);
        in_word = w;
    }
    n + cjk.div_ceil(2)
}

/// The ASCII bytes [`word_count`] counts as word characters: letters, digits and `_`
/// (a table: this is looked up for every byte of the text).
const WORD_BYTE: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '…'
                | '"'
                | '\u{201d}'
                | '\u{2019}'
                | '\''
                | '»'
                | ')'
                | '。'
        )
    })
}

/// A line's score (prose lines score their word count, half when short; other lines
/// cost) and whether it is furniture or a tail heading by its shape alone; `s` is the
/// trimmed line, `scan` its [`scan_line`]; `norm` is a buffer for its normalised form.
fn judge_line(s: &str, scan: &LineScan, norm: &mut String) -> (f64, bool) {
    let n = scan.words;
    if n == 0 {
        return (0.0, false);
    }
    // Only the tests of short lines need the normalised form: a line of prose is not
    // copied.
    if n <= SHORT_LINE_WORDS {
        normalise_into(s, norm);
    } else {
        norm.clear();
    }
    if n <= TAIL_HEADING_WORDS && is_tail_heading_normalised(norm) {
        // "Related Stories", "Comments": what follows is rarely the article.
        return (-30.0, true);
    }
    if is_furniture_line_with(s, norm, scan) {
        return (-2.0 - 0.5 * n as f64, true);
    }
    if is_site_notice_with(scan.found, n) {
        return (-2.0 - 0.5 * n as f64, false);
    }
    if scan.tabs >= 2 {
        // A table row as browsers copy it (cells apart by tabs): data the article
        // shows, not a menu; weak evidence either way.
        return (TABLE_ROW, false);
    }
    (prose_score(s, n), false)
}

/// The score of a row of a table copied from a page.
const TABLE_ROW: f64 = 1.0;

/// The score of a line that is neither furniture nor a site notice (`n` words).
fn prose_score(s: &str, n: usize) -> f64 {
    let term = ends_sentence(s) && !is_cut_short(s);
    if n >= 10 && (term || n >= 25) {
        return n as f64;
    }
    // Counted only for the lines that get this far, most of them short.
    let inner_punct = s
        .bytes()
        .filter(|c| matches!(c, b',' | b'.' | b';' | b':'))
        .count();
    if n >= 6 && term && inner_punct >= 1 {
        return 0.5 * n as f64;
    }
    if n >= 4
        && term
        && s.split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .count()
            >= 2
    {
        // A short sentence ("The council met on Tuesday."): prose, but weak evidence.
        return 0.25 * n as f64;
    }
    if is_dialogue(s) {
        // `"No," she said.`: a line of dialogue is prose however short.
        return 1.0;
    }
    if is_code_line(s) {
        // A line of a code listing inside the article: neither prose nor furniture (a
        // menu or a list of links holds no braces or statement ends), so a listing
        // does not part the article's prose as a long menu would.
        return 0.0;
    }
    if n < 4 {
        -4.0
    } else {
        -0.5 * n as f64 - 1.0
    }
}

/// Whether a line that is not prose is shaped like a line of program code: it ends in
/// a brace, a statement's `;` or an opening bracket, starts with a closing brace, a
/// method chained on (`.Add(...)`) or a line comment, or assigns with ` = ` or `=>`.
fn is_code_line(s: &str) -> bool {
    let ends = s.ends_with(['{', '}', ';', '(', '[']);
    let starts = s.starts_with(['}', ')', ']']) || s.starts_with("//") || {
        let mut c = s.chars();
        c.next() == Some('.') && c.next().is_some_and(char::is_alphabetic)
    };
    // Both assignments hold a '=': most lines have none, and are answered without
    // setting up a substring search for each.
    ends || starts || s.as_bytes().contains(&b'=') && (s.contains(" = ") || s.contains("=>"))
}

/// A line cut short with an ellipsis straight after a word ("... Still Be Considered...",
/// "... Before Th…"): the teaser of another page trimmed to fit, not a sentence's end.
fn is_cut_short(s: &str) -> bool {
    let line = s.trim_end();
    // Most lines end in no ellipsis: answered without building a searcher for "...".
    if !line.ends_with("...") && !line.ends_with('\u{2026}') {
        return false;
    }
    let body = line.trim_end_matches("...").trim_end_matches('\u{2026}');
    body.len() < line.len() && body.chars().last().is_some_and(char::is_alphanumeric)
}

/// A quotation closed and followed by its attribution, ending a sentence: `"No," she
/// said.`, `"Why?" asked Smith.`
fn is_dialogue(s: &str) -> bool {
    let Some(open) = s.find(['"', '\u{201c}']) else {
        return false;
    };
    // Both marks are one character; `after` is past the opening one.
    let after = open + s[open..].chars().next().map_or(1, char::len_utf8);
    let Some(close) = s[after..].rfind(['"', '\u{201d}']).map(|c| after + c) else {
        return false;
    };
    let tail = &s[close..][s[close..].chars().next().map_or(1, char::len_utf8)..];
    tail.trim_end().ends_with(['.', '!', '?'])
        && tail
            .split_whitespace()
            .any(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// Lower-cased, with runs of non-word characters collapsed to one space.
fn normalise(line: &str) -> String {
    let mut out = String::new();
    normalise_into(line, &mut out);
    out
}

/// [`normalise`] into `out` (cleared first), so that one buffer serves every line.
fn normalise_into(line: &str, out: &mut String) {
    out.clear();
    out.reserve(line.len());
    let mut space = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                space = true;
                i += 1;
                continue;
            }
            // A run of ASCII letters and digits is copied whole (lower-cased below).
            let run = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(&line[run..i]);
            continue;
        }
        let c = char_from(line, i);
        i += c.len_utf8();
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    // Only the ASCII runs can hold upper case: Unicode lower case never gives any.
    out.make_ascii_lowercase();
}

/// A short heading that starts the page's tail: related links, recent stories, comments.
pub(crate) fn is_tail_heading(line: &str) -> bool {
    word_count(line) <= TAIL_HEADING_WORDS && is_tail_heading_normalised(&normalise(line))
}

/// The most words a tail heading has.
const TAIL_HEADING_WORDS: usize = 6;

/// [`is_tail_heading`] of a line of at most [`TAIL_HEADING_WORDS`] words given its
/// normalised form `n`.
fn is_tail_heading_normalised(n: &str) -> bool {
    #[rustfmt::skip]
    const EXACT: &[&str] = &[
        "related", "related topics", "related stories", "related articles", "related posts",
        "related content", "related coverage", "related news", "related links", "recent stories",
        "recent posts", "latest news", "latest stories", "more stories", "more news", "read more",
        "read next", "you may also like", "you might also like", "recommended",
        "recommended for you", "recommended stories", "share this", "share this article",
        "share this story", "also read", "see also", "most popular", "most read", "trending",
        "trending now", "popular stories", "top stories", "what to read next", "more from",
        "about the author", "more on this story", "tags", "topics",
    ];
    #[rustfmt::skip]
    const PREFIXES: &[&str] = &[
        "more stories from ", "more from ", "related to ", "recommended ", "most popular ",
        "more in ", "more on ", "latest from ", "other stories",
    ];
    EXACT.contains(&n)
        || PREFIXES.iter().any(|p| n.starts_with(p))
        || is_comments_heading_normalised(n)
}

/// The heading of a comment section ("34 responses to ...", "Leave a reply").
#[cfg(test)]
fn is_comments_heading(line: &str) -> bool {
    word_count(line) <= COMMENTS_HEADING_WORDS && is_comments_heading_normalised(&normalise(line))
}

/// The most words a comments heading has.
const COMMENTS_HEADING_WORDS: usize = 12;

/// The most words of a comments heading that names the article ("13 Responses to
/// <the article's title>").
const COUNTED_HEADING_WORDS: usize = 30;

/// Whether the first letter or digit of `line` is an ASCII digit: the one way its
/// normalised form (letters and digits only) can start with a count.
fn opens_with_ascii_digit(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_ascii_digit())
}

/// "13 responses to <title>", "5 thoughts on <title>" (normalised): a comment section's
/// heading naming the article, however long its title.
fn is_counted_responses_to(n: &str) -> bool {
    let mut parts = n.split(' ');
    let (Some(count), Some(kind), Some(link)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !count.is_empty()
        && count.bytes().all(|b| b.is_ascii_digit())
        && matches!(
            kind,
            "comments" | "comment" | "responses" | "response" | "replies" | "reply" | "thoughts"
        )
        && matches!(link, "to" | "on" | "for" | "about")
}

/// "100 of 545 comments loaded", "Showing 20 of 64 replies" (normalised): a count of
/// the comments shown out of all, which only a comment section's head or foot says.
fn is_comments_count(n: &str) -> bool {
    let counted = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<&str> = n.split(' ').collect();
    words.windows(4).any(|w| {
        counted(w[0])
            && w[1] == "of"
            && counted(w[2])
            && matches!(w[3], "comments" | "responses" | "replies")
    })
}

/// Whether a line of at most [`COMMENTS_HEADING_WORDS`] words is the heading of a
/// comment section ("34 responses to ...", "Leave a reply"), given its normalised form `n`.
fn is_comments_heading_normalised(n: &str) -> bool {
    #[rustfmt::skip]
    const EXACT: &[&str] = &[
        "comments", "comment", "leave a reply", "leave a comment", "post a comment", "add a comment",
        "add your comment", "join the conversation", "join the discussion", "your thoughts and comments",
        "show comments", "view comments", "discussion", "responses", "reader comments",
    ];
    if EXACT.contains(&n) {
        return true;
    }
    let mut parts = n.split(' ');
    let first = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    let counted = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    // "Comments (186)": the count after the word, nothing else.
    if counted(second)
        && parts.next().is_none()
        && matches!(first, "comments" | "responses" | "replies")
    {
        return true;
    }
    (counted(first) || first == "one" || first == "no")
        && matches!(
            second,
            "comments" | "comment" | "responses" | "response" | "replies" | "reply" | "thoughts"
        )
}

/// "jane says:", "John Smith wrote:": the byline of a reader's comment (but not an
/// article's "He says:" introducing a quote).
fn is_comment_author(line: &str) -> bool {
    let t = line.trim();
    if !(t.ends_with("says:") || t.ends_with("wrote:")) || word_count(t) > 5 {
        return false;
    }
    let first = normalise(t).split(' ').next().unwrap_or("").to_string();
    const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who", "one"];
    !PRONOUNS.contains(&first.as_str())
}

/// A line of nothing but a date or time ("November 19, 2019 at 6:34 am", "11/20/2019 01:14 PM").
fn is_date_line(n: &str) -> bool {
    #[rustfmt::skip]
    const DATE_WORDS: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "at", "am", "pm",
        "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest", "ist", "et",
        "st", "nd", "rd", "th", "of", "on", "updated", "published", "posted", "last",
    ];
    let mut digits = false;
    for w in n.split(' ').filter(|w| !w.is_empty()) {
        let numeric = w.bytes().any(|b| b.is_ascii_digit())
            && w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .bytes()
                .all(|b| b.is_ascii_digit());
        digits |= numeric;
        if !numeric && !DATE_WORDS.contains(&w) {
            return false;
        }
    }
    digits
}

/// Prose that is a site's notice, not news: cookies, terms, subscriptions, contacts
/// (`found`: the [`LineScan::found`] phrases of the line).
fn is_site_notice_with(found: u32, words: usize) -> bool {
    let marks = (found & SITE_MARKS).count_ones();
    marks >= 2 || marks == 1 && words <= 12
}

/// A single line shaped like furniture whatever surrounds it.
pub(crate) fn is_furniture_line(line: &str) -> bool {
    is_furniture_line_with(line, &normalise(line), &scan_line(line))
}

/// [`is_furniture_line`] given the line's [`scan_line`] and its [`normalise`]d form
/// `n`, which only a line of at most [`SHORT_LINE_WORDS`] words needs (`n` may be
/// anything for a longer one).
fn is_furniture_line_with(line: &str, n: &str, scan: &LineScan) -> bool {
    let words = scan.words;
    words > 0
        && (is_furniture_at_any_length(line, scan)
            || words <= SHORT_LINE_WORDS && is_short_furniture_line(line, n, words, scan.found))
}

/// The most words of a line that a furniture test of its normalised form applies to.
const SHORT_LINE_WORDS: usize = 20;

/// The furniture tests that apply to lines of any length (or of more than
/// [`SHORT_LINE_WORDS`] words): none needs the line's normalised form.
fn is_furniture_at_any_length(line: &str, scan: &LineScan) -> bool {
    let (words, found) = (scan.words, scan.found);
    // "News | Sport | Weather ...", "Education - Urdu News - Car Prices - ...": link lists.
    if is_link_list(line, words, scan.marks) {
        return true;
    }
    if line.starts_with('©')
        || found & ALL_RIGHTS_RESERVED != 0
        || normalised_starts_with(line, "copyright")
    {
        return true;
    }
    // Captions with their credit: "Protesters wore masks (Image: GETTY)", "... Credit: NASA".
    // Every mark holds "(" or "credit" (whose letters the normalised form keeps
    // together), so most lines need no lower-cased copy.
    words <= 40 && (line.contains('(') || found & CREDIT != 0) && {
        let lower = LowerContains::new(line);
        CAPTION_MARKS.iter().any(|m| lower.contains(m))
    }
}

/// Whole short lines (normalised) that are sharing buttons, menus and the like.
const SHORT_FURNITURE: &[&str] = &[
    "share",
    "share this",
    "tweet",
    "email",
    "print",
    "advertisement",
    "advertising",
    "sponsored",
    "caption",
    "close",
    "menu",
    "search",
    "subscribe",
    "sign in",
    "log in",
    "sign up",
    "skip to content",
    "skip to main content",
    "back to top",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "instagram",
    "youtube",
];

/// How promotions of other pages start, normalised ("SEE MORE: ...", "Read more: ...").
const PROMOTION_MARKS: [&str; 9] = [
    "see more ",
    "read more ",
    "read also ",
    "also read ",
    "related ",
    "more ",
    "watch ",
    "don t miss",
    "explore further",
];

/// The furniture tests of a line of at most [`SHORT_LINE_WORDS`] words (`words`, at
/// least one), its normalised form `n` and its [`LineScan::found`] phrases.
fn is_short_furniture_line(line: &str, n: &str, words: usize, found: u32) -> bool {
    if words <= 6 && is_time_ago(n) || words <= 14 && is_date_line(n) || is_comment_author(line) {
        return true;
    }
    if words <= 14 && (n.starts_with("click to ") || found & NEW_WINDOW != 0) {
        return true;
    }
    // A byte search first: most lines hold no '|' at all.
    if words <= 12 && line.contains('|') && line.contains(" | ") && !ends_sentence(line) {
        return true;
    }
    if words <= 4 && SHORT_FURNITURE.contains(&n) {
        return true;
    }
    if words <= 12
        && (n.starts_with("photo ")
            || n.starts_with("image ")
            || n.starts_with("photograph ")
            || n.starts_with("picture ")
            || n.starts_with("credit ")
            || n.starts_with("getty images")
            || n.ends_with(" getty images")
            || n.starts_with("by ") && !ends_sentence(line)
            || n.starts_with("posted ")
            || n.starts_with("published ")
            || n.starts_with("updated ")
            || n.starts_with("last updated"))
    {
        return true;
    }
    // Promotions of other pages set inside the article: "SEE MORE: ...", "Read more: ...".
    words <= 20
        && PROMOTION_MARKS.iter().any(|m| {
            n.starts_with(m) && line.contains(':')
                || n == m.trim_end()
                || *m == "don t miss" && n.starts_with(m)
        })
}

/// What a caption's credit holds (each mark holds "(" or "credit").
const CAPTION_MARKS: [&str; 9] = [
    "(image:",
    "(photo:",
    "(picture:",
    "(credit:",
    "(pictured)",
    " credit: ",
    "photo credit",
    "image credit",
    "(getty",
];

/// Whether a line of `words` words is a list of links: at least four of one separator,
/// one for every four words.
fn is_link_list(line: &str, words: usize, marks: usize) -> bool {
    let enough = |n: usize| n >= 4 && n * 4 >= words;
    // Every separator holds one of the bytes [`LineScan::marks`] counts (its second),
    // so their count bounds the separators': most lines are refused by this count.
    enough(marks) && enough(most_separators(line))
}

/// How often the most frequent of the link-list separators " | ", " • ", " · ", " - ",
/// " / " occurs in `line` (as `str::matches` counts: without overlaps), in one pass.
fn most_separators(line: &str) -> usize {
    const SEPARATORS: [&[u8]; 5] = [b" | ", " • ".as_bytes(), " · ".as_bytes(), b" - ", b" / "];
    let bytes = line.as_bytes();
    let mut count = [0usize; SEPARATORS.len()];
    let mut free_from = [0usize; SEPARATORS.len()];
    for (i, b) in bytes.iter().enumerate() {
        if *b != b' ' {
            continue;
        }
        // The separators differ in their second byte: it names the one to test.
        let k = match bytes.get(i + 1) {
            Some(b'|') => 0,
            Some(0xe2) => 1,
            Some(0xc2) => 2,
            Some(b'-') => 3,
            Some(b'/') => 4,
            _ => continue,
        };
        let sep = SEPARATORS[k];
        if i >= free_from[k] && bytes[i..].starts_with(sep) {
            count[k] += 1;
            free_from[k] = i + sep.len();
        }
    }
    count.into_iter().max().unwrap_or(0)
}

/// "21 seconds ago", "1 minute ago", "3 hrs ago", "yesterday".
fn is_time_ago(n: &str) -> bool {
    let mut parts = n.split(' ');
    let (Some(num), Some(unit), Some(ago)) = (parts.next(), parts.next(), parts.next()) else {
        return n == "yesterday" || n == "just now";
    };
    let unit_ok = [
        "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours",
        "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years",
    ]
    .contains(&unit);
    (num.bytes().all(|b| b.is_ascii_digit()) || num == "a" || num == "an")
        && unit_ok
        && ago == "ago"
}

#[cfg(test)]
mod tests {
    use super::line_scan::PHRASES;
    use super::*;

    fn kept(text: &str) -> String {
        strip_furniture(text)
    }

    const PAGE: &str = "Home\nWorld\nBusiness\nSport\nSign in\n\nMayor Opens New Bridge\n\nBy Jane Roe\n\n\
The city opened its new bridge on Monday after three years of work, officials said.\n\n\
\"It will cut the commute by twenty minutes,\" the mayor told reporters at the ceremony.\n\n\
The bridge cost $120 million, about a fifth more than planned, according to the council.\n\n\
Share\nTweet\nEmail\n\nRelated Stories\n\nCouncil votes on budget\n2 hours ago\nNew park for the east side\n\
5 hours ago\n\nAbout Us | Contact Us | Privacy\n© 2024 Example News\n";

    #[test]
    fn separators_count_as_str_matches_counts() {
        for line in [
            "News | Sport | Weather | TV",
            "a - b - c / d / e / f · g • h",
            "x  |  | | |",
            " - - - -",
            "Education - Urdu News - Car Prices - Cricket - ",
            "a ·· b · c · d · ",
            "",
        ] {
            let most = [" | ", " • ", " · ", " - ", " / "]
                .iter()
                .map(|sep| line.matches(sep).count())
                .max();
            assert_eq!(Some(most_separators(line)), most, "{line:?}");
            let scan = scan_line(line);
            let enough = |n: usize| n >= 4 && n * 4 >= scan.words;
            assert_eq!(
                is_link_list(line, scan.words, scan.marks),
                most.is_some_and(enough),
                "{line:?}"
            );
        }
    }

    #[test]
    fn normalise_agrees_with_its_plain_definition() {
        // The plain definition: the runs of letters and digits, each character
        // lower-cased, one space apart.
        fn reference(line: &str) -> String {
            line.split(|c: char| !c.is_alphanumeric())
                .filter(|run| !run.is_empty())
                .map(|run| run.chars().flat_map(char::to_lowercase).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        }
        for line in [
            "",
            "  Related Stories  ",
            "SIGN UP for our NEWSLETTER!!!",
            "Ünïcode ÉTÉ — Straße İstanbul \u{212a}elvin 3\u{2019}s",
            "a--b__c  d\te",
            "日本語のテキスト ABC123def",
            "Photo: GETTY IMAGES/AFP",
            "ΟΔΟΣ ΣΑΣ, final sigma",
        ] {
            assert_eq!(normalise(line), reference(line), "{line:?}");
        }
    }

    /// The one-pass phrase search says what a search per phrase in the normalised line
    /// says, on lines that hold phrases overlapping, repeated, at either end, cut short,
    /// run together, in upper case and apart by other characters than a space.
    #[test]
    fn phrases_are_found_as_contains_finds_them() {
        let mut lines: Vec<String> = vec![
            String::new(),
            "e".into(),
            "terms terms of us terms of use".into(),
            "cookiecookie".into(),
            "emailemail e mai".into(),
            "subscri subscriber subscriptions".into(),
        ];
        for (i, p) in PHRASES.iter().enumerate() {
            let q = PHRASES[(i * 7 + 3) % PHRASES.len()];
            lines.push(p.to_string());
            lines.push(format!("x{p}"));
            lines.push(format!("{p} and {q}"));
            lines.push(format!("{}{q}", &p[..p.len() - 1]));
            lines.push(format!("{q}{}", &p[1..]));
        }
        for t in [TEXT_FOR_PHRASES, PAGE] {
            lines.extend(t.lines().map(normalise));
            lines.extend(t.lines().map(str::to_string));
            lines.extend(t.lines().map(str::to_uppercase));
            lines.extend(t.lines().map(|l| l.replace(' ', " -- ")));
            lines.extend(t.lines().map(|l| l.replace(' ', "\u{2019}\u{201c}")));
        }
        lines.push("coo\u{212a}ie, ter\u{212a}s, CO\u{212a}IE".into());
        lines.push("pr\u{130}vacy policy, sign\u{130}up, log \u{130}n, E-MA\u{130}L".into());
        lines.push("émail cookié TERMS_OF_USE sub_scribe new\tsletter".into());
        for line in &lines {
            let normalised = normalise(line);
            let want = PHRASES
                .iter()
                .enumerate()
                .filter(|(_, p)| normalised.contains(*p))
                .fold(0u32, |m, (k, _)| m | 1 << k);
            assert_eq!(scan_line(line).found, want, "{line:?}");
        }
    }

    const TEXT_FOR_PHRASES: &str = "Read our Terms of Service and Privacy Policy\n\
        Sign up for our newsletter: E-mail us at the customer service desk\n\
        Photo credit: the agency. Opens in new window\n\
        Copyright 2024, all rights reserved. Contact us, provided by registering.";

    /// The quick tests in front of the caption searches refuse only lines no mark is in.
    #[test]
    fn mark_prefilters_hold_for_every_mark() {
        for m in CAPTION_MARKS {
            assert!(m.contains('(') || normalise(m).contains("credit"), "{m}");
        }
        for line in [
            "Protesters wore masks (Image: GETTY)",
            "The launch pad at dawn. Photo Credit: NASA",
            "Sign up for our newsletter",
            "Read our Terms of Service and Privacy Policy",
            "E-mail us",
        ] {
            let scan = scan_line(line);
            assert!(
                is_furniture_line_with(line, &normalise(line), &scan)
                    || is_site_notice_with(scan.found, scan.words),
                "{line}"
            );
        }
    }

    #[test]
    fn keeps_the_body_and_drops_the_furniture() {
        let out = kept(PAGE);
        assert!(
            out.contains("The city opened its new bridge on Monday"),
            "{out}"
        );
        assert!(
            out.contains("\"It will cut the commute by twenty minutes,\""),
            "{out}"
        );
        assert!(out.contains("The bridge cost $120 million"), "{out}");
        for gone in [
            "Home",
            "Sign in",
            "By Jane Roe",
            "Related Stories",
            "Council votes",
            "2 hours ago",
            "About Us",
            "©",
        ] {
            assert!(!out.contains(gone), "{gone:?} survived in {out}");
        }
    }

    #[test]
    fn spans_are_sorted_disjoint_and_on_char_boundaries() {
        let text = "Menü\nÜber uns\n\nDie Stadt hat am Montag ihre neue Brücke eröffnet, sagten Beamte der Stadt.\n\
Sie kostete 120 Millionen Euro, ein Fünftel mehr als geplant, so der Rat der Stadt.\nTeilen\n";
        let spans = furniture_spans(text);
        let mut last = 0;
        for s in &spans {
            assert!(s.start >= last && s.start < s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            last = s.end;
        }
        assert!(strip_furniture(text).contains("Die Stadt hat am Montag"));
        assert!(!strip_furniture(text).contains("Menü"));
    }

    #[test]
    fn a_table_copied_inside_the_article_stays_in_it() {
        let prose = "The standings after the final race of the season are shown below, as published by the series on Monday.";
        let rows: String = (1..=30)
            .map(|i| format!("{i}\tDriver Number {i}\t{}\t0\t1\n", 5000 - i))
            .collect();
        let text = format!(
            "Home\nNews\nSport\nWeather\nContact\n{prose}\n{rows}{prose}\nRelated Stories\nAnother story\n"
        );
        let kept = strip_furniture(&text);
        assert!(kept.contains("30\tDriver Number 30"), "{kept}");
        assert!(kept.contains("1\tDriver Number 1\t"), "{kept}");
        assert!(
            !kept.contains("Weather") && !kept.contains("Another story"),
            "{kept}"
        );
    }

    #[test]
    fn teasers_of_other_stories_after_the_article_are_furniture() {
        let para = "The council voted on Monday to rebuild the old bridge, which has been closed since the spring floods, officials said.";
        let mut text = format!("Home\nNews\nBridge to be rebuilt\n\n{para}\n\n{para}\n\n{para}\n\nShare this\nMore stories\n");
        for i in 0..6 {
            text.push_str(&format!(
                "Storm number {i} hits the coast\nJane Writer\nThe storm brought heavy rain and strong winds to the coast on Tuesday, and more is expected this week.\n"
            ));
        }
        let kept = strip_furniture(&text);
        assert_eq!(kept.matches("The council voted").count(), 3, "{kept}");
        assert!(!kept.contains("heavy rain"), "teasers kept: {kept}");
    }

    #[test]
    fn plain_article_is_left_alone() {
        let text = "The council met on Tuesday.\n\nIt approved the budget, which grows by 4 percent, after a long debate.\n";
        assert!(
            furniture_spans(text).is_empty(),
            "{:?}",
            furniture_spans(text)
        );
        assert!(furniture_spans("").is_empty());
        assert!(furniture_spans("Just a title").is_empty());
    }

    #[test]
    fn words_are_counted_in_every_script() {
        assert_eq!(word_count("Die Stadt hat 6,553 Fälle."), 6);
        // Two CJK characters count as one word (rounded up).
        assert_eq!(word_count("そんな用途を考"), 4);
        assert_eq!(word_count("Kindle for PCを"), 4);
    }

    #[test]
    fn captions_promotions_and_comment_bylines_are_furniture() {
        for line in [
            "Protesters have worn masks to protect their identities (Image: GETTY )",
            "SEE MORE: Hong Kong protests: 800 students under siege in university",
            "Read more: How the vote was won",
            "November 19, 2019 at 6:34 am",
            "11/20/2019 01:14 PM",
            "joetoronto says:",
            "Click to share on Twitter (Opens in new window)",
            "Education - Urdu News - Car Prices - Breaking News - English News - Live Tv",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
        for line in [
            "He says:",
            "More than 700 people were evacuated, the mayor said.",
            "The photo was taken on Monday, police said.",
        ] {
            assert!(!is_furniture_line(line), "{line}");
        }
        assert!(is_comments_heading(
            "34 responses to “Anthony Lynn: We needed to win”"
        ));
        assert!(is_tail_heading("Related Topics"));
        assert!(!is_tail_heading(
            "Related charges were filed on Monday against three men."
        ));
    }

    #[test]
    fn teasers_cut_short_by_an_ellipsis_are_not_sentences() {
        assert!(is_cut_short(
            "Ten Harbour Towns That Look Better In Winter Than In..."
        ));
        assert!(is_cut_short(
            "Ten Harbour Towns That Look Better In Winter Than In Summ\u{2026}"
        ));
        assert!(!is_cut_short("The mayor paused. \"Well...\""));
        assert!(!is_cut_short("And then the lights went out ..."));
        assert!(!is_cut_short("The council met on Monday."));
        assert!(is_cut_short(
            "Harbour Towns That Look Better In\u{2026}...  "
        ));
        assert!(!is_cut_short("Harbour Towns That Look Better In....  "));
        // A column of such teasers above the story does not outweigh it.
        let teaser = "Ten Harbour Towns That Look Better In Winter Than They Do In...\nSee More\n";
        let story = "The ferry to the island ran again on Tuesday after a week of storms, the operator said.\n";
        let page = format!("{}Comments\n\n{}", teaser.repeat(8), story.repeat(3));
        let out = article_body(&page);
        assert!(out.contains("The ferry to the island"), "{out}");
        assert!(!out.contains("Harbour Towns"), "{out}");
    }

    #[test]
    fn comment_headings_with_a_count_after_or_the_title() {
        assert!(is_comments_heading("Comments (186)"));
        assert!(is_comments_heading("Responses: 12"));
        assert!(!is_comments_heading("Comments are closed"));
        assert!(is_counted_responses_to(&normalise(
            "13 Responses to \u{201c}Why the Old Mill on the River Road Will Open Again as a Library Next Spring\u{201d}"
        )));
        assert!(!is_counted_responses_to(&normalise(
            "12 replies were sent to the council, which read them on Monday before the vote."
        )));
        // The readers' comments after such a heading are not the article, however long.
        let story = "The old mill on the river road will open again as a library next spring, the council said.\n";
        let comment = "Jo says:\nI grew up next to that mill and I am so glad that it will finally be used again by the town.\nReply\n";
        let page = format!(
            "{}\n13 Responses to \u{201c}Why the Old Mill on the River Road Will Open Again as a Library\u{201d}\n{}",
            story.repeat(5),
            comment.repeat(6)
        );
        let out = article_body(&page);
        assert!(out.contains("The old mill"), "{out}");
        assert!(!out.contains("I grew up"), "{out}");
    }

    #[test]
    fn a_count_of_the_comments_shown_starts_the_comments() {
        assert!(is_comments_count(&normalise("100 of 545 comments loaded")));
        assert!(is_comments_count(&normalise("Showing 20 of 64 replies")));
        assert!(!is_comments_count(&normalise("3 of 5 readers agree")));
        // A short story (some 80 words) above a long thread of replies: the thread is
        // not the article.
        let story =
            "The town library will stay open until nine on weekdays from March, the council \
said on Monday, after a petition signed by four hundred readers.\n";
        let reply = "Re: Late hours (Score:3)\nby a reader on Monday\n\nI work shifts and could \
never get there before it closed at six, so this makes a real difference to me and to my kids.\n\n";
        let page = format!(
            "Home\nBooks\n{}\n12 of 40 comments loaded share\n\nabout tags\n{}",
            story.repeat(3),
            reply.repeat(8)
        );
        let out = article_body(&page);
        assert!(out.contains("The town library"), "{out}");
        assert!(!out.contains("I work shifts"), "{out}");
    }

    #[test]
    fn a_code_listing_inside_the_article_does_not_cut_it() {
        let part = "The parser reads the whole file first and then builds the tree, which \
keeps the memory small for the files most people open, the maintainers say.\n\n";
        let listing = "let tree = parse(file);\nfor node in tree.nodes() {\nprint(node);\n}\n\
.build()\n// done\nreturn tree;\n}\n\n";
        let page = format!(
            "Docs\nBlog\nAbout\n\n{}{}{}{}Share\n",
            part.repeat(2),
            listing.repeat(4),
            part.repeat(2),
            listing
        );
        let out = article_body(&page);
        assert_eq!(out.matches("The parser reads").count(), 4, "{out}");
        assert!(is_code_line("options.Level = LogLevel.Debug;"));
        assert!(is_code_line(".AddLogging(options =>"));
        assert!(!is_code_line("Related stories"));
        assert!(!is_code_line("Home | News | Sport"));
    }

    #[test]
    fn a_paragraph_wrapped_by_hand_is_read_as_prose() {
        let wrapped = "The rowing club moved its boats to the new shed on the north\n\
bank last week, and the members say the river there is calmer in the\n\
mornings, so that beginners can go out before the wind picks up and\n\
the barges start to come down from the locks at the weir.\n\n";
        let page = format!(
            "Home\nClubs\nEvents\nContact\n\n{}Share\nPrint\n",
            wrapped.repeat(4)
        );
        let out = article_body(&page);
        assert!(out.contains("The rowing club moved"), "{out}");
        assert!(out.contains("mornings, so that beginners"), "{out}");
        assert!(!out.contains("Events"), "{out}");
    }

    #[test]
    fn a_short_pasted_snippet_is_all_article() {
        for text in [
            "\"No,\" she said.\n\n\"I think we should all go home now and rest before tomorrow,\" the mayor said.\n",
            "\"We will win,\" Smith said.\n\n\"Not a chance.\"\n\nThe vote is on Tuesday.\n",
            "Reporter Jane Doe says:\n\n\"The square is calm now, and the police have left after the long night.\"\n",
        ] {
            assert!(
                furniture_spans(text).is_empty(),
                "{text:?}: {:?}",
                furniture_spans(text)
            );
        }
        // Furniture by its shape still goes, even in a snippet.
        let text = "\"No,\" she said.\n\nShare\n\n\"We stay,\" he said.\n";
        let out = kept(text);
        assert!(!out.contains("Share"), "{out}");
        assert!(out.starts_with("\"No,\" she said.") && out.ends_with("\"We stay,\" he said.\n"));
    }

    #[test]
    fn a_short_line_of_dialogue_at_the_edge_of_a_page_body_stays() {
        let page = format!(
            "Home\nWorld\nSport\n\n{}\n\n\"No,\" she said.\n\nShare\nRelated Stories\nOther news\n",
            "The council met on Monday to debate the budget, which grows by four percent. "
                .repeat(4)
        );
        let out = kept(&page);
        assert!(out.contains("\"No,\" she said."), "{out}");
        assert!(!out.contains("Home") && !out.contains("Related"), "{out}");
        assert!(is_dialogue("\u{201c}Why?\u{201d} asked Smith."));
        assert!(!is_dialogue("\u{201c}Why?\u{201d} Trump asks"));
        assert!(!is_dialogue(
            "More \u{201c}Questions\u{201d} for your opponent"
        ));
    }

    #[test]
    fn time_ago_lines() {
        assert!(is_furniture_line("21 seconds ago"));
        assert!(is_furniture_line("1 minute ago"));
        assert!(!is_furniture_line(
            "The attack came 21 seconds ago, police said, and nobody was hurt."
        ));
    }
}
