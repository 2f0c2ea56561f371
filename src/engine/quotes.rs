//! Quotation finding: pairs quotation marks paragraph by paragraph, tells
//! single-quote quotations from apostrophes, and recovers locally from unbalanced
//! marks (a missing opener starts the quote at its paragraph or sentence, a missing
//! closer ends it at its paragraph) instead of giving up on the article.

use std::ops::Range;

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
    let mut pairing = Pairing {
        seg,
        quotes: Vec::new(),
        warnings: Vec::new(),
        carried: None,
        pending: None,
    };
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        pairing.paragraph(pi, p.tokens.clone());
    }
    (pairing.quotes, pairing.warnings)
}

impl Quote {
    /// A double quotation from token `first` to `last` of paragraph `para`, both marks
    /// found, continuing nothing.
    fn double(first: usize, last: usize, para: usize) -> Quote {
        Quote {
            first,
            last,
            para,
            continues: None,
            recovered: false,
            single: false,
        }
    }
}

/// A quotation continuing across paragraphs: its part in the paragraph before (an index
/// into the quotes) and the opening mark that continues it here (a token).
struct Continuation {
    prev: usize,
    opener: usize,
}

/// The pairing of a text's quotation marks, paragraph by paragraph.
struct Pairing<'s, 't> {
    seg: &'s Segmented<'t>,
    quotes: Vec<Quote>,
    warnings: Vec<String>,
    /// A double quote left open at the end of the previous paragraph (its index).
    carried: Option<usize>,
    /// A quote continued across paragraphs, until its part here is pushed.
    pending: Option<Continuation>,
}

/// The marks open in the paragraph being paired.
struct OpenMarks {
    /// The paragraph's index and its tokens.
    para: usize,
    tokens: Range<usize>,
    /// The token of the double opener.
    open: Option<usize>,
    /// The quote the paragraph before left open, until a mark here continues it.
    open_carried: Option<usize>,
    /// The index of the paragraph's first quote.
    first_quote: usize,
    /// The token of the single opener.
    single_open: Option<usize>,
    /// Curly quotes nested inside the open one.
    depth: usize,
}

impl Pairing<'_, '_> {
    fn paragraph(&mut self, para: usize, tokens: Range<usize>) {
        let seg = self.seg;
        let mut marks = OpenMarks {
            para,
            tokens: tokens.clone(),
            open: None,
            open_carried: self.carried.take(),
            first_quote: self.quotes.len(),
            single_open: None,
            depth: 0,
        };
        for ti in tokens {
            let t = &seg.tokens[ti];
            let TokKind::Punct(c) = t.kind else { continue };
            let before = prev_char(seg.text, t.start);
            let after = next_char(seg.text, t.end);
            if let Some(mark) = double_mark(c, before, after) {
                match mark {
                    Mark::Either if marks.open.is_some() => self.double_close(&mut marks, ti),
                    Mark::Either | Mark::Open => self.double_open(&mut marks, ti, c),
                    Mark::Close => self.double_close(&mut marks, ti),
                }
            } else if let Some(mark) = single_mark(seg.text, c, t.start) {
                self.single(&mut marks, ti, mark);
            }
        }
        if let Some(o) = marks.open {
            self.open_at_paragraph_end(&marks, o);
        }
    }

    /// The previous part of the quote that `opener` opens again, if it is the one pending.
    fn take_continuation(&mut self, opener: usize) -> Option<usize> {
        match self.pending {
            Some(Continuation { prev, opener: o }) if o == opener => {
                self.pending = None;
                Some(prev)
            }
            _ => None,
        }
    }

    fn warn_unclosed(&mut self, opener: usize) {
        self.warnings.push(format!(
            "unclosed quotation mark at byte {}",
            self.seg.tokens[opener].start
        ));
    }

    /// A double opening mark at token `ti`, glyph `c`.
    fn double_open(&mut self, marks: &mut OpenMarks, ti: usize, c: char) {
        if let Some(prev) = marks.open_carried.take() {
            // A paragraph opening with a quotation mark continues the quote left open in
            // the paragraph before.
            if ti == marks.tokens.start {
                marks.open = Some(ti);
                self.pending = Some(Continuation { prev, opener: ti });
                return;
            }
        }
        if let Some(o) = marks.open {
            if self.nests(o, ti, c) {
                marks.depth += 1;
                return;
            }
            // Otherwise the earlier quote lost its closer; end it before this mark.
            if ti > o + 1 {
                self.quotes.push(Quote {
                    recovered: true,
                    ..Quote::double(o, ti - 1, marks.para)
                });
                self.warn_unclosed(o);
            }
        }
        marks.open = Some(ti);
        marks.single_open = None;
    }

    /// Whether opener `c` at token `ti` nests inside the quote opened at `o`: a curly
    /// opener inside a curly quote, mid-sentence (“... what he calls “hell” than ...”).
    fn nests(&self, o: usize, ti: usize, c: char) -> bool {
        let tokens = &self.seg.tokens;
        c == '\u{201c}'
            && tokens[o].punct() == Some('\u{201c}')
            && tokens[ti].space_before
            && !tokens[ti - 1]
                .punct()
                .is_some_and(super::text::is_sentence_end)
    }

    /// A double closing mark at token `ti`.
    fn double_close(&mut self, marks: &mut OpenMarks, ti: usize) {
        if marks.depth > 0 && marks.open.is_some() {
            marks.depth -= 1;
            return;
        }
        if let Some(o) = marks.open.take() {
            let continues = self.take_continuation(o);
            self.quotes.push(Quote {
                continues,
                ..Quote::double(o, ti, marks.para)
            });
        } else if ti > marks.tokens.start {
            self.closer_without_opener(marks, ti);
        }
        marks.single_open = None;
    }

    /// A closer without opener at token `ti`: the quote started at the paragraph (or,
    /// after an earlier quote here, at its sentence) start.
    fn closer_without_opener(&mut self, marks: &mut OpenMarks, ti: usize) {
        let first = match self.quotes.last() {
            Some(q) if self.quotes.len() > marks.first_quote => {
                sentence_start_before(self.seg, q.last + 1, ti)
            }
            _ => marks.tokens.start,
        };
        if first < ti {
            let continues = marks
                .open_carried
                .take()
                .filter(|_| first == marks.tokens.start);
            self.quotes.push(Quote {
                continues,
                recovered: true,
                ..Quote::double(first, ti, marks.para)
            });
        }
    }

    /// A single quotation mark at token `ti`: an opener outside any quote, a closer of
    /// the single quote open.
    fn single(&mut self, marks: &mut OpenMarks, ti: usize, mark: Mark) {
        match mark {
            Mark::Open if marks.single_open.is_none() && marks.open.is_none() => {
                marks.single_open = Some(ti)
            }
            Mark::Close => {
                if let Some(o) = marks.single_open.take() {
                    if ti > o + 1 {
                        self.quotes.push(Quote {
                            single: true,
                            ..Quote::double(o, ti, marks.para)
                        });
                    }
                }
            }
            _ => {}
        }
    }

    /// A double quote opened at `o` and still open at the paragraph end: continued if
    /// the next paragraph opens with a mark, else recovered with a warning.
    fn open_at_paragraph_end(&mut self, marks: &OpenMarks, o: usize) {
        let continues = self.take_continuation(o);
        let next_opens = self.next_opens(marks.para);
        let last = marks.tokens.end - 1;
        if last > o {
            self.quotes.push(Quote {
                continues,
                recovered: !next_opens,
                ..Quote::double(o, last, marks.para)
            });
            if next_opens {
                self.carried = Some(self.quotes.len() - 1);
            } else {
                self.warn_unclosed(o);
            }
        }
    }

    /// Whether the paragraph after `para` opens with a double opening mark.
    fn next_opens(&self, para: usize) -> bool {
        self.seg.paragraphs.get(para + 1).is_some_and(|np| {
            let t = &self.seg.tokens[np.tokens.start];
            t.punct().is_some_and(|c| {
                matches!(
                    double_mark(c, None, next_char(self.seg.text, t.end)),
                    Some(Mark::Open | Mark::Either)
                )
            })
        })
    }
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
