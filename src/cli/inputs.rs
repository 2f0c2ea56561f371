//! What `annotate` reads, one input at a time and never all at once: files named on the
//! command line, directories walked in name order, paths listed one a line
//! (`--files-from`), and JSON Lines records (`--jsonl`). Each input also carries the name
//! its output gets under `--out`, so two inputs of one walk never write one file.

use std::fs::{File, FileType};
use std::io::{BufRead, BufReader};
use std::path::{Component, Path, PathBuf};

/// The extensions a directory walk takes: plain text, Markdown, web pages.
const WALKED: [&str; 4] = ["txt", "md", "html", "htm"];

/// Where an input's text comes from.
#[derive(Debug)]
pub(super) enum Source {
    /// A file (or "-", standard input).
    Path(PathBuf),
    /// One line of a JSON Lines file, as read (its number counts from 1).
    Record { line: String, number: usize },
    /// Something that could not be listed (an unreadable directory): reported in turn.
    Unlisted(String),
}

/// One input: its source and the name of its output under `--out`, without suffix.
#[derive(Debug)]
pub(super) struct Input {
    pub source: Source,
    pub stem: PathBuf,
}

impl Input {
    fn path(path: PathBuf, stem: PathBuf) -> Input {
        Input {
            source: Source::Path(path),
            stem,
        }
    }

    /// How the input is named in messages and in `--jsonl-out` ("id" of a file).
    pub fn name(&self) -> String {
        match &self.source {
            Source::Path(p) => p.display().to_string(),
            Source::Record { number, .. } => format!("line {number}"),
            Source::Unlisted(what) => what.clone(),
        }
    }
}

/// Where the inputs are listed, in the order they are read.
#[derive(Clone)]
pub(super) struct Listing {
    pub files: Vec<PathBuf>,
    pub files_from: Option<PathBuf>,
    pub jsonl: Option<PathBuf>,
    /// Not walked into (the output directory, when it lies under an input one).
    pub skip_dir: Option<PathBuf>,
}

impl Listing {
    /// Whether the run has exactly one input, a file or standard input, which may then
    /// go to standard output.
    pub fn is_one_file(&self) -> bool {
        self.files_from.is_none()
            && self.jsonl.is_none()
            && self.files.len() == 1
            && (self.files[0].as_os_str() == "-" || !self.files[0].is_dir())
    }

    /// Every input, lazily: a directory is read when the walk reaches it.
    pub fn inputs(self) -> impl Iterator<Item = Input> + Send {
        let skip = self.skip_dir.clone();
        let named = self
            .files
            .into_iter()
            .flat_map(move |path| named(path, &skip));
        let listed = self.files_from.into_iter().flat_map(listed_paths);
        let records = self.jsonl.into_iter().flat_map(records);
        named.chain(listed).chain(records)
    }

    /// The total size in bytes of the inputs, for the progress bar's time left; `None`
    /// when a list comes from standard input (it cannot be read twice). Walks the
    /// directories a second time, counting only.
    pub fn total_bytes(&self) -> Option<u64> {
        let stdin = |p: &Option<PathBuf>| p.as_ref().is_some_and(|p| p.as_os_str() == "-");
        if stdin(&self.files_from) || stdin(&self.jsonl) || self.files.iter().any(|f| f == "-") {
            return None;
        }
        let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
        let mut total = 0;
        for path in &self.files {
            for input in named(path.clone(), &self.skip_dir) {
                if let Source::Path(p) = &input.source {
                    total += size(p);
                }
            }
        }
        if let Some(list) = &self.files_from {
            for input in listed_paths(list.clone()) {
                if let Source::Path(p) = &input.source {
                    total += size(p);
                }
            }
        }
        Some(total + self.jsonl.as_deref().map_or(0, size))
    }
}

/// A path named on the command line: a file (its output named by its stem, as ever), or
/// a directory walked (outputs named by the path under it).
fn named(path: PathBuf, skip: &Option<PathBuf>) -> Box<dyn Iterator<Item = Input> + Send> {
    if path.as_os_str() != "-" && path.is_dir() {
        return Box::new(Walk::new(path, skip.clone()));
    }
    let stem = if path.as_os_str() == "-" {
        PathBuf::from("stdin")
    } else {
        PathBuf::from(path.file_stem().unwrap_or(path.as_os_str()))
    };
    Box::new(std::iter::once(Input::path(path, stem)))
}

/// A depth-first walk in name order (so a run is the same on every file system),
/// holding one directory's names at a time per level. Symbolic links to directories are
/// not followed (no cycles); hidden names (".x") are skipped.
struct Walk {
    root: PathBuf,
    skip: Option<PathBuf>,
    pending: Vec<std::vec::IntoIter<(PathBuf, Option<FileType>)>>,
    failed: Vec<String>,
}

impl Walk {
    fn new(root: PathBuf, skip: Option<PathBuf>) -> Walk {
        let mut walk = Walk {
            root: root.clone(),
            skip,
            pending: Vec::new(),
            failed: Vec::new(),
        };
        walk.enter(&root);
        walk
    }

    fn enter(&mut self, dir: &Path) {
        if self.skip.as_deref().is_some_and(|skip| same_dir(dir, skip)) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.failed
                    .push(format!("{}: cannot list: {e}", dir.display()));
                return;
            }
        };
        // The entry's type comes with the listing on most file systems: no stat a file.
        let mut paths: Vec<(PathBuf, Option<FileType>)> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| (e.path(), e.file_type().ok()))
            .collect();
        paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.pending.push(paths.into_iter());
    }

    fn wanted(path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| WALKED.iter().any(|w| w.eq_ignore_ascii_case(e)))
    }
}

impl Iterator for Walk {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(failed) = self.failed.pop() {
                return Some(Input {
                    source: Source::Unlisted(failed),
                    stem: PathBuf::new(),
                });
            }
            let (path, kind) = match self.pending.last_mut()?.next() {
                Some(entry) => entry,
                None => {
                    self.pending.pop();
                    continue;
                }
            };
            // A link is followed to a file, never to a directory (no cycles).
            let kind = match kind {
                Some(k) if k.is_symlink() => std::fs::metadata(&path).ok().map(|m| m.file_type()),
                Some(k) if k.is_dir() => {
                    self.enter(&path);
                    continue;
                }
                other => other,
            };
            if kind.is_some_and(|k| k.is_file()) && Walk::wanted(&path) {
                let under = path.strip_prefix(&self.root).unwrap_or(&path);
                let stem = under.with_extension("");
                return Some(Input::path(path, stem));
            }
        }
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Reads lines one at a time from a file or standard input ("-"); a read error ends
/// the list with one failed input.
fn lines_of(list: PathBuf) -> Box<dyn Iterator<Item = Result<String, String>> + Send> {
    let reader: Box<dyn BufRead + Send> = if list.as_os_str() == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        match File::open(&list) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                let msg = format!("{}: cannot read: {e}", list.display());
                return Box::new(std::iter::once(Err(msg)));
            }
        }
    };
    let mut failed = false;
    let name = list.display().to_string();
    Box::new(reader.lines().map_while(move |line| {
        if failed {
            return None;
        }
        failed = line.is_err();
        Some(line.map_err(|e| format!("{name}: cannot read: {e}")))
    }))
}

/// `--files-from`: one path a line, blank lines skipped; outputs named by the path as
/// written, without its extension (an absolute one without its root, ".." as "_").
fn listed_paths(list: PathBuf) -> impl Iterator<Item = Input> + Send {
    lines_of(list).filter_map(|line| match line {
        Err(msg) => Some(Input {
            source: Source::Unlisted(msg),
            stem: PathBuf::new(),
        }),
        Ok(line) => {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                return None;
            }
            let path = PathBuf::from(line);
            let stem = relative_stem(&path);
            Some(Input::path(path, stem))
        }
    })
}

/// `path` without its extension, made relative: only its normal parts, ".." as "_".
fn relative_stem(path: &Path) -> PathBuf {
    let mut stem = PathBuf::new();
    for part in path.with_extension("").components() {
        match part {
            Component::Normal(p) => stem.push(p),
            Component::ParentDir => stem.push("_"),
            _ => {}
        }
    }
    if stem.as_os_str().is_empty() {
        stem.push("_");
    }
    stem
}

/// `--jsonl`: one record a line (blank lines skipped); outputs named by the record's
/// "id" when it makes a file name, else by the line's number.
fn records(file: PathBuf) -> impl Iterator<Item = Input> + Send {
    lines_of(file)
        .enumerate()
        .filter_map(|(i, line)| match line {
            Err(msg) => Some(Input {
                source: Source::Unlisted(msg),
                stem: PathBuf::new(),
            }),
            Ok(line) if line.trim().is_empty() => None,
            Ok(line) => {
                let number = i + 1;
                let stem = PathBuf::from(format!("line-{number}"));
                Some(Input {
                    source: Source::Record { line, number },
                    stem,
                })
            }
        })
}

/// A file name made of a record's id: letters, digits, "-", "_" and "." kept, others
/// as "_"; `None` for an empty id or one of dots only.
pub(super) fn id_stem(id: &str) -> Option<PathBuf> {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    (!name.trim_matches('.').is_empty()).then(|| PathBuf::from(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_paths_name_outputs_under_the_output_directory() {
        assert_eq!(relative_stem(Path::new("a/b/c.txt")), Path::new("a/b/c"));
        assert_eq!(
            relative_stem(Path::new("/data/x.html")),
            Path::new("data/x")
        );
        assert_eq!(relative_stem(Path::new("../up/y.md")), Path::new("_/up/y"));
        assert_eq!(relative_stem(Path::new("./z.txt")), Path::new("z"));
    }

    #[test]
    fn ids_make_safe_file_names() {
        assert_eq!(id_stem("story-1"), Some(PathBuf::from("story-1")));
        assert_eq!(id_stem("a/b c"), Some(PathBuf::from("a_b_c")));
        assert_eq!(id_stem(".."), None);
        assert_eq!(id_stem(""), None);
    }
}
