//! CSV for spreadsheets: one row per quote or claim.
//!
//! RFC 4180: fields with a comma, quotation mark or line break are quoted (quotation marks
//! doubled), records end in CRLF. UTF-8 with a byte order mark, so that spreadsheet
//! programs do not guess a legacy encoding. A text cell that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return gets a leading apostrophe, so no spreadsheet runs
//! article text as a formula (CSV injection).

use std::collections::HashMap;

use crate::model::validate::number_text;
use crate::model::{Annotation, Document, Kind, Origin};

/// `rule` and `confidence`: automatic annotations' provenance. `origin` (`auto`, `user`)
/// and `review` (see [`review_state`]) come last, so older readers of the first nine
/// columns read on unchanged.
pub const HEADER: [&str; 11] = [
    "kind",
    "speaker",
    "cue",
    "text",
    "start",
    "end",
    "score",
    "rule",
    "confidence",
    "origin",
    "review",
];

/// Where an annotation stands in review: `unreviewed` (the engine's, still as it found
/// it: every decision makes an annotation the person's), `reviewed` (the engine's,
/// accepted or corrected by the person: it keeps the engine's rule) or `added` (marked
/// by the person).
pub fn review_state(a: &Annotation) -> &'static str {
    match (a.origin, &a.rule) {
        (Origin::Auto, _) => "unreviewed",
        (Origin::User, Some(_)) => "reviewed",
        (Origin::User, None) => "added",
    }
}

/// The CSV bytes of `doc`: BOM, header, then quotes and claims in document order.
pub fn to_csv(doc: &Document) -> Vec<u8> {
    let by_id: HashMap<String, usize> = doc
        .annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    let mut out = String::from("\u{feff}");
    write_row(&mut out, HEADER.iter().map(|h| h.to_string()));
    for a in doc
        .annotations
        .iter()
        .filter(|a| a.kind != Kind::Attribution)
    {
        let attribution = a
            .attribution
            .as_ref()
            .and_then(|id| by_id.get(id))
            .map(|&i| &doc.annotations[i]);
        // The canonical name when known, else the mention as written ("the senator").
        let speaker = attribution.map_or(String::new(), |at| {
            at.speaker.clone().unwrap_or_else(|| at.text.clone())
        });
        let cue = attribution
            .and_then(|at| at.cue.as_ref())
            .map_or(String::new(), |c| c.text.clone());
        let score = a.score.map_or(String::new(), number_text);
        let row = [
            a.kind.as_str().to_string(),
            guard(&speaker),
            guard(&cue),
            guard(&a.text),
            a.start.to_string(),
            a.end.to_string(),
            score,
            guard(a.rule.as_deref().unwrap_or_default()),
            a.confidence.map_or(String::new(), number_text),
            match a.origin {
                Origin::Auto => "auto",
                Origin::User => "user",
            }
            .to_string(),
            review_state(a).to_string(),
        ];
        write_row(&mut out, row.into_iter());
    }
    out.into_bytes()
}

/// Defuse text a spreadsheet would read as a formula.
pub fn guard(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}
