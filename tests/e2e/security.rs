//! Hostile input is shown as text and never runs: article text, imported JSON and dropped
//! HTML holding scripts, event handlers, `javascript:` links, frames and HTML entities.
//! Each payload would set `window.__pwned` or the page title if it ran; a watcher
//! installed before the input arrives records every element or attribute that could run
//! code and every Content-Security-Policy violation.

use serde_json::{json, Value};

use crate::harness::{root, Browser};

/// Payloads that run code if they ever reach the DOM as HTML.
const SCRIPT: &str = "<script>window.__pwned = 1; document.title = 'pwned';</script>";
const IMG: &str = "<img src=x onerror=\"window.__pwned = 2\">";
const LINK: &str = "<a href=\"javascript:window.__pwned = 3\">click me</a>";
const FRAME: &str = "<iframe srcdoc=\"<script>parent.__pwned = 4</script>\"></iframe>";
const SVG: &str = "<svg onload=\"window.__pwned = 5\"></svg>";
/// Entities must stay as typed, not be decoded into markup.
const ENTITIES: &str = "&lt;b&gt;bold&lt;/b&gt; &amp; &#60;script&#62;";

fn article() -> String {
    format!(
        "Editors test what a page may hide\n\n\
         \"{SCRIPT} is only text in our reader,\" said Ana Ruiz, the editor of the paper.\n\n\
         The post read {IMG} and {LINK} in full, and {FRAME} after it.\n\n\
         \"Neither {SVG} nor {ENTITIES} will run,\" said Tom Hale on Monday."
    )
}

/// Installs the watcher; call right after the page loads.
async fn watch(b: &Browser) {
    b.eval(
        "(() => {
            window.__xss = {added: [], violations: []};
            const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'];
            const runnable = (el) => {
                if (['SCRIPT', 'IMG', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'FORM'].includes(el.tagName)) return true;
                for (const a of el.attributes) {
                    if (/^on/i.test(a.name)) return true;
                    if (urlAttrs.includes(a.name.toLowerCase()) && /^\\s*javascript:/i.test(a.value)) return true;
                    if (a.name.toLowerCase() === 'srcdoc') return true;
                }
                return false;
            };
            const note = (el) => window.__xss.added.push(el.outerHTML.slice(0, 200));
            new MutationObserver((records) => {
                for (const r of records) {
                    if (r.type === 'attributes' && r.target.nodeType === 1 && runnable(r.target)) note(r.target);
                    for (const n of r.addedNodes) {
                        if (n.nodeType !== 1) continue;
                        for (const el of [n, ...n.querySelectorAll('*')]) if (runnable(el)) note(el);
                    }
                }
            }).observe(document.documentElement, {childList: true, subtree: true, attributes: true});
            document.addEventListener('securitypolicyviolation',
                (e) => window.__xss.violations.push(e.violatedDirective + ' ' + e.blockedURI));
            return true;
        })()",
    )
    .await;
}

/// Nothing ran, nothing runnable appeared, no policy was violated, nothing fetched `x`.
async fn assert_inert(b: &Browser, when: &str) {
    // Give an image error or a frame's load time to fire.
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    let state = b
        .eval(
            "({pwned: window.__pwned === undefined ? null : String(window.__pwned),
               parentPwned: window.parent.__pwned === undefined ? null : String(window.parent.__pwned),
               title: document.title,
               xss: window.__xss,
               frames: window.frames.length,
               runnable: document.querySelectorAll('#view *:not(span):not(button[type=button]:empty), .panel img, .panel script, .panel iframe').length})",
        )
        .await;
    assert_eq!(
        state["pwned"],
        Value::Null,
        "{when}: a payload ran: {state}"
    );
    assert_eq!(
        state["parentPwned"],
        Value::Null,
        "{when}: a payload ran: {state}"
    );
    assert_eq!(state["title"], json!("QuoteLens"), "{when}: {state}");
    assert_eq!(
        state["xss"]["added"],
        json!([]),
        "{when}: runnable elements appeared"
    );
    assert_eq!(
        state["xss"]["violations"],
        json!([]),
        "{when}: policy violations"
    );
    assert_eq!(state["frames"], json!(0), "{when}: a frame was created");
    assert_eq!(
        state["runnable"],
        json!(0),
        "{when}: the article view holds only text in spans"
    );
    let asked: Vec<String> = b.server.requests.lock().unwrap().clone();
    assert!(
        !asked.iter().any(|p| p == "/x" || p.starts_with("/x?")),
        "{when}: an injected image was fetched: {asked:?}"
    );
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "{when}: console errors: {errors:?}");
}

/// The article view's text, as a person reads it.
async fn view_text(b: &Browser) -> String {
    b.eval("document.querySelector('#view').textContent")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn assert_shown_literally(shown: &str, payloads: &[&str], when: &str) {
    for p in payloads {
        assert!(
            shown.contains(p),
            "{when}: {p:?} is not shown as written in the article view:\n{shown}"
        );
    }
}

#[tokio::test]
async fn pasted_markup_is_shown_as_text_and_never_runs() {
    let b = Browser::open().await;
    watch(&b).await;
    let text = article();
    b.paste("#editor", &text).await;
    b.wait_until("highlights", "document.querySelector('#view .mk-quote')")
        .await;
    let all = [SCRIPT, IMG, LINK, FRAME, SVG, ENTITIES];
    assert_shown_literally(&view_text(&b).await, &all, "pasted");
    // The side panel lists the quote holding the script tag, as text.
    b.wait_until(
        "the quote in the side panel",
        "document.querySelector('.panel').textContent.includes('<script>window.__pwned')",
    )
    .await;
    // Focus the quote: the inspector shows it too.
    b.click("#view .mk-quote.first").await;
    b.wait_for_css(".inspector, #speaker-select, #speaker-name")
        .await;
    b.screenshot("security-pasted-markup").await;
    assert_inert(&b, "pasted").await;

    // The autosaved text comes back as text after a reload.
    b.client.refresh().await.unwrap();
    watch(&b).await;
    b.wait_until(
        "the restored view",
        "document.querySelector('#view .mk-quote')",
    )
    .await;
    assert_shown_literally(&view_text(&b).await, &all, "reloaded");
    assert_inert(&b, "reloaded").await;
    b.close().await;
}

/// Character offset of `needle` in `text`.
fn at(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[tokio::test]
async fn imported_json_with_markup_everywhere_stays_text() {
    let text = article();
    let quote = format!("\"{SCRIPT} is only text in our reader,\"");
    let (qs, qe) = at(&text, &quote);
    let (ss, se) = at(&text, "Ana Ruiz");
    let (cs, ce) = at(&text, "The post read");
    let speaker_id = "u2\"><img src=x onerror=\"window.__pwned = 8\">";
    let doc = json!({
        "format": "quotelens/1",
        "text": text,
        "annotations": [
            {"id": "u1", "kind": "quote", "start": qs, "end": qe, "text": quote,
             "origin": "user", "attribution": speaker_id},
            {"id": speaker_id, "kind": "attribution", "start": ss, "end": se, "text": "Ana Ruiz",
             "origin": "user", "speaker": IMG},
            {"id": "u3", "kind": "claim", "start": cs, "end": ce, "text": "The post read",
             "origin": "user", "score": 0.5, "signals": [SCRIPT, LINK]},
        ],
    });
    let dir = root().join("target").join("e2e-files");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("markup.quotelens.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();

    let b = Browser::open().await;
    watch(&b).await;
    b.upload("#file-picker", &file).await;
    b.wait_until(
        "the import",
        "document.querySelector('#notice') && document.querySelector('#notice').textContent.includes('Imported')",
    )
    .await;
    b.wait_until("highlights", "document.querySelector('#view .mk-quote')")
        .await;
    assert_shown_literally(
        &view_text(&b).await,
        &[SCRIPT, IMG, LINK, FRAME, SVG, ENTITIES],
        "imported",
    );
    // The hostile speaker name is listed as text in the side panel.
    b.wait_until(
        "the speaker in the side panel",
        &format!(
            "document.querySelector('.panel').textContent.includes({})",
            json!(IMG)
        ),
    )
    .await;
    // The inspector shows the claim's signals and the speaker's name as text too.
    b.click("#view .mk-claim.first").await;
    b.wait_until(
        "the claim's signals in the inspector",
        &format!(
            "document.querySelector('.panel').textContent.includes({})",
            json!(SCRIPT)
        ),
    )
    .await;
    b.click("#view .mk-quote.first").await;
    b.wait_until(
        "the quote's speaker in the inspector",
        "document.querySelector('#speaker-select')",
    )
    .await;
    b.screenshot("security-imported-markup").await;
    assert_inert(&b, "imported").await;
    b.close().await;
}

/// Drop a file named `name` holding `contents` on the element matched by `css`.
async fn drop_file(b: &Browser, css: &str, name: &str, mime: &str, contents: &str) {
    b.client
        .execute(
            "const target = document.querySelector(arguments[0]);
             const dt = new DataTransfer();
             dt.items.add(new File([arguments[2]], arguments[1], {type: arguments[3]}));
             for (const type of ['dragenter', 'dragover', 'drop']) {
                 target.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
             }",
            vec![json!(css), json!(name), json!(contents), json!(mime)],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn dropped_html_page_keeps_its_markup_inert() {
    // Real markup (dropped with the page's furniture) and escaped markup (shown as text).
    let page = r#"<!DOCTYPE html><html><head><title>Payloads</title>
<script>window.__pwned = 10; document.title = 'pwned';</script></head><body>
<nav><a href="/">Home</a> <a href="javascript:window.__pwned = 16">World</a></nav>
<article><h1>Editors test what a page may hide</h1>
<p>"The tag &lt;script&gt;window.__pwned = 11&lt;/script&gt; is only text in our reader," said Ana Ruiz, the editor of the paper, on Monday.</p>
<p>An image <img src=x onerror="window.__pwned = 12"> and a <a href="javascript:window.__pwned = 13">harmless link</a> and a frame <iframe srcdoc="<script>parent.__pwned = 14</script>"></iframe> sit in this paragraph of the story.</p>
<p>Entities stay literal: &amp;lt;b&amp;gt; and &#60;img src=x onerror=window.__pwned = 15&#62; must be shown as written, the editor added.</p>
</article><svg onload="window.__pwned = 17"></svg></body></html>"#;
    let b = Browser::open().await;
    watch(&b).await;
    drop_file(&b, "section.input", "payloads.html", "text/html", page).await;
    b.wait_until("highlights", "document.querySelector('#view .mk-quote')")
        .await;
    let shown = view_text(&b).await;
    assert_shown_literally(
        &shown,
        &[
            "<script>window.__pwned = 11</script>",
            "&lt;b&gt;",
            "<img src=x onerror=window.__pwned = 15>",
            "harmless link",
        ],
        "dropped HTML",
    );
    assert!(
        !shown.contains("__pwned = 10") && !shown.contains("__pwned = 12"),
        "the page's own script and tags are dropped, not shown: {shown}"
    );
    b.screenshot("security-dropped-html").await;
    assert_inert(&b, "dropped HTML").await;
    b.close().await;
}
