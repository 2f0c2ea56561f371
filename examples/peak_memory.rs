//! Peak heap memory of the engine for a large input, counted by a global allocator:
//! `peak_memory [BYTES]` (default 10 MB) builds a text of that size from the polnear dev
//! articles, analyses it, exports it as quotelens/1 JSON, and prints the peak bytes
//! allocated during each step as a multiple of the text size (budget: 20x).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../benches/support/corpus.rs"]
mod corpus;

#[cfg(not(target_arch = "wasm32"))]
mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    /// The system allocator, counting live and peak bytes.
    pub struct Counting;

    static LIVE: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    fn grew(by: usize) {
        let now = LIVE.fetch_add(by, Relaxed) + by;
        PEAK.fetch_max(now, Relaxed);
    }

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc(layout) };
            if !p.is_null() {
                grew(layout.size());
            }
            p
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) };
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = unsafe { System.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                if new_size >= layout.size() {
                    grew(new_size - layout.size());
                } else {
                    LIVE.fetch_sub(layout.size() - new_size, Relaxed);
                }
            }
            p
        }
    }

    /// Live bytes now; resets the peak to them.
    pub fn reset_peak() -> usize {
        let live = LIVE.load(Relaxed);
        PEAK.store(live, Relaxed);
        live
    }

    pub fn peak() -> usize {
        PEAK.load(Relaxed)
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: counting::Counting = counting::Counting;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let size: usize = std::env::args()
        .nth(1)
        .map_or(10_000_000, |s| s.parse().expect("BYTES is a number"));
    let text = corpus::text_of_size(&corpus::texts_in(&corpus::dev_dir()), size);
    let n = text.len() as f64;
    let report = |step: &str, base: usize| {
        let extra = counting::peak() - base;
        // The text itself is counted too: it is in memory for the whole run.
        let with_text = extra + text.len();
        println!(
            "{step:<26} peak {:>8.1} MB above the text, {:>8.1} MB with it = {:>5.1}x the text ({} bytes)",
            extra as f64 / 1e6,
            with_text as f64 / 1e6,
            with_text as f64 / n,
            text.len()
        );
        with_text as f64 / n
    };

    let base = counting::reset_peak();
    let analysis = quotelens::analyse(&text);
    let analyse_x = report("analyse", base);
    let annotations = analysis.annotations.len();
    drop(analysis);

    let base = counting::reset_peak();
    let json =
        quotelens::Document::new(text.as_str(), quotelens::analyse(&text).annotations).to_json();
    let export_x = report("analyse + export JSON", base);
    println!(
        "{annotations} annotations, JSON {:.1} MB",
        json.len() as f64 / 1e6
    );
    let worst = analyse_x.max(export_x);
    println!(
        "peak/text: {worst:.1}x (budget 20x): {}",
        if worst <= 20.0 { "ok" } else { "OVER BUDGET" }
    );
    if worst > 20.0 {
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
