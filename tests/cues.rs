//! The editable cue list: the engine, its options' serde and the command line's
//! `--cues FILE` follow it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use quotelens::engine::{CueList, Options, Settings};
use quotelens::{analyse, Analysis, Annotation, Kind};

/// The engine with a person's options and its own guess of the article.
fn analyse_with(text: &str, options: &Options) -> Analysis {
    quotelens::engine::analyse(text, &Settings::builtin().with_options(options))
}

mod common;

const INDIRECT: &str = "Senator Jane Smith zinged that the budget would never pass the house.\n";
const DIRECT: &str = "\"We will win this one,\" she said.\n";

fn options_with(edit: impl FnOnce(&mut CueList)) -> Options {
    let mut options = Options::default();
    edit(&mut options.cues);
    options
}

fn cue_texts(annotations: &[Annotation]) -> Vec<String> {
    annotations
        .iter()
        .filter(|a| a.kind == Kind::Attribution)
        .filter_map(|a| a.cue.as_ref().map(|c| c.text.clone()))
        .collect()
}

#[test]
fn analyse_is_analyse_with_the_default_options() {
    for text in common::seeds() {
        let found = analyse(&text);
        assert!(!found.annotations.is_empty());
        assert_eq!(found, analyse_with(&text, &Options::default()));
    }
}

#[test]
fn an_added_cue_word_makes_indirect_speech_with_that_cue() {
    assert!(cue_texts(&analyse(INDIRECT).annotations).is_empty());
    let options = options_with(|c| {
        c.add("zinged");
    });
    let found = analyse_with(INDIRECT, &options).annotations;
    assert_eq!(cue_texts(&found), ["zinged"]);
    let attribution = found.iter().find(|a| a.kind == Kind::Attribution).unwrap();
    assert_eq!(attribution.text, "Senator Jane Smith");
    let claim = found.iter().find(|a| a.kind == Kind::Claim).unwrap();
    assert_eq!(claim.attribution.as_deref(), Some(attribution.id.as_str()));
    assert!(claim.text.starts_with("the budget would never pass"));
}

#[test]
fn an_added_cue_word_beside_a_quotation_is_a_listed_cue_not_a_guess() {
    let text = "\"We will win this one,\" she zinged.\n";
    let attribution = |options: &Options| {
        analyse_with(text, options)
            .annotations
            .into_iter()
            .find(|a| a.kind == Kind::Attribution)
            .expect("an attribution")
    };
    // Without the word, a past-tense verb beside a quotation is only a guess.
    let guessed = attribution(&Options::default());
    assert_eq!(guessed.cue.as_ref().unwrap().text, "zinged");
    assert_eq!(
        guessed.rule.as_deref(),
        Some("quote-comma-name-unlisted-verb")
    );
    let listed = attribution(&options_with(|c| {
        c.add("zinged");
    }));
    assert_eq!(listed.cue.as_ref().unwrap().text, "zinged");
    assert_eq!(listed.rule.as_deref(), Some("quote-comma-name-cue"));
    assert!(listed.confidence.unwrap() > guessed.confidence.unwrap());
}

#[test]
fn a_removed_cue_word_is_no_cue_any_more() {
    assert_eq!(cue_texts(&analyse(DIRECT).annotations), ["said"]);
    let options = options_with(|c| {
        c.remove("said");
    });
    assert!(cue_texts(&analyse_with(DIRECT, &options).annotations).is_empty());
    // Not even the guess that a past-tense verb beside a quotation is a cue brings a
    // removed learnt cue back.
    let added = "\"We will win this one,\" she added.\n";
    assert_eq!(cue_texts(&analyse(added).annotations), ["added"]);
    let options = options_with(|c| {
        c.remove("added");
    });
    assert!(cue_texts(&analyse_with(added, &options).annotations).is_empty());
}

#[test]
fn a_listed_phrase_is_one_cue_and_its_words_stay_out_of_the_content() {
    let text = "Senator Jane Smith pointed out that the budget would never pass the house.\n\n\
                \"We will not stop until the job is done,\" Smith pointed out.\n";
    let options = options_with(|c| {
        c.add("Pointed  Out");
    });
    let found = analyse_with(text, &options).annotations;
    assert_eq!(cue_texts(&found), ["pointed out", "pointed out"]);
    let claim = found.iter().find(|a| a.kind == Kind::Claim).unwrap();
    assert_eq!(claim.text, "the budget would never pass the house");
    let quote = found.iter().find(|a| a.kind == Kind::Quote).unwrap();
    assert!(quote.attribution.is_some());
    // The built-in list has the phrase too (a speech verb and its particle).
    assert_eq!(
        cue_texts(&analyse(text).annotations),
        ["pointed out", "pointed out"]
    );
    // Without the phrase, "pointed" alone is the learnt cue, but no claim starts with the
    // particle it leaves behind ("out that ...": a claim never starts mid-phrase).
    let plain = analyse_with(
        text,
        &options_with(|c| {
            c.remove("pointed out");
        }),
    )
    .annotations;
    assert_eq!(cue_texts(&plain), ["pointed", "pointed"]);
    for claim in plain.iter().filter(|a| a.kind == Kind::Claim) {
        assert!(!claim.text.starts_with("out "), "{}", claim.text);
    }
}

#[test]
fn according_to_can_be_removed() {
    let text = "The bridge cost far more than planned last year, according to the council.\n";
    assert_eq!(cue_texts(&analyse(text).annotations), ["according to"]);
    let options = options_with(|c| {
        c.remove("according to");
    });
    assert!(cue_texts(&analyse_with(text, &options).annotations).is_empty());
}

#[test]
fn options_travel_as_json_and_come_back_equal() {
    let options = options_with(|c| {
        c.add("zinged");
        c.remove("said");
    });
    let json = serde_json::to_string(&options).unwrap();
    assert!(json.contains("\"zinged\"") && !json.contains("\"said\""));
    let back: Options = serde_json::from_str(&json).unwrap();
    assert_eq!(back, options);
    // Missing cues mean the built-in list.
    let empty: Options = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, Options::default());
}

/// `quotelens annotate` with `args` then `paths`: whether it succeeded, the JSON it
/// printed (null if none) and its standard error.
fn annotate(args: &[&str], paths: &[&Path]) -> (bool, serde_json::Value, String) {
    let mut with_command = vec!["annotate"];
    with_command.extend_from_slice(args);
    let run = common::cli_paths(&with_command, paths);
    let json = serde_json::from_slice(&run.stdout).unwrap_or(serde_json::Value::Null);
    (
        run.status.success(),
        json,
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

fn json_cues(json: &serde_json::Value) -> Vec<String> {
    json["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "attribution")
        .map(|a| a["cue"]["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn cli_cues_file_adds_zinged_and_can_drop_said() {
    let dir = common::fresh_dir("cues-cli");
    let story = dir.join("story.txt");
    std::fs::write(&story, format!("{DIRECT}\n{INDIRECT}")).unwrap();
    let (ok, json, _) = annotate(&[], &[&story]);
    assert!(ok);
    assert_eq!(json_cues(&json), ["said"]);

    // The app's saved list with one word more.
    let mut cues = CueList::builtin();
    cues.add("zinged");
    let with_zinged = dir.join("cues.txt");
    std::fs::write(&with_zinged, cues.to_lines()).unwrap();
    let (ok, json, err) = annotate(&["--cues"], &[&with_zinged, &story]);
    assert!(ok, "{err}");
    assert_eq!(json_cues(&json), ["said", "zinged"]);

    // A short hand-written list: only what it names is a cue.
    let only = dir.join("only.txt");
    std::fs::write(&only, "# mine\nzinged\n").unwrap();
    let (ok, json, err) = annotate(&["--cues"], &[&only, &story]);
    assert!(ok, "{err}");
    assert_eq!(json_cues(&json), ["zinged"]);
}

#[test]
fn cli_refuses_a_missing_or_empty_cues_file() {
    let dir = common::fresh_dir("cues-bad");
    let story = dir.join("story.txt");
    std::fs::write(&story, DIRECT).unwrap();
    let missing = dir.join("nope.txt");
    let (ok, _, err) = annotate(&["--cues"], &[&missing, &story]);
    assert!(!ok);
    assert!(err.contains("nope.txt"), "{err}");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "# nothing here\n\n").unwrap();
    let (ok, _, err) = annotate(&["--cues"], &[&empty, &story]);
    assert!(!ok);
    assert!(err.contains("no cue words"), "{err}");
}
