//! Comparing two people's work on one article in the browser: open a document, compare
//! it with a second file, read the agreement figures, step through the differences with
//! the keyboard, take B's side, leave, and download the merge.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use quotelens::edit::compare::{compare, percent, Figure, Side};
use quotelens::edit::{reduce, transfer, Action, CompareStep, State};
use quotelens::{analyse, Annotation, Document, Kind, Origin};
use serde_json::json;

use crate::harness::{scratch, Browser};

/// An invented article; astral characters put code points, bytes and UTF-16 apart.
const TEXT: &str = "Bridge to reopen in May 🌉\n\nThe minister spoke on Monday. \"We will rebuild the bridge by May,\" said Anna Berg, the minister. 🦀\n\nCritics disagreed. \"It cannot be done,\" said Tom Hale. The repairs will cost 40 million euros, twice the first estimate.";

/// A: the engine's reading.
fn doc_a() -> Document {
    Document::new(TEXT, analyse(TEXT).annotations)
}

/// B: another person's reading: the first quote accepted, a speaker renamed, the
/// engine's claims and last quote removed and one claim of their own.
fn doc_b() -> Document {
    let mut b = doc_a();
    let first = b
        .annotations
        .iter()
        .position(|a| a.kind == Kind::Quote)
        .unwrap();
    b.annotations[first].origin = Origin::User;
    if let Some(m) = b
        .annotations
        .iter_mut()
        .rev()
        .find(|a| a.kind == Kind::Attribution)
    {
        m.speaker = Some("Thomas Hale".into());
        m.origin = Origin::User;
    }
    b.annotations.retain(|a| a.kind != Kind::Claim);
    let second = b
        .annotations
        .iter()
        .rposition(|a| a.kind == Kind::Quote)
        .unwrap();
    assert_ne!(second, first);
    b.annotations.remove(second);
    let byte = TEXT.find("twice the first estimate").unwrap();
    let start = TEXT[..byte].chars().count();
    // An id from a file cannot end the view's CSS rule that outlines differences.
    let hostile = "u1\"], body { display: none } x[y=\"\n";
    let mut mine = Annotation::new(hostile, Kind::Claim, TEXT, start, start + 24);
    mine.origin = Origin::User;
    b.annotations.push(mine);
    b
}

fn scratch_doc(name: &str, doc: &Document) -> std::path::PathBuf {
    scratch(name, doc.to_json().as_bytes())
}

async fn key(b: &Browser, c: char) {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: c })
        .then(KeyAction::Up { value: c });
    b.client.perform_actions(keys).await.unwrap();
}

async fn progress_is(b: &Browser, text: &str) {
    b.wait_until(
        text,
        &format!(
            "(el => el && el.textContent === {})(document.querySelector('#compare-progress'))",
            json!(text)
        ),
    )
    .await;
}

#[tokio::test]
async fn compare_with_a_second_file_take_sides_by_keyboard_and_download_the_merge() {
    let (a, other) = (doc_a(), doc_b());
    let expected = compare(a.clone(), other.clone()).unwrap();
    let n = expected.differences.len();
    assert!(
        n >= 4,
        "the two readings differ in several ways: {:?}",
        expected.pairs
    );

    let b = Browser::open().await;
    b.upload("#file-picker", &scratch_doc("bridge-a.quotelens.json", &a))
        .await;
    b.wait_until("A's marks", "document.querySelector('#view .mk')")
        .await;
    b.upload(
        "#compare-picker",
        &scratch_doc("bridge-b.quotelens.json", &other),
    )
    .await;
    b.wait_for_css("#compare").await;
    assert_eq!(b.text_of("#compare-other").await, "bridge-b.quotelens.json");
    progress_is(&b, &format!("Difference 1 of {n} · 0 decided")).await;

    the_figures_are_the_command_lines(&b, &expected, n).await;

    let native = take_bs_side_by_keyboard(&b, &a, &other, n).await;
    // B's claim, whose id is hostile CSS, is in the merge now, outlined, and the page stands.
    assert_eq!(
        b.eval("getComputedStyle(document.body).display").await,
        "block"
    );
    // One rule, whose selector matches the claim (the current difference, so ringed).
    let one_rule = "(r => r.length === 1 && [...document.querySelectorAll('#view .mk-claim')]
        .some(el => el.matches(r[0].selectorText)))(document.querySelector('#compare style').sheet.cssRules)";
    assert_eq!(b.eval(one_rule).await, true);
    key(&b, '\u{e00c}').await; // Escape
    b.wait_until("compare mode left", "!document.querySelector('#compare')")
        .await;
    assert!(b.count("#compare-open").await == 1);

    // The merge exports like any other document: B's reading, the same bytes as natively.
    b.click("#download-json").await;
    let merged = std::fs::read_to_string(b.downloaded(".quotelens.json").await).unwrap();
    let doc = quotelens::model::document_from_json(&merged).unwrap();
    assert!(compare(doc, other).unwrap().differences.is_empty());
    assert_eq!(merged, transfer::export_json(&native.doc));
    assert!(
        b.console_errors().await.is_empty(),
        "{:?}",
        b.console_errors().await
    );
    b.close().await;
}

/// The figures are those of the command line's comparison.
async fn the_figures_are_the_command_lines(
    b: &Browser,
    expected: &quotelens::edit::compare::Comparison,
    n: usize,
) {
    for row in expected.figures.rows() {
        let value = match row.figure {
            Figure::Overlap(o) => percent(o.f1()),
            Figure::Share(s) => percent(s.value()),
        };
        let css = format!("#compare-figures tr[data-key=\"{}\"] td", row.key);
        assert_eq!(b.text_of(&css).await, value, "{}", row.label);
    }
    assert_eq!(b.count("#compare-list li").await, n);
    b.screenshot("compare-mode").await;
    let outlined = "[...document.querySelectorAll('#view .mk')].filter(el => getComputedStyle(el).outlineStyle === 'dashed').length";
    assert!(
        b.eval(outlined).await.as_u64().unwrap() > 0,
        "differences are outlined in the view"
    );
}

/// The keyboard alone: N and P step, B takes B's side and goes on, Esc leaves.
/// Returns the same steps taken natively by the reducer.
async fn take_bs_side_by_keyboard(b: &Browser, a: &Document, other: &Document, n: usize) -> State {
    b.eval(
        "document.activeElement && document.activeElement.blur && document.activeElement.blur()",
    )
    .await;
    key(b, 'n').await;
    progress_is(b, &format!("Difference 2 of {n} · 0 decided")).await;
    key(b, 'p').await;
    progress_is(b, &format!("Difference 1 of {n} · 0 decided")).await;
    let mut native = reduce(
        State::default(),
        Action::Replace(transfer::doc_of(a.clone())),
    );
    native = reduce(
        native,
        Action::Compare(CompareStep::Start {
            name: "b".into(),
            other: Box::new(other.clone()),
        }),
    );
    for d in 0..n {
        b.eval("document.activeElement && document.activeElement.blur && document.activeElement.blur()").await;
        key(b, 'b').await;
        native = reduce(native, Action::Compare(CompareStep::Take(Side::B)));
        let decided = native.compare.as_ref().unwrap().decided();
        progress_is(
            b,
            &format!("Difference {} of {n} · {decided} decided", (d + 2).min(n)),
        )
        .await;
    }
    b.eval(
        "document.activeElement && document.activeElement.blur && document.activeElement.blur()",
    )
    .await;
    native
}
