//! The analysis worker's messages: what the page gets back through the worker is
//! exactly what the engine found (scores to the last bit, so exports equal the CLI's).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use quotelens::worker::protocol::{handle, Reply, Request};
use quotelens::{analyse, Document, Kind};

fn texts() -> Vec<String> {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut out: Vec<String> = std::fs::read_dir(&seeds)
        .expect("../shared/seeds")
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    out.push(
        "😀 “We will win,” she said.\r\nTaxes rose 5.3% in 2023, the highest since 1990.".into(),
    );
    out.push(String::new());
    out
}

#[test]
fn a_reply_through_json_is_the_engine_result_exactly() {
    let mut claims = 0;
    for (seq, text) in texts().into_iter().enumerate() {
        let request = Request {
            seq: seq as u64 + 7,
            text: text.clone(),
            setting: Default::default(),
        };
        let reply = handle(&serde_json::to_string(&request).unwrap()).expect("a reply");
        let reply: Reply = serde_json::from_str(&reply).unwrap();
        let direct = analyse(&text);
        assert_eq!(reply.seq, request.seq, "the reply names its request");
        assert_eq!(reply.annotations, direct.annotations);
        assert_eq!(reply.boilerplate, direct.boilerplate);
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
fn anything_but_a_request_gets_no_reply() {
    for junk in [
        "",
        "ready",
        "{}",
        "{\"seq\": -1, \"text\": \"x\"}",
        "[1, 2]",
    ] {
        assert_eq!(handle(junk), None, "{junk:?}");
    }
}

proptest::proptest! {
    /// Any score survives the trip through the worker's JSON to the last bit (without
    /// serde_json's float_roundtrip about one in ten would not).
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
        let reply = Reply { seq: 1, annotations, boilerplate: vec![(0, 1)], warnings: vec![] };
        let back: Reply = serde_json::from_str(&serde_json::to_string(&reply).unwrap()).unwrap();
        let bits: Vec<u64> = back.annotations.iter().map(|a| a.score.unwrap().to_bits()).collect();
        proptest::prop_assert_eq!(bits, scores.iter().map(|s| s.to_bits()).collect::<Vec<_>>());
    }
}
