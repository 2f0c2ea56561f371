//! Judging the engine's annotations against gold, for confidence calibration: shared
//! by `examples/calibrate.rs` (learns and prints the table) and the calibration test.
//!
//! - A quote, or a claim that reports someone's speech, is right when more than 30% of
//!   its characters lie inside one PolNeAR attribution's content (any form): the
//!   precision of `../shared/eval/score.py` at T = 0.3, annotation by annotation.
//! - An attribution is right when its speaker span overlaps a PolNeAR source and its
//!   cue overlaps the same attribution's cue.
//! - A check-worthy claim outside reported speech is right when it overlaps a line that
//!   fact-checkers marked check-worthy (`../shared/claims/train`).
//!
//! Characters counted exclude white space and quotation marks, as in score.py.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use quotelens::{Annotation, Kind};
use serde_json::Value;

type Spans = Vec<(usize, usize)>;

pub struct GoldAttribution {
    pub source: Spans,
    pub cue: Spans,
    pub content: Spans,
}

/// One PolNeAR article: its text (as code points) and gold attributions.
pub struct Gold {
    pub name: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
    /// Counted characters before each code point (prefix sums).
    counted: Vec<usize>,
}

/// One fact-checked transcript: its text and the check-worthy lines.
pub struct Transcript {
    pub name: String,
    pub text: String,
    pub worthy: Spans,
}

fn ignored(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}'
        )
}

fn spans(v: &Value) -> Spans {
    v.as_array()
        .map(|l| {
            l.iter()
                .filter_map(|f| Some((f[0].as_u64()? as usize, f[1].as_u64()? as usize)))
                .collect()
        })
        .unwrap_or_default()
}

fn sorted_files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

/// The gold articles of a PolNeAR split (`NAME.gold.json`), in name order.
pub fn load_polnear(dir: &Path) -> Vec<Gold> {
    sorted_files(dir, ".gold.json")
        .into_iter()
        .map(|path| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let text = v["text"].as_str().unwrap().to_string();
            let mut counted = vec![0];
            for c in text.chars() {
                counted.push(counted.last().unwrap() + usize::from(!ignored(c)));
            }
            let attributions = v["attributions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| GoldAttribution {
                    source: spans(&a["source"]),
                    cue: spans(&a["cue"]),
                    content: spans(&a["content"]),
                })
                .collect();
            let name = path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".gold.json", "");
            Gold {
                name,
                text,
                attributions,
                counted,
            }
        })
        .collect()
}

/// The fact-checked transcripts (`NAME.txt` beside `NAME.lines.json`), in name order.
pub fn load_transcripts(dir: &Path) -> Vec<Transcript> {
    sorted_files(dir, ".lines.json")
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".lines.json", "");
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let worthy = v
                .as_array()
                .unwrap()
                .iter()
                .filter(|l| l["label"].as_u64() == Some(1))
                .map(|l| {
                    (
                        l["start"].as_u64().unwrap() as usize,
                        l["end"].as_u64().unwrap() as usize,
                    )
                })
                .collect();
            let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
            Transcript { name, text, worthy }
        })
        .collect()
}

impl Gold {
    /// Counted characters in `[s, e)`.
    fn count(&self, s: usize, e: usize) -> usize {
        let n = self.counted.len() - 1;
        let (s, e) = (s.min(n), e.min(n));
        if s >= e {
            0
        } else {
            self.counted[e] - self.counted[s]
        }
    }

    /// Counted characters of `[s, e)` inside the fragments `frags`.
    fn inside(&self, s: usize, e: usize, frags: &Spans) -> usize {
        frags
            .iter()
            .map(|&(fs, fe)| self.count(s.max(fs), e.min(fe)))
            .sum()
    }

    /// Whether an annotation of this article is right (see the module comment).
    /// `None` for annotations PolNeAR does not judge (check-worthy claims of no one).
    pub fn judge(&self, a: &Annotation) -> Option<bool> {
        match a.kind {
            Kind::Claim if a.attribution.is_none() => None,
            Kind::Quote | Kind::Claim => {
                let n = self.count(a.start, a.end);
                Some(
                    n > 0
                        && self
                            .attributions
                            .iter()
                            .any(|g| self.inside(a.start, a.end, &g.content) * 10 > n * 3),
                )
            }
            Kind::Attribution => Some(self.attributions.iter().any(|g| {
                let source = self.inside(a.start, a.end, &g.source) > 0;
                let cue = match (&a.cue, g.cue.first(), g.cue.last()) {
                    (Some(c), Some(first), Some(last)) => c.start < last.1 && first.0 < c.end,
                    _ => false,
                };
                source && cue
            })),
        }
    }
}

impl Transcript {
    /// A check-worthy claim of no one: right when it overlaps a check-worthy line.
    pub fn judge(&self, a: &Annotation) -> Option<bool> {
        (a.kind == Kind::Claim && a.attribution.is_none())
            .then(|| self.worthy.iter().any(|&(s, e)| a.start < e && s < a.end))
    }
}

/// Confidence buckets of the calibration table.
pub const BUCKETS: [(f64, f64); 3] = [(0.0, 0.5), (0.5, 0.8), (0.8, 1.0)];

pub fn bucket(confidence: f64) -> usize {
    BUCKETS
        .iter()
        .position(|&(_, hi)| confidence < hi)
        .unwrap_or(BUCKETS.len() - 1)
}

/// Per bucket: (count, right).
pub fn table(judged: &[(f64, bool)]) -> [(usize, usize); 3] {
    let mut t = [(0, 0); 3];
    for &(c, ok) in judged {
        let b = bucket(c);
        t[b].0 += 1;
        t[b].1 += usize::from(ok);
    }
    t
}
