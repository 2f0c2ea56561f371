//! Engine throughput: `cargo bench --bench engine` prints time and MB/s for the polnear dev
//! articles and for 10 KB .. 10 MB texts (constant MB/s across sizes = linear cost).
//! Native only: on wasm32 (clippy --all-targets) it compiles to an empty `main`.

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/corpus.rs"]
mod corpus;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod engine {
    use super::corpus;
    use divan::counter::BytesCount;
    use divan::{black_box, Bencher};

    /// The whole dev set, one article after another, as the CLI would annotate them.
    #[divan::bench(sample_count = 20)]
    fn polnear_dev(bencher: Bencher) {
        let texts = corpus::texts_in(&corpus::dev_dir());
        let bytes: usize = texts.iter().map(String::len).sum();
        bencher.counter(BytesCount::new(bytes)).bench(|| {
            for t in &texts {
                black_box(quotelens::analyse(black_box(t)));
            }
        });
    }

    /// One text of each size, built by repeating the dev articles.
    #[divan::bench(args = [10_000, 100_000, 1_000_000, 10_000_000], sample_count = 10, sample_size = 1)]
    fn text_of_size(bencher: Bencher, size: usize) {
        let text = corpus::text_of_size(&corpus::texts_in(&corpus::dev_dir()), size);
        bencher
            .counter(BytesCount::new(text.len()))
            .bench(|| black_box(quotelens::analyse(black_box(&text))));
    }
}
