//! The hard cases of issue 8.2 that reach the engine and the command line, one test each.

use quotelens::{analyse, Kind};

use super::{check_engine, corpus, invariants};

/// A short wire story whose quotes every engine version finds.
const STORY: &str = "WASHINGTON — The senator defended the plan on Tuesday.\n\n\
\"We will not back down from this fight,\" Sen. Maria Lopez said in a statement.\n\n\
She added that the bill would cut costs by 12 percent next year.\n\n\
\"It is the right thing to do,\" Lopez told reporters.\n";

/// Code-point index of the first `needle` in `text` (what every export must count in).
fn char_pos(text: &str, needle: &str) -> usize {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    text[..byte].chars().count()
}

/// The quote annotation whose text contains `words`, checked to start at the code point of
/// its opening mark (or just after it, if quotes are given without their marks).
fn quote_with(text: &str, words: &str) -> quotelens::Annotation {
    check_engine(text).unwrap_or_else(|e| panic!("{e}\n  in {text:?}"));
    let analysis = analyse(text);
    let quote = analysis
        .annotations
        .into_iter()
        .find(|a| a.kind == Kind::Quote && a.text.contains(words))
        .unwrap_or_else(|| panic!("no quote holding {words:?} in {text:?}"));
    let mark = char_pos(text, words) - 1;
    assert!(
        quote.start == mark || quote.start == mark + 1,
        "quote {:?} starts at {}, the opening mark is at code point {mark}",
        quote.text,
        quote.start
    );
    quote
}

/// `quotelens annotate -` on `text`: the JSON it prints.
fn annotate_with_cli(text: &str) -> String {
    let out = crate::common::cli_with_input(&["annotate", "-"], text);
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_story_has_its_two_quotes() {
    quote_with(STORY, "We will not back down");
    quote_with(STORY, "It is the right thing");
}

#[test]
fn empty_and_whitespace_texts_give_nothing() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "\t \r\n \u{a0}\u{2003}\u{3000}",
        "\u{feff}",
        "\r\r\r",
        "\u{2028}\u{2029}",
    ] {
        check_engine(text).unwrap_or_else(|e| panic!("{e} for {text:?}"));
        let analysis = analyse(text);
        assert!(
            analysis.annotations.is_empty(),
            "annotations in {text:?}: {:?}",
            analysis.annotations
        );
    }
}

#[test]
fn crlf_text_gives_the_same_annotations_as_lf() {
    let crlf = STORY.replace('\n', "\r\n");
    check_engine(&crlf).unwrap();
    let strip = |text: &str| -> Vec<(Kind, String)> {
        analyse(text)
            .annotations
            .into_iter()
            .map(|a| (a.kind, a.text.replace('\r', "")))
            .collect()
    };
    assert_eq!(strip(&crlf), strip(STORY));
    let q = quote_with(&crlf, "It is the right thing");
    assert_eq!(
        q.start - quote_with(STORY, "It is the right thing").start,
        6,
        "one more code point per line break"
    );
}

#[test]
fn astral_characters_count_as_one_code_point_each() {
    // Each of these is 2 UTF-16 units and 4 bytes; the family is 5 code points, 8 units.
    let prefix = "😀 𝐀𝐁 🇫🇷 👩\u{200d}👩\u{200d}👧\n\n";
    let text = format!("{prefix}{STORY}");
    let shift = prefix.chars().count();
    assert_eq!(shift, 15);
    for words in ["We will not back down", "It is the right thing"] {
        let plain = quote_with(STORY, words);
        let astral = quote_with(&text, words);
        assert_eq!(
            (astral.start, astral.end),
            (plain.start + shift, plain.end + shift),
            "{words}"
        );
    }
    // The command line's export counts the same way.
    let exported = annotate_with_cli(&text);
    let doc: quotelens::Document = serde_json::from_str(&exported).unwrap();
    assert_eq!(doc.text, text);
    invariants::annotations(&doc.text, &doc.annotations).unwrap();
    let q = doc
        .annotations
        .iter()
        .find(|a| a.text.contains("It is the right thing"))
        .expect("exported quote");
    assert_eq!(
        q.start,
        quote_with(STORY, "It is the right thing").start + shift
    );
    // Inside a quote too: the quote's span grows by exactly the code points added.
    let inside = STORY.replace("back down", "back 😀👩\u{200d}👩\u{200d}👧 down");
    let q = quote_with(&inside, "We will not back");
    let plain = quote_with(STORY, "We will not back down");
    assert_eq!(q.end - q.start, plain.end - plain.start + 7);
    assert!(q.text.contains("😀👩\u{200d}👩\u{200d}👧"));
}

#[test]
fn right_to_left_text_and_bidi_controls_are_kept_as_is() {
    let text = STORY.replace(
        "We will not back down from this fight",
        "\u{202b}שלום לכולם\u{202c} and مرحبا, we will not back down",
    );
    let q = quote_with(&text, "\u{202b}שלום לכולם");
    assert!(q.text.contains("مرحبا"), "{:?}", q.text);
    let overridden = STORY.replace("the right thing", "the \u{202e}right\u{202c} thing");
    quote_with(&overridden, "It is the \u{202e}right");
}

#[test]
fn combining_marks_stay_with_their_letters() {
    // "José García" written with combining accents (NFD): 2 extra code points.
    let nfd = STORY
        .replace("Maria Lopez", "Jose\u{301} Garci\u{301}a")
        .replace("do,", "do, cafe\u{301},");
    let q = quote_with(&nfd, "It is the right thing");
    assert!(q.text.contains("cafe\u{301}"), "{:?}", q.text);
    assert_eq!(
        q.start,
        quote_with(STORY, "It is the right thing").start + 2,
        "two combining marks before it"
    );
    let lone = format!("\u{301}\u{302}{STORY}\u{301}");
    assert_eq!(
        quote_with(&lone, "We will not back down").start,
        quote_with(STORY, "We will not back down").start + 2
    );
}

#[test]
fn nul_characters_are_ordinary_text() {
    let text = STORY
        .replace("not back", "not\0back")
        .replace("WASHINGTON", "WASHINGTON\0");
    let q = quote_with(&text, "We will not\0back down");
    assert!(q.text.contains('\0'));
    let json = quotelens::Document::new(text.as_str(), analyse(&text).annotations).to_json();
    assert!(json.contains("\\u0000"), "NUL is escaped in the export");
    let back: quotelens::Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back.text, text);
}

#[test]
fn thousands_of_quotation_marks_neither_panic_nor_hang() {
    let cases = [
        "\"".repeat(10_000),
        "“".repeat(5_001),
        "”“".repeat(3_000),
        "\"a\" ".repeat(5_000),
        "\"We won,\" she said. ".repeat(3_000),
        "'".repeat(10_000),
        "«»‹›„“”‘’'\"".repeat(1_000),
        format!("“{}", "word ".repeat(20_000)),
    ];
    for text in &cases {
        check_engine(text)
            .unwrap_or_else(|e| panic!("{e} for {:?}...", &text[..40.min(text.len())]));
    }
}

/// The largest text the app analyses (1 M characters), in process.
#[test]
fn a_megabyte_of_news_keeps_every_invariant() {
    let corpus = corpus();
    assert!(!corpus.is_empty(), "the polnear dev articles are readable");
    let mut text = String::new();
    for (i, article) in corpus.iter().cycle().enumerate() {
        if text.len() >= 1_000_000 {
            break;
        }
        text.push_str(article);
        text.push_str(if i % 2 == 0 {
            "\n\n"
        } else {
            "\r\n👩\u{200d}👩\u{200d}👧\r\n"
        });
    }
    let analysis = analyse(&text);
    invariants::analysis(&text, &analysis).unwrap();
    // PolNeAR's 84 articles repeated hold hundreds of quotes; the two seed articles of a
    // clone without ../shared repeated are mostly folded away as repeated furniture.
    let polnear = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/polnear/dev")
        .exists();
    let quotes = analysis
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Quote)
        .count();
    assert!(quotes > if polnear { 500 } else { 0 }, "{quotes} quotes");
}

/// 20 MB through the real binary. Minutes in a debug build, so it runs with the long
/// robustness run (`cargo test --release --test robustness -- --ignored`).
#[test]
#[ignore = "slow in debug builds; part of the long robustness run"]
fn twenty_megabytes_of_text_through_the_command_line() {
    let corpus = corpus();
    assert!(!corpus.is_empty(), "the polnear dev articles are readable");
    let mut text = String::with_capacity(20_100_000);
    let mut i = 0;
    while text.len() < 20_000_000 {
        text.push_str(&corpus[i % corpus.len()]);
        text.push_str("😀\n\n"); // astral characters all the way through
        i += 1;
    }
    let dir = std::env::temp_dir().join(format!("quotelens-20mb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("big.txt");
    std::fs::write(&input, &text).unwrap();
    let out = dir.join("out");
    let run = crate::common::cli_paths(&["annotate", "--out"], &[&out, &input]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let doc: quotelens::Document =
        serde_json::from_str(&std::fs::read_to_string(out.join("big.json")).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(doc.text, text, "the text comes back whole");
    assert!(
        doc.annotations.len() > 1_000,
        "only {} annotations in 20 MB of news",
        doc.annotations.len()
    );
    invariants::annotations(&doc.text, &doc.annotations).unwrap();
}
