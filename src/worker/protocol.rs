//! The messages between the page and the analysis worker, as JSON strings.
//!
//! The page numbers its requests (`seq`) and keeps each request's text itself, so a reply
//! carries no copy of the text back, not even the words each annotation covers (the page
//! cuts them out of its text, `ReplyMessage::into_reply`); a reply whose `seq` is not the
//! latest request is stale (the text changed since) and is dropped by the page before it
//! builds anything from it.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::edit::ArticleSetting;
use crate::engine::Options;
use crate::model::offsets::CharIndex;
use crate::model::{Annotation, Cue, Kind, Origin};

/// The worker's first message: it listens from now on, and has warmed up (see
/// `warm_up`). Messages posted to a worker before its Wasm has started would be lost,
/// so the page waits for this.
pub const READY: &str = "ready";

/// A made-up news article (headline, byline, quotes, reported speech, figures, page
/// furniture) that goes through every stage of the engine.
pub const WARM_UP_TEXT: &str = include_str!("warm_up.txt");

/// A request for `WARM_UP_TEXT` repeated `repeat` times, which the worker answers
/// while it starts (`worker::entry`): a browser first runs Wasm through a quick baseline
/// compiler and compiles with its optimising one only the functions that ran hot, in
/// the background, so a fresh worker's first analysis is several times slower than the
/// next ones. After the warm-up the person's first request is not that one.
pub fn warm_up_request(repeat: usize) -> String {
    serde_json::to_string(&Request {
        seq: 0,
        text: WARM_UP_TEXT.repeat(repeat),
        setting: ArticleSetting::default(),
        options: None,
    })
    .unwrap_or_default()
}

/// Analyse `text` with its article as `setting` says, with `options` or the built-in ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub seq: u64,
    pub text: String,
    #[serde(default)]
    pub setting: ArticleSetting,
    /// A person's options (their cue list); none for the built-in ones, which the worker
    /// has already (so the page need not hold or send them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Options>,
}

/// The engine's result for request `seq` (sent as a `ReplyMessage`).
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub seq: u64,
    pub annotations: Vec<Annotation>,
    /// Boilerplate lines, code points, end exclusive.
    pub boilerplate: Vec<(usize, usize)>,
    pub warnings: Vec<String>,
}

impl Request {
    /// Run the engine on the request, as the worker does.
    pub fn answer(&self) -> Reply {
        let options = self.options.as_ref().unwrap_or_else(|| builtin());
        let analysis = crate::edit::article::analyse(&self.text, &self.setting, options);
        Reply {
            seq: self.seq,
            annotations: analysis.annotations,
            boilerplate: analysis.boilerplate,
            warnings: analysis.warnings,
        }
    }
}

/// The built-in options, made once (the cue list is a thousand words).
fn builtin() -> &'static Options {
    static BUILTIN: OnceLock<Options> = OnceLock::new();
    BUILTIN.get_or_init(Options::default)
}

/// What the worker does with one message: a request in, a reply out (both JSON, the
/// reply as a `ReplyMessage`). A message it cannot read gets `None` (the page only ever
/// sends requests).
pub fn handle(message: &str) -> Option<String> {
    let request: Request = serde_json::from_str(message).ok()?;
    let reply = request.answer();
    serde_json::to_string(&ReplyMessage::new(reply, &request.text)).ok()
}

/// A `Reply` as the worker sends it for a request's text: each annotation with short
/// keys and without the words it covers (nor its cue's) when they are the text's at its
/// offsets, as the engine's always are. Half the size of the `Reply` as plain JSON
/// (74 KB instead of 145 KB for a 35 KB article), which the worker writes, the browser
/// copies and the page's thread reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplyMessage {
    pub seq: u64,
    annotations: Vec<Sent>,
    boilerplate: Vec<(usize, usize)>,
    warnings: Vec<String>,
}

/// One annotation in a `ReplyMessage`: the `Annotation`'s fields under one-letter keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Sent {
    i: String,
    k: Kind,
    s: usize,
    e: usize,
    /// The covered text, only when it is not the request's text from `s` to `e`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    t: Option<String>,
    #[serde(default, skip_serializing_if = "is_auto")]
    o: Origin,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    a: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    p: Option<String>,
    /// The cue's offsets, and its text only when it is not the request's text there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    c: Option<(usize, usize, Option<String>)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    v: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    g: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    r: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    y: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    f: Option<f64>,
}

fn is_auto(origin: &Origin) -> bool {
    *origin == Origin::Auto
}

/// `covered` unless it is code points `[start, end)` of `text`.
fn unless_sliced(
    covered: String,
    text: &str,
    ix: &CharIndex,
    start: usize,
    end: usize,
) -> Option<String> {
    (covered != slice(text, ix, start, end)).then_some(covered)
}

/// Code points `[start, end)` of `text` through `ix` (clamped to the text).
fn slice<'t>(text: &'t str, ix: &CharIndex, start: usize, end: usize) -> &'t str {
    let (a, b) = (ix.byte_at(start), ix.byte_at(end));
    text.get(a..b.max(a)).unwrap_or_default()
}

impl ReplyMessage {
    /// The message for `reply`, the answer to a request for `text`.
    pub fn new(reply: Reply, text: &str) -> Self {
        let ix = CharIndex::new(text);
        let annotations = reply
            .annotations
            .into_iter()
            .map(|a| Sent {
                t: unless_sliced(a.text, text, &ix, a.start, a.end),
                c: a.cue.map(|c| {
                    (
                        c.start,
                        c.end,
                        unless_sliced(c.text, text, &ix, c.start, c.end),
                    )
                }),
                i: a.id,
                k: a.kind,
                s: a.start,
                e: a.end,
                o: a.origin,
                a: a.attribution,
                p: a.speaker,
                v: a.score,
                g: a.signals,
                r: a.rule,
                y: a.why,
                f: a.confidence,
            })
            .collect();
        ReplyMessage {
            seq: reply.seq,
            annotations,
            boilerplate: reply.boilerplate,
            warnings: reply.warnings,
        }
    }

    /// Read a message from the worker; `None` for anything but a reply.
    pub fn parse(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }

    /// The reply, given the `text` of the request it answers.
    pub fn into_reply(self, text: &str) -> Reply {
        let ix = CharIndex::new(text);
        let text_of = |s, e| slice(text, &ix, s, e).to_string();
        let annotations = self
            .annotations
            .into_iter()
            .map(|a| Annotation {
                text: a.t.unwrap_or_else(|| text_of(a.s, a.e)),
                cue: a.c.map(|(start, end, t)| Cue {
                    start,
                    end,
                    text: t.unwrap_or_else(|| text_of(start, end)),
                }),
                id: a.i,
                kind: a.k,
                start: a.s,
                end: a.e,
                origin: a.o,
                attribution: a.a,
                speaker: a.p,
                score: a.v,
                signals: a.g,
                rule: a.r,
                why: a.y,
                confidence: a.f,
            })
            .collect();
        Reply {
            seq: self.seq,
            annotations,
            boilerplate: self.boilerplate,
            warnings: self.warnings,
        }
    }
}
