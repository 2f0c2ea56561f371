//! The analysis reply as bytes: what the worker posts (transferred, not copied) and the
//! page reads without any JSON. A 1 MB text's 11,850 annotations were 1.7 MB of JSON,
//! whose parse on the page's thread was its longest task; these bytes are read in a
//! few milliseconds.
//!
//! Layout, little-endian: a header (`MAGIC`, the request's `seq`, the request text's
//! length in bytes, then how many strings, string bytes, annotations, signals, furniture
//! ranges and warnings follow); the string table (each string's end in the UTF-8 bytes
//! that follow, then those bytes: every distinct string once, so a rule, a speaker or a
//! reason shared by hundreds of annotations is sent once, and an attribution's id is the
//! same entry as the reference to it); one fixed-size `RECORD` per annotation; the
//! signals (string numbers, each claim's a run); furniture ranges; warnings.
//!
//! A record does not carry the words an annotation (or its cue) covers when they are the
//! request text's at its offsets, as the engine's always are: it carries their byte
//! offsets too, and the page slices its own copy of the text, with no code-point index
//! of a long text.

use std::collections::HashMap;
use std::fmt;

use crate::model::offsets::CharIndex;
use crate::model::{Annotation, Cue, Kind, Origin};

/// The engine's result for analysis request `seq` (`protocol::Request::answer`), which
/// this module sends as bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub seq: u64,
    pub annotations: Vec<Annotation>,
    /// Page furniture, code points, end exclusive.
    pub furniture: Vec<(usize, usize)>,
    pub warnings: Vec<String>,
}

/// The first bytes of every reply (and the format's version).
const MAGIC: &[u8; 4] = b"QLr1";
const HEADER: usize = 4 + 8 + 7 * 4;
/// Bytes per annotation record.
const RECORD: usize = 88;
/// No string (an absent option), or words sliced from the text.
const NONE: u32 = u32::MAX;

const USER: u8 = 1;
const CUE: u8 = 2;
const SCORE: u8 = 4;
const CONFIDENCE: u8 = 8;
const SIGNALS: u8 = 16;

/// Why bytes are not a reply (to this text): a bug or a stray message, never a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadReply(pub &'static str);

impl fmt::Display for BadReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an analysis reply: {}", self.0)
    }
}

impl std::error::Error for BadReply {}

/// A too-large number: more than `u32` holds (a text over 4 GB, never analysed).
fn n32(n: usize) -> Result<u32, BadReply> {
    u32::try_from(n).map_err(|_| BadReply("a number too large"))
}

/// The distinct strings of a reply, numbered in the order first met.
#[derive(Default)]
struct Strings<'a> {
    numbers: HashMap<&'a str, u32>,
    ends: Vec<u32>,
    bytes: Vec<u8>,
}

impl<'a> Strings<'a> {
    fn number(&mut self, s: &'a str) -> Result<u32, BadReply> {
        if let Some(&n) = self.numbers.get(s) {
            return Ok(n);
        }
        let n = n32(self.ends.len())?;
        self.bytes.extend_from_slice(s.as_bytes());
        self.ends.push(n32(self.bytes.len())?);
        self.numbers.insert(s, n);
        Ok(n)
    }

    fn option(&mut self, s: Option<&'a str>) -> Result<u32, BadReply> {
        s.map_or(Ok(NONE), |s| self.number(s))
    }
}

/// Where each field of a record is: the number of its `u32`, or (`*_AT`) of its byte.
mod field {
    pub const ID: usize = 0;
    pub const KIND_AT: usize = 4;
    pub const FLAGS_AT: usize = 5;
    pub const START: usize = 2;
    pub const END: usize = 3;
    pub const START_BYTE: usize = 4;
    pub const END_BYTE: usize = 5;
    /// The covered words when they are not the text's at the offsets, else `NONE`.
    pub const TEXT: usize = 6;
    pub const ATTRIBUTION: usize = 7;
    pub const SPEAKER: usize = 8;
    pub const RULE: usize = 9;
    pub const WHY: usize = 10;
    /// The cue's four offsets and its words, as the annotation's.
    pub const CUE: usize = 11;
    pub const SIGNALS_FIRST: usize = 16;
    pub const SIGNALS_COUNT: usize = 17;
    pub const SCORE_AT: usize = 72;
    pub const CONFIDENCE_AT: usize = 80;
}

/// A span's five words: code points `start..end`, their byte offsets, and the string
/// number of `covered`, or `NONE` when it is the text there (then it need not be sent).
fn span<'a>(
    text: &str,
    ix: &CharIndex,
    strings: &mut Strings<'a>,
    (start, end, covered): (usize, usize, &'a str),
) -> Result<[u32; 5], BadReply> {
    let a = ix.byte_at(start);
    let b = ix.byte_at(end).max(a);
    let words = if text.get(a..b) == Some(covered) {
        NONE
    } else {
        strings.number(covered)?
    };
    Ok([n32(start)?, n32(end)?, n32(a)?, n32(b)?, words])
}

/// One annotation's record.
fn record<'a>(
    a: &'a Annotation,
    text: &str,
    ix: &CharIndex,
    strings: &mut Strings<'a>,
    signals: &mut Vec<u32>,
) -> Result<[u8; RECORD], BadReply> {
    let mut r = [0u8; RECORD];
    let mut put = |i: usize, w: u32| r[i * 4..i * 4 + 4].copy_from_slice(&w.to_le_bytes());
    let mut flags = 0;
    let words = span(text, ix, strings, (a.start, a.end, &a.text))?;
    for (i, w) in words.into_iter().enumerate() {
        put(field::START + i, w);
    }
    if let Some(c) = &a.cue {
        flags |= CUE;
        let words = span(text, ix, strings, (c.start, c.end, &c.text))?;
        for (i, w) in words.into_iter().enumerate() {
            put(field::CUE + i, w);
        }
    }
    if let Some(list) = &a.signals {
        flags |= SIGNALS;
        put(field::SIGNALS_FIRST, n32(signals.len())?);
        put(field::SIGNALS_COUNT, n32(list.len())?);
        for s in list {
            signals.push(strings.number(s)?);
        }
    }
    put(field::ID, strings.number(&a.id)?);
    put(
        field::ATTRIBUTION,
        strings.option(a.attribution.as_deref())?,
    );
    put(field::SPEAKER, strings.option(a.speaker.as_deref())?);
    put(field::RULE, strings.option(a.rule.as_deref())?);
    put(field::WHY, strings.option(a.why.as_deref())?);
    for (flag, at, value) in [
        (SCORE, field::SCORE_AT, a.score),
        (CONFIDENCE, field::CONFIDENCE_AT, a.confidence),
    ] {
        if let Some(v) = value {
            flags |= flag;
            r[at..at + 8].copy_from_slice(&v.to_bits().to_le_bytes());
        }
    }
    if a.origin == Origin::User {
        flags |= USER;
    }
    r[field::KIND_AT] = kind_byte(a.kind);
    r[field::FLAGS_AT] = flags;
    Ok(r)
}

/// `reply` as bytes, the answer to a request for `text`.
pub fn encode(reply: &Reply, text: &str) -> Result<Vec<u8>, BadReply> {
    let ix = CharIndex::new(text);
    let mut strings = Strings::default();
    let mut signals: Vec<u32> = Vec::new();
    let mut records = Vec::with_capacity(reply.annotations.len() * RECORD);
    for a in &reply.annotations {
        records.extend_from_slice(&record(a, text, &ix, &mut strings, &mut signals)?);
    }
    let warnings = reply
        .warnings
        .iter()
        .map(|w| strings.number(w))
        .collect::<Result<Vec<u32>, _>>()?;
    let mut out = Vec::with_capacity(
        HEADER
            + 4 * strings.ends.len()
            + strings.bytes.len()
            + records.len()
            + 4 * signals.len()
            + 8 * reply.furniture.len()
            + 4 * warnings.len(),
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&reply.seq.to_le_bytes());
    for n in [
        text.len(),
        strings.ends.len(),
        strings.bytes.len(),
        reply.annotations.len(),
        signals.len(),
        reply.furniture.len(),
        warnings.len(),
    ] {
        out.extend_from_slice(&n32(n)?.to_le_bytes());
    }
    let put = |out: &mut Vec<u8>, words: &[u32]| {
        for w in words {
            out.extend_from_slice(&w.to_le_bytes());
        }
    };
    put(&mut out, &strings.ends);
    out.extend_from_slice(&strings.bytes);
    out.extend_from_slice(&records);
    put(&mut out, &signals);
    for &(s, e) in &reply.furniture {
        put(&mut out, &[n32(s)?, n32(e)?]);
    }
    put(&mut out, &warnings);
    Ok(out)
}

fn kind_byte(kind: Kind) -> u8 {
    match kind {
        Kind::Quote => 0,
        Kind::Attribution => 1,
        Kind::Claim => 2,
    }
}

/// The request number of a reply, read before anything else (a stale reply is dropped
/// without being decoded).
pub fn seq_of(bytes: &[u8]) -> Option<u64> {
    if bytes.get(..4)? != MAGIC {
        return None;
    }
    Some(u64::from_le_bytes(bytes.get(4..12)?.try_into().ok()?))
}

/// Reads the parts of a reply in order, every read checked.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], BadReply> {
        let end = self.at.checked_add(n).ok_or(BadReply("cut short"))?;
        let part = self.bytes.get(self.at..end).ok_or(BadReply("cut short"))?;
        self.at = end;
        Ok(part)
    }

    /// `count` items of `size` bytes each.
    fn items(&mut self, count: u32, size: usize) -> Result<&'b [u8], BadReply> {
        let n = (count as usize)
            .checked_mul(size)
            .ok_or(BadReply("cut short"))?;
        self.take(n)
    }

    fn u32(&mut self) -> Result<u32, BadReply> {
        Ok(word(self.take(4)?, 0))
    }
}

/// The `i`th little-endian u32 of `bytes` (which the caller has sized).
fn word(bytes: &[u8], i: usize) -> u32 {
    let mut w = [0; 4];
    w.copy_from_slice(&bytes[i * 4..i * 4 + 4]);
    u32::from_le_bytes(w)
}

fn float(bytes: &[u8], at: usize) -> f64 {
    let mut w = [0; 8];
    w.copy_from_slice(&bytes[at..at + 8]);
    f64::from_bits(u64::from_le_bytes(w))
}

/// The string table of a reply being read.
struct Table<'b> {
    ends: &'b [u8],
    text: &'b str,
}

impl<'b> Table<'b> {
    fn get(&self, n: u32) -> Result<&'b str, BadReply> {
        let n = n as usize;
        if n >= self.ends.len() / 4 {
            return Err(BadReply("no such string"));
        }
        let start = if n == 0 { 0 } else { word(self.ends, n - 1) };
        let end = word(self.ends, n);
        self.text
            .get(start as usize..end as usize)
            .ok_or(BadReply("a string out of place"))
    }

    fn option(&self, n: u32) -> Result<Option<String>, BadReply> {
        if n == NONE {
            return Ok(None);
        }
        self.get(n).map(|s| Some(s.to_string()))
    }
}

/// The words at a record's offsets: sent (`sent` names a string), or the text's bytes.
fn covered(
    table: &Table,
    text: &str,
    sent: u32,
    start_byte: u32,
    end_byte: u32,
) -> Result<String, BadReply> {
    if sent != NONE {
        return table.get(sent).map(str::to_string);
    }
    text.get(start_byte as usize..end_byte as usize)
        .map(str::to_string)
        .ok_or(BadReply("offsets outside the text"))
}

/// Read a reply to the request for `text`.
pub fn decode(bytes: &[u8], text: &str) -> Result<Reply, BadReply> {
    let seq = seq_of(bytes).ok_or(BadReply("no header"))?;
    let mut r = Reader { bytes, at: 12 };
    let text_len = r.u32()?;
    if text_len as usize != text.len() {
        return Err(BadReply("the reply is for another text"));
    }
    let [strings, string_bytes, annotations, signals, furniture, warnings] =
        [(); 6].map(|_| r.u32());
    let ends = r.items(strings?, 4)?;
    let blob = r.items(string_bytes?, 1)?;
    let table = Table {
        ends,
        text: std::str::from_utf8(blob).map_err(|_| BadReply("a string not UTF-8"))?,
    };
    let records = r.items(annotations?, RECORD)?;
    let signals = r.items(signals?, 4)?;
    let furniture = r.items(furniture?, 8)?;
    let warnings = r.items(warnings?, 4)?;
    if r.at != bytes.len() {
        return Err(BadReply("bytes after the end"));
    }
    let annotations = records
        .chunks_exact(RECORD)
        .map(|record| annotation(record, &table, text, signals))
        .collect::<Result<Vec<_>, _>>()?;
    let furniture = furniture
        .chunks_exact(8)
        .map(|b| (word(b, 0) as usize, word(b, 1) as usize))
        .collect();
    let warnings = warnings
        .chunks_exact(4)
        .map(|w| table.get(word(w, 0)).map(str::to_string))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Reply {
        seq,
        annotations,
        furniture,
        warnings,
    })
}

/// One annotation record. Not inlined: called once per annotation, it is soon compiled
/// by the browser's optimising compiler, where one long loop would stay in its
/// baseline compiler all through.
#[inline(never)]
fn annotation(
    record: &[u8],
    table: &Table,
    text: &str,
    signals: &[u8],
) -> Result<Annotation, BadReply> {
    let w = |i| word(record, i);
    let flags = record[field::FLAGS_AT];
    let kind = match record[field::KIND_AT] {
        0 => Kind::Quote,
        1 => Kind::Attribution,
        2 => Kind::Claim,
        _ => return Err(BadReply("an unknown kind")),
    };
    let cue = if flags & CUE != 0 {
        let at = |i| w(field::CUE + i);
        Some(Cue {
            start: at(0) as usize,
            end: at(1) as usize,
            text: covered(table, text, at(4), at(2), at(3))?,
        })
    } else {
        None
    };
    let signals = if flags & SIGNALS != 0 {
        let (first, count) = (w(field::SIGNALS_FIRST), w(field::SIGNALS_COUNT));
        let run = (first as usize)
            .checked_mul(4)
            .zip((count as usize).checked_mul(4))
            .and_then(|(from, n)| signals.get(from..from.checked_add(n)?))
            .ok_or(BadReply("signals out of place"))?;
        Some(
            run.chunks_exact(4)
                .map(|s| table.get(word(s, 0)).map(str::to_string))
                .collect::<Result<Vec<_>, _>>()?,
        )
    } else {
        None
    };
    let float_at = |at: usize, flag: u8| (flags & flag != 0).then(|| float(record, at));
    Ok(Annotation {
        id: table.get(w(field::ID))?.to_string(),
        kind,
        start: w(field::START) as usize,
        end: w(field::END) as usize,
        text: covered(
            table,
            text,
            w(field::TEXT),
            w(field::START_BYTE),
            w(field::END_BYTE),
        )?,
        origin: if flags & USER != 0 {
            Origin::User
        } else {
            Origin::Auto
        },
        attribution: table.option(w(field::ATTRIBUTION))?,
        speaker: table.option(w(field::SPEAKER))?,
        cue,
        score: float_at(field::SCORE_AT, SCORE),
        signals,
        rule: table.option(w(field::RULE))?.map(Into::into),
        why: table.option(w(field::WHY))?.map(Into::into),
        confidence: float_at(field::CONFIDENCE_AT, CONFIDENCE),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "😀 “We will win,” she said. Taxes rose 5% in 2023.";

    /// Every field set somewhere: a cue, signals, scores, a person's annotation, words
    /// that are not the text's, offsets past the end, shared and unusual strings.
    fn sample() -> Reply {
        let mut quote = Annotation::new("q1", Kind::Quote, TEXT, 3, 15);
        quote.attribution = Some("a1".into());
        quote.rule = Some("quote-cue-name".into());
        quote.confidence = Some(0.1 + 0.2);
        let mut attribution = Annotation::new("a1", Kind::Attribution, TEXT, 17, 20);
        attribution.speaker = Some("Ann “Annie” Berg".into());
        attribution.cue = Some(Cue {
            start: 21,
            end: 25,
            text: "said".into(),
        });
        attribution.why = Some("pronoun resolved to Ann Berg, 1 sentence back".into());
        attribution.rule = Some("quote-cue-name".into());
        let mut claim = Annotation::new("c1", Kind::Claim, TEXT, 27, 50);
        claim.score = Some(f64::MIN_POSITIVE);
        claim.signals = Some(vec!["number".into(), "year".into(), "number".into()]);
        let mut odd = Annotation::new("u1", Kind::Claim, TEXT, 0, 1);
        odd.origin = Origin::User;
        odd.text = "not the text there".into();
        odd.signals = Some(vec![]);
        let mut past = Annotation::new("a2", Kind::Attribution, TEXT, 0, 0);
        (past.start, past.end, past.text) = (400, 405, "gone".into());
        past.cue = Some(Cue {
            start: 500,
            end: 499,
            text: "x".into(),
        });
        Reply {
            seq: u64::MAX - 1,
            annotations: vec![quote, attribution, claim, odd, past],
            furniture: vec![(0, 2), (30, 31)],
            warnings: vec!["unbalanced quotation mark".into(), String::new()],
        }
    }

    #[test]
    fn a_reply_goes_round_trip_exactly() {
        let reply = sample();
        let bytes = encode(&reply, TEXT).unwrap();
        assert_eq!(seq_of(&bytes), Some(reply.seq));
        assert_eq!(decode(&bytes, TEXT), Ok(reply));
        let empty = Reply {
            seq: 0,
            annotations: vec![],
            furniture: vec![],
            warnings: vec![],
        };
        assert_eq!(decode(&encode(&empty, "").unwrap(), ""), Ok(empty));
    }

    #[test]
    fn words_of_the_text_are_not_sent_and_shared_strings_are_sent_once() {
        let bytes = encode(&sample(), TEXT).unwrap();
        let count = |s: &str| {
            bytes
                .windows(s.len())
                .filter(|w| *w == s.as_bytes())
                .count()
        };
        assert_eq!(count("We will win"), 0, "sliced from the page's text");
        assert_eq!(count("said"), 0, "a cue's words too");
        assert_eq!(count("not the text there"), 1, "other words are sent");
        assert_eq!(count("quote-cue-name"), 1);
        assert_eq!(count("number"), 1);
    }

    #[test]
    fn a_reply_read_for_another_text_is_refused() {
        let bytes = encode(&sample(), TEXT).unwrap();
        let longer = format!("{TEXT} More.");
        assert_eq!(
            decode(&bytes, &longer),
            Err(BadReply("the reply is for another text"))
        );
    }

    #[test]
    fn anything_else_is_an_error_not_a_panic() {
        assert_eq!(seq_of(b"ready"), None);
        for junk in [
            &b""[..],
            b"ready",
            b"QLr1",
            b"QLr2\0\0\0\0\0\0\0\0",
            &[0xff; 64],
        ] {
            assert!(decode(junk, TEXT).is_err(), "{junk:?}");
        }
        let bytes = encode(&sample(), TEXT).unwrap();
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut], TEXT).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer, TEXT), Err(BadReply("bytes after the end")));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Damaged bytes (a few set at random) decode to an error or to some reply,
        /// never a panic.
        #[test]
        fn damaged_bytes_never_panic(damage in proptest::collection::vec((0usize..4096, proptest::num::u8::ANY), 1..6)) {
            let mut bytes = encode(&sample(), TEXT).unwrap();
            for (at, value) in damage {
                let n = bytes.len();
                bytes[at % n] = value;
            }
            let _ = decode(&bytes, TEXT);
        }
    }
}
