//! What every trainer writes of the weights it ships, the same way so the files read
//! alike: the generated Rust source (`weights.rs` beside the model's features) and the
//! `--check` file of the trainer's own scores that a test compares with the engine's.

use serde_json::Value;

/// `doc` as the module's doc comment (line by line), then `WEIGHTS` in `names` order as
/// f32, each line naming its feature.
pub fn weights_source(doc: &str, names: &[&str], w: &[f64]) -> String {
    let mut s: String = doc.lines().map(|l| format!("//! {l}\n")).collect();
    s += "pub(super) const WEIGHTS: [f32; super::features::N] = [\n";
    for (name, x) in names.iter().zip(w) {
        s += &format!("    {:?}, // {name}\n", *x as f32);
    }
    s + "];\n"
}

/// The doc comment of a generated `weights.rs`: which model, the script and trainer
/// that learnt it, and from how much gold (`learnt_from`: "2219 quotations").
pub fn learnt_doc(
    model: &str,
    script: &str,
    example: &str,
    files: usize,
    learnt_from: &str,
) -> String {
    format!(
        "{model} weights, in `features::NAMES` order: learnt by\n\
         `{script}` (`examples/{example}.rs`) from {files} gold\n\
         files, {learnt_from}. Generated: do not edit."
    )
}

/// The `--check` file: for each of `texts`, its rows under `key`, each row as `row`
/// gives it with the scores of the f32 weights the trainer ships (its own dot product).
pub fn check_json<R>(
    w: &[f64],
    texts: &[&str],
    rows: fn(&str) -> Vec<R>,
    key: &str,
    row: fn(&R, &[f64]) -> Value,
) -> String {
    let shipped: Vec<f64> = w.iter().map(|x| f64::from(*x as f32)).collect();
    let texts: Vec<Value> = texts
        .iter()
        .map(|text| {
            let rows: Vec<Value> = rows(text).iter().map(|r| row(r, &shipped)).collect();
            serde_json::json!({"text": text, key: rows})
        })
        .collect();
    serde_json::to_string_pretty(&texts).expect("json") + "\n"
}
