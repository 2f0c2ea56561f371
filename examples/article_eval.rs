//! Article extraction of every page in some directories, three ways, for
//! `scripts/article-cv.py` (site-grouped cross-validation) and `article_score.py`:
//! `OUT/html/NAME.txt` from `NAME.html` (a dropped file), `OUT/page/NAME.txt` from
//! `NAME.page.txt` (the copied page text alone) and `OUT/paste/NAME.txt` from both (the
//! app's paste: the copied text, its article marked by the HTML).
//!
//!     cargo run --profile release-native --example article_eval -- OUT DIR...

use std::path::Path;

#[path = "common/files.rs"]
mod common_files;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, dirs @ ..] = &args[..] else {
        eprintln!("usage: article_eval OUT_DIR PAGE_DIR...");
        std::process::exit(2);
    };
    for mode in ["html", "page", "paste"] {
        std::fs::create_dir_all(Path::new(out).join(mode)).expect("create OUT_DIR");
    }
    for dir in dirs {
        for name in common_files::names(dir, ".html") {
            let read = |suffix: &str| std::fs::read(Path::new(dir).join(format!("{name}{suffix}")));
            let write = |mode: &str, text: &str| {
                let path = Path::new(out).join(mode).join(format!("{name}.txt"));
                std::fs::write(path, text).expect("write");
            };
            let html = read(".html").unwrap_or_default();
            let html = quotelens::article::charset::html_from_bytes(&html).unwrap_or_default();
            write("html", &quotelens::article::readable_text_from_html(&html));
            let Ok(plain) = read(".page.txt") else {
                continue;
            };
            let plain = String::from_utf8_lossy(&plain);
            write("page", &quotelens::engine::bench::article_body(&plain));
            let page = quotelens::article::page_from_html(&html, Some(&plain));
            write("paste", &outside(&page.text, &page.boilerplate));
        }
    }
}

/// `text` without the code-point `spans`.
fn outside(text: &str, spans: &[(usize, usize)]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut kept = String::new();
    let mut at = 0;
    for &(s, e) in spans {
        kept.extend(&chars[at.min(chars.len())..s.max(at).min(chars.len())]);
        at = e.max(at);
    }
    kept.extend(&chars[at.min(chars.len())..]);
    kept
}
