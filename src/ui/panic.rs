//! A panic is a bug, and it must not cost the person their work. The hook logs it
//! (`console_error_panic_hook`), stops autosave, so that whatever state the app is left
//! in can never overwrite the last good save, and lays a notice over the page built
//! with plain DOM calls (Yew may be what broke) whose Reload link starts again from the
//! saved document.
//!
//! For the end-to-end tests, `window.dispatchEvent(new Event("quotelens:panic"))` panics
//! on purpose. Only script already running in the page can send it, and all it does is
//! show this screen.

use std::sync::atomic::{AtomicBool, Ordering};

use web_sys::{Document, Element};

static CRASHED: AtomicBool = AtomicBool::new(false);

/// Whether the app has panicked since the page loaded.
pub fn crashed() -> bool {
    CRASHED.load(Ordering::Relaxed)
}

/// Install the hook and the test trigger; call once, before anything else runs.
pub fn install() {
    // Through Yew, which otherwise replaces any hook with its own when it renders.
    yew::set_custom_panic_hook(Box::new(|info| {
        CRASHED.store(true, Ordering::Relaxed);
        console_error_panic_hook::hook(info);
        show_crash(&info.to_string());
    }));
    if let Some(window) = web_sys::window() {
        gloo::events::EventListener::new(&window, "quotelens:panic", |_| {
            panic!("panic requested by a quotelens:panic event (tests)")
        })
        .forget();
    }
}

/// The error screen; nothing in it may panic (a panic in the hook aborts at once).
fn show_crash(details: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return; // not in a page (a worker): the console has it
    };
    if doc.get_element_by_id("crash").is_some() {
        return; // later panics of an app already broken add nothing
    }
    let _ = build(&doc, details);
}

fn build(doc: &Document, details: &str) -> Option<()> {
    let el = |tag: &str, text: &str| -> Option<Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let scrim = el("div", "")?;
    scrim.set_id("crash");
    scrim.set_class_name("scrim");
    scrim.set_attribute("role", "alertdialog").ok()?;
    scrim.set_attribute("aria-modal", "true").ok()?;
    scrim.set_attribute("aria-labelledby", "crash-title").ok()?;
    let dialog = el("div", "")?;
    dialog.set_class_name("dialog");
    let title = el("h2", "QuoteLens ran into an internal error")?;
    title.set_id("crash-title");
    let message = el(
        "p",
        "Your article and your corrections are saved in this browser up to your last change. \
         Reload the page to go on from there.",
    )?;
    // A link, not a script: it works however broken the app is.
    let reload = el("a", "Reload")?;
    reload.set_id("crash-reload");
    reload.set_class_name("btn btn-primary");
    let here = doc.location()?.href().ok()?;
    let here = here.split('#').next().unwrap_or_default().to_string();
    reload.set_attribute("href", &here).ok()?;
    let more = el("details", "")?;
    more.append_child(&el("summary", "Technical details")?.into())
        .ok()?;
    more.append_child(&el("pre", details)?.into()).ok()?;
    let actions = el("div", "")?;
    actions.set_class_name("dialog-actions");
    actions.append_child(&reload).ok()?;
    for child in [&title, &message, &more, &actions] {
        dialog.append_child(child).ok()?;
    }
    scrim.append_child(&dialog).ok()?;
    doc.body()?.append_child(&scrim).ok()?;
    if let Ok(link) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(reload) {
        let _ = link.focus();
    }
    Some(())
}
