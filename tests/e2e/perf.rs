//! Speed in the browser: analysis off the page's thread (in the `quotelens-worker` Web
//! Worker), and the latency benchmark (`--ignored`, see README's Performance section).

use crate::harness::Browser;

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
