//! Robustness (issue 8): the engine, the command line and the import parsers on odd,
//! huge, hostile and random input. Nothing may panic, and every result keeps the
//! invariants in `invariants.rs`.
//!
//! - `bad_input`: the named hard cases (empty text, 20 MB, NUL, CRLF, RTL, combining
//!   marks, emoji, thousands of quotation marks, astral offsets in exports).
//! - `fuzz`: generated and damaged input; a short fixed-seed run in the normal suite and
//!   a long run, our stand-in for cargo-fuzz (which needs a nightly toolchain):
//!
//!       FUZZ_SECONDS=600 cargo test --release --test robustness -- --ignored --nocapture
//!
//! - `regressions`: every input the fuzzer ever failed on.
#![cfg(not(target_arch = "wasm32"))]

mod bad_input;
#[path = "../common/mod.rs"]
mod common;
mod fuzz;
mod gen;
mod invariants;
mod regressions;
mod rng;

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

thread_local! {
    /// While set, panics are expected (we catch and report them): keep the hook quiet.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

fn install_quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                default(info);
            }
        }));
    });
}

/// Run `f`, turning a panic into an error message.
fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    install_quiet_hook();
    QUIET.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    match result {
        Ok(r) => r,
        Err(payload) => Err(format!(
            "panic: {}",
            payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)")
        )),
    }
}

/// Analyse `text` and check every invariant of the result.
pub fn check_engine(text: &str) -> Result<(), String> {
    guarded(|| {
        let analysis = quotelens::analyse(text);
        invariants::analysis(text, &analysis)?;
        if quotelens::analyse(text) != analysis {
            return Err("two analyses of the same text differ".into());
        }
        invariants::export_round_trip(text, &analysis)
    })
}

/// Import the files of `case`; an accepted document must be valid. `Ok(accepted)`.
pub fn check_import(case: &invariants::ImportCase) -> Result<bool, String> {
    guarded(|| invariants::import(case))
}

/// The polnear dev articles, the fuzzer's seed corpus; the seed articles of `samples/`
/// in a clone without `../shared`.
pub fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dir = root.join("../shared/polnear/dev");
    if !dir.exists() {
        eprintln!("../shared/polnear/dev is absent: the seed articles of samples/ instead");
        dir = root.join("samples");
    }
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}
