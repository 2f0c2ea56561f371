//! wasm-bindgen tests, run in headless Chromium by `cargo test --target wasm32-unknown-unknown --test wasm`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn engine_runs_in_wasm_with_code_point_offsets() {
    let text = "😀 \"Hi there,\" she said.";
    let analysis = quotelens::analyse(text);
    let quote = analysis
        .annotations
        .iter()
        .find(|a| a.kind == quotelens::Kind::Quote)
        .expect("a quote");
    // The emoji is one code point (two UTF-16 units): the quote starts at code point 2.
    assert_eq!(quote.start, 2);
    assert!(quote.text.starts_with("\"Hi there"));
}

use std::rc::Rc;

use quotelens::edit::layout::Mark;
use quotelens::edit::Doc;
use quotelens::model::offsets::{cp_of_utf16, utf16_of_cp};
use quotelens::ui::article_view::{Article, ArticleProps};
use quotelens::ui::dom_offsets::selection_in;
use quotelens::ui::side_panel::{SidePanel, SidePanelProps};
use quotelens::ui::store::Shared;
use quotelens::{Annotation, Kind};
use wasm_bindgen::JsCast;

/// Let Yew render (it schedules renders on the event loop).
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn mount_point() -> web_sys::Element {
    let doc = gloo::utils::document();
    let div = doc.create_element("div").unwrap();
    gloo::utils::body().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
fn utf16_offsets_of_real_js_strings_convert_to_code_points() {
    let text = "a😀b𝄞c “q” é";
    let js = js_sys::JsString::from(text);
    // JavaScript counts UTF-16 units: two for each astral character.
    assert_eq!(js.length() as usize, text.chars().count() + 2);
    for cp in 0..=text.chars().count() {
        let u = utf16_of_cp(text, cp);
        // The JS prefix of that many units is exactly the first `cp` code points.
        let prefix: String = js.slice(0, u as u32).into();
        assert_eq!(prefix.chars().count(), cp);
        assert_eq!(cp_of_utf16(text, u), cp);
    }
}

#[wasm_bindgen_test]
fn a_dom_selection_across_astral_characters_gives_code_points() {
    let root = mount_point();
    let doc = gloo::utils::document();
    let (s1, s2) = (
        doc.create_element("span").unwrap(),
        doc.create_element("mark").unwrap(),
    );
    s1.set_text_content(Some("a😀"));
    s2.set_text_content(Some("b𝄞c"));
    root.append_child(&s1).unwrap();
    root.append_child(&s2).unwrap();
    let text = "a😀b𝄞c";
    let range = doc.create_range().unwrap();
    let t2 = s2.first_child().unwrap();
    range.set_start(&t2, 0).unwrap();
    range.set_end(&t2, 3).unwrap(); // "b𝄞": three UTF-16 units
    let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range).unwrap();
    assert_eq!(selection_in(&root, text), Some((2, 4)));
    // A selection from inside the first span to the end.
    range.set_start(&s1.first_child().unwrap(), 1).unwrap();
    range.set_end(&t2, 4).unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range).unwrap();
    assert_eq!(selection_in(&root, text), Some((1, 5)));
    // Nothing selected inside the root: none.
    sel.remove_all_ranges().unwrap();
    assert_eq!(selection_in(&root, text), None);
    root.remove();
}

fn sample() -> (Doc, Vec<Annotation>) {
    let text = "<b>Bold</b> 😀 \"Hi there,\" said Ann.";
    let analysed = quotelens::analyse(text);
    let mut anns = analysed.annotations;
    let start = text.chars().position(|c| c == 'A').unwrap();
    anns.push(Annotation::new(
        "u1",
        Kind::Attribution,
        text,
        start,
        start + 3,
    ));
    (Doc::with_text(text), anns)
}

#[wasm_bindgen_test]
async fn the_article_shows_text_as_text_with_marks_at_code_points() {
    let (doc, anns) = sample();
    let root = mount_point();
    let props = ArticleProps {
        numbers: Default::default(),
        doc: Shared(Rc::new(doc.clone())),
        annotations: Shared(Rc::new(anns)),
        shown: Mark::ALL.to_vec(),
        lit: vec!["u1".into()],
        active: None,
        on_hover: Default::default(),
        on_select: Default::default(),
        on_article: Default::default(),
    };
    let app = yew::Renderer::<Article>::with_root_and_props(root.clone(), props).render();
    tick().await;
    let view = root.query_selector("#view").unwrap().expect("the view");
    assert_eq!(view.text_content().unwrap(), doc.text, "the text, exactly");
    assert!(
        view.query_selector("b").unwrap().is_none(),
        "markup in the text is never parsed"
    );
    let quote = view
        .query_selector(".mk-quote")
        .unwrap()
        .expect("a quote mark");
    assert_eq!(quote.text_content().unwrap(), "\"Hi there,\"");
    let speaker = view
        .query_selector(".mk-speaker.lit")
        .unwrap()
        .expect("a lit speaker");
    assert_eq!(speaker.text_content().unwrap(), "Ann");
    assert_eq!(speaker.get_attribute("tabindex").as_deref(), Some("0"));
    app.destroy();
    root.remove();
}

/// A long document: 400 short paragraphs, each with a quote and its speaker.
fn long_sample() -> (Doc, Vec<Annotation>) {
    let para = "\"We will rebuild the bridge by May,\" said Anna Berg, the minister, on a visit to the town.\n\n";
    let text =
        para.repeat(400) + "The last words here are \"unique closing words,\" said Tom Hale.";
    let anns = quotelens::analyse(&text).annotations;
    (Doc::with_text(text), anns)
}

#[wasm_bindgen_test]
async fn a_long_article_builds_marks_only_near_the_screen_and_for_the_active_one() {
    let (doc, anns) = long_sample();
    let quotes = anns.iter().filter(|a| a.kind == Kind::Quote).count();
    assert!(quotes > 400, "{quotes} quotes");
    let last = anns
        .iter()
        .rfind(|a| a.kind == Kind::Quote)
        .unwrap()
        .clone();
    let root = mount_point();
    let props = |active: Option<String>| ArticleProps {
        numbers: Default::default(),
        doc: Shared(Rc::new(doc.clone())),
        annotations: Shared(Rc::new(anns.clone())),
        shown: Mark::ALL.to_vec(),
        lit: vec![],
        active,
        on_hover: Default::default(),
        on_select: Default::default(),
        on_article: Default::default(),
    };
    let doc_rc = Shared(Rc::new(doc.clone()));
    let anns_rc = Shared(Rc::new(anns.clone()));
    let mut app = yew::Renderer::<Article>::with_root_and_props(
        root.clone(),
        ArticleProps {
            numbers: Default::default(),
            doc: doc_rc.clone(),
            annotations: anns_rc.clone(),
            ..props(None)
        },
    )
    .render();
    tick().await;
    tick().await;
    let view = root.query_selector("#view").unwrap().expect("the view");
    assert_eq!(
        view.text_content().unwrap(),
        doc.text,
        "all the text, exactly"
    );
    let built = view.query_selector_all(".mk-quote.first").unwrap().length() as usize;
    assert!(built > 0, "the first screenfuls have their marks");
    assert!(
        built < quotes / 2,
        "{built} of {quotes} quotes built: only those near the screen"
    );
    assert!(view
        .query_selector(&format!(".mk[data-id='{}']", last.id))
        .unwrap()
        .is_none());
    // The active annotation's mark is built wherever it is.
    app.update(ArticleProps {
        numbers: Default::default(),
        doc: doc_rc.clone(),
        annotations: anns_rc.clone(),
        ..props(Some(last.id.clone()))
    });
    tick().await;
    let mark = view
        .query_selector(&format!(".mk.first.active[data-id='{}']", last.id))
        .unwrap()
        .expect("the active quote's mark");
    assert_eq!(mark.text_content().unwrap(), last.text);
    assert_eq!(view.text_content().unwrap(), doc.text, "still all the text");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_side_panel_counts_and_lists() {
    let (_, mut anns) = sample();
    let quote_id = anns
        .iter()
        .find(|a| a.kind == Kind::Quote)
        .unwrap()
        .id
        .clone();
    anns.iter_mut()
        .find(|a| a.id == quote_id)
        .unwrap()
        .attribution = Some("u1".into());
    let root = mount_point();
    let props = SidePanelProps {
        numbers: Default::default(),
        annotations: Shared(Rc::new(anns)),
        active: Some(quote_id.clone()),
        lit: vec![],
        analysing: false,
        on_pick: Default::default(),
        on_hover: Default::default(),
    };
    let app = yew::Renderer::<SidePanel>::with_root_and_props(root.clone(), props).render();
    tick().await;
    let text = |css: &str| {
        root.query_selector(css)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(text("#total-quotes"), "1");
    assert_eq!(text("#total-speakers"), "1");
    assert_eq!(text(".speaker .who"), "Ann");
    let entry = root
        .query_selector(".entry.active")
        .unwrap()
        .expect("the active quote is marked");
    assert_eq!(entry.get_attribute("data-entry"), Some(quote_id));
    let _ = entry.dyn_into::<web_sys::HtmlElement>().unwrap();
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
fn every_format_exports_and_imports_back_in_wasm() {
    use quotelens::formats::{export, import_files, Format};
    let text = "😀 “We will win,” she said.\r\nTaxes rose 5%.";
    let doc = quotelens::Document::new(text, quotelens::analyse(text).annotations);
    assert!(!doc.annotations.is_empty());
    for format in [Format::Native, Format::W3c, Format::Brat] {
        let files = export(&doc, format);
        let named: Vec<(String, &[u8])> = files
            .iter()
            .map(|f| (format!("story{}", f.suffix), f.bytes.as_slice()))
            .collect();
        let refs: Vec<(&str, &[u8])> = named.iter().map(|(n, b)| (n.as_str(), *b)).collect();
        let back = import_files(&refs).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        let spans = |d: &quotelens::Document| {
            let mut v: Vec<_> = d
                .annotations
                .iter()
                .map(|a| (a.kind, a.start, a.end))
                .collect();
            v.sort();
            v
        };
        assert_eq!(spans(&back), spans(&doc), "{format:?}");
    }
    let bad = quotelens::formats::import("x.json", b"{\"format\": \"quotelens/9\"}").unwrap_err();
    assert_eq!(
        bad.to_string(),
        "x.json (QuoteLens JSON): format: \"quotelens/9\" is a newer version than this QuoteLens reads (\"quotelens/1\")"
    );
}

#[wasm_bindgen_test]
async fn page_furniture_folds_and_the_view_text_stays_the_documents() {
    let text =
        "Home\nWorld\n\nBridge opens\n\n\"It is done,\" the mayor said.\n\nRelated stories\nMore\n";
    let furniture_end = "Home\nWorld\n\n".chars().count();
    let related = text.find("Related").unwrap();
    let doc = Doc {
        base_furniture: vec![(0, furniture_end), (related, text.chars().count())],
        marked: true,
        ..Doc::with_text(text)
    };
    let root = mount_point();
    let props = ArticleProps {
        numbers: Default::default(),
        doc: Shared(Rc::new(doc)),
        annotations: Shared(Rc::new(Vec::new())),
        shown: Mark::ALL.to_vec(),
        lit: vec![],
        active: None,
        on_hover: Default::default(),
        on_select: Default::default(),
        on_article: Default::default(),
    };
    let app = yew::Renderer::<Article>::with_root_and_props(root.clone(), props).render();
    tick().await;
    let view = root.query_selector("#view").unwrap().expect("the view");
    assert_eq!(
        view.text_content().unwrap(),
        text,
        "buttons add no text: selection offsets stay right"
    );
    assert_eq!(
        view.query_selector_all(".furniture.folded")
            .unwrap()
            .length(),
        2
    );
    assert_eq!(
        view.query_selector_all(".para .push-out").unwrap().length(),
        2,
        "one per article line"
    );
    app.destroy();
}

/// Every message between the page and the worker (`worker::message`) is read back as
/// the kind it was posted as, on either side; anything else is no message.
#[wasm_bindgen_test]
fn worker_messages_of_both_kinds_are_told_apart_and_read_back_whole() {
    use quotelens::worker::extract::{ExtractReply, ExtractRequest};
    use quotelens::worker::message::{Kind, ToPage, ToWorker};
    use quotelens::worker::protocol::{request_head, Request};

    // To the worker: an analysis request's bytes, and a page to extract.
    let text = "\"We will,\" she said. 😀";
    let setting = Default::default();
    let head = request_head(3, &setting, None);
    let Some(ToWorker::Analyse(bytes)) = ToWorker::read(ToWorker::analysis(&head, text).into())
    else {
        panic!("an analysis request");
    };
    let request = Request::from_bytes(&bytes).expect("the request whole");
    assert_eq!((request.seq, request.text.as_str()), (3, text));
    for plain in [None, Some("Copied text")] {
        let message = ToWorker::extraction(4, "<p>Hi 😀</p>", plain);
        let Some(ToWorker::Extract(got)) = ToWorker::read(message) else {
            panic!("an extraction request");
        };
        let want = ExtractRequest {
            seq: 4,
            html: "<p>Hi 😀</p>".into(),
            plain: plain.map(String::from),
        };
        assert_eq!(got, want);
    }

    // To the page: READY, an extraction reply (a page or a reason), an analysis reply.
    assert!(matches!(ToPage::read(ToPage::ready()), Some(ToPage::Ready)));
    assert_eq!(ToPage::read(ToPage::ready()).unwrap().kind(), None);
    for page in [
        Ok(quotelens::article::Page {
            text: "Nav\nBody 😀".into(),
            furniture: vec![(0, 4)],
        }),
        Err("No text.".to_string()),
    ] {
        let reply = ExtractReply { seq: 9, page };
        let message = ToPage::extraction(reply.clone());
        let read = ToPage::read(message).expect("a message");
        assert_eq!(read.kind(), Some(Kind::Extraction));
        let ToPage::Extracted(seq, got) = read else {
            panic!("an extraction reply");
        };
        assert_eq!((seq, got), (9, Some(reply)));
    }
    let bytes = js_sys::Uint8Array::from(&b"QLr1 reply bytes"[..]);
    let read = ToPage::read(bytes.into()).expect("a message");
    assert_eq!(read.kind(), Some(Kind::Analysis));

    // Anything else is no message on either side.
    for other in [
        wasm_bindgen::JsValue::from_f64(1.0),
        wasm_bindgen::JsValue::from_str("hello"),
        js_sys::Array::of1(&"extractd".into()).into(),
    ] {
        assert!(ToPage::read(other.clone()).is_none());
        assert!(ToWorker::read(other).is_none());
    }
}
