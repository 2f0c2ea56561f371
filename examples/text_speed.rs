//! How fast page-furniture detection, claim scoring and HTML extraction run natively:
//! `furniture_spans` and `find_claims` on PolNeAR dev concatenated and repeated to
//! about 5 MB, `readable_text_from_html` on every page of ../shared/articles/dev
//! (repeated to about 5 MB of HTML), `page_from_html` on those pages with their copied
//! text (the app's paste), and furniture detection on the copied page texts. Prints
//! MB/s of input.
//!
//!     cargo run --profile release-native --example text_speed
//!
//! `-- --dump` instead prints every output (spans, claims with exact scores, extracted
//! text) for PolNeAR dev and train and the article pages, so a speed-up can be checked
//! to change nothing: `scripts/text-outputs.sh` diffs it against a saved copy.
//! `-- --dump-pages` prints every `page_from_html` result on the article pages (from
//! the HTML alone, as a dropped file, and with the copied text, as a paste).

use std::ops::Range;
use std::time::Instant;

#[path = "common/files.rs"]
mod common_files;
use common_files::files;

use quotelens::article::readable_text_from_html;
use quotelens::engine::bench::{self as text, find_claims, furniture_spans};

/// Byte ranges of the engine's sentences (furniture skipped, as `analyse` does).
fn sentence_bytes(t: &str) -> Vec<Range<usize>> {
    let bp = furniture_spans(t);
    let seg = text::segment(t, &bp);
    text::sentences(&seg)
        .into_iter()
        .map(|r| seg.tokens[r.start].start..seg.tokens[r.end - 1].end)
        .collect()
}

fn dump() {
    let mut texts = files("../shared/polnear/dev", ".txt");
    texts.extend(files("../shared/polnear/train", ".txt"));
    for p in texts {
        let t = std::fs::read_to_string(&p).unwrap();
        println!("== {}", p.file_name().unwrap().to_string_lossy());
        println!("furniture {:?}", furniture_spans(&t));
        for c in find_claims(&t, &sentence_bytes(&t)) {
            println!("claim {:?} {:?} {:?}", c.range, c.score, c.signals);
        }
    }
    for p in files("../shared/articles/dev", ".html") {
        let html = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
        println!("== {}", p.file_name().unwrap().to_string_lossy());
        println!("{}", readable_text_from_html(&html));
    }
}

fn dump_pages() {
    for p in files("../shared/articles/dev", ".html") {
        let html = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
        let copied = std::fs::read_to_string(p.to_string_lossy().replace(".html", ".page.txt"))
            .unwrap_or_default();
        println!("== {}", p.file_name().unwrap().to_string_lossy());
        for plain in [None, Some(copied.as_str())] {
            let page = quotelens::article::page_from_html(&html, plain);
            println!("{:?}\n{}", page.furniture, page.text);
        }
    }
}

fn repeat_to(parts: &[String], size: usize) -> String {
    let mut out = String::with_capacity(size + 100_000);
    while out.len() < size {
        for p in parts {
            out.push_str(p);
            out.push_str("\n\n");
        }
    }
    out
}

fn report(name: &str, bytes: usize, runs: usize, f: impl Fn()) {
    f(); // warm up
    let t0 = Instant::now();
    for _ in 0..runs {
        f();
    }
    let secs = t0.elapsed().as_secs_f64() / runs as f64;
    println!(
        "{name:<28} {:>6.2} MB  {:>8.1} ms  {:>7.1} MB/s",
        bytes as f64 / 1e6,
        secs * 1e3,
        bytes as f64 / 1e6 / secs
    );
}

fn main() {
    if std::env::args().any(|a| a == "--dump") {
        return dump();
    }
    if std::env::args().any(|a| a == "--dump-pages") {
        return dump_pages();
    }
    let runs: usize = std::env::args()
        .skip_while(|a| a != "--runs")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let texts: Vec<String> = files("../shared/polnear/dev", ".txt")
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let text = repeat_to(&texts, 5_000_000);
    let sentences = sentence_bytes(&text);
    report("furniture_spans", text.len(), runs, || {
        std::hint::black_box(furniture_spans(&text));
    });
    report("find_claims", text.len(), runs, || {
        std::hint::black_box(find_claims(&text, &sentences));
    });
    report("analyse (whole engine)", text.len(), runs, || {
        std::hint::black_box(quotelens::analyse(&text));
    });
    let pages: Vec<String> = files("../shared/articles/dev", ".html")
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect();
    let total: usize = pages.iter().map(String::len).sum();
    let reps = 5_000_000usize.div_ceil(total.max(1));
    report("readable_text_from_html", total * reps, runs, || {
        for _ in 0..reps {
            for p in &pages {
                std::hint::black_box(readable_text_from_html(p));
            }
        }
    });
    // The app's paste of a copied page: its text kept, its HTML marking the article
    // (MB/s of HTML; the copied text comes with it).
    let copied: Vec<String> = files("../shared/articles/dev", ".html")
        .iter()
        .map(|p| {
            let txt = p.to_string_lossy().replace(".html", ".page.txt");
            std::fs::read_to_string(txt).unwrap_or_default()
        })
        .collect();
    report("page_from_html (paste)", total * reps, runs, || {
        for _ in 0..reps {
            for (p, t) in pages.iter().zip(&copied) {
                std::hint::black_box(quotelens::article::page_from_html(p, Some(t)));
            }
        }
    });
    let page_text = repeat_to(&copied, 5_000_000);
    report("furniture_spans (page text)", page_text.len(), runs, || {
        std::hint::black_box(furniture_spans(&page_text));
    });
}
