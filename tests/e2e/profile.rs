//! Where the page's main-thread time goes: Chrome's sampling profiler (through the DevTools
//! protocol) around one paste, printed as the functions with the most time. A tool, not a
//! test (`--ignored`). Function names need a build that keeps them, e.g.
//! `sed 's/data-wasm-opt="z"/data-wasm-opt="0"/' index.html > prof.html &&
//! CARGO_PROFILE_RELEASE_STRIP=none trunk build --release --dist DIR prof.html`, then
//! `PROFILE_DIST=DIR PROFILE_CASE=article|big|typing cargo test --features e2e --test e2e
//! -- --ignored --nocapture main_thread_profile` (the profile is also saved as
//! `target/main-thread-CASE.cpuprofile`, for DevTools' Performance panel).

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::harness::{root, Browser, StaticServer};
use crate::perf::{long_text, paste_to_highlights, worker_ready};

#[tokio::test]
#[ignore = "a tool: prints where the main thread's time goes"]
async fn main_thread_profile() {
    let case = std::env::var("PROFILE_CASE").unwrap_or_else(|_| "article".into());
    let dist = std::env::var("PROFILE_DIST").map_or_else(|_| root().join("dist"), Into::into);
    let b = Browser::open_on(StaticServer::start_in(dist).await, 1280, 900).await;
    worker_ready(&b).await;
    let article = long_text(0, 5_000);
    let big = long_text(1 << 20, 0);
    b.cdp("Profiler.enable", json!({})).await;
    b.cdp("Profiler.setSamplingInterval", json!({"interval": 200}))
        .await;
    let text = if case == "article" { &article } else { &big };
    if case == "typing" {
        paste_to_highlights(&b, text, 0).await;
        b.wait_until(
            "the analysis",
            "performance.getEntriesByName('quotelens-analysis-replied').length > 0",
        )
        .await;
        b.click("#edit-text").await;
        let editor = b.wait_for_css("#editor").await;
        b.eval("(() => { const ed = document.querySelector('#editor'); ed.focus(); ed.setSelectionRange(0, 0); return true; })()").await;
        b.cdp("Profiler.start", json!({})).await;
        for _ in 0..8 {
            editor.send_keys("x").await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    } else {
        b.cdp("Profiler.start", json!({})).await;
        let (ms, longs) = paste_to_highlights(&b, text, 1500).await;
        println!("paste to highlights {ms:.0} ms, long tasks {longs:?}");
    }
    let out = b.cdp("Profiler.stop", json!({})).await;
    let measures = b
        .eval("performance.getEntriesByType('mark').concat(performance.getEntriesByType('measure')).map(e => [e.name, Math.round(e.startTime), Math.round(e.duration)])")
        .await;
    println!("marks and measures: {measures}");
    println!(
        "elements: view {}, marks {}, panel {}, whole page {}",
        b.count("#view *").await,
        b.count("#view .mk").await,
        b.count("aside *").await,
        b.count("*").await
    );
    println!(
        "long tasks [start, ms]: {}",
        b.eval("window.__longStarts || []").await
    );
    let profile = &out["profile"];
    std::fs::write(
        root().join(format!("target/main-thread-{case}.cpuprofile")),
        profile.to_string(),
    )
    .unwrap();
    report(profile);
    if std::env::var("QUOTELENS_TRACE").is_ok() {
        let events: Vec<Value> = b
            .performance_log()
            .await
            .into_iter()
            .filter(|m| m["method"] == "Tracing.dataCollected")
            .map(|m| m["params"].clone())
            .collect();
        std::fs::write(
            root().join(format!("target/main-thread-{case}.trace.json")),
            Value::Array(events).to_string(),
        )
        .unwrap();
    }
    b.close().await;
}

/// Print the functions with the most self and total time in a CPU profile.
fn report(profile: &Value) {
    let nodes = profile["nodes"].as_array().unwrap();
    let mut name = HashMap::new();
    let mut parent = HashMap::new();
    for n in nodes {
        let id = n["id"].as_u64().unwrap();
        let f = &n["callFrame"];
        let url = f["url"].as_str().unwrap_or_default();
        let file = url.rsplit('/').next().unwrap_or_default();
        let fname = f["functionName"].as_str().unwrap_or_default();
        name.insert(
            id,
            format!(
                "{} ({file})",
                if fname.is_empty() {
                    "(anonymous)"
                } else {
                    fname
                }
            ),
        );
        for c in n["children"].as_array().into_iter().flatten() {
            parent.insert(c.as_u64().unwrap(), id);
        }
    }
    let samples = profile["samples"].as_array().unwrap();
    let deltas = profile["timeDeltas"].as_array().unwrap();
    let mut own: HashMap<&str, f64> = HashMap::new();
    let mut total: HashMap<&str, f64> = HashMap::new();
    // A sample's time is the delta to the next sample.
    for (i, s) in samples.iter().enumerate() {
        let dt = deltas.get(i + 1).and_then(Value::as_f64).unwrap_or(0.0) / 1000.0;
        let mut id = s.as_u64().unwrap();
        *own.entry(name[&id].as_str()).or_default() += dt;
        let mut seen = std::collections::HashSet::new();
        loop {
            let n = name[&id].as_str();
            if seen.insert(n) {
                *total.entry(n).or_default() += dt;
            }
            match parent.get(&id) {
                Some(&p) => id = p,
                None => break,
            }
        }
    }
    for (title, table) in [("self", &own), ("total", &total)] {
        let mut v: Vec<(&&str, &f64)> = table.iter().collect();
        v.sort_by(|a, b| b.1.total_cmp(a.1));
        println!("--- {title} time (ms)");
        for (n, ms) in v.into_iter().take(45) {
            println!("{ms:8.1}  {n}");
        }
    }
}
