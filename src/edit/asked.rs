//! Which analysis the page has asked for and not yet heard back about, so the same one
//! is not asked twice: a paste asks at once, before the reading view is built, and the
//! render that follows must not ask again. (Which replies are stale is
//! `worker::queue`'s business; the reducer ignores a reply for another text.)

use std::rc::Rc;

use super::{ArticleSetting, Doc};
use crate::engine::Options;

/// The person's cue words as the app holds them: shared, and replaced (never changed in
/// place) when they change, so one `Rc` is one version of them.
pub type SharedOptions = Rc<Option<Options>>;

/// An analysis asked for: the text, its article setting and the options' version.
#[derive(Debug)]
struct Request {
    text: String,
    setting: ArticleSetting,
    options: SharedOptions,
}

/// The analysis last asked for, until its answer comes.
#[derive(Debug, Default)]
pub struct AskedAnalysis(Option<Request>);

impl AskedAnalysis {
    /// Whether an analysis of `text` with `setting` and `options` is to be asked for:
    /// not when that very one is on its way. When it is, it is remembered as asked.
    pub fn should_ask(
        &mut self,
        text: &str,
        setting: &ArticleSetting,
        options: &SharedOptions,
    ) -> bool {
        if self
            .0
            .as_ref()
            .is_some_and(|a| a.is(text, setting, options))
        {
            return false;
        }
        self.0 = Some(Request {
            text: text.to_string(),
            setting: setting.clone(),
            options: options.clone(),
        });
        true
    }

    /// `should_ask` for the document as it stands.
    pub fn should_ask_for(&mut self, doc: &Doc, options: &SharedOptions) -> bool {
        self.should_ask(&doc.text, &ArticleSetting::of(doc), options)
    }

    /// An answer came: the next request goes out whatever it is.
    pub fn answered(&mut self) {
        self.0 = None;
    }
}

impl Request {
    fn is(&self, text: &str, setting: &ArticleSetting, options: &SharedOptions) -> bool {
        Rc::ptr_eq(&self.options, options) && self.setting == *setting && self.text == text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_analysis_is_asked_for_once_until_it_is_answered() {
        let options: SharedOptions = Rc::new(None);
        let mut asked = AskedAnalysis::default();
        let setting = ArticleSetting::default();
        assert!(asked.should_ask("It rained.", &setting, &options));
        assert!(
            !asked.should_ask("It rained.", &setting, &options),
            "on its way"
        );
        asked.answered();
        assert!(
            asked.should_ask("It rained.", &setting, &options),
            "asked again"
        );
    }

    #[test]
    fn another_text_setting_or_version_of_the_cue_words_is_asked_for() {
        let options: SharedOptions = Rc::new(None);
        let mut asked = AskedAnalysis::default();
        let setting = ArticleSetting::default();
        assert!(asked.should_ask("It rained.", &setting, &options));
        assert!(
            asked.should_ask("It snowed.", &setting, &options),
            "a new text"
        );
        let marked = ArticleSetting {
            marked: Some(vec![(0, 2)]),
            ..ArticleSetting::default()
        };
        assert!(
            asked.should_ask("It snowed.", &marked, &options),
            "a new setting"
        );
        // Equal cue words in a new `Rc` are a change the person made: asked again.
        let edited: SharedOptions = Rc::new(None);
        assert!(
            asked.should_ask("It snowed.", &marked, &edited),
            "new cue words"
        );
        assert!(!asked.should_ask("It snowed.", &marked, &edited));
    }

    #[test]
    fn a_document_is_asked_for_with_its_own_article_setting() {
        let options: SharedOptions = Rc::new(None);
        let mut asked = AskedAnalysis::default();
        let doc = Doc {
            base_furniture: vec![(0, 4)],
            marked: true,
            ..Doc::with_text("Menu\nIt rained.")
        };
        assert!(asked.should_ask_for(&doc, &options));
        assert!(!asked.should_ask(&doc.text, &ArticleSetting::of(&doc), &options));
        assert!(
            asked.should_ask(&doc.text, &ArticleSetting::default(), &options),
            "the plain text is another analysis"
        );
    }
}
