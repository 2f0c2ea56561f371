//! The colour theme: the one saved, else the system's; it lives on `<html>` so the
//! whole page follows it.

use yew::prelude::*;

use crate::ui::storage;

/// Whether the theme is dark, and a callback that switches (and saves) it.
#[hook]
pub fn use_theme() -> (bool, Callback<()>) {
    let dark = use_state(|| match storage::theme().as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => gloo::utils::window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    });
    use_effect_with(*dark, |dark| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", if *dark { "dark" } else { "light" });
        }
    });
    let toggle = {
        let dark = dark.clone();
        Callback::from(move |()| {
            storage::set_theme(if *dark { "light" } else { "dark" });
            dark.set(!*dark);
        })
    };
    (*dark, toggle)
}
