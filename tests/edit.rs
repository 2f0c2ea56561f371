//! The document reducer, natively: edits, undo/redo, and the merge of a person's
//! annotations with re-analysis. (The browser tests drive the same code through the UI.)
#![cfg(not(target_arch = "wasm32"))]

use quotelens::edit::{reduce, transfer, Action, Doc, SpeakerChoice, State};
use quotelens::{analyse, Annotation, Document, Kind, Origin};

const TEXT: &str = "The minister spoke on Monday. \"We will rebuild the bridge by May,\" said Anna Berg, the minister. \
Critics disagreed. \"It cannot be done,\" said Tom Hale.";

/// Type `text`, then deliver the engine's analysis as the app does.
fn typed(state: State, text: &str) -> State {
    let state = reduce(state, Action::TypeText(text.to_string()));
    analysed(state)
}

fn analysed(state: State) -> State {
    let text = state.doc.text.clone();
    let a = analyse(&text);
    reduce(
        state,
        Action::Analysed {
            text,
            annotations: a.annotations,
            furniture: Vec::new(),
        },
    )
}

fn span_of(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect("needle in text");
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

fn user_quote_texts(state: &State) -> Vec<String> {
    state
        .doc
        .annotations()
        .into_iter()
        .filter(|a| a.origin == Origin::User)
        .map(|a| a.text)
        .collect()
}

#[test]
fn unedited_export_is_the_command_line_output() {
    let state = typed(State::default(), TEXT);
    let cli = Document::new(TEXT, analyse(TEXT).annotations).to_json();
    assert_eq!(transfer::export_json(&state.doc), cli);
    assert!(
        state
            .doc
            .annotations()
            .iter()
            .any(|a| a.kind == Kind::Quote),
        "the engine finds a quote"
    );
}

#[test]
fn a_persons_annotation_survives_edits_elsewhere_and_reanalysis() {
    let mut state = typed(State::default(), TEXT);
    let (s, e) = span_of(TEXT, "Critics disagreed.");
    state = reduce(
        state,
        Action::Add {
            kind: Kind::Claim,
            start: s,
            end: e,
        },
    );
    let id = state.active.clone().expect("the new claim is active");
    assert!(state.doc.is_user(&id));

    let edited = format!("BRIDGE NEWS\n\n{TEXT} More to follow.");
    state = typed(state, &edited);
    let claim = state
        .doc
        .annotations()
        .into_iter()
        .find(|a| a.origin == Origin::User)
        .expect("claim kept");
    let (s2, e2) = span_of(&edited, "Critics disagreed.");
    assert_eq!((claim.start, claim.end, claim.kind), (s2, e2, Kind::Claim));
    assert_eq!(claim.text, "Critics disagreed.");
    assert!(state.notice.is_none());
    // The export still carries it, marked as the person's.
    let json = transfer::export_json(&state.doc);
    assert!(json.contains("\"origin\": \"user\""));
}

#[test]
fn an_annotation_whose_text_changed_is_dropped_with_a_message_and_undo_restores_it() {
    let mut state = typed(State::default(), TEXT);
    let (s, e) = span_of(TEXT, "Critics disagreed.");
    state = reduce(
        state,
        Action::Add {
            kind: Kind::Claim,
            start: s,
            end: e,
        },
    );
    let changed = TEXT.replace("Critics disagreed.", "Critics agreed.");
    state = typed(state, &changed);
    assert!(user_quote_texts(&state).is_empty());
    let notice = state
        .notice
        .clone()
        .expect("a message about the dropped annotation");
    assert!(notice.contains("1 of your annotations"), "{notice}");
    state = reduce(state, Action::Undo);
    assert_eq!(state.doc.text, TEXT);
    assert_eq!(user_quote_texts(&state), ["Critics disagreed."]);
    state = reduce(state, Action::Redo);
    assert_eq!(state.doc.text, changed);
    assert!(user_quote_texts(&state).is_empty());
}

#[test]
fn a_rejected_automatic_annotation_stays_rejected_through_reanalysis() {
    let mut state = typed(State::default(), TEXT);
    let quote = first_quote(&state);
    state = reduce(
        state,
        Action::Delete {
            id: quote.id.clone(),
        },
    );
    let still = |st: &State| {
        st.doc
            .annotations()
            .iter()
            .any(|a| a.kind == Kind::Quote && a.text == quote.text)
    };
    assert!(!still(&state));
    state = typed(state, &format!("{TEXT}\nUpdate: nothing new."));
    assert!(
        !still(&state),
        "re-analysis does not bring a rejected quote back"
    );
    state = reduce(state, Action::Undo);
    state = reduce(state, Action::Undo);
    assert!(still(&state), "undo brings it back");
}

#[test]
fn changing_kind_or_accepting_makes_an_annotation_the_persons() {
    let mut state = typed(State::default(), TEXT);
    let quote = first_quote(&state);
    state = reduce(
        state,
        Action::SetKind {
            id: quote.id.clone(),
            kind: Kind::Claim,
        },
    );
    let merged = state.doc.annotations();
    let claim = merged
        .iter()
        .find(|a| a.text == quote.text && a.kind == Kind::Claim)
        .expect("now a claim");
    assert_eq!(claim.origin, Origin::User);
    assert!(
        !merged
            .iter()
            .any(|a| a.text == quote.text && a.kind == Kind::Quote),
        "the automatic quote is replaced"
    );
    assert_eq!(
        state.active.as_deref(),
        Some(claim.id.as_str()),
        "selection follows the new id"
    );

    let other = merged
        .iter()
        .find(|a| a.kind == Kind::Quote && a.origin == Origin::Auto)
        .unwrap()
        .clone();
    state = reduce(
        state,
        Action::Accept {
            id: other.id.clone(),
        },
    );
    let kept = state
        .doc
        .annotations()
        .into_iter()
        .find(|a| a.text == other.text)
        .unwrap();
    assert_eq!((kept.origin, kept.kind), (Origin::User, Kind::Quote));
    // Re-analysis does not duplicate what was accepted.
    state = typed(state, &format!("{TEXT} "));
    assert_eq!(
        state
            .doc
            .annotations()
            .iter()
            .filter(|a| a.text == other.text)
            .count(),
        1
    );
}

#[test]
fn quotes_move_between_speakers_and_speakers_can_be_renamed() {
    let state = typed(State::default(), TEXT);
    let (state, quote) = quote_given_a_new_mention(state, "Anna Berg");
    let state = reduce(
        state,
        Action::RenameSpeaker {
            from: "Anna Berg".into(),
            to: "Minister Anna Berg".into(),
        },
    );
    let summary = quotelens::edit::summary::summarize(&state.doc.annotations(), "");
    assert_eq!(summary.speakers[0].name, "Minister Anna Berg");
    assert_eq!(summary.speakers[0].quotes.len(), 1);

    let state = reduce(
        state,
        Action::AssignSpeaker {
            id: quote.id.clone(),
            speaker: SpeakerChoice::New("A spokesperson".into()),
        },
    );
    let moved = quotes_of(&state, "A spokesperson").expect("new speaker");
    assert_eq!(moved[0].text, quote.text);
    let mut state = reduce(
        state,
        Action::AssignSpeaker {
            id: moved[0].id.clone(),
            speaker: SpeakerChoice::Existing("Minister Anna Berg".into()),
        },
    );
    assert_eq!(quotes_of(&state, "Minister Anna Berg").unwrap().len(), 1);
    // A blank name is refused with a message and changes nothing.
    let before = state.doc.clone();
    state = reduce(
        state,
        Action::RenameSpeaker {
            from: "Minister Anna Berg".into(),
            to: "  ".into(),
        },
    );
    assert_eq!(state.doc, before);
    assert!(state.notice.is_some());
}

/// The first quote selected, then the mention `speaker` marked: the quote is attributed
/// to the new mention. Returns the state and the quote as it is then.
fn quote_given_a_new_mention(state: State, speaker: &str) -> (State, Annotation) {
    let (s, e) = span_of(TEXT, speaker);
    let quote = first_quote(&state);
    let state = reduce(state, Action::Select(Some(quote.id.clone())));
    let state = reduce(
        state,
        Action::Add {
            kind: Kind::Attribution,
            start: s,
            end: e,
        },
    );
    let merged = state.doc.annotations();
    let attr = merged
        .iter()
        .find(|a| a.kind == Kind::Attribution && a.text == speaker)
        .unwrap();
    assert_eq!(attr.speaker.as_deref(), Some(speaker));
    let q = merged
        .iter()
        .find(|a| a.text == quote.text && a.kind == Kind::Quote)
        .unwrap();
    assert_eq!(q.attribution.as_deref(), Some(attr.id.as_str()));
    let q = q.clone();
    (state, q)
}

/// The quotes the summary gives the speaker `name`, if it has that speaker.
fn quotes_of(state: &State, name: &str) -> Option<Vec<Annotation>> {
    let summary = quotelens::edit::summary::summarize(&state.doc.annotations(), "");
    summary
        .speakers
        .into_iter()
        .find(|g| g.name == name)
        .map(|g| g.quotes)
}

#[test]
fn adding_needs_words_and_trims_white_space() {
    let mut state = typed(State::default(), TEXT);
    state = reduce(
        state,
        Action::Add {
            kind: Kind::Quote,
            start: 3,
            end: 3,
        },
    );
    assert!(state.notice.as_deref().unwrap().contains("Select"));
    assert!(!state.history.can_undo() || user_quote_texts(&state).is_empty());
    let (s, e) = span_of(TEXT, " Critics ");
    state = reduce(
        state,
        Action::Add {
            kind: Kind::Quote,
            start: s,
            end: e,
        },
    );
    assert_eq!(user_quote_texts(&state), ["Critics"]);
}

#[test]
fn import_round_trips_a_reviewed_document_byte_for_byte() {
    let mut state = typed(State::default(), TEXT);
    let quote = first_quote(&state);
    state = reduce(
        state,
        Action::Delete {
            id: quote.id.clone(),
        },
    );
    let (s, e) = span_of(TEXT, "Critics disagreed.");
    state = reduce(
        state,
        Action::Add {
            kind: Kind::Claim,
            start: s,
            end: e,
        },
    );
    let exported = transfer::export_json(&state.doc);

    let doc =
        transfer::import("a.quotelens.json", exported.as_bytes()).expect("our own export imports");
    let mut again = reduce(State::default(), Action::Replace(doc));
    again = analysed(again);
    assert_eq!(transfer::export_json(&again.doc), exported);
    // The reviewer's rejection holds when the text is edited and analysed again.
    again = typed(again, &format!("{TEXT} Later."));
    assert!(!again
        .doc
        .annotations()
        .iter()
        .any(|a| a.kind == Kind::Quote && a.text == quote.text));
}

#[test]
fn a_bad_import_is_refused_with_a_reason() {
    let good = transfer::export_json(&typed(State::default(), TEXT).doc);
    let import = |s: &str| transfer::import("x.quotelens.json", s.as_bytes()).unwrap_err();
    assert!(
        import("{not json").contains("not valid JSON"),
        "{}",
        import("{not json")
    );
    assert!(import("{\"format\": \"other/2\"}").contains("format"));
    let far = good.replacen("\"start\": ", "\"start\": 9999", 1);
    assert!(import(&far).contains("annotations[0]"), "{}", import(&far));
    let mismatched = good.replacen("\"text\": \"\\\"We", "\"text\": \"\\\"Wx", 1);
    assert_ne!(mismatched, good);
    assert!(
        import(&mismatched).contains("annotations[0]"),
        "{}",
        import(&mismatched)
    );
    assert!(transfer::import("x.json", &[0xff, 0xfe, 0]).is_err());
}

#[test]
fn replace_and_new_document_are_undoable() {
    let mut state = typed(State::default(), TEXT);
    state = reduce(state, Action::Replace(Doc::default()));
    assert!(state.doc.text.is_empty());
    let rev = state.text_rev;
    state = reduce(state, Action::Undo);
    assert_eq!(state.doc.text, TEXT);
    assert!(
        state.text_rev > rev,
        "the editor is told to reload the text"
    );
}

#[test]
fn a_reply_for_an_older_text_changes_and_copies_nothing() {
    let state = typed(State::default(), TEXT);
    let state = reduce(state, Action::TypeText(format!("{TEXT} More.")));
    let (doc, rev) = (state.doc.clone(), state.rev);
    let a = analyse(TEXT);
    let state = reduce(
        state,
        Action::Analysed {
            text: TEXT.to_string(),
            annotations: a.annotations,
            furniture: Vec::new(),
        },
    );
    assert!(std::rc::Rc::ptr_eq(&doc, &state.doc), "the same document");
    assert_eq!(state.rev, rev, "no change to save or render");
    assert!(!state.doc.analysed);
}

#[test]
fn a_saved_document_comes_back_the_same_after_its_analysis() {
    let state = typed(State::default(), TEXT);
    let quote = state
        .doc
        .annotations()
        .into_iter()
        .find(|a| a.kind == Kind::Quote && a.attribution.is_some())
        .unwrap();
    let state = reduce(state, Action::Accept { id: quote.id });
    let json = quotelens::edit::saved::saved_json(&state.doc);
    assert!(
        json.len() < serde_json::to_string(&*state.doc).unwrap().len(),
        "smaller than the whole document"
    );
    let loaded: Doc = serde_json::from_str(&json).unwrap();
    let back = analysed(State::new(loaded));
    assert_eq!(back.doc.annotations(), state.doc.annotations());
    assert!(
        back.doc.user.iter().all(|u| u.attribution.is_some()),
        "the person's quote keeps its speaker"
    );
}

/// The document's first quote (the engine's or a person's).
fn first_quote(state: &State) -> Annotation {
    state
        .doc
        .annotations()
        .into_iter()
        .find(|a| a.kind == Kind::Quote)
        .unwrap()
}
