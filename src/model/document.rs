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
        // Sized up front: a buffer grown by doubling holds the old and the new copy at
        // once, and past 64 MB that made the export the run's peak (a 10 MB text's
        // 70 MB of JSON: 21.3x the text in `examples/peak_memory`, budget 20x).
        let mut bytes = Vec::with_capacity(self.json_size_estimate());
        serde_json::to_writer_pretty(&mut bytes, self).expect("a Document always serializes");
        bytes.push(b'\n');
        String::from_utf8(bytes).expect("serde_json writes UTF-8")
    }

    /// A generous guess at `to_json`'s length: the text (escaped, at most about twice
    /// its bytes for ordinary prose) and about 430 bytes an annotation on PolNeAR, so
    /// 600 leaves room for long quotes.
    fn json_size_estimate(&self) -> usize {
        4096 + 2 * self.text.len() + 600 * self.annotations.len()
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The pre-sized writer gives the bytes serde_json's own pretty string gives, for
    /// text that needs escaping (quotes, control characters, emoji, RTL, CRLF), short
    /// and long, and for many annotations.
    #[test]
    fn to_json_equals_serde_json_pretty_with_a_newline() {
        let odd = "Ana Ruiz said: \"We ran out.\" \u{1}\t\r\nemoji 🎉, עברית, back\\slash";
        let annotations = crate::analyse(odd).annotations;
        assert!(!annotations.is_empty());
        let crowded: Vec<_> = annotations.iter().cycle().take(3000).cloned().collect();
        for (text, annotations) in [
            (odd.to_string(), annotations.clone()),
            (odd.repeat(2000), annotations),
            (odd.to_string(), crowded),
        ] {
            let doc = Document::new(text.as_str(), annotations);
            let plain = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            assert_eq!(doc.to_json(), plain);
        }
    }
}
