//! The header's commands that leave the page: downloads and the clipboard.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::download;
use crate::edit::{transfer, Action, Doc};
use crate::formats::Format;

/// Download `doc` as `format` (one file, or brat's two).
pub(super) fn save_export(doc: &Doc, format: Format, dispatch: &Callback<Action>) {
    let files = transfer::export_files(doc, format);
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    // One at a time: browsers may refuse several downloads at once.
    for (i, f) in files.into_iter().enumerate() {
        let dispatch = dispatch.clone();
        Timeout::new(400 * i as u32, move || {
            if let Err(msg) = download::download(&f.name, &f.bytes, f.mime) {
                dispatch.emit(Action::Notify(msg));
            }
        })
        .forget();
    }
    dispatch.emit(Action::Notify(format!("Saved {}.", names.join(" and "))));
}

/// Copy `doc`'s quotelens/1 JSON to the clipboard.
pub(super) fn copy_json(doc: &Doc, dispatch: &Callback<Action>) {
    let dispatch = dispatch.clone();
    download::copy(transfer::export_json(doc), move |r| {
        dispatch.emit(Action::Notify(match r {
            Ok(()) => "Copied the JSON to the clipboard.".into(),
            Err(msg) => msg,
        }))
    });
}
