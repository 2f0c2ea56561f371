//! Every input the randomised tests ever failed on stays here, checked forever.

use super::invariants::ImportCase;
use super::{check_engine, check_import};

/// Texts the engine once failed on (found by `fuzz_for_a_while`).
const ENGINE_CASES: &[&str] = &[
    // An empty reported-speech content after a final cue indexed past the last token.
    "r,he said,",
];

/// Import files that once broke a parser: the files chosen together, as (name, content).
const IMPORT_CASES: &[&[(&str, &str)]] = &[];

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
