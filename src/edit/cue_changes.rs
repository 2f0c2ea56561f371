//! A person's changes to the built-in cue list (the reporting verbs and phrases that
//! introduce speech): words added and words removed. Kept as changes rather than as a
//! whole list, so a better built-in list in a later version still reaches people who
//! edited theirs.

use serde::{Deserialize, Serialize};

use crate::engine::CueList;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CueChanges {
    /// Cues the built-in list lacks, in the order they were added.
    #[serde(default)]
    pub added: Vec<String>,
    /// Built-in cues taken out.
    #[serde(default)]
    pub removed: Vec<String>,
}

/// Lower case, one space between words: how cues are compared.
fn normalize(cue: &str) -> String {
    cue.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl CueChanges {
    /// No changes: the built-in list.
    pub fn is_builtin(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }

    /// The list the engine uses: the built-in one with these changes.
    pub fn list(&self) -> CueList {
        let mut list = CueList::builtin();
        for cue in &self.removed {
            list.remove(cue);
        }
        for cue in &self.added {
            list.add(cue);
        }
        list
    }

    /// Add `cue` (a word or a phrase); the error says why it cannot be.
    pub fn add(&mut self, cue: &str) -> Result<(), String> {
        let cue = normalize(cue);
        if cue.is_empty() {
            return Err("Type a reporting verb or phrase first.".into());
        }
        if cue.contains('#') || cue.chars().any(char::is_control) {
            return Err("A cue word is letters and spaces only.".into());
        }
        if let Some(i) = self.removed.iter().position(|r| *r == cue) {
            self.removed.remove(i);
            return Ok(());
        }
        if self.added.contains(&cue) || CueList::builtin().contains(&cue) {
            return Err(format!("“{cue}” is already a cue word."));
        }
        self.added.push(cue);
        Ok(())
    }

    /// Take `cue` out of the list; false when it was not in it.
    pub fn remove(&mut self, cue: &str) -> bool {
        let cue = normalize(cue);
        if let Some(i) = self.added.iter().position(|a| *a == cue) {
            self.added.remove(i);
            return true;
        }
        if self.removed.contains(&cue) || !CueList::builtin().contains(&cue) {
            return false;
        }
        self.removed.push(cue);
        true
    }

    /// "1 added, 2 removed", or "the built-in list".
    pub fn describe(&self) -> String {
        match (self.added.len(), self.removed.len()) {
            (0, 0) => "the built-in list".into(),
            (a, 0) => format!("{a} added"),
            (0, r) => format!("{r} removed"),
            (a, r) => format!("{a} added, {r} removed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a_builtin_cue() -> String {
        CueList::builtin()
            .cues()
            .into_iter()
            .find(|c| c == "said")
            .expect("\"said\" is built in")
    }

    #[test]
    fn added_and_removed_cues_change_the_list() {
        let mut c = CueChanges::default();
        assert!(c.is_builtin());
        assert_eq!(c.list().cues(), CueList::builtin().cues());
        assert!(!c.list().contains("zinged"));
        c.add("  Zinged ").unwrap();
        assert!(c.list().contains("zinged"));
        c.add("went  on to say").unwrap();
        assert!(c.list().contains("went on to say"));
        let said = a_builtin_cue();
        assert!(c.remove(&said));
        assert!(!c.list().contains(&said));
        assert_eq!(c.describe(), "2 added, 1 removed");
        assert_eq!(c.list().len(), CueList::builtin().len() + 1);
    }

    #[test]
    fn adding_back_a_removed_cue_undoes_the_removal() {
        let mut c = CueChanges::default();
        let said = a_builtin_cue();
        c.remove(&said);
        c.add("SAID").unwrap();
        assert!(c.is_builtin(), "{c:?}");
        c.add("zinged").unwrap();
        assert!(c.remove("zinged"));
        assert!(c.is_builtin());
    }

    #[test]
    fn refuses_blank_listed_and_odd_cues_and_unknown_removals() {
        let mut c = CueChanges::default();
        assert!(c.add("   ").is_err());
        assert!(c.add(&a_builtin_cue()).unwrap_err().contains("already"));
        assert!(c.add("said # not").is_err());
        c.add("zinged").unwrap();
        assert!(c.add("Zinged").is_err());
        assert!(!c.remove("no such cue"));
        assert_eq!(c.added, ["zinged"]);
        assert!(c.removed.is_empty());
    }

    #[test]
    fn changes_round_trip_through_json_and_missing_fields_default() {
        let mut c = CueChanges::default();
        c.add("zinged").unwrap();
        c.remove(&a_builtin_cue());
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<CueChanges>(&json).unwrap(), c);
        assert_eq!(
            serde_json::from_str::<CueChanges>("{}").unwrap(),
            CueChanges::default()
        );
    }
}
