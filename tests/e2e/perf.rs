//! Speed in the browser: analysis off the page's thread (in the `quotelens-worker` Web
//! Worker), and the latency benchmark (`--ignored`, see README's Performance section).

use quotelens::{analyse, Kind};
use serde_json::json;

use crate::harness::{seed_text, Browser};

const TEXT: &str = "Bridge to reopen in May\n\nThe minister spoke on Monday. \"We will rebuild the bridge by May,\" said Anna Berg, the minister.\n\nCritics disagreed. \"It cannot be done,\" said Tom Hale.";

#[tokio::test]
async fn analysis_runs_in_the_worker_loaded_after_the_page() {
    let b = Browser::open().await;
    b.paste("#editor", TEXT).await;
    b.wait_until(
        "highlights",
        "document.querySelectorAll('#view .mk-quote.first').length === 2",
    )
    .await;
    let requests = b.server.requests.lock().unwrap().clone();
    for file in [
        "/quotelens-worker_loader.js",
        "/quotelens-worker.js",
        "/quotelens-worker_bg.wasm",
    ] {
        assert!(requests.iter().any(|r| r == file), "{file} in {requests:?}");
    }
    // The page itself does not name the worker: it is no part of the page's first load.
    let page = std::fs::read_to_string(crate::harness::root().join("dist/index.html")).unwrap();
    assert!(
        !page.contains("quotelens-worker"),
        "dist/index.html loads no worker file"
    );
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    b.close().await;
}

/// The seed articles over and over, in paragraphs, to at least `min_bytes` (or
/// `min_words` words), then a closing paragraph found nowhere else.
fn long_text(min_bytes: usize, min_words: usize) -> String {
    let seeds = [
        seed_text("000_0399775715a1bf4a.txt"),
        seed_text("004_5f6aecae78906b36.txt"),
    ];
    let mut text = String::new();
    let mut words = 0;
    for seed in seeds.iter().cycle() {
        if text.len() >= min_bytes && words >= min_words {
            break;
        }
        text.push_str(seed.trim());
        text.push_str("\n\n");
        words += seed.split_whitespace().count();
    }
    text + CLOSING
}

const CLOSING: &str = "In the end, \"these are the unique closing words,\" said Tom Hale.";

/// Ids of the quotes the engine finds in `text`, in order.
fn quote_ids(text: &str) -> Vec<String> {
    analyse(text)
        .annotations
        .into_iter()
        .filter(|a| a.kind == Kind::Quote)
        .map(|a| a.id)
        .collect()
}

#[tokio::test]
async fn a_long_article_keeps_its_dom_small_and_still_finds_selects_and_scrolls() {
    let text = long_text(300_000, 0);
    let quotes = quote_ids(&text);
    let b = Browser::open().await;
    b.paste("#editor", &text).await;
    b.wait_until("highlights", "document.querySelector('#view .mk-quote')")
        .await;
    // All the text is there (as text), but only the marks near the screen are built.
    let shown = b.eval("document.querySelector('#view').textContent").await;
    assert_eq!(shown.as_str().unwrap(), text);
    let built = b.count("#view .mk-quote.first").await;
    assert!(
        built > 0 && built * 4 < quotes.len(),
        "{built} of {} quotes built",
        quotes.len()
    );
    // The browser's find sees the end of the text.
    assert_eq!(
        b.eval("window.find('unique closing words')").await,
        json!(true)
    );
    // Picking the last quote in the side panel scrolls to its mark and focuses it.
    let last = quotes.last().unwrap();
    b.click(&format!("[data-entry='{last}']")).await;
    b.wait_until(
        "the last quote focused",
        &format!("document.activeElement && document.activeElement.matches(\".mk.first.active[data-id='{last}']\")"),
    )
    .await;
    let top = b
        .eval("document.activeElement.getBoundingClientRect().top")
        .await;
    let top = top.as_f64().unwrap();
    assert!((0.0..900.0).contains(&top), "on screen: {top}");
    // A hover re-renders only the chunks holding the marks it lights.
    let touched = b
        .eval_async(&format!(
            "const done = arguments[0];
             const view = document.querySelector('#view');
             const chunks = new Set();
             const mo = new MutationObserver(ms => {{ for (const m of ms) {{
                 const c = (m.target.nodeType === 1 ? m.target : m.target.parentElement).closest('.chunk');
                 if (c) chunks.add(c.dataset.chunk); }} }});
             mo.observe(view, {{subtree: true, childList: true, attributes: true, characterData: true}});
             const mark = document.querySelector(\".mk.first[data-id='{last}']\");
             mark.dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}}));
             setTimeout(() => {{ mo.disconnect(); done([chunks.size, view.querySelectorAll('.chunk').length,
                 document.querySelectorAll('#view .mk.lit').length]); }}, 300);"
        ))
        .await;
    let (changed, all, lit) = (
        touched[0].as_u64().unwrap(),
        touched[1].as_u64().unwrap(),
        touched[2].as_u64().unwrap(),
    );
    assert!(lit > 0, "the hover lit its marks");
    assert!(
        (1..=3).contains(&changed) && all > 50,
        "{changed} of {all} chunks changed on hover"
    );
    // Selecting words at the end and marking them uses code points of the whole text.
    b.select_text("#view", "In the end").await;
    b.press("q").await;
    b.wait_until(
        "the new quote",
        "[...document.querySelectorAll('#view .mk-quote.mine')].some(e => e.textContent === 'In the end')",
    )
    .await;
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    b.close().await;
}
