//! Every input the randomised tests ever failed on stays here, checked forever.

use super::invariants::ImportCase;
use super::{check_engine, check_import};

/// Texts the engine once failed on (found by `fuzz_for_a_while`).
const ENGINE_CASES: &[&str] = &[
    // An empty reported-speech content after a final cue indexed past the last token.
    "r,he said,",
];

/// Import files chosen together, as (name, content), that a parser must refuse with a
/// message or read into a valid document: hand-made hostile shapes, and any import the
/// fuzzer ever broke a parser with.
const IMPORT_CASES: &[&[(&str, &str)]] = &[
    // A brat span past the end of its text.
    &[
        ("a.txt", "\u{201c}We will win,\u{201d} Ana Ruiz said.\n"),
        ("a.ann", "T1\tSource 15 99\tAna Ruiz\n"),
    ],
    // brat offsets counted against CRLF line ends: the covered words disagree.
    &[
        ("a.txt", "One.\r\n\u{201c}Go,\u{201d} she said.\r\n"),
        (
            "a.ann",
            "T1\tCue 17 21\tsaid\nT2\tContent 6 11\t\u{201c}Go,\u{201d}\n",
        ),
    ],
    // A brat relation naming entities that are not there.
    &[
        ("a.txt", "\u{201c}Go,\u{201d} she said.\n"),
        (
            "a.ann",
            "T1\tCue 10 14\tsaid\nE1\tAttribution:T4 Source:T9 Cue:T1\n",
        ),
    ],
    // A brat .ann without its text.
    &[("a.ann", "T1\tCue 0 4\tsaid\n")],
    // quotelens/1 with a span that ends before it starts and one past the text.
    &[(
        "a.quotelens.json",
        r#"{"format":"quotelens/1","text":"abc","annotations":[{"id":"q1","kind":"quote","start":2,"end":1,"origin":"user"},{"id":"q2","kind":"quote","start":1,"end":9,"origin":"user"}]}"#,
    )],
    // quotelens/1 whose offsets were counted in UTF-16 (an astral character first).
    &[(
        "a.quotelens.json",
        r#"{"format":"quotelens/1","text":"\ud83d\ude00 \u201cGo\u201d","annotations":[{"id":"q1","kind":"quote","start":3,"end":7,"origin":"user"}]}"#,
    )],
    // A W3C annotation whose selector lies past the text and whose body is not a list.
    &[(
        "a.jsonld",
        r#"{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":{"items":[{"id":"x","type":"Annotation","body":"quote","target":{"selector":{"type":"TextPositionSelector","start":5,"end":500}}}]}}"#,
    )],
];

/// Texts whose own exports must read back in every format (found by the fuzzer).
const ROUND_TRIP_CASES: &[&str] = &[
    // brat import dropped the text's leading U+FEFF, shifting every offset by one.
    "\u{feff}\"We will win,\" she said.\n",
];

#[test]
fn exports_of_regression_texts_read_back() {
    for text in ROUND_TRIP_CASES {
        let mut rng = super::rng::Rng::new(0);
        for case in super::invariants::import_cases(&mut rng, text)
            .iter()
            .filter(|c| c.must_accept)
        {
            if let Err(e) = check_import(case) {
                panic!("{text:?}: {e}");
            }
        }
    }
}

#[test]
fn engine_regressions_keep_every_invariant() {
    for (i, text) in ENGINE_CASES.iter().enumerate() {
        if let Err(e) = check_engine(text) {
            panic!("engine regression {i} ({text:?}): {e}");
        }
    }
}

#[test]
fn import_regressions_are_refused_or_valid() {
    assert!(
        !IMPORT_CASES.is_empty(),
        "a test over no case tests nothing"
    );
    for files in IMPORT_CASES {
        let case = ImportCase {
            files: files
                .iter()
                .map(|(n, b)| (n.to_string(), b.as_bytes().to_vec()))
                .collect(),
            must_accept: false,
        };
        if let Err(e) = check_import(&case) {
            panic!("import regression {files:?}: {e}");
        }
    }
}
