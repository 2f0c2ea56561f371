//! Keyboard shortcuts on the whole page, outside text fields.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::model::Kind;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shortcut {
    Add(Kind),
    Delete,
    Accept,
    Deselect,
    Undo,
    Redo,
    EditText,
    /// "?": the keyboard sheet.
    Keys,
    /// Ctrl+F: find in the article.
    Find,
}

/// The shortcut `e` stands for: Q, C, A add a quote, claim or attribution from the
/// selection; Delete rejects or deletes; Y accepts; Esc deselects; E edits the text;
/// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo; ? shows them all.
pub fn shortcut_of(e: &KeyboardEvent) -> Option<Shortcut> {
    let key = e.key().to_lowercase();
    let ctrl = e.ctrl_key() || e.meta_key();
    if ctrl && !e.alt_key() {
        return match (key.as_str(), e.shift_key()) {
            ("z", false) => Some(Shortcut::Undo),
            ("z", true) | ("y", false) => Some(Shortcut::Redo),
            ("f", false) => Some(Shortcut::Find),
            _ => None,
        };
    }
    if e.alt_key() || e.meta_key() {
        return None;
    }
    match key.as_str() {
        "q" => Some(Shortcut::Add(Kind::Quote)),
        "c" => Some(Shortcut::Add(Kind::Claim)),
        "a" => Some(Shortcut::Add(Kind::Attribution)),
        "delete" | "backspace" => Some(Shortcut::Delete),
        "y" => Some(Shortcut::Accept),
        "escape" => Some(Shortcut::Deselect),
        "e" => Some(Shortcut::EditText),
        "?" => Some(Shortcut::Keys),
        _ => None,
    }
}

/// Listen for shortcuts for as long as the component lives; `on` always sees the latest
/// callback passed in.
#[hook]
pub fn use_shortcuts(on: Callback<Shortcut>) {
    let latest = use_mut_ref(|| on.clone());
    *latest.borrow_mut() = on;
    use_effect_with((), move |_| {
        let latest = Rc::clone(&latest);
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let in_field = super::typed_in_field(e);
                if in_field || e.default_prevented() {
                    return;
                }
                if let Some(s) = shortcut_of(e) {
                    // Ctrl+F is the browser's own find where the article's is not shown.
                    let no_find = gloo::utils::document().get_element_by_id("find").is_none();
                    if s == Shortcut::Find && no_find {
                        return;
                    }
                    e.prevent_default();
                    latest.borrow().emit(s);
                }
            },
        );
        move || drop(listener)
    });
}
