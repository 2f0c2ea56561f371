//! Reading files a person drops or picks: text, Markdown, HTML (reduced to its readable
//! text) and QuoteLens JSON. Anything else gets a clear message.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, File, Node};

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

/// The readable text of an HTML page: the browser parses it (inert: nothing runs or
/// loads), scripts and styles are dropped, and blocks become paragraphs.
pub fn html_to_text(html: &str) -> Result<String, String> {
    let fail = |_| "This HTML file could not be read.".to_string();
    let parser = web_sys::DomParser::new().map_err(fail)?;
    let doc: Document = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .map_err(fail)?;
    let mut out = String::new();
    if let Some(title) = doc.query_selector("title").ok().flatten() {
        let t = title.text_content().unwrap_or_default();
        let t = collapse(&t);
        if !t.trim().is_empty() {
            out.push_str(t.trim());
            out.push_str("\n\n");
        }
    }
    if let Some(body) = doc.body() {
        walk(body.as_ref(), &mut out);
    }
    // Every block is a paragraph of its own.
    let paragraphs: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    Ok(paragraphs.join("\n\n"))
}

const SKIP: [&str; 9] = [
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "NAV", "BUTTON", "FORM",
];
const BLOCK: [&str; 22] = [
    "P",
    "DIV",
    "BR",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "LI",
    "TR",
    "SECTION",
    "ARTICLE",
    "HEADER",
    "FOOTER",
    "BLOCKQUOTE",
    "PRE",
    "UL",
    "OL",
    "TABLE",
    "FIGCAPTION",
    "HR",
];

fn walk(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => out.push_str(&collapse(&child.text_content().unwrap_or_default())),
            Node::ELEMENT_NODE => {
                let el: &Element = child.unchecked_ref();
                let tag = el.tag_name().to_uppercase();
                if SKIP.contains(&tag.as_str()) || el.has_attribute("hidden") {
                    continue;
                }
                let block = BLOCK.contains(&tag.as_str());
                if block {
                    out.push('\n');
                }
                walk(&child, out);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// Runs of white space as one space, as a browser shows them.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}
