//! Undo and redo as snapshots of the document: simple, and exact by construction.

/// How many steps back undo reaches; older snapshots are forgotten.
pub const DEPTH: usize = 100;

#[derive(Debug, Clone, PartialEq)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl<T> History<T> {
    /// Remember `before`, the state an edit is about to change; a new edit ends redo.
    pub fn record(&mut self, before: T) {
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// The state to go back to from `current`, if any.
    pub fn undo(&mut self, current: T) -> Result<T, T> {
        match self.undo.pop() {
            Some(prev) => {
                self.redo.push(current);
                Ok(prev)
            }
            None => Err(current),
        }
    }

    pub fn redo(&mut self, current: T) -> Result<T, T> {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(current);
                Ok(next)
            }
            None => Err(current),
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_snapshots_and_a_new_edit_ends_redo() {
        let mut h = History::default();
        h.record(1);
        h.record(2);
        assert_eq!(h.undo(3), Ok(2));
        assert_eq!(h.undo(2), Ok(1));
        assert_eq!(h.undo(1), Err(1));
        assert_eq!(h.redo(1), Ok(2));
        h.record(2);
        assert!(!h.can_redo());
        assert_eq!(h.redo(9), Err(9));
    }

    #[test]
    fn keeps_at_most_depth_steps() {
        let mut h = History::default();
        for i in 0..DEPTH + 5 {
            h.record(i);
        }
        let mut cur = 999;
        let mut steps = 0;
        while let Ok(prev) = h.undo(cur) {
            cur = prev;
            steps += 1;
        }
        assert_eq!(steps, DEPTH);
        assert_eq!(cur, 5);
    }
}
