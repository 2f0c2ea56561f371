//! Reading files a person drops or picks: text, Markdown, HTML (reduced to its readable
//! text by `crate::article`, as on the command line) and QuoteLens JSON. Anything else gets a clear message.

use web_sys::File;

/// Bigger files are refused before reading (an article is rarely over a megabyte).
const MAX_BYTES: f64 = 20_000_000.0;

/// What a file turned out to hold.
pub enum Opened {
    /// Article text to analyse.
    Text(String),
    /// A `.json` file (name, contents): an export to import.
    Json(String, String),
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
            "“{name}” is too large ({:.0} MB; the limit is 20 MB).",
            file.size() / 1e6
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("“{name}” could not be read."))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = decode(&bytes)
        .ok_or_else(|| format!("“{name}” does not look like text (it may be a binary file)."))?;
    Ok(match ext {
        "json" | "jsonld" => Opened::Json(name, text),
        "html" | "htm" => Opened::Text(html_to_text(&text)?),
        _ => Opened::Text(text),
    })
}

/// UTF-8 text without a byte-order mark, or none for binary data.
fn decode(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return None;
    }
    String::from_utf8(bytes.to_vec()).ok()
}

/// The readable text of an HTML page, as the command line reads it: scripts, styles and
/// page furniture dropped, blocks as paragraphs.
pub fn html_to_text(html: &str) -> Result<String, String> {
    let text = crate::article::readable_text_from_html(html);
    if text.trim().is_empty() {
        return Err("This HTML page has no readable article text.".into());
    }
    Ok(text)
}
