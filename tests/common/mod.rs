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

/// Who said the quotes of an analysis: the helpers of the attribution tests.
pub mod who {
    use quotelens::{Analysis, Annotation, Kind};

    /// The attribution `x` links to.
    pub fn attr_of<'a>(a: &'a Analysis, x: &Annotation) -> Option<&'a Annotation> {
        let link = x.attribution.as_deref()?;
        a.annotations.iter().find(|y| y.id == link)
    }

    /// The quote whose text contains `needle`.
    pub fn quote<'a>(a: &'a Analysis, needle: &str) -> &'a Annotation {
        a.annotations
            .iter()
            .find(|x| x.kind == Kind::Quote && x.text.contains(needle))
            .unwrap_or_else(|| panic!("no quote contains {needle:?}: {:#?}", a.annotations))
    }

    /// (speaker mention, cue) of the quote containing `needle`, or None when unattributed.
    pub fn who(a: &Analysis, needle: &str) -> Option<(String, String)> {
        let at = attr_of(a, quote(a, needle))?;
        Some((
            at.text.clone(),
            at.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
        ))
    }

    /// What `who` gives for `speaker` and `cue`.
    pub fn pair(speaker: &str, cue: &str) -> Option<(String, String)> {
        Some((speaker.to_string(), cue.to_string()))
    }
}

/// The real `quotelens` binary run with `args`, its output collected.
pub fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_quotelens"))
        .args(args)
        .output()
        .unwrap()
}

/// The real `quotelens` binary run with `args` then `paths` (the files and folders a
/// test wrote), its output collected.
pub fn cli_paths(args: &[&str], paths: &[&Path]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_quotelens"))
        .args(args)
        .args(paths)
        .output()
        .unwrap()
}

/// An empty folder of the system's temporary folder for one test, named after it and
/// this process (so test runs in parallel never share one); emptied first if a run
/// before left it behind.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quotelens-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The real `quotelens` binary run with `args` and `stdin` as its standard input.
pub fn cli_with_input(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotelens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// A learnt model's check file against the engine: `check` (written by its trainer's
/// `--check`) lists, per invented text, the rows under `list_key`, each with its span
/// under `span_key` and the trainer's `score`; `rows` gives the engine's (span start,
/// score) for a text. Per text: as many rows, the same starts, the same scores within
/// 1e-4. Returns how many scores were compared.
pub fn compare_model_check(
    check: &str,
    list_key: &str,
    span_key: &str,
    rows: impl Fn(&str) -> Vec<(usize, f32)>,
) -> usize {
    let check: serde_json::Value = serde_json::from_str(check).expect("check JSON");
    let mut compared = 0;
    for case in check.as_array().expect("a list") {
        let text = case["text"].as_str().expect("text");
        let rows = rows(text);
        let want = case[list_key].as_array().expect(list_key);
        assert_eq!(rows.len(), want.len(), "{text}");
        for ((start, score), w) in rows.iter().zip(want) {
            assert_eq!(*start as u64, w[span_key][0].as_u64().unwrap(), "{text}");
            let s = w["score"].as_f64().unwrap();
            assert!((f64::from(*score) - s).abs() < 1e-4, "{score} vs {s}");
            compared += 1;
        }
    }
    compared
}
