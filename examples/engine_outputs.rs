//! Every output of `engine::analyse` (annotations as JSON, warnings, furniture spans)
//! on PolNeAR dev and train and the ../shared/articles/dev page and body texts, so that a
//! speed-up can be shown to change nothing: `scripts/engine-outputs.sh` saves and diffs it.
//!
//!     cargo run --profile release-native --example engine_outputs > outputs.txt

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/files.rs"]
mod common_files;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use common_files::files;
    use std::io::Write;

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
        // "boilerplate": page furniture, under the label saved outputs already have.
        writeln!(out, "boilerplate {:?}", a.furniture).unwrap();
        for ann in &a.annotations {
            writeln!(out, "{}", serde_json::to_string(ann).unwrap()).unwrap();
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
