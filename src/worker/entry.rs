//! The analysis worker's side (wasm32, inside a dedicated Web Worker): answer each
//! request with the engine's result. One request at a time; the page never sends a
//! second before the first is answered.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::extract;
use super::message::{ToPage, ToWorker};
use super::protocol::{handle, warm_up_request};

/// Warm up, listen for requests, then tell the page so.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        match ToWorker::read(e.data()) {
            Some(ToWorker::Extract(request)) => {
                ToPage::post_extraction(&reply_to, request.answer());
            }
            Some(ToWorker::Analyse(request)) => {
                if let Some(reply) = handle(&request) {
                    ToPage::post_analysis(&reply_to, &reply);
                }
            }
            None => {}
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its listener is never dropped.
    on_message.forget();
    warm_up(&scope);
    ToPage::post_ready(&scope);
}

/// Answer the warm-up request (2.5 KB) until its time stops improving (the browser has
/// compiled the hot functions with its optimising compiler), then once repeated 16 times
/// (which also grows the memory to what a long article needs). About 100 ms on a quiet
/// machine, while the person looks at the empty page; a request made meanwhile waits in
/// the page until READY. Never more than about a second.
fn warm_up(scope: &DedicatedWorkerGlobalScope) {
    let Some(clock) = scope.performance() else {
        return;
    };
    let sample = warm_up_request(1);
    // A page dropped and pasted: extraction is made hot alongside the analysis.
    let pages = extract::warm_up_requests();
    let deadline = clock.now() + 1000.0;
    let (mut best, mut rounds, mut since_best) = (f64::MAX, 0, 0);
    while clock.now() < deadline && (rounds < 20 || since_best < 10) {
        let t0 = clock.now();
        let _ = handle(&sample);
        pages
            .iter()
            .for_each(|page| drop(page.answer().into_parts()));
        let took = clock.now() - t0;
        rounds += 1;
        since_best += 1;
        if took < best * 0.9 {
            (best, since_best) = (took, 0);
        }
    }
    let _ = handle(&warm_up_request(16));
}
