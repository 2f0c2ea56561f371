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
    let pasting_article = use_mut_ref(|| false);
    let dragging = use_state(|| false);

    // Load the text when it changes from outside (undo, sample, file, import).
    {
        let area = area.clone();
        let text = p.text.clone();
        use_effect_with(p.text_rev, move |_| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                if el.value() != *text {
                    el.set_value(&text);
                }
            }
        });
    }
    let on_paste = {
        let flag = pasting_article.clone();
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
            *flag.borrow_mut() = empty;
        })
    };
    let on_input = {
        let pending = pending.clone();
        let flag = pasting_article.clone();
        let on_type = p.on_type.clone();
        let on_paste_article = p.on_paste_article.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            pending.borrow_mut().take();
            if std::mem::take(&mut *flag.borrow_mut()) && !el.value().trim().is_empty() {
                on_paste_article.emit(el.value());
                return;
            }
            let on_type = on_type.clone();
            *pending.borrow_mut() =
                Some(Timeout::new(DEBOUNCE_MS, move || on_type.emit(el.value())));
        })
    };
    let on_drop = {
        let on_file = p.on_file.clone();
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
    let has_text = p.has_text;
    html! {
        <section class={classes!("input", dragging.then_some("dragging"))} aria-label="Article input"
            ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
            <div class="input-head">
                <p class="hint">{"Paste a news article below (or drop a .txt, .md or .html file, or a brat .txt with its .ann) to see its quotes, speakers and claims. Nothing leaves your browser."}</p>
                if has_text {
                    <button type="button" class="btn btn-primary" id="done-editing" onclick={let d = p.on_done.clone(); move |_| d.emit(())}>{"Show highlights"}</button>
                }
            </div>
            <textarea id="editor" ref={area} aria-label="Article text" spellcheck="false"
                placeholder="Paste an article here…" onpaste={on_paste} oninput={on_input} />
            <div class="input-foot">
                <span class="drop-note">{"or drop a file here"}</span>
                <span class="samples">
                    {"Try a sample: "}
                    { for SAMPLES.iter().enumerate().map(|(i, s)| {
                        let on = p.on_sample.clone();
                        html! { <button type="button" class="link sample" onclick={move |_| on.emit(i)}>{s.title}</button> }
                    }) }
                </span>
            </div>
        </section>
    }
}
