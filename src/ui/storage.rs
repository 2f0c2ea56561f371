//! Autosave in localStorage: the document survives a reload.

use gloo::storage::{LocalStorage, Storage};

use crate::edit::Doc;

const KEY: &str = "quotelens.document.v1";
const THEME_KEY: &str = "quotelens.theme";

/// The saved document, set up to be analysed again (the engine may have changed).
pub fn load() -> Option<Doc> {
    let mut doc: Doc = LocalStorage::get(KEY).ok()?;
    doc.analysed = false;
    Some(doc)
}

/// Save `doc`; the error says why it could not be saved (storage full, disabled).
pub fn save(doc: &Doc) -> Result<(), String> {
    if doc.text.is_empty() && doc.user.is_empty() {
        LocalStorage::delete(KEY);
        return Ok(());
    }
    LocalStorage::set(KEY, doc).map_err(|e| e.to_string())
}

pub fn theme() -> Option<String> {
    LocalStorage::get(THEME_KEY).ok()
}

pub fn set_theme(theme: &str) {
    let _ = LocalStorage::set(THEME_KEY, theme);
}
