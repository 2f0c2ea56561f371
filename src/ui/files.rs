//! Reading files a person drops or picks: text, Markdown, HTML and QuoteLens JSON.
//! Anything else gets a clear message. A web page (a dropped or opened HTML file, a paste
//! with an HTML flavour) is reduced to its text with the article marked by
//! `crate::article`, as on the command line, but in the analysis worker
//! (`worker::extract`): the page's thread never runs it, and its Wasm does not hold it.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::File;
use web_sys::HtmlInputElement;
use yew::{Callback, MouseEvent, NodeRef};

use crate::article::Page;
use crate::edit::article::page_doc;
use crate::edit::Action;
use crate::worker::extract::{self, ExtractReply};
use crate::worker::queue::Queue;

/// Bigger files are refused before reading (an article is rarely over a megabyte).
const MAX_BYTES: f64 = 20_000_000.0;

/// What a file turned out to hold.
pub enum Opened {
    /// Article text to analyse.
    Text(String),
    /// A web page's HTML, for `read_page`.
    Html(String),
    /// A `.json` file (name, contents): an export to import.
    Json(String, String),
}

/// A button's click that opens the hidden file input `picker` refers to (the visible
/// button carries the label; the input only the browser's file dialog).
pub fn picker_opener(picker: &NodeRef) -> Callback<MouseEvent> {
    let picker = picker.clone();
    Callback::from(move |_| {
        if let Some(input) = picker.cast::<HtmlInputElement>() {
            input.click();
        }
    })
}

/// Read `file`; the error is a message for the person.
pub async fn open(file: File) -> Result<Opened, String> {
    let name = file.name();
    let lower = name.to_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    if !matches!(
        ext,
        "txt" | "text" | "md" | "markdown" | "html" | "htm" | "json" | "jsonld"
    ) {
        return Err(format!(
            "“{name}” is not a text, Markdown, HTML or QuoteLens JSON file."
        ));
    }
    if file.size() > MAX_BYTES {
        return Err(format!(
            "“{name}” is too large ({} MB; the limit is 20 MB).",
            (file.size() / 1e6).round() as u64
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("“{name}” could not be read."))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let html = matches!(ext, "html" | "htm");
    let text = match decode(&bytes) {
        None if html => crate::article::charset::html_from_bytes(&bytes)
            .map_err(|msg| format!("“{name}” cannot be read: {msg}."))?,
        None => {
            return Err(format!(
                "“{name}” does not look like text (it may be a binary file)."
            ))
        }
        Some(text) => text,
    };
    Ok(match ext {
        "json" | "jsonld" => Opened::Json(name, text),
        "html" | "htm" => Opened::Html(text),
        _ => Opened::Text(text),
    })
}

/// Whether `files` hold a brat `.ann` (to import with its `.txt`, by `read_all`).
pub fn is_brat(files: &[File]) -> bool {
    files
        .iter()
        .any(|f| f.name().to_lowercase().ends_with(".ann"))
}

/// The name and bytes of each of `files` (a brat `.txt` and `.ann` chosen together).
pub async fn read_all(files: &[File]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        if file.size() > MAX_BYTES {
            return Err(format!("“{name}” is too large (the limit is 20 MB)."));
        }
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("“{name}” could not be read."))?;
        out.push((name, js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    Ok(out)
}

/// UTF-8 text without a byte-order mark, or none for binary data.
fn decode(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return None;
    }
    String::from_utf8(bytes.to_vec()).ok()
}

/// Show the page of `html` (`plain`: the text a browser copied with it, for a paste) as
/// the document, once the worker has extracted it: a notice says so meanwhile, `shown`
/// is told when it is shown, and a failure is a message (the document stays as it was).
pub fn read_page(
    html: String,
    plain: Option<String>,
    dispatch: Callback<Action>,
    shown: Callback<()>,
) {
    dispatch.emit(Action::Notify("Reading the page…".into()));
    let done = Callback::from(move |page: Result<Page, String>| match page {
        Ok(page) => {
            dispatch.emit(Action::Replace(page_doc(page)));
            dispatch.emit(Action::DismissNotice);
            shown.emit(());
        }
        Err(msg) => dispatch.emit(Action::Notify(msg)),
    });
    extract(html, plain, done);
}

/// A page to extract, kept until its reply comes: the request's strings and whom to
/// give its page (or why there is none).
struct PageJob {
    html: String,
    plain: Option<String>,
    done: Callback<Result<Page, String>>,
}

thread_local! {
    /// The page's side of extraction in the worker, queued as analysis requests are
    /// (`worker::queue`): one in flight, the newest waiting, older replies dropped.
    static EXTRACTION: RefCell<Queue<PageJob>> = RefCell::new(Queue::default());
}

/// Ask the worker for the page of `html` and give it to `done`.
fn extract(html: String, plain: Option<String>, done: Callback<Result<Page, String>>) {
    // Marks around the extraction: the e2e benchmark reads what a page adds.
    super::analysis::mark("quotelens-page-start");
    if !super::analysis::has_worker() {
        done.emit(Err(NO_WORKER.to_string()));
        return;
    }
    let job = PageJob { html, plain, done };
    EXTRACTION.with(|q| post(q.borrow_mut().push(job)));
}

/// What the person is told when there is no worker to read a page.
const NO_WORKER: &str =
    "The page could not be read: this browser could not start QuoteLens' worker.";

/// Post request `seq` for `job`, if the queue says one goes out now.
fn post(next: Option<(u64, &PageJob)>) {
    if let Some((seq, job)) = next {
        let message = extract::request_message(seq, &job.html, job.plain.as_deref());
        super::analysis::post_to_worker(&message);
    }
}

/// The worker is ready: post the request that waits for it.
pub(super) fn worker_ready() {
    EXTRACTION.with(|q| post(q.borrow_mut().ready()));
}

/// A message from the worker: whether it was an extraction reply (handled here; one for
/// an older request is dropped).
pub(super) fn on_worker_message(data: &JsValue) -> bool {
    let Some((seq, reply)) = ExtractReply::from_message(data) else {
        return false;
    };
    let job = EXTRACTION.with(|q| {
        let mut q = q.borrow_mut();
        let job = q.reply(seq);
        // The worker is free again: the newest request, if one waits, goes out.
        post(q.to_post());
        job
    });
    super::analysis::mark("quotelens-page-done");
    // Outside the borrow: showing the page may ask for another extraction.
    if let Some(job) = job {
        job.done.emit(reply.map_or_else(
            || Err("The page could not be read (its reply was damaged). Nothing was changed: try again.".into()),
            |r| r.page,
        ));
    }
    true
}

/// The worker failed (`started`: it had said it was ready; it is replaced then). A
/// request it had is lost (the person is told and may try again); one still waiting
/// goes to the new worker, unless there is none.
pub(super) fn worker_failed(started: bool, why: &str) {
    let Some(job) = EXTRACTION.with(|q| q.borrow_mut().fail(started)) else {
        return;
    };
    job.done.emit(Err(if started {
        format!("The page could not be read ({why}). Nothing was changed: try again, or copy its text and paste that.")
    } else {
        NO_WORKER.to_string()
    }));
}
