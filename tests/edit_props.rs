//! Properties of the offset conversions and re-anchoring, over generated text.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quotelens::edit::anchor::Reanchor;
use quotelens::model::offsets::{cp_of_utf16, slice_chars, utf16_of_cp};

/// Text with ASCII, accented, curly-quote and astral (two UTF-16 units) characters.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-z .]",
            Just("é".to_string()),
            Just("“".to_string()),
            Just("😀".to_string()),
            Just("𝄞".to_string())
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn utf16_and_code_points_round_trip(t in text(), frac in 0.0f64..=1.0) {
        let n = t.chars().count();
        let cp = (n as f64 * frac) as usize;
        let u = utf16_of_cp(&t, cp);
        prop_assert_eq!(cp_of_utf16(&t, u), cp);
        prop_assert_eq!(u, slice_chars(&t, 0, cp).encode_utf16().count());
    }

    #[test]
    fn a_span_outside_an_edit_keeps_its_text(
        before in text(), span in "[a-z]{1,8}", middle in text(), after in text(), insert in text(), at_end in any::<bool>()
    ) {
        let old = format!("{before}<{span}>{middle}{after}");
        let start = before.chars().count();
        let end = start + span.chars().count() + 2;
        let marked = slice_chars(&old, start, end).to_string();
        // Insert text before or after the span, away from it.
        let new = if at_end { format!("{old}{insert}") } else { format!("{insert}{old}") };
        let r = Reanchor::new(&old, &new);
        let (s, e) = r.span(start, end, &marked).expect("the span survives an edit elsewhere");
        prop_assert_eq!(slice_chars(&new, s, e), marked.as_str());
    }

    #[test]
    fn a_span_whose_text_is_gone_is_dropped(before in text(), span in "[a-z]{3,8}", after in text()) {
        let old = format!("{before}<{span}>{after}");
        let start = before.chars().count();
        let end = start + span.chars().count() + 2;
        let marked = slice_chars(&old, start, end).to_string();
        let new = format!("{before}<{}X>{after}", &span[..span.len() - 1]);
        let r = Reanchor::new(&old, &new);
        prop_assert_eq!(r.span(start, end, &marked), None);
    }
}
