//! Confidence of automatic annotations: how often annotations like this one were right
//! on held-out training data.
//!
//! An annotation is described at three levels: its kind ("quote"), its kind and rule
//! ("quote/quote-comma-name-cue"), and those with a detail ("…/long": the cue's
//! strength and the speaker's form for attributions, the length for quotes and reported
//! speech, the check-worthiness band for other claims). The table
//! (`confidence_table.rs`, written by `examples/calibrate.rs` from PolNeAR train and
//! the fact-checked transcripts) holds the precision of each description seen often
//! enough, keyed by [`Kind`] and [`Rule`]; an annotation takes the most detailed one
//! present. See docs/format.md.

use std::sync::OnceLock;

use super::confidence_table::TABLE;
use super::cues::CueList;
use super::lexicon;
use super::rule::Rule;
use crate::model::{Annotation, Kind};

/// The confidence of an annotation whose description is not in the table at all.
const UNKNOWN: f64 = 0.5;

/// The descriptions of `a`, from the most general to the most detailed, as
/// `examples/calibrate.rs` counts them: "kind", "kind/rule", "kind/rule/detail".
pub fn keys(a: &Annotation, cues: &CueList) -> [String; 3] {
    let rule = a.rule.as_deref().unwrap_or("none");
    let detail = detail(a, rule_of(a), cues).concat();
    let kind = a.kind.as_str();
    [
        kind.to_string(),
        format!("{kind}/{rule}"),
        format!("{kind}/{rule}/{detail}"),
    ]
}

/// The confidence of `a`: the precision of its most detailed description in the table.
#[cfg(test)]
fn confidence(a: &Annotation, cues: &CueList) -> f64 {
    confidence_with(a, rule_of(a), cues, &mut String::new())
}

/// [`confidence`] of an annotation whose rule (`a.rule` read back) the caller has,
/// joining the detail in `buffer` (reused from one annotation to the next by `analyse`,
/// so that no key is allocated).
pub(super) fn confidence_with(
    a: &Annotation,
    rule: Option<Rule>,
    cues: &CueList,
    buffer: &mut String,
) -> f64 {
    buffer.clear();
    for part in detail(a, rule, cues) {
        buffer.push_str(part);
    }
    rule.and_then(|r| lookup(a.kind, Some(r), buffer).or_else(|| lookup(a.kind, Some(r), "")))
        .or_else(|| lookup(a.kind, None, ""))
        .unwrap_or(UNKNOWN)
}

/// The rule of `a`, when it names one (an annotation read from outside may not).
fn rule_of(a: &Annotation) -> Option<Rule> {
    a.rule.as_deref().and_then(Rule::from_name)
}

/// The precision of a description in the table: `rule` `None` for the kind alone,
/// `detail` empty for the rule alone.
fn lookup(kind: Kind, rule: Option<Rule>, detail: &str) -> Option<f64> {
    type Details = Vec<(&'static str, f64)>;
    // The table's rows by kind and rule, at `slot(kind, rule)`: an index, not a hash
    // (asked three times an annotation).
    static INDEX: OnceLock<Vec<Details>> = OnceLock::new();
    let slot = |kind: Kind, rule: Option<Rule>| {
        kind as usize * (Rule::ALL.len() + 1) + rule.map_or(0, |r| r as usize + 1)
    };
    let index = INDEX.get_or_init(|| {
        let mut index = vec![Details::new(); Kind::ALL.len() * (Rule::ALL.len() + 1)];
        for &(kind, rule, detail, p) in TABLE {
            index[slot(kind, rule)].push((detail, p));
        }
        index
    });
    let details = index.get(slot(kind, rule))?;
    details.iter().find(|(d, _)| *d == detail).map(|&(_, p)| p)
}

/// The detail's pieces (joined, the last part of the description).
fn detail<'a>(a: &'a Annotation, rule: Option<Rule>, cues: &CueList) -> [&'a str; 3] {
    match a.kind {
        Kind::Attribution => [cue_class(a, cues), "-", speaker_class(&a.text)],
        Kind::Quote => [length_class(&a.text), "", ""],
        Kind::Claim if a.attribution.is_some() || rule == Some(Rule::CheckWorthyInQuote) => {
            [length_class(&a.text), "", ""]
        }
        Kind::Claim => [score_band(a.score.unwrap_or(0.0)), "", ""],
    }
}

/// How strong a cue the attribution's cue is: a listed word by its learnt strength,
/// or a guess, a punctuation mark (`Pompeo: "..."`) or a phrase.
fn cue_class(a: &Annotation, cues: &CueList) -> &'static str {
    let Some(cue) = &a.cue else {
        return "none";
    };
    let t = cue.text.trim();
    if !t.chars().any(char::is_alphabetic) {
        return "mark";
    }
    if t.contains(char::is_whitespace) {
        return "phrase";
    }
    match cues.strength(t) {
        0 => "unlisted",
        1..=29 => "weak",
        30..=69 => "medium",
        _ => "strong",
    }
}

/// A speaker mention's form: a pronoun, a name, or a common noun ("the spokesman").
fn speaker_class(mention: &str) -> &'static str {
    if !mention.contains(char::is_whitespace) && lexicon::pronoun(mention).is_some() {
        "pronoun"
    } else if mention.starts_with(char::is_uppercase) && !mention.starts_with("The ") {
        "name"
    } else {
        "noun"
    }
}

/// Words in a quote or reported content: short ones are more often scare quotes.
fn length_class(text: &str) -> &'static str {
    match words_up_to(text, 12) {
        0..=3 => "short",
        4..=11 => "medium",
        _ => "long",
    }
}

/// `text.split_whitespace().take(most).count()`, with ASCII read eight bytes at a
/// time (the standard iterator decodes every character; this runs for every quote and
/// reported claim): a word starts at each byte that is no space after one that is (or
/// after the start).
fn words_up_to(text: &str, most: usize) -> usize {
    let b = text.as_bytes();
    let (mut words, mut after_space, mut i) = (0, true, 0);
    while i < b.len() && words < most {
        if let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
            if x & HIGH == 0 {
                let space = ascii_spaces(x);
                let before = (space << 8) | u64::from(after_space) << 7;
                words += ((HIGH & !space) & before).count_ones() as usize;
                after_space = space >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let (space, len) = match b[i] {
            // `char::is_whitespace` on ASCII: tab to carriage return, and space.
            b'\t'..=b'\r' | b' ' => (true, 1),
            x if x < 0x80 => (false, 1),
            _ => {
                let c = super::ascii::char_from(text, i);
                (c.is_whitespace(), c.len_utf8())
            }
        };
        words += usize::from(!space && after_space);
        after_space = space;
        i += len;
    }
    words.min(most)
}

/// The high bit of each byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes (high bits clear), the high bit of each byte that is white
/// space as `char::is_whitespace` says (tab to carriage return, and space), no other bit.
fn ascii_spaces(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // No byte carries into the next: every byte is below 0x80.
    let at_least_tab = x + ONES * (0x80 - 0x09);
    let at_most_cr = ONES * (0x80 + 0x0d) - x;
    let not_space = x ^ (ONES * 0x20);
    let is_space = !((not_space + ONES * 0x7f) | not_space);
    ((at_least_tab & at_most_cr) | is_space) & HIGH
}

/// Check-worthiness in bands of 0.2.
fn score_band(score: f64) -> &'static str {
    match score {
        s if s < 0.2 => "score0",
        s if s < 0.4 => "score1",
        s if s < 0.6 => "score2",
        s if s < 0.8 => "score3",
        _ => "score4",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cue;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let texts = [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tline\nfeed\x0bvt\x0cff\rcr",
            "no\u{a0}break\u{2003}em space\u{3000}ideographic",
            "caf\u{e9} \u{201c}quoted\u{201d} \u{2014} dash",
            "a b c d e f g h i j k l m n o p",
        ];
        for t in texts {
            for most in [0, 1, 3, 12] {
                assert_eq!(
                    words_up_to(t, most),
                    t.split_whitespace().take(most).count(),
                    "{t:?} {most}"
                );
            }
        }
    }

    #[test]
    fn eight_ascii_bytes_are_spaces_as_char_is_whitespace_says() {
        for b in 0..0x80u8 {
            for at in 0..8 {
                let mut bytes = [b'x'; 8];
                bytes[at] = b;
                let got = ascii_spaces(u64::from_le_bytes(bytes));
                let want = if char::from(b).is_whitespace() {
                    0x80 << (8 * at)
                } else {
                    0
                };
                assert_eq!(got, want, "{b:#x} at {at}");
            }
        }
    }

    // proptest is a native dev-dependency: the wasm32 test build has no copy.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn words_up_to_is_split_whitespace_take_count(
            t in "[a-c \t\n\x0b\x0c\r\x01\x1f!\u{a0}\u{2003}\u{e9}\u{85}]{0,40}",
            most in 0usize..14,
        ) {
            proptest::prop_assert_eq!(words_up_to(&t, most), t.split_whitespace().take(most).count());
        }
    }

    fn attribution(mention: &str, cue: &str) -> Annotation {
        let mut a = Annotation::with_covered_text("a1", Kind::Attribution, 0, 1, mention.into());
        a.cue = Some(Cue {
            start: 0,
            end: 1,
            text: cue.into(),
        });
        a.rule = Some("quote-comma-name-cue".into());
        a
    }

    #[test]
    fn keys_go_from_kind_to_rule_to_detail() {
        let cues = CueList::builtin();
        let k = keys(&attribution("she", "said"), &cues);
        assert_eq!(k[0], "attribution");
        assert_eq!(k[1], "attribution/quote-comma-name-cue");
        assert_eq!(k[2], "attribution/quote-comma-name-cue/strong-pronoun");
        assert!(keys(&attribution("Mike Pompeo", "zinged"), &cues)[2].ends_with("/unlisted-name"));
        assert!(keys(&attribution("the spokesman", ":"), &cues)[2].ends_with("/mark-noun"));
    }

    #[test]
    fn the_table_holds_each_description_once_and_probabilities_for_every_kind() {
        for (i, (kind, rule, detail, p)) in TABLE.iter().enumerate() {
            assert!((0.0..=1.0).contains(p));
            assert!(rule.is_some() || detail.is_empty(), "a detail needs a rule");
            assert!(
                !TABLE[..i]
                    .iter()
                    .any(|(k, r, d, _)| (k, r, d) == (kind, rule, detail)),
                "{kind:?} {rule:?} {detail} twice"
            );
        }
        for kind in Kind::ALL {
            assert!(lookup(kind, None, "").is_some(), "{kind:?}");
        }
    }

    #[test]
    fn the_index_finds_every_description_of_the_table_and_nothing_else() {
        for &(kind, rule, detail, p) in TABLE {
            assert_eq!(
                lookup(kind, rule, detail),
                Some(p),
                "{kind:?} {rule:?} {detail}"
            );
        }
        assert_eq!(lookup(Kind::Attribution, None, "strong-name"), None);
    }

    #[test]
    fn the_most_detailed_description_in_the_table_decides() {
        let cues = CueList::builtin();
        let strong = attribution("she", "said");
        let rule = Some(Rule::QuoteCommaNameCue);
        assert_eq!(
            confidence(&strong, &cues),
            lookup(Kind::Attribution, rule, "strong-pronoun").unwrap()
        );
        // A cue the list does not know is less sure than "said" in the same pattern.
        let guessed = attribution("she", "zinged");
        assert!(confidence(&guessed, &cues) < confidence(&strong, &cues));
        // A rule no engine writes (an imported annotation's) falls back to the kind's.
        let mut odd = strong.clone();
        odd.rule = Some("no-such-rule".into());
        let kind = lookup(Kind::Attribution, None, "").unwrap();
        assert_eq!(confidence(&odd, &cues), kind);
        assert!(lookup(Kind::Attribution, rule, "").is_some());
    }
}
