//! Train and measure the check-worthy claim model (`src/engine/claims_model.rs`).
//!
//! usage: cargo run --release --example train_claims -- DATA_DIR [--cv] [--pred-dir DIR]
//!        [--write-model PATH] [--buckets N] [--l2 X] [--epochs N] [--pos-weight X]
//!
//! DATA_DIR holds CLEF CheckThat! transcripts (`NAME.txt`, `NAME.lines.json`). `--cv`
//! runs leave-one-transcript-out cross-validation and prints MAP and P@10 (the measure
//! of `eval/claims_score.py`); `--pred-dir` also writes each held-out transcript's line
//! scores as quotelens/1-style claim annotations so that script can check the figure.
//! `--write-model` trains on everything and writes the weights as Rust source.
//! Logistic regression, Adagrad, L2, positives up-weighted (they are ~3% of lines).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use quotelens::engine::claims::{features_with, furniture_factor, probability, NAMED};
    use std::path::{Path, PathBuf};

    struct Line {
        start: usize,
        end: usize,
        label: bool,
        feats: Vec<(usize, f32)>,
        factor: f64,
    }

    struct Transcript {
        name: String,
        lines: Vec<Line>,
    }

    struct Params {
        buckets: usize,
        l2: f64,
        epochs: usize,
        pos_weight: f64,
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let mut data: Option<PathBuf> = None;
        let mut cv = false;
        let mut pred_dir: Option<PathBuf> = None;
        let mut write_model: Option<PathBuf> = None;
        let mut p = Params {
            buckets: 0,
            l2: 1e-4,
            epochs: 15,
            pos_weight: 10.0,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut val = || {
                it.next()
                    .cloned()
                    .unwrap_or_else(|| panic!("{a} needs a value"))
            };
            match a.as_str() {
                "--cv" => cv = true,
                "--pred-dir" => pred_dir = Some(PathBuf::from(val())),
                "--write-model" => write_model = Some(PathBuf::from(val())),
                "--buckets" => p.buckets = val().parse().expect("--buckets N"),
                "--l2" => p.l2 = val().parse().expect("--l2 X"),
                "--epochs" => p.epochs = val().parse().expect("--epochs N"),
                "--pos-weight" => p.pos_weight = val().parse().expect("--pos-weight X"),
                _ => data = Some(PathBuf::from(a)),
            }
        }
        let data = data
            .expect("usage: train_claims DATA_DIR [--cv] [--pred-dir DIR] [--write-model PATH]");
        let transcripts = load(&data, p.buckets);
        let n_lines: usize = transcripts.iter().map(|t| t.lines.len()).sum();
        let n_pos: usize = transcripts
            .iter()
            .map(|t| t.lines.iter().filter(|l| l.label).count())
            .sum();
        eprintln!(
            "{} transcripts, {n_lines} lines, {n_pos} check-worthy",
            transcripts.len()
        );
        if cv || pred_dir.is_some() {
            if let Some(dir) = &pred_dir {
                std::fs::create_dir_all(dir).expect("create --pred-dir");
            }
            let (mut maps, mut p10s) = (Vec::new(), Vec::new());
            for k in 0..transcripts.len() {
                let train: Vec<&Transcript> = transcripts
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != k)
                    .map(|(_, t)| t)
                    .collect();
                let (bias, w) = fit(&train, &p);
                let held = &transcripts[k];
                let scores: Vec<f64> = held
                    .lines
                    .iter()
                    .map(|l| probability(&l.feats, bias, &w) * l.factor)
                    .collect();
                let (ap, p10) = rank_scores(&scores, &held.lines);
                maps.push(ap);
                p10s.push(p10);
                if let Some(dir) = &pred_dir {
                    write_predictions(dir, held, &scores);
                }
            }
            let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
            println!(
                "claims, leave-one-transcript-out over {} transcripts: MAP {:.4}  P@10 {:.4}",
                maps.len(),
                mean(&maps),
                mean(&p10s)
            );
        }
        if let Some(path) = write_model {
            let all: Vec<&Transcript> = transcripts.iter().collect();
            let (bias, w) = fit(&all, &p);
            write_rust(&path, p.buckets, bias, &w);
            eprintln!("wrote {}", path.display());
        }
    }

    fn load(dir: &Path, buckets: usize) -> Vec<Transcript> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("read DATA_DIR")
            .filter_map(|e| {
                e.ok()?
                    .file_name()
                    .to_str()?
                    .strip_suffix(".lines.json")
                    .map(str::to_string)
            })
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|name| {
                let text = std::fs::read_to_string(dir.join(format!("{name}.txt")))
                    .expect("read NAME.txt");
                let json = std::fs::read_to_string(dir.join(format!("{name}.lines.json")))
                    .expect("read lines");
                let spans: Vec<serde_json::Value> =
                    serde_json::from_str(&json).expect("lines.json");
                let chars: Vec<usize> = text
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain(std::iter::once(text.len()))
                    .collect();
                let lines = spans
                    .iter()
                    .map(|v| {
                        let start = v["start"].as_u64().unwrap_or(0) as usize;
                        let end = v["end"].as_u64().unwrap_or(0) as usize;
                        let line = &text
                            [chars[start.min(chars.len() - 1)]..chars[end.min(chars.len() - 1)]];
                        Line {
                            start,
                            end,
                            label: v["label"].as_i64() == Some(1),
                            feats: features_with(line, buckets),
                            factor: furniture_factor(line),
                        }
                    })
                    .collect();
                Transcript { name, lines }
            })
            .collect()
    }

    /// Logistic regression by Adagrad over shuffled lines; L2 on weights, not the bias.
    fn fit(train: &[&Transcript], p: &Params) -> (f32, Vec<f32>) {
        let dim = NAMED + p.buckets;
        let mut w = vec![0f64; dim];
        let mut g2 = vec![1e-8f64; dim];
        let (mut b, mut gb2) = (0f64, 1e-8f64);
        let lines: Vec<&Line> = train.iter().flat_map(|t| t.lines.iter()).collect();
        let mut order: Vec<usize> = (0..lines.len()).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let lr = 0.1;
        for _ in 0..p.epochs {
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            for &k in &order {
                let line = lines[k];
                let z = b + line
                    .feats
                    .iter()
                    .map(|&(i, v)| w[i] * f64::from(v))
                    .sum::<f64>();
                let pr = 1.0 / (1.0 + (-z).exp());
                let y = if line.label { 1.0 } else { 0.0 };
                let weight = if line.label { p.pos_weight } else { 1.0 };
                let g = (pr - y) * weight;
                for &(i, v) in &line.feats {
                    let gi = g * f64::from(v) + p.l2 * w[i];
                    g2[i] += gi * gi;
                    w[i] -= lr * gi / g2[i].sqrt();
                }
                gb2 += g * g;
                b -= lr * g / gb2.sqrt();
            }
        }
        (b as f32, w.into_iter().map(|x| x as f32).collect())
    }

    /// Average precision and precision at 10 of lines ranked by score (ties: text order).
    fn rank_scores(scores: &[f64], lines: &[Line]) -> (f64, f64) {
        let mut order: Vec<usize> = (0..lines.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let (mut hits, mut total) = (0usize, 0f64);
        for (rank, &i) in order.iter().enumerate() {
            if lines[i].label {
                hits += 1;
                total += hits as f64 / (rank + 1) as f64;
            }
        }
        let ap = if hits > 0 { total / hits as f64 } else { 0.0 };
        let p10 = order.iter().take(10).filter(|&&i| lines[i].label).count() as f64 / 10.0;
        (ap, p10)
    }

    fn write_predictions(dir: &Path, t: &Transcript, scores: &[f64]) {
        let annotations: Vec<serde_json::Value> = t
            .lines
            .iter()
            .zip(scores)
            .enumerate()
            .map(|(i, (l, s))| {
                serde_json::json!({"id": format!("c{}", i + 1), "kind": "claim", "start": l.start, "end": l.end,
                    "origin": "auto", "score": s})
            })
            .collect();
        let doc = serde_json::json!({"format": "quotelens/1", "annotations": annotations});
        std::fs::write(dir.join(format!("{}.json", t.name)), doc.to_string())
            .expect("write prediction");
    }

    fn write_rust(path: &Path, buckets: usize, bias: f32, w: &[f32]) {
        let mut s = String::from(
            "// Generated by `scripts/eval-claims.sh --write` (examples/train_claims.rs); do not edit.\n",
        );
        s.push_str(&format!("pub const HASH_BUCKETS: usize = {buckets};\n"));
        s.push_str(&format!("pub const BIAS: f32 = {bias:.4};\n"));
        s.push_str("#[rustfmt::skip]\npub const WEIGHTS: &[f32] = &[\n");
        for chunk in w.chunks(12) {
            let row: Vec<String> = chunk.iter().map(|x| format!("{x:.3}")).collect();
            s.push_str(&format!("    {},\n", row.join(", ")));
        }
        s.push_str("];\n");
        std::fs::write(path, s).expect("write model");
    }
}
