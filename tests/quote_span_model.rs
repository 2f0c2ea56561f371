//! The learnt quotation-span model (src/engine/quote_span_model/): the engine's scores
//! equal its trainer's, and what it asks, with made-up sentences.

use quotelens::analyse;
use quotelens::engine::quote_span_rows;
use quotelens::Kind;

mod common;

/// `tests/quote_span_model_check.json` holds, for a few invented texts, the score of
/// every quotation the model asks as `examples/train_quote_spans.rs` computed it from the
/// weights it shipped (`scripts/train-quote-spans.sh`). The engine must score them the
/// same.
#[test]
fn the_engine_scores_quotations_as_the_trainer_did() {
    let compared = common::compare_model_check(
        include_str!("quote_span_model_check.json"),
        "quotes",
        "quote",
        |text| {
            quote_span_rows(text)
                .iter()
                .map(|r| (r.quote.start, r.score))
                .collect()
        },
    );
    assert!(compared >= 3, "only {compared} scores compared");
}

/// The texts of the quotes `text` is annotated with.
fn quotes(text: &str) -> Vec<String> {
    analyse(text)
        .annotations
        .into_iter()
        .filter(|a| a.kind == Kind::Quote)
        .map(|a| a.text)
        .collect()
}

#[test]
fn an_attributed_quote_is_never_asked_and_stays() {
    let text = "\"The ferry will run again in April, once the pier is mended,\" said Ada Moss.";
    assert!(quote_span_rows(text).is_empty());
    assert_eq!(quotes(text).len(), 1);
}

#[test]
fn a_quotation_without_a_speaker_is_asked_with_every_feature() {
    let text = "The board met twice.\n\n\"Nobody asked us about the ferry timetable, not once.\"";
    let rows = quote_span_rows(text);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].features.len(),
        quotelens::engine::quote_span_features().len()
    );
    assert_eq!(
        &text[rows[0].quote.clone()],
        "\"Nobody asked us about the ferry timetable, not once.\""
    );
}

#[test]
fn a_kept_quotation_is_one_the_model_scores_above_zero() {
    for text in [
        "Critics of the so-called \"quiet reform of the city budget office\" were not heard.",
        "\"We are tired of waiting for the council to act on the flooding,\" one resident wrote.",
        "Her essay \"Why the River Matters to All of Us\" ran on Sunday in the weekly paper.",
    ] {
        let kept = !quotes(text).is_empty();
        for row in quote_span_rows(text) {
            assert_eq!(kept, row.score > 0.0, "{text}");
        }
    }
}
