//! The cue words: the reporting verbs and phrases the engine takes as speech cues. The
//! person adds or removes entries (the analysis re-runs at once) or goes back to the
//! built-in list. The list itself is `edit::cue_changes`; this shows it and reports changes.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::edit::cue_changes::CueChanges;

#[derive(Properties, PartialEq)]
pub struct CueEditorProps {
    pub changes: CueChanges,
    pub on_change: Callback<CueChanges>,
}

#[function_component(CueEditor)]
pub fn cue_editor(p: &CueEditorProps) -> Html {
    let typed = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let input_ref = use_node_ref();
    // A thousand words: listed only while the editor is open.
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            )
        })
    };
    let all = use_memo((p.changes.clone(), *open), |(changes, open)| {
        if *open {
            changes.list().cues()
        } else {
            Vec::new()
        }
    });
    let shown = shown_cues(&all, &typed, &p.changes);
    let on_input = {
        let typed = typed.clone();
        let problem = problem.clone();
        Callback::from(move |e: InputEvent| {
            typed.set(e.target_unchecked_into::<HtmlInputElement>().value());
            problem.set(None);
        })
    };
    let on_add = on_add(p, &typed, &problem, &input_ref);
    let on_enter = {
        let on_add = on_add.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                on_add.emit(());
            }
        })
    };
    html! {
        <details class="cue-editor" id="cue-editor" ontoggle={on_toggle}>
            <summary>{"Cue words "}<span class="muted">{format!("({})", p.changes.describe())}</span></summary>
            <p>{"The verbs and phrases that introduce speech (said, told, according to…). Add one this article uses, such as “zinged”, or remove one that misleads: the analysis follows at once. Kept in this browser."}</p>
            // No <form>: nothing here is ever submitted anywhere; Enter adds.
            <div class="cue-form" role="group" aria-label="Add a cue word">
                <label for="cue-new" class="visually-hidden">{"Add a cue word, or find one in the list"}</label>
                <input id="cue-new" ref={input_ref} placeholder="Add or find a cue word" autocomplete="off"
                    oninput={on_input} aria-describedby="cue-problem"
                    onkeydown={on_enter} />
                <button type="button" class="btn btn-small" id="cue-add" onclick={on_add.reform(|_| ())}>{"Add"}</button>
            </div>
            <p id="cue-problem" role="status">{ (*problem).clone().unwrap_or_default() }</p>
            { cue_list(p, shown) }
            <div class="cue-actions">
                <span class="muted" id="cue-changes">{format!("Using {}.", p.changes.describe())}</span>
                <button type="button" class="btn btn-small" id="cue-reset" disabled={p.changes.is_builtin()}
                    onclick={p.on_change.reform(|_| CueChanges::default())}>{"Reset to the built-in list"}</button>
            </div>
        </details>
    }
}

/// The cues listed: the person's own words first, then the rest, narrowed by what is
/// typed; each with whether the person added it.
fn shown_cues(all: &[String], typed: &str, changes: &CueChanges) -> Vec<(String, bool)> {
    let needle = typed.trim().to_lowercase();
    let mut shown: Vec<(String, bool)> = all
        .iter()
        .filter(|c| needle.is_empty() || c.contains(&needle))
        .map(|c| (c.clone(), changes.added.contains(c)))
        .collect();
    shown.sort_by_key(|(_, added)| !added);
    shown
}

/// Add what is typed: on success the field empties; otherwise the problem is shown.
fn on_add(
    p: &CueEditorProps,
    typed: &UseStateHandle<String>,
    problem: &UseStateHandle<Option<String>>,
    input_ref: &NodeRef,
) -> Callback<()> {
    let changes = p.changes.clone();
    let on = p.on_change.clone();
    let typed = typed.clone();
    let problem = problem.clone();
    let input_ref = input_ref.clone();
    Callback::from(move |()| {
        let mut next = changes.clone();
        match next.add(&typed) {
            Ok(()) => {
                on.emit(next);
                typed.set(String::new());
                problem.set(None);
                if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                    input.set_value("");
                }
            }
            Err(msg) => problem.set(Some(msg)),
        }
    })
}

/// The cues shown, each with a button that removes it from the list.
fn cue_list(p: &CueEditorProps, shown: Vec<(String, bool)>) -> Html {
    let remove = |cue: String| {
        let changes = p.changes.clone();
        let on = p.on_change.clone();
        move |_: MouseEvent| {
            let mut next = changes.clone();
            if next.remove(&cue) {
                on.emit(next);
            }
        }
    };
    html! {
        <ul class="cue-list" id="cue-list" aria-label="Cue words">
            { for shown.into_iter().map(|(cue, added)| html! {
                <li class={classes!(added.then_some("added"))}>
                    {cue.clone()}
                    <button type="button" aria-label={format!("Remove “{cue}”")} title="Remove" onclick={remove(cue.clone())}>{"×"}</button>
                </li>
            }) }
        </ul>
    }
}
