//! The article a copied web page shows in the app when the clipboard holds its HTML:
//! `NAME.page.txt` (the text a browser copied) with the article marked by `NAME.html`.
//! Writes `OUT/NAME.txt` (the text outside the furniture) for `article_score.py`.
//!
//! cargo run --release --example page_eval -- ../shared/articles/dev OUT
//! (scripts/eval-articles.sh runs it.)

use std::path::Path;

#[path = "common/files.rs"]
mod common_files;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dev, out] = &args[..] else {
        eprintln!("usage: page_eval DEV_DIR OUT_DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(out).expect("create OUT_DIR");
    for name in common_files::names(dev, ".page.txt") {
        let read = |suffix: &str| std::fs::read(Path::new(dev).join(format!("{name}{suffix}")));
        let (Ok(html), Ok(plain)) = (read(".html"), read(".page.txt")) else {
            continue;
        };
        let html = quotelens::article::charset::decode_html(&html).unwrap_or_default();
        let plain = String::from_utf8_lossy(&plain);
        let page = quotelens::article::page_from_html(&html, Some(&plain));
        let mut article = String::new();
        let mut at = 0;
        let chars: Vec<char> = page.text.chars().collect();
        for &(s, e) in &page.furniture {
            article.extend(&chars[at..s.max(at)]);
            at = e.max(at);
        }
        article.extend(&chars[at.min(chars.len())..]);
        std::fs::write(Path::new(out).join(format!("{name}.txt")), article).expect("write");
    }
}
