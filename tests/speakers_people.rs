//! Speakers as people (issue 18, item 4): one canonical name for one person across
//! titles, roles, surnames and pronouns; a place is never a speaker. Made-up sentences.

use quotelens::{analyse, Analysis, Kind};

mod common;
use common::who::{attr_of, quote};

/// The canonical speaker of the quote containing `needle`.
fn speaker(a: &Analysis, needle: &str) -> Option<String> {
    attr_of(a, quote(a, needle)).and_then(|x| x.speaker.clone())
}

#[test]
fn a_title_a_surname_and_a_pronoun_are_one_person() {
    let a = analyse(
        "\u{201c}We were ready for the cold,\u{201d} said Browns DL Sheldon Ruark.\n\n\
         \u{201c}Nobody wanted to leave the field,\u{201d} Ruark said.\n\n\
         \u{201c}It was our best game of the year,\u{201d} he added.",
    );
    for needle in ["ready for the cold", "leave the field", "best game"] {
        assert_eq!(
            speaker(&a, needle).as_deref(),
            Some("Sheldon Ruark"),
            "{needle}"
        );
    }
}

#[test]
fn a_role_noun_is_the_person_who_holds_it() {
    let a = analyse(
        "Harbour master Ines Okoro said the pier would reopen in June. \
         \u{201c}The boats cannot wait any longer,\u{201d} the harbour master said.",
    );
    assert_eq!(
        speaker(&a, "boats cannot wait").as_deref(),
        Some("Ines Okoro")
    );
}

#[test]
fn an_honorific_and_a_surname_are_the_full_name() {
    let a = analyse(
        "Judge Marisol Ybarra opened the hearing at nine. \
         \u{201c}This court will not be rushed,\u{201d} Ms. Ybarra said.",
    );
    assert_eq!(
        speaker(&a, "not be rushed").as_deref(),
        Some("Marisol Ybarra")
    );
}

#[test]
fn a_place_is_never_a_speaker() {
    let a = analyse(
        "Officials in Portland, Oregon, said the bridge would close for a week. \
         \u{201c}We have no other choice,\u{201d} a city engineer said.\n\n\
         \u{201c}The storm hit harder than anyone expected,\u{201d} said a spokesman in Washington, D.C.",
    );
    for ann in a.annotations.iter().filter(|x| x.kind == Kind::Attribution) {
        let s = ann.speaker.clone().unwrap_or_default();
        assert!(
            !["Portland", "Oregon", "Washington", "D.C."].contains(&s.as_str()),
            "a place as speaker: {s:?} ({})",
            ann.text
        );
    }
}
