//! `quotelens compare` on real files: two people's annotations of one invented text.
#![cfg(not(target_arch = "wasm32"))]

mod common;

const TEXT: &str =
    "🦀 “We will build the bridge,” said Mayor Ana Ruiz. 🌉 Critics said the cost had doubled.";

/// A quotelens/1 file of `TEXT`; `with_claim` adds a claim, `user` marks the quote accepted.
fn write_doc(path: &std::path::Path, with_claim: bool, user: bool) {
    let cp = |s: &str| {
        let byte = TEXT.find(s).unwrap();
        let start = TEXT[..byte].chars().count();
        (start, start + s.chars().count())
    };
    let (qs, qe) = cp("“We will build the bridge,”");
    let (ms, me) = cp("Mayor Ana Ruiz");
    let (cs, ce) = cp("said");
    let mut annotations = vec![
        serde_json::json!({"id": "q1", "kind": "quote", "start": qs, "end": qe, "text": "“We will build the bridge,”",
            "origin": if user { "user" } else { "auto" }, "attribution": "a1"}),
        serde_json::json!({"id": "a1", "kind": "attribution", "start": ms, "end": me, "text": "Mayor Ana Ruiz",
            "speaker": "Ana Ruiz", "cue": {"start": cs, "end": ce, "text": "said"}}),
    ];
    if with_claim {
        let (s, e) = cp("the cost had doubled.");
        annotations.push(serde_json::json!({"id": "c1", "kind": "claim", "start": s, "end": e, "text": "the cost had doubled."}));
    }
    let doc =
        serde_json::json!({"format": "quotelens/1", "text": TEXT, "annotations": annotations});
    std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
}

#[test]
fn compare_prints_the_agreement_figures_and_json_and_reads_w3c() {
    let dir = common::fresh_dir("compare-figures");
    let (a, b) = (dir.join("a.json"), dir.join("b.json"));
    write_doc(&a, true, false);
    write_doc(&b, false, true);
    let run = common::cli_paths(&["compare"], &[&a, &b]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let table = String::from_utf8(run.stdout).unwrap();
    let line = |label: &str| {
        table
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("{label} in {table}"))
            .to_string()
    };
    assert!(
        line("Quotes @0.3").ends_with("100.0  100.0  100.0"),
        "{table}"
    );
    assert!(
        line("Claims @0.3").contains("—"),
        "B has no claim: no precision\n{table}"
    );
    assert!(line("Review state").ends_with("1     2   50.0"), "{table}");
    assert!(
        table.contains("2 differences (only in A 1, review state 1); 1 agree."),
        "{table}"
    );

    let run = common::cli_paths(&["compare", "--json"], &[&a, &b]);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["differences"], 2);
    assert_eq!(json["figures"]["quotes@0.3"]["f1"], 1.0);
    assert_eq!(json["figures"]["claims@0.3"]["r"], 0.0);
    assert_eq!(json["figures"]["speaker_match"]["share"], 1.0);

    // The same B as W3C Web Annotations gives the same figures.
    let w3c = common::cli_paths(&["convert", "--to", "w3c"], &[&b]);
    let b_w3c = dir.join("b.jsonld");
    std::fs::write(&b_w3c, w3c.stdout).unwrap();
    let run = common::cli_paths(&["compare", "--json"], &[&a, &b_w3c]);
    let again: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(again["figures"], json["figures"]);
}

#[test]
fn compare_refuses_files_of_different_texts() {
    let dir = common::fresh_dir("compare-texts");
    let a = dir.join("a.json");
    write_doc(&a, true, false);
    let b = dir.join("b.json");
    std::fs::write(
        &b,
        r#"{"format": "quotelens/1", "text": "Another story.", "annotations": []}"#,
    )
    .unwrap();
    let run = common::cli_paths(&["compare"], &[&a, &b]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("different texts"), "{stderr}");
    assert!(run.stdout.is_empty());
}
