//! Reusable hooks.

mod use_review_keys;
mod use_shortcuts;

pub use use_review_keys::{use_review_keys, ReviewKey};
pub use use_shortcuts::{use_shortcuts, Shortcut};
