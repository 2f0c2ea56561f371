//! Editing a document: state, actions and the one reducer, undo/redo, and the merge of
//! a person's annotations with the engine's. Plain Rust (no web types), tested natively;
//! the UI wraps `State` in a thin Yew `Reducible`.

pub mod anchor;
pub mod asked;
pub mod chunks;
pub mod compare;
pub mod comparing;
pub mod cue_changes;
mod doc;
pub mod find;
pub mod history;
pub mod layout;
pub mod made_up_article;
pub mod ops;
pub mod page_parts;
pub mod provenance;
pub mod review;
pub mod saved;
mod state;
pub mod summary;
pub mod transfer;

pub use comparing::{CompareStep, Comparing};
pub use doc::{Doc, Rejection};
pub use ops::SpeakerChoice;
pub use page_parts::{ArticleChoice, ArticleSetting};
pub use state::{reduce, Action, ReviewStep, State};
