//! The review queue's keys. They are heard before the page's other shortcuts (in the
//! capture phase), so Y, N and Esc mean the queue's steps while it runs.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// What a key asks of the review queue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ReviewKey {
    Start,
    Accept,
    Reject,
    Speaker,
    Skip,
    Stop,
}

/// R starts the review; while it runs Y accepts, N rejects, S fixes the speaker, the
/// right arrow skips and Esc stops.
pub fn review_key_of(e: &KeyboardEvent, reviewing: bool) -> Option<ReviewKey> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    let key = e.key().to_lowercase();
    match (reviewing, key.as_str()) {
        (false, "r") => Some(ReviewKey::Start),
        (true, "y") => Some(ReviewKey::Accept),
        (true, "n") => Some(ReviewKey::Reject),
        (true, "s") => Some(ReviewKey::Speaker),
        (true, "arrowright") => Some(ReviewKey::Skip),
        (true, "escape") => Some(ReviewKey::Stop),
        _ => None,
    }
}

/// Listen for the review keys while `enabled`; `on` always sees the latest state.
#[hook]
pub fn use_review_keys(on: Callback<ReviewKey>, enabled: bool, reviewing: bool) {
    let latest = use_mut_ref(|| (on.clone(), enabled, reviewing));
    *latest.borrow_mut() = (on, enabled, reviewing);
    use_effect_with((), move |_| {
        let latest: Rc<RefCell<_>> = Rc::clone(&latest);
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        let listener =
            EventListener::new_with_options(&gloo::utils::window(), "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let (on, enabled, reviewing) = latest.borrow().clone();
                if !enabled || e.default_prevented() {
                    return;
                }
                let in_field = super::typed_in_field(e);
                if in_field {
                    return;
                }
                if let Some(k) = review_key_of(e, reviewing) {
                    e.prevent_default();
                    on.emit(k);
                }
            });
        move || drop(listener)
    });
}
