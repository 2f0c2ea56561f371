//! QuoteLens: find quotes, attributions and claims in news articles.
//!
//! Layers, with one-way dependencies (see ARCHITECTURE.md):
//! `model` (annotations, the quotelens/1 format) ← `engine` (text in, annotations out,
//! its one entry point `engine::analyse(text, &Settings)`) ← `edit` (the document
//! reducer) ← `ui` (Yew, wasm32 only). The `cli` (native only), the analysis `worker`
//! and the Python package (`python/`) call `engine::analyse` directly, not through `edit`.

pub mod article;
pub mod edit;
pub mod engine;
pub mod formats;
pub mod model;
pub mod worker;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use engine::{Analysis, Settings};

/// `engine::analyse` with the built-in settings: the engine's own guess of the article
/// and the built-in cue list.
pub fn analyse(text: &str) -> Analysis {
    engine::analyse(text, &Settings::builtin())
}
pub use model::{Annotation, Cue, Document, Kind, Origin};
