//! The learnt reported-speech model (src/engine/reported_model/): the engine's scores
//! equal its trainer's, and the shapes of reported speech it decides, with made-up
//! sentences.

use quotelens::engine::reported_model_rows;
use quotelens::{analyse, Analysis, Kind};

mod common;
use common::who::{attr_of, pair};

/// `tests/reported_model_check.json` holds, for a few invented texts, every cue
/// candidate's score as `examples/train_reported.rs` computed it from the weights it
/// shipped (`scripts/train-reported.sh`). The engine must score them the same.
#[test]
fn the_engine_scores_candidates_as_the_trainer_did() {
    let compared = common::compare_model_check(
        include_str!("reported_model_check.json"),
        "candidates",
        "cue",
        |text| {
            reported_model_rows(text)
                .iter()
                .map(|r| (r.cue.start, r.score))
                .collect()
        },
    );
    assert!(compared >= 5, "only {compared} scores compared");
}

/// The first reported content (a claim linked to an attribution) whose text `matches`,
/// as its attribution's speaker text and cue.
fn reported_where(a: &Analysis, matches: impl Fn(&str) -> bool) -> Option<(String, String)> {
    let claim = a
        .annotations
        .iter()
        .find(|x| x.kind == Kind::Claim && matches(&x.text) && x.attribution.is_some())?;
    let at = attr_of(a, claim)?;
    Some((at.text.clone(), at.cue.as_ref()?.text.clone()))
}

/// The reported content holding `needle`, as its speaker and cue.
fn reported(a: &Analysis, needle: &str) -> Option<(String, String)> {
    reported_where(a, |text| text.contains(needle))
}

/// The reported content whose text is exactly `content`, as its speaker and cue.
fn reported_exactly(a: &Analysis, content: &str) -> Option<(String, String)> {
    reported_where(a, |text| text == content)
}

#[test]
fn a_subject_and_a_speech_verb_before_that_clause_report_it() {
    let a = analyse("Officials said that the bridge would reopen in May.");
    assert_eq!(
        reported(&a, "bridge would reopen"),
        pair("Officials", "said")
    );
}

#[test]
fn according_to_a_source_reports_the_rest_of_the_sentence() {
    let a = analyse("According to the ministry, 40% of hospitals were hit.");
    assert_eq!(
        reported(&a, "40% of hospitals"),
        pair("the ministry", "According to")
    );
}

#[test]
fn a_subject_before_a_modal_and_a_negation_is_the_speaker() {
    let a = analyse("The ministry could not say whether the schools would reopen in March.");
    assert_eq!(
        reported(&a, "schools would reopen"),
        pair("The ministry", "say")
    );
}

#[test]
fn a_content_before_its_speaker_is_reported_too() {
    let a = analyse("The harbour will be dredged next spring, the port authority said.");
    assert_eq!(
        reported(&a, "dredged next spring"),
        pair("the port authority", "said")
    );
}

#[test]
fn a_cue_word_used_for_something_else_reports_nothing() {
    for text in [
        "The union's statement was read aloud at the meeting on Monday morning.",
        "The plan was sent to the printers before the holiday weekend.",
    ] {
        let a = analyse(text);
        let linked = a
            .annotations
            .iter()
            .filter(|x| x.kind == Kind::Claim && x.attribution.is_some())
            .count();
        assert_eq!(linked, 0, "{text}: {:#?}", a.annotations);
    }
}

#[test]
fn according_to_any_noun_phrase_names_the_source() {
    // The speaker finder sees no name or role in "a hospital report": "according to"
    // takes a noun phrase all the same.
    let a = analyse("The ward closed early on Monday, according to a hospital report.");
    assert_eq!(
        reported(&a, "ward closed early"),
        pair("a hospital report", "according to")
    );
    let a = analyse("According to an interview the mayor gave, the council will vote in June.");
    assert_eq!(
        reported(&a, "council will vote"),
        pair("an interview the mayor gave", "According to")
    );
}

#[test]
fn a_sentence_may_hold_three_reported_clauses() {
    // The rules' cap of two clauses a sentence is gone: the model decides each.
    let a = analyse(
        "The mayor said the bridge would reopen in May, the governor said new buses would \
         run in June and the minister said that fares would rise in the autumn.",
    );
    assert_eq!(
        reported(&a, "bridge would reopen"),
        pair("The mayor", "said")
    );
    // (The first content runs to the sentence's end, as PolNeAR's would not; each
    // clause is its own attribution all the same.)
    assert_eq!(
        reported_exactly(
            &a,
            "new buses would run in June and the minister said that fares would rise in the \
             autumn"
        ),
        pair("the governor", "said")
    );
    assert_eq!(
        reported_exactly(&a, "fares would rise in the autumn"),
        pair("the minister", "said")
    );
}

#[test]
fn a_clause_reported_inside_a_reported_clause_is_its_own_attribution() {
    // "Officials said [the governor had announced [that ...]]": both speakers, the inner
    // content inside the outer one (the nested clause's cue lies in a rival's content).
    let a = analyse(
        "Officials said the governor had announced that the harbour would be dredged next \
         spring.",
    );
    assert_eq!(
        reported_exactly(
            &a,
            "the governor had announced that the harbour would be dredged next spring"
        ),
        pair("Officials", "said")
    );
    assert_eq!(
        reported_exactly(&a, "the harbour would be dredged next spring"),
        pair("the governor", "announced")
    );
    let b = analyse(
        "The coach told reporters that the club had denied that the striker would leave in \
         January.",
    );
    assert_eq!(
        reported_exactly(&b, "the striker would leave in January"),
        pair("the club", "denied")
    );
}

#[test]
fn a_speaker_after_the_cue_may_go_on_with_who_they_are() {
    // "..., said X, a nurse ...", "..., said X of ...": the apposition or the
    // prepositional tail no longer hides the clause before the cue.
    let a = analyse(
        "The new ward will take its first patients in April, said Ines Okoro, a nurse at \
         the county hospital.",
    );
    assert_eq!(
        reported_exactly(&a, "The new ward will take its first patients in April"),
        pair("Ines Okoro", "said")
    );
    let b = analyse(
        "The tunnel repairs will cost far more than planned, said Marek Duda of the \
         transport board.",
    );
    assert_eq!(
        reported_exactly(&b, "The tunnel repairs will cost far more than planned"),
        pair("Marek Duda", "said")
    );
}

#[test]
fn a_content_before_its_speaker_holds_when_a_hearer_and_a_time_follow_the_cue() {
    // "..., X told a panel on Tuesday": the words after the cue are no clause of their
    // own, so the content is the one before the comma.
    let a = analyse(
        "The ferry will resume its winter timetable in June, the harbour master told \
         reporters on Tuesday.",
    );
    assert_eq!(
        reported_exactly(&a, "The ferry will resume its winter timetable in June"),
        pair("the harbour master", "told")
    );
    // A pronoun after the hearer opens the reported clause there instead.
    let b = analyse(
        "After the storm passed, the harbour master told reporters he would reopen the pier.",
    );
    assert_eq!(
        reported(&b, "reopen the pier"),
        pair("the harbour master", "told")
    );
    assert_eq!(reported(&b, "storm passed"), None);
}

#[test]
fn according_to_between_commas_reports_both_sides() {
    let a = analyse("Turnout, according to the county clerk, has doubled since the last election.");
    let claims: Vec<_> = a
        .annotations
        .iter()
        .filter(|x| x.kind == Kind::Claim && x.attribution.is_some())
        .map(|x| x.text.as_str())
        .collect();
    assert!(claims.contains(&"Turnout"), "{claims:?}");
    assert_eq!(
        reported_exactly(&a, "has doubled since the last election"),
        pair("the county clerk", "according to")
    );
}
