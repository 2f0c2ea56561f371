//! A web page as a person copies or saves it: the text a browser shows, kept whole, with
//! its article marked by the structure of the page's HTML.
//!
//! The copied text (the clipboard's `text/plain` beside its `text/html`) is what the
//! person saw and selected, so it is the document's text. The HTML knows better where
//! the article is: [`readable_text_from_html`](super::readable_text_from_html) finds
//! its paragraphs, and the lines of the text that are those paragraphs are the article.
//! When too few of them are found (a browser that copies text differently, a page with
//! no article), the text's own shape decides, as for any pasted page.

use std::collections::HashSet;
use std::ops::Range;

use crate::engine::boilerplate::{boilerplate_spans, furniture_from_keep, split_lines, word_count};
use crate::model::offsets::CharIndex;

/// A page's text and the furniture around its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    /// Page furniture: code points, sorted, disjoint.
    pub boilerplate: Vec<(usize, usize)>,
}

/// The page of `html`. `plain` is the text a browser copied with it (used when it has
/// any text); without it, the page's visible text.
pub fn page_from_html(html: &str, plain: Option<&str>) -> Page {
    let text = match plain {
        Some(p) if !p.trim().is_empty() => p.to_string(),
        _ => super::text_from_html(html),
    };
    let body = super::readable_text_from_html(html);
    let spans = furniture_by_body(&text, &body).unwrap_or_else(|| boilerplate_spans(&text));
    let ix = CharIndex::new(&text);
    let boilerplate = spans
        .into_iter()
        .map(|r| (ix.char_at(r.start), ix.char_at(r.end)))
        .collect();
    Page { text, boilerplate }
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
/// write the same paragraph.
fn normal(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The furniture of `text` as the lines that are not paragraphs of `body`; none when
/// fewer than half the body's words are found among the lines.
fn furniture_by_body(text: &str, body: &str) -> Option<Vec<Range<usize>>> {
    let wanted: HashSet<String> = body.lines().map(normal).filter(|l| !l.is_empty()).collect();
    let body_words = word_count(body);
    if body_words == 0 {
        return None;
    }
    let lines = split_lines(text);
    let mut found = HashSet::new();
    let mut keep: Vec<bool> = Vec::with_capacity(lines.len());
    let mut words = 0;
    for r in &lines {
        let line = normal(&text[r.clone()]);
        let hit = wanted.contains(&line);
        if hit && found.insert(line.clone()) {
            words += word_count(&line);
        }
        keep.push(hit);
    }
    if words * 2 < body_words {
        return None;
    }
    Some(furniture_from_keep(text, &lines, keep, true))
}
