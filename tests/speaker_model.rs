//! The learnt speaker model (src/engine/speaker_model/): the engine's scores equal its
//! trainer's, and the shapes it decides, with made-up sentences.

use quotelens::analyse;
use quotelens::engine::speaker_model_rows;

mod common;
use common::who::{pair, quote, who};

/// `tests/speaker_model_check.json` holds, for a few invented texts, every candidate's
/// score as `examples/train_speakers.rs` computed it from the weights it shipped
/// (`scripts/train-speakers.sh`). The engine must score them the same.
#[test]
fn the_engine_scores_candidates_as_the_trainer_did() {
    let check: serde_json::Value =
        serde_json::from_str(include_str!("speaker_model_check.json")).expect("check JSON");
    let mut compared = 0;
    for case in check.as_array().expect("a list") {
        let text = case["text"].as_str().expect("text");
        let rows = speaker_model_rows(text);
        let want = case["quotes"].as_array().expect("quotes");
        assert_eq!(rows.len(), want.len(), "{text}");
        for (row, w) in rows.iter().zip(want) {
            assert_eq!(row.quote.start as u64, w["quote"][0].as_u64().unwrap());
            let scores = w["scores"].as_array().expect("scores");
            assert_eq!(row.candidates.len(), scores.len(), "{text}");
            for (c, s) in row.candidates.iter().zip(scores) {
                let s = s.as_f64().unwrap();
                assert!((f64::from(c.score) - s).abs() < 1e-4, "{} vs {s}", c.score);
                compared += 1;
            }
        }
    }
    assert!(compared >= 5, "only {compared} scores compared");
}

#[test]
fn a_quotation_in_the_next_paragraph_continues_the_previous_speaker() {
    let a = analyse(
        "\u{201c}The ferry will run again on Monday,\u{201d} said port director Ilse Varga.\n\n\
         \u{201c}We tested every engine twice and the crews are ready.\u{201d}\n\n\
         Tickets go on sale tomorrow.",
    );
    assert_eq!(
        who(&a, "ferry will run"),
        pair("port director Ilse Varga", "said")
    );
    let (speaker, _) = who(&a, "every engine").expect("the same speaker goes on");
    assert!(speaker.contains("Ilse Varga"), "{speaker}");
    assert_ne!(
        quote(&a, "ferry will run").attribution,
        quote(&a, "every engine").attribution,
        "two statements"
    );
}

#[test]
fn a_pronoun_speaker_is_the_last_named_person() {
    let a = analyse(
        "Coach Dana Whitfield watched the second half from the bench. \
         \u{201c}We gave away too many easy goals tonight,\u{201d} she said.",
    );
    assert_eq!(who(&a, "easy goals"), pair("she", "said"));
    let attr = common::who::attr_of(&a, quote(&a, "easy goals")).expect("attributed");
    assert_eq!(attr.speaker.as_deref(), Some("Dana Whitfield"));
}

#[test]
fn a_speaker_named_in_the_sentence_before_speaks_a_quotation_of_its_own() {
    let a = analyse(
        "Farmer Joaquim Bento said the drought had cost him half his herd. \
         \u{201c}I have never seen the river this low in forty years.\u{201d}",
    );
    let (speaker, _) = who(&a, "river this low").expect("attributed");
    assert!(speaker.contains("Joaquim Bento"), "{speaker}");
}

#[test]
fn nobody_speaks_a_title_or_a_slogan() {
    let a = analyse(
        "The gallery reopened on Saturday with a show called \u{201c}Rivers of Light\u{201d} \
         in its largest hall. Visitors queued for an hour.",
    );
    let said = a
        .annotations
        .iter()
        .filter(|x| x.kind == quotelens::Kind::Quote && x.text.contains("Rivers of Light"))
        .filter(|x| x.attribution.is_some())
        .count();
    assert_eq!(said, 0, "{:#?}", a.annotations);
}

#[test]
fn a_speaker_after_the_cue_is_chosen_over_a_name_inside_the_sentence() {
    let a = analyse(
        "\u{201c}Lisbon gave us everything we asked for,\u{201d} said Renata Alves, the \
         club's captain, after the final.",
    );
    assert_eq!(who(&a, "everything we asked"), pair("Renata Alves", "said"));
}

#[test]
fn a_statement_speaks_its_own_words() {
    let a = analyse(
        "The water board met on Monday.\n\n\
         \u{201c}We found no trace of lead in any of the school taps we tested,\u{201d} the \
         statement said in part.",
    );
    assert_eq!(who(&a, "trace of lead"), pair("the statement", "said"));
}

#[test]
fn a_name_before_a_colon_introduces_the_quotation_after_it() {
    let a = analyse(
        "Marta Quill: Harbour Plan \u{2018}Will Drown the Old Town.\u{2019}\n\n\
         Councillor Marta Quill said on Friday that the plan would flood the lower streets.",
    );
    let (speaker, cue) = who(&a, "Drown the Old Town").expect("attributed");
    assert!(speaker.contains("Marta Quill"), "{speaker}");
    assert_eq!(cue, ":");
}

/// The features of the candidate of `text`'s quotation holding `quoted` whose mention
/// holds `mention`, by name (`speaker_model_features` order).
fn candidate_features(text: &str, quoted: &str, mention: &str) -> Vec<(String, f32)> {
    let chars: Vec<char> = text.chars().collect();
    let span = |r: &std::ops::Range<usize>| chars[r.clone()].iter().collect::<String>();
    let rows = speaker_model_rows(text);
    let row = rows
        .iter()
        .find(|r| span(&r.quote).contains(quoted))
        .unwrap_or_else(|| panic!("the model weighs no quotation holding {quoted:?}"));
    let names: Vec<String> = row
        .candidates
        .iter()
        .map(|c| c.speaker.as_ref().map_or(String::new(), span))
        .collect();
    let c = row
        .candidates
        .iter()
        .zip(&names)
        .find(|(_, n)| n.contains(mention))
        .unwrap_or_else(|| panic!("no candidate {mention:?} among {names:?}"))
        .0;
    let features = quotelens::engine::speaker_model_features();
    features
        .iter()
        .zip(&c.features)
        .map(|(n, &x)| (n.to_string(), x))
        .collect()
}

fn feature(fs: &[(String, f32)], name: &str) -> f32 {
    fs.iter().find(|(n, _)| n == name).expect("a feature").1
}

#[test]
fn a_candidate_is_weighed_against_the_mentions_between_it_and_the_quotation() {
    let text = "Ilse Varga said talks would resume, and union leader Piet Mol told reporters \
                the strike was over. \u{201c}Nobody wants another winter without pay.\u{201d}";
    let near = candidate_features(text, "another winter", "Piet Mol");
    let far = candidate_features(text, "another winter", "Ilse Varga");
    assert_eq!(feature(&near, "nearest-before-quote"), 1.0, "{near:?}");
    assert_eq!(feature(&near, "mentions-between"), 0.0, "{near:?}");
    assert_eq!(feature(&far, "nearest-before-quote"), 0.0, "{far:?}");
    assert!(feature(&far, "mentions-between") > 0.0, "{far:?}");
    // One sentence end between each of them and the quotation.
    assert!(feature(&near, "sentences-between") > 0.0);
    assert_eq!(
        feature(&near, "sentences-between"),
        feature(&far, "sentences-between")
    );
}

#[test]
fn a_mention_after_a_preposition_or_in_an_apposition_is_marked() {
    let text = "After the vote in the harbour town, Mayor Ana Ruiz, a former pilot, said the \
                ferry would stay. \u{201c}The island cannot live without it.\u{201d}";
    let mayor = candidate_features(text, "cannot live", "Ana Ruiz");
    assert_eq!(feature(&mayor, "apposition-after"), 1.0, "{mayor:?}");
    assert_eq!(feature(&mayor, "after-preposition"), 0.0, "{mayor:?}");
    assert_eq!(feature(&mayor, "after-by"), 0.0, "{mayor:?}");
}
