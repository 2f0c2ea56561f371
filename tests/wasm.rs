//! wasm-bindgen tests, run in headless Chromium by `cargo test --target wasm32-unknown-unknown --test wasm`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn engine_runs_in_wasm_with_code_point_offsets() {
    let text = "😀 \"Hi there,\" she said.";
    let analysis = quotelens::analyse(text);
    let quote = analysis
        .annotations
        .iter()
        .find(|a| a.kind == quotelens::Kind::Quote)
        .expect("a quote");
    // The emoji is one code point (two UTF-16 units): the quote starts at code point 2.
    assert_eq!(quote.start, 2);
    assert!(quote.text.starts_with("\"Hi there"));
}
