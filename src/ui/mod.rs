//! The Yew app (wasm32 only). Components dispatch; the engine and model do the work.

mod app;

pub use app::App;

/// Mount the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
