//! The real binary: `annotate --format` and `convert` on real files.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::cli as quotelens;

fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

const ARTICLE: &str = "“We will win,” she said.\r\nHe said: \"No\" 😀.\n";

#[test]
fn annotate_writes_every_format_and_convert_reads_them_back() {
    let dir = common::fresh_dir("formats-all");
    let input = dir.join("story.txt");
    std::fs::write(&input, ARTICLE).unwrap();
    let native = quotelens(&["annotate", s(&input)]);
    assert!(native.status.success());
    let expected =
        quotelens::model::document_from_json(std::str::from_utf8(&native.stdout).unwrap()).unwrap();

    for (format, files) in [
        ("native", &["story.json"][..]),
        ("w3c", &["story.jsonld"]),
        ("brat", &["story.txt", "story.ann"]),
        ("csv", &["story.csv"]),
    ] {
        let out = dir.join(format);
        let run = quotelens(&["annotate", "--format", format, "--out", s(&out), s(&input)]);
        assert!(
            run.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        for f in files {
            assert!(out.join(f).exists(), "{format} writes {f}");
        }
        if format == "csv" {
            continue;
        }
        // Read back (a .ann brings its .txt).
        let doc = converted_to_native(&out.join(files[files.len() - 1]), format);
        assert_eq!(doc.text, ARTICLE);
        assert_eq!(spans(&doc), spans(&expected), "{format}");
    }
    brat_through_w3c_gives_the_same_ann(&dir);
}

/// `path` read back by `convert` and printed as quotelens/1.
fn converted_to_native(path: &std::path::Path, format: &str) -> quotelens::Document {
    let back = quotelens(&["convert", "--to", "native", s(path)]);
    assert!(
        back.status.success(),
        "{format}: {}",
        String::from_utf8_lossy(&back.stderr)
    );
    quotelens::model::document_from_json(std::str::from_utf8(&back.stdout).unwrap()).unwrap()
}

fn spans(d: &quotelens::Document) -> Vec<(quotelens::Kind, usize, usize)> {
    d.annotations
        .iter()
        .map(|a| (a.kind, a.start, a.end))
        .collect()
}

/// brat -> W3C -> brat gives the same .ann as `dir/brat/story.ann`.
fn brat_through_w3c_gives_the_same_ann(dir: &std::path::Path) {
    let w3c = dir.join("again");
    let run = quotelens(&[
        "convert",
        "--to",
        "w3c",
        "--out",
        s(&w3c),
        s(&dir.join("brat/story.ann")),
    ]);
    assert!(run.status.success());
    let brat = dir.join("brat2");
    let run = quotelens(&[
        "convert",
        "--to",
        "brat",
        "--out",
        s(&brat),
        s(&w3c.join("story.jsonld")),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(brat.join("story.ann")).unwrap(),
        std::fs::read_to_string(dir.join("brat/story.ann")).unwrap()
    );
}

#[test]
fn refusals_are_clear_and_exit_non_zero() {
    let dir = common::fresh_dir("formats-refuse");
    let input = dir.join("story.txt");
    std::fs::write(&input, ARTICLE).unwrap();
    let run = quotelens(&["annotate", "--format", "brat", s(&input)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("brat writes two files"));
    let run = quotelens(&["annotate", "--format", "xml", s(&input)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr)
        .contains("unknown format \"xml\" (one of: native, w3c, brat, csv)"));

    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"format": "quotelens/1", "text": "abc", "annotations": [{"id": "q1", "kind": "quote", "start": 1, "end": 9, "text": "bc"}]}"#).unwrap();
    let run = quotelens(&["convert", "--to", "csv", s(&bad)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("bad.json (QuoteLens JSON): annotations[0].end: 9 is past the end of the text (3 code points)"),
        "{stderr}"
    );
    let lonely = dir.join("lonely.ann");
    std::fs::write(&lonely, "T1\tContent 0 2\tab\n").unwrap();
    let run = quotelens(&["convert", "--to", "native", s(&lonely)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("needs the .txt it annotates"));
}
