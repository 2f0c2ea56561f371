//! The messages between the page and the analysis worker, as JSON strings.
//!
//! The page numbers its requests (`seq`) and keeps each request's text itself, so a reply
//! carries no copy of the text back; a reply whose `seq` is not the latest request is
//! stale (the text changed since) and is dropped by the page.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::edit::ArticleSetting;
use crate::engine::Options;
use crate::model::Annotation;

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

/// The engine's result for request `seq`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// What the worker does with one message: a request in, a reply out (both JSON). A
/// message it cannot read gets `None` (the page only ever sends requests).
pub fn handle(message: &str) -> Option<String> {
    let request: Request = serde_json::from_str(message).ok()?;
    serde_json::to_string(&request.answer()).ok()
}
