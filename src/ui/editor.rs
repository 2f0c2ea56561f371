//! The input view: paste or type an article, drop or pick a file, or open a sample.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DragEvent, File, HtmlTextAreaElement};
use yew::prelude::*;

use super::samples::SAMPLES;

/// Typing settles for this long before the text is analysed.
const DEBOUNCE_MS: u32 = 150;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The document's text, loaded into the editor whenever `text_rev` changes.
    pub text: AttrValue,
    pub text_rev: u64,
    /// The document has text (typed or loaded): the editor offers to show it.
    pub has_text: bool,
    /// Typing (debounced).
    pub on_type: Callback<String>,
    /// A paste into an empty editor: a whole article arrived, show it for reading.
    pub on_paste_article: Callback<String>,
    /// The same with the clipboard's HTML beside its text (a copied web page):
    /// `(html, plain)`.
    pub on_paste_page: Callback<(String, String)>,
    /// Files dropped on it (one, or a brat `.txt` with its `.ann`).
    pub on_file: Callback<Vec<File>>,
    pub on_sample: Callback<usize>,
    /// Back to the reading view (shown when there is text).
    pub on_done: Callback<()>,
}

#[function_component(Editor)]
pub fn editor(p: &EditorProps) -> Html {
    let area = use_node_ref();
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // Set by a paste into an empty editor that the browser inserts itself: the input
    // event after it then shows the article for reading instead of waiting for typing.
    let pasting_article = use_mut_ref(|| false);
    let dragging = use_state(|| false);
    use_text_loaded(area.clone(), p.text.clone(), p.text_rev);
    let on_paste = on_paste(p, pasting_article.clone());
    let on_input = on_input(p, pending, pasting_article);
    let drop_zone = DropZone::new(&p.on_file, &dragging);
    html! {
        <section class={classes!("input", dragging.then_some("dragging"))} aria-label="Article input"
            ondrop={drop_zone.on_drop} ondragover={drop_zone.on_drag_over} ondragleave={drop_zone.on_drag_leave}>
            <div class="input-head">
                <p class="hint">{"Paste a news article below (or drop a .txt, .md or .html file, or a brat .txt with its .ann) to see its quotes, speakers and claims. Nothing leaves your browser."}</p>
                if p.has_text {
                    <button type="button" class="btn btn-primary" id="done-editing" onclick={p.on_done.reform(|_| ())}>{"Show highlights"}</button>
                }
            </div>
            <textarea id="editor" ref={area} aria-label="Article text" spellcheck="false"
                placeholder="Paste an article here…" onpaste={on_paste} oninput={on_input} />
            <div class="input-foot">
                <span class="drop-note">{"or drop a file here"}</span>
                { samples(&p.on_sample) }
            </div>
        </section>
    }
}

/// Load the text when it changes from outside (undo, sample, file, import).
#[hook]
fn use_text_loaded(area: NodeRef, text: AttrValue, text_rev: u64) {
    use_effect_with(text_rev, move |_| {
        if let Some(el) = area.cast::<HtmlTextAreaElement>() {
            if el.value() != *text {
                el.set_value(&text);
            }
        }
    });
}

/// A paste: into the empty editor, a copied web page goes to `on_paste_page` and a
/// plain article to `on_paste_article` at once; otherwise the browser inserts it and
/// `pasting_article` says whether the editor was empty before.
fn on_paste(p: &EditorProps, pasting_article: Rc<RefCell<bool>>) -> Callback<Event> {
    let on_paste_page = p.on_paste_page.clone();
    let on_paste_article = p.on_paste_article.clone();
    Callback::from(move |e: Event| {
        let el: HtmlTextAreaElement = e.target_unchecked_into();
        let empty = el.value().trim().is_empty();
        // A copied web page into the empty editor: its HTML shows where the article is.
        let data = e
            .dyn_ref::<ClipboardEvent>()
            .and_then(|c| c.clipboard_data());
        if let Some(data) = data.filter(|_| empty) {
            let html = data.get_data("text/html").unwrap_or_default();
            if !html.trim().is_empty() {
                e.prevent_default();
                let plain = data.get_data("text/plain").unwrap_or_default();
                on_paste_page.emit((html, plain));
                return;
            }
            // A whole article into a truly empty editor: straight to the reading
            // view. Letting the browser insert it first costs seconds for a long text.
            let plain = data.get_data("text/plain").unwrap_or_default();
            if el.value().is_empty() && !plain.trim().is_empty() {
                e.prevent_default();
                on_paste_article.emit(plain);
                return;
            }
        }
        *pasting_article.borrow_mut() = empty;
    })
}

/// Typing is analysed once it settles for `DEBOUNCE_MS`; the input that follows a paste
/// into an empty editor shows the article for reading at once.
fn on_input(
    p: &EditorProps,
    pending: Rc<RefCell<Option<Timeout>>>,
    pasting_article: Rc<RefCell<bool>>,
) -> Callback<InputEvent> {
    let on_type = p.on_type.clone();
    let on_paste_article = p.on_paste_article.clone();
    Callback::from(move |e: InputEvent| {
        let el: HtmlTextAreaElement = e.target_unchecked_into();
        pending.borrow_mut().take();
        if std::mem::take(&mut *pasting_article.borrow_mut()) && !el.value().trim().is_empty() {
            on_paste_article.emit(el.value());
            return;
        }
        let on_type = on_type.clone();
        *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || on_type.emit(el.value())));
    })
}

/// The editor as a drop target for files, lit while something is dragged over it.
struct DropZone {
    on_drop: Callback<DragEvent>,
    on_drag_over: Callback<DragEvent>,
    on_drag_leave: Callback<DragEvent>,
}

impl DropZone {
    fn new(on_file: &Callback<Vec<File>>, dragging: &UseStateHandle<bool>) -> DropZone {
        let on_drop = {
            let on_file = on_file.clone();
            let dragging = dragging.clone();
            Callback::from(move |e: DragEvent| {
                e.prevent_default();
                dragging.set(false);
                let files = super::hooks::dropped_files(&e);
                if !files.is_empty() {
                    on_file.emit(files);
                }
            })
        };
        let on_drag_over = {
            let dragging = dragging.clone();
            Callback::from(move |e: DragEvent| {
                e.prevent_default();
                if !*dragging {
                    dragging.set(true);
                }
            })
        };
        let on_drag_leave = {
            let dragging = dragging.clone();
            Callback::from(move |_: DragEvent| dragging.set(false))
        };
        DropZone {
            on_drop,
            on_drag_over,
            on_drag_leave,
        }
    }
}

/// The built-in samples, one link each.
fn samples(on_sample: &Callback<usize>) -> Html {
    html! {
        <span class="samples">
            {"Try a sample: "}
            { for SAMPLES.iter().enumerate().map(|(i, s)| {
                let on = on_sample.clone();
                html! { <button type="button" class="link sample" onclick={move |_| on.emit(i)}>{s.title}</button> }
            }) }
        </span>
    }
}
