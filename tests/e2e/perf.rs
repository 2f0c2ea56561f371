//! Speed in the browser: analysis off the page's thread (in the `quotelens-worker` Web
//! Worker), and the latency benchmark (`--ignored`, see README's Performance section).

use quotelens::{analyse, Kind};
use serde_json::json;

use crate::harness::{root, shared, Browser};

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

/// A pasted article (a short one, with the worker ready) waits a moment for its analysis
/// and is then shown once, whole, with its marks; or, should the analysis be late, as
/// plain text on the deadline (80 ms). The rehearsal of the view at start-up (hidden, in a
/// shadow root) has left nothing in the page.
#[tokio::test]
async fn a_pasted_article_is_shown_once_with_its_marks() {
    let text = long_text(0, 2_000);
    let b = Browser::open().await;
    worker_ready(&b).await;
    let out = b
        .client
        .execute_async(
            "const [text, done] = arguments;
             const el = document.querySelector('#editor'); el.focus();
             const mo = new MutationObserver(() => {
                 const view = document.querySelector('#view');
                 if (view) { mo.disconnect();
                     done([performance.now() - t0, !!view.querySelector('.mk-quote'), view.textContent === text]); }
             });
             mo.observe(document.body, {subtree: true, childList: true});
             const t0 = performance.now();
             const dt = new DataTransfer(); dt.setData('text/plain', text);
             el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
            vec![json!(text)],
        )
        .await
        .unwrap();
    let (ms, marked, whole) = (
        out[0].as_f64().unwrap(),
        out[1] == json!(true),
        out[2] == json!(true),
    );
    assert!(whole, "the view holds the whole text from the start");
    assert!(
        marked || ms >= 75.0,
        "shown after {ms:.0} ms without its marks"
    );
    b.wait_until("highlights", "document.querySelector('#view .mk-quote')")
        .await;
    let hidden = b
        .eval("[...document.body.children].filter(e => e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('inert')).length")
        .await;
    assert_eq!(hidden, json!(0), "the rehearsal is gone");
    assert_eq!(b.count("#view").await, 1);
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    b.close().await;
}

/// PolNeAR dev articles one after another, in paragraphs, to at least `min_bytes` and
/// `min_words` words, then a closing paragraph found nowhere else. A clone without
/// `../shared` uses the seed articles in `samples/` instead (the benchmarks' figures
/// then describe other text, but the tests still check the same behaviour).
pub(crate) fn long_text(min_bytes: usize, min_words: usize) -> String {
    let mut dir = shared("polnear/dev");
    if !dir.exists() {
        eprintln!("../shared/polnear/dev is absent: long texts from samples/");
        dir = root().join("samples");
    }
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("a folder of articles")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut text = String::new();
    let mut words = 0;
    for f in files.iter().cycle() {
        if text.len() >= min_bytes && words >= min_words {
            break;
        }
        let article = std::fs::read_to_string(f).unwrap();
        text.push_str(article.trim());
        text.push_str("\n\n");
        words += article.split_whitespace().count();
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
    b.click("#panel-filter").await;
    b.press("unique closing").await;
    b.click(&format!("[data-entry='{last}']")).await;
    b.wait_until(
        "the last quote focused",
        &format!("document.activeElement && document.activeElement.matches(\".mk.first.active[data-id='{last}']\")"),
    )
    .await;
    b.wait_until(
        "the last quote on screen",
        "(r => r.top >= 0 && r.bottom <= innerHeight)(document.activeElement.getBoundingClientRect())",
    )
    .await;
    // A hover re-renders only the chunks holding the marks it lights or unlights (here the
    // first quote's, and the active last quote's that it takes over from).
    let touched = b
        .eval_async(
            "const done = arguments[0];
             const view = document.querySelector('#view');
             const chunks = new Set();
             const mo = new MutationObserver(ms => { for (const m of ms) {
                 const c = (m.target.nodeType === 1 ? m.target : m.target.parentElement).closest('.chunk');
                 if (c) chunks.add(c.dataset.chunk); } });
             mo.observe(view, {subtree: true, childList: true, attributes: true, characterData: true});
             const mark = document.querySelector('#view .mk-quote.first');
             mark.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
             setTimeout(() => { mo.disconnect(); done([chunks.size, view.querySelectorAll('.chunk').length,
                 document.querySelectorAll('#view .mk.lit').length]); }, 300);",
        )
        .await;
    let (changed, all, lit) = (
        touched[0].as_u64().unwrap(),
        touched[1].as_u64().unwrap(),
        touched[2].as_u64().unwrap(),
    );
    assert!(lit > 0, "the hover lit its marks");
    assert!(
        (1..=4).contains(&changed) && all > 50,
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

/// Wait until the page's analysis worker says it listens.
pub(crate) async fn worker_ready(b: &Browser) {
    b.wait_until(
        "the analysis worker",
        "performance.getEntriesByName('quotelens-worker-ready').length > 0",
    )
    .await;
}

/// Paste `text` into the empty editor as the browser does and time it in the page: from
/// the paste to the first frame with highlights, with every main-thread long task from
/// the paste until `settle_ms` after that frame. Returns (ms, long tasks in ms).
pub(crate) async fn paste_to_highlights(
    b: &Browser,
    text: &str,
    settle_ms: u32,
) -> (f64, Vec<f64>) {
    let out = b
        .client
        .execute_async(
            "const [text, settle, done] = arguments;
             const longs = [];
             const po = new PerformanceObserver(l => { for (const e of l.getEntries()) { longs.push(e.duration); window.__longStarts = (window.__longStarts || []).concat([[Math.round(e.startTime), Math.round(e.duration)]]); } });
             po.observe({type: 'longtask'});
             const el = document.querySelector('#editor'); el.focus();
             let shown = null;
             const mo = new MutationObserver(() => {
                 if (shown === null && document.querySelector('#view .mk-quote')) {
                     shown = 0; mo.disconnect();
                     requestAnimationFrame(() => { shown = performance.now() - t0; performance.mark('bench-shown');
                         setTimeout(() => { po.disconnect(); done([shown, longs]); }, settle); });
                 }
             });
             mo.observe(document.body, {subtree: true, childList: true});
             // When the side panel lists its first entry (it follows the view).
             window.__panel = null;
             const mp = new MutationObserver(() => {
                 if (document.querySelector('aside .entry')) { mp.disconnect();
                     requestAnimationFrame(() => { window.__panel = performance.now() - t0; }); }
             });
             mp.observe(document.body, {subtree: true, childList: true});
             const t0 = performance.now(); performance.mark('bench-paste');
             const dt = new DataTransfer(); dt.setData('text/plain', text);
             const ev = new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true});
             if (el.dispatchEvent(ev)) { document.execCommand('insertText', false, text); }",
            vec![json!(text), json!(settle_ms)],
        )
        .await
        .unwrap();
    let ms = out[0].as_f64().unwrap();
    let longs = out[1]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    (ms, longs)
}

/// A JSON array of numbers.
fn numbers(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(0.0, f64::max)
}

/// The in-browser latency benchmark of issue 7.3; prints its figures. Run it on a quiet
/// machine after `trunk build --release`:
/// `cargo test --features e2e --test e2e -- --ignored --nocapture browser_latency`
#[tokio::test]
#[ignore = "a benchmark: prints figures (README, Performance)"]
async fn browser_latency_benchmark() {
    let article = long_text(0, 5_000);
    let big = long_text(1 << 20, 0);
    println!("browser latency benchmark (headless Chromium, release build, worker warm)");

    paste_a_5000_word_article(&article).await;

    paste_a_1mb_text(&big).await;

    typing_while_the_worker_analyses(&big).await;
}

/// A 5,000-word article: paste to highlights.
async fn paste_a_5000_word_article(article: &str) {
    let words = article.split_whitespace().count();
    let mut times = Vec::new();
    let mut longest = Vec::new();
    let mut panel = Vec::new();
    for _ in 0..5 {
        let b = Browser::open().await;
        worker_ready(&b).await;
        let (ms, longs) = paste_to_highlights(&b, article, 500).await;
        times.push(ms);
        longest.push(max(&longs));
        panel.push(b.eval("window.__panel").await.as_f64().unwrap_or(f64::NAN));
        b.close().await;
    }
    println!(
        "  {words}-word article ({} KB): paste to highlights median {:.0} ms, max {:.0} ms (target 50 ms); longest main-thread task {:.0} ms; side panel listed median {:.0} ms",
        article.len() / 1024,
        median(&times),
        max(&times),
        max(&longest),
        median(&panel)
    );
}

/// A 1 MB text: paste to highlights, and the main thread's long tasks meanwhile.
async fn paste_a_1mb_text(big: &str) {
    let mut times = Vec::new();
    let mut longest = Vec::new();
    let mut count = 0;
    for _ in 0..3 {
        let b = Browser::open().await;
        worker_ready(&b).await;
        let (ms, longs) = paste_to_highlights(&b, big, 1500).await;
        b.wait_until(
            "the 1 MB analysis",
            "performance.getEntriesByName('quotelens-analysis-replied').length > 0",
        )
        .await;
        times.push(ms);
        longest.push(max(&longs));
        count += longs.len();
        b.close().await;
    }
    println!(
        "  1 MB text ({} bytes): paste to highlights median {:.0} ms, max {:.0} ms (target 1000 ms); longest main-thread task {:.0} ms (target under 100 ms), {} long tasks over 3 runs",
        big.len(),
        median(&times),
        max(&times),
        max(&longest),
        count
    );
}

/// Typing in the editor while the worker analyses the 1 MB text.
async fn typing_while_the_worker_analyses(big: &str) {
    let b = Browser::open().await;
    worker_ready(&b).await;
    paste_to_highlights(&b, big, 0).await;
    b.wait_until(
        "the 1 MB analysis",
        "performance.getEntriesByName('quotelens-analysis-replied').length > 0",
    )
    .await;
    b.click("#edit-text").await;
    b.wait_for_css("#editor").await;
    b.eval(
        "(() => { window.__lat = []; window.__longs = [];
          new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longs.push(e.duration); }).observe({type: 'longtask'});
          document.addEventListener('keydown', e => { const t = e.timeStamp;
              requestAnimationFrame(() => window.__lat.push([t, performance.now() - t])); }, true);
          const ed = document.querySelector('#editor'); ed.focus(); ed.setSelectionRange(0, 0); return true; })()",
    )
    .await;
    // A key every 250 ms: each pause outlasts the editor's debounce, so every key asks
    // for a new analysis while the worker is still on the one before.
    let editor = b.wait_for_css("#editor").await;
    for _ in 0..24 {
        editor.send_keys("x").await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    let report = b
        .eval(
            "(() => { const posted = performance.getEntriesByName('quotelens-analysis-posted').map(e => e.startTime);
               const replied = performance.getEntriesByName('quotelens-analysis-replied').map(e => e.startTime);
               const busy = t => posted.some(p => p <= t && !replied.some(r => r >= p && r < t));
               return [window.__lat.map(x => x[1]), window.__lat.filter(x => busy(x[0])).length, window.__longs, posted.length]; })()",
        )
        .await;
    let lat: Vec<f64> = report[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    let longs: Vec<f64> = report[2]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    let mut sorted = lat.clone();
    sorted.sort_by(|a, b| a.total_cmp(b));
    println!(
        "  typing into the 1 MB text: {} keys, {} of them while an analysis ran ({} analyses asked); key to next frame median {:.0} ms, 95th percentile {:.0} ms, max {:.0} ms; longest main-thread task {:.0} ms",
        lat.len(),
        report[1],
        report[3],
        median(&lat),
        sorted[(sorted.len() * 95 / 100).min(sorted.len() - 1)],
        max(&lat),
        max(&longs)
    );
    assert_eq!(lat.len(), 24, "every key reached the page");
    b.close().await;
}

/// What a 1 MB HTML page adds in the browser, end to end: from the drop of the `.html`
/// file (or the paste of the page with its HTML flavour) to the first frame showing
/// the article, beside the same visible text coming in the same way without HTML (a
/// `.txt` drop, a paste of the text alone: what any text costs, reading and the
/// reading view), and the part of it spent extracting the article (the marks
/// `quotelens-page-start` and `-done` around the analysis worker's extraction, from the
/// request to its reply on the page), with the longest main-thread task (the page never
/// extracts: the worker does, `worker::extract`). Each run in a fresh page. A
/// benchmark: prints figures, run
/// with `cargo test --features e2e --test e2e -- --ignored --nocapture html_page`
/// (`BENCH_RUNS=5` for more runs than 3; `QUOTELENS_DIST=dir` serves another build).
#[tokio::test]
#[ignore = "a benchmark: prints figures (README, Performance)"]
async fn html_page_extraction_benchmark() {
    let page = a_long_page();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    println!(
        "  a {:.2} MB HTML page ({:.2} MB of text), {runs} runs each, median (all):",
        page.html.len() as f64 / 1e6,
        page.plain.len() as f64 / 1e6
    );
    let mut shown_of = Vec::new();
    for (what, how) in [
        ("text dropped as .txt", "txt"),
        ("HTML dropped as .html", "html"),
        ("text pasted (text/plain alone)", "paste-text"),
        ("HTML pasted (text/html + text/plain)", "paste"),
    ] {
        let (mut shown, mut extract, mut longest) = (vec![], vec![], vec![]);
        for _ in 0..runs {
            let out = time_showing_the_page(how, &page).await;
            shown.push(out[0].as_f64().unwrap());
            if let Some(ms) = out[1].as_f64() {
                extract.push(ms);
            }
            longest.push(max(&numbers(&out[2])));
        }
        print_page_figures(what, &shown, &extract, &longest);
        shown_of.push(median(&shown));
    }
    // Each way against the same text coming in the same way: a drop against the .txt
    // drop, a paste against the paste of the copied text alone (the paste event and the
    // clipboard's strings cost the same with or without the HTML).
    println!(
        "  added by the HTML (median to the article shown): dropped {:.0} ms (against the .txt drop), pasted {:.0} ms (against the text pasted alone; {:.0} ms against the .txt drop)",
        shown_of[1] - shown_of[0],
        shown_of[3] - shown_of[2],
        shown_of[3] - shown_of[0]
    );
}

/// A 1 MB HTML page: navigation, a long article, a footer; and its visible text.
fn a_long_page() -> LongPage {
    let body = long_text(800_000, 0);
    let mut html = String::from(
        "<!doctype html><html><head><meta charset=utf-8><title>Bench</title></head><body><nav><ul>",
    );
    let mut plain = String::new();
    for i in 0..200 {
        html.push_str(&format!("<li><a href=\"/s{i}\">Section {i}</a></li>"));
        plain.push_str(&format!("Section {i}\n"));
    }
    html.push_str("</ul></nav><main><article><h1>Long article</h1>");
    plain.push_str("Long article\n\n");
    for para in body.split("\n\n") {
        html.push_str("<p>");
        html.push_str(&para.replace('&', "&amp;").replace('<', "&lt;"));
        html.push_str("</p>\n");
        plain.push_str(para);
        plain.push_str("\n\n");
    }
    html.push_str(
        "</article></main><footer><p>Share</p><p>Related stories</p></footer></body></html>",
    );
    plain.push_str("Share\n\nRelated stories\n");
    LongPage { html, plain }
}

/// A long HTML page and its text as a person would copy it.
struct LongPage {
    html: String,
    plain: String,
}

/// One run in a fresh page, the page coming in as `how` says (txt, html, paste-text,
/// paste):
/// `[ms to the article shown, ms extracting or null, [long tasks]]`.
async fn time_showing_the_page(how: &str, page: &LongPage) -> serde_json::Value {
    let b = Browser::open().await;
    worker_ready(&b).await;
    b.wait_for_css("#editor").await;
    let out = b
        .client
        .execute_async(
            "const [how, html, plain, done] = arguments;
             const longs = [];
             const po = new PerformanceObserver(l => { for (const e of l.getEntries()) longs.push(e.duration); });
             po.observe({type: 'longtask'});
             let shown = null;
             const mo = new MutationObserver(() => {
                 if (shown === null && document.querySelector('#view')) {
                     shown = 0; mo.disconnect();
                     requestAnimationFrame(() => { shown = performance.now() - t0;
                         setTimeout(() => { po.disconnect();
                             const s = performance.getEntriesByName('quotelens-page-start');
                             const e = performance.getEntriesByName('quotelens-page-done');
                             done([shown, s.length && e.length ? e[0].startTime - s[0].startTime : null, longs]);
                         }, 300); });
                 }
             });
             mo.observe(document.body, {subtree: true, childList: true});
             const t0 = performance.now();
             const dt = new DataTransfer();
             if (how === 'paste' || how === 'paste-text') {
                 if (how === 'paste') dt.setData('text/html', html);
                 dt.setData('text/plain', plain);
                 const el = document.querySelector('#editor'); el.focus();
                 el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
             } else {
                 dt.items.add(how === 'html' ? new File([html], 'big.html', {type: 'text/html'}) : new File([plain], 'big.txt', {type: 'text/plain'}));
                 document.querySelector('section.input').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
             }",
            vec![json!(how), json!(page.html), json!(page.plain)],
        )
        .await
        .unwrap();
    b.close().await;
    out
}

/// One way of showing the page: the median and every run of each figure.
fn print_page_figures(what: &str, shown: &[f64], extract: &[f64], longest: &[f64]) {
    let all = |v: &[f64]| {
        v.iter()
            .map(|x| format!("{x:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let extraction = if extract.is_empty() {
        String::new()
    } else {
        format!(
            "; extraction (worker, request to reply) {:.0} ms ({})",
            median(extract),
            all(extract)
        )
    };
    println!(
        "  {what}: to the article shown {:.0} ms ({}){extraction}; longest main-thread task {:.0} ms ({})",
        median(shown),
        all(shown),
        median(longest),
        all(longest)
    );
}
