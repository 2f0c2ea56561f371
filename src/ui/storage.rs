//! Autosave in localStorage: the document survives a reload, and a panic (after one,
//! nothing is saved any more, so the last good save stays). A full or disabled storage
//! costs the autosave, never the session.

use std::cell::Cell;

use gloo::storage::errors::StorageError;
use gloo::storage::{LocalStorage, Storage};

use super::panic;
use crate::edit::Doc;

const KEY: &str = "quotelens.document.v1";
const THEME_KEY: &str = "quotelens.theme";

thread_local! {
    /// Whether the last autosave failed (the person has been told).
    static FAILING: Cell<bool> = const { Cell::new(false) };
}

/// The saved document, set up to be analysed again (the engine may have changed).
pub fn load() -> Option<Doc> {
    let mut doc: Doc = LocalStorage::get(KEY).ok()?;
    doc.analysed = false;
    Some(doc)
}

/// Save `doc` after a change. A message for the person when saving stops working (once,
/// not at every change while it keeps failing); none while it works.
pub fn autosave(doc: &Doc) -> Option<String> {
    if panic::crashed() {
        return None; // the app may be in any state now: keep the save from before
    }
    match save(doc) {
        Ok(()) => {
            FAILING.with(|f| f.set(false));
            None
        }
        Err(e) if !FAILING.with(|f| f.replace(true)) => Some(e),
        Err(_) => None,
    }
}

/// Save `doc`; the error says why it could not be saved (storage full, disabled).
fn save(doc: &Doc) -> Result<(), String> {
    if doc.text.is_empty() && doc.user.is_empty() {
        LocalStorage::delete(KEY);
        return Ok(());
    }
    LocalStorage::set(KEY, doc).map_err(|e| match e {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => {
            "This browser's storage is full: autosave is off. Download the JSON to keep your work."
                .to_string()
        }
        e => {
            format!("Autosave failed ({e}). Your work is still here: download the JSON to keep it.")
        }
    })
}

pub fn theme() -> Option<String> {
    LocalStorage::get(THEME_KEY).ok()
}

pub fn set_theme(theme: &str) {
    let _ = LocalStorage::set(THEME_KEY, theme);
}
