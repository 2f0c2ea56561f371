use serde::{Deserialize, Serialize};

use super::Annotation;

/// The format tag of every export this version writes.
pub const FORMAT: &str = "quotelens/1";

/// A text and its annotations: what the app downloads and the command line writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub text: String,
    /// Where the article is when the text is a whole page (code points, sorted,
    /// disjoint); the rest is page furniture. Empty (and not written) when the whole
    /// text is the article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub article: Vec<Region>,
    pub annotations: Vec<Annotation>,
}

/// A stretch of the text, in code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub start: usize,
    pub end: usize,
}

impl Document {
    pub fn new(text: impl Into<String>, annotations: Vec<Annotation>) -> Self {
        Document {
            format: FORMAT.to_string(),
            text: text.into(),
            article: Vec::new(),
            annotations,
        }
    }

    /// The document with its article marked: everything but the `furniture` spans
    /// (code points, as `Analysis::furniture`).
    pub fn with_furniture(mut self, furniture: &[(usize, usize)]) -> Self {
        self.article = article_regions(&self.text, furniture);
        self
    }

    /// The export bytes: pretty JSON with a trailing newline, identical in app and CLI.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a Document always serializes");
        s.push('\n');
        s
    }
}

/// The article regions of `text` around its `furniture` spans (code points): the
/// stretches between them, white space trimmed from their ends. None when there is no
/// furniture (the whole text is the article).
pub fn article_regions(text: &str, furniture: &[(usize, usize)]) -> Vec<Region> {
    if furniture.iter().all(|(s, e)| s >= e) {
        return Vec::new();
    }
    let mut spans: Vec<(usize, usize)> = furniture.iter().copied().filter(|(s, e)| s < e).collect();
    spans.sort_unstable();
    let mut out = Vec::new();
    let mut region = None::<Region>;
    let mut span = spans.iter().peekable();
    // One pass over the characters: a character outside every span extends the
    // current region (when it is not white space, the region counts).
    let mut inside_until = 0;
    for (i, c) in text.chars().enumerate() {
        while let Some(&&(s, e)) = span.peek() {
            if s <= i {
                inside_until = inside_until.max(e);
                span.next();
            } else {
                break;
            }
        }
        if i < inside_until {
            if let Some(r) = region.take() {
                out.push(r);
            }
            continue;
        }
        match &mut region {
            Some(r) if !c.is_whitespace() => r.end = i + 1,
            Some(_) => {}
            None if !c.is_whitespace() => {
                region = Some(Region {
                    start: i,
                    end: i + 1,
                })
            }
            None => {}
        }
    }
    out.extend(region);
    out
}
