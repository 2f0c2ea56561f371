//! The person's cue list: loaded from localStorage, saved on every change, and compiled
//! into the engine's options once per change.

use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use crate::edit::cue_changes::CueChanges;
use crate::engine::Options;

const KEY: &str = "quotelens.cues.v1";

pub struct CueSettings {
    pub changes: CueChanges,
    /// The analysis options with this list; none for the built-in list, which only the
    /// worker needs to build.
    pub options: Rc<Option<Options>>,
    /// Save and use a changed list.
    pub set: Callback<CueChanges>,
}

/// `on_error` hears why a list could not be saved (it is used all the same).
#[hook]
pub fn use_cue_list(on_error: Callback<String>) -> CueSettings {
    let changes = use_state(|| LocalStorage::get::<CueChanges>(KEY).unwrap_or_default());
    let options = use_memo((*changes).clone(), |c| {
        (!c.is_builtin()).then(|| Options { cues: c.list() })
    });
    let set = {
        let changes = changes.clone();
        Callback::from(move |c: CueChanges| {
            let saved = if c.is_builtin() {
                LocalStorage::delete(KEY);
                Ok(())
            } else {
                LocalStorage::set(KEY, &c)
            };
            if let Err(e) = saved {
                on_error.emit(format!(
                    "Your cue words could not be saved ({e}); they apply until the page is closed."
                ));
            }
            changes.set(c);
        })
    };
    CueSettings {
        changes: (*changes).clone(),
        options,
        set,
    }
}
