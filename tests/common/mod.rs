//! What the integration tests share: the seed articles, which live in the repository
//! (`samples/`), and the corpora of `../shared`, which a clone on its own lacks. A test
//! over a corpus asks `shared` for its folder and skips with a one-line notice when the
//! folder is absent; CI has `../shared` and runs it.
#![allow(dead_code)] // each test crate uses a different part

use std::path::{Path, PathBuf};

/// The two articles the project was created from, by file name in `samples/`.
pub const SEEDS: [&str; 2] = ["000_0399775715a1bf4a.txt", "004_5f6aecae78906b36.txt"];

/// A seed article's text.
pub fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Both seed articles' texts, in `SEEDS` order.
pub fn seeds() -> Vec<String> {
    SEEDS.iter().map(|name| seed(name)).collect()
}

/// `../shared/<relative>` when it exists; otherwise `None` after a notice on stderr, so
/// the calling test returns early (skips) in a clone without the shared corpora.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: ../shared/{relative} is absent (CI has it)");
        None
    }
}
