//! Bringing an annotation's highlight in the reading view into sight: the app, the
//! review queue and compare mode all scroll to a highlight this way.

use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Scroll annotation `id`'s highlight just into view if it is not (on a phone: above
/// the inspector's sheet, which the stylesheet's scroll padding keeps clear).
pub(super) fn reveal(id: &str) {
    if let Some(el) = first_mark(id) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Scroll the start of annotation `id` into view and focus it.
pub(super) fn scroll_to(id: &str) {
    let Some(el) = first_mark(id) else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(ScrollBehavior::Smooth);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = el.focus_with_options(&focus);
    }
}

/// The first mark of annotation `id`: its focusable one (an attribution's cue carries
/// its id too, and comes first in "said Anna Berg"), else any (speakers hidden).
fn first_mark(id: &str) -> Option<web_sys::Element> {
    let css = format!("#view .mk.first[data-id=\"{}\"]", id.replace('"', ""));
    let document = gloo::utils::document();
    let focusable = document
        .query_selector(&format!("{css}[tabindex]"))
        .ok()
        .flatten();
    focusable.or_else(|| document.query_selector(&css).ok().flatten())
}
