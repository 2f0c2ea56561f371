//! Export and import of reviewed documents: the one place the app turns its state into
//! files and back, through `crate::formats` (the same code as the command line).

use super::doc::Doc;
use crate::formats::Format;
use crate::model::{Document, Origin};

/// A file to hand to the person.
#[derive(Debug, Clone, PartialEq)]
pub struct OutFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// The files of the document in `format`: `<stem>.quotelens.json` for quotelens/1,
/// `<stem>.jsonld`, `<stem>.txt` + `<stem>.ann` (brat), `<stem>.csv`.
pub fn export_files(doc: &Doc, format: Format) -> Vec<OutFile> {
    let stem = file_stem(&doc.text);
    crate::formats::export(&export(doc), format)
        .into_iter()
        .map(|f| OutFile {
            name: match format {
                Format::Native => format!("{stem}.quotelens.json"),
                _ => format!("{stem}{}", f.suffix),
            },
            mime: f.mime,
            bytes: f.bytes,
        })
        .collect()
}

/// The document as exported: same bytes as the command line for the same annotations.
pub fn export(doc: &Doc) -> Document {
    Document::new(doc.text.clone(), doc.annotations()).with_boilerplate(&doc.furniture())
}

pub fn export_json(doc: &Doc) -> String {
    export(doc).to_json()
}

/// `<title or first words>.quotelens.json`.
pub fn file_name(text: &str) -> String {
    format!("{}.quotelens.json", file_stem(text))
}

/// The first line with at least four words (else the first words), lower-case ASCII
/// words joined by dashes; "article" when there are none.
pub fn file_stem(text: &str) -> String {
    let words_of = |line: &str| -> Vec<String> {
        line.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                w.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let line = text
        .lines()
        .map(words_of)
        .find(|w| w.len() >= 4)
        .unwrap_or_else(|| words_of(text));
    let mut stem = String::new();
    for w in line.iter().take(8) {
        if stem.len() + w.len() > 60 {
            break;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(w);
    }
    if stem.is_empty() {
        stem.push_str("article");
    }
    stem
}

/// Read an exported file (`quotelens/1` or W3C JSON) named `file_name` for review; any
/// problem is described in words a person understands, and nothing is loaded.
pub fn import(file_name: &str, bytes: &[u8]) -> Result<Doc, String> {
    let document = crate::formats::import(file_name, bytes).map_err(|e| e.to_string())?;
    Ok(doc_of(document))
}

/// A document read from outside (an import, a merge) set up for review: its automatic
/// annotations stand for the engine's until the engine has run once.
pub fn doc_of(document: Document) -> Doc {
    let (user, auto) = document
        .annotations
        .into_iter()
        .partition(|a| a.origin == Origin::User);
    // The file says where its article is (no regions: all of the text), so the
    // engine's guess from the text alone does not hide any of its annotations.
    let boilerplate =
        super::article::furniture_around(document.text.chars().count(), &document.article);
    let boilerplate = if document.article.is_empty() {
        Vec::new()
    } else {
        boilerplate
    };
    let mut doc = Doc {
        text: document.text,
        auto,
        user,
        boilerplate,
        marked: true,
        keep_auto_once: true,
        ..Doc::default()
    };
    doc.next_id = doc
        .user
        .iter()
        .filter_map(|a| a.id.strip_prefix('u')?.parse().ok())
        .max()
        .unwrap_or(0);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_file_after_the_title_line() {
        assert_eq!(
            file_name("\n Hi\nPompeo Concerned By Cyber Attacks!\nbody"),
            "pompeo-concerned-by-cyber-attacks.quotelens.json"
        );
        assert_eq!(file_name("“Ça va”"), "a-va.quotelens.json");
        assert_eq!(file_name("😀"), "article.quotelens.json");
        let long = "word ".repeat(40);
        assert_eq!(
            file_name(&long),
            "word-word-word-word-word-word-word-word.quotelens.json"
        );
    }
}
