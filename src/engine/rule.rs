//! The patterns that find annotations, as a type: each automatic annotation's `rule`
//! (its provenance, shown to the reviewer) and a key of the confidence table, so a
//! misspelt rule fails the build instead of falling back to its kind's confidence.

/// Declares [`Rule`] with each variant's name, written once.
macro_rules! rules {
    ($($variant:ident = $name:literal,)*) => {
        /// The pattern that found an annotation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($variant,)*
        }

        impl Rule {
            /// Every rule.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule's name in annotations ("quote-comma-name-cue").
            pub const fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }
        }
    };
}

rules! {
    AccordingTo = "according-to",
    AccordingToQuote = "according-to-quote",
    CheckWorthyInQuote = "check-worthy-in-quote",
    CheckWorthySentence = "check-worthy-sentence",
    ContentCommaCueName = "content-comma-cue-name",
    ContentCommaNameCue = "content-comma-name-cue",
    CueNameQuote = "cue-name-quote",
    InvertedCueQuote = "inverted-cue-quote",
    NameAppositionColonQuote = "name-apposition-colon-quote",
    NameColonQuote = "name-colon-quote",
    NameCueContent = "name-cue-content",
    NameCueQuote = "name-cue-quote",
    NameDistantCueQuote = "name-distant-cue-quote",
    NamePutItQuote = "name-put-it-quote",
    ParentheticalNameCue = "parenthetical-name-cue",
    PartialQuoteContentCueName = "partial-quote-content-cue-name",
    PartialQuoteContentNameCue = "partial-quote-content-name-cue",
    ParticipleSubjectQuote = "participle-subject-quote",
    PhraseCueQuote = "phrase-cue-quote",
    QuoteAccordingTo = "quote-according-to",
    QuoteAfterColonParagraph = "quote-after-colon-paragraph",
    QuoteAfterReportedSpeech = "quote-after-reported-speech",
    QuoteCommaCueName = "quote-comma-cue-name",
    QuoteCommaNameAppositionCue = "quote-comma-name-apposition-cue",
    QuoteCommaNameCue = "quote-comma-name-cue",
    QuoteCommaNameUnlistedVerb = "quote-comma-name-unlisted-verb",
    QuoteCommaPhraseCue = "quote-comma-phrase-cue",
    QuoteCommaUnlistedVerbName = "quote-comma-unlisted-verb-name",
    QuoteContinuesQuote = "quote-continues-quote",
    QuoteDashName = "quote-dash-name",
    QuoteFirstPartTakesLaterSpeaker = "quote-first-part-takes-later-speaker",
    QuoteModelMention = "quote-model-mention",
    QuoteModelPreviousSpeaker = "quote-model-previous-speaker",
    QuoteParagraphAfterReportedSpeech = "quote-paragraph-after-reported-speech",
    QuoteParagraphAfterSpeaker = "quote-paragraph-after-speaker",
    QuoteParticipleCueAfterQuote = "quote-participle-cue-after-quote",
    QuotePronounPresentVerb = "quote-pronoun-present-verb",
    QuoteSameParagraphSpeaker = "quote-same-paragraph-speaker",
    QuoteUnattributedSpeech = "quote-unattributed-speech",
    SpeakerLabel = "speaker-label",
}

impl Rule {
    /// The rule named `name`, if any (a rule read back from an annotation).
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_read_back() {
        for (i, r) in Rule::ALL.iter().enumerate() {
            assert_eq!(Rule::from_name(r.name()), Some(*r));
            assert!(Rule::ALL[..i].iter().all(|o| o.name() != r.name()));
        }
        assert_eq!(Rule::from_name("no-such-rule"), None);
    }
}
