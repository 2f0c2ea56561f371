//! The features of the body's segments in every copied page (`NAME.page.txt`) of some
//! directories, for `scripts/train-copied.py`: one row a segment, tab-separated: the
//! page's name, the segment's index, its features, its kept text, then the kept text
//! between it and the segment before (line breaks as `\n`).
//!
//!     cargo run --profile release-native --example copied_segments -- DIR... > segments.tsv

#[path = "common/files.rs"]
mod common_files;

fn main() {
    let dirs: Vec<String> = std::env::args().skip(1).collect();
    println!(
        "page\tsegment\t{}\ttext\tgap",
        quotelens::engine::bench::SEGMENT_FEATURES.join("\t")
    );
    for dir in &dirs {
        for name in common_files::names(dir, ".html") {
            let path = std::path::Path::new(dir).join(format!("{name}.page.txt"));
            let Ok(plain) = std::fs::read(path) else {
                continue;
            };
            let plain = String::from_utf8_lossy(&plain);
            for (k, (features, text, gap)) in quotelens::engine::bench::copied_segments(&plain)
                .into_iter()
                .enumerate()
            {
                let features: Vec<String> = features.iter().map(|x| format!("{x}")).collect();
                let flat = |t: String| t.replace('\t', " ").replace('\n', "\\n");
                let (text, gap) = (flat(text), flat(gap));
                println!("{name}\t{k}\t{}\t{text}\t{gap}", features.join("\t"));
            }
        }
    }
}
