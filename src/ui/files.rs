//! Reading files a person drops or picks: text, Markdown, HTML and QuoteLens JSON.
//! Anything else gets a clear message. A web page (a dropped or opened HTML file) is
//! then read by `ui::extraction`.

use web_sys::File;
use web_sys::HtmlInputElement;
use yew::{Callback, MouseEvent, NodeRef};

/// Bigger files are refused before reading (an article is rarely over a megabyte).
const MAX_BYTES: f64 = 20_000_000.0;

/// What a file turned out to hold.
pub enum Opened {
    /// Article text to analyse.
    Text(String),
    /// A web page's HTML, for `extraction::read_page`.
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
