//! Analysis and page extraction off the page's thread. `message` is every message
//! between the page and the worker, of both kinds, and how each is posted; `protocol`
//! is an analysis request as bytes (tested natively), `reply_codec` its reply;
//! `extract` a web page's article, extracted there too; `queue` decides which request
//! goes out when and which replies are stale (plain, tested natively); `entry` is the
//! worker's side, which the `quotelens-worker` binary starts. The page's side is
//! `ui::worker`, with its clients `ui::analysis` and `ui::extraction`.

pub mod extract;
pub mod message;
pub mod protocol;
pub mod queue;
pub mod reply_codec;

#[cfg(target_arch = "wasm32")]
mod entry;
#[cfg(target_arch = "wasm32")]
pub use entry::start;
