//! Files a person opens or drops: a text, a web page, an export of ours, a brat pair.

use web_sys::File;
use yew::prelude::*;

use super::extraction;
use super::files::{self, Opened};
use crate::edit::{transfer, Action, Doc};

/// Open `chosen` as the document, through `dispatch`; `shown` once there is one to read.
pub(super) fn open_files(chosen: Vec<File>, dispatch: Callback<Action>, shown: Callback<()>) {
    wasm_bindgen_futures::spawn_local(async move {
        // A brat .ann comes with the .txt it annotates.
        if files::is_brat(&chosen) {
            match files::read_all(&chosen).await {
                Ok(read) => {
                    let pairs: Vec<(&str, &[u8])> = read
                        .iter()
                        .map(|(n, b)| (n.as_str(), b.as_slice()))
                        .collect();
                    imported(transfer::import_files(&pairs), &dispatch, &shown);
                }
                Err(msg) => dispatch.emit(Action::Notify(msg)),
            }
            return;
        }
        let Some(file) = chosen.into_iter().next() else {
            return;
        };
        match files::open(file).await {
            Ok(Opened::Text(text)) if text.trim().is_empty() => {
                dispatch.emit(Action::Notify("That file has no text in it.".into()))
            }
            Ok(Opened::Text(text)) => {
                dispatch.emit(Action::Replace(Doc::with_text(text)));
                shown.emit(());
            }
            Ok(Opened::Html(html)) => extraction::read_page(html, None, dispatch, shown),
            Ok(Opened::Json(name, json)) => {
                imported(transfer::import(&name, json.as_bytes()), &dispatch, &shown)
            }
            Err(msg) => dispatch.emit(Action::Notify(msg)),
        }
    });
}

/// An import's document replaces the current one; or the person is told why not.
fn imported(result: Result<Doc, String>, dispatch: &Callback<Action>, shown: &Callback<()>) {
    match result {
        Ok(doc) => {
            dispatch.emit(Action::Replace(doc));
            dispatch.emit(Action::Notify(
                "Imported: go on reviewing where it was left.".into(),
            ));
            shown.emit(());
        }
        Err(msg) => dispatch.emit(Action::Notify(format!("Nothing was imported. {msg}"))),
    }
}
