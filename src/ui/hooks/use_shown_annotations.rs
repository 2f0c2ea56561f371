//! The annotations the app shows: the engine's merged with the person's, and what the
//! side panel lists a frame later.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::edit::summary::speaker_numbers;
use crate::edit::Doc;
use crate::model::Annotation;
use crate::ui::focus::after_next_paint;
use crate::ui::store::Shared;

/// While a text is typed into, the side panel follows once it has been left alone this long.
const TYPING_SETTLES_MS: u32 = 600;

pub struct ShownAnnotations {
    /// What the view shows.
    pub annotations: Shared<Vec<Annotation>>,
    /// Each speaker's number, for the view's marks and the side panel's names.
    pub numbers: Rc<std::collections::HashMap<String, usize>>,
    /// What the side panel lists: `annotations`, once they are painted.
    pub listed: Shared<Vec<Annotation>>,
}

/// The annotations of `doc` at revision `rev`: in the reading view at every change;
/// while a text is typed into (not `reading`), once typing pauses (only the side panel
/// shows them then), so a key in a long text costs no merge.
#[hook]
pub fn use_shown_annotations(doc: &Rc<Doc>, rev: u64, reading: bool) -> ShownAnnotations {
    let settled = use_state(|| rev);
    {
        let settled = settled.setter();
        let pending = use_mut_ref(|| None::<Timeout>);
        let typing = !reading;
        use_effect_with(rev, move |rev| {
            let rev = *rev;
            *pending.borrow_mut() =
                typing.then(|| Timeout::new(TYPING_SETTLES_MS, move || settled.set(rev)));
        });
    }
    let shown_rev = if reading { rev } else { *settled };
    let annotations = {
        let doc = doc.clone();
        Shared(use_memo(shown_rev, move |_| doc.annotations()))
    };
    let numbers = {
        let annotations = annotations.clone();
        use_memo(annotations.clone(), move |_| speaker_numbers(&annotations))
    };
    // The side panel follows the view by a frame: after an analysis the marks are
    // painted first, then the panel's lists are built.
    let listed = use_state(|| annotations.clone());
    {
        let listed = listed.setter();
        use_effect_with(annotations.clone(), move |a| {
            let a = a.clone();
            after_next_paint(move || listed.set(a));
        });
    }
    ShownAnnotations {
        annotations,
        numbers,
        listed: (*listed).clone(),
    }
}
