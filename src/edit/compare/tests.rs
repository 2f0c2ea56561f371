use super::*;
use crate::model::{Cue, Origin};

/// An invented article with an astral character before every mark, so that byte and
/// UTF-16 offsets would both be wrong.
const TEXT: &str = "🦀 “We will build the bridge,” said Mayor Ana Ruiz on Monday. 🌉 Critics said the cost had doubled. “It is too late,” Ruiz added.";

/// The code points of `needle` in the text; "context|needle" finds the needle right
/// after the context (for words the text has twice).
fn at(needle: &str) -> (usize, usize) {
    let (context, needle) = needle.split_once('|').unwrap_or(("", needle));
    let found = format!("{context}{needle}");
    let byte = TEXT.find(&found).expect("the needle is in the text") + context.len();
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn ann(id: &str, kind: Kind, needle: &str) -> Annotation {
    let (s, e) = at(needle);
    Annotation::new(id, kind, TEXT, s, e)
}

fn mention(id: &str, needle: &str, speaker: &str, cue: Option<&str>) -> Annotation {
    let mut a = ann(id, Kind::Attribution, needle);
    a.speaker = Some(speaker.into());
    a.cue = cue.map(|c| {
        let (start, end) = at(c);
        Cue {
            start,
            end,
            text: c.into(),
        }
    });
    a
}

fn linked(mut a: Annotation, to: &str) -> Annotation {
    a.attribution = Some(to.into());
    a
}

/// A's reading: two quotes by Ana Ruiz, one claim.
fn doc_a() -> Document {
    Document::new(
        TEXT,
        vec![
            linked(ann("q1", Kind::Quote, "“We will build the bridge,”"), "a1"),
            mention("a1", "Mayor Ana Ruiz", "Ana Ruiz", Some("said")),
            ann("c1", Kind::Claim, "Critics said the cost had doubled."),
            linked(ann("q2", Kind::Quote, "“It is too late,”"), "a2"),
            mention("a2", "late,” |Ruiz", "Ana Ruiz", Some("added")),
        ],
    )
}

fn kinds_of(c: &Comparison, d: usize) -> Vec<Aspect> {
    c.pairs[c.differences[d]].differs.clone()
}

#[test]
fn a_document_agrees_fully_with_itself() {
    let c = compare(doc_a(), doc_a()).unwrap();
    assert!(c.differences.is_empty());
    assert_eq!(c.pairs.len(), 5);
    let f = c.figures;
    for o in [
        f.quotes_loose,
        f.quotes_strict,
        f.claims,
        f.attributions,
        f.attributed,
    ] {
        assert_eq!(o.f1(), Some(1.0), "{o:?}");
    }
    assert_eq!(f.speaker, Share { agree: 2, of: 2 });
    assert_eq!(f.cue_exact, Share { agree: 2, of: 2 });
    assert_eq!(f.review, Share { agree: 5, of: 5 });
}

#[test]
fn different_texts_are_refused_saying_where_they_part() {
    let mut b = doc_a();
    b.text = TEXT.replace("Monday", "Sunday");
    b.annotations.clear();
    let err = compare(doc_a(), b).unwrap_err();
    assert_eq!(err.at, at("Monday").0);
    let msg = err.to_string();
    assert!(
        msg.contains("different texts") && msg.contains("Monday") && msg.contains("Sunday"),
        "{msg}"
    );
}

#[test]
fn each_way_of_differing_is_named_in_text_order() {
    let mut b = doc_a();
    // q1 shorter, without its marks: still the same quote, another span.
    b.annotations[0] = linked(ann("q1", Kind::Quote, "We will build the bridge"), "a1");
    // a1: another cue; c1: a quote instead of a claim; q2 accepted; a2: another speaker.
    b.annotations[1] = mention("a1", "Mayor Ana Ruiz", "Ana Ruiz", None);
    b.annotations[2].kind = Kind::Quote;
    b.annotations[3].origin = Origin::User;
    b.annotations[4] = mention("a2", "late,” |Ruiz", "Rosa Ruiz", Some("added"));
    b.annotations.push(ann("b9", Kind::Claim, "on Monday"));
    let c = compare(doc_a(), b).unwrap();
    let found: Vec<Vec<Aspect>> = (0..c.differences.len()).map(|d| kinds_of(&c, d)).collect();
    assert_eq!(
        found,
        [
            vec![Aspect::Span],
            vec![Aspect::Cue],
            vec![Aspect::OnlyB],
            vec![Aspect::Kind],
            vec![Aspect::Review],
            vec![Aspect::Speaker],
        ]
    );
    assert_eq!(
        c.figures.quotes_loose.found, 2,
        "the shorter quote is found at 0.3"
    );
    assert_eq!(
        c.figures.quotes_strict.found, 2,
        "and at 0.8: the marks do not count"
    );
    assert_eq!(c.figures.claims.f1(), Some(0.0));
    assert_eq!(c.figures.speaker_name, Share { agree: 1, of: 2 });
    assert_eq!(c.figures.cue, Share { agree: 1, of: 2 });
}

#[test]
fn a_quote_given_to_another_mention_differs_in_speaker() {
    let mut b = doc_a();
    b.annotations[3].attribution = Some("a1".into());
    let c = compare(doc_a(), b).unwrap();
    assert_eq!(c.differences.len(), 1);
    assert_eq!(kinds_of(&c, 0), [Aspect::Speaker]);
    // As the scorer counts: B's two quotes of one mention are one group, found once.
    assert_eq!(
        c.figures.quotes_loose,
        Overlap {
            in_a: 2,
            in_b: 1,
            found: 1,
            within: 1
        }
    );
    assert_eq!(c.figures.speaker, Share { agree: 0, of: 1 });
    assert_eq!(
        c.figures.speaker_name,
        Share { agree: 1, of: 1 },
        "the same name"
    );
}

#[test]
fn quotes_in_pieces_are_one_group_as_the_scorer_counts_them() {
    let mut a = doc_a();
    a.annotations[0] = linked(ann("q1", Kind::Quote, "“We will"), "a1");
    a.annotations.insert(
        1,
        linked(ann("q1b", Kind::Quote, "build the bridge,”"), "a1"),
    );
    let c = compare(a, doc_a()).unwrap();
    assert_eq!(
        c.figures.quotes_loose,
        Overlap {
            in_a: 2,
            in_b: 2,
            found: 2,
            within: 2
        }
    );
    // Pair by pair, the bigger piece pairs with B's whole quote; the other stands alone.
    assert_eq!(c.differences.len(), 2);
}

#[test]
fn a_small_overlap_is_two_annotations_not_one() {
    let mut b = doc_a();
    b.annotations[2] = ann("c1", Kind::Claim, "Critics");
    let c = compare(doc_a(), b).unwrap();
    let aspects: Vec<Vec<Aspect>> = (0..c.differences.len()).map(|d| kinds_of(&c, d)).collect();
    assert_eq!(
        aspects,
        [vec![Aspect::OnlyB], vec![Aspect::OnlyA]],
        "the shorter first"
    );
    assert_eq!(
        c.figures.claims,
        Overlap {
            in_a: 1,
            in_b: 1,
            found: 0,
            within: 1
        }
    );
}

#[test]
fn taking_nothing_keeps_a_and_taking_every_b_gives_b() {
    let mut b = doc_a();
    b.annotations.remove(2);
    b.annotations[0].origin = Origin::User;
    b.annotations[3] = mention("a2", "late,” |Ruiz", "A. Ruiz", Some("added"));
    b.annotations
        .push(linked(ann("q5", Kind::Quote, "the cost had doubled"), "m7"));
    b.annotations
        .push(mention("m7", "Critics", "critics", Some("said")));
    b.annotations.push(ann("q1", Kind::Claim, "on Monday"));
    b.annotations[0].id = "x".into();
    let c = compare(doc_a(), b.clone()).unwrap();
    assert_eq!(c.merge(&[]), doc_a());
    let all_b = vec![Some(Side::B); c.differences.len()];
    let merged = c.merge(&all_b);
    let again = compare(merged.clone(), b).unwrap();
    assert!(again.differences.is_empty(), "{:?}", again.pairs);
    // B's quote over A's claim is A's c1 taken as B has it, linked to B's new mention;
    // B's "q1" is renamed, A's q1 keeping its id.
    let q = merged
        .annotations
        .iter()
        .find(|x| x.text == "the cost had doubled")
        .unwrap();
    assert_eq!((q.id.as_str(), q.kind), ("c1", Kind::Quote));
    assert_eq!(q.attribution.as_deref(), Some("m7"));
    let monday = merged
        .annotations
        .iter()
        .find(|x| x.text == "on Monday")
        .unwrap();
    assert_eq!(monday.id, "q1-b");
    assert_eq!(crate::model::validate(&merged), Ok(()));
}

#[test]
fn taking_a_quote_brings_its_new_speaker_mention() {
    let mut b = doc_a();
    b.annotations
        .push(linked(ann("q9", Kind::Quote, "the cost had doubled"), "m7"));
    b.annotations
        .push(mention("m7", "Critics", "critics", Some("said")));
    let c = compare(doc_a(), b).unwrap();
    let quote = (0..c.differences.len())
        .find(|&d| {
            c.annotation(c.differences[d], Side::B)
                .is_some_and(|x| x.id == "q9")
        })
        .unwrap();
    let mut choices = Vec::new();
    c.choose(&mut choices, quote, Side::B);
    let merged = c.merge(&choices);
    let q9 = merged.annotations.iter().find(|x| x.id == "q9").unwrap();
    assert_eq!(q9.attribution.as_deref(), Some("m7"));
    assert!(merged.annotations.iter().any(|x| x.id == "m7"));
    // Leaving the mention out again leaves the quote without a speaker.
    let m7 = (0..c.differences.len())
        .find(|&d| {
            c.annotation(c.differences[d], Side::B)
                .is_some_and(|x| x.id == "m7")
        })
        .unwrap();
    choices[m7] = Some(Side::A);
    let merged = c.merge(&choices);
    let q9 = merged.annotations.iter().find(|x| x.id == "q9").unwrap();
    assert_eq!(q9.attribution, None);
}

#[test]
fn an_annotation_of_only_marks_and_spaces_counts_for_nothing_but_still_differs() {
    let mut b = doc_a();
    b.annotations.push(ann("e1", Kind::Quote, "“"));
    let c = compare(doc_a(), b).unwrap();
    assert_eq!(c.figures.quotes_loose.f1(), Some(1.0));
    assert_eq!(c.differences.len(), 1);
}

#[test]
fn the_json_figures_name_every_row() {
    let c = compare(doc_a(), Document::new(TEXT, Vec::new())).unwrap();
    let json = c.figures.to_json();
    assert_eq!(json["quotes@0.3"]["in_a"], 2);
    assert_eq!(json["quotes@0.3"]["f1"], 0.0);
    assert!(json["review_state"]["share"].is_null());
    assert_eq!(json.as_object().unwrap().len(), c.figures.rows().len());
}

#[test]
fn each_side_of_a_difference_is_put_in_words() {
    let mut b = doc_a();
    b.annotations[3].origin = Origin::User;
    b.annotations.remove(2);
    let c = compare(doc_a(), b).unwrap();
    let claim = c.differences[0];
    assert_eq!(
        describe(&c, claim, Side::A),
        "claim “Critics said the cost had doubled.”, unreviewed"
    );
    assert_eq!(describe(&c, claim, Side::B), "nothing");
    let quote = c.differences[1];
    assert_eq!(
        describe(&c, quote, Side::B),
        "quote “It is too late,” by Ana Ruiz, accepted"
    );
}
