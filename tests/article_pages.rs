//! Whole web pages: the copied text kept whole with its article marked by the page's
//! HTML (`article::page_from_html`), on the dev pages and on hostile pages (malformed,
//! no article, enormous, frames, noscript, entities, legacy charsets).
#![cfg(not(target_arch = "wasm32"))]

use quotelens::article::charset::decode_html;
use quotelens::article::{page_from_html, readable_text_from_html, Page};

mod common;

/// The text outside the page's furniture.
fn article_of(page: &Page) -> String {
    let chars: Vec<char> = page.text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for &(s, e) in &page.furniture {
        out.extend(&chars[at..s.max(at)]);
        at = e.max(at);
    }
    out.extend(&chars[at.min(chars.len())..]);
    out
}

fn assert_well_formed(page: &Page, what: &str) {
    let len = page.text.chars().count();
    let mut after = 0;
    for &(s, e) in &page.furniture {
        assert!(after <= s && s < e && e <= len, "{what}: bad span {s}..{e}");
        after = e;
    }
}

#[test]
fn a_copied_dev_page_is_kept_whole_and_its_html_marks_the_article() {
    let Some(dev) = common::shared("articles/dev") else {
        return;
    };
    let mut pages = 0;
    let mut found = 0;
    let mut names: Vec<_> = std::fs::read_dir(&dev)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            Some(name.strip_suffix(".page.txt")?.to_string())
        })
        .collect();
    names.sort();
    for name in names.iter().take(30) {
        let read = |suffix: &str| std::fs::read(dev.join(format!("{name}{suffix}"))).unwrap();
        let html = decode_html(&read(".html")).unwrap();
        let plain = String::from_utf8(read(".page.txt")).unwrap();
        let body = String::from_utf8(read(".body.txt")).unwrap();
        let page = page_from_html(&html, Some(&plain));
        assert_eq!(page.text, plain, "{name}: the copied text is kept whole");
        assert_well_formed(&page, name);
        let article = article_of(&page);
        // The body's first long paragraph is in the article; the article is smaller
        // than the page.
        let first = body
            .lines()
            .find(|l| l.split_whitespace().count() >= 20)
            .unwrap_or("");
        let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        found += usize::from(squeeze(&article).contains(&squeeze(first)));
        assert!(
            article.len() < plain.len(),
            "{name}: nothing marked as furniture"
        );
        pages += 1;
    }
    assert_eq!(pages, 30);
    assert!(
        found >= 27,
        "the body's first paragraph found on {found} of {pages} pages"
    );
}

#[test]
fn the_headline_stays_with_the_article_and_the_byline_does_not() {
    let prose = "Engineers inspected the dam on the river for the whole of Tuesday after the storm passed, walking its length.";
    let html = format!(
        "<body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article><h1>Dam holds after storm</h1>\
         <p class='byline'>By Ann Lee, 2 hours ago</p><p>{prose}</p><p>{prose}</p></article>\
         <footer>About us | Contact | Privacy | Terms</footer></body>"
    );
    let page = page_from_html(&html, None);
    assert_eq!(
        page.text,
        format!("Home World\n\nDam holds after storm\n\nBy Ann Lee, 2 hours ago\n\n{prose}\n\n{prose}\n\nAbout us | Contact | Privacy | Terms")
    );
    let article = article_of(&page);
    assert!(article.contains("Dam holds after storm"), "{article:?}");
    assert!(article.contains(prose));
    for out in ["Home World", "By Ann Lee", "About us"] {
        assert!(!article.contains(out), "{out:?} in {article:?}");
    }
}

#[test]
fn malformed_html_keeps_its_text() {
    let prose = "The council voted on Monday to rebuild the old bridge over the river by the end of next year.";
    for html in [
        format!("<p>{prose}<p>{prose}</div></span></p></p><p"),
        format!("<div><div><p>{prose}<b><i>{prose}</b></i><table><td>cell"),
        format!("</html><body><p>{prose}</body><p>{prose}<!-- never closed"),
        format!("<<p>>{prose}</p>< p>{prose}<p class=a\"b>{prose}"),
    ] {
        let page = page_from_html(&html, None);
        assert_well_formed(&page, &html);
        assert!(
            page.text.contains(prose),
            "{html}: text lost: {:?}",
            page.text
        );
    }
}

#[test]
fn a_page_without_an_article_gives_its_text_or_nothing_never_a_panic() {
    // A home page: lists of links, no prose.
    let links: String = (0..60)
        .map(|i| format!("<li><a href='/s/{i}'>Story number {i} of the day</a></li>"))
        .collect();
    let home = format!("<body><nav><a href='/'>Home</a></nav><ul>{links}</ul></body>");
    let page = page_from_html(&home, None);
    assert_well_formed(&page, "home page");
    assert!(page.text.contains("Story number 59"));
    // A login wall and a frameset: no readable text at all.
    let login = "<body><form><label>Email</label><input name=e><input type=password><button>Sign in</button></form></body>";
    assert!(readable_text_from_html(login).trim().len() < 20);
    let _ = page_from_html(login, None);
    let frames =
        "<html><frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'></frameset></html>";
    let page = page_from_html(frames, None);
    assert!(page.text.trim().is_empty(), "{:?}", page.text);
    assert!(
        quotelens::article::empty_page_message(frames).contains("frames"),
        "a frameset is named as such"
    );
}

#[test]
fn scripts_noscript_frames_and_entities_are_handled() {
    let prose = "The mayor said on Monday that the new bridge would open in May, two months later than planned.";
    let html = format!(
        "<body><noscript><p>Please enable JavaScript to read this page properly, it says here.</p></noscript>\
         <iframe src='ad.html'><p>Your browser does not support frames at all, sorry.</p></iframe>\
         <p>{prose}</p><p>&ldquo;Soon,&rdquo; she said &mdash; &eacute;t&eacute; &#8364;5 &#x1F600; &amp;lt; &#xD800; &#99999999; &nosuch;</p></body>"
    );
    let page = page_from_html(&html, None);
    assert!(!page.text.contains("enable JavaScript"), "{}", page.text);
    assert!(!page.text.contains("support frames"), "{}", page.text);
    assert!(page.text.contains(prose));
    assert!(
        page.text.contains(
            "\u{201c}Soon,\u{201d} she said \u{2014} été €5 😀 &lt; \u{fffd} \u{fffd} &nosuch;"
        ),
        "{}",
        page.text
    );
}

#[test]
fn an_enormous_page_is_handled_in_one_pass() {
    let prose = "<p>The committee heard evidence from eleven witnesses over three days, the chair said.</p>";
    let mut html = String::from("<body>");
    html.push_str(&"<div class='wrap'>".repeat(600));
    while html.len() < 2_000_000 {
        html.push_str(prose);
        html.push_str("<ul><li><a href='/x'>A link to another story</a></li></ul>");
    }
    let page = page_from_html(&html, None);
    assert_well_formed(&page, "enormous page");
    assert!(article_of(&page).contains("eleven witnesses"));
}

#[test]
fn annotate_reads_an_html_page_as_the_app_does_and_legacy_charsets() {
    let dir = common::fresh_dir("pages");
    let prose =
        "Engineers inspected the dam on the river for the whole of Tuesday after the storm passed.";
    let html = format!(
        "<html><head><meta charset=\"windows-1252\"></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>\
         <article><h1>Dam holds</h1><p>{prose}</p><p>\u{93}The dam is safe,\u{94} the chief engineer said on Wednesday.</p><p>{prose}</p></article>\
         <footer>About us | Contact | Privacy | Terms</footer></body></html>"
    );
    // windows-1252 bytes: the curly quotes are single bytes.
    let bytes: Vec<u8> = html
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    std::fs::write(dir.join("dam.html"), &bytes).unwrap();
    std::fs::write(
        dir.join("sjis.html"),
        b"<meta charset='Shift_JIS'><p>\x82\xa0\x82\xa2</p>",
    )
    .unwrap();
    let run = common::cli_paths(
        &["annotate", "--out"],
        &[
            &dir.join("out"),
            &dir.join("dam.html"),
            &dir.join("sjis.html"),
        ],
    );
    assert_eq!(run.status.code(), Some(1), "the Shift_JIS page fails");
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("sjis.html") && err.contains("shift_jis"),
        "{err}"
    );
    let json = std::fs::read_to_string(dir.join("out").join("dam.json")).unwrap();
    let doc = quotelens::model::document_from_json(&json).unwrap();
    let decoded = decode_html(&bytes).unwrap();
    let page = page_from_html(&decoded, None);
    assert_eq!(doc.text, page.text, "the page's visible text");
    assert!(doc.text.contains("\u{201c}The dam is safe,\u{201d}"));
    assert!(!doc.article.is_empty(), "the article is marked");
    assert!(doc
        .annotations
        .iter()
        .any(|a| a.kind == quotelens::Kind::Quote && a.text == "\u{201c}The dam is safe,\u{201d}"));
}
