//! Properties of comparing two people's annotations, over generated documents.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quotelens::edit::compare::{compare, Side};
use quotelens::model::{Annotation, Cue, Document, Kind, Origin};

/// Text with ASCII, accented, curly-quote and astral characters.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-z .]{1,6}",
            Just("é".to_string()),
            Just("“".to_string()),
            Just("😀".to_string()),
            Just("𝄞".to_string())
        ],
        20..60,
    )
    .prop_map(|v| v.concat())
}

/// What one annotation of a generated document is: kind, span (as fractions of the
/// text), review state, speaker name, whether it has a cue, which mention it links to.
type Spec = (u8, f64, f64, bool, u8, bool, usize);

fn spec() -> impl Strategy<Value = Spec> {
    (
        0u8..3,
        0.0f64..1.0,
        0.0f64..0.3,
        any::<bool>(),
        0u8..3,
        any::<bool>(),
        0usize..8,
    )
}

/// A valid document of `text`: unique ids, no two annotations of one kind over one
/// span, links from quotes and claims to attributions only.
fn document(text: &str, specs: &[Spec]) -> Document {
    let n = text.chars().count();
    let mut out: Vec<Annotation> = Vec::new();
    for (i, &(kind, at, len, user, name, cue, _)) in specs.iter().enumerate() {
        let kind = Kind::ALL[kind as usize];
        let start = ((at * n as f64) as usize).min(n - 1);
        let end = (start + 1 + (len * n as f64) as usize).min(n);
        if out
            .iter()
            .any(|x| (x.kind, x.start, x.end) == (kind, start, end))
        {
            continue;
        }
        let mut a = Annotation::new(format!("x{i}"), kind, text, start, end);
        a.origin = if user { Origin::User } else { Origin::Auto };
        if kind == Kind::Attribution {
            a.speaker = Some(["Ana Ruiz", "Bo Li", "Ché"][name as usize].into());
            a.cue = cue.then(|| Cue {
                start,
                end,
                text: a.text.clone(),
            });
        }
        out.push(a);
    }
    let mentions: Vec<String> = out
        .iter()
        .filter(|a| a.kind == Kind::Attribution)
        .map(|a| a.id.clone())
        .collect();
    for (a, s) in out.iter_mut().zip(specs) {
        if a.kind != Kind::Attribution && !mentions.is_empty() && s.6 < 6 {
            a.attribution = Some(mentions[s.6 % mentions.len()].clone());
        }
    }
    Document::new(text, out)
}

proptest! {
    #[test]
    fn a_document_compared_with_itself_agrees_fully(t in text(), specs in proptest::collection::vec(spec(), 0..12)) {
        let doc = document(&t, &specs);
        prop_assert_eq!(quotelens::model::validate(&doc), Ok(()));
        let c = compare(doc.clone(), doc.clone()).unwrap();
        prop_assert!(c.differences.is_empty(), "{:?}", c.pairs);
        for row in c.figures.rows() {
            let value = match row.figure {
                quotelens::edit::compare::Figure::Overlap(o) => o.f1(),
                quotelens::edit::compare::Figure::Share(s) => s.value(),
            };
            prop_assert!(value.is_none() || value == Some(1.0), "{}: {:?}", row.label, value);
        }
        prop_assert_eq!(c.merge(&[]), doc);
    }

    #[test]
    fn taking_every_difference_from_b_gives_b(
        t in text(), a in proptest::collection::vec(spec(), 0..10), b in proptest::collection::vec(spec(), 0..10)
    ) {
        let (a, b) = (document(&t, &a), document(&t, &b));
        let c = compare(a.clone(), b.clone()).unwrap();
        prop_assert_eq!(c.merge(&[]), a);
        let merged = c.merge(&vec![Some(Side::B); c.differences.len()]);
        prop_assert_eq!(quotelens::model::validate(&merged), Ok(()));
        let again = compare(merged, b).unwrap();
        prop_assert!(again.differences.is_empty(), "{:?}", again.pairs);
    }
}
