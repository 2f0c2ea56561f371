//! Text segmentation: paragraphs, tokens and sentences, all as byte ranges.
//!
//! One linear pass builds the tokens; every later stage works on token indices so
//! that no stage rescans the text.

use std::cell::OnceCell;
use std::ops::Range;

use super::words::{ListBits, TokenTable};

/// What a token is. Words keep internal apostrophes, hyphens and dots ("don't",
/// "U.S.", "6,553"); every other non-space character is a token of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Index of the paragraph (line) holding the token.
    pub para: usize,
    /// Whether white space (or the start of the paragraph) comes right before it.
    pub space_before: bool,
    /// Whether a sentence may end after it: a terminator (`is_sentence_end`), or a
    /// word whose last byte is a dot. Set by the tokenizer, so that the sentence
    /// scans, which ask it of every token, read no text bytes for the answer (it sits
    /// in the token's padding: `Token` stays 32 bytes).
    pub(crate) may_end: bool,
    /// Whether it is a word whose first character is a capital letter: the speaker
    /// names' runs ask it of every token (`speakers::is_capitalised`).
    pub(crate) capitalised: bool,
    /// Whether it is a word whose first character is lower case (`starts_lower`): the
    /// reported-speech candidate search asks it of every word before anything else.
    pub(crate) lower: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokKind::Punct(c) => Some(c),
            TokKind::Word => None,
        }
    }
}

/// A paragraph: one non-empty line of the text, with its token range.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub bytes: Range<usize>,
    pub tokens: Range<usize>,
}

/// The tokens and paragraphs of a text.
pub struct Segmented<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    /// Each token's word lists, found on the first question ([`Segmented::lists`]).
    table: OnceCell<TokenTable>,
}

impl<'t> Segmented<'t> {
    /// A token range (non-empty) as bytes: its first token's start to its last's end.
    pub(crate) fn token_bytes(&self, r: &Range<usize>) -> Range<usize> {
        self.tokens[r.start].start..self.tokens[r.end - 1].end
    }

    pub fn word(&self, i: usize) -> &'t str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The closed word lists token `i`'s word is in (`ListBits::of_word(self.word(i))`),
    /// from the text's token table, each token found once: the one place attribution
    /// and speaker names look a token up in those lists.
    #[inline]
    pub(crate) fn lists(&self, i: usize) -> ListBits {
        self.table
            .get_or_init(|| TokenTable::new(self.tokens.len()))
            .lists(self, i)
    }
}

/// Abbreviations that keep their final dot; titles never end a sentence.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "rev",
    "st", "adm", "maj", "cmdr", "pres", "atty", "supt", "hon", "gens", "reps", "sens", "messrs",
    "mt", "ft", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass",
    "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
    "vt", "wash", "wis", "wyo", "approx", "dept", "est", "fig", "op",
];
/// Abbreviations that may also end a sentence.
const FINAL_ABBREVIATIONS: &[&str] =
    &["jr", "sr", "inc", "corp", "co", "ltd", "etc", "bros", "llc"];

fn is_word_char(c: char) -> bool {
    // Curly quotes, dashes and ellipses (General Punctuation, none of it a letter or a
    // digit) are most of a news text's non-ASCII: answered without the Unicode tables.
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// Whether `word` is in `list` (whose keys are `keys`), ASCII case ignored.
fn in_list(keys: &[u64], word: &str) -> bool {
    // Asked of every word before a dot (most sentence ends): the lengths and first
    // letters of both lists turn most words away; the rest are found by a binary
    // search of the lists' words packed in a `u64` each, not compared one by one.
    might_be_abbreviation(word)
        && abbreviation_key(word.as_bytes()).is_some_and(|k| keys.binary_search(&k).is_ok())
}

/// A word of at most [`LONGEST_ABBREVIATION`] ASCII bytes, lower-cased, packed in a
/// `u64` (its length in the top byte), so that two words are equal, ASCII case ignored,
/// when their keys are; `None` for any other word (in no list).
const fn abbreviation_key(w: &[u8]) -> Option<u64> {
    if w.len() > LONGEST_ABBREVIATION {
        return None;
    }
    let mut key = (w.len() as u64) << 56;
    let mut i = 0;
    while i < w.len() {
        if w[i] >= 0x80 {
            return None;
        }
        key |= (w[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    Some(key)
}

/// The keys ([`abbreviation_key`]) of a list's words, sorted for a binary search.
const fn abbreviation_keys<const N: usize>(list: &[&str]) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N {
        keys[i] = match abbreviation_key(list[i].as_bytes()) {
            Some(k) => k,
            None => panic!("an abbreviation longer than LONGEST_ABBREVIATION"),
        };
        // Insertion sort: the lists are short and this runs at compile time.
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j - 1];
            keys[j - 1] = keys[j];
            keys[j] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
}

const TITLE_KEYS: [u64; TITLE_ABBREVIATIONS.len()] = abbreviation_keys(TITLE_ABBREVIATIONS);
const FINAL_KEYS: [u64; FINAL_ABBREVIATIONS.len()] = abbreviation_keys(FINAL_ABBREVIATIONS);

/// Longest abbreviation in either list ("messrs", "approx").
const LONGEST_ABBREVIATION: usize = 6;

/// For each length, a bit per ASCII letter that starts an abbreviation of that length.
const ABBREVIATION_STARTS: [u32; LONGEST_ABBREVIATION + 1] = {
    let mut starts = [0u32; LONGEST_ABBREVIATION + 1];
    let lists = [TITLE_ABBREVIATIONS, FINAL_ABBREVIATIONS];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let a = lists[l][i].as_bytes();
            // The lists are lower-case ASCII of at most LONGEST_ABBREVIATION bytes.
            assert!(a.len() <= LONGEST_ABBREVIATION && a[0].is_ascii_lowercase());
            starts[a.len()] |= 1 << (a[0] - b'a');
            i += 1;
        }
        l += 1;
    }
    starts
};

/// False when `word` cannot be in either abbreviation list (ASCII case ignored).
#[inline]
fn might_be_abbreviation(word: &str) -> bool {
    let b = word.as_bytes();
    match (ABBREVIATION_STARTS.get(b.len()), b.first()) {
        (Some(&starts), Some(&first)) if first.is_ascii_alphabetic() => {
            starts & (1 << (first.to_ascii_lowercase() - b'a')) != 0
        }
        _ => false,
    }
}

pub fn is_title_abbreviation(w: &str) -> bool {
    in_list(&TITLE_KEYS, w.trim_end_matches('.'))
}

fn keeps_dot(word: &str) -> bool {
    // Initials ("J."), dotted acronyms ("U.S"), and the abbreviation lists. Asked of
    // every word before a dot: the dot inside is looked for by a byte loop (a word is
    // short; `contains` set up a searcher a word).
    is_one_letter(word)
        || (word.bytes().any(|b| b == b'.') && !word.ends_with('.'))
        || in_list(&TITLE_KEYS, word)
        || in_list(&FINAL_KEYS, word)
}

/// Whether `word` is one alphabetic character, told from its first two characters
/// (not by counting all of them).
fn is_one_letter(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// Split `text` into paragraphs (lines) and tokens. Byte ranges in `skip` (sorted,
/// e.g. furniture lines) produce no tokens and act as paragraph breaks.
pub fn segment<'t>(text: &'t str, skip: &[Range<usize>]) -> Segmented<'t> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // A paragraph (a non-empty line) every 75 bytes or so in news text.
    let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(text.len() / 64 + 1);
    let mut skip_i = 0;
    // Each line with its break (`split_inclusive('\n')`), the breaks found eight
    // bytes at a time.
    let mut breaks = super::ascii::line_breaks(text.as_bytes());
    let mut line_start = 0;
    while line_start < text.len() {
        let lb = line_start;
        line_start = breaks.next().map_or(text.len(), |i| i + 1);
        let line = &text[lb..line_start];
        while skip_i < skip.len() && skip[skip_i].end <= lb {
            skip_i += 1;
        }
        if skip_i < skip.len()
            && skip[skip_i].start <= lb
            && skip[skip_i].end >= lb + line.trim_end().len()
        {
            continue;
        }
        let para = paragraphs.len();
        let first = tokens.len();
        tokenize_line(line, lb, para, &mut tokens);
        if tokens.len() > first {
            let bytes = tokens[first].start..tokens[tokens.len() - 1].end;
            paragraphs.push(Paragraph {
                bytes,
                tokens: first..tokens.len(),
            });
        }
    }
    join_wrapped_lines(text, &mut tokens, &mut paragraphs);
    Segmented {
        text,
        tokens,
        paragraphs,
        table: OnceCell::new(),
    }
}

/// Joins the lines of a paragraph wrapped by hand (an e-mail, a page breaking its
/// paragraphs with `<br>`, a PDF's lines) into one paragraph: a line that may be
/// wrapped ([`goes_on_after`]) and the next line, when that opens in lower case right
/// below it (no blank or skipped line between). Done after the line loop, so that the
/// loop, which every text pays for, stays as lean as it was: most texts hold no wrapped
/// line, and then this pass looks once at each line's last token and writes nothing.
#[inline(never)]
fn join_wrapped_lines(text: &str, tokens: &mut [Token], paragraphs: &mut Vec<Paragraph>) {
    let mut kept = 0;
    let mut wrapped = false;
    for i in 0..paragraphs.len() {
        let line = paragraphs[i].clone();
        let joins = wrapped
            && tokens[line.tokens.start].lower
            && text[paragraphs[kept - 1].bytes.end..line.bytes.start]
                .bytes()
                .filter(|&b| b == b'\n')
                .count()
                == 1;
        if joins {
            paragraphs[kept - 1].bytes.end = line.bytes.end;
            paragraphs[kept - 1].tokens.end = line.tokens.end;
        } else {
            if kept != i {
                paragraphs[kept] = line.clone();
            }
            kept += 1;
        }
        if kept != i + 1 {
            for t in &mut tokens[line.tokens.clone()] {
                t.para = kept - 1;
            }
        }
        // A line that goes on a wrapped paragraph may itself be short (a wrap can leave
        // one word on a line: "the 20-page\nreport\nnoted that"): the paragraph so far,
        // not the line, holds the words that tell a wrap from a heading.
        wrapped = goes_on_after(&tokens[line.tokens], joins);
    }
    paragraphs.truncate(kept);
}

/// A line of at least this many words that stops without ending its sentence is a
/// wrapped line (set by hand: a heading, a label or a byline is shorter; a line wrapped
/// at 60 to 80 characters holds 10 or more).
const WRAPPED_LINE_WORDS: usize = 6;

/// Whether a line (its tokens) may be wrapped inside a sentence: it ends in a word
/// without a dot or a comma, and holds at least [`WRAPPED_LINE_WORDS`] words or
/// `continues_wrap` (it was itself joined to a wrapped line before it), so that
/// a next line opening in lower case goes on with the same sentence. Text wrapped by
/// hand (an e-mail, a page breaking its paragraphs with `<br>`, a PDF's lines) then
/// reads as the paragraphs its writer meant; a heading, a list item or a line ending
/// its sentence still ends the paragraph, as does a blank line.
fn goes_on_after(line: &[Token], continues_wrap: bool) -> bool {
    let ends_open = line.last().is_some_and(|t| match t.kind {
        TokKind::Word => !t.may_end,
        TokKind::Punct(c) => c == ',',
    });
    ends_open
        && (continues_wrap
            || line
                .iter()
                .filter(|t| t.is_word())
                .nth(WRAPPED_LINE_WORDS - 1)
                .is_some())
}

/// The character at byte `i` of `line` (a char boundary) and its length; bytes below
/// 0x80 are not decoded (news text is mostly ASCII).
#[inline]
fn char_at(line: &str, i: usize) -> Option<(char, usize)> {
    let b = *line.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = super::ascii::char_from(line, i);
    Some((c, c.len_utf8()))
}

#[inline]
fn is_word_char_fast(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_word_char(c)
    }
}

/// Whether a word starting with `c` is capitalised: an ASCII capital, or an upper-case
/// letter (`starts_upper` of a letter; a digit is no capital).
#[inline]
fn starts_capital(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase() && c.is_alphabetic()
    }
}

/// Never inlined: inlined into [`segment`]'s line loop, LLVM compiled its byte loop
/// worse (about 1 million instructions more a pass over PolNeAR dev).
#[inline(never)]
fn tokenize_line(line: &str, base: usize, para: usize, out: &mut Vec<Token>) {
    let bytes = line.as_bytes();
    let mut space_before = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // White space tested on the byte where it is ASCII (`char::is_whitespace` of an
        // ASCII char), most of a line's non-word bytes, before any char is made.
        let (c, len) = if b < 0x80 {
            if matches!(b, b' ' | b'\t'..=b'\r') {
                space_before = true;
                i += 1;
                continue;
            }
            (char::from(b), 1)
        } else {
            let c = super::ascii::char_from(line, i);
            if c.is_whitespace() {
                space_before = true;
                i += c.len_utf8();
                continue;
            }
            (c, c.len_utf8())
        };
        if is_word_char_fast(c) {
            let (end, dotted) = word_end(line, i, len);
            out.push(Token {
                start: base + i,
                end: base + end,
                kind: TokKind::Word,
                para,
                space_before,
                may_end: dotted,
                capitalised: starts_capital(c),
                lower: if c.is_ascii() {
                    c.is_ascii_lowercase()
                } else {
                    c.is_lowercase()
                },
            });
            i = end;
        } else {
            // Two apostrophes are a double quotation mark (as some newspapers type it).
            let doubled = c == '\'' && bytes.get(i + 1) == Some(&b'\'');
            let end = i + if doubled { 2 } else { len };
            let c = if doubled { '"' } else { c };
            out.push(Token {
                start: base + i,
                end: base + end,
                kind: TokKind::Punct(c),
                para,
                space_before,
                may_end: is_sentence_end(c),
                capitalised: false,
                lower: false,
            });
            i = end;
        }
        space_before = false;
    }
}

/// The end of the word whose first char (`len` bytes) is at `i` in `line`: letters, and
/// joiners followed by a letter, and a dot that belongs to it ("Mr.", "U.S."); and
/// whether it ends in that dot (only that dot can end it: a joiner is taken only with
/// the letter after it).
#[inline(always)]
fn word_end(line: &str, i: usize, len: usize) -> (usize, bool) {
    let bytes = line.as_bytes();
    let mut end = i + len;
    // Extend over letters, and over joiners followed by a letter.
    loop {
        // ASCII letters and digits a byte at a time, without decoding.
        while bytes
            .get(end)
            .is_some_and(|&b| super::ascii::is_ascii_alnum(b))
        {
            end += 1;
        }
        // Most words end at a space, which joins nothing: no further tests.
        if bytes.get(end) == Some(&b' ') {
            break;
        }
        let Some((n, n_len)) = char_at(line, end) else {
            break;
        };
        if is_word_char_fast(n) {
            end += n_len;
            continue;
        }
        if !matches!(
            n,
            '\'' | '\u{2019}' | '-' | '.' | '&' | ',' | '\u{2010}' | '\u{2011}'
        ) {
            break;
        }
        match char_at(line, end + n_len) {
            // "6,553" and "2.5" only between digits; others before any letter.
            Some((m, m_len))
                if is_word_char_fast(m)
                    && (n != ',' || (m.is_ascii_digit() && bytes[end - 1].is_ascii_digit())) =>
            {
                end += n_len + m_len;
            }
            _ => break,
        }
    }
    if bytes.get(end) == Some(&b'.') && keeps_dot(&line[i..end]) {
        return (end + 1, true);
    }
    (end, false)
}

pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// Whether `w` starts with a lower-case letter (`char::is_lowercase`), an ASCII first
/// byte answered without decoding a `char`.
#[inline]
pub fn starts_lower(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        Some(_) => w.starts_with(char::is_lowercase),
        None => false,
    }
}

pub fn starts_upper(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a sentence may end after token `i` (a terminator or an abbreviation with
/// its dot) given what follows.
#[inline(always)]
pub fn ends_sentence_at(seg: &Segmented, i: usize, para_end: usize) -> bool {
    // Asked of every token, so the common answer (no terminator, no word ending in a
    // dot: the tokenizer's flag tells) is given inline, the rest in a call.
    seg.tokens[i].may_end && ends_sentence_after(seg, i, para_end)
}

/// [`ends_sentence_at`] for a terminator or a word ending in a dot.
fn ends_sentence_after(seg: &Segmented, i: usize, para_end: usize) -> bool {
    if seg.tokens[i].is_word() {
        let word = seg.word(i);
        // An initial ("J."): two characters, the first upper case; told from the first
        // three characters, not by counting all of a long word's.
        let mut chars = word.chars();
        let initial = matches!(
            (chars.next(), chars.next(), chars.next()),
            (Some(c), Some(_), None) if c.is_uppercase()
        );
        if initial || is_title_abbreviation(word) {
            return false;
        }
    }
    // Look past closing marks and brackets for the next word.
    let mut j = i + 1;
    while j < para_end && !seg.tokens[j].space_before {
        match seg.tokens[j].kind {
            TokKind::Punct(c) if is_closing(c) || is_sentence_end(c) => j += 1,
            _ => break,
        }
    }
    if j >= para_end {
        return true;
    }
    let next = &seg.tokens[j];
    if !next.space_before && next.is_word() {
        return false;
    }
    match next.kind {
        TokKind::Word => {
            let w = seg.word(j);
            starts_upper(w)
        }
        TokKind::Punct(c) => is_opening(c) || c == '-' || c == '\u{2014}',
    }
}

pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '\u{201d}' | '\u{2019}' | '"' | '\'' | '\u{bb}'
    )
}

pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\u{201c}' | '\u{2018}' | '"' | '\'' | '\u{ab}' | '\u{201e}'
    )
}

/// Sentences of every paragraph as token ranges (quotation marks are ignored here;
/// attribution builds its own quote-aware units).
pub fn sentences(seg: &Segmented) -> Vec<Range<usize>> {
    // About one sentence in twenty tokens in news text: room for most without growing.
    let mut out = Vec::with_capacity(seg.tokens.len() / 16 + seg.paragraphs.len());
    for p in &seg.paragraphs {
        let mut s = p.tokens.start;
        let mut i = p.tokens.start;
        while i < p.tokens.end {
            if ends_sentence_at(seg, i, p.tokens.end) {
                let mut e = i + 1;
                while e < p.tokens.end
                    && seg.tokens[e]
                        .punct()
                        .is_some_and(|c| is_closing(c) || is_sentence_end(c))
                    && !seg.tokens[e].space_before
                {
                    e += 1;
                }
                out.push(s..e);
                s = e;
                i = e;
                continue;
            }
            i += 1;
        }
        if s < p.tokens.end {
            out.push(s..p.tokens.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        let s = segment(t, &[]);
        (0..s.tokens.len()).map(|i| s.word(i)).collect()
    }

    #[test]
    fn a_token_may_end_a_sentence_when_a_terminator_or_a_word_with_its_dot() {
        let t = "Mr. Ruiz left at 5 p.m. today! Did he\u{2026} ''Yes?'' U.S. law, e.g. this.";
        let s = segment(t, &[]);
        for (i, tok) in s.tokens.iter().enumerate() {
            let expected = match tok.kind {
                TokKind::Punct(c) => is_sentence_end(c),
                TokKind::Word => s.word(i).ends_with('.'),
            };
            assert_eq!(tok.may_end, expected, "{:?}", s.word(i));
        }
    }

    #[test]
    fn a_word_token_knows_the_case_of_its_first_letter() {
        let t = "Élise said: «états» 4G Ωmega ωmega ǅemal ’twas Ⓐ x-Ray İzmir.";
        let s = segment(t, &[]);
        for (i, tok) in s.tokens.iter().enumerate() {
            let w = s.word(i);
            let first = w.chars().next().unwrap();
            let capitalised = tok.is_word() && starts_upper(w) && first.is_alphabetic();
            assert_eq!(tok.capitalised, capitalised, "{w:?}");
            assert_eq!(tok.lower, tok.is_word() && starts_lower(w), "{w:?}");
        }
        #[cfg(target_pointer_width = "64")]
        assert_eq!(
            std::mem::size_of::<Token>(),
            32,
            "the flags sit in the padding"
        );
    }

    #[test]
    fn keeps_contractions_acronyms_and_numbers_whole() {
        assert_eq!(
            words("Don't tell the U.S. about 6,553 cases, Jones' dog."),
            vec![
                "Don't", "tell", "the", "U.S.", "about", "6,553", "cases", ",", "Jones", "'",
                "dog", "."
            ]
        );
        assert_eq!(
            words("Sen. J. Smith ('90s)"),
            vec!["Sen.", "J.", "Smith", "(", "'", "90s", ")"]
        );
    }

    #[test]
    fn splits_sentences_but_not_after_titles() {
        let t = "Mr. Smith went to Washington. He said no.\nNew line here";
        let s = segment(t, &[]);
        let sents: Vec<&str> = sentences(&s)
            .into_iter()
            .map(|r| &t[s.tokens[r.start].start..s.tokens[r.end - 1].end])
            .collect();
        assert_eq!(
            sents,
            vec![
                "Mr. Smith went to Washington.",
                "He said no.",
                "New line here"
            ]
        );
    }

    #[test]
    fn abbreviations_are_found_whatever_their_case_and_length() {
        for w in ["mr", "Mr.", "MESSRS", "Approx.", "co", "Llc"] {
            assert!(might_be_abbreviation(w.trim_end_matches('.')), "{w}");
        }
        assert!(is_title_abbreviation("MESSRS."));
        assert!(!is_title_abbreviation("Inc."));
        assert!(keeps_dot("Inc") && keeps_dot("approx") && keeps_dot("x"));
        for w in [
            "",
            "m",
            "approxi",
            "Washington",
            "zz",
            "9th",
            "\u{e9}t\u{e9}",
        ] {
            assert!(!in_list(&TITLE_KEYS, w), "{w}");
        }
        // The packed keys answer as the lists compared word by word, case ignored.
        for (list, keys) in [
            (TITLE_ABBREVIATIONS, &TITLE_KEYS[..]),
            (FINAL_ABBREVIATIONS, &FINAL_KEYS[..]),
        ] {
            for w in TITLE_ABBREVIATIONS
                .iter()
                .chain(FINAL_ABBREVIATIONS)
                .chain(&["Sept", "INC", "mrs", "mrx", "st."])
            {
                let listed = list.iter().any(|a| a.eq_ignore_ascii_case(w));
                assert_eq!(in_list(keys, w), listed, "{w}");
                assert_eq!(in_list(keys, &w.to_ascii_uppercase()), listed, "{w}");
            }
        }
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_one_paragraph_but_headings_and_sentences_end_theirs() {
        let t = "The harbour master said the ferry would run again\n\
on Tuesday, after a week of storms had kept every boat\n\
in port.\n\
What the islanders want next\n\
a new pier, said one of them. The pier is old\n\
Repairs begin in May.\n";
        let s = segment(t, &[]);
        let paras: Vec<&str> = s.paragraphs.iter().map(|p| &t[p.bytes.clone()]).collect();
        assert_eq!(paras.len(), 4, "{paras:?}");
        assert!(paras[0].starts_with("The harbour") && paras[0].ends_with("in port."));
        // Under six words: a heading, not a wrapped line, though lower case follows.
        assert_eq!(paras[1], "What the islanders want next");
        // The line after "The pier is old" opens with a capital: a new paragraph.
        assert_eq!(paras[3], "Repairs begin in May.");
        let sents: Vec<&str> = sentences(&s)
            .into_iter()
            .map(|r| &t[s.token_bytes(&r)])
            .collect();
        assert_eq!(
            sents[0],
            "The harbour master said the ferry would run again\non Tuesday, after a week of storms had kept every boat\nin port."
        );
        for (i, tok) in s.tokens.iter().enumerate() {
            assert!(s.paragraphs[tok.para].tokens.contains(&i), "{}", s.word(i));
        }
    }

    #[test]
    fn a_short_line_inside_a_wrapped_paragraph_keeps_it_going() {
        // A wrap can leave one word on a line of its own; the paragraph goes on after it.
        let t = "Over the three months of the audit, the final\nreview\nfound that the ledgers had been kept with care.\nA new section\nstarts here in lower case.\n";
        let s = segment(t, &[]);
        let paras: Vec<&str> = s.paragraphs.iter().map(|p| &t[p.bytes.clone()]).collect();
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert!(paras[0].ends_with("kept with care."), "{paras:?}");
        assert_eq!(paras[1], "A new section");
    }

    #[test]
    fn a_line_cut_off_by_skipped_furniture_is_not_joined_across_it() {
        let t = "Officials said the bridge would reopen once the\nShare this\nrepairs were done by the crews.\n";
        let skip: Vec<std::ops::Range<usize>> = std::iter::once(48..58).collect();
        let s = segment(t, &skip);
        assert_eq!(s.paragraphs.len(), 2);
    }

    #[test]
    fn skipped_ranges_make_no_tokens() {
        let t = "Keep this.\nRelated Topics\nAnd this.";
        let skip: Vec<std::ops::Range<usize>> = std::iter::once(11..26).collect();
        let s = segment(t, &skip);
        assert_eq!(s.paragraphs.len(), 2);
        assert!((0..s.tokens.len()).all(|i| s.word(i) != "Related"));
    }
}
