//! Confidence calibration of the engine's annotations.
//!
//! `calibrate --learn TRAIN_DIR CLAIMS_DIR [--write FILE]` runs the engine on PolNeAR
//! train and on half of the fact-checked transcripts (the even-numbered ones), judges
//! every automatic annotation (tests/calibration/judge.rs) and learns the precision of
//! each description (`engine::confidence::keys`), shrunk towards the less detailed
//! description's and kept when seen at least `MIN_SEEN` times; `--write` writes the
//! table as `src/engine/confidence_table.rs` (without it, the table is printed).
//!
//! `calibrate --check DEV_DIR CLAIMS_DIR` runs the engine as shipped on PolNeAR dev and
//! the other half of the transcripts, and prints, per kind, how many annotations fall in
//! each confidence bucket and how many of them are right. `scripts/calibration.sh`
//! does both.

use std::collections::BTreeMap;
use std::path::Path;

use quotelens::analyse;
use quotelens::engine::bench::confidence_keys;
use quotelens::engine::{CueList, Rule};
use quotelens::{Annotation, Kind, Origin};

#[path = "../tests/calibration/judge.rs"]
mod judge;

/// A description seen fewer times than this on train is left to a less detailed one.
const MIN_SEEN: usize = 12;
/// How many training examples the less detailed description's precision counts as.
const PRIOR_WEIGHT: f64 = 8.0;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--learn") if args.len() >= 3 => {
            let write = args
                .iter()
                .position(|a| a == "--write")
                .map(|i| args[i + 1].clone());
            learn(Path::new(&args[1]), Path::new(&args[2]), write.as_deref());
        }
        Some("--check") if args.len() >= 3 => check(Path::new(&args[1]), Path::new(&args[2])),
        Some("--judge") if args.len() >= 4 => {
            let claims = args.get(4).map(Path::new);
            dump_judged(Path::new(&args[1]), claims, Path::new(&args[3]), &args[2]);
        }
        Some("--learn-judged") if args.len() >= 2 => {
            let write = args
                .iter()
                .position(|a| a == "--write")
                .map(|i| args[i + 1].clone());
            let files: Vec<&String> = args[1..].iter().take_while(|a| *a != "--write").collect();
            learn_from_dumps(&files, write.as_deref());
        }
        _ => {
            eprintln!("usage: calibrate --learn TRAIN_DIR CLAIMS_DIR [--write FILE] | --check DEV_DIR CLAIMS_DIR");
            eprintln!("       calibrate --judge FOLD_DIR --out FILE [CLAIMS_DIR] | --learn-judged FILE... [--write FILE]");
            std::process::exit(2);
        }
    }
}

/// Every judged automatic annotation: the annotation and whether it is right.
fn judged(polnear: &Path, claims: &Path, half: usize) -> Vec<(Annotation, bool)> {
    let mut out = Vec::new();
    for gold in judge::load_polnear(polnear) {
        for a in analyse(&gold.text).annotations {
            if let Some(ok) = gold.judge(&a).filter(|_| a.origin == Origin::Auto) {
                out.push((a, ok));
            }
        }
    }
    for t in judge::load_transcripts(claims)
        .into_iter()
        .skip(half)
        .step_by(2)
    {
        for a in analyse(&t.text).annotations {
            if let Some(ok) = t.judge(&a) {
                out.push((a, ok));
            }
        }
    }
    out
}

/// Cross-validation (`scripts/calibration.sh --cv`): the descriptions and judgements of
/// one fold's annotations, made with the word lists learnt from the other folds
/// (feature `dev-lexicon`), one line each: the three keys and 1 or 0, tab-separated.
/// The transcripts (when given) are judged in one fold's run only.
fn dump_judged(fold: &Path, claims: Option<&Path>, out: &Path, flag: &str) {
    assert_eq!(
        flag, "--out",
        "calibrate --judge FOLD_DIR --out FILE [CLAIMS_DIR]"
    );
    let cues = CueList::builtin();
    let mut judged = Vec::new();
    for gold in judge::load_polnear(fold) {
        for a in analyse(&gold.text).annotations {
            if let Some(ok) = gold.judge(&a).filter(|_| a.origin == Origin::Auto) {
                judged.push((a, ok));
            }
        }
    }
    if let Some(claims) = claims {
        for t in judge::load_transcripts(claims).into_iter().step_by(2) {
            for a in analyse(&t.text).annotations {
                if let Some(ok) = t.judge(&a) {
                    judged.push((a, ok));
                }
            }
        }
    }
    let mut text = String::new();
    for (a, ok) in &judged {
        let keys = confidence_keys(a, &cues);
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            keys[0],
            keys[1],
            keys[2],
            u8::from(*ok)
        ));
    }
    std::fs::write(out, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// The table learnt from the judgements `dump_judged` wrote for every fold.
fn learn_from_dumps(files: &[&String], write: Option<&str>) {
    let mut judged: Vec<([String; 3], bool)> = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("cannot read {f}: {e}"));
        for line in text.lines() {
            let parts: Vec<&str> = line.split('\t').collect();
            if let [k0, k1, k2, ok] = parts[..] {
                judged.push(([k0.into(), k1.into(), k2.into()], ok == "1"));
            }
        }
    }
    learn_table(&judged, write);
}

fn learn(train: &Path, claims: &Path, write: Option<&str>) {
    let cues = CueList::builtin();
    let judged: Vec<([String; 3], bool)> = judged(train, claims, 0)
        .iter()
        .map(|(a, ok)| (confidence_keys(a, &cues), *ok))
        .collect();
    learn_table(&judged, write);
}

/// The precision of each description, shrunk towards the less detailed one's, from
/// the judged annotations' descriptions; printed, or written as the table's source.
fn learn_table(judged: &[([String; 3], bool)], write: Option<&str>) {
    // Seen and right, per description.
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut parents: BTreeMap<String, String> = BTreeMap::new();
    for (keys, ok) in judged {
        for (i, k) in keys.iter().enumerate() {
            let c = counts.entry(k.clone()).or_default();
            c.0 += 1;
            c.1 += usize::from(*ok);
            if i > 0 {
                parents.insert(k.clone(), keys[i - 1].clone());
            }
        }
    }
    // Less detailed first (keys sort so: "quote" < "quote/rule" < "quote/rule/detail").
    let mut by_depth: Vec<&String> = counts.keys().collect();
    by_depth.sort_by_key(|k| k.matches('/').count());
    let mut table: BTreeMap<String, f64> = BTreeMap::new();
    for k in by_depth {
        let (seen, right) = counts[k];
        // The nearest less detailed description that was kept.
        let mut prior = None;
        let mut up = parents.get(k);
        while let (None, Some(p)) = (prior, up) {
            prior = table.get(p).copied();
            up = parents.get(p);
        }
        let p = match prior {
            Some(prior) => (right as f64 + PRIOR_WEIGHT * prior) / (seen as f64 + PRIOR_WEIGHT),
            None => (right as f64 + 1.0) / (seen as f64 + 2.0),
        };
        if seen >= MIN_SEEN || !k.contains('/') {
            table.insert(k.clone(), (p * 100.0).round() / 100.0);
        }
    }
    println!(
        "{} judged annotations, {} descriptions kept",
        judged.len(),
        table.len()
    );
    if write.is_none() {
        for (k, p) in &table {
            println!("{p:5.2}  {:6}  {k}", counts[k].0);
        }
    }
    if let Some(path) = write {
        let mut src = String::from(
            "// Written by `scripts/calibration.sh` (examples/calibrate.rs): the precision of each\n\
             // description of an annotation on PolNeAR train (5-fold cross-validation: each fold\n\
             // annotated with the word lists learnt from the others) and half the fact-checked\n\
             // transcripts.\n\
             // Each row: kind, rule (`None`: the kind alone), detail (empty: the rule alone), precision.\n\
             \n\
             use super::rule::Rule;\n\
             use crate::model::Kind;\n\
             \n\
             #[rustfmt::skip]\n\
             pub const TABLE: &[(Kind, Option<Rule>, &str, f64)] = &[\n",
        );
        for (k, p) in &table {
            match typed_row(k, *p) {
                Some(row) => src.push_str(&format!("    {row},\n")),
                None => eprintln!("left out {k}: no such kind or rule"),
            }
        }
        src.push_str("];\n");
        std::fs::write(path, src).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        println!("wrote {path}");
    }
}

/// Which annotations a table is about.
type Filter = fn(&Annotation) -> bool;

fn check(dev: &Path, claims: &Path) {
    let judged = judged(dev, claims, 1);
    let groups: [(&str, Filter); 4] = [
        ("quotes (PolNeAR dev)", |a| a.kind == Kind::Quote),
        ("attributions (PolNeAR dev)", |a| {
            a.kind == Kind::Attribution
        }),
        ("claims of reported speech (PolNeAR dev)", |a| {
            a.kind == Kind::Claim && a.attribution.is_some()
        }),
        ("check-worthy claims (held-out transcripts)", |a| {
            a.kind == Kind::Claim && a.attribution.is_none()
        }),
    ];
    for (title, keep) in groups {
        let rows: Vec<(f64, bool)> = judged
            .iter()
            .filter(|(a, _)| keep(a))
            .map(|(a, ok)| (a.confidence.unwrap_or(0.0), *ok))
            .collect();
        println!("{title}");
        println!("  confidence   count  precision");
        for (i, (seen, right)) in judge::table(&rows).into_iter().enumerate() {
            let (lo, hi) = judge::BUCKETS[i];
            let precision = if seen > 0 {
                format!("{:.3}", right as f64 / seen as f64)
            } else {
                "-".into()
            };
            println!("  {lo:.1}-{hi:.1}    {seen:7}  {precision:>9}");
        }
    }
}

/// A row of the confidence table for the description `key` ("kind", "kind/rule" or
/// "kind/rule/detail") of precision `p`, typed as the table holds it; `None` for a kind
/// or rule the engine does not have.
fn typed_row(key: &str, p: f64) -> Option<String> {
    let mut parts = key.splitn(3, '/');
    let kind = parts.next()?;
    let kind = Kind::ALL.into_iter().find(|k| k.as_str() == kind)?;
    let rule = match parts.next() {
        None => "None".to_string(),
        Some(r) => format!("Some(Rule::{:?})", Rule::from_name(r)?),
    };
    let detail = parts.next().unwrap_or("");
    Some(format!("(Kind::{kind:?}, {rule}, {detail:?}, {p:?})"))
}
