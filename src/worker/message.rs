//! Every message between the page and the worker, of both kinds: an analysis (a request
//! as `protocol`'s bytes, its reply as `reply_codec`'s, each a transferred
//! `Uint8Array`), a page's extraction (`extract`'s request and reply, each an array whose
//! first item is its tag, its long strings as strings of their own), and `READY`. How
//! each is posted and told apart is here alone: the page's side is `ui::worker`, the
//! worker's `worker::entry`.

/// The worker's first message: it listens from now on, and has warmed up. Messages
/// posted to a worker before its Wasm has started would be lost, so the page waits for
/// this.
pub const READY: &str = "ready";

/// The first item of an extraction request: `[EXTRACT, seq, html, plain or null]`.
pub const EXTRACT: &str = "extract";
/// The first item of an extraction reply: `[EXTRACTED, seq, text or null, rest JSON]`.
pub const EXTRACTED: &str = "extracted";

/// The two kinds of request, each with its own numbering, queue and reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A text's annotations (`protocol`, `reply_codec`).
    Analysis,
    /// A web page's article (`extract`).
    Extraction,
}

#[cfg(target_arch = "wasm32")]
pub use posted::{ToPage, ToWorker};

/// The messages as they are posted, read and written (wasm32).
#[cfg(target_arch = "wasm32")]
mod posted {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, Worker};

    use super::{Kind, EXTRACT, EXTRACTED, READY};
    use crate::worker::extract::{ExtractReply, ExtractRequest};

    /// A message from the page, as the worker reads it.
    pub enum ToWorker {
        /// An analysis request's bytes (`protocol::Request::from_bytes`).
        Analyse(Vec<u8>),
        /// A page to extract.
        Extract(ExtractRequest),
    }

    /// A message from the worker, as the page reads it.
    pub enum ToPage {
        /// The worker listens.
        Ready,
        /// An analysis reply's bytes, not yet copied out (the page reads its number
        /// first, `reply_codec::seq_of`, and drops a stale one unread).
        Analysed(Uint8Array),
        /// The number of the extraction request answered, and its reply (none when it
        /// is damaged).
        Extracted(u64, Option<ExtractReply>),
    }

    /// `data` as an array whose first item is `tag`.
    fn tagged<'a>(data: &'a JsValue, tag: &str) -> Option<&'a Array> {
        let message: &Array = data.dyn_ref()?;
        (message.get(0).as_string().as_deref() == Some(tag)).then_some(message)
    }

    fn array(items: [JsValue; 4]) -> Array {
        items.into_iter().collect()
    }

    /// `parts` copied into one `Uint8Array` (no concatenation in the Wasm memory first).
    fn bytes_of(parts: &[&[u8]]) -> Uint8Array {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        let out = Uint8Array::new_with_length(len as u32);
        let mut at = 0u32;
        for part in parts {
            let end = at + part.len() as u32;
            out.subarray(at, end).copy_from(part);
            at = end;
        }
        out
    }

    /// Post `array` with its buffer transferred, not copied.
    fn transfer(array: &Uint8Array) -> Array {
        Array::of1(&array.buffer())
    }

    impl ToWorker {
        /// An analysis request as posted: `protocol::request_head`, then the text's bytes.
        pub fn analysis(head: &[u8], text: &str) -> Uint8Array {
            bytes_of(&[head, text.as_bytes()])
        }

        /// Post an analysis request (`analysis`), its buffer transferred.
        pub fn post_analysis(worker: &Worker, head: &[u8], text: &str) {
            let array = ToWorker::analysis(head, text);
            let _ = worker.post_message_with_transfer(&array, &transfer(&array));
        }

        /// Extraction request `seq` as posted: `[EXTRACT, seq, html, plain or null]`.
        pub fn extraction(seq: u64, html: &str, plain: Option<&str>) -> JsValue {
            array([
                JsValue::from_str(EXTRACT),
                JsValue::from_f64(seq as f64),
                JsValue::from_str(html),
                plain.map_or(JsValue::NULL, JsValue::from_str),
            ])
            .into()
        }

        /// Post extraction request `seq` (`extraction`).
        pub fn post_extraction(worker: &Worker, seq: u64, html: &str, plain: Option<&str>) {
            let _ = worker.post_message(&ToWorker::extraction(seq, html, plain));
        }

        /// The message the worker got; `None` for one it cannot read.
        pub fn read(data: JsValue) -> Option<ToWorker> {
            if let Some(message) = tagged(&data, EXTRACT) {
                return Some(ToWorker::Extract(ExtractRequest {
                    seq: message.get(1).as_f64()? as u64,
                    html: message.get(2).as_string()?,
                    plain: message.get(3).as_string(),
                }));
            }
            let bytes = data.dyn_into::<Uint8Array>().ok()?;
            Some(ToWorker::Analyse(bytes.to_vec()))
        }
    }

    impl ToPage {
        /// `READY` as posted.
        pub fn ready() -> JsValue {
            JsValue::from_str(READY)
        }

        /// Tell the page the worker listens.
        pub fn post_ready(scope: &DedicatedWorkerGlobalScope) {
            let _ = scope.post_message(&ToPage::ready());
        }

        /// Post an analysis reply's bytes (`reply_codec::encode`), transferred: the
        /// page gets them without a copy (one copy out of the Wasm memory here, one into
        /// the page's there).
        pub fn post_analysis(scope: &DedicatedWorkerGlobalScope, bytes: &[u8]) {
            let array = bytes_of(&[bytes]);
            let _ = scope.post_message_with_transfer(&array, &transfer(&array));
        }

        /// An extraction reply as posted: `[EXTRACTED, seq, text or null, rest JSON]`.
        pub fn extraction(reply: ExtractReply) -> JsValue {
            let (seq, text, rest) = reply.into_parts();
            array([
                JsValue::from_str(EXTRACTED),
                JsValue::from_f64(seq as f64),
                text.map_or(JsValue::NULL, |t| JsValue::from_str(&t)),
                JsValue::from_str(&rest),
            ])
            .into()
        }

        /// Post an extraction reply (`extraction`).
        pub fn post_extraction(scope: &DedicatedWorkerGlobalScope, reply: ExtractReply) {
            let _ = scope.post_message(&ToPage::extraction(reply));
        }

        /// The message the page got; `None` for one it cannot read.
        pub fn read(data: JsValue) -> Option<ToPage> {
            if data.as_string().as_deref() == Some(READY) {
                return Some(ToPage::Ready);
            }
            if let Some(message) = tagged(&data, EXTRACTED) {
                let seq = message.get(1).as_f64().unwrap_or(-1.0) as u64;
                let rest = message.get(3).as_string().unwrap_or_default();
                let reply = ExtractReply::from_parts(seq, message.get(2).as_string(), &rest);
                return Some(ToPage::Extracted(seq, reply));
            }
            data.dyn_into::<Uint8Array>().ok().map(ToPage::Analysed)
        }

        /// Which kind of request this answers (none: `Ready`, for every kind).
        pub fn kind(&self) -> Option<Kind> {
            match self {
                ToPage::Ready => None,
                ToPage::Analysed(_) => Some(Kind::Analysis),
                ToPage::Extracted(..) => Some(Kind::Extraction),
            }
        }
    }
}
