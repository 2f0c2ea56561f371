//! W3C Web Annotation Data Model (JSON-LD): an `AnnotationCollection` whose first page
//! embeds one `Annotation` per quote, attribution and claim.
//!
//! Each target carries a `TextQuoteSelector` (exact, prefix, suffix) and a
//! `TextPositionSelector`, whose offsets the W3C model defines in code points, as ours are.
//! Bodies tag the kind (`tagging`), the speaker (`identifying`), the cue (a `describing`
//! SpecificResource with `styleClass` "cue"), a claim's score (`assessing`) and signals
//! (`classifying`); a quote or claim links to its attribution with a `linking` body.
//! The article text travels in the collection's `quotelens:text`; an automatic
//! annotation's provenance in `quotelens:rule`, `quotelens:why` and `quotelens:confidence`.

use serde_json::{Map, Value};

use super::annotation_at;
use crate::model::offsets::CharIndex;
use crate::model::validate::{clip, number_text, parse_json, type_name, validate};
use crate::model::{Annotation, Cue, Document, Invalid, Kind, Origin};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Where the collection keeps the article text (an absolute IRI term in JSON-LD).
pub const TEXT_KEY: &str = "quotelens:text";
/// Where an annotation keeps its rule, speaker explanation and confidence.
pub const RULE_KEY: &str = "quotelens:rule";
pub const WHY_KEY: &str = "quotelens:why";
pub const CONFIDENCE_KEY: &str = "quotelens:confidence";
/// Code points of context kept in a TextQuoteSelector's prefix and suffix.
pub const CONTEXT_CHARS: usize = 32;

/// The W3C JSON-LD of `doc`, pretty printed with a trailing newline.
pub fn to_string(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(doc)).expect("JSON values always serialize");
    s.push('\n');
    s
}

pub fn to_value(doc: &Document) -> Value {
    let base = format!("urn:quotelens:{:016x}", fnv1a(doc.text.as_bytes()));
    let writer = Writer {
        source: format!("{base}:text"),
        base,
        text: &doc.text,
        index: CharIndex::new(&doc.text),
    };
    let items: Vec<Value> = doc.annotations.iter().map(|a| writer.item(a)).collect();
    let page = obj(vec![
        ("id", format!("{}:page1", writer.base).into()),
        ("type", "AnnotationPage".into()),
        ("startIndex", 0.into()),
        ("items", items.into()),
    ]);
    obj(vec![
        ("@context", CONTEXT.into()),
        ("id", writer.base.as_str().into()),
        ("type", "AnnotationCollection".into()),
        ("label", "QuoteLens annotations".into()),
        ("total", doc.annotations.len().into()),
        (TEXT_KEY, doc.text.as_str().into()),
        ("first", page),
    ])
}

/// What every annotation of one document is written with: the IRIs named after its text
/// (`base`, and `source` for the text itself) and the text to quote selectors from.
struct Writer<'d> {
    base: String,
    source: String,
    text: &'d str,
    index: CharIndex,
}

impl Writer<'_> {
    /// One annotation: its id, kind, bodies, target, provenance, and "QuoteLens" as the
    /// creator of an automatic one (which is how `from_value` tells them apart).
    fn item(&self, a: &Annotation) -> Value {
        let target = obj(vec![
            ("source", self.source.as_str().into()),
            ("styleClass", a.kind.as_str().into()),
            ("selector", self.selectors(a.start, a.end)),
        ]);
        let mut item = vec![
            ("id", iri(&self.base, &a.id).into()),
            ("type", "Annotation".into()),
            ("motivation", "tagging".into()),
            ("body", self.bodies(a).into()),
            ("target", target),
        ];
        if let Some(rule) = &a.rule {
            item.push((RULE_KEY, rule.as_ref().into()));
        }
        if let Some(why) = &a.why {
            item.push((WHY_KEY, why.as_ref().into()));
        }
        if let Some(confidence) = a.confidence {
            item.push((CONFIDENCE_KEY, confidence.into()));
        }
        if a.origin == Origin::Auto {
            item.push((
                "creator",
                obj(vec![
                    ("type", "Software".into()),
                    ("name", "QuoteLens".into()),
                ]),
            ));
        }
        obj(item)
    }

    /// The bodies, in a fixed order: kind, link to the attribution, speaker, cue, score,
    /// signals.
    fn bodies(&self, a: &Annotation) -> Vec<Value> {
        let mut body = vec![textual("tagging", a.kind.as_str().into())];
        if let Some(target) = &a.attribution {
            body.push(obj(vec![
                ("type", "SpecificResource".into()),
                ("purpose", "linking".into()),
                ("source", iri(&self.base, target).into()),
            ]));
        }
        if let Some(speaker) = &a.speaker {
            body.push(textual("identifying", speaker.as_str().into()));
        }
        if let Some(cue) = &a.cue {
            body.push(obj(vec![
                ("type", "SpecificResource".into()),
                ("purpose", "describing".into()),
                ("styleClass", "cue".into()),
                ("source", self.source.as_str().into()),
                ("selector", self.selectors(cue.start, cue.end)),
            ]));
        }
        if let Some(score) = a.score {
            body.push(textual("assessing", number_text(score).into()));
        }
        for signal in a.signals.iter().flatten() {
            body.push(textual("classifying", signal.as_str().into()));
        }
        body
    }

    /// Both selectors of the code points `[start, end)`: the quote with its context, and
    /// the position.
    fn selectors(&self, start: usize, end: usize) -> Value {
        Value::Array(vec![
            obj(vec![
                ("type", "TextQuoteSelector".into()),
                ("exact", self.slice(start, end)),
                (
                    "prefix",
                    self.slice(start.saturating_sub(CONTEXT_CHARS), start),
                ),
                ("suffix", self.slice(end, end + CONTEXT_CHARS)),
            ]),
            obj(vec![
                ("type", "TextPositionSelector".into()),
                ("start", start.into()),
                ("end", end.into()),
            ]),
        ])
    }

    /// The text's code points `[start, end)` (clamped to its end by `CharIndex`).
    fn slice(&self, start: usize, end: usize) -> Value {
        Value::from(&self.text[self.index.byte_at(start)..self.index.byte_at(end)])
    }
}

fn textual(purpose: &str, value: Value) -> Value {
    obj(vec![
        ("type", "TextualBody".into()),
        ("purpose", purpose.into()),
        ("value", value),
    ])
}

/// A JSON object from pairs (lighter in Wasm than `json!`, which serializes each value).
fn obj(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// Whether a JSON value is Web Annotation JSON-LD rather than `quotelens/1`.
pub fn looks_like(value: &Value) -> bool {
    let is_anno_type = |v: &Value| {
        matches!(
            v.as_str(),
            Some("AnnotationCollection" | "AnnotationPage" | "Annotation")
        )
    };
    match value {
        Value::Object(o) => o.contains_key("@context") || o.get("type").is_some_and(is_anno_type),
        Value::Array(items) => items.first().is_some_and(looks_like),
        _ => false,
    }
}

/// Read W3C annotations: a collection (first page embedded), a page, one annotation or a
/// list of them, with the text in `quotelens:text`.
pub fn from_str(json: &str) -> Result<Document, Invalid> {
    from_value(&parse_json(json)?)
}

pub fn from_value(value: &Value) -> Result<Document, Invalid> {
    let (items, items_path, text) = locate(value)?;
    let reader = Reader {
        text,
        index: CharIndex::new(text),
        base: value
            .get("id")
            .and_then(Value::as_str)
            .map(|b| format!("{b}:")),
    };
    let annotations = items
        .iter()
        .enumerate()
        .map(|(i, item)| reader.annotation(item, i, &format!("{items_path}[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let doc = Document::new(text, annotations);
    validate(&doc).map_err(|e| {
        Invalid::new(
            e.path,
            format!("{} (after reading the W3C annotations)", e.message),
        )
    })?;
    Ok(doc)
}

/// What every annotation of one collection is read against: the text, and the
/// collection's IRI (`base`), whose annotations' ids are read back without it.
struct Reader<'t> {
    text: &'t str,
    index: CharIndex,
    base: Option<String>,
}

impl Reader<'_> {
    /// Our id of an IRI: the part after the collection's IRI, percent-decoded; an IRI
    /// from elsewhere is kept whole.
    fn local_id(&self, iri: &str) -> String {
        match self.base.as_deref().and_then(|b| iri.strip_prefix(b)) {
            Some(rest) => percent_decode(rest),
            None => iri.to_string(),
        }
    }

    /// The `i`th annotation, at JSON path `at`: its id (made up when absent), its
    /// target's span, its origin and provenance, then its bodies.
    fn annotation(&self, item: &Value, i: usize, at: &str) -> Result<Annotation, Invalid> {
        let o = object(item, at)?;
        let id = match o.get("id") {
            Some(Value::String(s)) => self.local_id(s),
            None => format!("w{}", i + 1),
            Some(v) => {
                return Err(Invalid::new(
                    format!("{at}.id"),
                    format!("expected an IRI string, found {}", type_name(v)),
                ))
            }
        };
        let target_path = format!("{at}.target");
        let target = o
            .get("target")
            .ok_or_else(|| Invalid::new(&target_path, "missing"))?;
        let target = match target {
            Value::Array(list) => list
                .first()
                .ok_or_else(|| Invalid::new(&target_path, "is an empty list"))?,
            t => t,
        };
        let (start, end) = span(target, &target_path, self.text, &self.index)?;
        let mut a = annotation_at(&self.index, self.text, id, Kind::Quote, start, end);
        a.origin = match o.get("creator") {
            Some(c) if c.get("name").and_then(Value::as_str) == Some("QuoteLens") => Origin::Auto,
            _ => Origin::User,
        };
        let text_of = |key: &str| o.get(key).and_then(Value::as_str).map(str::to_string);
        a.rule = text_of(RULE_KEY).map(Into::into);
        a.why = text_of(WHY_KEY).map(Into::into);
        a.confidence = match o.get(CONFIDENCE_KEY) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => n.as_f64(),
            Some(v) => {
                return Err(Invalid::new(
                    format!("{at}.{CONFIDENCE_KEY}"),
                    format!("expected a number, found {}", type_name(v)),
                ))
            }
        };
        let bodies: Vec<&Value> = match o.get("body") {
            None => vec![],
            Some(Value::Array(list)) => list.iter().collect(),
            Some(b) => vec![b],
        };
        for (j, b) in bodies.into_iter().enumerate() {
            self.read_body(&mut a, b, &format!("{at}.body[{j}]"))?;
        }
        Ok(a)
    }

    /// One body into `a`, by its purpose; bodies of other purposes, and values that are
    /// not ours (an unknown kind, a score in words), are passed over.
    fn read_body(&self, a: &mut Annotation, b: &Value, at: &str) -> Result<(), Invalid> {
        let purpose = b.get("purpose").and_then(Value::as_str).unwrap_or("");
        let value = b.get("value").and_then(Value::as_str);
        match (purpose, value) {
            ("tagging", Some(v)) => {
                if let Some(kind) = Kind::ALL.into_iter().find(|k| k.as_str() == v) {
                    a.kind = kind;
                }
            }
            ("identifying", Some(v)) => a.speaker = Some(v.to_string()),
            // A number is a claim's score; other tools' assessments in words are not ours.
            ("assessing", Some(v)) => {
                a.score = serde_json::from_str::<f64>(v.trim()).ok().or(a.score)
            }
            ("classifying", Some(v)) => a.signals.get_or_insert_with(Vec::new).push(v.to_string()),
            ("linking", _) => {
                let src = b.get("source").and_then(Value::as_str).ok_or_else(|| {
                    Invalid::new(
                        format!("{at}.source"),
                        "missing (the IRI of the attribution)",
                    )
                })?;
                a.attribution = Some(self.local_id(src));
            }
            ("describing", None) if b.get("styleClass").and_then(Value::as_str) == Some("cue") => {
                let (start, end) = span(b, at, self.text, &self.index)?;
                let text =
                    self.text[self.index.byte_at(start)..self.index.byte_at(end)].to_string();
                a.cue = Some(Cue { start, end, text });
            }
            _ => {}
        }
        Ok(())
    }
}

/// The annotation list, its JSON path, and the text.
fn locate(value: &Value) -> Result<(&[Value], String, &str), Invalid> {
    if value.is_array() {
        return Err(Invalid::new("", "a bare list of annotations has no text; QuoteLens reads a collection with quotelens:text"));
    }
    let text = value.get(TEXT_KEY).and_then(Value::as_str).ok_or_else(|| {
        Invalid::new(TEXT_KEY, "missing: QuoteLens needs the article text beside the annotations (W3C files QuoteLens writes carry it)")
    })?;
    let ty = value.get("type").and_then(Value::as_str);
    let (items, path) = match ty {
        Some("AnnotationCollection") => {
            let first = value
                .get("first")
                .ok_or_else(|| Invalid::new("first", "missing (the embedded AnnotationPage)"))?;
            (first.get("items"), "first.items")
        }
        Some("AnnotationPage") => (value.get("items"), "items"),
        Some("Annotation") => return Ok((std::slice::from_ref(value), String::new(), text)),
        _ => {
            return Err(Invalid::new(
                "type",
                "expected \"AnnotationCollection\", \"AnnotationPage\" or \"Annotation\"",
            ))
        }
    };
    match items {
        Some(Value::Array(list)) => Ok((list.as_slice(), path.to_string(), text)),
        Some(v) => Err(Invalid::new(
            path,
            format!("expected a list, found {}", type_name(v)),
        )),
        None if path == "first.items" && value.get("first").is_some_and(Value::is_string) => {
            Err(Invalid::new(
                "first",
                "is a link to a page; QuoteLens reads collections whose first page is embedded",
            ))
        }
        None => Err(Invalid::new(path, "missing")),
    }
}

/// A target's (or cue body's) span: the TextPositionSelector when it agrees with the
/// TextQuoteSelector, else where the quote is found (other tools count differently).
fn span(
    target: &Value,
    at: &str,
    text: &str,
    index: &CharIndex,
) -> Result<(usize, usize), Invalid> {
    let selectors: Vec<&Value> = match target.get("selector") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(s) => vec![s],
        None => {
            return Err(Invalid::new(
                format!("{at}.selector"),
                "missing (a TextPositionSelector or TextQuoteSelector)",
            ))
        }
    };
    let of_type = |t: &str| {
        selectors
            .iter()
            .position(|s| s.get("type").and_then(Value::as_str) == Some(t))
    };
    let position = match of_type("TextPositionSelector") {
        None => None,
        Some(k) => Some(position_span(
            selectors[k],
            &format!("{at}.selector[{k}]"),
            index.len_chars(),
        )?),
    };
    let Some(k) = of_type("TextQuoteSelector") else {
        return position.ok_or_else(|| {
            Invalid::new(
                format!("{at}.selector"),
                "has neither a TextPositionSelector nor a TextQuoteSelector",
            )
        });
    };
    quote_span(
        selectors[k],
        &format!("{at}.selector[{k}]"),
        text,
        index,
        position,
    )
}

/// A TextPositionSelector's `[start, end)`, checked to be whole code-point offsets
/// within a text of `len` code points, in order.
fn position_span(selector: &Value, at: &str, len: usize) -> Result<(usize, usize), Invalid> {
    let num = |key: &str| -> Result<usize, Invalid> {
        let v = selector
            .get(key)
            .ok_or_else(|| Invalid::new(format!("{at}.{key}"), "missing"))?;
        let n = v.as_u64().ok_or_else(|| {
            Invalid::new(
                format!("{at}.{key}"),
                format!(
                    "{} is not a code-point offset (a whole number from 0)",
                    clip(&v.to_string())
                ),
            )
        })?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= len)
            .ok_or_else(|| {
                Invalid::new(
                    format!("{at}.{key}"),
                    format!("{n} is past the end of the text ({len} code points)"),
                )
            })
    };
    let (start, end) = (num("start")?, num("end")?);
    if start > end {
        return Err(Invalid::new(
            format!("{at}.end"),
            format!("{end} is before start {start}"),
        ));
    }
    Ok((start, end))
}

/// A TextQuoteSelector's span: `position` when the text there is its `exact`, else the
/// occurrence of `exact` that best fits its prefix and suffix, nearest `position`.
fn quote_span(
    selector: &Value,
    at: &str,
    text: &str,
    index: &CharIndex,
    position: Option<(usize, usize)>,
) -> Result<(usize, usize), Invalid> {
    let field = |key: &str| selector.get(key).and_then(Value::as_str).unwrap_or("");
    let exact = selector
        .get("exact")
        .and_then(Value::as_str)
        .ok_or_else(|| Invalid::new(format!("{at}.exact"), "missing (the quoted text)"))?;
    if let Some((s, e)) = position {
        if &text[index.byte_at(s)..index.byte_at(e)] == exact {
            return Ok((s, e));
        }
    }
    find_quote(
        text,
        index,
        exact,
        field("prefix"),
        field("suffix"),
        position.map(|p| p.0),
    )
    .ok_or_else(|| {
        Invalid::new(
            format!("{at}.exact"),
            format!("\"{}\" does not occur in the text", clip(exact)),
        )
    })
}

/// The occurrence of `exact` whose surroundings best match prefix and suffix (ties: the
/// one nearest `near`, then the first).
fn find_quote(
    text: &str,
    index: &CharIndex,
    exact: &str,
    prefix: &str,
    suffix: &str,
    near: Option<usize>,
) -> Option<(usize, usize)> {
    let exact_chars = exact.chars().count();
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, start)
    let mut from = 0;
    while let Some(found) = text[from..].find(exact) {
        let b = from + found;
        let before = &text[..b];
        let after = &text[b + exact.len()..];
        let score = common_suffix(before, prefix) + common_prefix(after, suffix);
        let start = index.char_at(b);
        let distance = near.map_or(0, |n| n.abs_diff(start));
        if best.is_none_or(|(bs, bd, _)| score > bs || (score == bs && distance < bd)) {
            best = Some((score, distance, start));
        }
        // Step one char forward: occurrences may overlap.
        from = b + text[b..].chars().next().map_or(1, char::len_utf8);
        if exact.is_empty() && from > text.len() {
            break;
        }
    }
    best.map(|(_, _, s)| (s, s + exact_chars))
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn object<'v>(v: &'v Value, at: &str) -> Result<&'v Map<String, Value>, Invalid> {
    v.as_object()
        .ok_or_else(|| Invalid::new(at, "expected an annotation object"))
}

fn iri(base: &str, id: &str) -> String {
    format!("{base}:{}", percent_encode(id))
}

/// Ids may hold any character; IRIs may not: keep RFC 3986 unreserved bytes, escape the rest.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A stable name for a text (FNV-1a, 64 bits): the same article gets the same IRIs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
