//! The review queue: a person steps through the engine's annotations from least to most
//! confident and accepts, rejects, re-attributes or skips each one.
//!
//! What has been reviewed is not stored here: an automatic annotation counts as reviewed
//! once the document no longer shows it as automatic (accepted, corrected or rejected).
//! So the reducer's undo un-reviews it by itself, and progress can never disagree with
//! the document. The queue only remembers where the person is.

use std::collections::HashSet;

use super::doc::Doc;
use crate::model::{Annotation, Kind};

/// An automatic annotation known by kind and span: its id changes when a person takes
/// it over, its span does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

impl Key {
    pub fn of(a: &Annotation) -> Key {
        Key {
            kind: a.kind,
            start: a.start,
            end: a.end,
        }
    }
}

/// "12 of 40 reviewed".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub reviewed: usize,
    pub total: usize,
}

impl Progress {
    pub fn done(&self) -> bool {
        self.reviewed == self.total
    }
}

impl std::fmt::Display for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} of {} reviewed", self.reviewed, self.total)
    }
}

/// The confidence an item is ordered by: none recorded (an older import) counts as the
/// least sure, so it comes first.
fn confidence(a: &Annotation) -> f64 {
    a.confidence
        .filter(|c| c.is_finite())
        .unwrap_or(f64::NEG_INFINITY)
}

/// The engine's annotations in review order, each with whether it is reviewed.
struct Queue<'d> {
    items: Vec<&'d Annotation>,
    reviewed: Vec<bool>,
}

impl<'d> Queue<'d> {
    fn of(doc: &'d Doc) -> Queue<'d> {
        let mut seen = HashSet::new();
        let mut items: Vec<&Annotation> = doc
            .auto
            .iter()
            .filter(|a| seen.insert(Key::of(a)))
            .collect();
        // Least confident first; equally sure ones in reading order.
        items.sort_by(|a, b| {
            confidence(a)
                .total_cmp(&confidence(b))
                .then(a.start.cmp(&b.start))
                .then(a.end.cmp(&b.end))
                .then(a.kind.cmp(&b.kind))
        });
        let taken_over = taken_over(doc);
        let reviewed = items
            .iter()
            .map(|a| taken_over.contains(&Key::of(a)))
            .collect();
        Queue { items, reviewed }
    }

    fn position(&self, key: Option<Key>) -> usize {
        key.and_then(|k| self.items.iter().position(|a| Key::of(a) == k))
            .unwrap_or(0)
    }

    /// The first item still to review at or after `from`, going round to the start.
    fn pending_from(&self, from: usize) -> Option<usize> {
        let n = self.items.len();
        (0..n).map(|i| (from + i) % n).find(|&i| !self.reviewed[i])
    }
}

/// The spans of the automatic annotations a person rejected or took over.
fn taken_over(doc: &Doc) -> HashSet<Key> {
    doc.rejected
        .iter()
        .map(|r| Key {
            kind: r.kind,
            start: r.start,
            end: r.end,
        })
        .chain(doc.user.iter().map(Key::of))
        .collect()
}

/// Where the person is in the queue. `None` means at the start: the least confident
/// item not yet reviewed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    at: Option<Key>,
}

impl Review {
    /// The item to review now: the one the person is at or, once that is reviewed, the
    /// next one still to review (going round to skipped ones at the end).
    pub fn current<'d>(&self, doc: &'d Doc) -> Option<&'d Annotation> {
        let q = Queue::of(doc);
        q.pending_from(q.position(self.at)).map(|i| q.items[i])
    }

    /// How far the review has gone: counted, not ordered (the queue's order is not
    /// needed for it), so it costs no sort of the engine's annotations.
    pub fn progress(doc: &Doc) -> Progress {
        let taken_over = taken_over(doc);
        let mut seen = HashSet::new();
        let (mut reviewed, mut total) = (0, 0);
        for key in doc.auto.iter().map(Key::of) {
            if seen.insert(key) {
                total += 1;
                reviewed += usize::from(taken_over.contains(&key));
            }
        }
        Progress { reviewed, total }
    }

    /// Leave the current item for later: go on to the next one still to review.
    pub fn skip(&mut self, doc: &Doc) {
        let q = Queue::of(doc);
        let Some(now) = q.pending_from(q.position(self.at)) else {
            return;
        };
        if let Some(next) = q.pending_from(now + 1) {
            self.at = Some(Key::of(q.items[next]));
        }
    }

    /// After an undo or redo from `before` to `after`: if a decision was undone, go back
    /// to the earliest item (in review order) that is to review again.
    pub fn follow(&mut self, before: &Doc, after: &Doc) {
        let was: HashSet<Key> = {
            let q = Queue::of(before);
            q.items
                .iter()
                .zip(&q.reviewed)
                .filter(|(_, &r)| r)
                .map(|(a, _)| Key::of(a))
                .collect()
        };
        let q = Queue::of(after);
        let reopened = q
            .items
            .iter()
            .zip(&q.reviewed)
            .find(|(a, &r)| !r && was.contains(&Key::of(a)));
        if let Some((a, _)) = reopened {
            self.at = Some(Key::of(a));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::doc::Rejection;
    use crate::model::Origin;

    fn doc(confidences: &[Option<f64>]) -> Doc {
        let text = "a b c d e f g h";
        let auto = confidences
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let mut a = Annotation::new(format!("q{i}"), Kind::Quote, text, 2 * i, 2 * i + 1);
                a.confidence = c;
                a
            })
            .collect();
        Doc {
            text: text.into(),
            auto,
            analysed: true,
            ..Doc::default()
        }
    }

    fn ids(doc: &Doc) -> Vec<String> {
        Queue::of(doc).items.iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn least_confident_first_unknown_before_all_and_ties_in_reading_order() {
        let d = doc(&[Some(0.9), Some(0.3), None, Some(0.3), Some(f64::NAN)]);
        assert_eq!(ids(&d), ["q2", "q4", "q1", "q3", "q0"]);
    }

    #[test]
    fn rejected_and_taken_over_items_count_as_reviewed() {
        let mut d = doc(&[Some(0.5), Some(0.6), Some(0.7)]);
        assert_eq!(Review::progress(&d).to_string(), "0 of 3 reviewed");
        d.rejected.push(Rejection::of(&d.auto[0]));
        let mut mine = d.auto[2].clone();
        mine.id = "u1".into();
        mine.origin = Origin::User;
        d.user.push(mine);
        let p = Review::progress(&d);
        assert_eq!(p.to_string(), "2 of 3 reviewed");
        assert!(!p.done());
        assert_eq!(Review::default().current(&d).unwrap().id, "q1");
    }

    #[test]
    fn skipping_goes_round_to_skipped_items_and_stays_on_the_last_one() {
        let d = doc(&[Some(0.1), Some(0.2), Some(0.3)]);
        let mut r = Review::default();
        assert_eq!(r.current(&d).unwrap().id, "q0");
        r.skip(&d);
        assert_eq!(r.current(&d).unwrap().id, "q1");
        r.skip(&d);
        r.skip(&d);
        assert_eq!(r.current(&d).unwrap().id, "q0", "round to the skipped");
        let mut d = d;
        d.rejected.push(Rejection::of(&d.auto[1]));
        d.rejected.push(Rejection::of(&d.auto[2]));
        r.skip(&d);
        assert_eq!(r.current(&d).unwrap().id, "q0", "the only one left");
        d.rejected.push(Rejection::of(&d.auto[0]));
        assert!(r.current(&d).is_none());
        assert!(Review::progress(&d).done());
    }

    #[test]
    fn an_empty_document_has_nothing_to_review() {
        let d = Doc::default();
        let mut r = Review::default();
        r.skip(&d);
        assert!(r.current(&d).is_none());
        assert_eq!(Review::progress(&d).to_string(), "0 of 0 reviewed");
    }

    #[test]
    fn following_an_undo_goes_back_to_the_reopened_item() {
        let before = {
            let mut d = doc(&[Some(0.1), Some(0.2), Some(0.3)]);
            d.rejected.push(Rejection::of(&d.auto[0]));
            d.rejected.push(Rejection::of(&d.auto[1]));
            d
        };
        let mut r = Review::default();
        r.skip(&before);
        assert_eq!(r.current(&before).unwrap().id, "q2");
        let mut after = before.clone();
        after.rejected.pop();
        r.follow(&before, &after);
        assert_eq!(r.current(&after).unwrap().id, "q1");
        // A redo reopens nothing: the place stays, the next item comes up.
        r.follow(&after, &before);
        assert_eq!(r.current(&before).unwrap().id, "q2");
    }
}
