//! The block model's training rows: for every page `NAME.html` in the directories, one
//! JSON line `{"name", "plain", "plain_words", "page": [...], "rows": [{"text", "first",
//! "f"}]}` (the candidate blocks with the text-shape judgement's choice and their
//! features), for `scripts/train-blocks.py`; `page` is the page-kind model's features of
//! the page (with the block model in use), for `scripts/train-page-kind.py`.
//!
//!     cargo run --profile release-native --example article_blocks -- DIR... > rows.jsonl

use std::io::Write;
use std::path::Path;

#[path = "common/files.rs"]
mod common_files;

fn main() {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for dir in std::env::args().skip(1) {
        for name in common_files::names(&dir, ".html") {
            let bytes =
                std::fs::read(Path::new(&dir).join(format!("{name}.html"))).unwrap_or_default();
            let html = quotelens::article::charset::html_from_bytes(&bytes).unwrap_or_default();
            let (rows, plain, plain_words) = quotelens::article::block_rows(&html);
            let rows: Vec<String> = rows
                .iter()
                .map(|r| {
                    let f: Vec<String> = r.features.iter().map(|x| format!("{x}")).collect();
                    format!(
                        "{{\"text\":{},\"first\":{},\"f\":[{}]}}",
                        json(&r.text),
                        r.first.as_deref().map_or("null".to_string(), json),
                        f.join(",")
                    )
                })
                .collect();
            let page: Vec<String> = quotelens::article::page_kind_features(&html)
                .iter()
                .map(|x| format!("{x}"))
                .collect();
            writeln!(
                out,
                "{{\"name\":{},\"plain\":{},\"plain_words\":{plain_words},\"page\":[{}],\"rows\":[{}]}}",
                json(&name),
                json(&plain),
                page.join(","),
                rows.join(",")
            )
            .expect("write");
        }
    }
}

/// A JSON string.
fn json(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}
