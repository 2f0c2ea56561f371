//! The one place the app asks the engine for an analysis. The engine runs in a Web
//! Worker (`worker::entry`, the `quotelens-worker` binary), so the page stays responsive
//! however long the text; the answer comes back through a callback. Which request goes
//! out when, and which replies are stale, is `worker::queue`.

use std::cell::RefCell;

use gloo::timers::callback::Timeout;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

use crate::edit::{Action, ArticleSetting};
use crate::engine::Options;
use crate::worker::protocol::{request_head, READY};
use crate::worker::queue::Queue;
use crate::worker::reply_codec;

/// Longer texts are kept and shown but not analysed.
pub const MAX_CHARS: usize = 2_000_000;

/// A reply read within this many milliseconds (any but a very long text's) is applied
/// at once; a longer one in the next task, so that reading it and rendering it are not
/// one long task.
const APPLY_IN_THE_SAME_TASK_MS: f64 = 8.0;

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
    // The text goes out as bytes with its number; it stays in the queue for the answer.
    let head = request_head(seq, &job.setting, job.options.as_ref());
    let (h, t) = (head.len() as u32, job.text.len() as u32);
    let array = Uint8Array::new_with_length(h + t);
    array.subarray(0, h).copy_from(&head);
    array.subarray(h, h + t).copy_from(job.text.as_bytes());
    let _ = worker.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
    mark("quotelens-analysis-posted");
}

/// Milliseconds on the page's clock.
fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
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

/// Whether there is a worker (started now if need be): none when this browser cannot
/// start one.
pub(super) fn has_worker() -> bool {
    warm_up();
    CLIENT.with(|c| !c.borrow().broken)
}

/// Post `message` (other than an analysis request: `files`' page extraction, which
/// waits for READY in its own queue) to the worker.
pub(super) fn post_to_worker(message: &JsValue) {
    CLIENT.with(|c| {
        if let Some(worker) = &c.borrow().worker {
            let _ = worker.post_message(message);
        }
    });
}

/// Create the worker and wire its replies and failures.
fn spawn() -> Option<Worker> {
    let worker = Worker::new(WORKER_URL).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        if super::files::on_worker_message(&e.data()) {
            return;
        }
        let data = e.data();
        if data.as_string().as_deref() == Some(READY) {
            mark("quotelens-worker-ready");
            CLIENT.with(|c| {
                let mut c = c.borrow_mut();
                let Client { worker, queue, .. } = &mut *c;
                post(worker, queue.ready());
            });
            super::files::worker_ready();
            return;
        }
        let Ok(bytes) = data.dyn_into::<Uint8Array>() else {
            return;
        };
        mark("quotelens-analysis-replied");
        let arrived = now();
        // Only the header is read before the queue says whether the reply still counts:
        // a stale one is dropped before anything is built from it.
        let head = bytes.subarray(0, 12).to_vec();
        let Some(seq) = reply_codec::seq_of(&head) else {
            return;
        };
        let answered = CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            let Client { worker, queue, .. } = &mut *c;
            let job = queue.reply(seq);
            post(worker, queue.to_post());
            job
        });
        // Outside the borrow: the callback may ask for another analysis.
        let Some(job) = answered else {
            return;
        };
        let reply = match reply_codec::decode(&bytes.to_vec(), &job.text) {
            Ok(reply) => reply,
            Err(bad) => return give_up(job, &format!("The analysis went wrong ({bad})")),
        };
        mark("quotelens-reply-parsed");
        let apply = move || {
            mark("quotelens-reply-applied");
            job.done.emit(Action::Analysed {
                text: job.text,
                annotations: reply.annotations,
                boilerplate: reply.boilerplate,
            });
        };
        if now() - arrived < APPLY_IN_THE_SAME_TASK_MS {
            return apply();
        }
        // A long reply took a while to read: the document takes it in (and the view
        // renders it) in a task of its own, so the two are shorter tasks, not one long
        // one. A request made in between makes it stale.
        Timeout::new(0, move || {
            if CLIENT.with(|c| c.borrow().queue.is_latest(seq)) {
                apply();
            }
        })
        .forget();
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
