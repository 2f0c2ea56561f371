//! Provenance: every automatic annotation says which rule made it and how sure it is,
//! every attribution how its speaker name was found, and the export carries all three.
#![cfg(not(target_arch = "wasm32"))]

use quotelens::{analyse, Document, Kind};

mod common;

const STORY: &str = "Secretary of State Mike Pompeo spoke in Prague on Wednesday.\n\n\
\"We will not stop until the job is done,\" Pompeo said.\n\n\
The talks ran late. \"It is a matter of trust,\" he said.\n\n\
The spokesman said the talks would go on for a week.\n";

fn attribution_of<'a>(
    found: &'a [quotelens::Annotation],
    mention: &str,
) -> &'a quotelens::Annotation {
    found
        .iter()
        .find(|a| a.kind == Kind::Attribution && a.text == mention)
        .unwrap_or_else(|| panic!("no attribution \"{mention}\" in {found:#?}"))
}

#[test]
fn attributions_say_how_the_speaker_was_found() {
    let found = analyse(STORY).annotations;
    let pompeo = attribution_of(&found, "Pompeo");
    assert_eq!(pompeo.speaker.as_deref(), Some("Mike Pompeo"));
    assert_eq!(
        pompeo.why.as_deref(),
        Some("the fullest name in the text: Mike Pompeo")
    );
    assert_eq!(pompeo.rule.as_deref(), Some("quote-comma-name-cue"));
    let he = attribution_of(&found, "he");
    assert_eq!(he.speaker.as_deref(), Some("Mike Pompeo"));
    assert_eq!(
        he.why.as_deref(),
        Some("pronoun resolved to Mike Pompeo, 2 sentences back")
    );
    let spokesman = attribution_of(&found, "The spokesman");
    assert_eq!(spokesman.rule.as_deref(), Some("name-cue-content"));
    assert_eq!(
        spokesman.why.as_deref(),
        Some("no name: the mention as written")
    );
}

#[test]
fn quotes_take_their_attributions_rule_and_are_surer_than_doubtful_attributions() {
    let found = analyse(STORY).annotations;
    let quotes: Vec<_> = found.iter().filter(|a| a.kind == Kind::Quote).collect();
    assert_eq!(quotes.len(), 2);
    for q in quotes {
        assert_eq!(q.rule.as_deref(), Some("quote-comma-name-cue"));
        assert!(q.confidence.unwrap() >= 0.8, "{q:?}");
    }
    // "The spokesman said ...": reported speech with a common-noun speaker is less sure
    // than a quotation with its speaker named beside it.
    let spokesman = attribution_of(&found, "The spokesman").confidence.unwrap();
    let pompeo = attribution_of(&found, "Pompeo").confidence.unwrap();
    assert!(spokesman < pompeo, "{spokesman} vs {pompeo}");
}

#[test]
fn every_automatic_annotation_of_the_seeds_has_rule_and_confidence_in_the_export() {
    for text in common::seeds() {
        let json = Document::new(text.as_str(), analyse(&text).annotations).to_json();
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let annotations = doc["annotations"].as_array().unwrap();
        assert!(!annotations.is_empty());
        for a in annotations {
            assert!(a["rule"].as_str().is_some_and(|r| !r.is_empty()), "{a}");
            let c = a["confidence"].as_f64().unwrap_or_else(|| panic!("{a}"));
            assert!((0.0..=1.0).contains(&c), "{a}");
            assert_eq!(a["why"].is_string(), a["kind"] == "attribution", "{a}");
        }
    }
}
