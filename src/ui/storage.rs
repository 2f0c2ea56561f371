//! Autosave in localStorage: the document survives a reload, and a panic (after one,
//! nothing is saved any more, so the last good save stays). A full or disabled storage
//! costs the autosave, never the session.
//!
//! A save waits until the document has been left unchanged for `SAVE_AFTER_MS` (a page
//! being left or hidden saves at once), so it is never on the way from a paste, a key or
//! an analysis to its frame; it keeps what `edit::saved` says (not the engine's
//! annotations), and is skipped when that is what was saved last.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::Timeout;
use yew::Callback;

use super::panic;
use crate::edit::saved::{same_saved, saved_json};
use crate::edit::Doc;

const KEY: &str = "quotelens.document.v1";
const THEME_KEY: &str = "quotelens.theme";

/// How long a document stays unchanged before it is saved.
const SAVE_AFTER_MS: u32 = 300;

/// A document waiting to be saved, and whom to tell when saving fails.
struct Pending {
    doc: Rc<Doc>,
    on_warning: Callback<String>,
}

thread_local! {
    /// Whether the last autosave failed (the person has been told).
    static FAILING: Cell<bool> = const { Cell::new(false) };
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    /// Bumped by every change: a timer set before the last change does nothing.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// The document last saved.
    static LAST: RefCell<Option<Rc<Doc>>> = const { RefCell::new(None) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// The saved document, set up to be analysed again (the engine may have changed).
pub fn load() -> Option<Doc> {
    let mut doc: Doc = LocalStorage::get(KEY).ok()?;
    doc.analysed = false;
    Some(doc)
}

/// Save `doc` after a change, once it has stayed unchanged a moment. `on_warning` hears
/// when saving stops working (once, not at every change while it keeps failing).
pub fn autosave(doc: Rc<Doc>, on_warning: Callback<String>) {
    save_when_leaving();
    let generation = GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    let saved = LAST.with(|l| l.borrow().as_ref().is_some_and(|l| same_saved(l, &doc)));
    if saved {
        PENDING.with(|p| p.borrow_mut().take());
        return;
    }
    PENDING.with(|p| *p.borrow_mut() = Some(Pending { doc, on_warning }));
    Timeout::new(SAVE_AFTER_MS, move || {
        if GENERATION.with(Cell::get) == generation {
            flush();
        }
    })
    .forget();
}

/// Save the waiting document now, if any.
pub fn flush() {
    let Some(Pending { doc, on_warning }) = PENDING.with(|p| p.borrow_mut().take()) else {
        return;
    };
    if panic::crashed() {
        return; // the app may be in any state now: keep the save from before
    }
    match save(&doc) {
        Ok(()) => {
            FAILING.with(|f| f.set(false));
            LAST.with(|l| *l.borrow_mut() = Some(doc));
        }
        Err(e) if !FAILING.with(|f| f.replace(true)) => on_warning.emit(e),
        Err(_) => {}
    }
}

/// A page being left (reload, close, another address) or hidden saves at once.
fn save_when_leaving() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let window = gloo::utils::window();
    EventListener::new(&window, "pagehide", |_| flush()).forget();
    let document = gloo::utils::document();
    EventListener::new(&document, "visibilitychange", |_| {
        if gloo::utils::document().hidden() {
            flush();
        }
    })
    .forget();
}

/// Save `doc`; the error says why it could not be saved (storage full, disabled).
fn save(doc: &Doc) -> Result<(), String> {
    if doc.text.is_empty() && doc.user.is_empty() {
        LocalStorage::delete(KEY);
        return Ok(());
    }
    let field = |e: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(e, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    LocalStorage::raw()
        .set_item(KEY, &saved_json(doc))
        .map_err(|e| match field(&e, "name").as_str() {
            "QuotaExceededError" => {
                "This browser's storage is full: autosave is off. Download the JSON to keep your work."
                    .to_string()
            }
            name => format!(
                "Autosave failed ({name}: {}). Your work is still here: download the JSON to keep it.",
                field(&e, "message")
            ),
        })
}

pub fn theme() -> Option<String> {
    LocalStorage::get(THEME_KEY).ok()
}

pub fn set_theme(theme: &str) {
    let _ = LocalStorage::set(THEME_KEY, theme);
}
