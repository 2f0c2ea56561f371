//! The logistic-regression trainers' shared parts (`train_reported`, `train_quote_spans`;
//! included with `#[path]`, beside `common_files` and `weights_source`): the labelled
//! example, the fit (Adam on the mean log loss plus L2), the bias shift to a threshold,
//! precision and recall of a decision, a weights file read back, the gold contents as
//! the scorer counts their characters, and the one flow both follow (flags, labelled
//! gold files, a quick CV, the fit, `--out`, `--rust`, `--check`).
#![allow(dead_code)]

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;

/// One candidate: its features (feature 0 the bias, always 1) and whether the gold
/// says it is right.
pub struct Example {
    pub feats: Vec<f64>,
    pub right: bool,
}

/// A gold file's text and, per attribution, the characters of its content that the
/// scorer counts.
pub struct GoldContents {
    pub text: String,
    chars: Vec<char>,
    pub contents: Vec<HashSet<usize>>,
}

impl GoldContents {
    pub fn read(path: &Path) -> Self {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read gold"))
            .expect("gold JSON");
        let text = gold["text"].as_str().expect("gold text").to_string();
        let chars: Vec<char> = text.chars().collect();
        let mut g = GoldContents {
            text,
            chars,
            contents: Vec::new(),
        };
        let contents = gold["attributions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| {
                let frags = a["content"].as_array().cloned().unwrap_or_default();
                g.counted(frags.iter().map(|f| {
                    let at = |i: usize| f[i].as_u64().unwrap_or(0) as usize;
                    (at(0), at(1))
                }))
            })
            .collect();
        g.contents = contents;
        g
    }

    /// The counted characters (code points) of the code-point ranges `frags`.
    pub fn counted(&self, frags: impl Iterator<Item = (usize, usize)>) -> HashSet<usize> {
        let mut s = HashSet::new();
        for (a, b) in frags {
            s.extend((a..b).filter(|&i| i < self.chars.len() && counts(self.chars[i])));
        }
        s
    }
}

/// Precision and recall of the candidates a decision takes, among the candidates.
pub fn summary(examples: &[Example], mut take: impl FnMut(&Example) -> bool) -> String {
    let (mut tp, mut taken) = (0, 0);
    for e in examples {
        if take(e) {
            taken += 1;
            tp += usize::from(e.right);
        }
    }
    let right = examples.iter().filter(|e| e.right).count().max(1);
    format!(
        "took {taken}: P {:.1} R {:.1}",
        100.0 * tp as f64 / taken.max(1) as f64,
        100.0 * tp as f64 / right as f64
    )
}

/// The weights of a file written by `--out` (`name weight` lines), in `names` order.
pub fn read_weights(path: &str, names: &[&str]) -> Vec<f64> {
    let text = std::fs::read_to_string(path).expect("read --weights");
    let mut w = vec![0.0; names.len()];
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (name, x) = line.split_once(' ').expect("name weight");
        let i = names.iter().position(|n| *n == name).expect("a feature");
        w[i] = x.trim().parse().expect("a number");
    }
    w
}

/// A character the scorer counts (not space, not a quotation mark).
pub fn counts(c: char) -> bool {
    !" \t\r\n\u{a0}\"'\u{201c}\u{201d}\u{2018}\u{2019}\u{ab}\u{bb}".contains(c)
}

pub fn dot(f: &[f64], w: &[f64]) -> f64 {
    f.iter().zip(w).map(|(a, b)| a * b).sum()
}

/// The bias (feature 0, always 1) moved so that a score above 0 means a probability
/// above `threshold`.
pub fn shifted(mut w: Vec<f64>, threshold: f64) -> Vec<f64> {
    w[0] -= (threshold / (1.0 - threshold)).ln();
    w
}

pub fn fit(examples: &[Example], n: usize, l2: f64, epochs: usize) -> Vec<f64> {
    fit_refs(&examples.iter().collect::<Vec<_>>(), n, l2, epochs)
}

/// Logistic regression: minimise the mean log loss plus `l2` times the squared weights.
pub fn fit_refs(examples: &[&Example], n: usize, l2: f64, epochs: usize) -> Vec<f64> {
    let mut w = vec![0.0; n];
    let (mut m, mut v) = (vec![0.0; n], vec![0.0; n]);
    let (b1, b2, rate) = (0.9f64, 0.999f64, 0.05);
    let scale = 1.0 / examples.len().max(1) as f64;
    for t in 1..=epochs {
        let mut grad: Vec<f64> = w.iter().map(|x| 2.0 * l2 * x).collect();
        for e in examples {
            let p = 1.0 / (1.0 + (-dot(&e.feats, &w)).exp());
            let g = (p - f64::from(u8::from(e.right))) * scale;
            for (k, x) in e.feats.iter().enumerate() {
                grad[k] += g * x;
            }
        }
        for k in 0..n {
            m[k] = b1 * m[k] + (1.0 - b1) * grad[k];
            v[k] = b2 * v[k] + (1.0 - b2) * grad[k] * grad[k];
            let mh = m[k] / (1.0 - b1.powi(t as i32));
            let vh = v[k] / (1.0 - b2.powi(t as i32));
            w[k] -= rate * mh / (vh.sqrt() + 1e-8);
        }
    }
    w
}

/// What sets one logistic trainer apart from the other: its name in messages, what
/// its candidates are, its feature names, the header of its `--out` file, the
/// thresholds its quick CV prints, and the decision it is compared with.
pub struct Model {
    pub name: &'static str,
    /// The model as its generated `weights.rs` names it, and the script that trains it.
    pub title: &'static str,
    pub script: &'static str,
    pub candidates: &'static str,
    /// What its candidates are in the generated `weights.rs` ("cue candidates").
    pub candidates_doc: &'static str,
    pub features: fn() -> &'static [&'static str],
    pub out_header: &'static str,
    pub cv_thresholds: &'static [f64],
    pub baseline: (&'static str, fn(&Example) -> bool),
}

/// A trainer's whole run: `--weights W --check FILE` writes `check_json` of W and
/// trains nothing; otherwise [`train`], then `--rust` gets the generated `weights.rs`.
pub fn run(
    model: &Model,
    args: &Args,
    label_file: fn(&Path) -> Vec<Example>,
    check_json: fn(&[f64]) -> String,
) {
    if let (Some(given), Some(check)) = (&args.given, &args.check) {
        let w = read_weights(given, (model.features)());
        std::fs::write(check, check_json(&w)).expect("write --check");
        return;
    }
    let trained = train(model, args, label_file);
    if let Some(rust) = &args.rust {
        let doc = super::weights_source::learnt_doc(
            model.title,
            model.script,
            model.name,
            trained.files,
            &format!("{} {}", trained.candidates, model.candidates_doc),
        );
        let source =
            super::weights_source::weights_source(&doc, (model.features)(), &trained.weights);
        std::fs::write(rust, source).expect("write --rust");
    }
}

/// The trainers' flags.
pub struct Args {
    pub dirs: Vec<String>,
    pub out: Option<String>,
    pub rust: Option<String>,
    pub check: Option<String>,
    pub given: Option<String>,
    pub shipped: Option<String>,
    pub l2: f64,
    pub epochs: usize,
    pub cv: usize,
    pub threshold: f64,
}

/// The command line's flags; `threshold` is the trainer's own default.
pub fn parse_args(threshold: f64) -> Args {
    let mut a = Args {
        dirs: Vec::new(),
        out: None,
        rust: None,
        check: None,
        given: None,
        shipped: None,
        l2: 1e-4,
        epochs: 800,
        cv: 0,
        threshold,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(x) = it.next() {
        let mut next = || it.next().cloned().unwrap_or_else(|| panic!("{x}: a value"));
        match x.as_str() {
            "--out" => a.out = Some(next()),
            "--rust" => a.rust = Some(next()),
            "--check" => a.check = Some(next()),
            "--weights" => a.given = Some(next()),
            "--shipped" => a.shipped = Some(next()),
            "--l2" => a.l2 = next().parse().expect("--l2 X"),
            "--epochs" => a.epochs = next().parse().expect("--epochs N"),
            "--cv" => a.cv = next().parse().expect("--cv K"),
            "--threshold" => a.threshold = next().parse().expect("--threshold P"),
            _ => a.dirs.push(x.clone()),
        }
    }
    a
}

/// What a training run learnt: the weights (bias shifted to the threshold), from how
/// many gold files and candidates.
pub struct Trained {
    pub weights: Vec<f64>,
    pub files: usize,
    pub candidates: usize,
}

/// Label every `NAME.gold.json` under `args.dirs` with `label_file`, print the quick
/// CV when `--cv K`, fit on everything, print the in-sample figures and write `--out`.
pub fn train(model: &Model, args: &Args, label_file: fn(&Path) -> Vec<Example>) -> Trained {
    let mut examples = Vec::new();
    let mut fold_of = Vec::new();
    let mut files = 0;
    for dir in &args.dirs {
        for path in super::common_files::files_in(Path::new(dir), ".gold.json") {
            let labelled = label_file(&path);
            fold_of.extend(std::iter::repeat_n(files % args.cv.max(1), labelled.len()));
            examples.extend(labelled);
            files += 1;
        }
    }
    let n = (model.features)().len();
    if args.cv > 1 {
        cross_validate(model, &examples, &fold_of, args);
    }
    let w = shifted(fit(&examples, n, args.l2, args.epochs), args.threshold);
    let (baseline, take) = model.baseline;
    eprintln!(
        "{}: {files} files, {} {}, {} right; in sample {}; {baseline} {}",
        model.name,
        examples.len(),
        model.candidates,
        examples.iter().filter(|e| e.right).count(),
        summary(&examples, |e| dot(&e.feats, &w) > 0.0),
        summary(&examples, take),
    );
    if let Some(out) = &args.out {
        let mut text = String::from(model.out_header);
        for (name, x) in (model.features)().iter().zip(&w) {
            text += &format!("{name} {}\n", *x as f32);
        }
        std::fs::write(out, text).expect("write --out");
    }
    Trained {
        weights: w,
        files,
        candidates: examples.len(),
    }
}

/// A quick look, by file (fold = index mod K): the held-out candidates' decisions,
/// model (at several thresholds) against the model's baseline.
fn cross_validate(model: &Model, examples: &[Example], fold_of: &[usize], args: &Args) {
    let n = (model.features)().len();
    let mut held_out = vec![0.0; examples.len()];
    for k in 0..args.cv {
        let fit_on: Vec<&Example> = examples
            .iter()
            .zip(fold_of)
            .filter(|(_, f)| **f != k)
            .map(|(e, _)| e)
            .collect();
        let w = fit_refs(&fit_on, n, args.l2, args.epochs);
        for (i, e) in examples.iter().enumerate() {
            if fold_of[i] == k {
                held_out[i] = 1.0 / (1.0 + (-dot(&e.feats, &w)).exp());
            }
        }
    }
    for &threshold in model.cv_thresholds {
        let mut i = 0;
        let decided = summary(examples, |_| {
            i += 1;
            held_out[i - 1] > threshold
        });
        eprintln!(
            "{}: {}-fold CV at {threshold}: model {decided}",
            model.name, args.cv
        );
    }
    let (baseline, take) = model.baseline;
    eprintln!("{}: {baseline} {}", model.name, summary(examples, take));
}
