//! Keys heard before the page's other shortcuts (in the capture phase) while a mode
//! runs: the review queue's Y, N, Esc and compare mode's N, P, A, B, Esc.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// While `enabled`, each key pressed outside a text field or dialog goes first to
/// `on_key`, which always sees the latest props; a key it takes (it returns true) does
/// nothing else on the page.
#[hook]
pub fn use_keys_first(enabled: bool, on_key: Callback<KeyboardEvent, bool>) {
    let latest = use_mut_ref(|| (on_key.clone(), enabled));
    *latest.borrow_mut() = (on_key, enabled);
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
                let (on_key, enabled) = latest.borrow().clone();
                if !enabled || e.default_prevented() || super::typed_in_field(e) {
                    return;
                }
                if on_key.emit(e.clone()) {
                    e.prevent_default();
                }
            });
        move || drop(listener)
    });
}
