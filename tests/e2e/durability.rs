//! Work survives what goes wrong: a panic shows a way back to the saved document, a full
//! localStorage is reported while the app goes on, and after the first visit the app
//! opens and works without the server.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::harness::{root, Browser, StaticServer};

const TEXT: &str = "Bridge to reopen in May\n\nThe minister spoke on Monday. \"We will rebuild the bridge by May,\" said Anna Berg, the minister.\n\nCritics disagreed. \"It cannot be done,\" said Tom Hale. \"Not this year,\" he added.";

const SAVED: &str = "localStorage.getItem('quotelens.document.v1')";

async fn paste(b: &Browser) {
    b.paste("#editor", TEXT).await;
    b.wait_until("highlights", "document.querySelector('#view .mk-quote')")
        .await;
}

async fn paste_and_correct(b: &Browser) {
    paste(b).await;
    correct(b).await;
}

/// Mark a claim of the person's own.
async fn correct(b: &Browser) {
    b.select_text("#view", "Critics disagreed.").await;
    b.press("c").await;
    b.wait_until(
        "the person's claim",
        "document.querySelector('#view .mk.mine')",
    )
    .await;
}

async fn notice(b: &Browser) -> String {
    b.wait_until("a notice", "document.querySelector('#notice')")
        .await;
    b.text_of("#notice").await
}

#[tokio::test]
async fn a_panic_shows_a_way_back_and_the_save_stays_intact() {
    let b = Browser::open().await;
    paste_and_correct(&b).await;
    b.wait_until(
        "the claim autosaved",
        &format!("({SAVED} || '').includes('Critics disagreed.')"),
    )
    .await;
    let saved = b.eval(SAVED).await;

    // The test trigger (src/ui/panic.rs); from a timer, so the panic is the page's own.
    b.eval("setTimeout(() => dispatchEvent(new Event('quotelens:panic'))) || true")
        .await;
    b.wait_for_css("#crash").await;
    let shown = b.text_of("#crash").await;
    assert!(
        shown.contains("internal error") && shown.contains("saved"),
        "the person is told what happened and that the work is saved: {shown}"
    );
    assert_eq!(
        b.eval("document.activeElement && document.activeElement.id")
            .await,
        json!("crash-reload"),
        "the way back has the focus"
    );
    b.screenshot("durability-panic").await;
    let errors = b.console_errors().await;
    assert!(
        errors.iter().any(|e| e.contains("panic requested")),
        "the panic is in the console for developers: {errors:?}"
    );

    // Whatever the app still does after the panic is not saved over the last good state.
    b.eval("document.querySelector('#undo').click() || true")
        .await;
    b.wait_until(
        "the undo to show",
        "!document.querySelector('#view .mk.mine')",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(b.eval(SAVED).await, saved, "the saved document is intact");

    b.click("#crash-reload").await;
    b.wait_until(
        "the saved claim after the reload",
        "!document.querySelector('#crash') && document.querySelector('#view .mk.mine')",
    )
    .await;
    // Saved again as the app goes on (analysis state aside): the same text and corrections.
    let again = b
        .eval(&format!("(d => [d.text, d.user])(JSON.parse({SAVED}))"))
        .await;
    let before: serde_json::Value = serde_json::from_str(saved.as_str().unwrap()).unwrap();
    assert_eq!(again, json!([before["text"], before["user"]]));
    b.close().await;
}

#[tokio::test]
async fn a_full_storage_is_reported_and_the_app_goes_on() {
    let b = Browser::open().await;
    // Fill this origin's localStorage to the last byte.
    let filled = b
        .eval(
            "(() => { let n = 0;
                for (const size of [1 << 20, 1 << 14, 1 << 8, 1]) {
                    const chunk = 'x'.repeat(size);
                    try { for (;;) { localStorage.setItem('filler-' + n, chunk); n++; } } catch (e) {}
                }
                return n; })()",
        )
        .await;
    assert!(filled.as_u64().unwrap() > 0);
    paste(&b).await;
    let warning = notice(&b).await;
    assert!(
        warning.contains("storage is full") && warning.contains("Download the JSON"),
        "the person is warned: {warning}"
    );
    b.screenshot("durability-storage-full").await;
    // Still working: corrections, undo, redo, and the export.
    correct(&b).await;
    b.click("#undo").await;
    b.wait_until("the undo", "!document.querySelector('#view .mk.mine')")
        .await;
    b.click("#redo").await;
    b.wait_until("the redo", "document.querySelector('#view .mk.mine')")
        .await;
    b.click("#download-json").await;
    b.downloaded(".quotelens.json").await;
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    b.eval("localStorage.clear() || true").await;
    b.close().await;
}

#[tokio::test]
async fn after_the_first_visit_it_works_without_the_server() {
    let b = Browser::open().await;
    b.wait_until(
        "the service worker in control",
        "navigator.serviceWorker && navigator.serviceWorker.controller",
    )
    .await;
    paste_and_correct(&b).await;

    b.server.stop().await;
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", b.server.port)).is_err(),
        "the server refuses connections"
    );
    b.client.refresh().await.unwrap();
    b.wait_until(
        "the saved document analysed offline",
        "document.querySelector('#view .mk-quote') && document.querySelector('#view .mk.mine')",
    )
    .await;
    // A new article is analysed offline too.
    b.click("#new-doc").await;
    b.click("#confirm-ok").await;
    b.wait_for_css("#editor").await;
    b.paste("#editor", &TEXT.replace("Anna Berg", "Maria Lind"))
        .await;
    b.wait_until(
        "highlights offline",
        "document.querySelector('#view .mk-quote') && document.querySelector('#view').textContent.includes('Maria Lind')",
    )
    .await;
    b.screenshot("durability-offline").await;
    b.close().await;
}

/// Publish release `release` of the built app in `dir`: a fresh copy of `dist/` whose page
/// names its release, finished by the same post-build hook as a real build.
fn publish(dir: &Path, release: &str) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    for entry in std::fs::read_dir(root().join("dist")).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
    }
    let page = dir.join("index.html");
    let html = std::fs::read_to_string(&page).unwrap().replacen(
        "<title>",
        &format!("<meta name=\"release\" content=\"{release}\" />\n    <title>"),
        1,
    );
    std::fs::write(&page, html).unwrap();
    let hook = std::process::Command::new("python3")
        .arg(root().join("scripts").join("post-build.py"))
        .env("TRUNK_STAGING_DIR", dir)
        .env("TRUNK_SOURCE_DIR", root())
        .env("TRUNK_PUBLIC_URL", "/")
        .output()
        .expect("python3 runs the post-build hook");
    assert!(hook.status.success(), "{hook:?}");
}

/// The page's caches, by name.
async fn caches(b: &Browser) -> Value {
    b.eval_async("caches.keys().then(arguments[0])").await
}

#[tokio::test]
async fn a_new_release_replaces_the_offline_copy_at_once() {
    let dir = root().join("target").join("e2e-release");
    publish(&dir, "1");
    let b = Browser::open_on(StaticServer::start_in(dir.clone()).await, 1280, 900).await;
    let release = "document.querySelector('meta[name=release]').content";
    b.wait_until(
        "the service worker in control",
        "navigator.serviceWorker && navigator.serviceWorker.controller",
    )
    .await;
    let first = caches(&b).await;
    assert_eq!(
        first.as_array().unwrap().len(),
        1,
        "one build cached: {first}"
    );

    // Online, the next visit gets the new release at once (network first) ...
    publish(&dir, "2");
    b.client.refresh().await.unwrap();
    b.wait_for_css("#editor").await;
    assert_eq!(b.eval(release).await, json!("2"));
    // ... and its worker replaces the old build's cache with the new one.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let now = caches(&b).await;
        if now.as_array().unwrap().len() == 1 && now != first {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the old build's cache stays: {now} (first {first})"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Offline, the new release opens.
    b.server.stop().await;
    b.client.refresh().await.unwrap();
    b.wait_for_css("#editor").await;
    assert_eq!(b.eval(release).await, json!("2"));
    b.close().await;
}
