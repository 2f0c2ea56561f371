//! Issue 18: "Label: text" lines are a transcript speaker's only when the label names a
//! person or a role and the page reads as a transcript; the labels of fact boxes,
//! recipes and how-tos ("Duration:", "Cost:", "Step 2:") speak nothing, bulleted or not.
//! Every text is made up.

use quotelens::{analyse, Analysis, Kind};

/// The speakers of the page's "Label:" attributions, in page order.
fn label_speakers(a: &Analysis) -> Vec<String> {
    a.annotations
        .iter()
        .filter(|x| x.kind == Kind::Attribution)
        .filter(|x| x.rule.as_deref() == Some("speaker-label"))
        .map(|x| x.text.clone())
        .collect()
}

#[test]
fn a_question_and_answer_transcript_keeps_its_speakers() {
    let a = analyse(
        "The harbour master spoke to us about the winter storms.\n\n\
         Q: How many boats did the port lose this year?\n\n\
         A: We lost four trawlers and a ferry, all in one night.\n\n\
         Q: Will the sea wall be raised before next winter?\n\n\
         A: The council has promised the money, but not the date.",
    );
    assert_eq!(label_speakers(&a), ["Q", "A", "Q", "A"]);
}

#[test]
fn named_and_capitalised_speakers_of_a_transcript_keep_their_labels() {
    let a = analyse(
        "The debate between the two candidates for mayor ran for an hour.\n\n\
         MODERATOR: Let us start with the bus lanes on Mill Road.\n\n\
         OKAFOR: They were built without asking a single shop owner.\n\n\
         Brandt: The shop owners were asked twice, and most of them agreed.\n\n\
         OKAFOR: Most of them were never told what the lanes would cost.\n\n\
         Brandt: That is simply not what the records of the council show.",
    );
    assert_eq!(
        label_speakers(&a),
        ["MODERATOR", "OKAFOR", "Brandt", "OKAFOR", "Brandt"]
    );
}

#[test]
fn a_title_and_a_name_or_a_role_is_a_speaker_s_label() {
    let a = analyse(
        "Sen. Whitcombe: We will not vote for a budget that closes rural clinics.\n\n\
         Interviewer: Would you vote for it if the clinics stayed open?",
    );
    assert_eq!(label_speakers(&a), ["Sen. Whitcombe", "Interviewer"]);
}

#[test]
fn a_headline_label_naming_someone_of_the_story_is_the_speaker() {
    let a = analyse(
        "Varga: The strike will end when the mines are safe\n\n\
         Union leader Ilona Varga told miners on Tuesday that talks would resume.",
    );
    assert_eq!(label_speakers(&a), ["Varga"]);
}

#[test]
fn the_labels_of_a_fact_box_or_a_how_to_are_no_speakers_bulleted_or_not() {
    let plain = "Pottery classes at the community hall\n\n\
                 Duration: 6 to 12 months of weekly lessons\n\n\
                 Cost: $40 a month for members of the hall\n\n\
                 Materials: clay, glaze and the use of the kiln\n\n\
                 Step 2: Mix the clay with water until it is soft.\n\n\
                 Tip: Wedge the clay before you throw it on the wheel.";
    let bulleted = plain.replace("\n\n", "\n\n- ");
    for text in [plain.to_string(), bulleted] {
        let a = analyse(&text);
        assert_eq!(label_speakers(&a), Vec::<String>::new(), "{text}");
        let speakers: Vec<&str> = a
            .annotations
            .iter()
            .filter(|x| x.kind == Kind::Attribution)
            .map(|x| x.text.as_str())
            .collect();
        for noun in ["Duration", "Cost", "Materials", "Step", "Tip"] {
            assert!(!speakers.contains(&noun), "{noun} speaks in {text}");
        }
    }
}

#[test]
fn a_label_line_of_a_fact_box_reads_as_its_bulleted_twin() {
    let line = "Duration: the board said the works would take two more years.";
    let attrs = |text: &str| {
        analyse(text)
            .annotations
            .into_iter()
            .filter(|x| x.kind != Kind::Claim)
            .map(|x| (x.kind, x.text, x.cue.map(|c| c.text)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        attrs(line),
        attrs(&format!("- {line}")).into_iter().collect::<Vec<_>>()
    );
}
