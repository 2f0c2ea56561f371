//! The one place the app asks the engine for an analysis. The engine runs in the Web
//! Worker (`ui::worker`, whose client this is), so the page stays responsive however
//! long the text; the answer comes back through a callback. Which request goes out
//! when, and which replies are stale, is `worker::queue`.

use std::cell::RefCell;

use gloo::timers::callback::Timeout;
use js_sys::Uint8Array;
use yew::Callback;

use super::worker::{self, mark};
use crate::edit::{Action, ArticleSetting};
use crate::engine::Options;
use crate::worker::message::{Kind, ToPage, ToWorker};
use crate::worker::protocol::request_head;
use crate::worker::queue::Queue;
use crate::worker::reply_codec;

/// Longer texts are kept and shown but not analysed.
pub const MAX_CHARS: usize = 2_000_000;

/// A reply read within this many milliseconds (any but a very long text's) is applied
/// at once; a longer one in the next task, so that reading it and rendering it are not
/// one long task.
const APPLY_IN_THE_SAME_TASK_MS: f64 = 8.0;

/// What the page keeps of a request: its text (the reply carries no copy), what else
/// the engine needs, and whom to tell.
struct Job {
    text: String,
    setting: ArticleSetting,
    options: Option<Options>,
    done: Callback<Action>,
}

thread_local! {
    static QUEUE: RefCell<Queue<Job>> = RefCell::new(Queue::default());
}

/// What `ui::worker` tells this module.
pub(super) static CLIENT: worker::Client = worker::Client {
    kind: Kind::Analysis,
    ready: on_ready,
    reply: on_reply,
    failed: on_failed,
};

/// Start the worker ahead of the first request, so its Wasm is loaded by then.
pub fn warm_up() {
    worker::start();
}

/// Whether the worker has said it listens (a request now is answered in the time the
/// analysis takes, not after the worker's start-up).
pub fn is_ready() -> bool {
    worker::is_ready()
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
        QUEUE.with(|q| q.borrow_mut().skip());
        done.emit(Action::Analysed {
            text,
            annotations: Vec::new(),
            furniture: Vec::new(),
        });
        done.emit(Action::Notify(format!(
            "This text is too long to analyse ({chars} characters; the limit is {MAX_CHARS}). It is kept, and you can annotate it by hand."
        )));
        return;
    }
    let job = Job {
        text,
        setting,
        options,
        done,
    };
    if !worker::start() {
        return give_up(job, "The analysis could not start in this browser");
    }
    QUEUE.with(|q| post(q.borrow_mut().push(job)));
}

/// Post request `seq` for `job` to the worker.
fn post(next: Option<(u64, &Job)>) {
    let Some((seq, job)) = next else {
        return;
    };
    // The text goes out as bytes with its number; it stays in the queue for the answer.
    let head = request_head(seq, &job.setting, job.options.as_ref());
    worker::post(|w| ToWorker::post_analysis(w, &head, &job.text));
    mark("quotelens-analysis-posted");
}

/// Milliseconds on the page's clock.
fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Tell the person why there is no analysis for `job`'s text (which is kept).
fn give_up(job: Job, why: &str) {
    job.done.emit(Action::Analysed {
        text: job.text,
        annotations: Vec::new(),
        furniture: Vec::new(),
    });
    job.done.emit(Action::Notify(format!(
        "{why}. Your text is kept, and you can annotate it by hand."
    )));
}

/// The worker listens: the request that waits for it goes out.
fn on_ready() {
    QUEUE.with(|q| post(q.borrow_mut().ready()));
}

/// The worker failed: the request it had is given up (the person is told); one still
/// waiting goes to the new worker, unless there is none.
fn on_failed(started: bool, why: &str) {
    let Some(job) = QUEUE.with(|q| q.borrow_mut().fail(started)) else {
        return;
    };
    let why = if started {
        format!("The analysis stopped with an error ({why})")
    } else {
        "The analysis could not start in this browser".to_string()
    };
    give_up(job, &why);
}

/// An analysis reply: given to its request's callback, unless it is stale.
fn on_reply(message: ToPage) {
    let ToPage::Analysed(bytes) = message else {
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
    let answered = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        let job = q.reply(seq);
        post(q.to_post());
        job
    });
    // Outside the borrow: the callback may ask for another analysis.
    if let Some(job) = answered {
        apply(job, seq, &bytes, arrived);
    }
}

/// Read the reply `bytes` (to request `seq`, `arrived` at that time) for `job`, and give
/// it to the job's callback.
fn apply(job: Job, seq: u64, bytes: &Uint8Array, arrived: f64) {
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
            furniture: reply.furniture,
        });
    };
    if now() - arrived < APPLY_IN_THE_SAME_TASK_MS {
        return apply();
    }
    // A long reply took a while to read: the document takes it in (and the view
    // renders it) in a task of its own, so the two are shorter tasks, not one long
    // one. A request made in between makes it stale.
    Timeout::new(0, move || {
        if QUEUE.with(|q| q.borrow().is_latest(seq)) {
            apply();
        }
    })
    .forget();
}
