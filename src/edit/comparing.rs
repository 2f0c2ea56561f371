//! Compare mode: the document beside another person's file of the same text
//! (`edit::compare`), one difference at a time; taking a side changes the document to
//! the merge at once, so the view, the side panel and every export show it.
//!
//! While comparing, the merge replaces the document without undo steps; leaving (Esc, or
//! any other edit) keeps the merge, and one undo then brings back the document as it was
//! before comparing.

use std::rc::Rc;

use super::compare::{compare, Comparison, Side};
use super::doc::Doc;
use super::state::State;
use super::transfer;
use crate::model::Document;

/// What a person does in compare mode.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareStep {
    /// Compare the document (A) with another file's (B), `name` naming it.
    Start {
        name: String,
        other: Box<Document>,
    },
    Next,
    Previous,
    /// Go to difference `d` (a click in the list).
    Go(usize),
    /// Take the current difference from a side, and go on to the next.
    Take(Side),
    /// Leave compare mode, keeping the merged document.
    Leave,
}

/// A comparison under way.
#[derive(Debug, Clone)]
pub struct Comparing {
    pub comparison: Rc<Comparison>,
    /// The other file's name.
    pub other: String,
    /// The side taken for each difference (none yet: A's).
    pub choices: Vec<Option<Side>>,
    /// The difference shown.
    pub current: usize,
    /// The id each pair has in the merged document (none when it left nothing there).
    pub ids: Vec<Option<String>>,
    /// The document when comparing began.
    before: Rc<Doc>,
}

impl PartialEq for Comparing {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.comparison, &other.comparison)
            && self.choices == other.choices
            && self.current == other.current
    }
}

impl Comparing {
    /// How many differences a person has taken a side on.
    pub fn decided(&self) -> usize {
        self.choices.iter().filter(|c| c.is_some()).count()
    }

    /// The merged document's id of difference `d`'s annotation.
    pub fn id_of(&self, d: usize) -> Option<&str> {
        let k = *self.comparison.differences.get(d)?;
        self.ids.get(k)?.as_deref()
    }

    fn takes_any_b(&self) -> bool {
        self.choices.contains(&Some(Side::B))
    }
}

/// Whether `action` leaves compare mode before it is applied: anything that is not a
/// compare step, a selection, a message or the engine's answer.
pub(super) fn leaves_compare(action: &super::Action) -> bool {
    use super::Action;
    !matches!(
        action,
        Action::Compare(_)
            | Action::Select(_)
            | Action::Analysed { .. }
            | Action::Notify(_)
            | Action::DismissNotice
    )
}

impl State {
    pub(super) fn compare_step(&mut self, step: CompareStep) {
        if let CompareStep::Start { name, other } = step {
            self.start_compare(name, *other);
            return;
        }
        let Some(c) = &mut self.compare else {
            return;
        };
        let last = c.comparison.differences.len().saturating_sub(1);
        match step {
            CompareStep::Start { .. } => {}
            CompareStep::Next => c.current = (c.current + 1).min(last),
            CompareStep::Previous => c.current = c.current.saturating_sub(1),
            CompareStep::Go(d) => c.current = d.min(last),
            CompareStep::Take(side) => {
                if c.comparison.differences.is_empty() {
                    return;
                }
                let comparison = c.comparison.clone();
                comparison.choose(&mut c.choices, c.current, side);
                let (merged, ids) = comparison.merged(&c.choices);
                c.ids = ids;
                self.doc = if c.takes_any_b() {
                    Rc::new(transfer::doc_of(merged))
                } else {
                    c.before.clone()
                };
                c.current = (c.current + 1).min(last);
            }
            CompareStep::Leave => {
                self.leave_compare();
                return;
            }
        }
        self.select_difference();
    }

    fn start_compare(&mut self, name: String, other: Document) {
        self.leave_compare();
        match compare(transfer::export(&self.doc), other) {
            Err(why) => self.notice = Some(format!("Nothing to compare: {name}: {why}")),
            Ok(comparison) => {
                let ids = comparison.merged(&[]).1;
                self.compare = Some(Comparing {
                    choices: vec![None; comparison.differences.len()],
                    comparison: Rc::new(comparison),
                    other: name,
                    current: 0,
                    ids,
                    before: self.doc.clone(),
                });
                self.review = None;
                self.notice = None;
                self.select_difference();
            }
        }
    }

    /// Leave compare mode keeping the merge; one undo step goes back to before it.
    pub(super) fn leave_compare(&mut self) {
        let Some(c) = self.compare.take() else {
            return;
        };
        if c.takes_any_b() {
            self.history.record(c.before);
        }
        self.active = None;
    }

    /// The current difference's annotation in the merge is the active one.
    fn select_difference(&mut self) {
        if let Some(c) = &self.compare {
            self.active = c.id_of(c.current).map(str::to_string);
        }
    }
}
