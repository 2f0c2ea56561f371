//! The analysis worker's messages: what the page gets back through the worker is
//! exactly what the engine found (scores to the last bit, so exports equal the CLI's).
//! The reply's byte format on its own, and bad bytes, are tested in `reply_codec`.
#![cfg(not(target_arch = "wasm32"))]

use quotelens::worker::protocol::{handle, Request};
use quotelens::worker::reply_codec::{decode, encode, Reply};
use quotelens::{analyse, Document, Kind};

mod common;

fn texts() -> Vec<String> {
    let mut out = common::seeds();
    out.push(
        "😀 “We will win,” she said.\r\nTaxes rose 5.3% in 2023, the highest since 1990.".into(),
    );
    out.push(String::new());
    out
}

#[test]
fn a_reply_through_the_worker_is_the_engine_result_exactly() {
    let mut claims = 0;
    for (seq, text) in texts().into_iter().enumerate() {
        let request = Request {
            seq: seq as u64 + 7,
            text: text.clone(),
            setting: Default::default(),
            options: None,
        };
        let reply = handle(&request.to_bytes()).expect("a reply");
        let reply = decode(&reply, &text).unwrap();
        let direct = analyse(&text);
        assert_eq!(reply.seq, request.seq, "the reply names its request");
        assert_eq!(reply.annotations, direct.annotations);
        assert_eq!(reply.furniture, direct.furniture);
        assert_eq!(reply.warnings, direct.warnings);
        let bits = |d: &[quotelens::Annotation]| -> Vec<Option<u64>> {
            d.iter().map(|a| a.score.map(f64::to_bits)).collect()
        };
        assert_eq!(bits(&reply.annotations), bits(&direct.annotations));
        assert_eq!(
            Document::new(text.as_str(), reply.annotations.clone()).to_json(),
            Document::new(text.as_str(), direct.annotations).to_json(),
        );
        claims += reply
            .annotations
            .iter()
            .filter(|a| a.kind == Kind::Claim)
            .count();
    }
    assert!(claims > 0, "scores were carried at all");
}

#[test]
fn a_persons_cue_list_goes_with_the_request() {
    let text = "\"We will win,\" Ann Berg zinged. \"Never,\" Tom Hale said.";
    let ask = |options: Option<quotelens::engine::Options>| {
        let request = Request {
            seq: 1,
            text: text.into(),
            setting: Default::default(),
            options,
        };
        let reply = handle(&request.to_bytes()).unwrap();
        decode(&reply, text).unwrap().annotations
    };
    let built_in = ask(None);
    assert_eq!(built_in, analyse(text).annotations);
    let mut cues = quotelens::engine::CueList::default();
    cues.remove("said");
    cues.add("zinged");
    let options = quotelens::engine::Options { cues };
    let mine = ask(Some(options.clone()));
    assert_eq!(
        mine,
        quotelens::engine::analyse(text, &quotelens::Settings::builtin().with_options(&options))
            .annotations
    );
    assert_ne!(mine, built_in, "the person's cue list made a difference");
}

#[test]
fn a_persons_article_choice_goes_with_the_request() {
    let text = "Menu Home News Sport\n\n\"We will win,\" Ann Berg said on Monday in the capital.";
    let setting = quotelens::engine::ArticleSetting {
        marked: None,
        choices: vec![quotelens::engine::ArticleChoice {
            start: 0,
            end: text.chars().count(),
            article: false,
        }],
    };
    let request = Request {
        seq: 2,
        text: text.into(),
        setting: setting.clone(),
        options: None,
    };
    let reply = decode(&handle(&request.to_bytes()).unwrap(), text).unwrap();
    let direct =
        quotelens::engine::analyse(text, &quotelens::Settings::builtin().with_article(&setting));
    assert_eq!(reply.annotations, direct.annotations);
    assert!(
        reply.annotations.is_empty(),
        "all pushed out of the article"
    );
    assert!(
        !analyse(text).annotations.is_empty(),
        "the choice made a difference"
    );
}

#[test]
fn the_warm_up_text_goes_through_every_stage() {
    let analysis = analyse(quotelens::worker::protocol::WARM_UP_TEXT);
    for kind in [Kind::Quote, Kind::Attribution, Kind::Claim] {
        assert!(
            analysis.annotations.iter().any(|a| a.kind == kind),
            "{kind:?} in the warm-up text"
        );
    }
    assert!(
        analysis
            .annotations
            .iter()
            .any(|a| a.speaker.is_some() && a.speaker.as_deref() != Some(a.text.as_str())),
        "a speaker resolved from a surname or pronoun"
    );
    assert!(!analysis.furniture.is_empty(), "page furniture found");
    let reply = handle(&quotelens::worker::protocol::warm_up_request(2)).expect("a reply");
    let reply = decode(&reply, &quotelens::worker::protocol::WARM_UP_TEXT.repeat(2)).unwrap();
    assert_eq!(reply.annotations.len(), 2 * analysis.annotations.len());
}

#[test]
fn the_reply_leaves_out_the_words_the_page_has() {
    for text in texts() {
        let request = Request {
            seq: 1,
            text: text.clone(),
            setting: Default::default(),
            options: None,
        };
        let message = handle(&request.to_bytes()).unwrap();
        let annotations = analyse(&text).annotations;
        let plain = serde_json::to_string(&annotations).unwrap();
        // A record's fixed size outweighs the words left out only in a tiny text.
        assert!(
            annotations.len() < 10 || message.len() * 2 < plain.len(),
            "{} bytes sent for {} as plain JSON",
            message.len(),
            plain.len()
        );
        for a in annotations.iter().filter(|a| a.text.chars().count() > 20) {
            let words = a.text.as_bytes();
            assert!(
                !message.windows(words.len()).any(|w| w == words),
                "{:?} is not sent",
                a.text
            );
        }
    }
}

#[test]
fn words_other_than_the_texts_at_their_offsets_are_sent() {
    let text = "😀 “We will win,” she said.";
    let mut odd = quotelens::Annotation::new("q1", Kind::Quote, text, 2, 17);
    odd.text = "not the text there".into();
    let mut past_the_end = quotelens::Annotation::new("a1", Kind::Attribution, text, 18, 21);
    past_the_end.start = 40;
    past_the_end.end = 45;
    past_the_end.cue = Some(quotelens::Cue {
        start: 22,
        end: 26,
        text: "said".into(),
    });
    let mut user = quotelens::Annotation::new("u1", Kind::Claim, text, 0, 1);
    user.origin = quotelens::Origin::User;
    let reply = Reply {
        seq: 3,
        annotations: vec![odd, past_the_end, user],
        furniture: vec![],
        warnings: vec!["w".into()],
    };
    let bytes = encode(&reply, text).unwrap();
    assert_eq!(decode(&bytes, text).unwrap(), reply);
}

#[test]
fn a_request_goes_round_trip_and_anything_else_gets_no_reply() {
    let request = Request {
        seq: 9,
        text: "😀 “We will win,” she said.\n".into(),
        setting: quotelens::edit::ArticleSetting {
            marked: Some(vec![(0, 2)]),
            choices: vec![],
        },
        options: Some(Default::default()),
    };
    let bytes = request.to_bytes();
    assert_eq!(Request::from_bytes(&bytes), Some(request.clone()));
    let text_at = bytes.len() - request.text.len();
    assert_eq!(
        &bytes[text_at..],
        request.text.as_bytes(),
        "the text as it is"
    );
    for cut in 0..text_at {
        assert_eq!(Request::from_bytes(&bytes[..cut]), None, "cut at {cut}");
    }
    let mut not_utf8 = bytes.clone();
    not_utf8[text_at] = 0xff;
    for junk in [
        &b""[..],
        b"ready",
        b"{\"seq\": 1, \"text\": \"x\"}",
        b"QLq1\x02\0\0\0{}",
        b"QLq1\x0a\0\0\0{\"seq\":-1}x",
        &not_utf8,
    ] {
        assert_eq!(handle(junk), None, "{junk:?}");
    }
    assert!(
        handle(b"QLq1\x09\0\0\0{\"seq\":1}x").is_some(),
        "the least request"
    );
}

proptest::proptest! {
    /// Any score survives the trip through the worker's reply to the last bit.
    #[test]
    fn any_score_survives_the_reply(scores in proptest::collection::vec(0.0f64..=1.0, 1..20)) {
        let text = "Taxes rose.";
        let annotations = scores
            .iter()
            .enumerate()
            .map(|(i, &s)| quotelens::Annotation {
                score: Some(s),
                ..quotelens::Annotation::new(format!("c{i}"), Kind::Claim, text, 0, 5)
            })
            .collect();
        let reply = Reply { seq: 1, annotations, furniture: vec![(0, 1)], warnings: vec![] };
        let back = decode(&encode(&reply, text).unwrap(), text).unwrap();
        let bits: Vec<u64> = back.annotations.iter().map(|a| a.score.unwrap().to_bits()).collect();
        proptest::prop_assert_eq!(bits, scores.iter().map(|s| s.to_bits()).collect::<Vec<_>>());
    }
}
