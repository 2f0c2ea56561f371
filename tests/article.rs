//! HTML reduction and `quotelens extract` on real files; never a panic on any input.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quotelens::article::{article_text_from_html, readable_text_from_html, text_from_html};

mod common;

#[test]
fn extract_writes_article_text_for_html_and_copied_pages() {
    let dir = common::fresh_dir("extract");
    let body = "The council approved the budget on Tuesday after a debate that lasted six hours, members said.";
    let html = format!(
        "<html><body><nav><a href='/'>Home</a><a href='/n'>News</a></nav><article><h1>Budget passes</h1>\
         <p>{body}</p><p>It grows by 4 percent, the first rise in three years, according to the clerk.</p></article>\
         <footer>About Us | Contact Us</footer></body></html>"
    );
    std::fs::write(dir.join("story.html"), html).unwrap();
    let page = format!("Home\nNews\nSports\nSign in\n\nBudget passes\n\n{body}\n\nShare\nTweet\n\nRelated Stories\nOther story\n");
    std::fs::write(dir.join("copied.txt"), page).unwrap();
    std::fs::write(dir.join("bad.txt"), [0xff, 0xfe, 0]).unwrap();
    let out = dir.join("out");
    let run = common::cli_paths(
        &["extract", "--out"],
        &[
            &out,
            &dir.join("story.html"),
            &dir.join("bad.txt"),
            &dir.join("copied.txt"),
        ],
    );
    assert_eq!(run.status.code(), Some(1), "a bad input fails the run");
    assert!(String::from_utf8_lossy(&run.stderr).contains("bad.txt"));
    let from_html = std::fs::read_to_string(out.join("story.txt")).unwrap();
    assert!(from_html.starts_with(body), "{from_html}");
    assert!(from_html.contains("first rise in three years"));
    assert!(
        !from_html.contains("Home") && !from_html.contains("About Us") && !from_html.contains("<")
    );
    let from_text = std::fs::read_to_string(out.join("copied.txt")).unwrap();
    assert_eq!(from_text.trim(), body);
}

#[test]
fn extract_says_so_when_a_page_has_no_article() {
    let dir = common::fresh_dir("no-article");
    let card = |k: usize| {
        format!("<article class='tile'><a href='/kettle/{k}'>Steel kettle, {k} litres</a><span>${k}5.00</span><span>Free delivery</span></article>")
    };
    let tiles: String = (1..=15).map(card).collect();
    let shop = format!(
        "<html><head><meta property='og:type' content='website'>\
         <script type='application/ld+json'>{{\"@type\": \"ItemList\"}}</script></head>\
         <body><nav><a href='/'>Shop</a></nav><h1>Kettles</h1><p>Sort by: price</p>{tiles}\
         <footer>Returns | Delivery</footer></body></html>"
    );
    std::fs::write(dir.join("kettles.html"), shop).unwrap();
    let out = dir.join("out");
    let run = common::cli_paths(&["extract", "--out"], &[&out, &dir.join("kettles.html")]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("kettles.html") && stderr.contains("No article found"),
        "{stderr}"
    );
    assert!(
        !out.join("kettles.txt").exists(),
        "no furniture written as an article"
    );
}

#[test]
fn dev_pages_reduce_without_markup() {
    let Some(dev) = common::shared("articles/dev") else {
        return;
    };
    let mut pages = 0;
    for entry in std::fs::read_dir(&dev).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&path).unwrap();
            let text = readable_text_from_html(&html);
            assert!(
                !text.contains("<script") && !text.contains("</p>"),
                "{}",
                path.display()
            );
            assert!(!text.trim().is_empty(), "{} gave no text", path.display());
            pages += 1;
        }
    }
    assert!(pages >= 50, "{pages} pages");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_string_reduces_without_panic(s in "\\PC*") {
        let _ = readable_text_from_html(&s);
        let _ = text_from_html(&s);
        let _ = article_text_from_html(&s);
    }

    #[test]
    fn tag_soup_reduces_without_panic(parts in prop::collection::vec(prop_oneof![
        Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class='share'>".to_string()),
        Just("</div>".to_string()), Just("<script>".to_string()), Just("<!--".to_string()),
        Just("-->".to_string()), Just("&amp;".to_string()), Just("&#x".to_string()), Just("<a href='x'>".to_string()),
        Just("<br>".to_string()), Just("<".to_string()), "[a-zé ]{0,30}".prop_map(|s| s),
        Just("\"@type\": [\"".to_string()), Just("<meta property='og:type' content='".to_string()),
        Just("<article>".to_string()), Just("20".to_string()), Just("12:3".to_string()),
    ], 0..60)) {
        let html = parts.concat();
        let text = text_from_html(&html);
        prop_assert!(!text.contains("<p>"));
        let body = readable_text_from_html(&html);
        // The verdict never changes the article, only whether there is one.
        if let Some(article) = article_text_from_html(&html) {
            prop_assert_eq!(article, body);
        }
    }
}
