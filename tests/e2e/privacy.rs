//! Nothing leaves the page: through load, paste, analysis, corrections, a text edit and
//! the exports, every request the browser makes goes to the page's own static files, and
//! the app runs under its Content-Security-Policy (no inline script but Trunk's hashed
//! loader, `connect-src 'self'`) without a single violation.

use serde_json::{json, Value};

use crate::harness::{root, seed_text, Browser};

/// Records every CSP violation of every page the session opens, from its first script on.
const RECORD_VIOLATIONS: &str = "window.__violations = [];
    document.addEventListener('securitypolicyviolation',
        (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));";

/// The built page's policy, directive name to its sources.
fn built_policy() -> Vec<(String, Vec<String>)> {
    let page = std::fs::read_to_string(root().join("dist").join("index.html")).unwrap();
    let start = page
        .find("http-equiv=\"Content-Security-Policy\" content=\"")
        .expect("dist/index.html carries a Content-Security-Policy")
        + "http-equiv=\"Content-Security-Policy\" content=\"".len();
    let policy = &page[start..start + page[start..].find('"').unwrap()];
    policy
        .split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace().map(str::to_string);
            Some((words.next()?, words.collect()))
        })
        .collect()
}

fn sources<'a>(policy: &'a [(String, Vec<String>)], directive: &str) -> &'a [String] {
    &policy
        .iter()
        .find(|(d, _)| d == directive)
        .unwrap_or_else(|| panic!("the policy has no {directive}"))
        .1
}

#[test]
fn the_built_page_allows_no_inline_or_remote_script() {
    let policy = built_policy();
    let script = sources(&policy, "script-src");
    assert!(script.contains(&"'self'".to_string()), "{script:?}");
    assert!(
        script.contains(&"'wasm-unsafe-eval'".to_string()),
        "{script:?}"
    );
    for s in script {
        assert!(
            s == "'self'" || s == "'wasm-unsafe-eval'" || s.starts_with("'sha256-"),
            "script-src allows only this origin, Wasm and hashed inline scripts, not {s}"
        );
    }
    assert!(
        script.iter().any(|s| s.starts_with("'sha256-")),
        "Trunk's inline loader is allowed by its hash: {script:?}"
    );
    assert_eq!(sources(&policy, "default-src"), ["'self'"]);
    assert_eq!(sources(&policy, "connect-src"), ["'self'"]);
    assert_eq!(sources(&policy, "worker-src"), ["'self'"]);
    assert_eq!(sources(&policy, "object-src"), ["'none'"]);
}

#[tokio::test]
async fn the_page_fetches_only_its_own_files_and_runs_under_its_policy() {
    let b = Browser::open().await;
    b.before_each_page(RECORD_VIOLATIONS).await;
    // From a clean network log (it holds the browser's start page too), load again.
    b.network_requests().await;
    b.client.refresh().await.unwrap();
    b.wait_for_css("#editor").await;

    paste_correct_edit_and_export(&b).await;

    let violations = b.eval("window.__violations").await;
    assert_eq!(violations, json!([]), "CSP violations");
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");

    every_request_stays_at_the_pages_origin(&b).await;

    // The policy is in force: an injected inline script is refused and reported.
    let ran = b
        .eval(
            "(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1';
                document.body.appendChild(s); return window.__inline === 1; })()",
        )
        .await;
    assert_eq!(ran, Value::Bool(false), "an inline script ran");
    b.wait_until(
        "the refused inline script's report",
        "window.__violations.some(v => v.startsWith('script-src'))",
    )
    .await;
    b.close().await;
}

/// Paste and analyse, correct, edit the text, export.
async fn paste_correct_edit_and_export(b: &Browser) {
    b.paste("#editor", &seed_text("000_0399775715a1bf4a.txt"))
        .await;
    b.wait_until("highlights", "document.querySelector('#view .mk-quote')")
        .await;
    b.select_text("#view", "Czech Health Minister Adam Vojtech")
        .await;
    b.press("c").await;
    b.wait_until(
        "the person's claim",
        "document.querySelector('#view .mk.mine')",
    )
    .await;
    b.click("#edit-text").await;
    b.eval("(() => { const e = document.querySelector('#editor'); e.focus(); e.setSelectionRange(e.value.length, e.value.length); return true; })()")
        .await;
    b.press(" Edited offline.").await;
    b.click("#done-editing").await;
    b.wait_until(
        "highlights again",
        "document.querySelector('#view .mk-quote')",
    )
    .await;
    b.click("#download-json").await;
    b.downloaded(".quotelens.json").await;
    b.click("#copy-json").await;
    b.wait_until(
        "the copy",
        "document.querySelector('#notice') && document.querySelector('#notice').textContent.includes('Copied')",
    )
    .await;
    // Give late requests (service worker, prefetches) time to show.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
}

/// What the browser asked for, what reached the server and what the page timed: all its own files.
async fn every_request_stays_at_the_pages_origin(b: &Browser) {
    // What the browser asked for (Chromium's network log) ...
    let origin = b.server.url();
    let urls = b.network_requests().await;
    assert!(
        urls.iter().any(|u| u.ends_with(".wasm")),
        "the network log sees the page's own requests: {urls:?}"
    );
    for url in &urls {
        assert!(
            url.starts_with(&origin) || url.starts_with("blob:") || url.starts_with("data:"),
            "a request left the page's origin: {url} (all: {urls:?})"
        );
    }
    // ... what reached the server: existing files of dist/ only ...
    let asked = b.server.requests.lock().unwrap().clone();
    let dist = root().join("dist");
    for path in &asked {
        let file = path
            .split(['?', '#'])
            .next()
            .unwrap()
            .trim_start_matches('/');
        assert!(
            file.is_empty() || dist.join(file).is_file(),
            "the page asked for {path}, which is not one of its files (all: {asked:?})"
        );
    }
    // ... and what the page itself timed.
    let entries = b
        .eval("performance.getEntries().map(e => e.name).filter(n => /^[a-z]+:/.test(n))")
        .await;
    for name in entries.as_array().unwrap() {
        let name = name.as_str().unwrap();
        assert!(
            name.starts_with(&origin) || name.starts_with("blob:") || name.starts_with("data:"),
            "the page loaded {name}"
        );
    }
    println!("requests seen by the server: {asked:?}");
}
