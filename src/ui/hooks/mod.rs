//! Reusable hooks.

mod use_shortcuts;

pub use use_shortcuts::{use_shortcuts, Shortcut};
