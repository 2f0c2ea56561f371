//! Compare mode in the reducer, natively: another person's file beside the document,
//! stepping through the differences, taking sides, leaving with the merge, undo.
#![cfg(not(target_arch = "wasm32"))]

use quotelens::edit::compare::{compare, Side};
use quotelens::edit::{reduce, transfer, Action, CompareStep, State};
use quotelens::{analyse, Annotation, Document, Kind, Origin};

/// An invented article with astral characters before the marks.
const TEXT: &str = "🦀 \"We will rebuild the bridge by May,\" said Anna Berg, the minister. 🌉 \
Critics disagreed. \"It cannot be done,\" said Tom Hale.";

/// The engine's reading, analysed as the app does: A.
fn analysed_state() -> State {
    let state = reduce(State::default(), Action::SetText(TEXT.into()));
    let a = analyse(TEXT);
    reduce(
        state,
        Action::Analysed {
            text: TEXT.into(),
            annotations: a.annotations,
            furniture: Vec::new(),
        },
    )
}

/// B: the engine's reading with the first quote accepted, the last speaker mention
/// removed and a claim added.
fn other() -> Document {
    let mut b = Document::new(TEXT, analyse(TEXT).annotations);
    let first = b
        .annotations
        .iter()
        .position(|a| a.kind == Kind::Quote)
        .unwrap();
    b.annotations[first].origin = Origin::User;
    let last = b
        .annotations
        .iter()
        .rposition(|a| a.kind == Kind::Attribution)
        .unwrap();
    let gone = b.annotations.remove(last).id;
    for a in &mut b.annotations {
        if a.attribution.as_deref() == Some(gone.as_str()) {
            a.attribution = None;
        }
    }
    b.annotations
        .push(Annotation::new("mine", Kind::Claim, TEXT, 70, 88));
    b
}

fn start(state: State) -> State {
    let step = CompareStep::Start {
        name: "b.json".into(),
        other: Box::new(other()),
    };
    reduce(state, Action::Compare(step))
}

fn step(state: State, s: CompareStep) -> State {
    reduce(state, Action::Compare(s))
}

#[test]
fn comparing_shows_the_differences_and_selects_the_first() {
    let a = analysed_state();
    let before = transfer::export(&a.doc);
    let state = start(a);
    let c = state.compare.as_ref().expect("compare mode");
    let expected = compare(before.clone(), other()).unwrap();
    assert_eq!(c.comparison.differences.len(), expected.differences.len());
    assert!(
        c.comparison.differences.len() >= 3,
        "{:?}",
        c.comparison.pairs
    );
    assert_eq!(c.current, 0);
    assert_eq!(
        state.active.as_deref(),
        c.id_of(0),
        "the first difference is active"
    );
    assert_eq!(
        transfer::export(&state.doc),
        before,
        "nothing taken yet: the document is A"
    );
}

#[test]
fn next_and_previous_stay_within_the_differences() {
    let mut state = start(analysed_state());
    let n = state.compare.as_ref().unwrap().comparison.differences.len();
    for _ in 0..n + 2 {
        state = step(state, CompareStep::Next);
    }
    assert_eq!(state.compare.as_ref().unwrap().current, n - 1);
    state = step(state, CompareStep::Previous);
    assert_eq!(state.compare.as_ref().unwrap().current, n - 2);
    state = step(state, CompareStep::Go(0));
    state = step(state, CompareStep::Previous);
    assert_eq!(state.compare.as_ref().unwrap().current, 0);
}

#[test]
fn taking_every_b_then_leaving_keeps_b_and_one_undo_brings_a_back() {
    let a = analysed_state();
    let before = transfer::export(&a.doc);
    let mut state = start(a);
    let n = state.compare.as_ref().unwrap().comparison.differences.len();
    for d in 0..n {
        assert_eq!(
            state.compare.as_ref().unwrap().current,
            d,
            "a take goes on to the next"
        );
        state = step(state, CompareStep::Take(Side::B));
    }
    assert_eq!(state.compare.as_ref().unwrap().decided(), n);
    let merged = transfer::export(&state.doc);
    assert!(compare(merged.clone(), other())
        .unwrap()
        .differences
        .is_empty());
    state = step(state, CompareStep::Leave);
    assert!(state.compare.is_none());
    assert_eq!(
        transfer::export(&state.doc),
        merged,
        "leaving keeps the merge"
    );
    // The engine's answer for the merged document changes nothing it shows.
    let text = state.doc.text.clone();
    state = reduce(
        state,
        Action::Analysed {
            text,
            annotations: analyse(TEXT).annotations,
            furniture: Vec::new(),
        },
    );
    assert_eq!(
        transfer::export(&state.doc),
        merged,
        "re-analysis keeps the merge"
    );
    state = reduce(state, Action::Undo);
    assert_eq!(transfer::export(&state.doc), before);
}

#[test]
fn taking_a_then_b_then_a_again_is_a_again() {
    let a = analysed_state();
    let before = transfer::export(&a.doc);
    let mut state = start(a);
    state = step(state, CompareStep::Take(Side::B));
    assert_ne!(transfer::export(&state.doc), before);
    state = step(state, CompareStep::Previous);
    state = step(state, CompareStep::Take(Side::A));
    assert_eq!(transfer::export(&state.doc), before);
    let undo_steps = |s: &State| s.history.can_undo();
    let could_undo = undo_steps(&state);
    state = step(state, CompareStep::Leave);
    assert_eq!(transfer::export(&state.doc), before);
    assert_eq!(
        undo_steps(&state),
        could_undo,
        "nothing taken from B: no undo step"
    );
}

#[test]
fn another_edit_leaves_compare_mode_keeping_the_merge() {
    let mut state = start(analysed_state());
    state = step(state, CompareStep::Take(Side::B));
    let merged = transfer::export(&state.doc);
    // Selecting and messages stay in compare mode.
    state = reduce(state, Action::Select(None));
    state = reduce(state, Action::Notify("hello".into()));
    assert!(state.compare.is_some());
    let id = merged.annotations[0].id.clone();
    state = reduce(state, Action::Delete { id: id.clone() });
    assert!(state.compare.is_none());
    let now = transfer::export(&state.doc);
    assert!(now.annotations.iter().all(|a| a.id != id));
    assert_eq!(now.annotations.len() + 1, merged.annotations.len());
}

#[test]
fn a_file_of_another_text_is_refused_with_a_message() {
    let other = Document::new("Another story entirely.", Vec::new());
    let state = reduce(
        analysed_state(),
        Action::Compare(CompareStep::Start {
            name: "other.json".into(),
            other: Box::new(other),
        }),
    );
    assert!(state.compare.is_none());
    let notice = state.notice.unwrap();
    assert!(
        notice.contains("other.json") && notice.contains("different texts"),
        "{notice}"
    );
}
