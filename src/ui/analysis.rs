//! The one place the app asks the engine for an analysis. The engine runs in a Web
//! Worker (`worker::entry`, the `quotelens-worker` binary), so the page stays responsive
//! however long the text; the answer comes back through a callback. Which request goes
//! out when, and which replies are stale, is `worker::queue`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

use crate::edit::{Action, ArticleSetting};
use crate::engine::Options;
use crate::worker::protocol::{ReplyMessage, Request, READY};
use crate::worker::queue::Queue;

/// Longer texts are kept and shown but not analysed.
pub const MAX_CHARS: usize = 2_000_000;

/// The worker's script, beside the page (Trunk's loader shim for `quotelens-worker`).
const WORKER_URL: &str = "quotelens-worker_loader.js";

/// What the page keeps of a request: its text (the reply carries no copy), what else
/// the engine needs, and whom to tell.
struct Job {
    text: String,
    setting: ArticleSetting,
    options: Option<Options>,
    done: Callback<Action>,
}

#[derive(Default)]
struct Client {
    worker: Option<Worker>,
    /// The worker could not be started: analysis is off for this page.
    broken: bool,
    queue: Queue<Job>,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

/// Start the worker ahead of the first request, so its Wasm is loaded by then.
pub fn warm_up() {
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.worker.is_none() && !c.broken {
            c.worker = spawn();
            c.broken = c.worker.is_none();
        }
    });
}

/// Whether the worker has said it listens (a request now is answered in the time the
/// analysis takes, not after the worker's start-up).
pub fn is_ready() -> bool {
    CLIENT.with(|c| c.borrow().queue.is_ready())
}

/// Analyse `text` with its article as `setting` says (the furniture a copied page
/// marked, a person's choices) and with `options` (none: the built-in ones), and report
/// the result (or why there is none) through `done`.
pub fn request(
    text: String,
    setting: ArticleSetting,
    options: Option<Options>,
    done: Callback<Action>,
) {
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        CLIENT.with(|c| c.borrow_mut().queue.skip());
        done.emit(Action::Analysed {
            text,
            annotations: Vec::new(),
            boilerplate: Vec::new(),
        });
        done.emit(Action::Notify(format!(
            "This text is too long to analyse ({chars} characters; the limit is {MAX_CHARS}). It is kept, and you can annotate it by hand."
        )));
        return;
    }
    warm_up();
    let job = Job {
        text,
        setting,
        options,
        done,
    };
    let failed = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.broken {
            return Some(job);
        }
        let Client { worker, queue, .. } = &mut *c;
        post(worker, queue.push(job));
        None
    });
    if let Some(job) = failed {
        give_up(job, "The analysis could not start in this browser");
    }
}

/// Post request `seq` for `job` to the worker.
fn post(worker: &Option<Worker>, next: Option<(u64, &Job)>) {
    let (Some(worker), Some((seq, job))) = (worker, next) else {
        return;
    };
    // The text goes out as JSON with its number; it stays in the queue for the answer.
    let json = serde_json::to_string(&Request {
        seq,
        text: job.text.clone(),
        setting: job.setting.clone(),
        options: job.options.clone(),
    })
    .unwrap_or_default();
    let _ = worker.post_message(&JsValue::from_str(&json));
    mark("quotelens-analysis-posted");
}

/// A User Timing mark (seen in the browser's performance tools and the e2e benchmark).
pub(super) fn mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}

/// Tell the person why there is no analysis for `job`'s text (which is kept).
fn give_up(job: Job, why: &str) {
    job.done.emit(Action::Analysed {
        text: job.text,
        annotations: Vec::new(),
        boilerplate: Vec::new(),
    });
    job.done.emit(Action::Notify(format!(
        "{why}. Your text is kept, and you can annotate it by hand."
    )));
}

/// Whether a message other than an analysis request (`files`' page extraction) went out.
pub(super) enum Posted {
    Sent,
    /// The worker has not said it is ready: post it again then (`files::worker_ready`).
    NotReady,
    /// There is no worker in this browser.
    Broken,
}

/// Post `message` to the worker (started now if need be) if it is ready.
pub(super) fn post_to_worker(message: &JsValue) -> Posted {
    warm_up();
    CLIENT.with(|c| {
        let c = c.borrow();
        match &c.worker {
            _ if c.broken => Posted::Broken,
            Some(worker) if c.queue.is_ready() => {
                let _ = worker.post_message(message);
                Posted::Sent
            }
            _ => Posted::NotReady,
        }
    })
}

/// Create the worker and wire its replies and failures.
fn spawn() -> Option<Worker> {
    let worker = Worker::new(WORKER_URL).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        if super::files::on_worker_message(&e.data()) {
            return;
        }
        let Some(data) = e.data().as_string() else {
            return;
        };
        if data == READY {
            mark("quotelens-worker-ready");
            CLIENT.with(|c| {
                let mut c = c.borrow_mut();
                let Client { worker, queue, .. } = &mut *c;
                post(worker, queue.ready());
            });
            super::files::worker_ready();
            return;
        }
        mark("quotelens-analysis-replied");
        let Some(reply) = ReplyMessage::parse(&data) else {
            return;
        };
        let answered = CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            let Client { worker, queue, .. } = &mut *c;
            let job = queue.reply(reply.seq);
            post(worker, queue.to_post());
            job
        });
        // Outside the borrow: the callback may ask for another analysis. A stale reply
        // is dropped here, before anything is built from it.
        if let Some(job) = answered {
            let reply = reply.into_reply(&job.text);
            mark("quotelens-reply-parsed");
            job.done.emit(Action::Analysed {
                text: job.text,
                annotations: reply.annotations,
                boilerplate: reply.boilerplate,
            });
        }
    });
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(|e: ErrorEvent| {
        e.prevent_default();
        // A worker that was answering has failed (a trap cannot be recovered from):
        // replace it, and newer requests go on as usual. One that never started (its
        // script did not load) is not retried.
        let (failed, started) = CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(w) = c.worker.take() {
                w.terminate();
            }
            let started = c.queue.is_ready();
            let failed = c.queue.fail(started);
            if started {
                c.worker = spawn();
            }
            c.broken = c.worker.is_none();
            (failed, started)
        });
        if let Some(job) = failed {
            let why = if started {
                format!("The analysis stopped with an error ({})", e.message())
            } else {
                "The analysis could not start in this browser".to_string()
            };
            give_up(job, &why);
        }
        super::files::worker_failed(started, &e.message());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // One worker for the page's life (a replacement is rare): the handlers stay.
    on_message.forget();
    on_error.forget();
    Some(worker)
}
