//! Reusable hooks.

mod use_cue_list;
mod use_review_keys;
mod use_shortcuts;

pub use use_cue_list::{use_cue_list, CueSettings};
pub use use_review_keys::{use_review_keys, ReviewKey};
pub use use_shortcuts::{use_shortcuts, Shortcut};
