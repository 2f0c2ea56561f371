//! The page's one worker (`worker::entry`, the `quotelens-worker` binary): it is spawned
//! here, its `READY` and its failures are heard here, and each reply goes to the client
//! of its kind: `ui::analysis` (a text's annotations) and `ui::extraction` (a web page's
//! article). A client keeps its own queue (`worker::queue`) and posts its own messages
//! (`worker::message`) through `post`. The clients are wired in once, by `ui::start`
//! (`connect`): this module knows none of them by name.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::worker::message::{Kind, ToPage};

/// The worker's script, beside the page (Trunk's loader shim for `quotelens-worker`).
const WORKER_URL: &str = "quotelens-worker_loader.js";

/// What a client of the worker is told.
pub(super) struct Client {
    /// The kind of request it makes and of reply it gets.
    pub kind: Kind,
    /// The worker listens (the first one, or a replacement): post what waits.
    pub ready: fn(),
    /// A reply of the client's kind.
    pub reply: fn(ToPage),
    /// The worker failed with message `why`. `started`: it had said it was ready, and a
    /// new one is starting; else it never started, and none will.
    pub failed: fn(started: bool, why: &str),
}

#[derive(Default)]
struct Owner {
    worker: Option<Worker>,
    /// The worker could not be started: there is none for this page.
    broken: bool,
    /// The worker has said `READY`.
    ready: bool,
    clients: Vec<&'static Client>,
}

thread_local! {
    static OWNER: RefCell<Owner> = RefCell::new(Owner::default());
}

/// Wire in the worker's clients (before the first request).
pub(super) fn connect(clients: &[&'static Client]) {
    OWNER.with(|o| o.borrow_mut().clients.extend_from_slice(clients));
}

/// Start the worker unless it is running: ahead of the first request, so its Wasm is
/// loaded by then. Whether there is one (none when this browser cannot start it).
pub(super) fn start() -> bool {
    OWNER.with(|o| {
        let mut o = o.borrow_mut();
        if o.worker.is_none() && !o.broken {
            o.worker = spawn();
            o.broken = o.worker.is_none();
        }
        !o.broken
    })
}

/// Whether the worker has said it listens (a request now is answered in the time its
/// work takes, not after the worker's start-up).
pub(super) fn is_ready() -> bool {
    OWNER.with(|o| o.borrow().ready)
}

/// Post through the worker, if there is one (a client posts only once told `ready`).
pub(super) fn post(send: impl FnOnce(&Worker)) {
    OWNER.with(|o| {
        if let Some(worker) = &o.borrow().worker {
            send(worker);
        }
    });
}

/// A User Timing mark (seen in the browser's performance tools and the e2e benchmarks).
pub(super) fn mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}

/// The clients, copied out so that none is called inside the borrow (a client's
/// answer may post again).
fn clients() -> Vec<&'static Client> {
    OWNER.with(|o| o.borrow().clients.clone())
}

/// A message from the worker, to whom it concerns.
fn heard(message: ToPage) {
    let Some(kind) = message.kind() else {
        mark("quotelens-worker-ready");
        OWNER.with(|o| o.borrow_mut().ready = true);
        clients().iter().for_each(|c| (c.ready)());
        return;
    };
    if let Some(client) = clients().into_iter().find(|c| c.kind == kind) {
        (client.reply)(message);
    }
}

/// The worker failed. One that was answering (a trap cannot be recovered from) is
/// replaced, and newer requests go on as usual; one that never started (its script did
/// not load) is not retried.
fn failed(why: &str) {
    let started = OWNER.with(|o| {
        let mut o = o.borrow_mut();
        if let Some(w) = o.worker.take() {
            w.terminate();
        }
        let started = std::mem::take(&mut o.ready);
        if started {
            o.worker = spawn();
        }
        o.broken = o.worker.is_none();
        started
    });
    clients().iter().for_each(|c| (c.failed)(started, why));
}

/// Create the worker and wire its messages and failures.
fn spawn() -> Option<Worker> {
    let worker = Worker::new(WORKER_URL).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        if let Some(message) = ToPage::read(e.data()) {
            heard(message);
        }
    });
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(|e: ErrorEvent| {
        e.prevent_default();
        failed(&e.message());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // One worker for the page's life (a replacement is rare): the handlers stay.
    on_message.forget();
    on_error.forget();
    Some(worker)
}
