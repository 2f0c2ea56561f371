//! Single-threaded engine throughput on a folder of `.txt` files, for
//! `scripts/bench-vs-textacy.sh`: `throughput [DIR]` prints
//! `quotelens BYTES SECONDS_PER_PASS QUOTES` (best of several passes over all files).
//! `throughput DIR --json` also writes each text's quotelens/1 document as compact JSON,
//! the work the command line and the Python package do per text (python/tests compare),
//! and a second line `cpu SECONDS_PER_PASS`: the best pass by this thread's CPU time.
//! Beside the analysis it prints the speed of article extraction from HTML, in MB/s of
//! HTML, on the pages of `--html DIR` (default `../shared/articles/dev`; skipped with a
//! notice when absent).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../benches/support/corpus.rs"]
mod corpus;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
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
    let mut best_cpu = None::<std::time::Duration>;
    let (best, passes) = best_pass(|| {
        let cpu = thread_cpu_time();
        std::hint::black_box(pass());
        if let (Some(t0), Some(t1)) = (cpu, thread_cpu_time()) {
            best_cpu = Some(best_cpu.map_or(t1 - t0, |b| b.min(t1 - t0)));
        }
    });
    println!("quotelens {bytes} {:.6} {quotes}", best.as_secs_f64());
    if let Some(cpu) = best_cpu {
        // The same pass timed by this thread's CPU time: what a busy machine disturbs
        // least (python/tests compare the Python package with it).
        println!("cpu {:.6}", cpu.as_secs_f64());
    }
    eprintln!(
        "analysis: {} files, {bytes} bytes of text, best of {passes} passes: {:.3} ms = {:.1} MB/s",
        texts.len(),
        best.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / best.as_secs_f64()
    );
    html_extraction_speed();
}

/// The fastest of the passes of `pass` run during at least two seconds (and at least five
/// passes), and how many ran: the minimum is the least disturbed by other work on the
/// machine.
#[cfg(not(target_arch = "wasm32"))]
fn best_pass(mut pass: impl FnMut()) -> (std::time::Duration, usize) {
    use std::time::{Duration, Instant};
    let mut best = Duration::MAX;
    let started = Instant::now();
    let mut passes = 0;
    while passes < 5 || started.elapsed() < Duration::from_secs(2) {
        let t0 = Instant::now();
        pass();
        best = best.min(t0.elapsed());
        passes += 1;
    }
    (best, passes)
}

/// This thread's CPU time (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, exact to the
/// nanosecond, as Python's `time.thread_time`); None off Linux.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_time() -> Option<std::time::Duration> {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanos: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec {
        seconds: 0,
        nanos: 0,
    };
    // SAFETY: `time` is a valid, writable timespec (two 64-bit fields on 64-bit Linux).
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) } == 0;
    ok.then(|| std::time::Duration::new(time.seconds as u64, time.nanos as u32))
}

#[cfg(all(
    not(all(target_os = "linux", target_pointer_width = "64")),
    not(target_arch = "wasm32")
))]
fn thread_cpu_time() -> Option<std::time::Duration> {
    None
}

/// Article extraction's speed, best pass over the HTML pages of `--html DIR`, in MB/s
/// of HTML (the charset read included, as a dropped file has it).
#[cfg(not(target_arch = "wasm32"))]
fn html_extraction_speed() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .iter()
        .position(|a| a == "--html")
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| "../shared/articles/dev".to_string());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("html extraction: skipped ({dir} absent)");
        return;
    };
    let mut pages: Vec<Vec<u8>> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    pages.sort();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    // The article alone, and with the page-kind verdict ("no article found") the app asks for.
    let body = |html: &str| quotelens::article::readable_text_from_html(html).len();
    let verdict =
        |html: &str| quotelens::article::article_text_from_html(html).map_or(0, |t| t.len());
    for (what, extract) in [
        ("article + verdict", &verdict as &dyn Fn(&str) -> usize),
        ("article", &body),
        ("article + verdict", &verdict),
    ] {
        let pass = || -> usize {
            pages
                .iter()
                .map(|p| {
                    let html = quotelens::article::charset::html_from_bytes(p).unwrap_or_default();
                    extract(std::hint::black_box(&html))
                })
                .sum()
        };
        std::hint::black_box(pass());
        let (best, passes) = best_pass(|| {
            std::hint::black_box(pass());
        });
        eprintln!(
            "html extraction ({what}): {} pages, {bytes} bytes of HTML, best of {passes} passes: {:.3} ms = {:.1} MB/s of HTML",
            pages.len(),
            best.as_secs_f64() * 1e3,
            bytes as f64 / 1e6 / best.as_secs_f64()
        );
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
