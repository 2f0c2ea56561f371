//! Benchmark inputs shared by `benches/engine.rs` and the measuring examples:
//! the polnear dev articles, and texts of a given size built by repeating them.
#![allow(dead_code)] // each includer uses some of these

use std::path::{Path, PathBuf};

/// `../shared/polnear/dev` beside the checkout.
pub fn dev_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/polnear/dev")
}

/// Every `.txt` file of `dir`, sorted by name.
pub fn texts_in(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
        })
        .collect()
}

/// A text of exactly `bytes` bytes (rounded down to a char boundary) made of `texts`
/// repeated, separated by blank lines as articles pasted one after another would be.
pub fn text_of_size(texts: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4);
    'fill: loop {
        for t in texts {
            if out.len() >= bytes {
                break 'fill;
            }
            out.push_str(t);
            out.push_str("\n\n");
        }
        assert!(!texts.is_empty(), "no texts to build from");
    }
    let mut cut = bytes.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}
