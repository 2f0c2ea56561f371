//! Reading files a person drops or picks: text, Markdown, HTML (reduced to its readable
//! text by `crate::article`, as on the command line) and QuoteLens JSON. Anything else gets a clear message.

use web_sys::File;

use crate::article::Page;

/// Bigger files are refused before reading (an article is rarely over a megabyte).
const MAX_BYTES: f64 = 20_000_000.0;

/// What a file turned out to hold.
pub enum Opened {
    /// Article text to analyse.
    Text(String),
    /// A web page: its visible text, with its article marked.
    Page(Page),
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
    let html = matches!(ext, "html" | "htm");
    let text = match decode(&bytes) {
        None if html && !bytes.contains(&0) => crate::article::charset::decode_html(&bytes)
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
        "html" | "htm" => Opened::Page(page_of(&text, None)?),
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

/// A page from its HTML (and the text a browser copied with it), as the command line
/// reads it: the visible text kept whole, the article marked, scripts and styles gone.
fn page_of(html: &str, plain: Option<&str>) -> Result<Page, String> {
    // Marks around the extraction: the e2e benchmark reads what a page adds.
    super::analysis::mark("quotelens-page-start");
    let page = crate::article::page_from_html(html, plain);
    super::analysis::mark("quotelens-page-done");
    if page.text.trim().is_empty() {
        return Err(crate::article::empty_page_message(html));
    }
    Ok(page)
}

/// The page a paste with an HTML flavour holds (`plain`: its text flavour, maybe empty).
pub fn page_of_paste(html: &str, plain: &str) -> Result<Page, String> {
    page_of(html, Some(plain)).map_err(|_| "The pasted page has no readable text.".into())
}
