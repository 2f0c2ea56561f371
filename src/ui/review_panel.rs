//! The review queue: a button (and R) to start it, then the progress, the keys, and the
//! speaker fix. The queue itself (order, progress, steps) is `edit::review`; this only
//! shows it and dispatches `Action::Review`.

use gloo::timers::callback::Timeout;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::hooks::{use_review_keys, ReviewKey};
use super::scroll::scroll_to;
use super::store::Shared;
use crate::edit::review::{Progress, Review};
use crate::edit::summary::{index, speaker_of, summarize};
use crate::edit::{Action, Doc, ReviewStep};
use crate::model::{Annotation, Kind};

#[derive(Properties, PartialEq)]
pub struct ReviewPanelProps {
    /// Whether the article is in the reading view (the queue walks its highlights).
    pub enabled: bool,
    pub review: Option<Review>,
    pub doc: Shared<Doc>,
    pub annotations: Shared<Vec<Annotation>>,
    pub on_action: Callback<Action>,
}

#[function_component(ReviewPanel)]
pub fn review_panel(p: &ReviewPanelProps) -> Html {
    let fixing = use_state(|| false);
    let name_ref = use_node_ref();
    let current: Option<Annotation> = p.review.as_ref().and_then(|r| r.current(&p.doc)).cloned();
    let current_id = current.as_ref().map(|a| a.id.clone());
    // Once per document, not at every render (it sorts all the engine's annotations).
    let progress = {
        let doc = p.doc.clone();
        *use_memo(p.doc.clone(), move |_| Review::progress(&doc))
    };
    let step = p.on_action.reform(Action::Review);
    use_current_item_in_view(current_id.clone(), fixing.clone());
    let speaker_now = current.as_ref().and_then(|a| {
        let by_id = index(&p.annotations);
        speaker_of(a, &by_id)
    });
    use_speaker_field_prefilled(*fixing, name_ref.clone(), speaker_now.unwrap_or_default());
    use_review_shortcuts(
        step.clone(),
        fixing.clone(),
        current.is_some(),
        p.enabled,
        p.review.is_some(),
    );

    if p.review.is_none() {
        return start_bar(p.enabled, progress, &step);
    }
    let has = current.is_some();
    let on_fix = {
        let fixing = fixing.clone();
        Callback::from(move |_: MouseEvent| fixing.set(true))
    };
    let what = current.as_ref().map(|a| match a.kind {
        Kind::Quote => "quote",
        Kind::Claim => "claim",
        Kind::Attribution => "speaker mention",
    });
    html! {
        <section class="review-bar reviewing" id="review" aria-label="Review queue">
            <div class="review-head">
                <h2>{"Review"}</h2>
                <span id="review-progress" role="status" aria-live="polite">{progress.to_string()}</span>
                <progress max={progress.total.to_string()} value={progress.reviewed.to_string()} aria-hidden="true"></progress>
            </div>
            if let Some(what) = what {
                <p class="review-what">{format!("This {what}: is it right? Least sure first.")}</p>
            } else {
                <p class="review-what" id="review-done">{"All suggestions reviewed. Download the JSON to keep the result, or press Esc."}</p>
            }
            <div class="review-keys" role="group" aria-label="Review keys">
                { key_button("Accept", "Y", "review-accept", ReviewStep::Accept, has, &step) }
                { key_button("Reject", "N", "review-reject", ReviewStep::Reject, has, &step) }
                <button type="button" class="btn btn-small" id="review-speaker-open" disabled={!has}
                    aria-keyshortcuts="S" onclick={on_fix}>{"Speaker"}<kbd>{"S"}</kbd></button>
                { key_button("Skip", "→", "review-skip", ReviewStep::Skip, has, &step) }
                { key_button("Stop", "Esc", "review-stop", ReviewStep::Stop, true, &step) }
            </div>
            if *fixing {
                { speaker_form(p, current.as_ref(), &fixing, &name_ref, &step) }
            }
        </section>
    }
}

/// The item to review is brought into view and focused, so it is plainly the one; a new
/// item closes the speaker fix left open on the last one.
#[hook]
fn use_current_item_in_view(current_id: Option<String>, fixing: UseStateHandle<bool>) {
    use_effect_with(current_id, move |id| {
        fixing.set(false);
        if let Some(id) = id.clone() {
            // After the render that marks it active.
            Timeout::new(0, move || scroll_to(&id)).forget();
        }
    });
}

/// The speaker fix opens with the current name, selected, ready to type over.
#[hook]
fn use_speaker_field_prefilled(open: bool, name_ref: NodeRef, value: String) {
    use_effect_with(open, move |open| {
        if let (true, Some(input)) = (*open, name_ref.cast::<HtmlInputElement>()) {
            input.set_value(&value);
            let _ = input.focus();
            input.select();
        }
    });
}

/// R starts the queue; Y, N, →, Esc step it; S opens the speaker fix when there is an item.
#[hook]
fn use_review_shortcuts(
    step: Callback<ReviewStep>,
    fixing: UseStateHandle<bool>,
    has_current: bool,
    enabled: bool,
    reviewing: bool,
) {
    use_review_keys(
        Callback::from(move |k: ReviewKey| match k {
            ReviewKey::Start => step.emit(ReviewStep::Start),
            ReviewKey::Accept => step.emit(ReviewStep::Accept),
            ReviewKey::Reject => step.emit(ReviewStep::Reject),
            ReviewKey::Skip => step.emit(ReviewStep::Skip),
            ReviewKey::Stop => step.emit(ReviewStep::Stop),
            ReviewKey::Speaker => {
                if has_current {
                    fixing.set(true)
                }
            }
        }),
        enabled,
        reviewing,
    );
}

/// Before the queue starts: its button and how much is reviewed already.
fn start_bar(enabled: bool, progress: Progress, step: &Callback<ReviewStep>) -> Html {
    html! {
        <section class="review-bar" aria-label="Review">
            <button type="button" class="btn" id="review-start" disabled={!enabled || progress.total == 0}
                title="Step through the automatic suggestions, least sure first (R)" aria-keyshortcuts="R"
                onclick={step.reform(|_| ReviewStep::Start)}>
                {"Review suggestions"}<kbd>{"R"}</kbd>
            </button>
            <span class="muted review-count">{progress.to_string()}</span>
        </section>
    }
}

/// One step of the queue as a button that shows its key.
fn key_button(
    label: &str,
    key: &str,
    id: &str,
    s: ReviewStep,
    enabled: bool,
    step: &Callback<ReviewStep>,
) -> Html {
    html! {
        <button type="button" class="btn btn-small" id={id.to_string()} disabled={!enabled}
            aria-keyshortcuts={key.to_string()} onclick={step.reform(move |_| s.clone())}>
            {label.to_string()}<kbd>{key.to_string()}</kbd>
        </button>
    }
}

/// The speaker fix: a name field offering the article's speakers, saved with Enter.
fn speaker_form(
    p: &ReviewPanelProps,
    current: Option<&Annotation>,
    fixing: &UseStateHandle<bool>,
    name_ref: &NodeRef,
    step: &Callback<ReviewStep>,
) -> Html {
    let submit = {
        let step = step.clone();
        let fixing = fixing.clone();
        let name_ref = name_ref.clone();
        Callback::from(move |()| {
            if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                step.emit(ReviewStep::Speaker(input.value()));
            }
            fixing.set(false);
        })
    };
    let on_key = on_speaker_key(
        submit.clone(),
        fixing.clone(),
        current.map(|a| a.id.clone()),
    );
    let speakers: Vec<String> = summarize(&p.annotations, "")
        .speakers
        .into_iter()
        .map(|g| g.name)
        .collect();
    html! {
        <div class="insp-row name-form" id="review-speaker-form" role="group" aria-label="Fix the speaker">
            <label for="review-speaker" class="label">
                { if current.is_some_and(|a| a.kind == Kind::Attribution) { "This mention is" } else { "Who said it?" } }
            </label>
            <input id="review-speaker" ref={name_ref.clone()} list="review-speakers" autocomplete="off" onkeydown={on_key} />
            <datalist id="review-speakers">
                { for speakers.iter().map(|s| html! { <option value={s.clone()} /> }) }
            </datalist>
            <button type="button" class="btn" onclick={submit.reform(|_| ())}>{"Save"}<kbd>{"Enter"}</kbd></button>
        </div>
    }
}

/// In the speaker field, Enter saves; Esc closes the field and goes back to the item.
fn on_speaker_key(
    submit: Callback<()>,
    fixing: UseStateHandle<bool>,
    id: Option<String>,
) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            submit.emit(());
        } else if e.key() == "Escape" {
            e.prevent_default();
            e.stop_propagation();
            fixing.set(false);
            if let Some(id) = id.clone() {
                scroll_to(&id);
            }
        }
    })
}
