//! Exports and imports: round trips over generated documents, PolNeAR's gold through brat,
//! W3C required fields, CSV quoting and the import's messages.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use quotelens::formats::{self, brat, csv, export, import, import_files, w3c, Format, ImportError};
use quotelens::model::{validate, Annotation, Cue, Document, Kind, Origin};
use serde_json::Value;

// ---------- generated documents ----------

/// Pieces of text that trip up offset arithmetic: astral emoji, combining marks, CRLF,
/// curly and straight quotes, tabs, commas, formula starters.
const PIECES: &[&str] = &[
    "said",
    "the",
    "senator",
    " ",
    " ",
    ", ",
    "😀",
    "e\u{301}",
    "👩‍👩‍👧",
    "\r\n",
    "\n",
    "“",
    "”",
    "\"",
    "'",
    "\t",
    "=1+1",
    "-",
    "@",
    "ünïcödé",
    "ok.",
    "日本",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..40).prop_map(|p| p.concat())
}

/// A span `[s, e)` with `s < e` inside `len` code points.
fn span(len: usize, seed: (usize, usize)) -> (usize, usize) {
    let s = seed.0 % len;
    let e = s + 1 + seed.1 % (len - s);
    (s, e)
}

type Seeds = Vec<(usize, usize)>;

fn document_strategy() -> impl Strategy<Value = Document> {
    let seeds = || prop::collection::vec((any::<usize>(), any::<usize>()), 0..4);
    (
        text_strategy(),
        seeds(),
        seeds(),
        seeds(),
        prop::collection::vec((any::<u8>(), any::<u16>(), any::<bool>()), 12),
    )
        .prop_map(|(text, attrs, quotes, claims, extra)| {
            build(text, &attrs, &quotes, &claims, &extra)
        })
}

fn build(
    text: String,
    attrs: &Seeds,
    quotes: &Seeds,
    claims: &Seeds,
    extra: &[(u8, u16, bool)],
) -> Document {
    let len = text.chars().count();
    let speakers = ["Ann Lee", "José Ñúñez", "they", "Dr. 😀 O'Neil, Jr."];
    let words = ["number", "comparative", "future"];
    let mut anns = Vec::new();
    let mut pick = extra.iter().cycle();
    for (i, &seed) in attrs.iter().enumerate() {
        let (s, e) = span(len, seed);
        let &(x, _, flag) = pick.next().unwrap();
        let cue_span = span(len, (seed.1, seed.0));
        // Either a speaker mention (maybe with a cue) or only a cue, the speaker being
        // absent from the text (then the span is empty, at the cue).
        let (start, end, cue) = match x % 3 {
            0 => (cue_span.0, cue_span.0, Some(cue_span)),
            1 => (s, e, Some(cue_span)),
            _ => (s, e, None),
        };
        let mut a = Annotation::new(format!("a{i}"), Kind::Attribution, &text, start, end);
        a.cue = cue.map(|(cs, ce)| Cue {
            start: cs,
            end: ce,
            text: text.chars().skip(cs).take(ce - cs).collect(),
        });
        a.speaker = flag.then(|| speakers[x as usize % speakers.len()].to_string());
        a.origin = if x % 2 == 0 {
            Origin::User
        } else {
            Origin::Auto
        };
        provenance(&mut a, x, seed.0 as u16);
        anns.push(a);
    }
    let n_attrs = attrs.len();
    for (kind, seeds, prefix) in [(Kind::Quote, quotes, "q"), (Kind::Claim, claims, "c")] {
        for (i, &seed) in seeds.iter().enumerate() {
            let (s, e) = span(len, seed);
            let &(x, y, flag) = pick.next().unwrap();
            // Ids with characters IRIs must escape.
            let id = if flag {
                format!("{prefix}{i}")
            } else {
                format!("{prefix} {i}/é")
            };
            let mut a = Annotation::new(id, kind, &text, s, e);
            if n_attrs > 0 && x % 3 != 0 {
                a.attribution = Some(format!("a{}", x as usize % n_attrs));
            }
            a.origin = if y % 2 == 0 {
                Origin::User
            } else {
                Origin::Auto
            };
            provenance(&mut a, x, y);
            if kind == Kind::Claim {
                a.score = (x % 2 == 0).then_some(f64::from(y) / f64::from(u16::MAX));
                a.signals = (y % 3 == 0).then(|| {
                    words[..x as usize % 4]
                        .iter()
                        .map(|w| w.to_string())
                        .collect()
                });
            }
            anns.push(a);
        }
    }
    let doc = Document::new(text, anns);
    validate(&doc).expect("generated documents are valid");
    doc
}

/// The engine's provenance on automatic annotations: a rule, sometimes an explanation
/// (with characters JSON and CSV must escape), a confidence 0..1.
fn provenance(a: &mut Annotation, x: u8, y: u16) {
    if a.origin != Origin::Auto || x % 5 == 0 {
        return;
    }
    let rules = ["quote-comma-name-cue", "according-to", "name-cue-content"];
    a.rule = Some(rules[usize::from(y) % rules.len()].into());
    a.why = (y % 2 == 0).then(|| "pronoun \"he\" resolved to José Ñúñez,\n2 sentences back".into());
    a.confidence = Some(f64::from(y) / f64::from(u16::MAX));
}

/// An annotation as a format that renumbers ids must keep it: the attribution it links to
/// is named by its content, not its id. Scores are compared apart (see `same_scores`).
type Key = (
    Kind,
    usize,
    usize,
    String,
    Option<String>,
    Option<(usize, usize)>,
    Option<String>,
    bool,
    Option<Vec<String>>,
);

/// The linked attribution's span and cue span.
type LinkKey = Option<(usize, usize, Option<(usize, usize)>)>;

fn normal(doc: &Document) -> Vec<(Key, LinkKey)> {
    let by_id: BTreeMap<&str, &Annotation> =
        doc.annotations.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut v: Vec<_> = doc
        .annotations
        .iter()
        .map(|a| {
            let key = (
                a.kind,
                a.start,
                a.end,
                a.text.clone(),
                a.speaker.clone(),
                a.cue.as_ref().map(|c| (c.start, c.end)),
                a.cue.as_ref().map(|c| c.text.clone()),
                a.score.is_some(),
                a.signals.clone(),
            );
            let link = a.attribution.as_deref().map(|id| {
                let t = by_id[id];
                (t.start, t.end, t.cue.as_ref().map(|c| (c.start, c.end)))
            });
            (key, link)
        })
        .collect();
    v.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
    v
}

/// Equal documents, except that a score or confidence may come back one unit in the last place off:
/// serde_json's float parser (without the 9 KB `float_roundtrip` feature) is that close.
fn same(back: &Document, doc: &Document) -> Result<(), TestCaseError> {
    prop_assert_eq!(back.annotations.len(), doc.annotations.len());
    let mut back = back.clone();
    for (b, d) in back.annotations.iter_mut().zip(&doc.annotations) {
        if let (Some(x), Some(y)) = (b.score, d.score) {
            prop_assert!(
                (x - y).abs() <= f64::EPSILON * y.abs(),
                "score {} came back as {}",
                y,
                x
            );
            b.score = d.score;
        }
        if let (Some(x), Some(y)) = (b.confidence, d.confidence) {
            prop_assert!(
                (x - y).abs() <= f64::EPSILON * y.abs(),
                "confidence {} came back as {}",
                y,
                x
            );
            b.confidence = d.confidence;
        }
    }
    prop_assert_eq!(&back, doc);
    Ok(())
}

/// `signals: []` as W3C reads it back: no signals.
fn no_empty_signals(doc: &Document) -> Document {
    let mut doc = doc.clone();
    for a in &mut doc.annotations {
        if a.signals.as_ref().is_some_and(Vec::is_empty) {
            a.signals = None;
        }
    }
    doc
}

/// The same scores, in any order, each within a unit in the last place.
fn same_scores(back: &Document, doc: &Document) -> Result<(), TestCaseError> {
    let sorted = |d: &Document| {
        let mut v: Vec<f64> = d.annotations.iter().filter_map(|a| a.score).collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let (b, d) = (sorted(back), sorted(doc));
    prop_assert_eq!(b.len(), d.len());
    for (x, y) in b.iter().zip(&d) {
        prop_assert!(
            (x - y).abs() <= f64::EPSILON * y.abs(),
            "score {} came back as {}",
            y,
            x
        );
    }
    Ok(())
}

fn reimport(doc: &Document, format: Format) -> Document {
    let files = export(doc, format);
    let named: Vec<(String, &[u8])> = files
        .iter()
        .map(|f| (format!("story{}", f.suffix), f.bytes.as_slice()))
        .collect();
    let refs: Vec<(&str, &[u8])> = named.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    import_files(&refs).unwrap_or_else(|e| panic!("{format:?} import failed: {e}\n{files:#?}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn native_round_trip_is_the_identity(doc in document_strategy()) {
        same(&reimport(&doc, Format::Native), &doc)?;
    }

    #[test]
    fn w3c_round_trip_keeps_everything(doc in document_strategy()) {
        // Ids, origins and order survive too: the W3C export keeps all of quotelens/1
        // (an empty list of signals, one classifying body per signal, reads back as none).
        same(&reimport(&doc, Format::W3c), &no_empty_signals(&doc))?;
    }

    #[test]
    fn brat_round_trip_keeps_spans_links_and_notes(doc in document_strategy()) {
        let back = reimport(&doc, Format::Brat);
        prop_assert_eq!(&back.text, &doc.text);
        prop_assert_eq!(normal(&back), normal(&doc));
        same_scores(&back, &doc)?;
        prop_assert!(back.annotations.iter().all(|a| a.origin == Origin::User));
        // A second trip is stable, ids included.
        same(&reimport(&back, Format::Brat), &back)?;
    }

    #[test]
    fn csv_has_one_row_per_quote_or_claim_with_exact_cells(doc in document_strategy()) {
        let bytes = csv::to_csv(&doc);
        let rows = parse_csv(&bytes);
        let expected: Vec<&Annotation> = doc.annotations.iter().filter(|a| a.kind != Kind::Attribution).collect();
        prop_assert_eq!(rows.len(), expected.len() + 1);
        for (row, a) in rows[1..].iter().zip(expected) {
            prop_assert_eq!(&row[0], a.kind.as_str());
            prop_assert_eq!(&row[3], &csv::guard(&a.text));
            prop_assert_eq!(row[4].parse::<usize>().unwrap(), a.start);
            prop_assert_eq!(row[5].parse::<usize>().unwrap(), a.end);
            prop_assert_eq!(row[6].parse::<f64>().ok(), a.score);
            prop_assert_eq!(&row[7], &csv::guard(a.rule.as_deref().unwrap_or_default()));
            prop_assert_eq!(row[8].parse::<f64>().ok(), a.confidence);
        }
    }
}

// ---------- CSV ----------

/// A strict RFC 4180 reader (CRLF records), for checking the writer.
fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("UTF-8 with BOM");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => {
                assert!(cell.is_empty(), "a quotation mark inside an unquoted field");
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "records end in CRLF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a bare LF outside quotes"),
            (false, c) => cell.push(c),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "the file ends with a complete record"
    );
    rows
}

#[test]
fn csv_quotes_by_rfc_4180_and_defuses_formulas() {
    let text = "=HYPERLINK(\"x\") -5, +1 @me \"Yes,\r\nno\" he said.";
    let mut a = Annotation::new("a1", Kind::Attribution, text, 38, 40);
    a.cue = Some(Cue {
        start: 41,
        end: 45,
        text: "said".into(),
    });
    let mut q = Annotation::new("q1", Kind::Quote, text, 27, 37);
    q.attribution = Some("a1".into());
    q.rule = Some("quote-comma-name-cue".into());
    q.confidence = Some(0.9);
    let f = Annotation::new("c1", Kind::Claim, text, 0, 15);
    let mut c = Annotation::new("c2", Kind::Claim, text, 16, 20);
    c.score = Some(0.25);
    // A person's claim, and a quote of the engine's they accepted (it keeps its rule).
    c.origin = Origin::User;
    q.origin = Origin::User;
    let doc = Document::new(text, vec![f, c, a, q]);
    validate(&doc).unwrap();
    let bytes = csv::to_csv(&doc);
    assert!(
        bytes.starts_with(&[0xef, 0xbb, 0xbf]),
        "UTF-8 byte order mark"
    );
    let rows = parse_csv(&bytes);
    assert_eq!(rows[0], csv::HEADER);
    assert_eq!(
        rows[1],
        [
            "claim",
            "",
            "",
            "'=HYPERLINK(\"x\")",
            "0",
            "15",
            "",
            "",
            "",
            "auto",
            "unreviewed"
        ]
    );
    assert_eq!(
        rows[2],
        ["claim", "", "", "'-5, ", "16", "20", "0.25", "", "", "user", "added"]
    );
    assert_eq!(
        rows[3],
        [
            "quote",
            "he",
            "said",
            "\"Yes,\r\nno\"",
            "27",
            "37",
            "",
            "quote-comma-name-cue",
            "0.9",
            "user",
            "reviewed"
        ]
    );
    let raw = String::from_utf8(bytes).unwrap();
    assert!(
        raw.contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "inner quotation marks are doubled: {raw}"
    );
    assert_eq!(
        raw.matches("\r\n").count(),
        5,
        "4 records plus the CRLF inside the quote"
    );
    for cell in ["+1", "@me", "\tx", "-x"] {
        assert_eq!(csv::guard(cell), format!("'{cell}"));
    }
    assert_eq!(csv::guard("1-2"), "1-2");
}

// ---------- W3C ----------

const MOTIVATIONS: [&str; 13] = [
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

fn is_iri(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        s.split_once(':').is_some_and(|(scheme, rest)| {
            !scheme.is_empty() && !rest.is_empty() && !s.contains(' ')
        })
    })
}

/// The W3C Web Annotation Data Model's MUSTs for what we emit.
fn check_w3c(v: &Value, text: &str) {
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert!(is_iri(&v["id"]), "the collection has an IRI");
    assert_eq!(v["type"], "AnnotationCollection");
    let page = &v["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert!(is_iri(&page["id"]));
    let items = page["items"].as_array().expect("the page lists items");
    assert_eq!(v["total"], items.len());
    let chars: Vec<char> = text.chars().collect();
    let check_selectors = |sels: &Value| {
        let sels = sels.as_array().expect("selectors");
        let quote = sels
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .expect("a TextQuoteSelector");
        let pos = sels
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .expect("a TextPositionSelector");
        let (s, e) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        assert!(s <= e && e <= chars.len());
        // Positions count code points: the exact text is the code-point slice.
        assert_eq!(
            quote["exact"].as_str().unwrap(),
            chars[s..e].iter().collect::<String>()
        );
        let prefix: String = chars[s.saturating_sub(32)..s].iter().collect();
        let suffix: String = chars[e..(e + 32).min(chars.len())].iter().collect();
        assert_eq!(quote["prefix"].as_str().unwrap(), prefix);
        assert_eq!(quote["suffix"].as_str().unwrap(), suffix);
    };
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    for item in items {
        assert!(
            is_iri(&item["id"]),
            "an annotation has an IRI: {}",
            item["id"]
        );
        assert_eq!(item["type"], "Annotation");
        assert!(MOTIVATIONS.contains(&item["motivation"].as_str().unwrap()));
        let target = &item["target"];
        assert!(is_iri(&target["source"]));
        check_selectors(&target["selector"]);
        let bodies = item["body"].as_array().expect("bodies");
        assert!(
            bodies.iter().any(|b| b["purpose"] == "tagging"),
            "the kind is tagged"
        );
        for b in bodies {
            assert!(MOTIVATIONS.contains(&b["purpose"].as_str().unwrap()));
            match b["type"].as_str().unwrap() {
                "TextualBody" => assert!(b["value"].is_string(), "a TextualBody has a value"),
                "SpecificResource" => {
                    assert!(is_iri(&b["source"]), "a SpecificResource has a source");
                    if b["purpose"] == "linking" {
                        assert!(
                            ids.contains(&b["source"].as_str().unwrap()),
                            "links resolve inside the collection"
                        );
                    } else {
                        check_selectors(&b["selector"]);
                    }
                }
                other => panic!("unexpected body type {other}"),
            }
        }
    }
}

fn sample() -> Document {
    let text = "😀 e\u{301} “We will win,” she said.\r\nTaxes rose 5%.";
    let mut a = Annotation::new("a1", Kind::Attribution, text, 20, 23);
    a.speaker = Some("Ann Lee".into());
    a.cue = Some(Cue {
        start: 24,
        end: 28,
        text: "said".into(),
    });
    a.origin = Origin::User;
    let mut q = Annotation::new("q1", Kind::Quote, text, 5, 19);
    q.attribution = Some("a1".into());
    let mut c = Annotation::new("c1", Kind::Claim, text, 31, 45);
    c.score = Some(0.8);
    c.signals = Some(vec!["number".into()]);
    let doc = Document::new(text, vec![q, a, c]);
    validate(&doc).unwrap();
    doc
}

#[test]
fn w3c_export_meets_the_model_required_fields() {
    let doc = sample();
    let v: Value = serde_json::from_slice(&export(&doc, Format::W3c)[0].bytes).unwrap();
    check_w3c(&v, &doc.text);
    let q = &v["first"]["items"][0];
    assert_eq!(
        q["target"]["selector"][1]["start"], 5,
        "the emoji and the combining mark count as code points"
    );
    assert_eq!(q["target"]["selector"][0]["exact"], "“We will win,”");
    assert!(q["body"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["purpose"] == "linking" && b["source"] == v["first"]["items"][1]["id"]));
    let a = &v["first"]["items"][1];
    assert!(
        a.get("creator").is_none(),
        "user annotations have no software creator"
    );
    assert!(a["body"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["purpose"] == "identifying" && b["value"] == "Ann Lee"));
    assert!(a["body"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["styleClass"] == "cue" && b["selector"][0]["exact"] == "said"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn w3c_export_of_any_document_meets_the_model(doc in document_strategy()) {
        check_w3c(&w3c::to_value(&doc), &doc.text);
    }
}

#[test]
fn w3c_import_finds_quotes_when_positions_count_otherwise() {
    // Another tool counted UTF-16 units: positions after the emoji are one too far.
    let doc = sample();
    let mut v = w3c::to_value(&doc);
    v["first"]["items"][0]["target"]["selector"][1]["start"] = 6.into();
    v["first"]["items"][0]["target"]["selector"][1]["end"] = 20.into();
    let back = w3c::from_value(&v).unwrap();
    assert_eq!(
        (back.annotations[0].start, back.annotations[0].end),
        (5, 19)
    );
    // The quote selector alone is enough; prefix and suffix choose between repeats.
    let text = "no. She said no. He said no.";
    let page = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "quotelens:text": text,
        "items": [{"type": "Annotation", "id": "http://example.org/anno/1",
                   "target": {"source": "http://example.org/story", "selector":
                      {"type": "TextQuoteSelector", "exact": "no", "prefix": "He said ", "suffix": "."}}}]
    });
    let back = w3c::from_value(&page).unwrap();
    assert_eq!(
        (
            back.annotations[0].start,
            back.annotations[0].end,
            back.annotations[0].kind
        ),
        (25, 27, Kind::Quote)
    );
    assert_eq!(back.annotations[0].id, "http://example.org/anno/1");
    assert_eq!(back.annotations[0].origin, Origin::User);
}

#[test]
fn w3c_import_names_the_first_problem_by_path() {
    let mut v = w3c::to_value(&sample());
    v["first"]["items"][2]["target"]["selector"][0]["exact"] = "Taxes fell".into();
    v["first"]["items"][2]["target"]["selector"][1]["end"] = 99.into();
    assert_eq!(
        w3c::from_value(&v).unwrap_err().to_string(),
        "first.items[2].target.selector[1].end: 99 is past the end of the text (45 code points)"
    );
    v["first"]["items"][2]["target"]["selector"][1]["end"] = 45.into();
    assert_eq!(
        w3c::from_value(&v).unwrap_err().to_string(),
        "first.items[2].target.selector[0].exact: \"Taxes fell\" does not occur in the text"
    );
    let mut v = w3c::to_value(&sample());
    v.as_object_mut().unwrap().remove("quotelens:text");
    assert!(w3c::from_value(&v)
        .unwrap_err()
        .to_string()
        .starts_with("quotelens:text: missing"));
    let mut v = w3c::to_value(&sample());
    v["first"]["items"][0]["body"][1]["source"] = "urn:elsewhere:a7".into();
    assert_eq!(
        w3c::from_value(&v).unwrap_err().to_string(),
        "annotations[0].attribution: \"urn:elsewhere:a7\" is not the id of any annotation (after reading the W3C annotations)"
    );
}

// ---------- brat ----------

#[test]
fn brat_export_is_polnear_shaped() {
    let doc = sample();
    let files = export(&doc, Format::Brat);
    assert_eq!(
        files.iter().map(|f| f.suffix).collect::<Vec<_>>(),
        [".txt", ".ann"]
    );
    assert_eq!(files[0].bytes, doc.text.as_bytes());
    let ann = String::from_utf8(files[1].bytes.clone()).unwrap();
    assert_eq!(
        ann,
        "T1\tSource 20 23\tshe\n\
         T2\tCue 24 28\tsaid\n\
         T3\tContent 5 19\t“We will win,”\n\
         T4\tAttribution 24 28\tsaid\n\
         E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n\
         #1\tAnnotatorNotes E1\tspeaker: Ann Lee\n\
         T5\tClaim 31 45\tTaxes rose 5%.\n\
         #2\tAnnotatorNotes T5\tscore: 0.8\n\
         #3\tAnnotatorNotes T5\tsignals: number\n"
    );
}

#[test]
fn brat_import_reports_bad_lines() {
    let text = "He said yes.";
    let err = |ann: &str| brat::from_ann(text, ann).unwrap_err().to_string();
    assert_eq!(
        err("T1\tSource 0 99\tHe"),
        "line 1: T1: 99 is past the end of the text (12 code points)"
    );
    assert_eq!(
        err("T1\tSource 0 2\tHe\nT1\tCue 3 7\tsaid"),
        "line 2: T1 is defined twice"
    );
    assert_eq!(
        err("T1\tSource two 2\tHe"),
        "line 1: T1: \"two 2\" is not START END"
    );
    assert_eq!(
        err("T1\tSource 0 2\tShe"),
        "line 1: T1's text \"She\" does not match the .txt at 0 2 (\"He\"): is it the right .txt?"
    );
    assert_eq!(
        err("E1\tAttribution:T9 Source:T1"),
        "line 1: T9 is not a text-bound annotation of this file"
    );
    // Discontinuous content, other entity types and relations are fine.
    let doc = brat::from_ann(
        text,
        "T1\tContent 0 2;8 11\tHe yes\nT2\tDiscard 11 12\t.\nR1\tRel Arg1:T1 Arg2:T2\nA1\tNegated T1\n",
    )
    .unwrap();
    let spans: Vec<(usize, usize)> = doc.annotations.iter().map(|a| (a.start, a.end)).collect();
    assert_eq!(spans, [(0, 2), (8, 11)]);
    // brat (Python) counts a byte order mark in the .txt as a code point: so do we.
    let doc = import_files(&[
        ("b.ann", "T1\tContent 1 3\tHe\n".as_bytes()),
        ("b.txt", "\u{feff}He said yes.".as_bytes()),
    ])
    .unwrap();
    assert_eq!(
        (doc.annotations[0].start, doc.annotations[0].text.as_str()),
        (1, "He")
    );
}

/// PolNeAR's gold as the .ann its corpus ships (Source, Cue, Content, Attribution trigger, event).
fn gold_to_ann(gold: &Value, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let frag_text = |frags: &[(usize, usize)]| {
        frags
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
            .replace(['\n', '\r', '\t'], " ")
    };
    let mut out = String::new();
    let mut t = 0;
    let mut tb = |out: &mut String, kind: &str, frags: &[(usize, usize)]| {
        t += 1;
        let spans: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        out.push_str(&format!(
            "T{t}\t{kind} {}\t{}\n",
            spans.join(";"),
            frag_text(frags)
        ));
        format!("T{t}")
    };
    for (i, a) in gold["attributions"].as_array().unwrap().iter().enumerate() {
        let source = frags(&a["source"]).map(|f| tb(&mut out, "Source", &f));
        let cue = tb(&mut out, "Cue", &frags(&a["cue"]).unwrap());
        let content = tb(&mut out, "Content", &frags(&a["content"]).unwrap());
        let trigger = tb(&mut out, "Attribution", &frags(&a["cue"]).unwrap());
        let source = source.map_or(String::new(), |s| format!(" Source:{s}"));
        out.push_str(&format!(
            "E{}\tAttribution:{trigger} Content:{content} Cue:{cue}{source}\n",
            i + 1
        ));
    }
    out
}

fn frags(v: &Value) -> Option<Vec<(usize, usize)>> {
    let list = v.as_array()?;
    Some(
        list.iter()
            .map(|f| {
                (
                    f[0].as_u64().unwrap() as usize,
                    f[1].as_u64().unwrap() as usize,
                )
            })
            .collect(),
    )
}

/// Every text-bound annotation of an .ann as (type, fragments), sorted: the spans it holds.
fn ann_spans(ann: &str) -> Vec<(String, Vec<(usize, usize)>)> {
    let mut v: Vec<_> = ann
        .lines()
        .filter(|l| l.starts_with('T'))
        .map(|l| {
            let spec = l.split('\t').nth(1).unwrap();
            let (kind, spans) = spec.split_once(' ').unwrap();
            let mut f: Vec<(usize, usize)> = spans
                .split(';')
                .map(|p| {
                    let (s, e) = p.split_once(' ').unwrap();
                    (s.parse().unwrap(), e.parse().unwrap())
                })
                .collect();
            f.sort_unstable();
            (kind.to_string(), f)
        })
        .collect();
    v.sort();
    v
}

mod common;

#[test]
fn every_polnear_dev_gold_file_imports_and_exports_the_same_spans() {
    let Some(dir) = common::shared("polnear/dev") else {
        return;
    };
    let mut files = 0;
    let mut attributions = 0;
    for entry in std::fs::read_dir(&dir).expect("../shared/polnear/dev") {
        let path = entry.unwrap().path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".gold.json"))
        else {
            continue;
        };
        attributions += gold_file_round_trips(&dir, name, &path);
        files += 1;
    }
    assert_eq!(files, 84, "PolNeAR dev has 84 articles");
    assert!(attributions > 2000, "{attributions}");
}

/// Gold file `path` of article `name` as brat, imported and exported again: each gold
/// attribution is one attribution annotation with its source, cue and content, and the
/// exported .ann holds the same spans. Returns how many attributions it has.
fn gold_file_round_trips(dir: &Path, name: &str, path: &Path) -> usize {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    assert_eq!(
        gold["text"].as_str().unwrap(),
        text,
        "{name}: the gold text is the .txt"
    );
    let ann = gold_to_ann(&gold, &text);
    let doc = import_files(&[
        (&format!("{name}.ann"), ann.as_bytes()),
        (&format!("{name}.txt"), text.as_bytes()),
    ])
    .unwrap_or_else(|e| panic!("{e}"));

    let golds = gold["attributions"].as_array().unwrap();
    let mut expected: Vec<String> = golds
        .iter()
        .map(|g| {
            let cue = frags(&g["cue"]).unwrap()[0];
            let source = frags(&g["source"]).map_or((cue.0, cue.0), |f| f[0]);
            let mut content = frags(&g["content"]).unwrap();
            content.sort_unstable();
            format!("{source:?} {cue:?} {content:?}")
        })
        .collect();
    let mut found = attributions_with_content(&doc);
    assert_eq!(found.len(), golds.len(), "{name}");
    expected.sort();
    found.sort();
    assert_eq!(found, expected, "{name}");

    let again = export(&doc, Format::Brat);
    assert_eq!(again[0].bytes, text.as_bytes());
    assert_eq!(
        ann_spans(std::str::from_utf8(&again[1].bytes).unwrap()),
        ann_spans(&ann),
        "{name}"
    );
    golds.len()
}

/// Each attribution of `doc` as "source cue contents" (spans in code points), its
/// contents the quotes linked to it.
fn attributions_with_content(doc: &Document) -> Vec<String> {
    doc.annotations
        .iter()
        .filter(|a| a.kind == Kind::Attribution)
        .map(|a| {
            let cue = a.cue.as_ref().map(|c| (c.start, c.end)).unwrap();
            let mut content: Vec<(usize, usize)> = doc
                .annotations
                .iter()
                .filter(|q| q.attribution.as_deref() == Some(a.id.as_str()))
                .inspect(|q| assert_eq!(q.kind, Kind::Quote))
                .map(|q| (q.start, q.end))
                .collect();
            content.sort_unstable();
            format!("{:?} {cue:?} {content:?}", (a.start, a.end))
        })
        .collect()
}

// ---------- import: detection and messages ----------

#[test]
fn import_detects_the_format_and_explains_refusals() {
    let doc = sample();
    for format in [Format::Native, Format::W3c] {
        let file = &export(&doc, format)[0];
        assert_eq!(
            import(&format!("x{}", file.suffix), &file.bytes).unwrap(),
            doc,
            "{format:?}"
        );
        // Detection is by content: a misnamed file still imports.
        assert_eq!(import("x.txt.json", &file.bytes).unwrap(), doc);
    }
    let brat_files = export(&doc, Format::Brat);
    let msg = import("story.ann", &brat_files[1].bytes)
        .unwrap_err()
        .to_string();
    assert_eq!(
        msg,
        "story.ann: a brat .ann file needs the .txt it annotates; choose both files"
    );
    let csv_file = &export(&doc, Format::Csv)[0];
    let err = import("story.csv", &csv_file.bytes).unwrap_err();
    assert!(matches!(err, ImportError::Unsupported { .. }));
    assert!(err.to_string().starts_with("story.csv: CSV is export-only"));
    assert_eq!(
        import("photo.json", &[0xff, 0xd8, 0xff])
            .unwrap_err()
            .to_string(),
        "photo.json: not UTF-8 text"
    );
    let bad = doc.to_json().replace("\"end\": 19", "\"end\": 190");
    assert_eq!(
        import("story.json", bad.as_bytes()).unwrap_err().to_string(),
        "story.json (QuoteLens JSON): annotations[0].end: 190 is past the end of the text (45 code points)"
    );
    assert_eq!(
        import("story.json", b"plain words")
            .unwrap_err()
            .to_string(),
        "story.json: not QuoteLens JSON, W3C annotations or brat standoff (.ann with its .txt)"
    );
    assert_eq!(
        Format::ALL.map(Format::name),
        ["native", "w3c", "brat", "csv"]
    );
    assert_eq!(Format::from_name("W3C"), Some(Format::W3c));
    let _ = formats::Format::Csv.label();
}

// ---------- docs and schema agree with the code ----------

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

#[test]
fn the_examples_in_docs_format_md_are_valid() {
    let docs = read("docs/format.md");
    let blocks: Vec<&str> = docs
        .split("```json\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(
        blocks.len(),
        3,
        "a quotelens/1 example, one with article regions and a W3C one"
    );
    let native = import("example.json", blocks[0].as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(native.annotations.len(), 3);
    let page = import("page.json", blocks[1].as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let regions = quotelens::model::article_regions(
        &page.text,
        &quotelens::edit::page_parts::furniture_around(page.text.chars().count(), &page.article),
    );
    assert_eq!(
        regions, page.article,
        "regions are trimmed as QuoteLens writes them"
    );
    assert_eq!(
        page.text.chars().skip(12).take(49).collect::<String>(),
        "Mayor opens bridge\n\n“It is done,” the mayor said."
    );
    let w3c_doc = import("example.jsonld", blocks[2].as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    check_w3c(&serde_json::from_str(blocks[2]).unwrap(), &w3c_doc.text);
    assert_eq!(w3c_doc.annotations.len(), 2);
    assert_eq!(w3c_doc.annotations[0].attribution.as_deref(), Some("a1"));
    assert_eq!(w3c_doc.annotations[1].speaker.as_deref(), Some("Ann Lee"));
    // The brat example is what the exporter writes for the native example's text.
    let brat_block = docs
        .split("```\nT1")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let ann = format!("T1{brat_block}");
    let from_brat = brat::from_ann(&native.text, &ann).unwrap();
    assert_eq!(brat::to_ann(&from_brat), ann);
}

#[test]
fn the_json_schema_names_the_fields_the_model_has() {
    let schema: Value = serde_json::from_str(&read("schema/quotelens-1.schema.json")).unwrap();
    assert_eq!(
        schema["properties"]["format"]["const"],
        quotelens::model::FORMAT
    );
    let ann = &schema["$defs"]["annotation"];
    let kinds: Vec<&str> = ann["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(kinds, Kind::ALL.map(Kind::as_str));
    // Every field a full annotation serializes is described, and the required ones are
    // exactly those the model cannot do without.
    let mut full = sample().annotations[1].clone();
    full.attribution = Some("x".into());
    full.score = Some(0.5);
    full.signals = Some(vec![]);
    full.rule = Some("according-to".into());
    full.why = Some("named in the text".into());
    full.confidence = Some(0.5);
    let fields: Vec<String> = serde_json::to_value(&full)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let described: Vec<String> = ann["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let (mut f, mut d) = (fields, described);
    f.sort();
    d.sort();
    assert_eq!(f, d);
    let required: Vec<&str> = ann["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(required, ["id", "kind", "start", "end", "text"]);
    let bare = serde_json::json!({"id": "q", "kind": "quote", "start": 0, "end": 0, "text": ""});
    let doc = serde_json::json!({"format": "quotelens/1", "text": "", "annotations": [bare]});
    assert!(
        quotelens::model::document_from_json(&doc.to_string()).is_ok(),
        "the schema's required fields suffice"
    );
}

// ---------- the engine's output ----------

#[test]
fn engine_output_validates_and_survives_every_format() {
    let mut texts: Vec<(String, String)> = common::SEEDS
        .iter()
        .map(|name| (name.to_string(), common::seed(name)))
        .collect();
    if let Some(dir) = common::shared("polnear/dev") {
        let mut dev: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        dev.sort();
        texts.extend(dev.into_iter().take(12).map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), text)
        }));
    }
    for (name, text) in texts {
        let doc = Document::new(text.as_str(), quotelens::analyse(&text).annotations);
        validate(&doc).unwrap_or_else(|e| panic!("{name}: the engine's output is invalid: {e}"));
        same(&reimport(&doc, Format::Native), &doc).unwrap();
        same(&reimport(&doc, Format::W3c), &no_empty_signals(&doc)).unwrap();
        let back = reimport(&doc, Format::Brat);
        assert_eq!(normal(&back), normal(&doc), "{name}");
        same_scores(&back, &doc).unwrap();
    }
}
