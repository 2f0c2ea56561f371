//! The real `quotelens` binary on real files.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[test]
fn annotate_writes_one_json_per_input_and_reports_bad_files() {
    let dir = common::fresh_dir("cli-many");
    let good = dir.join("story.txt");
    std::fs::write(&good, "\"We will win,\" she said.\n").unwrap();
    let binary = dir.join("photo.txt");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0xff]).unwrap();
    let out = dir.join("out");
    let run = common::cli_paths(&["annotate", "--out"], &[&out, &binary, &good]);
    assert!(!run.status.success(), "a bad input makes the exit non-zero");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("photo.txt"),
        "the error names the file: {stderr}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("story.json")).unwrap()).unwrap();
    assert_eq!(json["format"], "quotelens/1");
    assert_eq!(json["text"], "\"We will win,\" she said.\n");
    assert!(!out.join("photo.json").exists());
}

#[test]
fn annotate_reads_standard_input_and_prints_json() {
    let out = common::cli_with_input(&["annotate", "-"], "Hello 😀 world.");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["text"], "Hello 😀 world.");
    assert_eq!(
        out.stdout,
        quotelens::cli::export_json("Hello 😀 world.").into_bytes()
    );
}
