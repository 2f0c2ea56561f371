//! The analysis worker's side (wasm32, inside a dedicated Web Worker): answer each
//! request with the engine's result. One request at a time; the page never sends a
//! second before the first is answered.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::extract::{self, ExtractRequest};
use super::protocol::{handle, warm_up_request, READY};

/// Warm up, listen for requests, then tell the page so.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        if let Some(request) = ExtractRequest::from_message(&data) {
            let _ = reply_to.post_message(&request.answer().to_message());
        } else if let Ok(request) = data.dyn_into::<Uint8Array>() {
            if let Some(reply) = handle(&request.to_vec()) {
                post_bytes(&reply_to, &reply);
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its listener is never dropped.
    on_message.forget();
    warm_up(&scope);
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// Post `bytes` as a `Uint8Array` whose buffer is transferred: the page gets it without
/// a copy (one copy out of the Wasm memory here, one into the page's there).
fn post_bytes(scope: &DedicatedWorkerGlobalScope, bytes: &[u8]) {
    let array = Uint8Array::new_with_length(bytes.len() as u32);
    array.copy_from(bytes);
    let _ = scope.post_message_with_transfer(&array, &Array::of1(&array.buffer()));
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
            .for_each(|page| drop(page.answer().to_message()));
        let took = clock.now() - t0;
        rounds += 1;
        since_best += 1;
        if took < best * 0.9 {
            (best, since_best) = (took, 0);
        }
    }
    let _ = handle(&warm_up_request(16));
}
