//! Claim spans in the engine's output: whole sentences or reported clauses, never a
//! verb's particle or adverbial cut off from it, never a name cut after an initial; and
//! reported speech keeps its claim, linked to its attribution. Sentences made up here.

use quotelens::{analyse, Kind};

fn claims(text: &str) -> Vec<quotelens::Annotation> {
    analyse(text)
        .annotations
        .into_iter()
        .filter(|a| a.kind == Kind::Claim)
        .collect()
}

#[test]
fn reported_speech_keeps_its_claim_linked_to_the_speaker() {
    let text = "The health ministry said 40% of the region's 212 hospitals were damaged by the floods in March.";
    let found = analyse(text).annotations;
    let claim = found
        .iter()
        .find(|a| a.kind == Kind::Claim && a.text.contains("40%"))
        .unwrap_or_else(|| panic!("no claim: {found:?}"));
    let link = claim
        .attribution
        .as_deref()
        .expect("linked to its attribution");
    let speaker = found
        .iter()
        .find(|a| a.id == link)
        .expect("the attribution");
    assert!(speaker.text.contains("ministry"), "{speaker:?}");
    assert!(claim.score.unwrap_or(0.0) >= 0.5, "{claim:?}");
}

#[test]
fn no_claim_starts_with_a_particle_or_an_adverbial() {
    for text in [
        "The senator called out Ruritania for launching attacks on 14 banks last year.",
        "Jones said he looks forward to facing the Hawks again after their 31-10 loss.",
        "The club, which lost 3-0 on Sunday, said in a statement.",
    ] {
        for c in claims(text) {
            let first = c.text.split_whitespace().next().unwrap_or("");
            assert!(
                !["out", "forward", "in"].contains(&first),
                "{text}: {:?}",
                c.text
            );
        }
    }
}

#[test]
fn no_claim_starts_inside_a_name_after_initials() {
    let text =
        "Astronomers at the W.M. Keck Observatory found 12 new moons around the planet in 2019.";
    let found = claims(text);
    assert!(!found.is_empty(), "a checkable sentence");
    for c in &found {
        assert!(!c.text.starts_with("Keck"), "{:?}", c.text);
    }
}

#[test]
fn a_claim_starts_at_a_word_or_a_quotation_mark_not_at_the_colon_of_its_cue() {
    let text = "The audit reads: \"Costs at the 14 depots rose by a third in 2023.\"";
    let found = claims(text);
    assert!(!found.is_empty(), "a checkable statement: {found:?}");
    for c in &found {
        let first = c.text.chars().next().unwrap_or(' ');
        assert!(
            first.is_alphanumeric() || first == '"',
            "claim starts with {first:?}: {:?}",
            c.text
        );
    }
}
