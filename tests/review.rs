//! The review queue through the reducer, natively, on a seed article: the order, the
//! progress, accept, reject, skip, a speaker fix, and undo. (tests/e2e drives the same
//! steps by keyboard in the browser.)
#![cfg(not(target_arch = "wasm32"))]

use quotelens::edit::review::Review;
use quotelens::edit::summary::{index, speaker_of};
use quotelens::edit::{reduce, transfer, Action, ReviewStep, State};
use quotelens::{analyse, Annotation, Kind, Origin};

mod common;
use common::seed;

const POMPEO: &str = "000_0399775715a1bf4a.txt";

fn analysed(text: &str) -> State {
    let state = reduce(State::default(), Action::TypeText(text.to_string()));
    let a = analyse(text);
    reduce(
        state,
        Action::Analysed {
            text: text.to_string(),
            annotations: a.annotations,
            furniture: a.furniture,
        },
    )
}

fn step(state: State, s: ReviewStep) -> State {
    reduce(state, Action::Review(s))
}

fn current(state: &State) -> Annotation {
    state
        .review
        .as_ref()
        .expect("reviewing")
        .current(&state.doc)
        .expect("something to review")
        .clone()
}

fn progress(state: &State) -> String {
    Review::progress(&state.doc).to_string()
}

fn sureness(a: &Annotation) -> f64 {
    a.confidence.unwrap_or(f64::NEG_INFINITY)
}

#[test]
fn the_queue_walks_every_suggestion_least_confident_first() {
    let text = seed(POMPEO);
    let mut state = step(analysed(&text), ReviewStep::Start);
    let total = Review::progress(&state.doc).total;
    assert!(total > 10, "the seed has suggestions to review");
    assert_eq!(progress(&state), format!("0 of {total} reviewed"));
    let mut seen = Vec::new();
    while let Some(a) = state.review.as_ref().unwrap().current(&state.doc).cloned() {
        assert_eq!(
            state.active.as_deref(),
            Some(a.id.as_str()),
            "the current item is the active one"
        );
        assert_eq!(a.origin, Origin::Auto);
        seen.push(a);
        state = step(state, ReviewStep::Accept);
        assert_eq!(
            progress(&state),
            format!("{} of {total} reviewed", seen.len())
        );
    }
    assert_eq!(seen.len(), total, "each suggestion comes up once");
    assert!(
        seen.windows(2).all(|w| sureness(&w[0]) <= sureness(&w[1])),
        "least confident first"
    );
    assert_eq!(state.active, None, "nothing left to show");
    // Every suggestion is now the person's, and the export says so.
    let json: serde_json::Value = serde_json::from_str(&transfer::export_json(&state.doc)).unwrap();
    let anns = json["annotations"].as_array().unwrap();
    assert!(anns.len() >= total, "two mentions of one span are one item");
    assert!(anns.iter().all(|a| a["origin"] == "user"));
}

#[test]
fn accept_reject_skip_and_undo_each_do_one_thing() {
    let text = seed(POMPEO);
    let mut state = step(analysed(&text), ReviewStep::Start);
    let total = Review::progress(&state.doc).total;

    let first = current(&state);
    state = step(state, ReviewStep::Accept);
    let second = current(&state);
    assert_ne!(first.id, second.id);
    let kept = state
        .doc
        .annotations()
        .into_iter()
        .find(|a| a.kind == first.kind && a.start == first.start && a.end == first.end)
        .expect("an accepted suggestion stays");
    assert_eq!(kept.origin, Origin::User);

    state = step(state, ReviewStep::Reject);
    assert!(
        !state.doc.annotations().iter().any(|a| a.id == second.id),
        "a rejected suggestion is gone"
    );
    assert_eq!(progress(&state), format!("2 of {total} reviewed"));

    let third = current(&state);
    state = step(state, ReviewStep::Skip);
    assert_ne!(current(&state).id, third.id);
    assert_eq!(
        progress(&state),
        format!("2 of {total} reviewed"),
        "skipping decides nothing"
    );

    // Undo brings back the rejected one as the current item, then the accepted one.
    state = reduce(state, Action::Undo);
    assert_eq!(current(&state).id, second.id);
    assert_eq!(progress(&state), format!("1 of {total} reviewed"));
    state = reduce(state, Action::Undo);
    assert_eq!(current(&state).id, first.id);
    assert_eq!(progress(&state), format!("0 of {total} reviewed"));
    state = reduce(state, Action::Redo);
    assert_eq!(progress(&state), format!("1 of {total} reviewed"));
    assert_eq!(current(&state).id, second.id);

    // Looking at another annotation is allowed; the next step brings the queue back.
    state = reduce(state, Action::Select(Some(third.id.clone())));
    assert_eq!(state.active.as_deref(), Some(third.id.as_str()));
    state = reduce(state, Action::DismissNotice);
    assert_eq!(state.active.as_deref(), Some(second.id.as_str()));

    state = step(state, ReviewStep::Stop);
    assert!(state.review.is_none());
    assert_eq!(state.active, None);
}

#[test]
fn fixing_the_speaker_attributes_the_item_and_moves_on() {
    let text = "Storm cuts power\n\nAnna Berg, the mayor, spoke on Monday. \"We will have the lights back by Friday,\" said Tom Hale. \"It is a hard week,\" she added.";
    let mut state = step(analysed(text), ReviewStep::Start);
    // Skip to the first quote.
    while current(&state).kind != Kind::Quote {
        state = step(state, ReviewStep::Skip);
    }
    let quote = current(&state);
    state = step(state, ReviewStep::Speaker("anna berg".into()));
    assert_ne!(current(&state).id, quote.id, "the queue moves on");
    let merged = state.doc.annotations();
    let by_id = index(&merged);
    let fixed = merged
        .iter()
        .find(|a| a.kind == Kind::Quote && a.start == quote.start)
        .unwrap();
    assert_eq!(fixed.origin, Origin::User);
    let who = speaker_of(fixed, &by_id).unwrap();
    // "anna berg" is a speaker already known (when the engine named her) or a new one.
    assert!(who.eq_ignore_ascii_case("anna berg"), "{who}");

    // A speaker mention can be given its own name.
    while current(&state).kind != Kind::Attribution {
        state = step(state, ReviewStep::Skip);
    }
    let mention = current(&state);
    state = step(state, ReviewStep::Speaker("The Mayor".into()));
    let mine = state
        .doc
        .user
        .iter()
        .find(|a| a.kind == Kind::Attribution && a.start == mention.start)
        .unwrap();
    assert_eq!(mine.speaker.as_deref(), Some("The Mayor"));

    // A blank name is refused with a message, and the item stays current.
    let before = current(&state);
    state = step(state, ReviewStep::Speaker("  ".into()));
    assert!(state.notice.is_some());
    assert_eq!(current(&state).id, before.id);
}

#[test]
fn a_new_document_ends_the_review_and_steps_without_one_do_nothing() {
    let text = seed(POMPEO);
    let state = analysed(&text);
    let doc = state.doc.clone();
    let state = step(state, ReviewStep::Accept);
    assert_eq!(state.doc, doc, "no review, no change");
    let state = step(step(state, ReviewStep::Start), ReviewStep::Start);
    assert_eq!(progress(&state), Review::progress(&doc).to_string());
    let state = reduce(state, Action::Replace(quotelens::edit::Doc::default()));
    assert!(state.review.is_none());
}

/// Reopening an export goes on with the review's count where it was: the accepted and
/// rejected suggestions still count as reviewed (the export keeps the accepted ones as
/// the person's and leaves the rejected ones out).
#[test]
fn reopening_an_export_keeps_the_review_progress() {
    let text = "The council met on Monday.\n\n\"We will open the pool in June,\" said Mara Quist, the mayor. \"It will be free for children,\" she added.\n\n\"The budget is too thin,\" said Olof Rand, a councillor. \"Nobody asked us,\" said Ines Varga, who runs the swim club.";
    let mut state = step(analysed(text), ReviewStep::Start);
    let before = Review::progress(&state.doc);
    assert!(before.total >= 4, "suggestions to review: {before}");
    state = step(state, ReviewStep::Accept);
    state = step(state, ReviewStep::Reject);
    state = step(state, ReviewStep::Accept);
    let reviewed = Review::progress(&state.doc);
    assert_eq!(reviewed.reviewed, 3);
    assert_eq!(reviewed.total, before.total);

    let json = transfer::export_json(&state.doc);
    let doc = transfer::import("council.quotelens.json", json.as_bytes()).unwrap();
    let reopened = reduce(State::default(), Action::Replace(doc));
    let a = analyse(text);
    let reopened = reduce(
        reopened,
        Action::Analysed {
            text: text.to_string(),
            annotations: a.annotations,
            furniture: a.furniture,
        },
    );
    assert_eq!(
        Review::progress(&reopened.doc).to_string(),
        reviewed.to_string()
    );
    // Nothing decided shows again, and the export is the same.
    assert_eq!(transfer::export_json(&reopened.doc), json);
}
