//! The selected annotation: what it is, and the corrections a person can make to it.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::side_panel::excerpt;
use super::why_found::WhyFound;
use crate::edit::{Action, SpeakerChoice};
use crate::model::{Annotation, Kind, Origin};

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub annotation: Annotation,
    /// Its speaker's name, if it has one.
    pub speaker: Option<String>,
    /// Every speaker in the document.
    pub speakers: Vec<String>,
    pub on_action: Callback<Action>,
}

const NEW: &str = "\u{1}new";

#[function_component(Inspector)]
pub fn inspector(p: &InspectorProps) -> Html {
    let a = &p.annotation;
    let naming = use_state(|| false);
    let name_ref = use_node_ref();
    let name_now = if a.kind == Kind::Attribution {
        p.speaker.clone().unwrap_or_default()
    } else {
        String::new()
    };
    use_name_field_filled(name_ref.clone(), a.id.clone(), name_now, *naming);
    let auto = a.origin == Origin::Auto;
    html! {
        <section class="inspector" id="inspector" aria-label="Selected annotation">
            { head(a, &p.on_action) }
            <blockquote class="insp-text">{excerpt(&a.text, 220)}</blockquote>
            <WhyFound annotation={a.clone()} />
            if a.kind == Kind::Claim {
                { check_worthiness(a) }
            }
            { speaker_rows(p, &naming, &name_ref) }
            { kind_buttons(a, &p.on_action) }
            <div class="insp-actions">
                if auto {
                    <button type="button" class="btn btn-good" id="accept" title="Keep it as yours (Y)" onclick={act(p, |id| Action::Accept { id })}>{"Accept"}</button>
                }
                <button type="button" class="btn btn-danger" id="delete" title="Delete (Del)" onclick={act(p, |id| Action::Delete { id })}>
                    { if auto { "Reject" } else { "Delete" } }
                </button>
            </div>
        </section>
    }
}

/// The name field is left to the person while they type: filled in only when another
/// annotation is selected, its speaker changes or the field opens.
#[hook]
fn use_name_field_filled(name_ref: NodeRef, id: String, value: String, naming: bool) {
    use_effect_with((id, value.clone(), naming), move |_| {
        if let Some(input) = name_ref.cast::<HtmlInputElement>() {
            input.set_value(&value);
        }
    });
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Quote => "Quote",
        Kind::Claim => "Claim",
        Kind::Attribution => "Speaker",
    }
}

/// A click that sends an action about the selected annotation.
fn act(p: &InspectorProps, make: fn(String) -> Action) -> impl Fn(MouseEvent) {
    let on = p.on_action.clone();
    let id = p.annotation.id.clone();
    move |_: MouseEvent| on.emit(make(id.clone()))
}

/// Its kind, whether the engine or the person made it, and the close button.
fn head(a: &Annotation, on_action: &Callback<Action>) -> Html {
    let auto = a.origin == Origin::Auto;
    html! {
        <div class="insp-head">
            <span class={classes!("badge", format!("badge-{}", a.kind.as_str()))}>{kind_name(a.kind)}</span>
            <span class={classes!("origin", (!auto).then_some("origin-user"))}>{ if auto { "found automatically" } else { "yours" } }</span>
            <button type="button" class="btn btn-icon close" aria-label="Close (Esc)" title="Close (Esc)"
                onclick={on_action.reform(|_| Action::Select(None))}>{"×"}</button>
        </div>
    }
}

/// A claim's score and the signals behind it.
fn check_worthiness(a: &Annotation) -> Html {
    html! {
        <p class="insp-row" id="check-worthiness"><span class="label">{"Check-worthiness"}</span>
            <span class="score" title="How likely a fact-checker would check this, and the words that make it so">{ a.score.map(crate::edit::provenance::percent).unwrap_or_else(|| "not scored".into()) }</span>
            { for a.signals.iter().flatten().map(|s| html! { <span class="chip">{s.clone()}</span> }) }
        </p>
    }
}

/// A speaker mention is renamed in place (with its cue shown); a quote or claim picks its
/// speaker from a list, or names a new one in a field that opens for it.
fn speaker_rows(p: &InspectorProps, naming: &UseStateHandle<bool>, name_ref: &NodeRef) -> Html {
    let a = &p.annotation;
    let save_name = save_speaker_name(p, naming, name_ref);
    if a.kind == Kind::Attribution {
        return html! {
            <>
                if let Some(cue) = &a.cue {
                    <p class="insp-row"><span class="label">{"Cue"}</span><span class="cue-word">{cue.text.clone()}</span></p>
                }
                <form class="insp-row name-form" onsubmit={save_name}>
                    <label for="speaker-name" class="label">{"Speaker"}</label>
                    <input id="speaker-name" ref={name_ref.clone()} />
                    <button type="submit" class="btn">{"Rename"}</button>
                </form>
            </>
        };
    }
    html! {
        <>
            <div class="insp-row">
                <label for="speaker-select" class="label">{"Speaker"}</label>
                <select id="speaker-select" onchange={on_speaker_chosen(p, naming)}>
                    <option value="" selected={p.speaker.is_none()}>{"— none —"}</option>
                    { for p.speakers.iter().map(|s| html! {
                        <option value={s.clone()} selected={p.speaker.as_deref() == Some(s.as_str())}>{s.clone()}</option>
                    }) }
                    <option value={NEW}>{"New speaker…"}</option>
                </select>
            </div>
            if **naming {
                <form class="insp-row name-form" onsubmit={save_name}>
                    <label for="speaker-name" class="label">{"Name"}</label>
                    <input id="speaker-name" ref={name_ref.clone()} placeholder="Who said it?" />
                    <button type="submit" class="btn">{"Move"}</button>
                </form>
            }
        </>
    }
}

/// A speaker picked in the list: an existing one is assigned at once; "New speaker…"
/// opens the name field.
fn on_speaker_chosen(p: &InspectorProps, naming: &UseStateHandle<bool>) -> Callback<Event> {
    let on = p.on_action.clone();
    let id = p.annotation.id.clone();
    let naming = naming.clone();
    Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        if value == NEW {
            naming.set(true);
        } else if !value.is_empty() {
            on.emit(Action::AssignSpeaker {
                id: id.clone(),
                speaker: SpeakerChoice::Existing(value),
            });
        }
    })
}

/// The name field submitted: a speaker mention renames its speaker everywhere; a quote
/// or claim moves to a new speaker of that name.
fn save_speaker_name(
    p: &InspectorProps,
    naming: &UseStateHandle<bool>,
    name_ref: &NodeRef,
) -> Callback<SubmitEvent> {
    let on = p.on_action.clone();
    let id = p.annotation.id.clone();
    let naming = naming.clone();
    let name_ref = name_ref.clone();
    let kind = p.annotation.kind;
    let old = p.speaker.clone().unwrap_or_default();
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let Some(input) = name_ref.cast::<HtmlInputElement>() else {
            return;
        };
        let name = input.value();
        if kind == Kind::Attribution {
            on.emit(Action::RenameSpeaker {
                from: old.clone(),
                to: name,
            });
        } else {
            on.emit(Action::AssignSpeaker {
                id: id.clone(),
                speaker: SpeakerChoice::New(name),
            });
            naming.set(false);
        }
    })
}

/// The annotation's kind, changed with one press.
fn kind_buttons(a: &Annotation, on_action: &Callback<Action>) -> Html {
    let set_kind = |kind: Kind| {
        let id = a.id.clone();
        on_action.reform(move |_: MouseEvent| Action::SetKind {
            id: id.clone(),
            kind,
        })
    };
    html! {
        <div class="insp-row kinds" role="group" aria-label="Kind">
            { for [Kind::Quote, Kind::Claim, Kind::Attribution].into_iter().map(|k| html! {
                <button type="button" class="btn btn-small" aria-pressed={(a.kind == k).to_string()} onclick={set_kind(k)}>{kind_name(k)}</button>
            }) }
        </div>
    }
}
