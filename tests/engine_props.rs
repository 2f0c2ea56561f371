#![cfg(not(target_arch = "wasm32"))]
//! Property tests: analysis never panics, and every annotation's text is the text's
//! slice at its code-point offsets.

use proptest::prelude::*;
use quotelens::analyse;

fn check(text: &str) {
    let a = analyse(text);
    let chars: Vec<char> = text.chars().collect();
    for x in &a.annotations {
        assert!(
            x.start <= x.end && x.end <= chars.len(),
            "{x:?} out of range"
        );
        let slice: String = chars[x.start..x.end].iter().collect();
        assert_eq!(slice, x.text, "annotation text differs from its slice");
        if let Some(c) = &x.cue {
            assert!(c.start <= c.end && c.end <= chars.len());
            assert_eq!(chars[c.start..c.end].iter().collect::<String>(), c.text);
        }
    }
    for &(s, e) in &a.furniture {
        assert!(s <= e && e <= chars.len());
    }
}

/// Pieces that stress the quote and attribution scanners.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("'".to_string()),
        Just("\u{2018}".to_string()),
        Just("\u{2019}".to_string()),
        Just(" said ".to_string()),
        Just(", he said. ".to_string()),
        Just("According to ".to_string()),
        Just("Mike Pompeo".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just(". ".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\u{2014}".to_string()),
        Just("😀𝔘".to_string()),
        Just("Related Topics\n".to_string()),
        "[a-zA-Z ]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_on_arbitrary_strings(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn never_panics_on_quote_soup(parts in prop::collection::vec(piece(), 0..60)) {
        check(&parts.concat());
    }

    #[test]
    fn never_panics_on_very_long_lines(word in "[a-z\u{1F600}\"' ]{1,8}", n in 1000usize..4000) {
        check(&word.repeat(n));
    }
}

#[test]
fn lone_marks_and_astral_text() {
    for t in [
        "\"",
        "\u{201c}",
        "\u{201d}",
        "'",
        "\u{2019}",
        "\"\"",
        "\u{201d}\u{201c}",
        "😀\"😀\" he said",
        "\n\"\n\"",
        "",
    ] {
        check(t);
    }
}
