//! The comparison as a plain-text table, for `quotelens compare`.

use std::fmt::Write;

use super::{Aspect, Comparison, Figure, Side};
use crate::model::{Kind, Origin};

/// A ratio as a percentage with one decimal, or "—" when there was nothing to count.
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), crate::edit::provenance::percent_tenths)
}

/// How many differences of each aspect: "only in A 2, span 1".
pub fn aspect_counts(c: &Comparison) -> String {
    let all = [
        Aspect::OnlyA,
        Aspect::OnlyB,
        Aspect::Kind,
        Aspect::Span,
        Aspect::Speaker,
        Aspect::Cue,
        Aspect::Review,
    ];
    let counts: Vec<String> = all
        .iter()
        .map(|&x| {
            let n = c
                .differences
                .iter()
                .filter(|&&k| c.pairs[k].differs.contains(&x))
                .count();
            (x, n)
        })
        .filter(|&(_, n)| n > 0)
        .map(|(x, n)| format!("{} {n}", x.label()))
        .collect();
    counts.join(", ")
}

/// The figures as two small tables, then the differences counted.
pub fn report(c: &Comparison, a_name: &str, b_name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "A: {a_name} ({} annotations)", c.a.annotations.len());
    let _ = writeln!(out, "B: {b_name} ({} annotations)", c.b.annotations.len());
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<26}{:>6}{:>6}{:>7}{:>8}{:>7}{:>7}{:>7}",
        "", "in A", "in B", "found", "within", "P", "R", "F1"
    );
    let rows = c.figures.rows();
    for row in &rows {
        if let Figure::Overlap(o) = row.figure {
            let _ = writeln!(
                out,
                "{:<26}{:>6}{:>6}{:>7}{:>8}{:>7}{:>7}{:>7}",
                row.label,
                o.in_a,
                o.in_b,
                o.found,
                o.within,
                percent(o.precision()),
                percent(o.recall()),
                percent(o.f1())
            );
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{:<26}{:>6}{:>6}{:>7}", "", "agree", "of", "%");
    for row in &rows {
        if let Figure::Share(s) = row.figure {
            let _ = writeln!(
                out,
                "{:<26}{:>6}{:>6}{:>7}",
                row.label,
                s.agree,
                s.of,
                percent(s.value())
            );
        }
    }
    let _ = writeln!(out);
    let agree = c.pairs.len() - c.differences.len();
    let _ = match c.differences.len() {
        0 => writeln!(out, "No differences: the {agree} annotations agree."),
        n => writeln!(
            out,
            "{n} differences ({}); {agree} agree.",
            aspect_counts(c)
        ),
    };
    let _ = writeln!(
        out,
        "A is the reference: P = B's within one of A's, R = A's that B found (score.py's overlap rules)."
    );
    out
}

/// One side of pair `k` in words: "quote “We will…” by Anna Berg, accepted", or
/// "nothing" when that side has no annotation there.
pub fn describe(c: &Comparison, k: usize, side: Side) -> String {
    let Some(x) = c.annotation(k, side) else {
        return "nothing".to_string();
    };
    let words: String = x.text.chars().take(60).collect();
    let cut = if x.text.chars().count() > 60 {
        "…"
    } else {
        ""
    };
    let what = match x.kind {
        Kind::Attribution => "speaker mention",
        kind => kind.as_str(),
    };
    let words = words.trim();
    // A quote that carries its own quotation marks needs no more.
    let mut out = if words.starts_with(['“', '"', '«', '‘', '\'']) {
        format!("{what} {words}{cut}")
    } else {
        format!("{what} “{words}{cut}”")
    };
    let speaker = match x.kind {
        Kind::Attribution => x.speaker.clone(),
        _ => c.speaker_of(x, side),
    };
    if let Some(name) = speaker {
        let _ = write!(out, " by {name}");
    }
    if let Some(cue) = &x.cue {
        let _ = write!(out, ", cue “{}”", cue.text);
    }
    out.push_str(match x.origin {
        Origin::User => ", accepted",
        Origin::Auto => ", unreviewed",
    });
    out
}
