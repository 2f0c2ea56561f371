//! A person's choice of the article's blocks in a pasted page: the reducer action, its
//! undo, the autosave and the quotelens/1 export (article regions, nothing annotated
//! outside them), natively.
#![cfg(not(target_arch = "wasm32"))]

use quotelens::edit::{reduce, transfer, Action, Doc, State};
use quotelens::engine::{ArticleSetting, Settings};
use quotelens::model::{document_from_json, Region};
use quotelens::{Document, Kind};

const SEED: &str = include_str!("../samples/000_0399775715a1bf4a.txt");
const CLEAN: &str = include_str!("../samples/004_5f6aecae78906b36.txt");

/// Deliver the analysis the app asks for: the text with the document's article setting.
fn analysed(state: State) -> State {
    let text = state.doc.text.clone();
    let setting = ArticleSetting::of(&*state.doc);
    let a = quotelens::engine::analyse(&text, &Settings::builtin().with_article(&setting));
    reduce(
        state,
        Action::Analysed {
            text,
            annotations: a.annotations,
            furniture: a.furniture,
        },
    )
}

fn pasted(text: &str) -> State {
    analysed(reduce(State::default(), Action::TypeText(text.to_string())))
}

fn chars(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect("needle in text");
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

/// The line holding `needle`, with its line break.
fn line_of(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect("needle in text");
    let start = text[..b].rfind('\n').map_or(0, |i| i + 1);
    let end = text[b..].find('\n').map_or(text.len(), |i| b + i + 1);
    let s = text[..start].chars().count();
    (s, s + text[start..end].chars().count())
}

fn region_texts(doc: &Document) -> Vec<String> {
    doc.article
        .iter()
        .map(|r| {
            doc.text
                .chars()
                .skip(r.start)
                .take(r.end - r.start)
                .collect()
        })
        .collect()
}

fn in_article(doc: &Document, start: usize, end: usize) -> bool {
    doc.article.iter().any(|r| r.start <= start && end <= r.end)
}

#[test]
fn a_pasted_page_exports_whole_with_its_article_marked_as_the_command_line_does() {
    let state = pasted(SEED);
    let json = transfer::export_json(&state.doc);
    assert_eq!(json, quotelens::cli::export_json(SEED), "app and CLI agree");
    let doc = document_from_json(&json).expect("the export validates");
    assert_eq!(doc.text, SEED, "the pasted text is kept whole");
    let regions = region_texts(&doc);
    assert!(!regions.is_empty());
    let article = regions.join("\n");
    assert!(article.contains("Mike Pompeo said Saturday"), "{article}");
    assert!(article.contains("36,773 deaths"), "{article}");
    for furniture in [
        "Related Topics",
        "Recent Stories",
        "UVAS lab begins",
        "About Us | Contact Us",
    ] {
        assert!(
            !article.contains(furniture),
            "{furniture:?} is in the article"
        );
    }
    for a in &doc.annotations {
        assert!(
            in_article(&doc, a.start, a.end),
            "{:?} {:?} lies outside the article",
            a.kind,
            a.text
        );
    }
    assert!(doc.annotations.iter().any(|a| a.kind == Kind::Quote));
}

#[test]
fn an_article_without_furniture_exports_no_regions() {
    let state = pasted(CLEAN);
    let json = transfer::export_json(&state.doc);
    assert!(!json.contains("\"article\""), "{json}");
    assert_eq!(json, quotelens::cli::export_json(CLEAN));
}

#[test]
fn pushing_a_block_out_and_bringing_one_in_are_undoable_saved_and_exported() {
    let mut state = pasted(SEED);
    let quote = "\"However, we still have to be very cautious,\"";
    let (qs, qe) = chars(SEED, quote);
    let quoted = |s: &State| {
        s.doc
            .annotations()
            .iter()
            .any(|a| a.kind == Kind::Quote && a.start == qs && a.end == qe)
    };
    assert!(quoted(&state), "the engine finds the quote");

    // Push its paragraph out.
    let (ls, le) = line_of(SEED, quote);
    state = reduce(
        state,
        Action::SetArticle {
            start: ls,
            end: le,
            article: false,
        },
    );
    assert!(!quoted(&state), "hidden at once, before re-analysis");
    assert!(!state.doc.analysed, "the engine is asked again");
    state = analysed(state);
    assert!(!quoted(&state));
    let doc = document_from_json(&transfer::export_json(&state.doc)).expect("valid");
    assert!(!in_article(&doc, qs, qe), "the block is out of the article");
    assert!(doc
        .annotations
        .iter()
        .all(|a| in_article(&doc, a.start, a.end)));

    // The autosave keeps the choice.
    let saved: Doc = serde_json::from_str(&serde_json::to_string(&*state.doc).unwrap()).unwrap();
    assert_eq!(saved, *state.doc);

    // Undo brings the paragraph and its quote back; redo pushes it out again.
    state = reduce(state, Action::Undo);
    assert!(quoted(&state));
    state = reduce(state, Action::Redo);
    assert!(!quoted(&state));

    // Bring the "Related Topics" block into the article.
    let (ts, te) = line_of(SEED, "Attack NATO World Russia");
    let before = document_from_json(&transfer::export_json(&state.doc)).unwrap();
    assert!(!in_article(&before, ts, te - 1));
    state = analysed(reduce(
        state,
        Action::SetArticle {
            start: ts,
            end: te,
            article: true,
        },
    ));
    let after = document_from_json(&transfer::export_json(&state.doc)).unwrap();
    assert!(in_article(&after, ts, te - 1), "{:?}", region_texts(&after));

    // An import of the export gives back the same article and the same bytes.
    let json = transfer::export_json(&state.doc);
    let imported = analysed(reduce(
        State::default(),
        Action::Replace(transfer::import("page.quotelens.json", json.as_bytes()).unwrap()),
    ));
    assert_eq!(transfer::export_json(&imported.doc), json);
}

#[test]
fn a_choice_follows_its_block_when_the_text_is_edited_before_it() {
    let mut state = pasted(SEED);
    let (ts, te) = line_of(SEED, "Attack NATO World Russia");
    state = analysed(reduce(
        state,
        Action::SetArticle {
            start: ts,
            end: te,
            article: true,
        },
    ));
    let edited = format!("BREAKING\n{SEED}");
    state = analysed(reduce(state, Action::TypeText(edited.clone())));
    let (ts, te) = line_of(&edited, "Attack NATO World Russia");
    let doc = document_from_json(&transfer::export_json(&state.doc)).unwrap();
    assert!(
        doc.article
            .iter()
            .any(|r: &Region| r.start <= ts && te - 1 <= r.end),
        "{:?}",
        region_texts(&doc)
    );
}

#[test]
fn a_choice_outside_the_text_is_refused_with_a_message() {
    let state = pasted(CLEAN);
    let before = state.doc.clone();
    let len = CLEAN.chars().count();
    let state = reduce(
        state,
        Action::SetArticle {
            start: 0,
            end: len + 5,
            article: false,
        },
    );
    assert!(state.notice.is_some());
    assert_eq!(state.doc, before, "nothing changed");
}

#[test]
fn an_export_with_a_quote_outside_its_article_is_refused() {
    let state = pasted(SEED);
    let json = transfer::export_json(&state.doc);
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Shrink the article to its first region's first character.
    let first = value["article"][0]["start"].as_u64().unwrap();
    value["article"] = serde_json::json!([{ "start": first, "end": first + 1 }]);
    let err = document_from_json(&value.to_string()).unwrap_err();
    assert!(
        err.to_string().contains("outside the article regions"),
        "{err}"
    );
    value["article"] = serde_json::json!([{ "start": 5, "end": 3 }]);
    let err = document_from_json(&value.to_string()).unwrap_err();
    assert!(err.to_string().starts_with("article[0].end"), "{err}");
}

#[test]
fn a_persons_annotation_in_a_pushed_out_block_is_kept_and_comes_back_with_it() {
    let mut state = pasted(SEED);
    // Part of a sentence, so the person's claim is never one the engine found itself
    // (marking exactly an automatic claim takes that one instead of making a new one).
    let sentence = "Czech hospitals have recently reported cyber attack attempts";
    let (s, e) = chars(SEED, sentence);
    state = reduce(
        state,
        Action::Add {
            kind: Kind::Claim,
            start: s,
            end: e,
        },
    );
    let id = state.active.clone().expect("the claim is made");
    let mine = |st: &State| st.doc.annotations().iter().any(|a| a.id == id);
    assert!(mine(&state));
    let (ls, le) = line_of(SEED, sentence);
    state = analysed(reduce(
        state,
        Action::SetArticle {
            start: ls,
            end: le,
            article: false,
        },
    ));
    assert!(!mine(&state), "out of the article, out of the annotations");
    assert!(state.doc.is_user(&id), "but still the person's");
    let exported = document_from_json(&transfer::export_json(&state.doc)).unwrap();
    assert!(
        exported.annotations.iter().all(|a| a.id != id),
        "nor exported"
    );
    state = analysed(reduce(
        state,
        Action::SetArticle {
            start: ls,
            end: le,
            article: true,
        },
    ));
    assert!(mine(&state), "brought back in, it is shown again");
}

#[test]
fn marking_text_in_the_furniture_is_refused_with_a_way_out() {
    let state = pasted(SEED);
    let before = state.doc.clone();
    let (s, e) = chars(SEED, "UVAS lab begins testing coronavirus");
    let state = reduce(
        state,
        Action::Add {
            kind: Kind::Claim,
            start: s,
            end: e,
        },
    );
    assert!(
        state
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("Bring into the article")),
        "{:?}",
        state.notice
    );
    assert_eq!(state.doc, before, "nothing hidden was added");
}
