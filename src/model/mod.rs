//! The document model: annotations and the `quotelens/1` export.
//!
//! Architecture invariant: every offset here is a Unicode code point index into
//! `Document::text`, end exclusive. UTF-16 offsets never reach this module.

mod annotation;
mod document;
pub mod offsets;
pub mod validate;

pub use annotation::{Annotation, Cue, Kind, Origin};
pub use document::{article_regions, Document, Region, FORMAT};
pub use validate::{document_from_json, validate, Invalid};
