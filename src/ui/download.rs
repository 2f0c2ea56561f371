//! Handing exports to the person: a file download or the clipboard.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offer `contents` as a download named `name`.
pub fn download(name: &str, contents: &[u8], mime: &str) -> Result<(), String> {
    let fail = |_| format!("The browser refused to save {name}.");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let doc = gloo::utils::document();
    let a: HtmlAnchorElement = doc.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = gloo::utils::body();
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    // Revoke later: revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Copy `text` to the clipboard; `done` hears whether it worked.
pub fn copy(text: String, done: impl FnOnce(Result<(), String>) + 'static) {
    let promise = gloo::utils::window()
        .navigator()
        .clipboard()
        .write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map(|_| ())
            .map_err(|_| {
                "The browser did not allow copying. Use Download JSON instead.".to_string()
            });
        done(result);
    });
}
