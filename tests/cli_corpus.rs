//! The real binary on a corpus: directories, lists of paths, JSON Lines in and out,
//! several jobs, resuming, and bad inputs in the middle of a run.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::{cli as quotelens, cli_with_input as quotelens_with_input};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A made-up news text, different for each `n`.
fn story(n: usize) -> String {
    let mut text = format!(
        "Town council {n} votes on the bridge\n\n\"We will build it by spring,\" the mayor, Ann Berg, said on Monday.\n\n"
    );
    for i in 0..n % 7 {
        text.push_str(&format!(
            "The plan costs {} million euros, the treasurer said in a statement. \"It is far too dear for a town of {} people,\" said Tom Hale, who leads the opposition.\n\n",
            n + i,
            1000 * (i + 1)
        ));
    }
    text
}

/// What `annotate FILE` prints for one file: the reference every corpus output must equal.
fn single(file: &Path) -> Vec<u8> {
    let run = quotelens(&["annotate", s(file)]);
    assert!(run.status.success());
    run.stdout
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every file under `dir` with its bytes, by path under it.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_directory_is_walked_for_text_markdown_and_pages_and_outputs_keep_their_paths() {
    let dir = common::fresh_dir("corpus-walk");
    let input = dir.join("in");
    write(&input.join("a.txt"), &story(1));
    write(&input.join("sub/b.md"), &story(2));
    write(
        &input.join("sub/deeper/c.html"),
        "<html><body><p>\"We will not sell the park,\" the mayor said.</p></body></html>",
    );
    write(&input.join("notes.pdf"), "not an input");
    write(&input.join(".hidden.txt"), &story(3));
    let out = dir.join("out");
    let run = quotelens(&["annotate", "--out", s(&out), s(&input)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let names: Vec<PathBuf> = tree(&out).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        names,
        [
            PathBuf::from("a.json"),
            PathBuf::from("sub/b.json"),
            PathBuf::from("sub/deeper/c.json")
        ]
    );
    for (output, file) in [
        ("a.json", "a.txt"),
        ("sub/deeper/c.json", "sub/deeper/c.html"),
    ] {
        assert_eq!(
            std::fs::read(out.join(output)).unwrap(),
            single(&input.join(file)),
            "{output} is what annotate writes for the file alone"
        );
    }
}

#[test]
fn paths_listed_on_standard_input_are_annotated_and_named_by_their_path() {
    let dir = common::fresh_dir("corpus-list");
    write(&dir.join("x/one.txt"), &story(4));
    write(&dir.join("y/one.txt"), &story(5));
    let out = dir.join("out");
    let list = format!(
        "{}\n\n{}\n",
        s(&dir.join("x/one.txt")),
        s(&dir.join("y/one.txt"))
    );
    let run = quotelens_with_input(&["annotate", "--files-from", "-", "--out", s(&out)], &list);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let under = dir.strip_prefix("/").unwrap();
    for name in ["x/one", "y/one"] {
        let output = out.join(under).join(format!("{name}.json"));
        assert_eq!(
            std::fs::read(&output).unwrap(),
            single(&dir.join(format!("{name}.txt"))),
            "two files of one name do not overwrite each other"
        );
    }
}

/// A JSON Lines corpus: text and html records with extra fields, in a known order.
fn jsonl_corpus(n: usize) -> String {
    let mut lines = String::new();
    for i in 0..n {
        let record = if i % 5 == 4 {
            serde_json::json!({
                "outlet": "The Daily Example",
                "html": format!("<html><body><h1>Story {i}</h1><p>\"We stay,\" the coach said after game {i}.</p></body></html>"),
                "id": format!("page-{i}"),
            })
        } else {
            serde_json::json!({"id": i, "text": story(i), "date": "2026-12-06", "tags": ["council", i]})
        };
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    lines
}

#[test]
fn json_lines_in_and_out_keep_the_order_and_every_other_field() {
    let dir = common::fresh_dir("corpus-jsonl");
    let input = dir.join("in.jsonl");
    let corpus = jsonl_corpus(12);
    write(&input, &corpus);
    let run = quotelens(&["annotate", "--jsonl", s(&input), "--jsonl-out", "-"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let outputs: Vec<&str> = std::str::from_utf8(&run.stdout).unwrap().lines().collect();
    assert_eq!(outputs.len(), 12);
    for (i, (line_in, line_out)) in corpus.lines().zip(&outputs).enumerate() {
        let mut record: Value = serde_json::from_str(line_in).unwrap();
        let mut out: Value = serde_json::from_str(line_out).unwrap();
        let analysis = out.as_object_mut().unwrap().remove("quotelens").unwrap();
        assert_eq!(
            out, record,
            "line {i}: the record's fields are all kept as they were"
        );
        // The same document as annotate writes for the text in a file of its own.
        let file = dir.join(if i % 5 == 4 { "one.html" } else { "one.txt" });
        let body = record.as_object_mut().unwrap();
        let body = body.remove("text").or_else(|| body.remove("html")).unwrap();
        write(&file, body.as_str().unwrap());
        let alone: Value = serde_json::from_slice(&single(&file)).unwrap();
        assert_eq!(analysis, alone, "line {i}");
    }
    assert!(outputs[0].starts_with(corpus.lines().next().unwrap().trim_end_matches('}')));
}

#[test]
fn any_number_of_jobs_writes_the_same_bytes_as_one() {
    let dir = common::fresh_dir("corpus-jobs");
    let input = dir.join("in.jsonl");
    write(&input, &jsonl_corpus(40));
    let texts = dir.join("texts");
    for i in 0..40 {
        write(&texts.join(format!("{}/{i:02}.txt", i % 3)), &story(i));
    }
    let lines = |jobs: &str| {
        let run = quotelens(&[
            "annotate",
            "--jobs",
            jobs,
            "--jsonl",
            s(&input),
            "--jsonl-out",
            "-",
        ]);
        assert!(run.status.success());
        run.stdout
    };
    let one = lines("1");
    assert_eq!(one.iter().filter(|&&b| b == b'\n').count(), 40);
    assert_eq!(lines("4"), one);
    assert_eq!(lines("3"), one);
    let folder = |jobs: &str| {
        let out = dir.join(format!("out-{jobs}"));
        let run = quotelens(&["annotate", "--jobs", jobs, "--out", s(&out), s(&texts)]);
        assert!(run.status.success());
        tree(&out)
    };
    let one = folder("1");
    assert_eq!(one.len(), 40);
    assert_eq!(folder("4"), one);
}

#[test]
fn resume_skips_complete_outputs_and_finishes_the_rest() {
    let dir = common::fresh_dir("corpus-resume");
    let texts = dir.join("texts");
    for i in 0..6 {
        write(&texts.join(format!("{i}.txt")), &story(i));
    }
    let out = dir.join("out");
    let run = quotelens(&["annotate", "--out", s(&out), s(&texts)]);
    assert!(run.status.success());
    let full = tree(&out);
    // As if the run had stopped: one output missing, one left as a temporary file.
    std::fs::remove_file(out.join("2.json")).unwrap();
    std::fs::rename(out.join("4.json"), out.join("4.json.part99")).unwrap();
    std::fs::write(out.join("0.json"), "kept").unwrap();
    let run = quotelens(&["annotate", "--resume", "--out", s(&out), s(&texts)]);
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("2 annotated, 4 done before"), "{stderr}");
    assert_eq!(
        std::fs::read(out.join("0.json")).unwrap(),
        b"kept",
        "a complete output is not redone"
    );
    std::fs::write(out.join("0.json"), &full[0].1).unwrap();
    std::fs::remove_file(out.join("4.json.part99")).unwrap();
    assert_eq!(tree(&out), full);

    // A JSON Lines output stopped in the middle of a line goes on from its last whole line.
    let input = dir.join("in.jsonl");
    write(&input, &jsonl_corpus(7));
    let whole = dir.join("whole.jsonl");
    assert!(
        quotelens(&["annotate", "--jsonl", s(&input), "--jsonl-out", s(&whole)])
            .status
            .success()
    );
    let whole = std::fs::read(&whole).unwrap();
    let cut = whole
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .nth(2)
        .unwrap()
        .0
        + 40;
    let partial = dir.join("partial.jsonl");
    std::fs::write(&partial, &whole[..cut]).unwrap();
    let run = quotelens(&[
        "annotate",
        "--resume",
        "--jsonl",
        s(&input),
        "--jsonl-out",
        s(&partial),
    ]);
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("4 annotated, 3 done before"));
    assert_eq!(std::fs::read(&partial).unwrap(), whole);
}

#[test]
fn a_bad_input_is_reported_and_the_run_goes_on_to_a_failing_exit() {
    let dir = common::fresh_dir("corpus-bad");
    let texts = dir.join("texts");
    write(&texts.join("a.txt"), &story(1));
    std::fs::write(texts.join("b.txt"), [b'x', 0, 0xff, 0]).unwrap();
    std::fs::write(texts.join("c.txt"), [0xc3, 0x28]).unwrap();
    write(&texts.join("d.txt"), &story(2));
    let out = dir.join("out");
    let run = quotelens(&["annotate", "--jobs", "2", "--out", s(&out), s(&texts)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("b.txt: looks binary"), "{stderr}");
    assert!(stderr.contains("c.txt: is not UTF-8"), "{stderr}");
    assert!(
        stderr.contains("4 inputs") && stderr.contains("2 annotated, 2 failed"),
        "{stderr}"
    );
    assert!(out.join("a.json").exists() && out.join("d.json").exists());

    // In a JSON Lines stream a bad record keeps its place as an error line.
    let input = dir.join("in.jsonl");
    write(&input, "{\"id\": \"ok\", \"text\": \"Fine.\"}\nnot json\n{\"id\": \"no-text\"}\n{\"id\": 4, \"text\": \"Fine too.\"}\n");
    let run = quotelens(&["annotate", "--jsonl", s(&input), "--jsonl-out", "-"]);
    assert_eq!(run.status.code(), Some(1));
    let lines: Vec<Value> = std::str::from_utf8(&run.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("ok"),
            &Value::Null,
            &Value::from("no-text"),
            &Value::from(4)
        ]
    );
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON record"));
    assert!(lines[3]["quotelens"]["format"] == "quotelens/1");
}

#[test]
fn several_inputs_without_an_output_are_refused_before_any_work() {
    let dir = common::fresh_dir("corpus-refused");
    write(&dir.join("a.txt"), &story(1));
    let run = quotelens(&["annotate", s(&dir)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--out DIR or --jsonl-out FILE"));
    let run = quotelens(&[
        "annotate",
        "--resume",
        "--jsonl",
        s(&dir.join("a.txt")),
        "--jsonl-out",
        "-",
    ]);
    assert_eq!(run.status.code(), Some(2));
}
