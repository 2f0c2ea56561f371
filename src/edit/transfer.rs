//! Export and import of reviewed documents: the one place the app turns its state into
//! `quotelens/1` bytes and back. (Other formats plug in here.)

use super::doc::Doc;
use crate::model::{Document, Origin};

/// The document as exported: same bytes as the command line for the same annotations.
pub fn export(doc: &Doc) -> Document {
    Document::new(doc.text.clone(), doc.annotations())
}

pub fn export_json(doc: &Doc) -> String {
    export(doc).to_json()
}

/// `<title or first words>.quotelens.json`: the first line with at least four words
/// (else the first words), lower-case ASCII words joined by dashes.
pub fn file_name(text: &str) -> String {
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
    format!("{stem}.quotelens.json")
}

/// Read an exported file (`quotelens/1` or W3C JSON) named `file_name` for review; any
/// problem is described in words a person understands, and nothing is loaded.
pub fn import(file_name: &str, bytes: &[u8]) -> Result<Doc, String> {
    let document = crate::formats::import(file_name, bytes).map_err(|e| e.to_string())?;
    let (user, auto) = document
        .annotations
        .into_iter()
        .partition(|a| a.origin == Origin::User);
    let mut doc = Doc {
        text: document.text,
        auto,
        user,
        keep_auto_once: true,
        ..Doc::default()
    };
    doc.next_id = doc
        .user
        .iter()
        .filter_map(|a| a.id.strip_prefix('u')?.parse().ok())
        .max()
        .unwrap_or(0);
    Ok(doc)
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
