//! The real `quotelens` binary on real files.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

mod common;

fn quotelens() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotelens"))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quotelens-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn annotate_writes_one_json_per_input_and_reports_bad_files() {
    let dir = temp_dir("many");
    let good = dir.join("story.txt");
    std::fs::write(&good, "\"We will win,\" she said.\n").unwrap();
    let binary = dir.join("photo.txt");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0xff]).unwrap();
    let out = dir.join("out");
    let run = quotelens()
        .args(["annotate", "--out"])
        .arg(&out)
        .arg(&binary)
        .arg(&good)
        .output()
        .unwrap();
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
