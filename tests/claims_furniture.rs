//! Claims scoring and page furniture on the seed articles, and never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quotelens::engine::bench::{
    find_claims, furniture_spans, score_sentence, strip_furniture, CLAIM_THRESHOLD,
};

mod common;
use common::seed;

/// Paragraphs of the UrduPoint seed's article body, from the lead to the last figure.
fn urdupoint_body(text: &str) -> Vec<&str> {
    let start = text.find("Prague, (APP").expect("lead paragraph");
    let end = text.find("Related Topics").expect("tail");
    text[start..end]
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn urdupoint_seed_keeps_every_paragraph_and_no_furniture() {
    let text = seed("000_0399775715a1bf4a.txt");
    let kept = strip_furniture(&text);
    let body = urdupoint_body(&text);
    assert!(
        body.len() >= 12,
        "expected the article's paragraphs, got {}",
        body.len()
    );
    for paragraph in body {
        assert!(kept.contains(paragraph), "lost paragraph: {paragraph}");
    }
    for furniture in [
        "Related Topics",
        "Attack NATO World Russia",
        "Recent Stories",
        "UVAS lab begins testing",
        "21 seconds ago",
        "Your Thoughts and Comments",
        "More Stories From World",
        "About Us | Contact Us",
        "Site Links",
        "Urdu Poetry",
        "UrduPoint Network is the largest",
        "1997-2020",
        "Reproduction without proper consent",
        "Faizan Hashmi 1 minute ago",
    ] {
        assert!(!kept.contains(furniture), "furniture survived: {furniture}");
    }
}

#[test]
fn second_seed_keeps_its_paragraphs() {
    let text = seed("004_5f6aecae78906b36.txt");
    let kept = strip_furniture(&text);
    for paragraph in text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() >= 12)
    {
        assert!(kept.contains(paragraph), "lost paragraph: {paragraph}");
    }
}

#[test]
fn seed_figures_are_claims_and_furniture_is_not() {
    let text = seed("000_0399775715a1bf4a.txt");
    for sentence in [
        "The Czech Republic, an EU and NATO member of 10.7 million people, reported 6,553 confirmed COVID-19 cases, including 176 deaths, on Saturday morning.",
        "The United States has declared more than 700,282 cases and 36,773 deaths.",
    ] {
        assert!(text.contains(sentence));
        let s = score_sentence(sentence);
        assert!(s.score >= CLAIM_THRESHOLD, "{sentence}: {s:?}");
    }
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let is_furniture = furniture_spans(&text).iter().any(|r| {
            let start = text.find(line).unwrap_or(0);
            r.start <= start && start < r.end
        });
        if is_furniture && line.split_whitespace().count() <= 12 {
            let s = score_sentence(line);
            assert!(
                s.score < 0.8,
                "furniture line scored as a strong claim: {line}: {s:?}"
            );
        }
    }
}

#[test]
fn find_claims_over_lines_of_the_seed() {
    let text = seed("000_0399775715a1bf4a.txt");
    let mut sentences = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        sentences.push(at..at + line.len());
        at += line.len();
    }
    let claims = find_claims(&text, &sentences);
    let texts: Vec<&str> = claims.iter().map(|c| &text[c.range.clone()]).collect();
    assert!(
        texts.iter().any(|t| t.contains("6,553 confirmed")),
        "{texts:#?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("700,282 cases")),
        "{texts:#?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("seconds ago")),
        "{texts:#?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn scoring_never_panics_and_stays_in_range(s in "\\PC*") {
        let c = score_sentence(&s);
        prop_assert!((0.0..=1.0).contains(&c.score));
    }

    #[test]
    fn find_claims_survives_any_ranges(s in "\\PC*", a in 0usize..300, b in 0usize..300) {
        for c in find_claims(&s, &[a..b, 0..s.len(), b..a]) {
            prop_assert!(s.get(c.range.clone()).is_some());
        }
    }

    #[test]
    fn furniture_spans_are_valid(lines in prop::collection::vec("[\\PC\r]{0,80}", 0..30)) {
        let text = lines.join("\n");
        let mut last = 0;
        for r in furniture_spans(&text) {
            prop_assert!(r.start >= last && r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            last = r.end;
        }
    }
}

/// Plain news articles (PolNeAR dev, no page furniture) keep every attributed statement:
/// no gold source, cue or content may lie in a furniture span.
#[test]
fn plain_articles_lose_no_attribution_to_furniture() {
    let Some(dir) = common::shared("polnear/dev") else {
        return;
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.to_str().and_then(|p| p.strip_suffix(".gold.json")) else {
            continue;
        };
        let text = std::fs::read_to_string(format!("{name}.txt")).unwrap();
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let to_byte = |cp: u64| {
            text.char_indices()
                .nth(cp as usize)
                .map_or(text.len(), |(b, _)| b)
        };
        let spans = furniture_spans(&text);
        for a in gold["attributions"].as_array().unwrap() {
            for key in ["source", "cue", "content"] {
                for frag in a[key].as_array().into_iter().flatten() {
                    let (s, e) = (
                        to_byte(frag[0].as_u64().unwrap()),
                        to_byte(frag[1].as_u64().unwrap()),
                    );
                    assert!(
                        !spans.iter().any(|r| r.start < e && s < r.end),
                        "{name}: {key} {:?} is in furniture",
                        &text[s..e]
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} spans checked");
}
