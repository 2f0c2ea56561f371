//! How fast the formats export and import a large document: all of PolNeAR dev's gold
//! attributions in one text. Prints milliseconds per run and MB/s of the written file.
//!
//!     cargo run --profile release-native --example formats_speed

use std::path::Path;
use std::time::Instant;

use quotelens::formats::{export, import_files, Format};
use quotelens::model::{validate, Annotation, Cue, Document, Kind};
use serde_json::Value;

/// Export and import runs timed per format, averaged over this many.
const RUNS: u32 = 5;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/polnear/dev");
    let (doc, code_points, articles) = gold_document(&dir);
    validate(&doc).expect("a valid document");
    println!(
        "document: {} code points, {} annotations ({} articles)",
        code_points,
        doc.annotations.len(),
        articles
    );
    for format in [Format::Native, Format::W3c, Format::Brat, Format::Csv] {
        time_format(&doc, format);
    }
}

/// Every gold file of `dir` in one document, the articles one after another with a
/// blank line between; with its length in code points and its number of articles.
fn gold_document(dir: &Path) -> (Document, usize, usize) {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("../shared/polnear/dev")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".gold.json"))
        .collect();
    names.sort();
    let (mut text, mut annotations, mut offset) = (String::new(), Vec::new(), 0usize);
    for name in &names {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
        let t = gold["text"].as_str().unwrap();
        text.push_str(t);
        text.push_str("\n\n");
        add_gold_attributions(&gold, t, offset, &mut annotations);
        offset += t.chars().count() + 2;
    }
    (Document::new(text, annotations), offset, names.len())
}

/// A gold article's attributions (with their cues) and their quotes, as annotations of
/// the whole text where the article starts at code point `offset`.
fn add_gold_attributions(gold: &Value, t: &str, offset: usize, annotations: &mut Vec<Annotation>) {
    for g in gold["attributions"].as_array().unwrap() {
        // Spans are made on the article, then moved to where it sits in the whole text.
        let span = |v: &Value, i: usize| {
            let f = &v[i];
            (
                f[0].as_u64().unwrap() as usize,
                f[1].as_u64().unwrap() as usize,
            )
        };
        let shifted = |mut a: Annotation| {
            a.start += offset;
            a.end += offset;
            a
        };
        let (cs, ce) = span(&g["cue"], 0);
        let (ss, se) = if g["source"].is_null() {
            (cs, cs)
        } else {
            span(&g["source"], 0)
        };
        let id = format!("a{}", annotations.len());
        let mut a = shifted(Annotation::new(id.clone(), Kind::Attribution, t, ss, se));
        let cue = Annotation::new("", Kind::Attribution, t, cs, ce).text;
        a.cue = Some(Cue {
            start: offset + cs,
            end: offset + ce,
            text: cue,
        });
        annotations.push(a);
        for i in 0..g["content"].as_array().unwrap().len() {
            let (s, e) = span(&g["content"], i);
            let mut q = shifted(Annotation::new(
                format!("q{}", annotations.len()),
                Kind::Quote,
                t,
                s,
                e,
            ));
            q.attribution = Some(id.clone());
            annotations.push(q);
        }
    }
}

/// One line: `doc` exported in `format`, then (but CSV, which is export only) imported
/// back and validated, each in milliseconds per run and MB/s of the written files.
fn time_format(doc: &Document, format: Format) {
    let t0 = Instant::now();
    let mut files = Vec::new();
    for _ in 0..RUNS {
        files = export(doc, format);
    }
    let export_ms = t0.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let mb = bytes as f64 / 1e6;
    print!(
        "{:<7} export {export_ms:7.1} ms ({:6.1} MB/s, {mb:.2} MB)",
        format.name(),
        mb / export_ms * 1000.0
    );
    if format != Format::Csv {
        let named: Vec<(String, &[u8])> = files
            .iter()
            .map(|f| (format!("dev{}", f.suffix), f.bytes.as_slice()))
            .collect();
        let refs: Vec<(&str, &[u8])> = named.iter().map(|(n, b)| (n.as_str(), *b)).collect();
        let t0 = Instant::now();
        for _ in 0..RUNS {
            import_files(&refs).expect("reads back");
        }
        let import_ms = t0.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
        print!(
            "   import + validate {import_ms:7.1} ms ({:6.1} MB/s)",
            mb / import_ms * 1000.0
        );
    }
    println!();
}
