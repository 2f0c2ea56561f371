//! Quote and attribution behaviour on small texts (issue 4, items 2 and 3).

use quotelens::{analyse, Analysis, Annotation, Kind};

fn quotes(a: &Analysis) -> Vec<&str> {
    a.annotations
        .iter()
        .filter(|x| x.kind == Kind::Quote)
        .map(|x| x.text.as_str())
        .collect()
}

fn attr_of<'a>(a: &'a Analysis, x: &Annotation) -> Option<&'a Annotation> {
    let link = x.attribution.as_deref()?;
    a.annotations.iter().find(|y| y.id == link)
}

/// (speaker mention, canonical speaker, cue) of the quote or claim containing `needle`.
fn who(a: &Analysis, needle: &str) -> (String, String, String) {
    let x = a
        .annotations
        .iter()
        .find(|x| x.kind != Kind::Attribution && x.text.contains(needle))
        .unwrap_or_else(|| panic!("nothing contains {needle:?}: {:#?}", a.annotations));
    let at = attr_of(a, x)
        .unwrap_or_else(|| panic!("{needle:?} is not attributed: {:#?}", a.annotations));
    (
        at.text.clone(),
        at.speaker.clone().unwrap_or_default(),
        at.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
    )
}

#[test]
fn straight_and_curly_double_quotes() {
    let a = analyse("\"We will win,\" Smith said.\n\n\u{201c}We will lose,\u{201d} Jones said.");
    assert_eq!(
        quotes(&a),
        vec!["\"We will win,\"", "\u{201c}We will lose,\u{201d}"]
    );
    assert_eq!(who(&a, "win").0, "Smith");
    assert_eq!(who(&a, "lose").0, "Jones");
}

#[test]
fn apostrophes_are_not_quotes_but_single_quotes_are() {
    let a = analyse(
        "Jones' dog didn't bark in the '90s. 'We are ready for anything now,' the coach said.",
    );
    assert_eq!(quotes(&a), vec!["'We are ready for anything now,'"]);
    assert_eq!(who(&a, "ready").2, "said");
}

#[test]
fn nested_quotes_stay_inside_the_outer_one() {
    let a = analyse("\u{201c}He told me \u{2018}no way\u{2019} and left,\u{201d} Smith said.");
    assert_eq!(
        quotes(&a),
        vec!["\u{201c}He told me \u{2018}no way\u{2019} and left,\u{201d}"]
    );
    let a = analyse("\u{201c}I would rather live in what he calls \u{201c}hell\u{201d} than here,\u{201d} Ana Ruiz said.");
    assert_eq!(quotes(&a).len(), 1, "{:?}", quotes(&a));
    assert_eq!(who(&a, "hell").1, "Ana Ruiz");
}

#[test]
fn multi_paragraph_quote_continues_with_its_speaker() {
    let t = "Mike Pompeo spoke on Friday. \"This is the first part of what I said.\n\n\"And this is the second part of it,\" he said.";
    let a = analyse(t);
    let q = quotes(&a);
    assert_eq!(q.len(), 2, "{q:?}");
    let (_, s1, _) = who(&a, "first part");
    let (_, s2, _) = who(&a, "second part");
    assert_eq!((s1.as_str(), s2.as_str()), ("Mike Pompeo", "Mike Pompeo"));
    assert_eq!(
        a.annotations
            .iter()
            .find(|x| x.text.contains("first part"))
            .unwrap()
            .attribution,
        a.annotations
            .iter()
            .find(|x| x.text.contains("second part"))
            .unwrap()
            .attribution
    );
}

#[test]
fn unbalanced_marks_are_recovered_locally() {
    // A lost opener, then a lost closer, then a normal quote: all three survive.
    let t = "We know the origin of the attacks,\u{201d} Ursula von der Leyen said on Friday.\n\n\u{201c}This quote runs on to the end of the paragraph without a closing mark.\n\nJones agreed with that view of the matter on Friday.\n\n\u{201c}This one is fine,\u{201d} Jones said after the meeting.";
    let a = analyse(t);
    let q = quotes(&a);
    assert!(
        q.iter().any(|x| x.starts_with("We know the origin")),
        "{q:?}"
    );
    assert!(q.iter().any(|x| x.contains("This one is fine")), "{q:?}");
    assert!(
        q.iter().any(|x| x.ends_with("without a closing mark.")),
        "{q:?}"
    );
    assert_eq!(who(&a, "We know the origin").1, "Ursula von der Leyen");
    assert_eq!(who(&a, "This one is fine").0, "Jones");
    assert!(!a.warnings.is_empty());
}

#[test]
fn interrupted_quote_links_to_one_attribution() {
    let a =
        analyse("\u{201c}We will act,\u{201d} Pompeo said, \u{201c}and we will act soon.\u{201d}");
    let qs: Vec<&Annotation> = a
        .annotations
        .iter()
        .filter(|x| x.kind == Kind::Quote)
        .collect();
    assert_eq!(qs.len(), 2);
    assert!(qs[0].attribution.is_some());
    assert_eq!(qs[0].attribution, qs[1].attribution);
    assert_eq!(
        a.annotations
            .iter()
            .filter(|x| x.kind == Kind::Attribution)
            .count(),
        1
    );
}

#[test]
fn scare_quotes_and_titles_are_not_speech() {
    let a =
        analyse("The so-called \"experts\" reviewed the film \"The Lord of the Rings\" on Monday.");
    assert!(quotes(&a).is_empty(), "{:?}", quotes(&a));
}

#[test]
fn speaker_before_after_inverted_and_apposition() {
    let a = analyse(concat!(
        "Mike Pompeo said: \"We are watching this closely.\"\n\n",
        "\"We will respond in kind,\" said Pompeo.\n\n",
        "\"It is a grave threat to us all,\" Pompeo, the secretary of state, said.\n\n",
        "\"Hospitals must be protected at all costs,\" the secretary said.\n\n",
        "\"There will be consequences for this,\" he added.",
    ));
    for (needle, mention, cue) in [
        ("watching", "Mike Pompeo", "said"),
        ("respond", "Pompeo", "said"),
        ("grave threat", "Pompeo", "said"),
        ("protected", "the secretary", "said"),
        ("consequences", "he", "added"),
    ] {
        let (m, s, c) = who(&a, needle);
        assert_eq!(
            (m.as_str(), s.as_str(), c.as_str()),
            (mention, "Mike Pompeo", cue),
            "{needle}"
        );
    }
}

#[test]
fn according_to_indirect_speech_organisations_and_documents() {
    let a = analyse(concat!(
        "According to the State Department, the talks will resume next week.\n\n",
        "The company said that its profits rose by 20 percent last year.\n\n",
        "\"Attacks on hospitals cannot be tolerated.\" reads the EC's report.",
    ));
    let (m, _, c) = who(&a, "talks will resume");
    assert_eq!(
        (m.as_str(), c.as_str()),
        ("the State Department", "According to")
    );
    let (m, _, c) = who(&a, "profits rose");
    assert_eq!((m.as_str(), c.as_str()), ("The company", "said"));
    let (m, _, c) = who(&a, "cannot be tolerated");
    assert_eq!((m.as_str(), c.as_str()), ("the EC's report", "reads"));
    let claim = a
        .annotations
        .iter()
        .find(|x| x.kind == Kind::Claim && x.text.contains("profits rose"))
        .unwrap();
    assert!(claim.score.is_some() && claim.signals.is_some());
}

#[test]
fn pronouns_resolve_to_the_nearest_compatible_speaker() {
    let a = analyse(concat!(
        "Hillary Clinton spoke first. \"We are stronger together,\" she said.\n\n",
        "Mr. Donald Trump answered. \"We will build it,\" he said.\n\n",
        "\"And we will win,\" she added.",
    ));
    assert_eq!(who(&a, "stronger").1, "Hillary Clinton");
    assert_eq!(who(&a, "build").1, "Donald Trump");
    assert_eq!(who(&a, "we will win").1, "Hillary Clinton");
}

#[test]
fn ids_are_deterministic_and_offsets_are_code_points() {
    let t = "😀 \u{201c}Hello there, my friends,\u{201d} said Ana Ruiz.";
    let a = analyse(t);
    assert_eq!(a, analyse(t));
    let q = a
        .annotations
        .iter()
        .find(|x| x.kind == Kind::Quote)
        .unwrap();
    assert_eq!(q.start, 2);
    let chars: Vec<char> = t.chars().collect();
    assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
}
