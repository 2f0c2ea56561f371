//! Confidence means what it says: on PolNeAR dev articles the engine never trained on,
//! annotations bucketed by confidence (0-0.5, 0.5-0.8, 0.8-1) are right about as often
//! as their bucket says. The full table over all of dev: `scripts/calibration.sh --check`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;
mod judge;

use quotelens::{analyse, Kind, Origin};

/// Articles taken from dev (every fourth, in name order: a spread of publishers).
const STEP: usize = 4;
/// How far outside its bucket a bucket's precision may fall: with a few hundred
/// annotations per bucket, sampling alone moves precision by about ±0.05.
const TOLERANCE: f64 = 0.08;
/// Buckets with fewer annotations than this say too little to be checked.
const MIN_COUNT: usize = 25;

#[test]
fn precision_falls_in_each_confidence_bucket_on_dev_articles() {
    let Some(dev) = common::shared("polnear/dev") else {
        return;
    };
    let mut rows: Vec<(Kind, f64, bool)> = Vec::new();
    for gold in judge::load_polnear(&dev).iter().step_by(STEP) {
        for a in analyse(&gold.text).annotations {
            assert_eq!(a.origin, Origin::Auto);
            let confidence = a
                .confidence
                .unwrap_or_else(|| panic!("{}: {} has no confidence", gold.name, a.id));
            assert!(a.rule.is_some(), "{}: {} has no rule", gold.name, a.id);
            if let Some(ok) = gold.judge(&a) {
                rows.push((a.kind, confidence, ok));
            }
        }
    }
    let mut checked = 0;
    for kind in [Kind::Quote, Kind::Attribution, Kind::Claim] {
        let judged: Vec<(f64, bool)> = rows
            .iter()
            .filter(|r| r.0 == kind)
            .map(|r| (r.1, r.2))
            .collect();
        for (i, (count, right)) in judge::table(&judged).into_iter().enumerate() {
            let (lo, hi) = judge::BUCKETS[i];
            let precision = right as f64 / count.max(1) as f64;
            eprintln!("{kind:?} {lo:.1}-{hi:.1}: {count} annotations, precision {precision:.3}");
            if count < MIN_COUNT {
                continue;
            }
            checked += 1;
            assert!(
                precision >= lo - TOLERANCE && precision <= hi + TOLERANCE,
                "{kind:?} with confidence {lo}-{hi}: precision {precision:.3} over {count}"
            );
        }
    }
    // Quotes and claims are mostly right; attributions fill all three buckets.
    assert!(
        checked >= 5,
        "only {checked} buckets had enough annotations"
    );
}
