//! The analysis worker's share of a paste's latency (benchmarks: print figures, run
//! after `trunk build --release` with `--ignored --nocapture worker_`):
//! `worker_round_trip` starts the worker alone in the page and times its start-up (to
//! READY, warm-up included) and requests one after another; `worker_in_the_app` pastes
//! and splits the time to highlights at the marks around the worker. `QUOTELENS_DIST=DIR`
//! runs them on another build, `WORKER_CASE=article|big` on one of the two texts.

use serde_json::{json, Value};

use crate::harness::Browser;
use crate::perf::{long_text, paste_to_highlights, worker_ready};

/// The cases: `WORKER_CASE=article|big` for one of them.
fn cases() -> Vec<(&'static str, String)> {
    let case = std::env::var("WORKER_CASE").unwrap_or_default();
    [("5,000-word article", "article"), ("1 MB text", "big")]
        .into_iter()
        .filter(|(_, c)| case.is_empty() || case == *c)
        .map(|(name, c)| {
            let text = if c == "big" {
                long_text(1 << 20, 0)
            } else {
                long_text(0, 5_000)
            };
            (name, text)
        })
        .collect()
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Numbers in `v`; NaN for a missing one (an older build without a mark).
fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap_or(f64::NAN))
        .collect()
}

#[tokio::test]
#[ignore = "a benchmark: prints figures"]
async fn worker_round_trip_benchmark() {
    for (name, text) in cases() {
        for _ in 0..3 {
            // A fresh browser each time (a browser keeps a module's compiled code for the
            // next worker that loads it), on a page of the server that is not the app (so
            // the app's worker has not compiled it before).
            let b = Browser::open().await;
            b.client
                .goto(&format!("{}blank", b.server.url()))
                .await
                .unwrap();
            let out = b
                .client
                .execute_async(
                    "const [text, n, done] = arguments;
                     const t0 = performance.now();
                     const w = new Worker('quotelens-worker_loader.js');
                     const out = {start: 0, rounds: [], size: 0};
                     // A request as the page posts it (worker::protocol::request_bytes).
                     const enc = new TextEncoder(), head = enc.encode(JSON.stringify({seq: 1})), body = enc.encode(text);
                     const req = new Uint8Array(8 + head.length + body.length);
                     req.set(enc.encode('QLq1')); new DataView(req.buffer).setUint32(4, head.length, true);
                     req.set(head, 8); req.set(body, 8 + head.length);
                     let sent = 0;
                     const send = () => { sent = performance.now(); w.postMessage(req); };
                     w.onmessage = e => {
                         if (e.data === 'ready') { out.start = performance.now() - t0; send(); return; }
                         out.rounds.push(performance.now() - sent);
                         out.size = e.data.length;
                         if (out.rounds.length < n) { send(); } else { w.terminate(); done(out); }
                     };",
                    vec![json!(text), json!(5)],
                )
                .await
                .unwrap();
            let rounds = numbers(&out["rounds"]);
            println!(
                "  {name} ({} bytes): worker start-up {:.0} ms; round trips {:?} ms (first {:.0}, median {:.0}); reply {} bytes",
                text.len(),
                out["start"].as_f64().unwrap(),
                rounds.iter().map(|r| r.round()).collect::<Vec<_>>(),
                rounds[0],
                median(&rounds),
                out["size"]
            );
            b.close().await;
        }
    }
}

#[tokio::test]
#[ignore = "a benchmark: prints figures"]
async fn worker_in_the_app_benchmark() {
    for (name, text) in cases() {
        let mut rows: Vec<[f64; 5]> = Vec::new();
        for _ in 0..5 {
            let b = Browser::open().await;
            worker_ready(&b).await;
            let t = b.eval("performance.now()").await.as_f64().unwrap();
            let (shown, _) = paste_to_highlights(&b, &text, 0).await;
            let marks = b
                .eval(&format!(
                    "['quotelens-analysis-posted', 'quotelens-analysis-replied', 'quotelens-reply-parsed']
                       .map(n => performance.getEntriesByName(n).filter(e => e.startTime > {t}).map(e => e.startTime - {t})[0])"
                ))
                .await;
            let m = numbers(&marks);
            rows.push([m[0], m[1] - m[0], m[2] - m[1], shown - m[2], shown]);
            b.close().await;
        }
        let col = |i: usize| median(&rows.iter().map(|r| r[i]).collect::<Vec<_>>());
        println!(
            "  {name}: paste to highlights median {:.0} ms = paste to posted {:.0} + worker (posted to replied) {:.0} + reply parsed {:.0} + to the frame {:.0} (medians of 5; shown {:?})",
            col(4),
            col(0),
            col(1),
            col(2),
            col(3),
            rows.iter().map(|r| r[4].round()).collect::<Vec<_>>()
        );
    }
}
