//! The app: one reducer for the document, a little view state, and the wiring between
//! components. Components only dispatch `Action`s.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::File;
use yew::prelude::*;

use super::article::Article;
use super::compare_panel::ComparePanel;
use super::confirm::Confirm;
use super::cue_editor::CueEditor;
use super::dom_offsets::selection_in;
use super::editor::Editor;
use super::files::{self, Opened};
use super::find_bar::FindBar;
use super::header::{Command, Header};
use super::hooks::{use_cue_list, use_file_drop, use_shortcuts, Shortcut};
use super::inspector::Inspector;
use super::keys_sheet::KeysSheet;
use super::notice::Notice;
use super::review_panel::ReviewPanel;
use super::samples::SAMPLES;
use super::scroll::{reveal, scroll_to};
use super::side_panel::SidePanel;
use super::store::{Shared, Store};
use super::toolbar::Toolbar;
use super::{analysis, download, extraction, rehearsal, storage};
use crate::edit::layout::Mark;
use crate::edit::summary::{index, related, speaker_numbers, speaker_of, summarize};
use crate::edit::{transfer, Action, ArticleSetting, Doc, State};
use crate::engine::Options;
use crate::model::Kind;

/// While a text is typed into, the side panel follows once it has been left alone this long.
const TYPING_SETTLES_MS: u32 = 600;

/// A text pasted into the empty editor that is at most this long (its analysis takes a
/// few tens of milliseconds) is shown once its analysis is in, or after `HOLD_MS` at the
/// latest: laid out once, with its marks, instead of as plain text first and then again
/// with the marks while the answer waits for the page.
const HOLD_MAX_BYTES: usize = 100_000;
const HOLD_MS: u32 = 80;

/// The analysis last asked for, until its answer comes: a paste asks at once, before
/// the reading view is built, and the render that follows does not ask again.
#[derive(Default)]
struct Asked {
    text: String,
    setting: ArticleSetting,
    options: Option<Rc<Option<Options>>>,
}

type AskedRef = Rc<RefCell<Option<Asked>>>;

/// Ask the engine (in its worker) to analyse `text` with `setting` and the person's cue
/// words, unless that very analysis is already on its way.
fn request_analysis(
    asked: &AskedRef,
    text: &str,
    setting: ArticleSetting,
    options: &Rc<Option<Options>>,
    done: Callback<Action>,
) {
    let same = asked.borrow().as_ref().is_some_and(|a| {
        a.options.as_ref().is_some_and(|o| Rc::ptr_eq(o, options))
            && a.setting == setting
            && a.text == text
    });
    if same {
        return;
    }
    *asked.borrow_mut() = Some(Asked {
        text: text.to_string(),
        setting: setting.clone(),
        options: Some(options.clone()),
    });
    let answered = {
        let asked = asked.clone();
        Callback::from(move |a: Action| {
            if matches!(a, Action::Analysed { .. }) {
                asked.borrow_mut().take();
            }
            done.emit(a)
        })
    };
    analysis::request(text.to_string(), setting, (**options).clone(), answered);
}

/// `request_analysis` for the document as it stands.
fn analyse_doc(asked: &AskedRef, doc: &Doc, options: &Rc<Option<Options>>, done: Callback<Action>) {
    request_analysis(asked, &doc.text, ArticleSetting::of(doc), options, done);
}

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(|| Store(State::new(storage::load().unwrap_or_default())));
    let state = &store.0;
    let dispatch: Callback<Action> = {
        let d = store.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };
    let reading = use_state(|| !state.doc.text.trim().is_empty());
    // A pasted text waiting (briefly) for its analysis before the view is built.
    let holding = use_state_eq(|| false);
    let held = *holding && !state.doc.analysed;
    let shown = use_state(|| Mark::ALL.to_vec());
    let hover = use_state(|| None::<String>);
    let confirm_new = use_state(|| false);
    // The keyboard sheet, open (with the element to give the focus back to).
    let keys_open = use_state(|| None::<Option<web_sys::HtmlElement>>);
    let dark = use_state(|| match storage::theme().as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => gloo::utils::window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    });

    let doc = Shared(state.doc.clone());
    // What is shown merges the engine's annotations with the person's. In the reading
    // view at every change; while a text is typed into, once typing pauses (only the
    // side panel shows them then), so a key in a long text costs no merge.
    let settled = use_state(|| state.rev);
    {
        let settled = settled.setter();
        let pending = use_mut_ref(|| None::<Timeout>);
        let typing = !*reading;
        use_effect_with(state.rev, move |rev| {
            let rev = *rev;
            *pending.borrow_mut() =
                typing.then(|| Timeout::new(TYPING_SETTLES_MS, move || settled.set(rev)));
        });
    }
    let shown_rev = if *reading { state.rev } else { *settled };
    let annotations = {
        let doc = state.doc.clone();
        Shared(use_memo(shown_rev, move |_| doc.annotations()))
    };

    // Each speaker's number, for the view's marks and the side panel's names.
    let numbers = {
        let annotations = annotations.clone();
        use_memo(annotations.clone(), move |_| speaker_numbers(&annotations))
    };
    // The side panel follows the view by a frame: after an analysis the marks are
    // painted first, then the panel's lists are built.
    let listed = use_state(|| annotations.clone());
    {
        let listed = listed.setter();
        use_effect_with(annotations.clone(), move |a| {
            let a = a.clone();
            after_next_paint(move || listed.set(a));
        });
    }
    let cues = use_cue_list(dispatch.reform(Action::Notify));
    let asked: AskedRef = use_mut_ref(|| None);
    // The engine runs whenever the text awaits it.
    {
        let doc = state.doc.clone();
        let dispatch = dispatch.clone();
        let options = cues.options.clone();
        let asked = asked.clone();
        use_effect_with(state.rev, move |_| {
            if !doc.analysed {
                analyse_doc(&asked, &doc, &options, dispatch);
            }
        });
    }
    // ...and again at once when the cue words change (the first render is covered above).
    {
        let doc = state.doc.clone();
        let dispatch = dispatch.clone();
        let options = cues.options.clone();
        let first = use_mut_ref(|| true);
        let asked = asked.clone();
        use_effect_with(cues.changes.clone(), move |_| {
            if !std::mem::take(&mut *first.borrow_mut()) && !doc.text.is_empty() {
                analyse_doc(&asked, &doc, &options, dispatch);
            }
        });
    }
    // Autosave.
    {
        let doc = state.doc.clone();
        let dispatch = dispatch.clone();
        use_effect_with(state.rev, move |_| {
            storage::autosave(doc, dispatch.reform(Action::Notify))
        });
    }
    // A page that opens empty rehearses showing an analysed article, out of sight, so
    // the first paste runs code the browser has compiled already.
    {
        let empty = state.doc.text.is_empty();
        use_effect_with((), move |_| {
            if empty {
                Timeout::new(0, rehearsal::run).forget();
            }
        });
    }
    // The theme lives on <html> so the whole page follows it.
    use_effect_with(*dark, |dark| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", if *dark { "dark" } else { "light" });
        }
    });

    let select_and_show = {
        let dispatch = dispatch.clone();
        Callback::from(move |id: String| {
            dispatch.emit(Action::Select(Some(id.clone())));
            // After the render that marks it active.
            Timeout::new(0, move || scroll_to(&id)).forget();
        })
    };
    let add_from_selection = {
        let dispatch = dispatch.clone();
        let text = state.doc.clone();
        Callback::from(move |kind: Kind| {
            let view = gloo::utils::document().get_element_by_id("view");
            match view.and_then(|v| selection_in(&v, &text.text)) {
                Some((start, end)) => {
                    dispatch.emit(Action::Add { kind, start, end });
                    if let Ok(Some(sel)) = gloo::utils::window().get_selection() {
                        let _ = sel.remove_all_ranges();
                    }
                }
                None => dispatch.emit(Action::Notify(
                    "Select some words in the article first, then choose Quote (Q), Claim (C) or Speaker (A).".into(),
                )),
            }
        })
    };
    let open_file = {
        let dispatch = dispatch.clone();
        let reading = reading.clone();
        Callback::from(move |chosen: Vec<File>| {
            let dispatch = dispatch.clone();
            let reading = reading.clone();
            let imported = {
                let dispatch = dispatch.clone();
                let reading = reading.clone();
                move |result: Result<Doc, String>| match result {
                    Ok(doc) => {
                        dispatch.emit(Action::Replace(doc));
                        dispatch.emit(Action::Notify(
                            "Imported: go on reviewing where it was left.".into(),
                        ));
                        reading.set(true);
                    }
                    Err(msg) => {
                        dispatch.emit(Action::Notify(format!("Nothing was imported. {msg}")))
                    }
                }
            };
            wasm_bindgen_futures::spawn_local(async move {
                // A brat .ann comes with the .txt it annotates.
                if files::is_brat(&chosen) {
                    match files::read_all(&chosen).await {
                        Ok(read) => {
                            let pairs: Vec<(&str, &[u8])> = read
                                .iter()
                                .map(|(n, b)| (n.as_str(), b.as_slice()))
                                .collect();
                            imported(transfer::import_files(&pairs));
                        }
                        Err(msg) => dispatch.emit(Action::Notify(msg)),
                    }
                    return;
                }
                let Some(file) = chosen.into_iter().next() else {
                    return;
                };
                match files::open(file).await {
                    Ok(Opened::Text(text)) if text.trim().is_empty() => {
                        dispatch.emit(Action::Notify("That file has no text in it.".into()))
                    }
                    Ok(Opened::Text(text)) => {
                        dispatch.emit(Action::Replace(Doc::with_text(text)));
                        reading.set(true);
                    }
                    Ok(Opened::Html(html)) => {
                        let reading = reading.clone();
                        let shown = Callback::from(move |_| reading.set(true));
                        extraction::read_page(html, None, dispatch.clone(), shown);
                    }
                    Ok(Opened::Json(name, json)) => {
                        imported(transfer::import(&name, json.as_bytes()))
                    }
                    Err(msg) => dispatch.emit(Action::Notify(msg)),
                }
            });
        })
    };
    // A file dropped anywhere opens as on the empty page (never in place of the app).
    use_file_drop(open_file.clone());
    let open_keys = {
        let keys_open = keys_open.clone();
        Callback::from(move |()| {
            let was = gloo::utils::document()
                .active_element()
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            keys_open.set(Some(was));
        })
    };
    let on_command = {
        let open_keys = open_keys.clone();
        let dispatch = dispatch.clone();
        let doc = state.doc.clone();
        let confirm_new = confirm_new.clone();
        let dark = dark.clone();
        let reading = reading.clone();
        Callback::from(move |cmd: Command| match cmd {
            Command::New => {
                if doc.text.trim().is_empty() && doc.user.is_empty() {
                    dispatch.emit(Action::Replace(Doc::default()));
                    reading.set(false);
                } else {
                    confirm_new.set(true);
                }
            }
            Command::Export(format) => {
                let files = transfer::export_files(&doc, format);
                let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
                // One at a time: browsers may refuse several downloads at once.
                for (i, f) in files.into_iter().enumerate() {
                    let dispatch = dispatch.clone();
                    Timeout::new(400 * i as u32, move || {
                        if let Err(msg) = download::download(&f.name, &f.bytes, f.mime) {
                            dispatch.emit(Action::Notify(msg));
                        }
                    })
                    .forget();
                }
                dispatch.emit(Action::Notify(format!("Saved {}.", names.join(" and "))));
            }
            Command::Copy => {
                let dispatch = dispatch.clone();
                download::copy(transfer::export_json(&doc), move |r| {
                    dispatch.emit(Action::Notify(match r {
                        Ok(()) => "Copied the JSON to the clipboard.".into(),
                        Err(msg) => msg,
                    }))
                });
            }
            Command::Undo => dispatch.emit(Action::Undo),
            Command::Redo => dispatch.emit(Action::Redo),
            Command::Keys => open_keys.emit(()),
            Command::ToggleTheme => {
                storage::set_theme(if *dark { "light" } else { "dark" });
                dark.set(!*dark);
            }
        })
    };
    let active = state.active();
    {
        let dispatch = dispatch.clone();
        let add = add_from_selection.clone();
        let reading = reading.clone();
        let active = active.clone();
        let open_keys = open_keys.clone();
        use_shortcuts(Callback::from(move |s: Shortcut| match s {
            Shortcut::Add(kind) if *reading => add.emit(kind),
            Shortcut::Delete => {
                if let Some(a) = &active {
                    delete_keeping_focus(&dispatch, &a.id);
                }
            }
            Shortcut::Accept => {
                if let Some(a) = &active {
                    dispatch.emit(Action::Accept { id: a.id.clone() })
                }
            }
            Shortcut::Deselect => dispatch.emit(Action::Select(None)),
            Shortcut::Undo => dispatch.emit(Action::Undo),
            Shortcut::Redo => dispatch.emit(Action::Redo),
            Shortcut::EditText => reading.set(false),
            Shortcut::Keys => open_keys.emit(()),
            // The article's own search field, when the article is shown.
            Shortcut::Find => {
                if *reading {
                    focus("#find");
                }
            }
            Shortcut::Add(_) => {}
        }));
    }

    let lit: Vec<String> = hover
        .as_deref()
        .or(state.active.as_deref())
        .map(|id| related(&annotations, id))
        .unwrap_or_default();
    let on_hover = {
        let hover = hover.clone();
        Callback::from(move |id: Option<String>| {
            if *hover != id {
                hover.set(id)
            }
        })
    };
    let inspector = active.as_ref().map(|a| {
        let by_id = index(&annotations);
        let speaker = speaker_of(a, &by_id);
        let speakers: Vec<String> = summarize(&annotations, "")
            .speakers
            .into_iter()
            .map(|g| g.name)
            .collect();
        // A deletion from the inspector leaves the focus on the next highlight.
        let on_action = {
            let dispatch = dispatch.clone();
            Callback::from(move |action: Action| match action {
                Action::Delete { id } => delete_keeping_focus(&dispatch, &id),
                other => dispatch.emit(other),
            })
        };
        html! { <Inspector annotation={a.clone()} {speaker} {speakers} {on_action} /> }
    });
    let has_text = !state.doc.text.trim().is_empty();
    // The editor loads the text when it opens and when the text changes from outside
    // (`text_rev`): one copy then, not one at every render while a long text is typed into.
    let editor_text = {
        let doc = state.doc.clone();
        use_memo((state.text_rev, *reading), move |_| {
            AttrValue::from(doc.text.clone())
        })
    };
    let main = if *reading && has_text && held {
        html! { <section class="reader" aria-label="Reading view" aria-busy="true" /> }
    } else if *reading && has_text {
        let on_toggle = {
            let shown = shown.clone();
            Callback::from(move |m: Mark| {
                let mut v = (*shown).clone();
                if let Some(i) = v.iter().position(|x| *x == m) {
                    v.remove(i);
                } else {
                    v.push(m);
                }
                shown.set(v);
            })
        };
        html! {
            <section class="reader" aria-label="Reading view">
                <Toolbar shown={(*shown).clone()} {on_toggle} on_add={add_from_selection.clone()}
                    on_edit={let r = reading.clone(); move |_| r.set(false)} />
                <FindBar doc={doc.clone()} />
                <Article doc={doc.clone()} annotations={annotations.clone()} shown={(*shown).clone()} lit={lit.clone()}
                    active={state.active.clone()} on_hover={on_hover.clone()} numbers={numbers.clone()}
                    on_select={let d = dispatch.clone(); move |id: String| {
                        d.emit(Action::Select(Some(id.clone())));
                        // Above the inspector's sheet on a phone (see the stylesheet).
                        Timeout::new(0, move || reveal(&id)).forget();
                    }}
                    on_article={let d = dispatch.clone(); move |(start, end, article)| d.emit(Action::SetArticle { start, end, article })} />
            </section>
        }
    } else {
        let on_paste_article = {
            let dispatch = dispatch.clone();
            let reading = reading.clone();
            let holding = holding.clone();
            let (asked, options) = (asked.clone(), cues.options.clone());
            let empty = state.doc.text.is_empty()
                && state.doc.article_choices.is_empty()
                && !state.doc.marked;
            Callback::from(move |text: String| {
                // The worker starts on it before the reading view is built (the new text
                // of an empty document has no furniture or choices yet).
                if empty {
                    request_analysis(
                        &asked,
                        &text,
                        ArticleSetting::default(),
                        &options,
                        dispatch.clone(),
                    );
                }
                // Only when the worker is up: one still starting answers too late.
                if empty && text.len() <= HOLD_MAX_BYTES && analysis::is_ready() {
                    holding.set(true);
                    let holding = holding.setter();
                    Timeout::new(HOLD_MS, move || holding.set(false)).forget();
                }
                dispatch.emit(Action::TypeText(text));
                reading.set(true);
            })
        };
        let on_paste_page = {
            let dispatch = dispatch.clone();
            let reading = reading.clone();
            Callback::from(move |(html, plain): (String, String)| {
                let reading = reading.clone();
                let shown = Callback::from(move |_| reading.set(true));
                extraction::read_page(html, Some(plain), dispatch.clone(), shown);
            })
        };
        let on_sample = {
            let dispatch = dispatch.clone();
            let reading = reading.clone();
            Callback::from(move |i: usize| {
                dispatch.emit(Action::Replace(Doc::with_text(SAMPLES[i].text)));
                reading.set(true);
                // The sample's link is gone: the focus goes on to the article.
                focus_when_there("#view");
            })
        };
        html! {
            <Editor text={(*editor_text).clone()} text_rev={state.text_rev} {has_text}
                on_type={let d = dispatch.clone(); move |t| d.emit(Action::TypeText(t))}
                {on_paste_article} {on_paste_page} on_file={open_file.clone()} {on_sample}
                on_done={let r = reading.clone(); move |_| r.set(true)} />
        }
    };
    let dialog = confirm_new.then(|| {
        let on_confirm = {
            let dispatch = dispatch.clone();
            let confirm_new = confirm_new.clone();
            let reading = reading.clone();
            Callback::from(move |_| {
                dispatch.emit(Action::Replace(Doc::default()));
                confirm_new.set(false);
                reading.set(false);
                focus_when_there("#editor");
            })
        };
        html! {
            <Confirm title="Start a new document?"
                message="This discards the current article and your corrections. Download the JSON first if you want to keep them. (Undo brings them back.)"
                confirm_label="Discard and start over" {on_confirm}
                on_cancel={let c = confirm_new.clone(); move |_| {
                    c.set(false);
                    // Back to the button that opened the dialog.
                    focus_when_there("#new-doc");
                }} />
        }
    });
    html! {
        <div class="app">
            <a class="skip-link" href="#view" onclick={skip_to("#view, #editor")}>{"Skip to the article"}</a>
            if has_text {
                <a class="skip-link" href="#side-panel" onclick={skip_to("#side-panel")}>{"Skip to the side panel"}</a>
            }
            <Header {has_text} can_undo={state.history.can_undo()} can_redo={state.history.can_redo()} dark={*dark}
                {on_command} on_file={open_file} />
            <Notice message={state.notice.clone()} on_dismiss={let d = dispatch.clone(); move |_| d.emit(Action::DismissNotice)} />
            <main class={classes!("workspace", (*reading && has_text).then_some("reading"))}>
                { main }
                if has_text {
                    <aside class="panel" id="side-panel" tabindex="-1" aria-label="Who said what">
                        <ComparePanel enabled={*reading} comparing={state.compare.clone()} on_action={dispatch.clone()} />
                        // On a phone the review controls and the inspector open as a sheet
                        // at the bottom of the screen, where the person is looking.
                        <div class="sheet">
                            <ReviewPanel enabled={*reading} review={state.review.clone()} doc={doc.clone()}
                                annotations={annotations.clone()} on_action={dispatch.clone()} />
                            { for inspector }
                        </div>
                        <CueEditor changes={cues.changes.clone()} on_change={cues.set.clone()} />
                        <SidePanel annotations={(*listed).clone()} active={state.active.clone()} lit={lit.clone()}
                            analysing={!state.doc.analysed || *listed != annotations} on_pick={select_and_show} on_hover={on_hover} numbers={numbers.clone()} />
                    </aside>
                }
            </main>
            { for dialog }
            if let Some(was) = (*keys_open).clone() {
                <KeysSheet on_close={let k = keys_open.clone(); move |()| {
                    k.set(None);
                    if let Some(el) = &was {
                        let _ = el.focus();
                    }
                }} />
            }
        </div>
    }
}

/// Run `f` once the next frame has been painted (or after 200 ms, when no frame comes: a
/// hidden page).
fn after_next_paint(f: impl FnOnce() + 'static) {
    let f = Rc::new(RefCell::new(Some(f)));
    let run = {
        let f = f.clone();
        move || {
            if let Some(f) = f.borrow_mut().take() {
                f()
            }
        }
    };
    let later = run.clone();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        Timeout::new(0, later).forget();
    });
    let _ =
        gloo::utils::window().request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&frame));
    Timeout::new(200, run).forget();
}

/// Delete (or reject) annotation `id` and keep the focus where the person was: on the
/// next highlight in the article (the previous one after the last), else the article.
fn delete_keeping_focus(dispatch: &Callback<Action>, id: &str) {
    let next = neighbour_mark(id);
    dispatch.emit(Action::Delete { id: id.to_string() });
    let css = next.map(|n| {
        format!(
            "#view .mk.first[data-id=\"{}\"][tabindex]",
            n.replace('"', "")
        )
    });
    let refocus = move || {
        if !css.as_deref().is_some_and(focus) {
            focus("#view");
        }
    };
    // Once the view is drawn without the deleted highlight; and again a little later if
    // the focus was lost meanwhile (a later render may redraw the chunk it was in).
    let again = refocus.clone();
    after_next_paint(refocus);
    Timeout::new(250, move || {
        let lost = gloo::utils::document()
            .active_element()
            .is_none_or(|el| el.tag_name() == "BODY");
        if lost {
            again();
        }
    })
    .forget();
}

/// The id of the focusable highlight after `id`'s in the view (else before it).
fn neighbour_mark(id: &str) -> Option<String> {
    let list = gloo::utils::document()
        .query_selector_all("#view .mk[tabindex]")
        .ok()?;
    let ids: Vec<String> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        .filter_map(|el| el.get_attribute("data-id"))
        .collect();
    let at = ids.iter().position(|x| x == id)?;
    ids[at + 1..]
        .iter()
        .find(|x| *x != id)
        .or_else(|| ids[..at].iter().rev().find(|x| *x != id))
        .cloned()
}

/// Focus the first element matching `css`; whether there was one.
fn focus(css: &str) -> bool {
    let el = gloo::utils::document().query_selector(css).ok().flatten();
    match el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Focus `css` once it is rendered (tried for about a second).
fn focus_when_there(css: &'static str) {
    fn attempt(css: &'static str, left: u32) {
        Timeout::new(30, move || {
            if !focus(css) && left > 0 {
                attempt(css, left - 1);
            }
        })
        .forget();
    }
    attempt(css, 30);
}

/// A skip link's click: focus the first of `css` that is there.
fn skip_to(css: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        // Focusing scrolls the target into view.
        let _ = css.split(", ").any(focus);
    })
}

/// Keep `Rc` in scope for readers: the doc and annotations are shared, never copied.
#[allow(dead_code)]
type SharedDoc = Rc<Doc>;
