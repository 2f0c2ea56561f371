//! The app: one reducer for the document, a little view state, and the wiring between
//! components. Components only dispatch `Action`s; this file wires them together, and
//! each part of the page is built by a function of its own below.

use gloo::timers::callback::Timeout;
use web_sys::File;
use yew::prelude::*;

use super::article_view::Article;
use super::compare_panel::ComparePanel;
use super::confirm::Confirm;
use super::cue_editor::CueEditor;
use super::dom_offsets::selection_in;
use super::editor::Editor;
use super::find_bar::FindBar;
use super::focus::{delete_keeping_focus, focus, focus_when_there, skip_to};
use super::header::{Command, Header};
use super::hooks::{
    use_analysis, use_cue_list, use_file_drop, use_shortcuts, use_shown_annotations, use_theme,
    AnalysisAsker, CueSettings, Shortcut, ShownAnnotations,
};
use super::inspector::Inspector;
use super::keys_sheet::KeysSheet;
use super::notice::Notice;
use super::open_file::open_files;
use super::review_panel::ReviewPanel;
use super::samples::SAMPLES;
use super::scroll::{reveal, scroll_to};
use super::side_panel::SidePanel;
use super::store::{Shared, Store};
use super::toolbar::Toolbar;
use super::{analysis, commands, extraction, rehearsal, storage};
use crate::edit::layout::Mark;
use crate::edit::summary::{index, related, speaker_of, summarize};
use crate::edit::{Action, ArticleSetting, Doc, State};
use crate::model::Kind;

/// A text pasted into the empty editor that is at most this long (its analysis takes a
/// few tens of milliseconds) is shown once its analysis is in, or after `HOLD_MS` at the
/// latest: laid out once, with its marks, instead of as plain text first and then again
/// with the marks while the answer waits for the page.
const HOLD_MAX_BYTES: usize = 100_000;
const HOLD_MS: u32 = 80;

/// The keyboard sheet, open, with the element to give the focus back to.
type KeysOpen = Option<Option<web_sys::HtmlElement>>;

/// What the parts of the page are built from, for one render.
struct Wiring<'s> {
    state: &'s State,
    doc: Shared<Doc>,
    dispatch: Callback<Action>,
    /// The reading view is shown (else the text editor).
    reading: UseStateHandle<bool>,
    shown: ShownAnnotations,
    /// The annotations related to the one hovered (else the active one).
    lit: Vec<String>,
    on_hover: Callback<Option<String>>,
    add_from_selection: Callback<Kind>,
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
    let marks_shown = use_state(|| Mark::ALL.to_vec());
    let hover = use_state(|| None::<String>);
    let confirm_new = use_state(|| false);
    let keys_open = use_state(|| None::<Option<web_sys::HtmlElement>>);
    let (dark, toggle_theme) = use_theme();
    let shown = use_shown_annotations(&state.doc, state.rev, *reading);
    let cues = use_cue_list(dispatch.reform(Action::Notify));
    let asker = use_analysis(&state.doc, state.rev, &cues, dispatch.clone());
    use_autosave_and_rehearsal(state, &dispatch);
    let wiring = Wiring {
        state,
        doc: Shared(state.doc.clone()),
        dispatch: dispatch.clone(),
        reading: reading.clone(),
        lit: lit(&hover, state, &shown),
        on_hover: on_hover(&hover),
        add_from_selection: add_from_selection(state, &dispatch),
        shown,
    };
    let open_file = open_file(&dispatch, &reading);
    // A file dropped anywhere opens as on the empty page (never in place of the app).
    use_file_drop(open_file.clone());
    let open_keys = open_keys(&keys_open);
    let on_command = on_command(&wiring, &confirm_new, &open_keys, toggle_theme);
    use_shortcuts(on_shortcut(&wiring, &open_keys));
    // The editor loads the text when it opens and when the text changes from outside
    // (`text_rev`): one copy then, not one at every render while a long text is typed into.
    let editor_text = {
        let doc = state.doc.clone();
        use_memo((state.text_rev, *reading), move |_| {
            AttrValue::from(doc.text.clone())
        })
    };
    let has_text = !state.doc.text.trim().is_empty();
    let main = main_view(
        &wiring,
        &marks_shown,
        &editor_text,
        &holding,
        &asker,
        &open_file,
    );
    html! {
        <div class="app">
            <a class="skip-link" href="#view" onclick={skip_to("#view, #editor")}>{"Skip to the article"}</a>
            if has_text {
                <a class="skip-link" href="#side-panel" onclick={skip_to("#side-panel")}>{"Skip to the side panel"}</a>
            }
            <Header {has_text} can_undo={state.history.can_undo()} can_redo={state.history.can_redo()} {dark}
                {on_command} on_file={open_file} />
            <Notice message={state.notice.clone()} on_dismiss={let d = dispatch.clone(); move |_| d.emit(Action::DismissNotice)} />
            <main class={classes!("workspace", (*reading && has_text).then_some("reading"))}>
                { main }
                if has_text {
                    { side_panel(&wiring, &cues) }
                }
            </main>
            if *confirm_new {
                { new_doc_dialog(&wiring, &confirm_new) }
            }
            if let Some(was) = (*keys_open).clone() {
                { keys_sheet(was, &keys_open) }
            }
        </div>
    }
}

/// Open files as the document, shown for reading once they are in.
fn open_file(dispatch: &Callback<Action>, reading: &UseStateHandle<bool>) -> Callback<Vec<File>> {
    let (dispatch, reading) = (dispatch.clone(), reading.clone());
    Callback::from(move |chosen: Vec<File>| {
        let reading = reading.clone();
        let shown = Callback::from(move |_| reading.set(true));
        open_files(chosen, dispatch.clone(), shown)
    })
}

/// The reading view, the text editor, or (while a pasted text waits briefly for its
/// analysis, `holding`) an empty, busy reading view.
fn main_view(
    w: &Wiring,
    marks_shown: &UseStateHandle<Vec<Mark>>,
    editor_text: &AttrValue,
    holding: &UseStateHandle<bool>,
    asker: &AnalysisAsker,
    open_file: &Callback<Vec<File>>,
) -> Html {
    let reading = *w.reading && !w.state.doc.text.trim().is_empty();
    if reading && **holding && !w.state.doc.analysed {
        html! { <section class="reader" aria-label="Reading view" aria-busy="true" /> }
    } else if reading {
        reader_view(w, marks_shown)
    } else {
        editor_view(w, editor_text, holding, asker, open_file)
    }
}

/// Autosave at every change; and a page that opens empty rehearses showing an analysed
/// article, out of sight, so the first paste runs code the browser has compiled already.
#[hook]
fn use_autosave_and_rehearsal(state: &State, dispatch: &Callback<Action>) {
    {
        let doc = state.doc.clone();
        let dispatch = dispatch.clone();
        use_effect_with(state.rev, move |_| {
            storage::autosave(doc, dispatch.reform(Action::Notify))
        });
    }
    let empty = state.doc.text.is_empty();
    use_effect_with((), move |_| {
        if empty {
            Timeout::new(0, rehearsal::run).forget();
        }
    });
}

/// The ids lit: those related to the hovered annotation, else to the active one.
fn lit(
    hover: &UseStateHandle<Option<String>>,
    state: &State,
    shown: &ShownAnnotations,
) -> Vec<String> {
    hover
        .as_deref()
        .or(state.active.as_deref())
        .map(|id| related(&shown.annotations, id))
        .unwrap_or_default()
}

fn on_hover(hover: &UseStateHandle<Option<String>>) -> Callback<Option<String>> {
    let hover = hover.clone();
    Callback::from(move |id: Option<String>| {
        if *hover != id {
            hover.set(id)
        }
    })
}

/// A new annotation of a kind over the words selected in the article.
fn add_from_selection(state: &State, dispatch: &Callback<Action>) -> Callback<Kind> {
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
}

/// Open the keyboard sheet, remembering where the focus was.
fn open_keys(keys_open: &UseStateHandle<KeysOpen>) -> Callback<()> {
    let keys_open = keys_open.clone();
    Callback::from(move |()| {
        let was = gloo::utils::document()
            .active_element()
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
        keys_open.set(Some(was));
    })
}

/// The header's commands.
fn on_command(
    w: &Wiring,
    confirm_new: &UseStateHandle<bool>,
    open_keys: &Callback<()>,
    toggle_theme: Callback<()>,
) -> Callback<Command> {
    let open_keys = open_keys.clone();
    let dispatch = w.dispatch.clone();
    let doc = w.state.doc.clone();
    let confirm_new = confirm_new.clone();
    let reading = w.reading.clone();
    Callback::from(move |cmd: Command| match cmd {
        Command::New => {
            if doc.text.trim().is_empty() && doc.user.is_empty() {
                dispatch.emit(Action::Replace(Doc::default()));
                reading.set(false);
            } else {
                confirm_new.set(true);
            }
        }
        Command::Export(format) => commands::save_export(&doc, format, &dispatch),
        Command::Copy => commands::copy_json(&doc, &dispatch),
        Command::Undo => dispatch.emit(Action::Undo),
        Command::Redo => dispatch.emit(Action::Redo),
        Command::Keys => open_keys.emit(()),
        Command::ToggleTheme => toggle_theme.emit(()),
    })
}

/// The page's keyboard shortcuts.
fn on_shortcut(w: &Wiring, open_keys: &Callback<()>) -> Callback<Shortcut> {
    let dispatch = w.dispatch.clone();
    let add = w.add_from_selection.clone();
    let reading = w.reading.clone();
    let active = w.state.active();
    let open_keys = open_keys.clone();
    Callback::from(move |s: Shortcut| match s {
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
    })
}

/// The reading view: the toolbar, the find bar and the article with its marks.
fn reader_view(w: &Wiring, marks_shown: &UseStateHandle<Vec<Mark>>) -> Html {
    let on_toggle = {
        let marks_shown = marks_shown.clone();
        Callback::from(move |m: Mark| {
            let mut v = (*marks_shown).clone();
            if let Some(i) = v.iter().position(|x| *x == m) {
                v.remove(i);
            } else {
                v.push(m);
            }
            marks_shown.set(v);
        })
    };
    let d = &w.dispatch;
    html! {
        <section class="reader" aria-label="Reading view">
            <Toolbar shown={(**marks_shown).clone()} {on_toggle} on_add={w.add_from_selection.clone()}
                on_edit={let r = w.reading.clone(); move |_| r.set(false)} />
            <FindBar doc={w.doc.clone()} />
            <Article doc={w.doc.clone()} annotations={w.shown.annotations.clone()} shown={(**marks_shown).clone()} lit={w.lit.clone()}
                active={w.state.active.clone()} on_hover={w.on_hover.clone()} numbers={w.shown.numbers.clone()}
                on_select={let d = d.clone(); move |id: String| {
                    d.emit(Action::Select(Some(id.clone())));
                    // Above the inspector's sheet on a phone (see the stylesheet).
                    Timeout::new(0, move || reveal(&id)).forget();
                }}
                on_article={let d = d.clone(); move |(start, end, article)| d.emit(Action::SetArticle { start, end, article })} />
        </section>
    }
}

/// The text editor, where a text is typed, pasted, opened or picked from the samples.
fn editor_view(
    w: &Wiring,
    editor_text: &AttrValue,
    holding: &UseStateHandle<bool>,
    asker: &AnalysisAsker,
    open_file: &Callback<Vec<File>>,
) -> Html {
    let dispatch = &w.dispatch;
    let on_paste_article = on_paste_article(w, holding, asker);
    let on_paste_page = {
        let dispatch = dispatch.clone();
        let reading = w.reading.clone();
        Callback::from(move |(html, plain): (String, String)| {
            let reading = reading.clone();
            let shown = Callback::from(move |_| reading.set(true));
            extraction::read_page(html, Some(plain), dispatch.clone(), shown);
        })
    };
    let on_sample = {
        let dispatch = dispatch.clone();
        let reading = w.reading.clone();
        Callback::from(move |i: usize| {
            dispatch.emit(Action::Replace(Doc::with_text(SAMPLES[i].text)));
            reading.set(true);
            // The sample's link is gone: the focus goes on to the article.
            focus_when_there("#view");
        })
    };
    let has_text = !w.state.doc.text.trim().is_empty();
    html! {
        <Editor text={editor_text.clone()} text_rev={w.state.text_rev} {has_text}
            on_type={let d = dispatch.clone(); move |t| d.emit(Action::TypeText(t))}
            {on_paste_article} {on_paste_page} on_file={open_file.clone()} {on_sample}
            on_done={let r = w.reading.clone(); move |_| r.set(true)} />
    }
}

/// A whole article pasted into the editor: shown for reading, and, into an empty
/// document, analysed at once (held back briefly when short, to be laid out once).
fn on_paste_article(
    w: &Wiring,
    holding: &UseStateHandle<bool>,
    asker: &AnalysisAsker,
) -> Callback<String> {
    let dispatch = w.dispatch.clone();
    let reading = w.reading.clone();
    let holding = holding.clone();
    let asker = asker.clone();
    let doc = &w.state.doc;
    let empty = doc.text.is_empty() && doc.article_choices.is_empty() && !doc.marked;
    Callback::from(move |text: String| {
        // The worker starts on it before the reading view is built (the new text
        // of an empty document has no furniture or choices yet).
        if empty {
            asker.ask(&text, ArticleSetting::default());
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
}

/// The side panel: compare mode, the review queue and inspector, the cue words, and
/// who said what.
fn side_panel(w: &Wiring, cues: &CueSettings) -> Html {
    let state = w.state;
    let annotations = &w.shown.annotations;
    let inspector = state.active().map(|a| inspector(w, &a));
    let select_and_show = {
        let dispatch = w.dispatch.clone();
        Callback::from(move |id: String| {
            dispatch.emit(Action::Select(Some(id.clone())));
            // After the render that marks it active.
            Timeout::new(0, move || scroll_to(&id)).forget();
        })
    };
    let reading = *w.reading;
    let analysing = !state.doc.analysed || w.shown.listed != *annotations;
    html! {
        <aside class="panel" id="side-panel" tabindex="-1" aria-label="Who said what">
            <ComparePanel enabled={reading} comparing={state.compare.clone()} on_action={w.dispatch.clone()} />
            // On a phone the review controls and the inspector open as a sheet
            // at the bottom of the screen, where the person is looking.
            <div class="sheet">
                <ReviewPanel enabled={reading} review={state.review.clone()} doc={w.doc.clone()}
                    annotations={annotations.clone()} on_action={w.dispatch.clone()} />
                { for inspector }
            </div>
            <CueEditor changes={cues.changes.clone()} on_change={cues.set.clone()} />
            <SidePanel annotations={w.shown.listed.clone()} active={state.active.clone()} lit={w.lit.clone()}
                {analysing} on_pick={select_and_show} on_hover={w.on_hover.clone()} numbers={w.shown.numbers.clone()} />
        </aside>
    }
}

/// The inspector of the active annotation `a`.
fn inspector(w: &Wiring, a: &crate::model::Annotation) -> Html {
    let annotations = &w.shown.annotations;
    let by_id = index(annotations);
    let speaker = speaker_of(a, &by_id);
    let speakers: Vec<String> = summarize(annotations, "")
        .speakers
        .into_iter()
        .map(|g| g.name)
        .collect();
    // A deletion from the inspector leaves the focus on the next highlight.
    let on_action = {
        let dispatch = w.dispatch.clone();
        Callback::from(move |action: Action| match action {
            Action::Delete { id } => delete_keeping_focus(&dispatch, &id),
            other => dispatch.emit(other),
        })
    };
    html! { <Inspector annotation={a.clone()} {speaker} {speakers} {on_action} /> }
}

/// "Start a new document?", when the current one has work in it.
fn new_doc_dialog(w: &Wiring, confirm_new: &UseStateHandle<bool>) -> Html {
    let on_confirm = {
        let dispatch = w.dispatch.clone();
        let confirm_new = confirm_new.clone();
        let reading = w.reading.clone();
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
}

/// The keyboard sheet; closing it gives the focus back to `was`.
fn keys_sheet(was: Option<web_sys::HtmlElement>, keys_open: &UseStateHandle<KeysOpen>) -> Html {
    let k = keys_open.clone();
    html! {
        <KeysSheet on_close={move |()| {
            k.set(None);
            if let Some(el) = &was {
                let _ = el.focus();
            }
        }} />
    }
}
