//! Files dropped anywhere on the page. Without this, a file dropped outside the input
//! view (on an open document, say) is opened by the browser itself, in place of the app.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File};
use yew::prelude::*;

/// The files of a drop (none for a drop of text or a link).
pub fn dropped_files(e: &DragEvent) -> Vec<File> {
    let Some(list) = e.data_transfer().and_then(|d| d.files()) else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Take every `dragover` and `drop` on the window (cancelling them is what tells the
/// browser the page handles the drop) and hand dropped files to `on`. A drop already
/// handled below (the input view's own) is left alone.
#[hook]
pub fn use_file_drop(on: Callback<Vec<File>>) {
    let latest = use_mut_ref(|| on.clone());
    *latest.borrow_mut() = on;
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let over = EventListener::new_with_options(
            &window,
            "dragover",
            EventListenerOptions::enable_prevent_default(),
            |e| e.prevent_default(),
        );
        let latest = Rc::clone(&latest);
        let drop = EventListener::new_with_options(
            &window,
            "drop",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                if e.default_prevented() {
                    return;
                }
                e.prevent_default();
                if let Some(files) = e.dyn_ref::<DragEvent>().map(dropped_files) {
                    if !files.is_empty() {
                        latest.borrow().emit(files);
                    }
                }
            },
        );
        move || drop_both(over, drop)
    });
}

fn drop_both(a: EventListener, b: EventListener) {
    drop(a);
    drop(b);
}
