//! Shared by the examples that read the corpora in ../shared (included with `#[path]`:
//! a file under examples/common/ is not an example of its own). Each example uses
//! part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The files of `dir` (relative to the crate) whose names end in `ext`, sorted.
pub fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    files_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), ext)
}

/// The files of `dir` (as given, relative to the working directory) whose names end in
/// `ext`, sorted.
pub fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.to_string_lossy().ends_with(ext))
        .collect();
    out.sort();
    out
}

/// The names of the pages in `dir` (as given, relative to the working directory): the
/// file names ending in `suffix` without it, sorted.
pub fn names(dir: &str, suffix: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_suffix(suffix).map(str::to_string)
        })
        .collect();
    out.sort();
    out
}
