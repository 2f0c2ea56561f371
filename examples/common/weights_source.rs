//! The generated Rust source of a learnt model's weights (`weights.rs` beside its
//! features), written the same way by every trainer so the shipped files read alike.

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
