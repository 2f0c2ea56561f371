//! The review queue's keys. They are heard before the page's other shortcuts (in the
//! capture phase), so Y, N and Esc mean the queue's steps while it runs.

use web_sys::KeyboardEvent;
use yew::prelude::*;

/// What a key asks of the review queue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ReviewKey {
    Start,
    Accept,
    Reject,
    Speaker,
    Skip,
    Stop,
}

/// R starts the review; while it runs Y accepts, N rejects, S fixes the speaker, the
/// right arrow skips and Esc stops.
pub fn review_key_of(e: &KeyboardEvent, reviewing: bool) -> Option<ReviewKey> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    let key = e.key().to_lowercase();
    match (reviewing, key.as_str()) {
        (false, "r") => Some(ReviewKey::Start),
        (true, "y") => Some(ReviewKey::Accept),
        (true, "n") => Some(ReviewKey::Reject),
        (true, "s") => Some(ReviewKey::Speaker),
        (true, "arrowright") => Some(ReviewKey::Skip),
        (true, "escape") => Some(ReviewKey::Stop),
        _ => None,
    }
}

/// Listen for the review keys while `enabled`; `on` always sees the latest state.
#[hook]
pub fn use_review_keys(on: Callback<ReviewKey>, enabled: bool, reviewing: bool) {
    super::use_keys_first(
        enabled,
        Callback::from(move |e: KeyboardEvent| {
            review_key_of(&e, reviewing).map(|k| on.emit(k)).is_some()
        }),
    );
}
