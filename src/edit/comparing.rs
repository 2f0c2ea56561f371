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

impl Comparing {
    /// A comparison of `doc` with `other` (`name` naming it), or what to tell the person.
    pub(super) fn start(doc: &Rc<Doc>, name: String, other: Document) -> Result<Self, String> {
        let comparison = compare(transfer::export(doc), other)
            .map_err(|why| format!("Nothing to compare: {name}: {why}"))?;
        let ids = comparison.merged(&[]).1;
        Ok(Comparing {
            choices: vec![None; comparison.differences.len()],
            comparison: Rc::new(comparison),
            other: name,
            current: 0,
            ids,
            before: doc.clone(),
        })
    }

    /// Move between the differences, or take a side, which makes `doc` the merge.
    /// Whether the step did anything (a side taken when there is no difference does
    /// not). `Start` and `Leave` are the reducer's (`Comparing::start`, `leave`).
    pub(super) fn step(&mut self, step: CompareStep, doc: &mut Rc<Doc>) -> bool {
        let last = self.comparison.differences.len().saturating_sub(1);
        match step {
            CompareStep::Start { .. } | CompareStep::Leave => return false,
            CompareStep::Next => self.current = (self.current + 1).min(last),
            CompareStep::Previous => self.current = self.current.saturating_sub(1),
            CompareStep::Go(d) => self.current = d.min(last),
            CompareStep::Take(side) => {
                if self.comparison.differences.is_empty() {
                    return false;
                }
                let comparison = self.comparison.clone();
                comparison.choose(&mut self.choices, self.current, side);
                let (merged, ids) = comparison.merged(&self.choices);
                self.ids = ids;
                *doc = if self.takes_any_b() {
                    Rc::new(transfer::doc_of(merged))
                } else {
                    self.before.clone()
                };
                self.current = (self.current + 1).min(last);
            }
        }
        true
    }

    /// Leave, keeping the merge: the document as it was before comparing, for one undo
    /// step to bring back, when the merge took anything from B.
    pub(super) fn leave(self) -> Option<Rc<Doc>> {
        self.takes_any_b().then_some(self.before)
    }

    /// The id of the current difference's annotation in the merge.
    pub(super) fn current_id(&self) -> Option<String> {
        self.id_of(self.current).map(str::to_string)
    }
}
