use serde::{Deserialize, Serialize};

use super::Annotation;

/// The format tag of every export this version writes.
pub const FORMAT: &str = "quotelens/1";

/// A text and its annotations: what the app downloads and the command line writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub text: String,
    pub annotations: Vec<Annotation>,
}

impl Document {
    pub fn new(text: impl Into<String>, annotations: Vec<Annotation>) -> Self {
        Document {
            format: FORMAT.to_string(),
            text: text.into(),
            annotations,
        }
    }

    /// The export bytes: pretty JSON with a trailing newline, identical in app and CLI.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a Document always serializes");
        s.push('\n');
        s
    }
}
