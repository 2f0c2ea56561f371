//! The analysis worker's side (wasm32, inside a dedicated Web Worker): answer each
//! request with the engine's result. One request at a time; the page never sends a
//! second before the first is answered.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::protocol::{handle, READY};

/// Listen for requests, then tell the page so.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(reply) = e.data().as_string().as_deref().and_then(handle) {
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its listener is never dropped.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}
