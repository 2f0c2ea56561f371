//! Quotation finding: pairs quotation marks paragraph by paragraph, tells
//! single-quote quotations from apostrophes, and recovers locally from unbalanced
//! marks (a missing opener starts the quote at its paragraph or sentence, a missing
//! closer ends it at its paragraph) instead of giving up on the article.

use super::text::{Segmented, TokKind};

/// One quotation (or one paragraph's part of a multi-paragraph quotation), as token
/// indices: `open..=close` are its marks (or its first/last token when a mark is
/// missing).
#[derive(Debug, Clone)]
pub struct Quote {
    /// First token of the quote (its opening mark when there is one).
    pub first: usize,
    /// Last token of the quote (its closing mark when there is one), inclusive.
    pub last: usize,
    pub para: usize,
    /// Index of the previous part when this quote continues one from the paragraph before.
    pub continues: Option<usize>,
    /// The quote had a recovered (missing) mark.
    pub recovered: bool,
    pub single: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    Close,
    /// Could be either; decided by the pairing state.
    Either,
}

fn prev_char(text: &str, b: usize) -> Option<char> {
    text[..b].chars().next_back()
}

fn next_char(text: &str, b: usize) -> Option<char> {
    text[b..].chars().next()
}

fn boundary_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '\u{2014}'
                        | '\u{2013}'
                        | '-'
                        | '/'
                        | ':'
                        | '\u{201c}'
                        | '"'
                        | '\u{2018}'
                )
        }
    }
}

fn boundary_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || (c.is_ascii_punctuation() && c != '&')
                || matches!(
                    c,
                    '\u{2014}' | '\u{2013}' | '\u{2026}' | '\u{201d}' | '\u{2019}'
                )
        }
    }
}

/// Classify a double quotation mark by its glyph and its neighbours.
fn double_mark(c: char, before: Option<char>, after: Option<char>) -> Option<Mark> {
    let b = boundary_before(before);
    let a = boundary_after(after);
    let kind = match c {
        '\u{201c}' | '\u{201e}' | '\u{ab}' => {
            if !b && a {
                Mark::Close
            } else {
                Mark::Open
            }
        }
        '\u{201d}' | '\u{bb}' => {
            if b && !a && before.is_some() {
                Mark::Open
            } else {
                Mark::Close
            }
        }
        '"' => match (b, a) {
            (true, false) => Mark::Open,
            (false, true) => Mark::Close,
            _ => Mark::Either,
        },
        _ => return None,
    };
    Some(kind)
}

/// Elisions that start with an apostrophe and are not quotations.
const ELISIONS: &[&str] = &[
    "em", "til", "cause", "tis", "twas", "bout", "round", "cuz", "n", "s", "nuff", "ol",
];

/// Classify a single mark: opener only at a word start, closer only at a word end;
/// `'90s`, `'em` and the like are apostrophes.
fn single_mark(text: &str, c: char, start: usize) -> Option<Mark> {
    if c != '\'' && c != '\u{2018}' && c != '\u{2019}' {
        return None;
    }
    let before = prev_char(text, start);
    let after = next_char(text, start + c.len_utf8());
    let b = boundary_before(before);
    let a = boundary_after(after);
    if b && !a {
        let rest = &text[start + c.len_utf8()..];
        let word: &str = rest
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        if word.starts_with(|ch: char| ch.is_ascii_digit()) && word.len() <= 3 {
            return None; // '90s, '16
        }
        if ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word)) {
            return None;
        }
        if c == '\u{2019}' && !word.starts_with(char::is_uppercase) {
            return None;
        }
        return Some(Mark::Open);
    }
    if !b && a {
        return Some(Mark::Close);
    }
    None
}

/// Find the quotations of a segmented text.
pub fn find_quotes(seg: &Segmented) -> (Vec<Quote>, Vec<String>) {
    let text = seg.text;
    let mut quotes: Vec<Quote> = Vec::new();
    let mut warnings = Vec::new();
    // A double quote left open at the end of the previous paragraph (its index).
    let mut carried: Option<usize> = None;
    // (previous part, opener token) of a quote that continues across paragraphs.
    let mut pending: Option<(usize, usize)> = None;
    let take = |pending: &mut Option<(usize, usize)>, opener: usize| match *pending {
        Some((prev, o)) if o == opener => {
            *pending = None;
            Some(prev)
        }
        _ => None,
    };
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        let mut open: Option<usize> = None; // token of the double opener
        let mut open_carried = carried.take();
        let para_first_quote = quotes.len();
        let mut single_open: Option<usize> = None;
        let mut depth = 0usize; // curly quotes nested inside the open one
        for ti in p.tokens.clone() {
            let t = &seg.tokens[ti];
            let TokKind::Punct(c) = t.kind else { continue };
            let before = prev_char(text, t.start);
            let after = next_char(text, t.end);
            if let Some(mark) = double_mark(c, before, after) {
                let is_first_token = ti == p.tokens.start;
                let mark = match mark {
                    Mark::Either if open.is_some() => Mark::Close,
                    Mark::Either => Mark::Open,
                    m => m,
                };
                match mark {
                    Mark::Open => {
                        if let Some(prev) = open_carried.take() {
                            // A paragraph opening with a quotation mark continues the
                            // quote left open in the paragraph before.
                            if is_first_token {
                                open = Some(ti);
                                pending = Some((prev, ti));
                                continue;
                            }
                        }
                        if let Some(o) = open {
                            // A curly opener inside a curly quote, mid-sentence, nests
                            // (“... what he calls “hell” than ...”).
                            let prev = seg.tokens[ti - 1];
                            if c == '\u{201c}'
                                && seg.tokens[o].punct() == Some('\u{201c}')
                                && t.space_before
                                && !prev.punct().is_some_and(super::text::is_sentence_end)
                            {
                                depth += 1;
                                continue;
                            }
                            // Otherwise the earlier quote lost its closer; end it
                            // before this mark.
                            if ti > o + 1 {
                                quotes.push(Quote {
                                    first: o,
                                    last: ti - 1,
                                    para: pi,
                                    continues: None,
                                    recovered: true,
                                    single: false,
                                });
                                warnings.push(format!(
                                    "unclosed quotation mark at byte {}",
                                    seg.tokens[o].start
                                ));
                            }
                        }
                        open = Some(ti);
                        single_open = None;
                    }
                    Mark::Close => {
                        if depth > 0 && open.is_some() {
                            depth -= 1;
                            continue;
                        }
                        if let Some(o) = open.take() {
                            let continues = take(&mut pending, o);
                            quotes.push(Quote {
                                first: o,
                                last: ti,
                                para: pi,
                                continues,
                                recovered: false,
                                single: false,
                            });
                        } else if ti > p.tokens.start {
                            // Closer without opener: the quote started at the paragraph
                            // (or, after an earlier quote here, at its sentence) start.
                            let first = if quotes.len() > para_first_quote {
                                sentence_start_before(seg, quotes[quotes.len() - 1].last + 1, ti)
                            } else {
                                p.tokens.start
                            };
                            if first < ti {
                                let continues =
                                    open_carried.take().filter(|_| first == p.tokens.start);
                                quotes.push(Quote {
                                    first,
                                    last: ti,
                                    para: pi,
                                    continues,
                                    recovered: true,
                                    single: false,
                                });
                            }
                        }
                        single_open = None;
                    }
                    Mark::Either => {}
                }
                continue;
            }
            if let Some(mark) = single_mark(text, c, t.start) {
                match mark {
                    Mark::Open if single_open.is_none() && open.is_none() => single_open = Some(ti),
                    Mark::Close => {
                        if let Some(o) = single_open.take() {
                            if ti > o + 1 {
                                quotes.push(Quote {
                                    first: o,
                                    last: ti,
                                    para: pi,
                                    continues: None,
                                    recovered: false,
                                    single: true,
                                });
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(o) = open {
            // Open at the paragraph end: continued if the next paragraph opens with a mark.
            let continues = take(&mut pending, o);
            let next_opens = seg.paragraphs.get(pi + 1).is_some_and(|np| {
                let t = &seg.tokens[np.tokens.start];
                t.punct().is_some_and(|c| {
                    matches!(
                        double_mark(c, None, next_char(text, t.end)),
                        Some(Mark::Open | Mark::Either)
                    )
                })
            });
            let last = p.tokens.end - 1;
            if last > o {
                quotes.push(Quote {
                    first: o,
                    last,
                    para: pi,
                    continues,
                    recovered: !next_opens,
                    single: false,
                });
                if next_opens {
                    carried = Some(quotes.len() - 1);
                } else {
                    warnings.push(format!(
                        "unclosed quotation mark at byte {}",
                        seg.tokens[o].start
                    ));
                }
            }
        }
    }
    (quotes, warnings)
}

/// The token where the sentence holding token `at` starts, searching back to `floor`.
fn sentence_start_before(seg: &Segmented, floor: usize, at: usize) -> usize {
    let mut i = at;
    while i > floor {
        let t = &seg.tokens[i - 1];
        if t.punct().is_some_and(super::text::is_sentence_end) {
            return i;
        }
        i -= 1;
    }
    floor
}
