//! The randomised run: generated texts through the engine, damaged exports through the
//! import parsers. A failure prints its seed and a shrunk input for `regressions.rs`.

use std::time::{Duration, Instant};

use super::rng::Rng;
use super::{check_engine, check_import, corpus, gen, invariants};

/// Shrink a failing text by deleting ever smaller chunks while it still fails.
fn shrink(input: &str, fails: impl Fn(&str) -> bool) -> String {
    let mut chars: Vec<char> = input.chars().collect();
    let mut chunk = (chars.len() / 2).max(1);
    let mut tries = 0;
    while chunk >= 1 && tries < 5_000 {
        let mut i = 0;
        let mut removed = false;
        while i < chars.len() && tries < 5_000 {
            let candidate: String = chars[..i]
                .iter()
                .chain(&chars[(i + chunk).min(chars.len())..])
                .collect();
            tries += 1;
            if fails(&candidate) {
                chars = candidate.chars().collect();
                removed = true;
            } else {
                i += chunk;
            }
        }
        if !removed {
            if chunk == 1 {
                break;
            }
            chunk /= 2;
        }
    }
    chars.into_iter().collect()
}

#[derive(Default)]
struct Stats {
    texts: usize,
    text_bytes: usize,
    imports: usize,
    accepted: usize,
    /// Seconds, bytes and seed of the slowest text.
    slowest: (f64, usize, u64),
}

/// One engine case and one import case from `seed`.
fn run_case(seed: u64, corpus: &[String], max_len: usize, stats: &mut Stats) -> Result<(), String> {
    let mut rng = Rng::new(seed);
    let text = if max_len > 100_000 && rng.one_in(400) {
        let size = 200_000 + rng.below(800_000);
        gen::big_text(&mut rng, corpus, size)
    } else {
        gen::text(&mut rng, corpus, max_len)
    };
    let t0 = Instant::now();
    if let Err(e) = check_engine(&text) {
        let small = shrink(&text, |t| check_engine(t).is_err());
        return Err(format!(
            "engine, seed {seed}: {e}\n  shrunk input: {small:?}\n  its failure: {}",
            check_engine(&small).err().unwrap_or_default()
        ));
    }
    let secs = t0.elapsed().as_secs_f64();
    if secs > stats.slowest.0 {
        stats.slowest = (secs, text.len(), seed);
    }
    stats.texts += 1;
    stats.text_bytes += text.len();

    for case in invariants::import_cases(&mut rng, &text) {
        stats.imports += 1;
        match check_import(&case) {
            Ok(true) => stats.accepted += 1,
            Ok(false) => {}
            Err(e) => {
                let files: Vec<(&str, std::borrow::Cow<str>)> = case
                    .files
                    .iter()
                    .map(|(n, b)| (n.as_str(), String::from_utf8_lossy(b)))
                    .collect();
                return Err(format!("import, seed {seed}: {e}\n  files: {files:?}"));
            }
        }
    }
    Ok(())
}

fn report(label: &str, seconds: f64, stats: &Stats) {
    eprintln!(
        "{label}: {} texts ({:.1} MB) and {} imports ({} accepted) in {seconds:.0} s; slowest text {:.3} s for {} bytes (seed {})",
        stats.texts,
        stats.text_bytes as f64 / 1e6,
        stats.imports,
        stats.accepted,
        stats.slowest.0,
        stats.slowest.1,
        stats.slowest.2
    );
}

/// The short run of the normal suite: fixed seeds, so a failure is reproducible.
#[test]
fn fixed_seeds_keep_every_invariant() {
    let corpus = corpus();
    let cases: u64 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let mut stats = Stats::default();
    let started = Instant::now();
    for seed in 0..cases {
        if let Err(e) = run_case(seed, &corpus, 3_000, &mut stats) {
            panic!("{e}");
        }
    }
    report(
        "fixed seeds (no failure)",
        started.elapsed().as_secs_f64(),
        &stats,
    );
    assert!(stats.texts as u64 == cases && stats.imports > 0);
}

/// The long run: `FUZZ_SECONDS=600 cargo test --release --test robustness -- --ignored --nocapture`.
#[test]
#[ignore = "long-running; run explicitly (see the module docs)"]
fn fuzz_for_a_while() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let first: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    eprintln!("fuzzing for {seconds} s from seed {first} (FUZZ_SEED={first} repeats this run)");
    let corpus = corpus();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut stats = Stats::default();
    let mut failures = Vec::new();
    let mut seed = first;
    let mut last_report = Instant::now();
    while Instant::now() < deadline && failures.len() < 20 {
        if let Err(e) = run_case(seed, &corpus, 20_000, &mut stats) {
            eprintln!("FAILURE {e}");
            failures.push(e);
        }
        seed = seed.wrapping_add(1);
        if last_report.elapsed() > Duration::from_secs(60) {
            report(
                &format!("so far ({} failures)", failures.len()),
                started.elapsed().as_secs_f64(),
                &stats,
            );
            last_report = Instant::now();
        }
    }
    report(
        &format!("fuzzing ({} failures)", failures.len()),
        started.elapsed().as_secs_f64(),
        &stats,
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
