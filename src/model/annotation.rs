use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// What an annotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Quoted words (the content of direct or reported speech).
    Quote,
    /// The speaker mention of a quote or claim, with its cue.
    Attribution,
    /// A checkable statement, scored for check-worthiness.
    Claim,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Quote, Kind::Attribution, Kind::Claim];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Attribution => "attribution",
            Kind::Claim => "claim",
        }
    }
}

/// Who made an annotation: the engine or a person. User annotations survive re-analysis.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    #[default]
    Auto,
    User,
}

/// The verb or phrase that introduces speech ("said", "according to").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One annotation of the `quotelens/1` format. Offsets are code points, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: String,
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default)]
    pub origin: Origin,
    /// For quotes and claims: the id of the attribution they belong to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// For attributions: the canonical speaker name ("Mike Pompeo" for "he").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// For attributions: the cue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// For claims: check-worthiness from 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// For claims: why it was scored so ("number", "comparative", ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signals: Option<Vec<String>>,
    /// Automatic annotations: the rule or pattern that produced it
    /// ("quote-comma-name-cue", "according-to", ...). Borrowed when the engine wrote
    /// it (`Rule::name`, no allocation an annotation), owned when read from outside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Cow<'static, str>>,
    /// Automatic attributions: how the speaker name was found
    /// ("pronoun resolved to Mike Pompeo, 2 sentences back"). Borrowed when it is one
    /// of the engine's fixed phrases ("named in the text"), as `rule` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Cow<'static, str>>,
    /// Automatic annotations: how likely it is right, 0 to 1 (calibrated: of the
    /// annotations at 0.7, about 70% are right).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

impl Annotation {
    /// A bare annotation of `kind` over `[start, end)` of `text` (code points).
    pub fn new(id: impl Into<String>, kind: Kind, text: &str, start: usize, end: usize) -> Self {
        let covered = crate::model::offsets::slice_chars(text, start, end).to_string();
        Annotation::with_covered_text(id, kind, start, end, covered)
    }

    /// A bare automatic annotation over code points `[start, end)` whose covered
    /// text the caller already has (the engine slices by bytes, which is cheaper).
    pub fn with_covered_text(
        id: impl Into<String>,
        kind: Kind,
        start: usize,
        end: usize,
        text: String,
    ) -> Self {
        Annotation {
            id: id.into(),
            kind,
            start,
            end,
            text,
            origin: Origin::Auto,
            attribution: None,
            speaker: None,
            cue: None,
            score: None,
            signals: None,
            rule: None,
            why: None,
            confidence: None,
        }
    }
}
