//! An analysis as the page and the worker say it, both bytes (posted as transferred
//! buffers by `worker::message`): a request is a little JSON and the text
//! (`request_bytes`), the reply is `reply_codec`'s.
//!
//! The page numbers its requests (`seq`) and keeps each request's text itself, so a reply
//! carries no copy of the text back, not even the words each annotation covers (the page
//! cuts them out of its text); a reply whose `seq` is not the latest request is stale
//! (the text changed since) and is dropped by the page before it reads more than its
//! number (`reply_codec::seq_of`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::reply_codec::{self, Reply};
use crate::engine::{self, ArticleSetting, Options, Settings};

/// A made-up news article (headline, byline, quotes, reported speech, figures, page
/// furniture) that goes through every stage of the engine.
pub const WARM_UP_TEXT: &str = include_str!("warm_up.txt");

/// A request for `WARM_UP_TEXT` repeated `repeat` times, which the worker answers
/// while it starts (`worker::entry`): a browser first runs Wasm through a quick baseline
/// compiler and compiles with its optimising one only the functions that ran hot, in
/// the background, so a fresh worker's first analysis is several times slower than the
/// next ones. After the warm-up the person's first request is not that one.
pub fn warm_up_request(repeat: usize) -> Vec<u8> {
    request_bytes(
        0,
        &WARM_UP_TEXT.repeat(repeat),
        &ArticleSetting::default(),
        None,
    )
}

/// Analyse `text` with its article as `setting` says, with `options` or the built-in ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub seq: u64,
    pub text: String,
    pub setting: ArticleSetting,
    /// A person's options (their cue list); none for the built-in ones, which the worker
    /// has already (so the page need not hold or send them).
    pub options: Option<Options>,
}

/// How a request's bytes start: the format and its version.
const REQUEST_MAGIC: &[u8; 4] = b"QLq1";

/// A request but its text: JSON, sent before the text's bytes.
#[derive(Serialize, Deserialize)]
struct RequestHead<'a> {
    seq: u64,
    #[serde(default)]
    setting: Cow<'a, ArticleSetting>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    options: Option<Cow<'a, Options>>,
}

/// A request as the page posts it: `REQUEST_MAGIC`, the length of the head, the head
/// (JSON: number, article setting, options), then the text's UTF-8 as it is. A long
/// text is neither escaped into JSON on the page's thread nor parsed out of it in the
/// worker, only copied.
pub fn request_bytes(
    seq: u64,
    text: &str,
    setting: &ArticleSetting,
    options: Option<&Options>,
) -> Vec<u8> {
    let mut out = request_head(seq, setting, options);
    out.extend_from_slice(text.as_bytes());
    out
}

/// `request_bytes` but the text, which follows (the page copies it straight to the
/// message).
pub fn request_head(seq: u64, setting: &ArticleSetting, options: Option<&Options>) -> Vec<u8> {
    let head = serde_json::to_vec(&RequestHead {
        seq,
        setting: Cow::Borrowed(setting),
        options: options.map(Cow::Borrowed),
    })
    .unwrap_or_default();
    let mut out = Vec::with_capacity(8 + head.len());
    out.extend_from_slice(REQUEST_MAGIC);
    out.extend_from_slice(&u32::try_from(head.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(&head);
    out
}

impl Request {
    /// The request as the page posts it (`request_bytes`).
    pub fn to_bytes(&self) -> Vec<u8> {
        request_bytes(self.seq, &self.text, &self.setting, self.options.as_ref())
    }

    /// Read a request; `None` for anything else.
    pub fn from_bytes(bytes: &[u8]) -> Option<Request> {
        let rest = bytes.strip_prefix(REQUEST_MAGIC)?;
        let (len, rest) = rest.split_first_chunk::<4>()?;
        let (head, text) = rest.split_at_checked(u32::from_le_bytes(*len) as usize)?;
        let head: RequestHead = serde_json::from_slice(head).ok()?;
        Some(Request {
            seq: head.seq,
            text: String::from_utf8(text.to_vec()).ok()?,
            setting: head.setting.into_owned(),
            options: head.options.map(Cow::into_owned),
        })
    }
}

impl Request {
    /// Run the engine on the request, as the worker does.
    pub fn answer(&self) -> Reply {
        let builtin = Settings::builtin();
        let settings = Settings {
            article: &self.setting,
            options: self.options.as_ref().unwrap_or(builtin.options),
        };
        let analysis = engine::analyse(&self.text, &settings);
        Reply {
            seq: self.seq,
            annotations: analysis.annotations,
            furniture: analysis.furniture,
            warnings: analysis.warnings,
        }
    }
}

/// What the worker does with one message: a request in (`request_bytes`), the reply out
/// as bytes (`reply_codec`). A message it cannot read gets `None` (the page only ever
/// sends requests).
pub fn handle(message: &[u8]) -> Option<Vec<u8>> {
    let request = Request::from_bytes(message)?;
    reply_codec::encode(&request.answer(), &request.text).ok()
}
