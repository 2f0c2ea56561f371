//! Attribution shapes of issue 18 (speakers and cues that hold on unseen news), each
//! with made-up sentences: what a reader takes as the speaker and cue of each quote.

use quotelens::analyse;

mod common;
use common::who::{attr_of, pair, quote, who};

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

#[test]
fn colon_introductions_name_the_speaker_before_the_colon() {
    let a = analyse(
        "The clinic closed its doors at noon. Marta Solis, a pharmacist in Porto: \u{201c}We had nothing left to give.\u{201d}\n\n\
         Solis added: \u{201c}Nobody warned us about the shortage.\u{201d}\n\n\
         The union said in a statement: \u{201c}Our members will not work unsafe shifts.\u{201d}",
    );
    assert_eq!(who(&a, "nothing left"), pair("Marta Solis", ":"));
    assert_eq!(who(&a, "Nobody warned"), pair("Solis", "added"));
    assert_eq!(who(&a, "unsafe shifts"), pair("The union", "said"));
}

#[test]
fn a_speaker_after_the_cue_keeps_the_role_in_front() {
    let a = analyse(
        "\u{201c}The reef recovers faster than we feared,\u{201d} said marine ecologist Petra Lind of the Oslo Institute.\n\n\
         \u{201c}We lost the game up front,\u{201d} said defensive end Tomas Vik, who missed two tackles.",
    );
    assert_eq!(
        who(&a, "lost the game"),
        pair("defensive end Tomas Vik", "said")
    );
    let (speaker, cue) = who(&a, "reef recovers").expect("attributed");
    assert_eq!(cue, "said");
    assert!(
        speaker.starts_with("marine ecologist Petra Lind"),
        "{speaker}"
    );
}

#[test]
fn first_names_that_are_also_words_are_names() {
    let a = analyse(
        "\u{201c}The vote was fair,\u{201d} said Will Ortega.\n\n\
         Hope Nguyen said, \u{201c}We counted every ballot twice.\u{201d}\n\n\
         Mark Dunn told the panel, \u{201c}The machines worked.\u{201d}",
    );
    assert_eq!(who(&a, "vote was fair"), pair("Will Ortega", "said"));
    assert_eq!(who(&a, "every ballot"), pair("Hope Nguyen", "said"));
    assert_eq!(who(&a, "machines worked"), pair("Mark Dunn", "told"));
}

#[test]
fn documents_speak_through_their_verbs() {
    let a = analyse(
        "\u{201c}Staff acted within the rules,\u{201d} the audit reads.\n\n\
         \u{201c}No further action is needed,\u{201d} according to the audit.",
    );
    assert_eq!(who(&a, "within the rules"), pair("the audit", "reads"));
    assert_eq!(
        who(&a, "No further action"),
        pair("the audit", "according to")
    );
}

#[test]
fn speech_verbs_the_training_gold_never_counted_are_cues() {
    let a = analyse(
        "\u{201c}We slept in the car for a week,\u{201d} Ines Moreau recounted.\n\n\
         \u{201c}That was the easy part,\u{201d} she quipped.\n\n\
         \u{201c}Bring water and patience,\u{201d} Moreau advises.\n\n\
         \u{201c}I would do it again,\u{201d} her brother chimed in.",
    );
    assert_eq!(
        who(&a, "slept in the car"),
        pair("Ines Moreau", "recounted")
    );
    assert_eq!(who(&a, "easy part"), pair("she", "quipped"));
    assert_eq!(who(&a, "water and patience"), pair("Moreau", "advises"));
    assert_eq!(who(&a, "do it again"), pair("her brother", "chimed in"));
}

#[test]
fn words_that_are_no_speech_are_never_cues() {
    let a = analyse(
        "Garrett hit a double in the \u{201c}seventh inning of a tight game\u{201d} and the crowd stood.\n\n\
         The probe will soon reach orbit. \u{201c}It is a long way from home,\u{201d} the mission team wrote.",
    );
    let cues: Vec<String> = a
        .annotations
        .iter()
        .filter_map(|x| x.cue.as_ref().map(|c| c.text.clone()))
        .collect();
    for word in ["hit", "soon", "took"] {
        assert!(!cues.iter().any(|c| c == word), "{word} in {cues:?}");
    }
    assert_eq!(who(&a, "long way"), pair("the mission team", "wrote"));
}

#[test]
fn a_participle_cue_takes_the_subject_of_its_sentence() {
    let a = analyse(
        "Reyes issued a statement on Monday, saying, \u{201c}The district will repay every family.\u{201d}",
    );
    assert_eq!(who(&a, "repay every family"), pair("Reyes", "saying"));
}

#[test]
fn a_place_is_never_a_speaker() {
    let a = analyse(
        "A senior official in Ottawa, Canada, said, \u{201c}The talks will resume in spring.\u{201d}\n\n\
         Sen. Ana Cole, D-Maine, said, \u{201c}We have the votes.\u{201d}",
    );
    assert_eq!(
        who(&a, "talks will resume"),
        pair("A senior official", "said")
    );
    assert_eq!(who(&a, "have the votes"), pair("Sen. Ana Cole", "said"));
}

#[test]
fn a_quotation_after_a_paragraph_of_reported_speech_is_that_speaker_s() {
    let a = analyse(
        "Arturo Medina says he has tried to stay calm through the talks.\n\n\
         \u{201c}With these meetings going on, we will get a deal done.\u{201d}",
    );
    assert_eq!(who(&a, "meetings going on"), pair("Arturo Medina", "says"));
}

#[test]
fn a_noun_after_a_preposition_does_not_take_the_cue_from_the_verb() {
    let a = analyse(
        "\u{201c}One more question and I walk out,\u{201d} Dana Pruitt quipped in reference to the panel.",
    );
    assert_eq!(who(&a, "walk out"), pair("Dana Pruitt", "quipped"));
}

#[test]
fn a_participle_of_a_subject_that_talks_about_something_is_its_cue() {
    let a =
        analyse("Ortiz talks about the crisis, saying, \u{201c}We need more nurses now.\u{201d}");
    assert_eq!(who(&a, "more nurses"), pair("Ortiz", "saying"));
}

#[test]
fn a_participle_after_an_opening_phrase_takes_the_subject_after_it() {
    let a = analyse(
        "The mill closed in spring. Three weeks later, Pavel Orlik wrote back, saying \u{201c}We had no choice but to shut the doors.\u{201d}\n\n\
         Back in Lisbon, Rita Moura praised the new harbour plan, saying, \u{201c}It will bring the ferries back.\u{201d}",
    );
    assert_eq!(who(&a, "no choice"), pair("Pavel Orlik", "saying"));
    assert_eq!(who(&a, "ferries back"), pair("Rita Moura", "saying"));
}

#[test]
fn a_participle_speaks_for_its_subject_not_for_the_noun_before_its_comma() {
    let a = analyse(
        "Senator Ada Lenk endorsed the governor on Friday, saying, \u{201c}She has earned a second term.\u{201d}",
    );
    assert_eq!(who(&a, "second term"), pair("Senator Ada Lenk", "saying"));
}

#[test]
fn a_statement_introducing_a_quotation_gives_the_quotation_its_subject() {
    let a = analyse(
        "Marta Ilves issued a statement late on Monday, saying, \u{201c}The company will appeal the ruling.\u{201d}",
    );
    assert_eq!(who(&a, "appeal the ruling"), pair("Marta Ilves", "saying"));
}

#[test]
fn a_place_and_its_region_before_a_cue_is_no_speaker() {
    let a = analyse(
        "\u{201c}The river is rising fast,\u{201d} Bristol, Tennessee, said the mayor in a statement.",
    );
    assert_ne!(
        who(&a, "river is rising").map(|(s, _)| s),
        Some("Bristol".to_string())
    );
}

#[test]
fn a_span_of_time_is_no_speaker() {
    let a = analyse(
        "The vote was delayed twice. \u{201c}We waited for hours,\u{201d} a few minutes later said Omar Haddad, who chairs the board.",
    );
    assert_ne!(
        who(&a, "waited for hours").map(|(s, _)| s),
        Some("a few minutes".to_string())
    );
}

#[test]
fn a_quotation_signed_by_a_dash_in_the_next_paragraph_is_that_person_s() {
    let a = analyse(
        "Readers wrote in about the bridge.\n\n\
         \u{201c}The new lanes saved me twenty minutes a day.\u{201d}\n\n\
         \u{2014} Ines Carvalho, Porto.\n\n\
         The council will publish more letters next week.",
    );
    assert_eq!(who(&a, "twenty minutes"), pair("Ines Carvalho", "\u{2014}"));
}

#[test]
fn one_of_a_group_after_the_cue_is_the_speaker() {
    let a = analyse(
        "\u{201c}There will be no deal this year,\u{201d} said one of the negotiators, who asked not to be named.",
    );
    assert_eq!(
        who(&a, "no deal this year"),
        pair("one of the negotiators", "said")
    );
}

#[test]
fn a_name_and_an_age_between_commas_is_the_speaker() {
    let a = analyse(
        "\u{201c}I kept the shop open through the storm,\u{201d} Dario Vell, 58, told the local paper.",
    );
    assert_eq!(who(&a, "kept the shop"), pair("Dario Vell", "told"));
}

#[test]
fn the_second_verb_of_a_coordination_speaks_for_the_first_verb_s_subject() {
    let a = analyse(
        "Asked about the delay, harbour chief Ines Okoro laughed and said, \u{201c}We will see what the spring brings.\u{201d}\n\n\
         The coach thanked the fans and later added, \u{201c}This squad never gives up on a match.\u{201d}\n\n\
         Okoro said the dredging was ordered by the port board and said, \u{201c}Ask them about the bill.\u{201d}\n\n\
         At the mention of the bridge she smiled and admitted \u{201c}it has been our longest project by far.\u{201d}",
    );
    assert_eq!(
        who(&a, "spring brings"),
        pair("harbour chief Ines Okoro", "said")
    );
    assert_eq!(who(&a, "never gives up"), pair("The coach", "added"));
    assert_eq!(who(&a, "Ask them"), pair("Okoro", "said"));
    assert_eq!(who(&a, "longest project"), pair("she", "admitted"));
}

#[test]
fn a_pair_of_names_joined_by_and_before_the_cue_is_one_speaker() {
    let a = analyse(
        "Paul Diaz and Lena Ortiz said, \u{201c}We are leaving the club when the season ends.\u{201d}",
    );
    assert_eq!(
        who(&a, "leaving the club"),
        pair("Paul Diaz and Lena Ortiz", "said")
    );
}

#[test]
fn a_role_with_its_of_phrase_and_a_person_after_the_cue_are_the_speaker() {
    let a = analyse(
        "\u{201c}The hall will be full by noon,\u{201d} said master of ceremonies Tomas Reyes, a retired teacher.\n\n\
         \u{201c}Nobody here reads the small print,\u{201d} wrote a reader who follows the club.",
    );
    assert_eq!(
        who(&a, "hall will be full"),
        pair("master of ceremonies Tomas Reyes", "said")
    );
    assert_eq!(who(&a, "small print"), pair("a reader", "wrote"));
}

#[test]
fn a_name_between_a_dash_and_a_colon_introduces_the_quotation() {
    let a = analyse(
        "Pollsters admit blame for the late swing - Ana Ruiz: \u{201c}We stopped calling voters a week too early.\u{201d}",
    );
    assert_eq!(who(&a, "stopped calling"), pair("Ana Ruiz", ":"));
}

#[test]
fn a_participle_after_a_when_clause_speaks_for_that_clause_s_subject() {
    let a = analyse(
        "The hall was quiet when nurse Marta Solis interrupted the minister, shouting \u{201c}no more double shifts!\u{201d}",
    );
    assert_eq!(
        who(&a, "double shifts"),
        pair("nurse Marta Solis", "shouting")
    );
}

#[test]
fn a_speaker_after_an_opening_quotation_keeps_a_long_apposition_out() {
    let a = analyse(
        "The vote ended late.\n\n\
         \u{201c}We have had better weeks than this one,\u{201d} harbour pilot Ivo Brandt, wearing a yellow coat and \u{201c}Save the Pier\u{201d} badges, said as the rain fell.\n\n\
         The ferry was late again.\n\n\
         \u{201c}Nobody told us about the delay,\u{201d} Ana Ruiz, the pilot who runs the night crossing tweeted on Monday.",
    );
    assert_eq!(
        who(&a, "better weeks"),
        pair("harbour pilot Ivo Brandt", "said")
    );
    assert_eq!(who(&a, "Nobody told us"), pair("Ana Ruiz", "tweeted"));
}

#[test]
fn the_subject_of_a_sentence_introducing_a_quotation_speaks_without_a_listed_cue() {
    let a = analyse(
        "The council voted against the plan. In a radio interview that evening, Marta Solis went even further: \u{201c}The harbour will be empty in ten years.\u{201d}\n\n\
         The band played late. In their best song, the Tidewaters sing, \u{201c}Nobody leaves this town for long.\u{201d}",
    );
    let (speaker, cue) = who(&a, "harbour will be empty").expect("attributed");
    assert_eq!(speaker, "Marta Solis");
    assert!(cue.starts_with("went"), "cue {cue:?}");
    let (speaker, cue) = who(&a, "Nobody leaves").expect("attributed");
    assert_eq!(speaker, "the Tidewaters");
    assert!(cue.starts_with("sing"), "cue {cue:?}");
}

#[test]
fn a_modal_between_the_speaker_and_the_cue_keeps_the_speaker() {
    let a = analyse(
        "The clinic shut at noon. The mayor could only quip: \u{201c}At least the queue is gone.\u{201d}",
    );
    let (speaker, cue) = who(&a, "queue is gone").expect("attributed");
    assert_eq!(speaker, "The mayor");
    assert!(cue.contains("quip"), "cue {cue:?}");
}

#[test]
fn the_cue_right_before_the_quotation_is_its_cue_after_a_coordination() {
    let a = analyse(
        "Ruiz did not name her rivals on Sunday but told the crowd, \u{201c}We are ready for a fight.\u{201d}",
    );
    assert_eq!(who(&a, "ready for a fight"), pair("Ruiz", "told"));
}

#[test]
fn a_subordinator_opening_the_introducing_sentence_is_no_speaker() {
    let a = analyse(
        "The pier stayed open. As the Tidewaters sang back in the spring, \u{201c}Nobody leaves this town for long.\u{201d}",
    );
    let (speaker, cue) = who(&a, "Nobody leaves").expect("attributed");
    assert_eq!(speaker, "the Tidewaters");
    assert!(cue.starts_with("sang"), "cue {cue:?}");
}

#[test]
fn a_later_part_with_its_own_cue_and_mention_is_an_attribution_of_its_own() {
    // `"A," said X. "B," she added.`: two statements, each with its own mention and cue;
    // the pronoun stays the mention, the person behind it is still named.
    let a = analyse(
        "\u{201c}The ferry runs again from June,\u{201d} said Mira Kallas. \
         \u{201c}The harbour was never the problem,\u{201d} she added.",
    );
    assert_ne!(
        quote(&a, "ferry runs").attribution,
        quote(&a, "harbour").attribution
    );
    assert_eq!(who(&a, "ferry runs"), pair("Mira Kallas", "said"));
    assert_eq!(who(&a, "harbour"), pair("she", "added"));
    let second = attr_of(&a, quote(&a, "harbour")).expect("attributed");
    assert_eq!(second.speaker.as_deref(), Some("Mira Kallas"));
}

#[test]
fn parts_without_a_cue_of_their_own_stay_one_attribution() {
    // An interrupted quotation and a quotation after its attributed sentence in the same
    // paragraph are one statement (QUOTE-PROTOCOL.md).
    let a = analyse(
        "\u{201c}The ferry runs again from June,\u{201d} she said, \u{201c}if the weather holds.\u{201d}",
    );
    assert_eq!(
        quote(&a, "ferry runs").attribution,
        quote(&a, "weather holds").attribution
    );
    let a = analyse(
        "\u{201c}The ferry runs again from June,\u{201d} Mira Kallas said. \u{201c}The crews are ready.\u{201d}",
    );
    assert_eq!(
        quote(&a, "ferry runs").attribution,
        quote(&a, "crews are ready").attribution
    );
    // The pause after a cue of its own does not split what follows it.
    let a = analyse(
        "\u{201c}The ferry runs again from June,\u{201d} said Mira Kallas. \
         \u{201c}The harbour was never the problem,\u{201d} she added. \u{201c}The crews are ready.\u{201d}",
    );
    assert_eq!(
        quote(&a, "harbour").attribution,
        quote(&a, "crews are ready").attribution
    );
}

#[test]
fn a_quotation_over_paragraphs_that_the_rules_left_alone_takes_the_speaker_the_model_finds() {
    // The apposition runs past the rules' reach; the model weighs the first part and the
    // later part follows it, one statement.
    let a = analyse(
        "Tomas Berg, a ferry pilot from the south shore of the lake and the head of the local crew association, said: \u{201c}We will not sail under these rules. The boats are too old.\n\n\
         \u{201c}We will stop on Monday and stay in port until the board listens.\u{201d}\n\n\
         The board meets next week.",
    );
    assert_eq!(who(&a, "sail under"), pair("Tomas Berg", "said"));
    assert_eq!(
        quote(&a, "sail under").attribution,
        quote(&a, "stop on Monday").attribution
    );
}
