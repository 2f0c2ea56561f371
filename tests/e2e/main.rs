//! Browser end-to-end tests: the built app in headless Chromium, driven as a user would.
//! Run by scripts/test.sh after `trunk build --release` (`cargo test --features e2e --test e2e`).

mod annotator;
#[path = "../common/mod.rs"]
mod common;
mod compare;
mod durability;
mod everyone;
mod foundation;
mod harness;
mod page;
mod perf;
mod privacy;
mod profile;
mod review;
mod security;
mod worker_perf;
