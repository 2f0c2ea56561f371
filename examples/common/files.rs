//! Shared by the examples that read the corpora in ../shared (included with `#[path]`:
//! a file under examples/common/ is not an example of its own).

use std::path::{Path, PathBuf};

/// The files of `dir` (relative to the crate) whose names end in `ext`, sorted.
pub fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.to_string_lossy().ends_with(ext))
        .collect();
    out.sort();
    out
}
