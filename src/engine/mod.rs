//! The analysis engine: plain Rust, no web dependency.
//!
//! Architecture invariant: `analyse` is a pure function of the text. It never
//! fails and never panics; odd input yields fewer annotations and a warning.

pub mod boilerplate;
pub mod claims;

use crate::model::{Annotation, Kind};

/// What the engine found in a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub annotations: Vec<Annotation>,
    /// Problems worth telling the user about (unbalanced quotation marks, ...).
    pub warnings: Vec<String>,
}

/// Annotate `text`. Offsets in the result are code points.
pub fn analyse(text: &str) -> Analysis {
    // Placeholder until the real engine lands: paired straight or curly double quotes.
    let mut annotations = Vec::new();
    let mut open: Option<usize> = None;
    for (ci, ch) in text.chars().enumerate() {
        match (ch, open) {
            ('"' | '\u{201c}', None) => open = Some(ci),
            ('"' | '\u{201d}', Some(s)) => {
                let id = format!("q{}", annotations.len() + 1);
                annotations.push(Annotation::new(id, Kind::Quote, text, s, ci + 1));
                open = None;
            }
            ('\n', _) => open = None,
            _ => {}
        }
    }
    Analysis {
        annotations,
        warnings: Vec::new(),
    }
}
