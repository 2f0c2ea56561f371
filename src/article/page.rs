//! A web page as a person copies or saves it: the text a browser shows, kept whole, with
//! its article marked by the structure of the page's HTML.
//!
//! The copied text (the clipboard's `text/plain` beside its `text/html`) is what the
//! person saw and selected, so it is the document's text. The HTML knows better where
//! the article is: [`readable_text_from_html`](super::readable_text_from_html) finds
//! its paragraphs, and the lines of the text that are those paragraphs are the article.
//! When too few of them are found (a browser that copies text differently, a page with
//! no article), the text's own shape decides, as for any pasted page.

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::engine::boilerplate::{boilerplate_spans, furniture_from_keep, split_lines, word_count};

/// A page's text and the furniture around its article (sent from the analysis worker to
/// the page, `worker::extract`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    pub text: String,
    /// Page furniture: code points, sorted, disjoint.
    pub boilerplate: Vec<(usize, usize)>,
}

/// The page of `html`. `plain` is the text a browser copied with it (used when it has
/// any text); without it, the page's visible text.
pub fn page_from_html(html: &str, plain: Option<&str>) -> Page {
    let plain = plain.filter(|p| !p.trim().is_empty());
    let (visible, body) = super::text_and_body(html, plain.is_none());
    let text = plain.map_or_else(|| visible.unwrap_or_default(), str::to_string);
    let spans = furniture_by_body(&text, &body).unwrap_or_else(|| boilerplate_spans(&text));
    let boilerplate = char_spans(&text, &spans);
    Page { text, boilerplate }
}

/// Sorted, disjoint byte ranges of `text` (on char boundaries) as code points, counted
/// in one pass up to the last of them (no index of the whole text).
fn char_spans(text: &str, spans: &[Range<usize>]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut at, mut chars) = (0, 0);
    let mut char_at = |b: usize| {
        for &x in &bytes[at..b] {
            // Every byte but a UTF-8 continuation byte starts a code point.
            chars += usize::from(x & 0xC0 != 0x80);
        }
        at = b;
        chars
    };
    spans
        .iter()
        .map(|r| (char_at(r.start), char_at(r.end)))
        .collect()
}

/// Why `html` gives no text, in words for the person.
pub fn empty_page_message(html: &str) -> String {
    let head: String = html
        .chars()
        .take(200_000)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<frameset") || head.contains("<frame ") {
        "This page is only frames: its text is in other pages. Open the frame's own page and save or copy that.".into()
    } else if head.contains("<script") {
        "This page has no text of its own (scripts build it in the browser): open it in a browser, copy the page and paste it here.".into()
    } else {
        "This HTML page has no readable text.".into()
    }
}

/// Lines with white space collapsed, as both the HTML reduction and a browser's copy
/// write the same paragraph: borrowed when the line already is (the usual case).
fn normal(line: &str) -> Cow<'_, str> {
    if is_normal(line) {
        Cow::Borrowed(line)
    } else {
        Cow::Owned(line.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// `line` has no white space but single ASCII spaces between other characters (so
/// `split_whitespace` and `join(" ")` give it back unchanged).
fn is_normal(line: &str) -> bool {
    let b = line.as_bytes();
    // At the start as after a space: no space may come next.
    let mut after_space = true;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            i += 1;
        } else if x < 0x80 {
            if matches!(x, b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                return false;
            }
            after_space = false;
            i += 1;
        } else {
            let c = line[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                return false;
            }
            after_space = false;
            i += c.len_utf8();
        }
    }
    !after_space || b.is_empty()
}

/// The furniture of `text` as the lines that are not paragraphs of `body`; none when
/// fewer than half the body's words are found among the lines.
fn furniture_by_body(text: &str, body: &str) -> Option<Vec<Range<usize>>> {
    // Each line of the body with its words (white space holds none, so its normal
    // form has as many), counted once; they add up to the body's unless Chinese or
    // Japanese is counted in pairs.
    // Sorted for binary search: a few byte comparisons a line, no hash of every byte.
    let mut wanted: Vec<(Cow<str>, usize)> = Vec::new();
    let mut body_words = 0;
    for line in body.lines() {
        let line = normal(line);
        if !line.is_empty() {
            let n = word_count(&line);
            body_words += n;
            wanted.push((line, n));
        }
    }
    if super::may_hold_cjk(body) {
        body_words = word_count(body);
    }
    if body_words == 0 {
        return None;
    }
    wanted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    wanted.dedup_by(|a, b| a.0 == b.0);
    let lines = split_lines(text);
    let mut found = vec![false; wanted.len()];
    let mut keep: Vec<bool> = Vec::with_capacity(lines.len());
    let mut words = 0;
    for r in &lines {
        let line = normal(&text[r.clone()]);
        let hit = wanted.binary_search_by(|(w, _)| w[..].cmp(&line[..])).ok();
        if let Some(i) = hit {
            if !std::mem::replace(&mut found[i], true) {
                words += wanted[i].1;
            }
        }
        keep.push(hit.is_some());
    }
    if words * 2 < body_words {
        return None;
    }
    Some(furniture_from_keep(text, &lines, keep, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_borrows_exactly_the_lines_split_and_join_give_back() {
        let mut lines: Vec<String> = [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\u{a0}b",
            "\u{201c}Hi,\u{201d} she said",
            "x\u{2009}y",
            "\u{3000}",
        ]
        .map(String::from)
        .to_vec();
        for c in (0u8..0x80).map(char::from).chain([
            '\u{85}', '\u{a0}', '\u{1680}', '\u{2028}', '\u{202f}', '\u{feff}', '\u{200b}',
        ]) {
            lines.push(format!("a{c}b"));
            lines.push(format!("{c}"));
        }
        for line in &lines {
            let slow = line.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(normal(line), slow, "{line:?}");
            assert_eq!(is_normal(line), slow == *line, "{line:?}");
        }
    }

    #[test]
    fn code_points_of_spans() {
        let text = "a\u{e9}b\u{1f600}c\nd";
        let spans = [0..1, 1..3, 4..8, 8..9, 10..11];
        let ix = crate::model::offsets::CharIndex::new(text);
        let want: Vec<_> = spans
            .iter()
            .map(|r| (ix.char_at(r.start), ix.char_at(r.end)))
            .collect();
        assert_eq!(char_spans(text, &spans), want);
    }
}
