//! Attribution rules learnt from errors on PolNeAR train (issue 4, accuracy): each
//! test is a made-up sentence of a shape the engine used to get wrong.

use quotelens::{analyse, Kind};

mod common;
use common::who::{pair, who};

#[test]
fn names_ending_in_ly_are_speakers_not_adverbs() {
    let a = analyse(
        "\"Turnout will decide it,\" Kelly said.\n\n\"We are ready,\" Reilly told reporters.",
    );
    assert_eq!(who(&a, "Turnout"), pair("Kelly", "said"));
    assert_eq!(who(&a, "ready"), pair("Reilly", "told"));
}

#[test]
fn a_noun_phrase_with_a_cue_like_modifier_runs_to_the_verb() {
    let a = analyse(
        "\"We are open to changes,\" White House press secretary Josh Earnest said at a briefing.",
    );
    assert_eq!(
        who(&a, "open"),
        pair("White House press secretary Josh Earnest", "said")
    );
}

#[test]
fn the_words_between_a_quote_and_a_strong_cue_are_its_subject() {
    let a = analyse(
        "\"I have never been prouder of this team,\" former State policy planning director Anne Marsh wrote.\n\n\
\"They know she is strong enough to win,\" a voice-over in the ad states.",
    );
    assert_eq!(
        who(&a, "prouder"),
        pair("former State policy planning director Anne Marsh", "wrote")
    );
    assert_eq!(who(&a, "strong"), pair("a voice-over in the ad", "states"));
}

#[test]
fn a_partial_quote_takes_the_speaker_at_the_end_of_its_sentence() {
    let a = analyse(
        "\"There is a sense of calm now,\" and donations began to pick up again last week, Gilbert said.\n\n\
\"He can say it, but it seems unlikely\" that the senator can catch up, said Steve Elm, a party strategist.",
    );
    assert_eq!(who(&a, "calm"), pair("Gilbert", "said"));
    assert_eq!(who(&a, "unlikely"), pair("Steve Elm", "said"));
}

#[test]
fn a_participle_cue_after_a_quote_keeps_the_quote_speaker() {
    let a = analyse(
        "\"Keep your hands where I can see them,\" Blige sings to the candidate before asking her, \"Where do we go from here?\"",
    );
    assert_eq!(who(&a, "hands"), pair("Blige", "sings"));
    assert_eq!(who(&a, "Where do we go"), pair("Blige", "asking"));
}

#[test]
fn a_participle_cue_finds_the_sentence_subject() {
    let a = analyse(
        "Trump attacked Clinton for her support of the war, saying, \"She is trigger-happy and unstable.\"\n\n\
Dean, a former party chairman, poked at the debate on Monday, tweeting, \"Notice the sniffing all the time.\"\n\n\
Another source familiar with the senator's thinking said, \"He will try to be friendlier with colleagues.\"",
    );
    assert_eq!(who(&a, "trigger-happy"), pair("Trump", "saying"));
    assert_eq!(who(&a, "sniffing"), pair("Dean", "tweeting"));
    assert_eq!(
        who(&a, "friendlier").map(|(s, _)| s),
        Some("Another source familiar with the senator's thinking".to_string())
    );
}

#[test]
fn a_show_title_with_its_comma_inside_the_marks_is_not_speech() {
    let a = analyse(
        "On \"Face the Nation,\" Sen. Bernie Sanders said the plan would fail working families.",
    );
    assert!(
        !a.annotations
            .iter()
            .any(|x| x.kind == Kind::Quote && x.text.contains("Face the Nation")),
        "{:#?}",
        a.annotations
    );
}

#[test]
fn a_short_pasted_snippet_is_annotated_whole() {
    // Two or three paragraphs pasted on their own are no web page: none is furniture.
    let a = analyse(
        "\"No,\" she said.\n\n\"I think we should all go home now and rest before the vote,\" the mayor said.\n",
    );
    assert!(a.furniture.is_empty(), "{:?}", a.furniture);
    assert_eq!(who(&a, "No,"), pair("she", "said"));
    assert_eq!(who(&a, "go home"), pair("the mayor", "said"));
    let a = analyse(
        "Reporter Jane Doe says:\n\n\"The square is calm now, and the police have left after the long night.\"\n",
    );
    assert!(a.furniture.is_empty(), "{:?}", a.furniture);
    assert_eq!(who(&a, "square is calm"), pair("Reporter Jane Doe", "says"));
}

#[test]
fn ages_numbers_and_modifiers_in_speaker_noun_phrases() {
    let a = analyse(
        "\"He has always been a leader,\" said the 46-year-old.\n\n\
When pressed, the 34-year-old mother of three replied, \"It is meant to help every family.\"\n\n\
\"The reasons do not hold,\" said 9/11 widow Terry Strada.",
    );
    assert_eq!(who(&a, "leader"), pair("the 46-year-old", "said"));
    assert_eq!(
        who(&a, "every family"),
        pair("the 34-year-old mother of three", "replied")
    );
    assert_eq!(who(&a, "reasons"), pair("9/11 widow Terry Strada", "said"));
}

#[test]
fn as_someone_put_it() {
    let a = analyse(
        "He is seen, as The New Yorker put it in a long profile, as \u{201c}the operator.\u{201d}",
    );
    assert_eq!(who(&a, "operator"), pair("The New Yorker", "put it"));
}

#[test]
fn a_quote_right_after_reported_speech_is_the_same_speaker() {
    let a = analyse(
        "The cell, Herbert said, is always sensing what the body makes. \u{201c}Once those products go out of whack, the cells respond at once.\u{201d}\n\n\
It is not clear which function came first. \u{201c}We are only at the start of this work,\u{201d} a colleague said.",
    );
    assert_eq!(who(&a, "out of whack"), pair("Herbert", "said"));
    // The quote and the reported speech stay two statements (two attributions).
    let q = a
        .annotations
        .iter()
        .find(|x| x.kind == Kind::Quote && x.text.contains("whack"))
        .unwrap();
    let c = a
        .annotations
        .iter()
        .find(|x| x.kind == Kind::Claim && x.text.contains("always sensing"))
        .unwrap();
    assert!(
        c.attribution.is_some() && c.attribution != q.attribution,
        "{:#?}",
        a.annotations
    );
    assert_eq!(who(&a, "only at the start"), pair("a colleague", "said"));
}
