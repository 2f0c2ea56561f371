//! Every output of `engine::analyse` (annotations as JSON, warnings, boilerplate spans)
//! on PolNeAR dev and train and the ../shared/articles/dev page and body texts, so that a
//! speed-up can be shown to change nothing: `scripts/engine-outputs.sh` saves and diffs it.
//!
//!     cargo run --profile release-native --example engine_outputs > outputs.txt

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    let files = |dir: &str, ext: &str| -> Vec<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.to_string_lossy().ends_with(ext))
            .collect();
        out.sort();
        out
    };
    let mut paths = files("../shared/polnear/dev", ".txt");
    paths.extend(files("../shared/polnear/train", ".txt"));
    paths.extend(files("../shared/articles/dev", ".page.txt"));
    paths.extend(files("../shared/articles/dev", ".body.txt"));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for p in paths {
        let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
        let a = quotelens::analyse(&text);
        writeln!(out, "== {}", p.file_name().unwrap().to_string_lossy()).unwrap();
        writeln!(out, "warnings {:?}", a.warnings).unwrap();
        writeln!(out, "boilerplate {:?}", a.boilerplate).unwrap();
        for ann in &a.annotations {
            writeln!(out, "{}", serde_json::to_string(ann).unwrap()).unwrap();
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
