//! Reading `quotelens/1` JSON from outside: the one validation the command line and the
//! app's import share.
//!
//! The JSON is walked by hand rather than through serde's derive so that the first
//! problem is reported with its JSON path (`annotations[3].end: ...`), which is what a
//! person needs to fix a file. Nesting deeper than serde_json's recursion limit (128) is
//! refused by the parser with an error, never a stack overflow.

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value};

use super::{Annotation, Cue, Document, Kind, Origin, Region, FORMAT};

/// The first problem found in an input, with the JSON path where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// `annotations[3].end`; empty for problems with the whole input (bad JSON).
    pub path: String,
    pub message: String,
}

impl Invalid {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Invalid {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Invalid {}

/// Parse and validate `quotelens/1` JSON (a leading UTF-8 byte order mark is allowed).
pub fn document_from_json(json: &str) -> Result<Document, Invalid> {
    document_from_value(&parse_json(json)?)
}

/// Parse JSON text (after a byte order mark, if any) with a message for people.
pub fn parse_json(json: &str) -> Result<Value, Invalid> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    serde_json::from_str(json).map_err(|e| {
        let what = if e.to_string().contains("recursion limit") {
            "nested too deeply".to_string()
        } else {
            e.to_string()
        };
        Invalid::new("", format!("not valid JSON ({what})"))
    })
}

/// Validate an already parsed JSON value as a `quotelens/1` document.
pub fn document_from_value(value: &Value) -> Result<Document, Invalid> {
    let root = value.as_object().ok_or_else(|| {
        Invalid::new(
            "",
            format!(
                "expected a JSON object with \"format\": \"{FORMAT}\", found {}",
                type_name(value)
            ),
        )
    })?;
    let format = match root.get("format") {
        None => {
            return Err(Invalid::new(
                "format",
                format!("missing (expected \"{FORMAT}\")"),
            ))
        }
        Some(Value::String(s)) => s,
        Some(v) => {
            return Err(Invalid::new(
                "format",
                format!("expected the string \"{FORMAT}\", found {}", type_name(v)),
            ))
        }
    };
    check_format(format)?;
    let text = string_field(root, "text", "text")?;
    let list = match root.get("annotations") {
        None => {
            return Err(Invalid::new(
                "annotations",
                "missing (expected a list, which may be empty)",
            ))
        }
        Some(Value::Array(list)) => list,
        Some(v) => {
            return Err(Invalid::new(
                "annotations",
                format!("expected a list, found {}", type_name(v)),
            ))
        }
    };
    let mut checker = Checker::new(&text, list.len());
    let article = match optional(root, "article") {
        None => Vec::new(),
        Some(Value::Array(regions)) => regions
            .iter()
            .enumerate()
            .map(|(i, v)| region(v, &format!("article[{i}]")))
            .collect::<Result<Vec<_>, _>>()?,
        Some(v) => {
            return Err(Invalid::new(
                "article",
                format!("expected a list of regions, found {}", type_name(v)),
            ))
        }
    };
    checker.check_article(&article)?;
    let mut annotations = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        let a = annotation(v, &format!("annotations[{i}]"))?;
        checker.check(i, &a)?;
        checker.check_inside_article(i, &a, &article)?;
        annotations.push(a);
    }
    checker.check_links(&annotations)?;
    Ok(Document {
        format: format.clone(),
        text,
        article,
        annotations,
    })
}

fn check_format(format: &str) -> Result<(), Invalid> {
    if format == FORMAT {
        return Ok(());
    }
    let newer = format
        .strip_prefix("quotelens/")
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|v| v > 1);
    let message = if newer {
        format!(
            "\"{}\" is a newer version than this QuoteLens reads (\"{FORMAT}\")",
            clip(format)
        )
    } else {
        format!(
            "\"{}\" is not a QuoteLens format (expected \"{FORMAT}\")",
            clip(format)
        )
    };
    Err(Invalid::new("format", message))
}

/// The checks that typed values cannot express: offsets inside the text, text matching its
/// offsets, unique ids, attribution links that resolve. Other importers call this too.
pub fn validate(doc: &Document) -> Result<(), Invalid> {
    check_format(&doc.format)?;
    let mut checker = Checker::new(&doc.text, doc.annotations.len());
    checker.check_article(&doc.article)?;
    for (i, a) in doc.annotations.iter().enumerate() {
        checker.check(i, a)?;
        checker.check_inside_article(i, a, &doc.article)?;
    }
    checker.check_links(&doc.annotations)
}

/// Checks annotations one by one, in document order, so the first problem is reported first.
struct Checker<'t> {
    text: &'t str,
    len: usize,
    /// Byte offset of every code point: checking every span's text stays linear.
    index: super::offsets::CharIndex,
    ids: HashMap<String, usize>,
}

impl<'t> Checker<'t> {
    fn new(text: &'t str, capacity: usize) -> Self {
        let index = super::offsets::CharIndex::new(text);
        Checker {
            text,
            len: index.len_chars(),
            index,
            ids: HashMap::with_capacity(capacity),
        }
    }

    fn check(&mut self, i: usize, a: &Annotation) -> Result<(), Invalid> {
        let at = format!("annotations[{i}]");
        if a.id.is_empty() {
            return Err(Invalid::new(format!("{at}.id"), "must not be empty"));
        }
        if let Some(first) = self.ids.get(&a.id) {
            return Err(Invalid::new(
                format!("{at}.id"),
                format!(
                    "\"{}\" is already used by annotations[{first}]",
                    clip(&a.id)
                ),
            ));
        }
        self.ids.insert(a.id.clone(), i);
        self.check_span(&at, a.start, a.end, &a.text)?;
        if let Some(cue) = &a.cue {
            self.check_span(&format!("{at}.cue"), cue.start, cue.end, &cue.text)?;
        }
        if let Some(score) = a.score {
            if !(0.0..=1.0).contains(&score) {
                return Err(Invalid::new(
                    format!("{at}.score"),
                    format!("{} is outside 0..1", number_text(score)),
                ));
            }
        }
        if let Some(confidence) = a.confidence {
            if !(0.0..=1.0).contains(&confidence) {
                return Err(Invalid::new(
                    format!("{at}.confidence"),
                    format!("{} is outside 0..1", number_text(confidence)),
                ));
            }
        }
        Ok(())
    }

    fn check_span(&self, at: &str, start: usize, end: usize, text: &str) -> Result<(), Invalid> {
        let len = self.len;
        if start > len {
            return Err(Invalid::new(
                format!("{at}.start"),
                format!("{start} is past the end of the text ({len} code points)"),
            ));
        }
        if end > len {
            return Err(Invalid::new(
                format!("{at}.end"),
                format!("{end} is past the end of the text ({len} code points)"),
            ));
        }
        if start > end {
            return Err(Invalid::new(
                format!("{at}.end"),
                format!("{end} is before start {start}"),
            ));
        }
        let actual = &self.text[self.index.byte_at(start)..self.index.byte_at(end)];
        if actual != text {
            return Err(Invalid::new(
                format!("{at}.text"),
                format!(
                    "\"{}\" does not match the text at {start}..{end} (\"{}\")",
                    clip(text),
                    clip(actual)
                ),
            ));
        }
        Ok(())
    }

    /// Article regions lie in the text, sorted and apart.
    fn check_article(&self, regions: &[Region]) -> Result<(), Invalid> {
        let mut after = 0;
        for (i, r) in regions.iter().enumerate() {
            let at = format!("article[{i}]");
            if r.end > self.len {
                return Err(Invalid::new(
                    format!("{at}.end"),
                    format!(
                        "{} is past the end of the text ({} code points)",
                        r.end, self.len
                    ),
                ));
            }
            if r.start >= r.end {
                return Err(Invalid::new(
                    format!("{at}.end"),
                    format!("{} is not after start {}", r.end, r.start),
                ));
            }
            if r.start < after {
                return Err(Invalid::new(
                    format!("{at}.start"),
                    format!(
                        "{} overlaps or precedes the region before it (which ends at {after})",
                        r.start
                    ),
                ));
            }
            after = r.end;
        }
        Ok(())
    }

    /// With article regions, quotes and claims lie inside one of them.
    fn check_inside_article(
        &self,
        i: usize,
        a: &Annotation,
        regions: &[Region],
    ) -> Result<(), Invalid> {
        if regions.is_empty() || a.kind == Kind::Attribution {
            return Ok(());
        }
        let k = regions.partition_point(|r| r.end < a.end);
        if regions
            .get(k)
            .is_some_and(|r| r.start <= a.start && a.end <= r.end)
        {
            return Ok(());
        }
        Err(Invalid::new(
            format!("annotations[{i}]"),
            format!(
                "this {} at {}..{} lies outside the article regions (in page furniture)",
                a.kind.as_str(),
                a.start,
                a.end
            ),
        ))
    }

    /// Links are checked last: a quote may come before the attribution it names.
    fn check_links(&self, annotations: &[Annotation]) -> Result<(), Invalid> {
        for (i, a) in annotations.iter().enumerate() {
            let Some(target) = &a.attribution else {
                continue;
            };
            let path = format!("annotations[{i}].attribution");
            match self.ids.get(target.as_str()) {
                None => {
                    return Err(Invalid::new(
                        path,
                        format!("\"{}\" is not the id of any annotation", clip(target)),
                    ))
                }
                Some(&j) if annotations[j].kind != Kind::Attribution => {
                    let kind = annotations[j].kind.as_str();
                    return Err(Invalid::new(
                        path,
                        format!(
                            "\"{}\" is annotations[{j}], a {kind}, not an attribution",
                            clip(target)
                        ),
                    ));
                }
                Some(_) if a.kind == Kind::Attribution => {
                    return Err(Invalid::new(
                        path,
                        "an attribution cannot link to an attribution (only quotes and claims do)",
                    ))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

fn annotation(v: &Value, at: &str) -> Result<Annotation, Invalid> {
    let o = v
        .as_object()
        .ok_or_else(|| Invalid::new(at, format!("expected an object, found {}", type_name(v))))?;
    // Read in this order, so the first problem named is always the same.
    let kind = kind_field(o, at)?;
    let origin = origin_field(o, at)?;
    let cue = cue_field(o, at)?;
    let score = optional_number(o, "score", at)?;
    let confidence = optional_number(o, "confidence", at)?;
    let signals = signals_field(o, at)?;
    Ok(Annotation {
        id: string_field(o, "id", &format!("{at}.id"))?,
        kind,
        start: offset(o, "start", at)?,
        end: offset(o, "end", at)?,
        text: string_field(o, "text", &format!("{at}.text"))?,
        origin,
        attribution: optional_string(o, "attribution", at)?,
        speaker: optional_string(o, "speaker", at)?,
        cue,
        score,
        signals,
        rule: optional_string(o, "rule", at)?.map(Into::into),
        why: optional_string(o, "why", at)?.map(Into::into),
        confidence,
    })
}

/// An annotation's `kind`: required, one of the three.
fn kind_field(o: &Map<String, Value>, at: &str) -> Result<Kind, Invalid> {
    match o.get("kind") {
        None => Err(Invalid::new(
            format!("{at}.kind"),
            "missing (expected \"quote\", \"attribution\" or \"claim\")",
        )),
        Some(Value::String(s)) => {
            Kind::ALL
                .into_iter()
                .find(|k| k.as_str() == s)
                .ok_or_else(|| {
                    Invalid::new(
                        format!("{at}.kind"),
                        format!(
                            "\"{}\" is not \"quote\", \"attribution\" or \"claim\"",
                            clip(s)
                        ),
                    )
                })
        }
        Some(v) => Err(Invalid::new(
            format!("{at}.kind"),
            format!("expected a string, found {}", type_name(v)),
        )),
    }
}

/// An annotation's `origin`: `auto` when it is not given.
fn origin_field(o: &Map<String, Value>, at: &str) -> Result<Origin, Invalid> {
    match o.get("origin") {
        None => Ok(Origin::Auto),
        Some(Value::String(s)) if s == "auto" => Ok(Origin::Auto),
        Some(Value::String(s)) if s == "user" => Ok(Origin::User),
        Some(Value::String(s)) => Err(Invalid::new(
            format!("{at}.origin"),
            format!("\"{}\" is not \"auto\" or \"user\"", clip(s)),
        )),
        Some(v) => Err(Invalid::new(
            format!("{at}.origin"),
            format!("expected a string, found {}", type_name(v)),
        )),
    }
}

/// An annotation's optional `cue`: `{"start", "end", "text"}`.
fn cue_field(o: &Map<String, Value>, at: &str) -> Result<Option<Cue>, Invalid> {
    let Some(v) = optional(o, "cue") else {
        return Ok(None);
    };
    let path = format!("{at}.cue");
    let c = v.as_object().ok_or_else(|| {
        Invalid::new(&path, format!("expected an object, found {}", type_name(v)))
    })?;
    Ok(Some(Cue {
        start: offset(c, "start", &path)?,
        end: offset(c, "end", &path)?,
        text: string_field(c, "text", &format!("{path}.text"))?,
    }))
}

/// An optional number field (`score`, `confidence`).
fn optional_number(o: &Map<String, Value>, key: &str, at: &str) -> Result<Option<f64>, Invalid> {
    match optional(o, key) {
        None => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(v) => Err(Invalid::new(
            format!("{at}.{key}"),
            format!("expected a number, found {}", type_name(v)),
        )),
    }
}

/// An annotation's optional `signals`: a list of strings.
fn signals_field(o: &Map<String, Value>, at: &str) -> Result<Option<Vec<String>>, Invalid> {
    match optional(o, "signals") {
        None => Ok(None),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, s)| {
                s.as_str().map(str::to_string).ok_or_else(|| {
                    Invalid::new(
                        format!("{at}.signals[{i}]"),
                        format!("expected a string, found {}", type_name(s)),
                    )
                })
            })
            .collect::<Result<_, _>>()
            .map(Some),
        Some(v) => Err(Invalid::new(
            format!("{at}.signals"),
            format!("expected a list, found {}", type_name(v)),
        )),
    }
}

/// One article region: `{"start": .., "end": ..}`.
fn region(v: &Value, at: &str) -> Result<Region, Invalid> {
    let o = v.as_object().ok_or_else(|| {
        Invalid::new(
            at,
            format!(
                "expected an object with start and end, found {}",
                type_name(v)
            ),
        )
    })?;
    Ok(Region {
        start: offset(o, "start", at)?,
        end: offset(o, "end", at)?,
    })
}

/// A field that may be absent or null.
fn optional<'v>(o: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    o.get(key).filter(|v| !v.is_null())
}

fn optional_string(o: &Map<String, Value>, key: &str, at: &str) -> Result<Option<String>, Invalid> {
    match optional(o, key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(Invalid::new(
            format!("{at}.{key}"),
            format!("expected a string, found {}", type_name(v)),
        )),
    }
}

fn string_field(o: &Map<String, Value>, key: &str, path: &str) -> Result<String, Invalid> {
    match o.get(key) {
        None => Err(Invalid::new(path, "missing (expected a string)")),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(v) => Err(Invalid::new(
            path,
            format!("expected a string, found {}", type_name(v)),
        )),
    }
}

/// A code-point offset: a whole number from 0 up (the text length is checked later).
fn offset(o: &Map<String, Value>, key: &str, at: &str) -> Result<usize, Invalid> {
    let path = format!("{at}.{key}");
    let n = match o.get(key) {
        None => return Err(Invalid::new(path, "missing (expected a code-point offset)")),
        Some(Value::Number(n)) => n,
        Some(v) => {
            return Err(Invalid::new(
                path,
                format!("expected a whole number, found {}", type_name(v)),
            ))
        }
    };
    let too_large = || Invalid::new(&path, format!("{n} is too large for an offset"));
    if let Some(u) = n.as_u64() {
        return usize::try_from(u).map_err(|_| too_large());
    }
    match n.as_f64() {
        Some(f) if f < 0.0 => Err(Invalid::new(
            &path,
            format!("{n} is negative (offsets count code points from 0)"),
        )),
        Some(f) if f.fract() != 0.0 => {
            Err(Invalid::new(&path, format!("{n} is not a whole number")))
        }
        // JSON Schema's "integer" includes 3.0; anything past 2^53 has lost precision.
        Some(f) if f <= 9_007_199_254_740_992.0 => {
            usize::try_from(f as u64).map_err(|_| too_large())
        }
        _ => Err(too_large()),
    }
}

pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A number as JSON writes it (shortest text that reads back the same). Shared by the
/// formats so that Wasm carries one float printer (serde_json's), not two.
pub(crate) fn number_text(f: f64) -> String {
    serde_json::Number::from_f64(f).map_or_else(|| "NaN".to_string(), |n| n.to_string())
}

/// Quote user data in messages without flooding the screen.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}
