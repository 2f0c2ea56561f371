//! Offline use: register the service worker (`dist/sw.js`, written from `web/sw.js` by
//! `scripts/post-build.py`), which keeps this build's files for when the network is
//! gone. Release builds only, so `trunk serve`'s debug builds run without one.

use wasm_bindgen::JsValue;

pub fn register() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    // Absent outside secure contexts (plain http on another host than localhost).
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|sw| !sw.is_undefined());
    if !available {
        return;
    }
    let registering = navigator.service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(registering).await {
            gloo::console::warn!("QuoteLens: offline use is unavailable:", e);
        }
    });
}
