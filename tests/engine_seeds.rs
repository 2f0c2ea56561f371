#![cfg(not(target_arch = "wasm32"))]
//! The two seed articles annotate right: every quote with its speaker and cue, the
//! figures as claims, nothing inside the site's page furniture.

use quotelens::{analyse, Analysis, Annotation, Kind};

mod common;
use common::seed;

fn by_id<'a>(a: &'a Analysis, id: &str) -> &'a Annotation {
    a.annotations
        .iter()
        .find(|x| x.id == id)
        .unwrap_or_else(|| panic!("no annotation {id}"))
}

/// The speaker and cue of the quote whose text contains `needle`.
fn quote_speaker(a: &Analysis, needle: &str) -> (String, String) {
    let q = a
        .annotations
        .iter()
        .find(|x| x.kind == Kind::Quote && x.text.contains(needle))
        .unwrap_or_else(|| panic!("no quote containing {needle:?}"));
    let link = q
        .attribution
        .as_deref()
        .unwrap_or_else(|| panic!("quote {needle:?} has no attribution"));
    let attr = by_id(a, link);
    assert_eq!(attr.kind, Kind::Attribution);
    (
        attr.speaker.clone().unwrap_or_default(),
        attr.cue
            .as_ref()
            .map(|c| c.text.clone())
            .unwrap_or_default(),
    )
}

fn assert_quote(a: &Analysis, needle: &str, speaker: &str, cue: &str) {
    let (s, c) = quote_speaker(a, needle);
    assert!(
        s.contains(speaker),
        "quote {needle:?}: speaker {s:?}, expected {speaker:?}"
    );
    assert_eq!(c, cue, "quote {needle:?}: cue");
}

fn claim_containing<'a>(a: &'a Analysis, needle: &str) -> &'a Annotation {
    a.annotations
        .iter()
        .find(|x| x.kind == Kind::Claim && x.text.contains(needle))
        .unwrap_or_else(|| panic!("no claim containing {needle:?}"))
}

#[test]
fn pompeo_article_quotes_speakers_and_cues() {
    let a = analyse(&seed("000_0399775715a1bf4a.txt"));
    assert_quote(
        &a,
        "As the world battles the COVID-19 pandemic",
        "Mike Pompeo",
        "said",
    );
    assert_quote(
        &a,
        "Anyone that engages in such an action",
        "Mike Pompeo",
        "added",
    );
    assert_quote(&a, "The situation is quiet now", "Adam Vojtech", "said");
    assert_quote(
        &a,
        "However, we still have to be very cautious",
        "Adam Vojtech",
        "added",
    );
    assert_quote(
        &a,
        "We call upon the actor in question",
        "Mike Pompeo",
        "said",
    );
    assert_quote(&a, "We also call upon all states", "Mike Pompeo", "added");
    let (s, _) = quote_speaker(&a, "in the next few days");
    assert!(s.contains("NUKIB"), "NUKIB's warning attributed to {s:?}");
}

#[test]
fn pompeo_article_figures_are_claims_and_furniture_is_bare() {
    let text = seed("000_0399775715a1bf4a.txt");
    let a = analyse(&text);
    for needle in [
        "6,553 confirmed COVID-19 cases",
        "700,282 cases and 36,773 deaths",
    ] {
        let c = claim_containing(&a, needle);
        assert!(
            c.score.is_some_and(|s| s > 0.0 && s <= 1.0),
            "claim {needle:?} score {:?}",
            c.score
        );
        assert!(
            c.signals.as_ref().is_some_and(|s| !s.is_empty()),
            "claim {needle:?} has no signals"
        );
    }
    let tail = text
        .find("Related Topics")
        .expect("seed has its page furniture");
    let tail_chars = text[..tail].chars().count();
    let inside: Vec<&str> = a
        .annotations
        .iter()
        .filter(|x| x.end > tail_chars)
        .map(|x| x.text.as_str())
        .collect();
    assert!(
        inside.is_empty(),
        "annotations in the furniture: {inside:?}"
    );
    assert!(
        a.furniture
            .iter()
            .any(|&(s, e)| s <= tail_chars && e > tail_chars),
        "furniture not exposed: {:?}",
        a.furniture
    );
}

#[test]
fn von_der_leyen_article_quotes_speakers_and_cues() {
    let a = analyse(&seed("004_5f6aecae78906b36.txt"));
    // The first quote lost its opening mark in the paste.
    assert_quote(
        &a,
        "seen attacks … on computer systems",
        "Ursula von der Leyen",
        "said",
    );
    assert_quote(
        &a,
        "We put together the facts and the figures",
        "Ursula von der Leyen",
        "said",
    );
    assert_quote(
        &a,
        "Conspiracy theories that may endanger human health",
        "EC",
        "reads",
    );
    assert_quote(
        &a,
        "it is time to accelerate on the very crucial areas",
        "von der Leyen",
        "concludes",
    );
    let (s, _) = quote_speaker(&a, "Conspiracy theories");
    assert!(
        s.contains("report"),
        "the EC report is the source, got {s:?}"
    );
}

#[test]
fn annotation_ids_link_and_are_deterministic() {
    for name in ["000_0399775715a1bf4a.txt", "004_5f6aecae78906b36.txt"] {
        let text = seed(name);
        let a = analyse(&text);
        assert_eq!(a, analyse(&text), "{name}: analysis is not deterministic");
        for x in &a.annotations {
            if let Some(link) = &x.attribution {
                assert_eq!(
                    by_id(&a, link).kind,
                    Kind::Attribution,
                    "{name}: {} links to a non-attribution",
                    x.id
                );
            }
        }
    }
}
