//! Analysis off the page's thread. `protocol` is what the page and the analysis worker
//! say to each other (requests in JSON, tested natively), `reply_codec` the reply as
//! bytes; `queue` decides which request goes
//! out when and which replies are stale (plain, tested natively); `entry` is the worker's
//! side, which the `quotelens-worker` binary starts; `extract` is a web page's article
//! extracted there too (its own messages beside the analysis ones). The page's side is `ui::analysis`.

pub mod extract;
pub mod protocol;
pub mod queue;
pub mod reply_codec;

#[cfg(target_arch = "wasm32")]
mod entry;
#[cfg(target_arch = "wasm32")]
pub use entry::start;
