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
    let stem = article_file_stem(&doc.text, &doc.furniture());
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
    Document::new(doc.text.clone(), doc.annotations()).with_furniture(&doc.furniture())
}

pub fn export_json(doc: &Doc) -> String {
    export(doc).to_json()
}

/// `<title or first words>.quotelens.json`.
pub fn file_name(text: &str) -> String {
    format!("{}.quotelens.json", file_stem(text))
}

/// [`article_file_stem`] of a text with no page furniture.
pub fn file_stem(text: &str) -> String {
    article_file_stem(text, &[])
}

/// The words of `line`, lower-case, letters and digits of any script kept ("María-José"
/// gives "maría", "josé"); a combining accent stays with its letter.
fn words_of(line: &str) -> Vec<String> {
    let in_word = |c: char| c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c);
    line.split(|c: char| !in_word(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A file name stem from the headline: the first line of the article (outside the
/// page `furniture`, code points) with at least four words, else the article's first
/// words; its words joined by dashes, at most eight of them and 60 characters;
/// "article" when there are none.
pub fn article_file_stem(text: &str, furniture: &[(usize, usize)]) -> String {
    let mut article_lines: Vec<&str> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let (start, len) = (at, line.chars().count());
        at += len;
        let in_furniture = furniture
            .iter()
            .any(|&(s, e)| s < start + len.max(1) && start < e);
        if !in_furniture {
            article_lines.push(line);
        }
    }
    let words = article_lines
        .iter()
        .map(|l| words_of(l))
        .find(|w| w.len() >= 4)
        .unwrap_or_else(|| {
            article_lines
                .iter()
                .flat_map(|l| words_of(l))
                .take(8)
                .collect()
        });
    let mut stem = String::new();
    for w in words.iter().take(8) {
        if stem.chars().count() + w.chars().count() > 60 {
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
    import_files(&[(file_name, bytes)])
}

/// [`import`] of the files a person chose together: one JSON file, or a brat `.txt`
/// with its `.ann`.
pub fn import_files(files: &[(&str, &[u8])]) -> Result<Doc, String> {
    let document = crate::formats::import_files(files).map_err(|e| e.to_string())?;
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
    let furniture =
        super::page_parts::furniture_around(document.text.chars().count(), &document.article);
    let base_furniture = if document.article.is_empty() {
        Vec::new()
    } else {
        furniture
    };
    let mut doc = Doc {
        text: document.text,
        auto,
        user,
        base_furniture,
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
        assert_eq!(file_name("“Ça va”"), "ça-va.quotelens.json");
        assert_eq!(
            file_name("María-José Álvarez wins the Østfold race"),
            "maría-josé-álvarez-wins-the-østfold-race.quotelens.json"
        );
        assert_eq!(file_name("😀"), "article.quotelens.json");
        // A headline in Greek keeps its letters.
        assert_eq!(
            file_stem("Η Αθήνα ψηφίζει σήμερα νέο δήμαρχο\nκείμενο"),
            "η-αθήνα-ψηφίζει-σήμερα-νέο-δήμαρχο"
        );
        let long = "word ".repeat(40);
        assert_eq!(
            file_name(&long),
            "word-word-word-word-word-word-word-word.quotelens.json"
        );
    }

    #[test]
    fn the_name_comes_from_the_article_not_the_page_furniture() {
        let text = "Subscribe to SN now for news\nMenu Home World Sport\nDam holds after the storm\nBody text.";
        // The first two lines are furniture.
        let furniture = [(0, 50)];
        assert_eq!(
            article_file_stem(text, &furniture),
            "dam-holds-after-the-storm"
        );
        assert_eq!(article_file_stem(text, &[]), "subscribe-to-sn-now-for-news");
        assert_eq!(article_file_stem("Menu\nOK", &[(0, 8)]), "article");
    }
}
