//! The one place the app asks the engine for an analysis. It answers through a callback
//! so the work can move to a Web Worker without touching its callers.

use yew::Callback;

use crate::edit::{Action, ArticleSetting};

/// Longer texts are kept and shown but not analysed, so the page stays responsive.
pub const MAX_CHARS: usize = 1_000_000;

/// Analyse `text` with its article as `setting` says (the furniture a copied page
/// marked, a person's choices) and report the result (or why there is none) through `done`.
pub fn request(text: String, setting: ArticleSetting, done: Callback<Action>) {
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        done.emit(Action::Analysed {
            text,
            annotations: Vec::new(),
            boilerplate: Vec::new(),
        });
        done.emit(Action::Notify(format!(
            "This text is too long to analyse ({chars} characters; the limit is {MAX_CHARS}). It is kept, and you can annotate it by hand."
        )));
        return;
    }
    let analysis = crate::edit::article::analyse(&text, &setting, &Default::default());
    done.emit(Action::Analysed {
        annotations: analysis.annotations,
        boilerplate: analysis.boilerplate,
        text,
    });
}
