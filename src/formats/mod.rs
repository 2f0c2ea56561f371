//! Exports other tools read, and imports back: the one place the app's download menu and
//! import, and the command line's `--format` and `convert`, go through.
//!
//! Every format keeps offsets in Unicode code points of the document text, end exclusive
//! (W3C's `TextPositionSelector` and brat's standoff offsets count code points too).
//! See docs/format.md for each format's layout and what it keeps.

pub mod brat;
pub mod csv;
pub mod w3c;

use std::fmt;

use crate::model::offsets::CharIndex;
use crate::model::validate::{document_from_value, parse_json};
use crate::model::{Annotation, Document, Invalid, Kind};

/// The formats QuoteLens writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `quotelens/1` JSON: everything the app knows.
    Native,
    /// W3C Web Annotation Data Model, JSON-LD.
    W3c,
    /// brat standoff: the text and an `.ann` file, as PolNeAR ships.
    Brat,
    /// One row per quote or claim, for spreadsheets (export only: it has no full text).
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Native, Format::W3c, Format::Brat, Format::Csv];

    /// The name used by `--format` and `--to`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Native => "native",
            Format::W3c => "w3c",
            Format::Brat => "brat",
            Format::Csv => "csv",
        }
    }

    /// A label for menus.
    pub fn label(self) -> &'static str {
        match self {
            Format::Native => "QuoteLens JSON (quotelens/1)",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Brat => "brat standoff (.txt + .ann)",
            Format::Csv => "CSV spreadsheet",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }
}

/// One file of an export: the caller names it `STEM` + `suffix`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// ".json", ".jsonld", ".txt", ".ann", ".csv".
    pub suffix: &'static str,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// The files of `doc` in `format` (brat gives two: the text and the annotations).
pub fn export(doc: &Document, format: Format) -> Vec<ExportFile> {
    match format {
        Format::Native => {
            vec![ExportFile {
                suffix: ".json",
                mime: "application/json",
                bytes: doc.to_json().into_bytes(),
            }]
        }
        Format::W3c => vec![ExportFile {
            suffix: ".jsonld",
            mime: "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"",
            bytes: w3c::to_string(doc).into_bytes(),
        }],
        Format::Brat => vec![
            ExportFile {
                suffix: ".txt",
                mime: "text/plain;charset=utf-8",
                bytes: doc.text.clone().into_bytes(),
            },
            ExportFile {
                suffix: ".ann",
                mime: "text/plain;charset=utf-8",
                bytes: brat::to_ann(doc).into_bytes(),
            },
        ],
        Format::Csv => vec![ExportFile {
            suffix: ".csv",
            mime: "text/csv;charset=utf-8",
            bytes: csv::to_csv(doc),
        }],
    }
}

/// An annotation over `[start, end)` (checked to be inside the text) in O(1) through the
/// text's index: `Annotation::new` counts code points from the start, which made imports
/// of long documents quadratic.
pub(crate) fn annotation_at(
    index: &CharIndex,
    text: &str,
    id: impl Into<String>,
    kind: Kind,
    start: usize,
    end: usize,
) -> Annotation {
    let mut a = Annotation::new(id, kind, "", 0, 0);
    a.start = start;
    a.end = end;
    a.text = text[index.byte_at(start)..index.byte_at(end.max(start))].to_string();
    a
}

/// Why a file could not be imported. `Display` is the message for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The bytes are not UTF-8 text.
    NotText { file: String },
    /// The file is in a format QuoteLens cannot read back.
    Unsupported { file: String, why: String },
    /// A brat `.ann` without the `.txt` it annotates.
    MissingText { file: String },
    /// The file is of a known format but has a problem; `problem` names where.
    Invalid {
        file: String,
        format: Format,
        problem: Invalid,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotText { file } => write!(f, "{file}: not UTF-8 text"),
            ImportError::Unsupported { file, why } => write!(f, "{file}: {why}"),
            ImportError::MissingText { file } => {
                write!(
                    f,
                    "{file}: a brat .ann file needs the .txt it annotates; choose both files"
                )
            }
            ImportError::Invalid {
                file,
                format,
                problem,
            } => {
                let what = match format {
                    Format::Native => "QuoteLens JSON",
                    Format::W3c => "W3C annotations",
                    Format::Brat => "brat annotations",
                    Format::Csv => "CSV",
                };
                write!(f, "{file} ({what}): {problem}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Import one file, detecting its format (native or W3C JSON; a brat `.ann` needs its
/// `.txt`, see [`import_files`]).
pub fn import(file_name: &str, bytes: &[u8]) -> Result<Document, ImportError> {
    import_files(&[(file_name, bytes)])
}

/// Import from the files a person chose together: one JSON file, or a brat `.ann` with
/// the `.txt` of the same name (any order).
pub fn import_files(files: &[(&str, &[u8])]) -> Result<Document, ImportError> {
    let utf8 = |name: &str, bytes: &[u8]| -> Result<String, ImportError> {
        let s = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText {
            file: name.to_string(),
        })?;
        Ok(s.to_string())
    };
    // A byte order mark is dropped, except from a brat .txt, whose offsets count it.
    let text_of = |name: &str, bytes: &[u8]| -> Result<String, ImportError> {
        let s = utf8(name, bytes)?;
        Ok(s.strip_prefix('\u{feff}').map_or(s.clone(), str::to_string))
    };
    // Lower-casing ASCII keeps byte lengths, so slicing the suffix off below stays on char boundaries.
    let is =
        |name: &str, ext: &str| name.len() > ext.len() && name.to_ascii_lowercase().ends_with(ext);
    if let Some((ann_name, ann_bytes)) = files.iter().find(|(n, _)| is(n, ".ann")) {
        let stem = &ann_name[..ann_name.len() - 4];
        let txt = files
            .iter()
            .find(|(n, _)| is(n, ".txt") && n[..n.len() - 4] == *stem)
            .or_else(|| files.iter().find(|(n, _)| is(n, ".txt")))
            .ok_or_else(|| ImportError::MissingText {
                file: ann_name.to_string(),
            })?;
        let text = utf8(txt.0, txt.1)?;
        let ann = text_of(ann_name, ann_bytes)?;
        return brat::from_ann(&text, &ann).map_err(|problem| ImportError::Invalid {
            file: ann_name.to_string(),
            format: Format::Brat,
            problem,
        });
    }
    let Some((name, bytes)) = files.iter().find(|(n, _)| !is(n, ".txt")).or(files.first()) else {
        return Err(ImportError::Unsupported {
            file: String::new(),
            why: "no file chosen".to_string(),
        });
    };
    let name = name.to_string();
    let content = text_of(&name, bytes)?;
    if is(&name, ".csv") {
        let why = "CSV is export-only (it lists quotes and claims without the full text); import the .json, .jsonld or brat files instead";
        return Err(ImportError::Unsupported {
            file: name,
            why: why.to_string(),
        });
    }
    let trimmed = content.trim_start();
    if !trimmed.starts_with('{') && !trimmed.starts_with('[') {
        let why = "not QuoteLens JSON, W3C annotations or brat standoff (.ann with its .txt)";
        return Err(ImportError::Unsupported {
            file: name,
            why: why.to_string(),
        });
    }
    let invalid = |format, problem| ImportError::Invalid {
        file: name.clone(),
        format,
        problem,
    };
    let value = parse_json(&content).map_err(|p| invalid(Format::Native, p))?;
    if w3c::looks_like(&value) {
        return w3c::from_value(&value).map_err(|p| invalid(Format::W3c, p));
    }
    document_from_value(&value).map_err(|p| invalid(Format::Native, p))
}
