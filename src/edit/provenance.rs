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
    format!("{}: {}", percent(c), sureness(c))
}

/// A fraction of 0 to 1 as a whole percentage, "73%" (clamped, rounded half up). Integer
/// arithmetic, not `{:.0}`: the page formats no float, which keeps core's float printing
/// out of its download (it has a size budget).
pub fn percent(fraction: f64) -> String {
    format!("{}%", (fraction.clamp(0.0, 1.0) * 100.0).round() as u32)
}

/// A fraction of 0 to 1 as a percentage with one decimal, "97.1" (no sign), by integer
/// arithmetic like [`percent`].
pub fn percent_tenths(fraction: f64) -> String {
    let tenths = (fraction.clamp(0.0, 1.0) * 1000.0).round() as u32;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Each engine rule (docs/format.md, "Provenance and confidence") in plain words.
const RULES: &[(&str, &str)] = &[
    ("quote-comma-name-cue", "Quotation, then the speaker and a cue word (“…,” Pompeo said)"),
    ("quote-comma-cue-name", "Quotation, then a cue word and the speaker (“…,” said Pompeo)"),
    ("quote-comma-name-unlisted-verb", "Quotation, then the speaker and a past-tense verb that is not in the cue list (a guess)"),
    ("quote-comma-unlisted-verb-name", "Quotation, then a past-tense verb that is not in the cue list and the speaker (a guess)"),
    ("quote-pronoun-present-verb", "Quotation, then a pronoun and a present-tense verb (“…,” she yells)"),
    ("quote-comma-name-apposition-cue", "Quotation, then the speaker, their role and a cue word"),
    ("quote-comma-phrase-cue", "Quotation, then a description of the speaker and a cue word (“…,” a former director wrote)"),
    ("partial-quote-content-name-cue", "Part quotation, part reported speech, then the speaker and a cue word (“…,” and …, Gilbert said)"),
    ("partial-quote-content-cue-name", "Part quotation, part reported speech, then a cue word and the speaker (…, said Elmendorf)"),
    ("quote-dash-name", "Quotation, then a dash and a name"),
    ("quote-after-reported-speech", "A quotation right after the same speaker’s reported speech in the paragraph"),
    ("quote-paragraph-after-reported-speech", "A paragraph that is only a quotation, after one that ends in the same speaker’s reported speech"),
    ("quote-according-to", "Quotation, then “according to” and the speaker (“…,” according to the report)"),
    ("name-cue-quote", "The speaker and a cue word before the quotation (Pompeo said: “…”)"),
    ("name-distant-cue-quote", "A cue word before the quotation, its speaker further back in the sentence"),
    ("participle-subject-quote", "“saying” before the quotation; the speaker is the subject of the sentence"),
    ("phrase-cue-quote", "A description of the speaker and a cue word before the quotation (A source said, “…”)"),
    ("quote-participle-cue-after-quote", "A second quotation after “before asking”, “adding” or the like: the first one’s speaker"),
    ("cue-name-quote", "A cue word and the speaker before the quotation (said Pompeo: “…”)"),
    ("inverted-cue-quote", "The cue word first, then the speaker and the quotation (Said Ellis: “…”)"),
    ("name-put-it-quote", "“as X put it” beside the quotation"),
    ("name-colon-quote", "A name and a colon before the quotation"),
    ("name-apposition-colon-quote", "A name, their role and a colon before the quotation (Ruiz, a nurse: “…”)"),
    ("according-to-quote", "“according to” and the speaker, with a quotation"),
    ("according-to", "“according to” and the speaker, with reported speech"),
    ("name-cue-content", "The speaker and a cue word before reported speech (X said that …)"),
    ("content-comma-name-cue", "Reported speech, then the speaker and a cue word (…, X said)"),
    ("content-comma-cue-name", "Reported speech, then a cue word and the speaker (…, said X)"),
    ("parenthetical-name-cue", "The speaker and a cue word set off inside the sentence (The museum, Mr. Obama said, would …)"),
    ("speaker-label", "A transcript’s speaker label (PENCE: …)"),
    ("quote-after-colon-paragraph", "A quotation after a paragraph that ends “… said:”"),
    ("quote-continues-quote", "A quotation continued from the paragraph before"),
    ("quote-same-paragraph-speaker", "A quotation whose speaker is named elsewhere in the paragraph"),
    ("quote-paragraph-after-speaker", "A paragraph that is only a quotation, after one with a quoted speaker"),
    ("quote-model-mention", "The speaker model chose this speaker and cue word near the quotation over the other candidates"),
    ("quote-model-previous-speaker", "The speaker model chose the previous quotation’s speaker: the same person goes on"),
    ("quote-first-part-takes-later-speaker", "The first part of a split quotation; its speaker comes after the second part"),
    ("quote-unattributed-speech", "Looks like speech (long or sentence-like), but no speaker was found"),
    ("check-worthy-in-quote", "A checkable statement inside a quotation"),
    ("check-worthy-sentence", "A checkable sentence (numbers, comparisons, past events, …)"),
];

/// A rule name in words; one the table lacks is shown with its dashes as spaces.
pub fn rule_text(rule: &str) -> String {
    match RULES.iter().find(|(r, _)| *r == rule) {
        Some((_, words)) => words.to_string(),
        None => {
            let plain = rule.replace(['-', '_'], " ");
            let mut chars = plain.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// The made-up speakers and cues of the rules' examples, speaker first or cue first.
const EXAMPLE_PAIRS: &[(&str, bool)] = &[
    ("Pompeo said", false),
    ("said Pompeo", true),
    ("Gilbert said", false),
    ("said Elmendorf", true),
    ("Said Ellis", true),
    ("Mr. Obama said", false),
    ("a former director wrote", false),
    ("A source said", false),
    ("X said", false),
    ("said X", true),
];

/// The rule in words, its example told with this article's speaker mention and cue
/// (“…,” Ana Ruiz recounted) rather than the made-up ones.
fn rule_text_with(rule: &str, speaker: &str, cue: &str) -> String {
    let text = rule_text(rule);
    for (example, cue_first) in EXAMPLE_PAIRS {
        if let Some(at) = text.find(example) {
            let words = if *cue_first {
                format!("{cue} {speaker}")
            } else {
                format!("{speaker} {cue}")
            };
            return format!("{}{words}{}", &text[..at], &text[at + example.len()..]);
        }
    }
    text
}

/// What the person is told about how `a` was found: the rule in words (for an
/// attribution, with its own speaker and cue), then the engine's own explanation when
/// it gave one. None for a person's own annotation.
pub fn explain(a: &Annotation) -> Option<String> {
    let rule = a.rule.as_deref().map(|r| match &a.cue {
        Some(cue) if !cue.text.trim().is_empty() && !a.text.trim().is_empty() => {
            rule_text_with(r, a.text.trim(), cue.text.trim())
        }
        _ => rule_text(r),
    });
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
    fn percentages_are_whole_or_tenths_rounded_half_up_and_clamped() {
        assert_eq!(percent(0.734), "73%");
        assert_eq!(percent(0.735), "74%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(1.7), "100%");
        assert_eq!(percent(-0.2), "0%");
        assert_eq!(percent_tenths(0.97059), "97.1");
        assert_eq!(percent_tenths(0.5), "50.0");
        assert_eq!(percent_tenths(1.0), "100.0");
    }

    #[test]
    fn rules_read_as_words_and_unknown_ones_stay_readable() {
        assert_eq!(
            rule_text("quote-comma-name-cue"),
            "Quotation, then the speaker and a cue word (“…,” Pompeo said)"
        );
        assert_eq!(rule_text("some-new-rule"), "Some new rule");
        assert_eq!(rule_text(""), "");
        let mut names: Vec<&str> = RULES.iter().map(|(r, _)| *r).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "one entry per rule");
    }

    /// Every rule the engine gives on the seed articles has its own words (an unknown
    /// one would still show, as its name in words).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_rule_the_engine_uses_on_the_seeds_is_in_words() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut seen = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(seeds).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for a in crate::analyse(&text).annotations {
                seen.insert(a.rule.expect("every automatic annotation has a rule"));
            }
        }
        assert!(seen.len() > 5, "{seen:?}");
        let missing: Vec<&str> = seen
            .iter()
            .map(AsRef::as_ref)
            .filter(|r| !RULES.iter().any(|(k, _)| k == r))
            .collect();
        assert!(missing.is_empty(), "rules without words: {missing:?}");
    }

    #[test]
    fn the_explanation_joins_rule_and_why() {
        let mut a = Annotation::new("a1", Kind::Attribution, "he said", 0, 2);
        assert_eq!(explain(&a), None);
        a.rule = Some("content-comma-name-cue".into());
        assert_eq!(
            explain(&a).unwrap(),
            "Reported speech, then the speaker and a cue word (…, X said)"
        );
        a.why = Some("pronoun resolved to Mike Pompeo, 2 sentences back".into());
        assert_eq!(
            explain(&a).unwrap(),
            "Reported speech, then the speaker and a cue word (…, X said); pronoun resolved to Mike Pompeo, 2 sentences back"
        );
    }

    #[test]
    fn an_attribution_is_explained_with_its_own_speaker_and_cue() {
        let mut a = Annotation::new("a1", Kind::Attribution, "Ana Ruiz", 0, 8);
        a.cue = Some(crate::model::Cue {
            start: 9,
            end: 18,
            text: "recounted".into(),
        });
        a.rule = Some("quote-comma-name-cue".into());
        assert_eq!(
            explain(&a).unwrap(),
            "Quotation, then the speaker and a cue word (“…,” Ana Ruiz recounted)"
        );
        a.rule = Some("quote-comma-cue-name".into());
        assert_eq!(
            explain(&a).unwrap(),
            "Quotation, then a cue word and the speaker (“…,” recounted Ana Ruiz)"
        );
        // A rule without an example stays as it is.
        a.rule = Some("quote-dash-name".into());
        assert_eq!(explain(&a).unwrap(), "Quotation, then a dash and a name");
    }
}
