//! What must hold for every engine result and every accepted import.

use std::collections::HashSet;

use quotelens::formats::{export, Format};
use quotelens::{Analysis, Annotation, Document, Kind};

use super::gen;
use super::rng::Rng;

/// Offsets inside the text, counted in code points, text equal to its slice, unique ids,
/// links to existing attributions, scores in 0..=1.
pub fn annotations(text: &str, anns: &[Annotation]) -> Result<(), String> {
    // Byte offset of every code point (and of the end): slicing by code points in O(1),
    // computed here independently of the crate's own offset helpers.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let len = bounds.len() - 1;
    let slice_chars = |start: usize, end: usize| &text[bounds[start]..bounds[end]];
    let mut ids = HashSet::new();
    let attributions: HashSet<&str> = anns
        .iter()
        .filter(|a| a.kind == Kind::Attribution)
        .map(|a| a.id.as_str())
        .collect();
    for a in anns {
        if a.start > a.end || a.end > len {
            return Err(format!(
                "{} spans {}..{} in a text of {len} code points",
                a.id, a.start, a.end
            ));
        }
        if a.text != slice_chars(a.start, a.end) {
            return Err(format!(
                "{} text {:?} is not its slice {:?}",
                a.id,
                a.text,
                slice_chars(a.start, a.end)
            ));
        }
        if a.id.is_empty() || !ids.insert(a.id.as_str()) {
            return Err(format!("id {:?} is empty or not unique", a.id));
        }
        if let Some(cue) = &a.cue {
            if cue.start > cue.end || cue.end > len || cue.text != slice_chars(cue.start, cue.end) {
                return Err(format!(
                    "{} has a cue {}..{} {:?} off its text",
                    a.id, cue.start, cue.end, cue.text
                ));
            }
        }
        if let Some(link) = &a.attribution {
            if !attributions.contains(link.as_str()) {
                return Err(format!(
                    "{} links to {link:?}, which is no attribution",
                    a.id
                ));
            }
        }
        if let Some(score) = a.score {
            if !(0.0..=1.0).contains(&score) {
                return Err(format!("{} has score {score} outside 0..=1", a.id));
            }
        }
    }
    Ok(())
}

/// What the engine promises beyond valid annotations: non-empty spans, sorted by
/// (start, end, kind), quotes that do not overlap each other.
pub fn analysis(text: &str, analysis: &Analysis) -> Result<(), String> {
    let anns = &analysis.annotations;
    annotations(text, anns)?;
    if let Some(a) = anns.iter().find(|a| a.start == a.end) {
        return Err(format!("{} is empty ({}..{})", a.id, a.start, a.end));
    }
    if let Some(w) = anns
        .windows(2)
        .find(|w| (w[0].start, w[0].end, w[0].kind) > (w[1].start, w[1].end, w[1].kind))
    {
        return Err(format!("{} comes before {} out of order", w[0].id, w[1].id));
    }
    let quotes: Vec<&Annotation> = anns.iter().filter(|a| a.kind == Kind::Quote).collect();
    if let Some(w) = quotes.windows(2).find(|w| w[1].start < w[0].end) {
        return Err(format!("quotes {} and {} overlap", w[0].id, w[1].id));
    }
    if analysis.warnings.iter().any(String::is_empty) {
        return Err("an empty warning".into());
    }
    Ok(())
}

/// The quotelens/1 export of the analysis reads back as the same document.
pub fn export_round_trip(text: &str, analysis: &Analysis) -> Result<(), String> {
    let doc = Document::new(text, analysis.annotations.clone());
    let json = doc.to_json();
    let back: Document =
        serde_json::from_str(&json).map_err(|e| format!("export does not read back: {e}"))?;
    if back != doc {
        return Err("export reads back as a different document".into());
    }
    Ok(())
}

/// One import attempt: the files chosen together, and whether refusing them is a bug
/// (a valid export must read back).
pub struct ImportCase {
    pub files: Vec<(String, Vec<u8>)>,
    pub must_accept: bool,
}

/// Import files to try for `text`: its valid exports in every format that reads back,
/// and damaged copies of them (structural JSON damage, byte flips, brat line damage).
pub fn import_cases(rng: &mut Rng, text: &str) -> Vec<ImportCase> {
    let doc = Document::new(text, quotelens::analyse(text).annotations);
    let one = |name: &str, bytes: Vec<u8>, must_accept| ImportCase {
        files: vec![(name.to_string(), bytes)],
        must_accept,
    };
    let native = doc.to_json();
    let w3c = String::from_utf8(export(&doc, Format::W3c).remove(0).bytes).unwrap();
    let ann = String::from_utf8(export(&doc, Format::Brat).remove(1).bytes).unwrap();
    let brat = |txt: &[u8], ann: &[u8], must_accept| ImportCase {
        files: vec![
            ("a.ann".to_string(), ann.to_vec()),
            ("a.txt".to_string(), txt.to_vec()),
        ],
        must_accept,
    };
    let mut cases = vec![
        one("valid.json", native.clone().into_bytes(), true),
        one("valid.jsonld", w3c.clone().into_bytes(), true),
        brat(text.as_bytes(), ann.as_bytes(), true),
    ];
    for _ in 0..2 {
        cases.push(one(
            "damaged.json",
            gen::damaged_json(rng, &native).into_bytes(),
            false,
        ));
    }
    cases.push(one(
        "damaged.jsonld",
        gen::damaged_text(rng, &w3c).into_bytes(),
        false,
    ));
    cases.push(brat(
        text.as_bytes(),
        gen::damaged_text(rng, &ann).as_bytes(),
        false,
    ));
    let other = gen::damaged_text(rng, text);
    cases.push(brat(other.as_bytes(), ann.as_bytes(), false));
    if rng.one_in(3) {
        let mut bytes = native.into_bytes();
        let at = rng.below(bytes.len());
        bytes[at] = rng.below(256) as u8; // maybe not UTF-8 any more
        cases.push(one(
            rng.pick(&["bytes.json", "x.csv", "x.ann", "x.txt", "noext"]),
            bytes,
            false,
        ));
    }
    cases
}

/// Import `case`: `Ok(true)` if accepted (and then valid), `Ok(false)` if refused with a
/// message, `Err` if an accepted document breaks an invariant or a valid export is refused.
pub fn import(case: &ImportCase) -> Result<bool, String> {
    let files: Vec<(&str, &[u8])> = case
        .files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    match quotelens::formats::import_files(&files) {
        Ok(doc) => {
            if doc.format != quotelens::model::FORMAT {
                return Err(format!("accepted a document of format {:?}", doc.format));
            }
            annotations(&doc.text, &doc.annotations)
                .map_err(|e| format!("accepted an invalid document: {e}"))?;
            Ok(true)
        }
        Err(e) if e.to_string().trim().is_empty() => Err("refused without a message".into()),
        Err(e) if case.must_accept => Err(format!("refused its own valid export: {e}")),
        Err(_) => Ok(false),
    }
}
