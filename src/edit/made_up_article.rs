//! A made-up article with every kind of mark, analysed as the engine would answer: the
//! document `ui::rehearsal` renders once, out of sight, when the page starts, so the code
//! that shows an analysed article has run (and the browser has compiled it) before the
//! first real paste.

use super::state::{reduce, Action, State};
use crate::model::{Annotation, Cue, Kind};

const PARAGRAPH: &str = "The minister spoke on Monday. \"We will rebuild the bridge by May,\" said Anna Berg, the minister. Critics disagreed: the costs rose by 40 percent last year.\n\n";

/// Paragraphs in the article: enough for a few chunks, the later ones plain.
const PARAGRAPHS: usize = 60;

/// The made-up article, as the reducer holds it once its analysis is in.
pub fn made_up_article() -> State {
    let text = PARAGRAPH.repeat(PARAGRAPHS);
    let annotations = (0..PARAGRAPHS).flat_map(paragraph_annotations).collect();
    let state = reduce(State::default(), Action::TypeText(text.clone()));
    reduce(
        state,
        Action::Analysed {
            text,
            annotations,
            furniture: Vec::new(),
        },
    )
}

/// A quote, its attribution (speaker and cue) and a claim in paragraph `i`.
fn paragraph_annotations(i: usize) -> Vec<Annotation> {
    // The text is ASCII: byte offsets are code points.
    let base = i * PARAGRAPH.len();
    let span = |part: &str| {
        let start = base + PARAGRAPH.find(part).expect("a part of the paragraph");
        (start, start + part.len())
    };
    let annotation = |id: String, kind: Kind, part: &str| {
        let (start, end) = span(part);
        Annotation {
            id,
            kind,
            start,
            end,
            text: part.to_string(),
            origin: Default::default(),
            attribution: None,
            speaker: None,
            cue: None,
            score: None,
            signals: None,
            rule: Some("rehearsal".into()),
            why: Some("A made-up example.".into()),
            confidence: Some(0.9),
        }
    };
    let (attribution, speaker) = (format!("a{i}"), "Anna Berg".to_string());
    let (cue_start, cue_end) = span("said");
    let quote = Annotation {
        attribution: Some(attribution.clone()),
        speaker: Some(speaker.clone()),
        ..annotation(
            format!("q{i}"),
            Kind::Quote,
            "\"We will rebuild the bridge by May,\"",
        )
    };
    let said = Annotation {
        speaker: Some(speaker),
        cue: Some(Cue {
            start: cue_start,
            end: cue_end,
            text: "said".into(),
        }),
        ..annotation(attribution, Kind::Attribution, "Anna Berg")
    };
    let claim = Annotation {
        score: Some(0.8),
        ..annotation(
            format!("c{i}"),
            Kind::Claim,
            "the costs rose by 40 percent last year.",
        )
    };
    vec![quote, said, claim]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::chunks::{chunks, CHUNK_CHARS};
    use crate::edit::layout::{layout, Mark};

    #[test]
    fn the_rehearsal_is_an_analysed_article_with_every_mark_in_several_chunks() {
        let state = made_up_article();
        let doc = &state.doc;
        assert!(doc.analysed);
        let shown = doc.annotations();
        assert_eq!(shown.len(), 3 * PARAGRAPHS);
        for a in &shown {
            let words: String = doc
                .text
                .chars()
                .skip(a.start)
                .take(a.end - a.start)
                .collect();
            assert_eq!(words, a.text, "{}", a.id);
            if let Some(cue) = &a.cue {
                assert_eq!(&doc.text[cue.start..cue.end], cue.text);
            }
        }
        let segments = layout(doc.text.chars().count(), &shown, &[], |_| true);
        for mark in Mark::ALL {
            assert!(
                segments
                    .iter()
                    .any(|s| s.layers.iter().any(|l| l.mark == mark)),
                "{mark:?}"
            );
        }
        let blocks = crate::edit::page_parts::blocks(&doc.text, &[]);
        assert!(chunks(&doc.text, &segments, &blocks, CHUNK_CHARS).len() >= 4);
    }
}
