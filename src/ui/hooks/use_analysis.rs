//! The engine runs (in its worker) whenever the document's text awaits it, and again
//! when the cue words change; `edit::asked` keeps the same analysis from being asked
//! for twice.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::CueSettings;
use crate::edit::asked::{AskedAnalysis, SharedOptions};
use crate::edit::{Action, ArticleSetting, Doc};
use crate::ui::analysis;

/// The app's way to ask for an analysis outside the document's changes (a paste asks
/// before the document holds the text).
#[derive(Clone)]
pub struct AnalysisAsker {
    asked: Rc<RefCell<AskedAnalysis>>,
    options: SharedOptions,
    done: Callback<Action>,
}

impl AnalysisAsker {
    /// Analyse `text` with `setting` and the person's cue words, unless that very
    /// analysis is already on its way.
    pub fn ask(&self, text: &str, setting: ArticleSetting) {
        if !self
            .asked
            .borrow_mut()
            .should_ask(text, &setting, &self.options)
        {
            return;
        }
        let answered = {
            let asked = self.asked.clone();
            let done = self.done.clone();
            Callback::from(move |a: Action| {
                if matches!(a, Action::Analysed { .. }) {
                    asked.borrow_mut().answered();
                }
                done.emit(a)
            })
        };
        let options = (*self.options).clone();
        analysis::request(text.to_string(), setting, options, answered);
    }

    fn ask_for(&self, doc: &Doc) {
        self.ask(&doc.text, ArticleSetting::of(doc));
    }
}

/// Analyse `doc` whenever revision `rev` of it awaits its analysis, and at once when
/// the cue words change; answers go to `done`.
#[hook]
pub fn use_analysis(
    doc: &Rc<Doc>,
    rev: u64,
    cues: &CueSettings,
    done: Callback<Action>,
) -> AnalysisAsker {
    let asked = use_mut_ref(AskedAnalysis::default);
    let asker = AnalysisAsker {
        asked,
        options: cues.options.clone(),
        done,
    };
    {
        let (doc, asker) = (doc.clone(), asker.clone());
        use_effect_with(rev, move |_| {
            if !doc.analysed {
                asker.ask_for(&doc);
            }
        });
    }
    // The first render is covered above.
    {
        let (doc, asker) = (doc.clone(), asker.clone());
        let first = use_mut_ref(|| true);
        use_effect_with(cues.changes.clone(), move |_| {
            if !std::mem::take(&mut *first.borrow_mut()) && !doc.text.is_empty() {
                asker.ask_for(&doc);
            }
        });
    }
    asker
}
