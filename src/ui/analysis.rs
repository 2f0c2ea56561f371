//! The one place the app asks the engine for an analysis. It answers through a callback
//! so the work can move to a Web Worker without touching its callers.

use yew::Callback;

use crate::edit::Action;

/// Longer texts are kept and shown but not analysed, so the page stays responsive.
pub const MAX_CHARS: usize = 1_000_000;

/// Analyse `text` and report the result (or why there is none) through `done`.
pub fn request(text: String, done: Callback<Action>) {
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
    let analysis = crate::analyse(&text);
    let boilerplate = boilerplate(&analysis);
    done.emit(Action::Analysed {
        annotations: analysis.annotations,
        boilerplate,
        text,
    });
}

/// The engine's boilerplate spans, once it reports them.
fn boilerplate(_analysis: &crate::Analysis) -> Vec<(usize, usize)> {
    Vec::new()
}
