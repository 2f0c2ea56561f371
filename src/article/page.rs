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

use crate::engine::furniture::{
    furniture_from_keep, furniture_spans, is_furniture_line, split_lines, word_count,
};

/// A page's text and the furniture around its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    /// Page furniture: code points, sorted, disjoint.
    pub furniture: Vec<(usize, usize)>,
}

/// The page of `html`. `plain` is the text a browser copied with it (used when it has
/// any text); without it, the page's visible text. On a page with no article its
/// furniture is the extractor's best guess all the same: [`article_page`] says "none".
pub fn page_from_html(html: &str, plain: Option<&str>) -> Page {
    page_and_kind(html, plain).0
}

/// What the person is told when a page holds no article.
pub const NO_ARTICLE: &str = "No article found on this page: it looks like a forum thread, a product, a listing or a documentation page, not an article. To analyse some of its text anyway, select it and paste it as plain text (Ctrl+Shift+V).";

/// The page of `html` as [`page_from_html`] gives it, or [`NO_ARTICLE`] when the page
/// has text but no article in it (its best body would be furniture or a fragment).
pub fn article_page(html: &str, plain: Option<&str>) -> Result<Page, String> {
    match page_and_kind(html, plain) {
        (page, false) if !page.text.trim().is_empty() => Err(NO_ARTICLE.to_string()),
        (page, _) => Ok(page),
    }
}

/// [`page_from_html`] and whether the page holds an article.
fn page_and_kind(html: &str, plain: Option<&str>) -> (Page, bool) {
    let plain = plain.filter(|p| !p.trim().is_empty());
    let parts = super::page_parts(html, plain.is_none());
    let text = plain.map_or_else(|| parts.visible.unwrap_or_default(), str::to_string);
    let spans = furniture_by_body(&text, &parts.body, parts.headline.as_deref())
        .unwrap_or_else(|| furniture_spans(&text));
    let furniture = char_spans(&text, &spans);
    (Page { text, furniture }, parts.article)
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
/// fewer than half the words of the body's distinct paragraphs are found among the lines.
/// The page's `headline` (its HTML's) stays in the article when a line above the body
/// is it; without one, a title-like line above the body is taken for it.
fn furniture_by_body(text: &str, body: &str, headline: Option<&str>) -> Option<Vec<Range<usize>>> {
    // Each line of the body with its words (white space holds none, so its normal
    // form has as many), counted once.
    // Sorted for binary search: a few byte comparisons a line, no hash of every byte.
    let mut wanted: Vec<(Cow<str>, usize)> = Vec::new();
    for line in body.lines() {
        let line = normal(line);
        if !line.is_empty() {
            let n = word_count(&line);
            wanted.push((line, n));
        }
    }
    wanted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    wanted.dedup_by(|a, b| a.0 == b.0);
    // A paragraph the body repeats (a pull quote, a line under every photo, an article
    // that quotes itself) is found once, so it counts once on both sides: the found
    // words are compared with the distinct paragraphs' words, not with the body's.
    let body_words: usize = wanted.iter().map(|(_, n)| n).sum();
    if body_words == 0 {
        return None;
    }
    let lines = split_lines(text);
    let mut found = vec![false; wanted.len()];
    let mut keep: Vec<bool> = Vec::with_capacity(lines.len());
    let mut words = 0;
    let mut l = 0;
    while l < lines.len() {
        let line = normal(&text[lines[l].clone()]);
        let hit = match wanted.binary_search_by(|(w, _)| w[..].cmp(&line[..])) {
            Ok(i) => Some((i, 1)),
            Err(_) => paragraph_in_lines(&wanted, &line, text, &lines[l + 1..]),
        };
        let Some((i, n)) = hit else {
            keep.push(false);
            l += 1;
            continue;
        };
        if !std::mem::replace(&mut found[i], true) {
            words += wanted[i].1;
        }
        keep.extend(std::iter::repeat_n(true, n));
        l += n;
    }
    if words * 2 < body_words {
        return None;
    }
    let guess_headline = match headline.and_then(|h| headline_line(text, &lines, &keep, h)) {
        Some(h) => {
            keep_headline_and_standfirst(text, &lines, &mut keep, h);
            false
        }
        None => true,
    };
    Some(furniture_from_keep(text, &lines, keep, guess_headline))
}

/// A line between the headline and the body is its standfirst when it has at least this
/// many words (a sentence, set by hand): shorter ones there are a page's bits, a share
/// bar, a photo's caption, a date.
const STANDFIRST_MIN_WORDS: usize = 8;

/// Keep line `h` (the page's headline) and the standfirst between it and the body (the
/// first line `keep` marks): lines of a sentence's length not shaped like furniture.
fn keep_headline_and_standfirst(text: &str, lines: &[Range<usize>], keep: &mut [bool], h: usize) {
    let first = keep.iter().position(|k| *k).unwrap_or(h).max(h);
    keep[h] = true;
    for l in h + 1..first {
        let line = text[lines[l].clone()].trim();
        keep[l] = word_count(line) >= STANDFIRST_MIN_WORDS && !is_furniture_line(line);
    }
}

/// The line of `text` above the body (the first line `keep` marks) that is `headline`,
/// the nearest if several are.
fn headline_line(
    text: &str,
    lines: &[Range<usize>],
    keep: &[bool],
    headline: &str,
) -> Option<usize> {
    let headline = normal(headline);
    let first = keep.iter().position(|k| *k)?;
    (0..first)
        .rev()
        .find(|&l| normal(&text[lines[l].clone()]) == headline)
}

/// A paragraph of the body (index into the sorted `wanted`) that the copy broke into
/// lines (a paragraph laid out with its line breaks, as `white-space: pre-line` shows
/// it; the HTML reduction joins them), starting with the normal form `first` of a line
/// and going on with the lines `after` it: the paragraph and how many lines it takes.
fn paragraph_in_lines(
    wanted: &[(Cow<str>, usize)],
    first: &str,
    text: &str,
    after: &[Range<usize>],
) -> Option<(usize, usize)> {
    if first.is_empty() {
        return None;
    }
    let mut joined = first.to_string();
    for (k, r) in after.iter().enumerate() {
        let next = normal(&text[r.clone()]);
        if next.is_empty() {
            // A line of white space: the reduction joins across it too.
            continue;
        }
        joined.push(' ');
        // Paragraphs that start with what is joined so far are together in sorted order.
        let at = wanted.partition_point(|(w, _)| w[..] < joined[..]);
        if !wanted
            .get(at)
            .is_some_and(|(w, _)| w.starts_with(&joined[..]))
        {
            return None;
        }
        joined.push_str(&next);
        if let Ok(i) = wanted.binary_search_by(|(w, _)| w[..].cmp(&joined[..])) {
            return Some((i, k + 2));
        }
    }
    None
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

    /// Two paragraphs of an article and the page around them, as HTML.
    fn page_of(first: &str, second: &str) -> String {
        format!(
            "<body><nav><a href=/>Home</a> | <a href=/w>World</a> | <a href=/s>Sport</a></nav><article>\
             <p>{first}</p><p>{second}</p></article><footer>About us | Contact</footer></body>"
        )
    }

    const ONE: &str = "The council met on Monday and voted for the plan, which costs four million euros over ten years.";
    const TWO: &str = "\u{201c}It is the right plan,\u{201d} the mayor said after the vote, adding that work would start in the spring.";

    #[test]
    fn a_paragraph_the_copy_broke_into_lines_is_article() {
        let (a, b) = TWO.split_at(TWO.find(" the mayor").unwrap());
        let plain = format!(
            "Home | World | Sport\n{ONE}\n{a}\n\u{a0}\n{}\nAbout us | Contact\n",
            b.trim()
        );
        let page = page_from_html(&page_of(ONE, TWO), Some(&plain));
        let furniture: Vec<String> = page
            .furniture
            .iter()
            .map(|&(s, e)| plain.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(page.text, plain);
        let body = crate::article::readable_text_from_html(&page_of(ONE, TWO));
        assert!(
            furniture_by_body(&plain, &body, None).is_some(),
            "judged by the body"
        );
        assert!(
            furniture.iter().any(|f| f.contains("Sport")),
            "{furniture:?}"
        );
        assert!(
            furniture.iter().any(|f| f.contains("About us")),
            "{furniture:?}"
        );
        for line in [ONE, a, b.trim()] {
            assert!(
                !furniture.iter().any(|f| f.contains(line)),
                "{line:?} is furniture: {furniture:?}"
            );
        }
    }

    #[test]
    fn a_paragraph_the_body_repeats_counts_once_when_lines_are_found() {
        // The body is ONE, TWO, ONE, ONE; the copy holds each once: all its words found.
        let html = page_of(ONE, &format!("{TWO}</p><p>{ONE}</p><p>{ONE}"));
        let body = crate::article::readable_text_from_html(&html);
        assert_eq!(body.matches(ONE).count(), 3, "{body}");
        let text = format!("Home | World | Sport\n{ONE}\n{TWO}\nAbout us | Contact");
        let spans = furniture_by_body(&text, &body, None).expect("found by the body");
        let cut: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert!(cut.iter().any(|c| c.contains("Sport")), "{cut:?}");
        assert!(
            !cut.iter().any(|c| c.contains(ONE) || c.contains(TWO)),
            "{cut:?}"
        );
        // A copy that misses most of the body's distinct paragraphs is not judged by it.
        assert!(furniture_by_body(
            &format!("Home\n{ONE}"),
            &format!("{ONE}\n{TWO}\n{TWO}"),
            None
        )
        .is_none());
    }

    /// A page whose headline (two words) stands five lines above the body: a byline, a
    /// date, a share bar and a photo caption between.
    const HEADLINED: &str = "<body><nav><a href=/>Home</a> | <a href=/w>World</a> | <a href=/s>Sport</a></nav>\
        <article><h1>Bridge opens</h1><p class=byline>By Jane Roe</p><p class=date>3 March 2026, 10:32</p>\
        <p><a href=/s>Share</a> <a href=/t>Tweet</a></p><figure><img src=b.jpg><figcaption>The bridge at dawn.</figcaption></figure>\
        <p>{ONE}</p><p>{TWO}</p></article><aside><h2>Most read</h2><p><a href=/x>Council votes on the budget</a></p></aside>\
        <footer>About us | Contact</footer></body>";

    /// The lines of `page` that are not furniture.
    fn article_lines(page: &Page) -> Vec<String> {
        let furniture: Vec<(usize, usize)> = page.furniture.clone();
        let mut at = 0;
        let mut out = Vec::new();
        for line in page.text.split_inclusive('\n') {
            let n = line.chars().count();
            if !furniture.iter().any(|&(s, e)| s <= at && at + n <= e) && !line.trim().is_empty() {
                out.push(line.trim().to_string());
            }
            at += n;
        }
        out
    }

    #[test]
    fn the_headline_stays_in_the_article_however_far_above_the_body() {
        let html = HEADLINED.replace("{ONE}", ONE).replace("{TWO}", TWO);
        let copied = format!(
            "Home | World | Sport\nBridge opens\nBy Jane Roe\n3 March 2026, 10:32\nShare Tweet\nThe bridge at dawn.\n{ONE}\n{TWO}\nMost read\nCouncil votes on the budget\nAbout us | Contact\n"
        );
        for plain in [None, Some(copied.as_str())] {
            let page = page_from_html(&html, plain);
            let kept = article_lines(&page);
            assert_eq!(
                kept,
                ["Bridge opens", ONE, TWO],
                "copied: {}",
                plain.is_some()
            );
        }
    }

    #[test]
    fn a_standfirst_under_the_headline_stays_too() {
        let standfirst =
            "The crossing took three years to build and cost a fifth more than planned.";
        let html = HEADLINED
            .replace("{ONE}", ONE)
            .replace("{TWO}", TWO)
            .replace(
                "<p class=byline>",
                &format!("<p class=dek>{standfirst}</p><p class=byline>"),
            );
        let page = page_from_html(&html, None);
        assert_eq!(article_lines(&page), ["Bridge opens", standfirst, ONE, TWO]);
    }

    #[test]
    fn a_heading_in_furniture_or_after_the_body_is_no_headline() {
        // No headline in the article: the navigation's heading and the sidebar's are
        // not taken for one.
        let html = HEADLINED
            .replace("<h1>Bridge opens</h1>", "")
            .replace("<nav>", "<nav><h2>Sections of the site</h2>")
            .replace("{ONE}", ONE)
            .replace("{TWO}", TWO);
        let kept = article_lines(&page_from_html(&html, None));
        for furniture in ["Sections of the site", "Most read", "Home | World | Sport"] {
            assert!(
                !kept.iter().any(|l| l == furniture),
                "{furniture}: {kept:?}"
            );
        }
        assert!(
            kept.ends_with(&[ONE.to_string(), TWO.to_string()]),
            "{kept:?}"
        );
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
