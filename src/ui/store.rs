//! The thin Yew wrapper around `edit::State`: all logic lives in `edit::reduce`.

use std::rc::Rc;

use yew::Reducible;

use crate::edit::{reduce, Action, State};

pub struct Store(pub State);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = Rc::try_unwrap(self)
            .map(|s| s.0)
            .unwrap_or_else(|rc| rc.0.clone());
        Rc::new(Store(reduce(state, action)))
    }
}

/// Cheap: the document is compared by pointer (every edit makes a new one).
impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0.doc, &other.0.doc)
            && self.0.active == other.0.active
            && self.0.notice == other.0.notice
            && self.0.text_rev == other.0.text_rev
            && self.0.review == other.0.review
            && self.0.compare == other.0.compare
    }
}

/// An `Rc` compared by pointer: for props that are replaced, never mutated.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
