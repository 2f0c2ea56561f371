//! Where `engine::analyse` spends its time, stage by stage, on the polnear dev articles
//! (or the `.txt` files of DIR): `engine_stages [DIR]` prints the best-of-rounds time
//! of each stage run on its own, and of the whole `analyse`; "rest" is what `analyse`
//! does besides (claims of reported speech, code-point offsets, annotation strings).
//!
//!     cargo run --profile release-native --example engine_stages
//!
//! `engine_stages --once [DIR]` runs each stage once, for an instruction count that
//! a busy machine cannot disturb: each stage is its own function (`stage_*`), so
//!     valgrind --tool=callgrind --callgrind-out-file=cg.out target/release/examples/engine_stages --once
//!     callgrind_annotate --inclusive=yes cg.out | grep stage_
//! (built with `cargo build --profile bench --example engine_stages`).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../benches/support/corpus.rs"]
mod corpus;

#[cfg(not(target_arch = "wasm32"))]
mod stages {
    use quotelens::engine::bench::{self as stage, Attributions, Quote, Segmented};
    use quotelens::engine::CueList;
    use std::hint::black_box;
    use std::ops::Range;

    /// Every stage's inputs, computed once, so that a stage can run alone.
    pub struct Inputs<'t> {
        pub texts: &'t [String],
        bps: Vec<Vec<Range<usize>>>,
        segs: Vec<Segmented<'t>>,
        quotes: Vec<Vec<Quote>>,
        founds: Vec<Attributions>,
        sentence_bytes: Vec<Vec<Range<usize>>>,
        cues: CueList,
    }

    impl<'t> Inputs<'t> {
        pub fn new(texts: &'t [String]) -> Self {
            let bps: Vec<_> = texts.iter().map(|t| stage::furniture_spans(t)).collect();
            let segs: Vec<_> = texts
                .iter()
                .zip(&bps)
                .map(|(t, bp)| stage::segment(t, bp))
                .collect();
            let quotes: Vec<_> = segs.iter().map(|s| stage::find_quotes(s).0).collect();
            let cues = CueList::default();
            let founds = segs
                .iter()
                .zip(&quotes)
                .map(|(s, q)| stage::attribute(s, q, &cues))
                .collect();
            let sentence_bytes = segs
                .iter()
                .map(|s| {
                    stage::sentences(s)
                        .into_iter()
                        .map(|r| s.tokens[r.start].start..s.tokens[r.end - 1].end)
                        .collect()
                })
                .collect();
            Inputs {
                texts,
                bps,
                segs,
                quotes,
                founds,
                sentence_bytes,
                cues,
            }
        }
    }

    #[inline(never)]
    fn stage_furniture(x: &Inputs) {
        for t in x.texts {
            black_box(stage::furniture_spans(black_box(t)));
        }
    }
    #[inline(never)]
    fn stage_segment(x: &Inputs) {
        for (t, bp) in x.texts.iter().zip(&x.bps) {
            black_box(stage::segment(black_box(t), bp));
        }
    }
    #[inline(never)]
    fn stage_quotes(x: &Inputs) {
        for s in &x.segs {
            black_box(stage::find_quotes(black_box(s)));
        }
    }
    #[inline(never)]
    fn stage_attribution(x: &Inputs) {
        for (s, q) in x.segs.iter().zip(&x.quotes) {
            black_box(stage::attribute(black_box(s), q, &x.cues));
        }
    }
    #[inline(never)]
    fn stage_speakers(x: &Inputs) {
        for (s, f) in x.segs.iter().zip(&x.founds) {
            black_box(stage::canonical_names(black_box(s), &f.attrs));
        }
    }
    #[inline(never)]
    fn stage_claims(x: &Inputs) {
        for (t, sb) in x.texts.iter().zip(&x.sentence_bytes) {
            black_box(stage::find_claims(black_box(t), sb));
        }
    }
    #[inline(never)]
    fn stage_analyse(x: &Inputs) {
        for t in x.texts {
            black_box(quotelens::analyse(black_box(t)));
        }
    }

    /// A stage run on every input.
    pub type Stage = fn(&Inputs);

    /// The stages in pipeline order; the whole `analyse` last.
    pub const STAGES: [(&str, Stage); 7] = [
        ("furniture", stage_furniture),
        ("segment", stage_segment),
        ("quotes", stage_quotes),
        ("attribution", stage_attribution),
        ("speakers", stage_speakers),
        ("claims (find_claims)", stage_claims),
        ("analyse", stage_analyse),
    ];
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use stages::{Inputs, STAGES};
    use std::time::{Duration, Instant};

    let mut args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let once = args.first().is_some_and(|a| a == "--once");
    if once {
        args.remove(0);
    }
    let dir = args
        .into_iter()
        .next()
        .map_or_else(corpus::dev_dir, Into::into);
    let texts = corpus::texts_in(&dir);
    let bytes: usize = texts.iter().map(String::len).sum();
    let inputs = Inputs::new(&texts);
    if once {
        for (_, stage) in STAGES {
            stage(&inputs);
        }
        return;
    }
    // Rounds of every stage one after another for at least three seconds (and at least
    // five rounds); each stage's best round is the least disturbed by other work.
    let mut best = [Duration::MAX; STAGES.len()];
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < 5 || started.elapsed() < Duration::from_secs(3) {
        for (b, (_, stage)) in best.iter_mut().zip(STAGES) {
            let t0 = Instant::now();
            stage(&inputs);
            *b = (*b).min(t0.elapsed());
        }
        rounds += 1;
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let whole = best[STAGES.len() - 1];
    let parts: Duration = best[..STAGES.len() - 1].iter().sum();
    for ((name, _), d) in STAGES.iter().zip(&best).take(STAGES.len() - 1) {
        println!("{name:<22} {:>8.2} ms", ms(*d));
    }
    println!("{:<22} {:>8.2} ms", "rest", ms(whole.saturating_sub(parts)));
    println!(
        "{:<22} {:>8.2} ms = {:.1} MB/s ({} files, {bytes} bytes, best of {rounds} rounds)",
        "analyse",
        ms(whole),
        bytes as f64 / 1e6 / whole.as_secs_f64(),
        texts.len()
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
