//! Reusable hooks.

mod use_analysis;
mod use_cue_list;
mod use_file_drop;
mod use_keys_first;
mod use_review_keys;
mod use_shortcuts;
mod use_shown_annotations;
mod use_theme;

pub use use_analysis::{use_analysis, AnalysisAsker};
pub use use_cue_list::{use_cue_list, CueSettings};
pub use use_file_drop::{dropped_files, use_file_drop};
pub use use_keys_first::use_keys_first;
pub use use_review_keys::{use_review_keys, ReviewKey};
pub use use_shortcuts::{use_shortcuts, Shortcut};
pub use use_shown_annotations::{use_shown_annotations, ShownAnnotations};
pub use use_theme::use_theme;

/// Whether a key press belongs to a text field or an open dialog, where page keys
/// must not act.
fn typed_in_field(e: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el
                    .closest("[role=alertdialog], [role=dialog]")
                    .ok()
                    .flatten()
                    .is_some()
        })
}
