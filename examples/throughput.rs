//! Single-threaded engine throughput on a folder of `.txt` files, for
//! `scripts/bench-vs-textacy.sh`: `throughput [DIR]` prints
//! `quotelens BYTES SECONDS_PER_PASS QUOTES` (best of several passes over all files).
//! `throughput DIR --json` also writes each text's quotelens/1 document as compact JSON,
//! the work the command line and the Python package do per text (python/tests compare).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../benches/support/corpus.rs"]
mod corpus;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::{Duration, Instant};

    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(corpus::dev_dir, Into::into);
    let json = std::env::args().any(|a| a == "--json");
    let texts = corpus::texts_in(&dir);
    let bytes: usize = texts.iter().map(String::len).sum();
    let pass = || -> usize {
        texts
            .iter()
            .map(|t| {
                let a = quotelens::analyse(std::hint::black_box(t));
                let quotes = a
                    .annotations
                    .iter()
                    .filter(|x| x.kind == quotelens::Kind::Quote)
                    .count();
                if json {
                    let doc = quotelens::Document::new(t.as_str(), a.annotations)
                        .with_furniture(&a.furniture);
                    std::hint::black_box(serde_json::to_string(&doc).unwrap_or_default());
                }
                quotes
            })
            .sum()
    };
    let quotes = pass(); // warm-up, and the count to print
                         // Best of passes during at least two seconds (and at least five passes):
                         // the minimum is the least disturbed by other work on the machine.
    let mut best = Duration::MAX;
    let started = Instant::now();
    let mut passes = 0;
    while passes < 5 || started.elapsed() < Duration::from_secs(2) {
        let t0 = Instant::now();
        std::hint::black_box(pass());
        best = best.min(t0.elapsed());
        passes += 1;
    }
    println!("quotelens {bytes} {:.6} {quotes}", best.as_secs_f64());
    eprintln!(
        "{} files, {bytes} bytes, best of {passes} passes: {:.3} ms = {:.1} MB/s",
        texts.len(),
        best.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / best.as_secs_f64()
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
