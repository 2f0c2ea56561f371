//! The app's one state, every action a person (or the engine) can take on it, and the
//! one `reduce` that applies them. Reading `Action` tells what the app can do.

use std::rc::Rc;

use super::comparing::{CompareStep, Comparing};
use super::doc::Doc;
use super::history::History;
use super::ops::{self, SpeakerChoice};
use super::review::Review;
use crate::model::{Annotation, Document, Kind};

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The person typed in the editor (debounced): the editor already shows this text.
    TypeText(String),
    /// The text was replaced from elsewhere (paste into an empty editor, file, sample).
    SetText(String),
    /// The engine's result for `text`.
    Analysed {
        text: String,
        annotations: Vec<Annotation>,
        furniture: Vec<(usize, usize)>,
    },
    /// Mark the code points `[start, end)` as `kind`.
    Add {
        kind: Kind,
        start: usize,
        end: usize,
    },
    SetKind {
        id: String,
        kind: Kind,
    },
    /// Delete a person's annotation, reject an automatic one.
    Delete {
        id: String,
    },
    /// Keep an automatic annotation as the person's own.
    Accept {
        id: String,
    },
    AssignSpeaker {
        id: String,
        speaker: SpeakerChoice,
    },
    RenameSpeaker {
        from: String,
        to: String,
    },
    /// Bring the code points `[start, end)` into the article (`article: true`) or push
    /// them out of it as page furniture: a person's choice, undoable and exported.
    SetArticle {
        start: usize,
        end: usize,
        article: bool,
    },
    /// Make an annotation the active one (or none).
    Select(Option<String>),
    /// A step through the review queue; while it runs, its current item is the active one.
    Review(ReviewStep),
    /// A step of compare mode (`edit::comparing`); its current difference is the active one.
    Compare(CompareStep),
    Undo,
    Redo,
    /// A new document (empty, a sample, an import): undoable.
    Replace(Doc),
    /// The autosaved document after a reload: not undoable.
    Restore(Doc),
    /// Tell the person something (a file could not be read, ...).
    Notify(String),
    DismissNotice,
}

/// What a person does in the review queue (see `review`).
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewStep {
    /// Start at the least confident automatic annotation not yet reviewed.
    Start,
    /// Keep the current one as the person's own, and go on.
    Accept,
    /// Reject it, and go on.
    Reject,
    /// Give it this speaker (one already in the document, or a new name), and go on.
    Speaker(String),
    /// Leave it for later.
    Skip,
    Stop,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub doc: Rc<Doc>,
    pub history: History<Rc<Doc>>,
    pub active: Option<String>,
    /// A message for the person (why something could not be done, what was dropped).
    pub notice: Option<String>,
    /// Bumped whenever the text changes other than by typing, so the editor reloads it.
    pub text_rev: u64,
    /// Bumped whenever the document changes (a cheap key for caches and autosave).
    pub rev: u64,
    /// The review queue, while the person is reviewing.
    pub review: Option<Review>,
    /// The comparison with another file, while the person is comparing.
    pub compare: Option<Comparing>,
}

impl State {
    pub fn new(doc: Doc) -> Self {
        State {
            doc: Rc::new(doc),
            ..State::default()
        }
    }

    /// The active annotation, if it still exists.
    pub fn active(&self) -> Option<Annotation> {
        self.active.as_deref().and_then(|id| self.doc.find(id))
    }

    /// Apply one edit to a copy of the document, recording the old one for undo; on
    /// failure keep the document and tell the person why.
    fn edit<T>(&mut self, f: impl FnOnce(&mut Doc) -> Result<T, String>) -> Option<T> {
        let mut doc = (*self.doc).clone();
        match f(&mut doc) {
            Ok(out) => {
                if doc != *self.doc {
                    let before = std::mem::replace(&mut self.doc, Rc::new(doc));
                    self.history.record(before);
                }
                self.notice = None;
                Some(out)
            }
            Err(msg) => {
                self.notice = Some(msg);
                None
            }
        }
    }

    fn change_text(&mut self, text: &str) {
        let dropped = self
            .edit(|d| Ok::<_, String>(ops::set_text(d, text)))
            .unwrap_or(0);
        self.notice = match dropped {
            0 => self.notice.take(),
            1 => Some("1 of your annotations was removed because its text changed. Undo (Ctrl+Z) brings it back.".into()),
            n => Some(format!(
                "{n} of your annotations were removed because their text changed. Undo (Ctrl+Z) brings them back."
            )),
        };
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::TypeText(text) => self.change_text(&text),
            Action::SetText(text) => {
                self.change_text(&text);
                self.text_rev += 1;
            }
            Action::Analysed {
                text,
                annotations,
                furniture,
            } => {
                // Derived from the text, so not an undo step: edit the current snapshot
                // (a reply for an older text changes nothing, and copies nothing).
                if self.doc.text == text {
                    Rc::make_mut(&mut self.doc).install(&text, annotations, furniture);
                }
            }
            Action::Select(id) => self.active = id,
            Action::Review(step) => self.review_step(step),
            Action::Compare(step) => self.compare_step(step),
            Action::Undo => self.move_in_history(true),
            Action::Redo => self.move_in_history(false),
            Action::Replace(doc) => {
                self.edit(|d| {
                    *d = doc;
                    Ok(())
                });
                self.active = None;
                self.review = None;
                self.text_rev += 1;
            }
            Action::Restore(doc) => {
                *self = State {
                    doc: Rc::new(doc),
                    text_rev: self.text_rev + 1,
                    rev: self.rev,
                    ..State::default()
                };
            }
            Action::Notify(msg) => self.notice = Some(msg),
            Action::DismissNotice => self.notice = None,
            edit => self.edit_annotations(edit),
        }
    }

    /// The actions that edit annotations or the article's extent (`apply` hands on
    /// these alone); the one edited becomes the active one.
    fn edit_annotations(&mut self, action: Action) {
        match action {
            Action::Add { kind, start, end } => {
                let active = self.active.clone();
                if let Some(id) = self.edit(|d| ops::add(d, kind, start, end, active.as_deref())) {
                    self.active = Some(id);
                }
            }
            Action::SetKind { id, kind } => {
                if let Some(id) = self.edit(|d| ops::set_kind(d, &id, kind)) {
                    self.active = Some(id);
                }
            }
            Action::Delete { id } => {
                let deleted = self.edit(|d| ops::delete(d, &id)).is_some();
                if deleted && self.active.as_deref() == Some(id.as_str()) {
                    self.active = None;
                }
            }
            Action::Accept { id } => {
                if let Some(i) = self.edit(|d| ops::ensure_user(d, &id)) {
                    if self.active.as_deref() == Some(id.as_str()) {
                        self.active = Some(self.doc.user[i].id.clone());
                    }
                }
            }
            Action::AssignSpeaker { id, speaker } => {
                if let Some(id) = self.edit(|d| ops::assign_speaker(d, &id, speaker)) {
                    self.active = Some(id);
                }
            }
            Action::RenameSpeaker { from, to } => {
                self.edit(|d| ops::rename_speaker(d, &from, &to));
            }
            Action::SetArticle {
                start,
                end,
                article,
            } => {
                self.edit(|d| ops::set_article(d, start, end, article));
            }
            // Not edits of annotations: `apply` handles them.
            _ => {}
        }
    }

    /// Undo (`back`) or redo.
    fn move_in_history(&mut self, back: bool) {
        let current = self.doc.clone();
        let moved = if back {
            self.history.undo(current)
        } else {
            self.history.redo(current)
        };
        match moved {
            Ok(doc) => {
                if doc.text != self.doc.text {
                    self.text_rev += 1;
                }
                self.doc = doc;
                self.notice = None;
            }
            Err(doc) => self.doc = doc,
        }
    }
}

impl State {
    fn review_step(&mut self, step: ReviewStep) {
        let Some(review) = &mut self.review else {
            if step == ReviewStep::Start {
                self.review = Some(Review::default());
            }
            return;
        };
        let current = review.current(&self.doc).map(|a| a.id.clone());
        match step {
            ReviewStep::Start => {}
            ReviewStep::Skip => review.skip(&self.doc),
            ReviewStep::Stop => {
                self.review = None;
                self.active = None;
            }
            // The queue moves on by itself: a decided item no longer shows as automatic.
            ReviewStep::Accept => {
                if let Some(id) = current {
                    self.edit(|d| ops::ensure_user(d, &id));
                }
            }
            ReviewStep::Reject => {
                if let Some(id) = current {
                    self.edit(|d| ops::delete(d, &id));
                }
            }
            ReviewStep::Speaker(name) => {
                if let Some(id) = current {
                    self.edit(|d| {
                        let choice = ops::speaker_named(d, &name);
                        ops::assign_speaker(d, &id, choice)
                    });
                }
            }
        }
    }
}

impl State {
    fn compare_step(&mut self, step: CompareStep) {
        match step {
            CompareStep::Start { name, other } => self.start_compare(name, *other),
            CompareStep::Leave => self.leave_compare(),
            step => {
                if let Some(c) = &mut self.compare {
                    if c.step(step, &mut self.doc) {
                        self.active = c.current_id();
                    }
                }
            }
        }
    }

    fn start_compare(&mut self, name: String, other: Document) {
        self.leave_compare();
        match Comparing::start(&self.doc, name, other) {
            Err(notice) => self.notice = Some(notice),
            Ok(c) => {
                // The current difference's annotation in the merge is the active one.
                self.active = c.current_id();
                self.compare = Some(c);
                self.review = None;
                self.notice = None;
            }
        }
    }

    /// Leave compare mode keeping the merge; one undo step goes back to before it.
    fn leave_compare(&mut self) {
        let Some(c) = self.compare.take() else {
            return;
        };
        if let Some(before) = c.leave() {
            self.history.record(before);
        }
        self.active = None;
    }
}

/// Whether `action` leaves compare mode before it is applied: anything that is not a
/// compare step, a selection, a message or the engine's answer.
fn leaves_compare(action: &Action) -> bool {
    !matches!(
        action,
        Action::Compare(_)
            | Action::Select(_)
            | Action::Analysed { .. }
            | Action::Notify(_)
            | Action::DismissNotice
    )
}

impl Doc {
    fn install(
        &mut self,
        text: &str,
        annotations: Vec<Annotation>,
        furniture: Vec<(usize, usize)>,
    ) {
        ops::install_analysis(self, text, annotations, furniture);
    }
}

/// Apply `action` to `state`: the one place the document changes.
pub fn reduce(mut state: State, action: Action) -> State {
    if state.compare.is_some() && leaves_compare(&action) {
        state.leave_compare();
    }
    let before = state.doc.clone();
    let (history, select) = (
        matches!(action, Action::Undo | Action::Redo),
        matches!(action, Action::Select(_)),
    );
    state.apply(action);
    if let Some(review) = &mut state.review {
        if history {
            review.follow(&before, &state.doc);
        }
        // A person may look at something else; anything else brings the queue back.
        if !select {
            state.active = review.current(&state.doc).map(|a| a.id.clone());
        }
    }
    if !Rc::ptr_eq(&before, &state.doc) {
        state.rev += 1;
    }
    state
}
