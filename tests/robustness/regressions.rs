//! Every input the randomised tests ever failed on stays here, checked forever.

use super::invariants::ImportCase;
use super::{check_engine, check_import};

/// Texts the engine once failed on (found by `fuzz_for_a_while`).
const ENGINE_CASES: &[&str] = &[];

/// Import files that once broke a parser: the files chosen together, as (name, content).
const IMPORT_CASES: &[&[(&str, &str)]] = &[];

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
