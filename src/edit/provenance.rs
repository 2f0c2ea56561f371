//! Why the engine made an annotation and how sure it is, in words a person reads at a
//! glance (the inspector and the review queue show them).

use crate::model::Annotation;

/// How sure, in words, for a calibrated confidence (of the annotations at 0.7, about 70%
/// are right). The bands are those of the calibration table: below 0.5, 0.5 to 0.8,
/// 0.8 and above.
pub fn sureness(confidence: f64) -> &'static str {
    if confidence >= 0.8 {
        "very likely right"
    } else if confidence >= 0.5 {
        "probably right"
    } else {
        "doubtful: worth a check"
    }
}

/// "72%: probably right".
pub fn confidence_text(confidence: f64) -> String {
    let c = confidence.clamp(0.0, 1.0);
    format!("{:.0}%: {}", c * 100.0, sureness(c))
}

/// The pieces rule names are made of, as words.
const PIECES: &[(&str, &str)] = &[
    ("quote", "quotation"),
    ("cue", "reporting verb"),
    ("name", "name"),
    ("pronoun", "pronoun"),
    ("role", "role noun"),
    ("colon", "colon"),
    ("comma", "comma"),
    ("said", "“said”"),
    ("according", "“according"),
    ("to", "to”"),
];

/// A rule name ("quote-comma-name-cue") in words: its pieces in the order they appear
/// in the text ("quotation, comma, name, reporting verb"). Unknown pieces are kept.
pub fn rule_text(rule: &str) -> String {
    let words: Vec<String> = rule
        .split(['-', '_'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            PIECES
                .iter()
                .find(|(k, _)| *k == p)
                .map_or_else(|| p.to_string(), |(_, w)| w.to_string())
        })
        .collect();
    let mut out = words
        .join(", ")
        .replace("“according, to”", "“according to”");
    if let Some(first) = out.get(..1) {
        out = first.to_uppercase() + &out[1..];
    }
    out
}

/// What the person is told about how `a` was found: the rule in words, then the
/// engine's own explanation when it gave one. None for a person's own annotation.
pub fn explain(a: &Annotation) -> Option<String> {
    let rule = a.rule.as_deref().map(rule_text);
    match (rule, a.why.as_deref()) {
        (Some(r), Some(why)) => Some(format!("{r}; {why}")),
        (Some(r), None) => Some(r),
        (None, Some(why)) => Some(why.to_string()),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn confidence_in_the_calibration_bands() {
        assert_eq!(confidence_text(0.93), "93%: very likely right");
        assert_eq!(confidence_text(0.8), "80%: very likely right");
        assert_eq!(confidence_text(0.79), "79%: probably right");
        assert_eq!(confidence_text(0.5), "50%: probably right");
        assert_eq!(confidence_text(0.12), "12%: doubtful: worth a check");
        assert_eq!(confidence_text(1.7), "100%: very likely right");
    }

    #[test]
    fn rules_read_as_their_pieces() {
        assert_eq!(
            rule_text("quote-comma-name-cue"),
            "Quotation, comma, name, reporting verb"
        );
        assert_eq!(rule_text("according-to"), "“according to”");
        assert_eq!(
            rule_text("quote-colon-mystery"),
            "Quotation, colon, mystery"
        );
        assert_eq!(rule_text(""), "");
    }

    #[test]
    fn the_explanation_joins_rule_and_why() {
        let mut a = Annotation::new("a1", Kind::Attribution, "he said", 0, 2);
        assert_eq!(explain(&a), None);
        a.rule = Some("pronoun-cue".into());
        assert_eq!(explain(&a).unwrap(), "Pronoun, reporting verb");
        a.why = Some("pronoun resolved to Mike Pompeo, 2 sentences back".into());
        assert_eq!(
            explain(&a).unwrap(),
            "Pronoun, reporting verb; pronoun resolved to Mike Pompeo, 2 sentences back"
        );
    }
}
