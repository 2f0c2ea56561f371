//! `quotelens/1` validation: every kind of bad input gets its first problem named with a JSON path.

use quotelens::model::{document_from_json, Document};
use serde_json::{json, Value};

/// "Hi 😀" is 4 code points; the quote covers `“Go.”` after it.
fn good() -> Value {
    json!({
        "format": "quotelens/1",
        "text": "Hi 😀 “Go.” she said.",
        "annotations": [
            {"id": "q1", "kind": "quote", "start": 5, "end": 10, "text": "“Go.”", "attribution": "a1",
             "rule": "quote-comma-name-cue", "confidence": 0.9},
            {"id": "a1", "kind": "attribution", "start": 11, "end": 14, "text": "she", "origin": "user",
             "speaker": "Ann Lee", "cue": {"start": 15, "end": 19, "text": "said"}},
            {"id": "c1", "kind": "claim", "start": 0, "end": 2, "text": "Hi", "score": 0.5, "signals": ["number"]}
        ]
    })
}

fn problem(v: &Value) -> String {
    match document_from_json(&v.to_string()) {
        Ok(doc) => panic!("accepted: {doc:?}"),
        Err(e) => e.to_string(),
    }
}

fn with(path: &[&str], value: Value) -> Value {
    let mut v = good();
    let mut at = &mut v;
    for (i, key) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        at = match key.parse::<usize>() {
            Ok(n) => &mut at[n],
            Err(_) if last && value.is_null() => {
                at.as_object_mut().unwrap().remove(*key);
                return v;
            }
            Err(_) => &mut at[*key],
        };
    }
    *at = value;
    v
}

#[test]
fn a_good_document_reads_back_exactly() {
    let doc = document_from_json(&good().to_string()).unwrap();
    assert_eq!(doc.annotations.len(), 3);
    assert_eq!(doc.annotations[1].cue.as_ref().unwrap().text, "said");
    assert_eq!(doc.annotations[1].origin, quotelens::Origin::User);
    assert_eq!(
        doc.annotations[0].origin,
        quotelens::Origin::Auto,
        "origin defaults to auto"
    );
    // What we write, we read: to_json and back is the identity.
    let again = document_from_json(&doc.to_json()).unwrap();
    assert_eq!(again, doc);
    // A byte order mark (as some editors save) is fine.
    assert_eq!(
        document_from_json(&format!("\u{feff}{}", doc.to_json())).unwrap(),
        doc
    );
    let empty = Document::new("", vec![]);
    assert_eq!(document_from_json(&empty.to_json()).unwrap(), empty);
}

#[test]
fn format_version_must_be_quotelens_1() {
    assert_eq!(
        problem(&with(&["format"], Value::Null)),
        "format: missing (expected \"quotelens/1\")"
    );
    assert_eq!(
        problem(&with(&["format"], json!("quotelens/2"))),
        "format: \"quotelens/2\" is a newer version than this QuoteLens reads (\"quotelens/1\")"
    );
    assert_eq!(
        problem(&with(&["format"], json!("brat"))),
        "format: \"brat\" is not a QuoteLens format (expected \"quotelens/1\")"
    );
    assert_eq!(
        problem(&with(&["format"], json!(1))),
        "format: expected the string \"quotelens/1\", found a number"
    );
}

#[test]
fn offsets_past_the_end_are_named_with_the_text_length() {
    assert_eq!(
        problem(&with(&["annotations", "0", "end"], json!(120))),
        "annotations[0].end: 120 is past the end of the text (20 code points)"
    );
    assert_eq!(
        problem(&with(&["annotations", "2", "start"], json!(21))),
        "annotations[2].start: 21 is past the end of the text (20 code points)"
    );
    assert_eq!(
        problem(&with(&["annotations", "1", "cue", "end"], json!(25))),
        "annotations[1].cue.end: 25 is past the end of the text (20 code points)"
    );
}

#[test]
fn negative_fractional_and_huge_numbers_are_refused() {
    assert_eq!(
        problem(&with(&["annotations", "0", "start"], json!(-1))),
        "annotations[0].start: -1 is negative (offsets count code points from 0)"
    );
    assert_eq!(
        problem(&with(&["annotations", "0", "start"], json!(2.5))),
        "annotations[0].start: 2.5 is not a whole number"
    );
    let huge = good().to_string().replace("\"end\":10", "\"end\":1e300");
    assert_eq!(
        problem(&serde_json::from_str(&huge).unwrap()),
        "annotations[0].end: 1e+300 is too large for an offset"
    );
    let beyond_u64 = good()
        .to_string()
        .replace("\"end\":10", "\"end\":184467440737095516150");
    assert!(
        problem(&serde_json::from_str(&beyond_u64).unwrap()).starts_with("annotations[0].end: ")
    );
    assert_eq!(
        problem(&with(&["annotations", "0", "end"], json!(u64::MAX))),
        format!(
            "annotations[0].end: {} is past the end of the text (20 code points)",
            u64::MAX
        )
    );
    assert_eq!(
        problem(&with(&["annotations", "2", "score"], json!(1.5))),
        "annotations[2].score: 1.5 is outside 0..1"
    );
    assert_eq!(
        problem(&with(&["annotations", "0", "confidence"], json!(-0.25))),
        "annotations[0].confidence: -0.25 is outside 0..1"
    );
    // A whole number written as a float is still a whole number.
    let float = good().to_string().replace("\"end\":10", "\"end\":10.0");
    assert!(document_from_json(&float).is_ok());
}

#[test]
fn start_after_end_is_refused() {
    let v = with(&["annotations", "0", "start"], json!(10));
    let v = {
        let mut v = v;
        v["annotations"][0]["end"] = json!(5);
        v
    };
    assert_eq!(problem(&v), "annotations[0].end: 5 is before start 10");
}

#[test]
fn ids_must_be_unique_and_present() {
    assert_eq!(
        problem(&with(&["annotations", "2", "id"], json!("q1"))),
        "annotations[2].id: \"q1\" is already used by annotations[0]"
    );
    assert_eq!(
        problem(&with(&["annotations", "2", "id"], json!(""))),
        "annotations[2].id: must not be empty"
    );
    assert_eq!(
        problem(&with(&["annotations", "2", "id"], Value::Null)),
        "annotations[2].id: missing (expected a string)"
    );
}

#[test]
fn attribution_links_must_resolve_to_an_attribution() {
    assert_eq!(
        problem(&with(&["annotations", "0", "attribution"], json!("a9"))),
        "annotations[0].attribution: \"a9\" is not the id of any annotation"
    );
    assert_eq!(
        problem(&with(&["annotations", "0", "attribution"], json!("c1"))),
        "annotations[0].attribution: \"c1\" is annotations[2], a claim, not an attribution"
    );
    assert_eq!(
        problem(&with(&["annotations", "1", "attribution"], json!("a1"))),
        "annotations[1].attribution: an attribution cannot link to an attribution (only quotes and claims do)"
    );
}

#[test]
fn text_must_match_its_offsets_in_code_points() {
    // Counting UTF-16 units (as a browser would) shifts everything after the emoji by one.
    let v = with(&["annotations", "0", "text"], json!(" “Go."));
    assert_eq!(
        problem(&v),
        "annotations[0].text: \" “Go.\" does not match the text at 5..10 (\"“Go.”\")"
    );
    assert_eq!(
        problem(&with(&["annotations", "1", "cue", "text"], json!("says"))),
        "annotations[1].cue.text: \"says\" does not match the text at 15..19 (\"said\")"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        document_from_json(&deep).unwrap_err().to_string(),
        "not valid JSON (nested too deeply)"
    );
    let mut v = good();
    v["annotations"][0]["signals"] =
        serde_json::from_str(&format!("{}{}", "[".repeat(100), "]".repeat(100))).unwrap();
    assert_eq!(
        problem(&v),
        "annotations[0].signals[0]: expected a string, found a list"
    );
}

#[test]
fn wrong_types_are_named() {
    assert_eq!(
        document_from_json("[1, 2]").unwrap_err().to_string(),
        "expected a JSON object with \"format\": \"quotelens/1\", found a list"
    );
    assert!(document_from_json("{\"format\": ")
        .unwrap_err()
        .to_string()
        .starts_with("not valid JSON ("));
    assert_eq!(
        problem(&with(&["text"], json!(["a"]))),
        "text: expected a string, found a list"
    );
    assert_eq!(
        problem(&with(&["annotations"], json!({}))),
        "annotations: expected a list, found an object"
    );
    assert_eq!(
        problem(&with(&["annotations", "1"], json!("a1"))),
        "annotations[1]: expected an object, found a string"
    );
    assert_eq!(
        problem(&with(&["annotations", "0", "kind"], json!("speech"))),
        "annotations[0].kind: \"speech\" is not \"quote\", \"attribution\" or \"claim\""
    );
    assert_eq!(
        problem(&with(&["annotations", "0", "start"], json!("5"))),
        "annotations[0].start: expected a whole number, found a string"
    );
    assert_eq!(
        problem(&with(&["annotations", "1", "origin"], json!("human"))),
        "annotations[1].origin: \"human\" is not \"auto\" or \"user\""
    );
    assert_eq!(
        problem(&with(&["annotations", "1", "cue"], json!("said"))),
        "annotations[1].cue: expected an object, found a string"
    );
    assert_eq!(
        problem(&with(&["annotations", "1", "speaker"], json!(7))),
        "annotations[1].speaker: expected a string, found a number"
    );
    assert_eq!(
        problem(&with(&["annotations", "2", "score"], json!("high"))),
        "annotations[2].score: expected a number, found a string"
    );
    assert_eq!(
        problem(&with(&["annotations", "0", "confidence"], json!("sure"))),
        "annotations[0].confidence: expected a number, found a string"
    );
    assert_eq!(
        problem(&with(&["annotations", "0", "rule"], json!(["a"]))),
        "annotations[0].rule: expected a string, found a list"
    );
}

#[test]
fn the_first_problem_in_document_order_is_reported() {
    let mut v = good();
    v["annotations"][0]["end"] = json!(99);
    v["annotations"][2]["kind"] = json!(3);
    assert_eq!(
        problem(&v),
        "annotations[0].end: 99 is past the end of the text (20 code points)"
    );
}
