//! Attribution shapes of issue 18 (speakers and cues that hold on unseen news), each
//! with made-up sentences: what a reader takes as the speaker and cue of each quote.

use quotelens::{analyse, Analysis, Annotation, Kind};

fn attr_of<'a>(a: &'a Analysis, x: &Annotation) -> Option<&'a Annotation> {
    let link = x.attribution.as_deref()?;
    a.annotations.iter().find(|y| y.id == link)
}

fn quote<'a>(a: &'a Analysis, needle: &str) -> &'a Annotation {
    a.annotations
        .iter()
        .find(|x| x.kind == Kind::Quote && x.text.contains(needle))
        .unwrap_or_else(|| panic!("no quote contains {needle:?}: {:#?}", a.annotations))
}

/// (speaker mention, cue) of the quote containing `needle`, or None when unattributed.
fn who(a: &Analysis, needle: &str) -> Option<(String, String)> {
    let at = attr_of(a, quote(a, needle))?;
    Some((
        at.text.clone(),
        at.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
    ))
}

fn pair(speaker: &str, cue: &str) -> Option<(String, String)> {
    Some((speaker.to_string(), cue.to_string()))
}

#[test]
fn a_quotation_in_a_paragraph_of_its_own_is_a_statement_of_its_own_by_the_same_speaker() {
    let a = analyse(
        "\u{201c}The bridge will reopen in May,\u{201d} Lena Okafor said.\n\n\
         \u{201c}We owe the town that much.\u{201d}\n\n\
         The council meets again next week.",
    );
    let first = quote(&a, "bridge");
    let second = quote(&a, "owe the town");
    assert_ne!(
        first.attribution, second.attribution,
        "two statements, two attributions"
    );
    assert_eq!(who(&a, "bridge"), pair("Lena Okafor", "said"));
    assert_eq!(who(&a, "owe the town"), pair("Lena Okafor", "said"));
}

#[test]
fn a_quotation_running_over_paragraphs_stays_one_statement() {
    let a = analyse(
        "\u{201c}We planted the first rows in March and lost half to frost.\n\n\
         \u{201c}Then the rain came and saved the rest,\u{201d} the grower, Tomas Berg, said.",
    );
    assert_eq!(
        quote(&a, "planted").attribution,
        quote(&a, "rain came").attribution
    );
}
