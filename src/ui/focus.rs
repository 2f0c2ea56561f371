//! Where the keyboard focus goes when the view changes under it: after a deletion, a
//! dialog, a skip link; and `after_next_paint`, for work that waits for the view.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::edit::Action;

/// Run `f` once the next frame has been painted (or after 200 ms, when no frame comes: a
/// hidden page).
pub(super) fn after_next_paint(f: impl FnOnce() + 'static) {
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
pub(super) fn delete_keeping_focus(dispatch: &Callback<Action>, id: &str) {
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
pub(super) fn focus(css: &str) -> bool {
    let el = gloo::utils::document().query_selector(css).ok().flatten();
    match el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Focus `css` once it is rendered (tried for about a second).
pub(super) fn focus_when_there(css: &'static str) {
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
pub(super) fn skip_to(css: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        // Focusing scrolls the target into view.
        let _ = css.split(", ").any(focus);
    })
}
