//! The Yew app (wasm32 only). Components dispatch `edit::Action`s; the engine, the model
//! and `edit` do the work. `dom_offsets` is the only place UTF-16 offsets exist.

mod analysis;
mod app;
mod article_chunk;
pub mod article_view;
mod commands;
mod compare_panel;
mod confirm;
mod cue_editor;
pub mod dom_offsets;
mod download;
mod editor;
mod extraction;
pub mod files;
mod find_bar;
mod focus;
mod header;
pub mod hooks;
mod inspector;
mod keys_sheet;
mod notice;
mod offline;
mod open_file;
mod panic;
mod rehearsal;
mod review_panel;
mod samples;
mod scroll;
pub mod side_panel;
mod storage;
pub mod store;
mod toolbar;
mod why_found;
mod worker;

pub use app::App;

/// Mount the app on the page's body.
pub fn start() {
    panic::install();
    offline::register();
    worker::connect(&[&analysis::CLIENT, &extraction::CLIENT]);
    yew::Renderer::<App>::new().render();
    analysis::warm_up();
}
