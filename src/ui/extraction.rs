//! A web page (a dropped or opened HTML file, a paste with an HTML flavour) reduced to
//! its text with the article marked by `crate::article`, as on the command line, but in
//! the worker (`worker::extract`), whose client this is (`ui::worker`): the page's
//! thread never runs it, and its Wasm does not hold it.

use std::cell::RefCell;

use yew::Callback;

use super::worker::{self, mark};
use crate::article::Page;
use crate::edit::page_parts::page_doc;
use crate::edit::Action;
use crate::worker::message::{Kind, ToPage, ToWorker};
use crate::worker::queue::Queue;

/// Show the page of `html` (`plain`: the text a browser copied with it, for a paste) as
/// the document, once the worker has extracted it: a notice says so meanwhile, `shown`
/// is told when it is shown, and a failure is a message (the document stays as it was).
pub fn read_page(
    html: String,
    plain: Option<String>,
    dispatch: Callback<Action>,
    shown: Callback<()>,
) {
    dispatch.emit(Action::Notify("Reading the page…".into()));
    let done = Callback::from(move |page: Result<Page, String>| match page {
        Ok(page) => {
            dispatch.emit(Action::Replace(page_doc(page)));
            dispatch.emit(Action::DismissNotice);
            shown.emit(());
        }
        Err(msg) => dispatch.emit(Action::Notify(msg)),
    });
    extract(html, plain, done);
}

/// A page to extract, kept until its reply comes: the request's strings and whom to
/// give its page (or why there is none).
struct PageJob {
    html: String,
    plain: Option<String>,
    done: Callback<Result<Page, String>>,
}

thread_local! {
    /// The page's side of extraction in the worker, queued as analysis requests are
    /// (`worker::queue`): one in flight, the newest waiting, older replies dropped.
    static EXTRACTION: RefCell<Queue<PageJob>> = RefCell::new(Queue::default());
}

/// What `ui::worker` tells this module.
pub(super) static CLIENT: worker::Client = worker::Client {
    kind: Kind::Extraction,
    ready: on_ready,
    reply: on_reply,
    failed: on_failed,
};

/// Ask the worker for the page of `html` and give it to `done`.
fn extract(html: String, plain: Option<String>, done: Callback<Result<Page, String>>) {
    // Marks around the extraction: the e2e benchmark reads what a page adds.
    mark("quotelens-page-start");
    if !worker::start() {
        done.emit(Err(NO_WORKER.to_string()));
        return;
    }
    let job = PageJob { html, plain, done };
    EXTRACTION.with(|q| post(q.borrow_mut().push(job)));
}

/// What the person is told when there is no worker to read a page.
const NO_WORKER: &str =
    "The page could not be read: this browser could not start QuoteLens' worker.";

/// Post request `seq` for `job`, if the queue says one goes out now.
fn post(next: Option<(u64, &PageJob)>) {
    if let Some((seq, job)) = next {
        worker::post(|w| ToWorker::post_extraction(w, seq, &job.html, job.plain.as_deref()));
    }
}

/// The worker is ready: post the request that waits for it.
fn on_ready() {
    EXTRACTION.with(|q| post(q.borrow_mut().ready()));
}

/// An extraction reply: the page shown (one for an older request is dropped).
fn on_reply(message: ToPage) {
    let ToPage::Extracted(seq, reply) = message else {
        return;
    };
    let job = EXTRACTION.with(|q| {
        let mut q = q.borrow_mut();
        let job = q.reply(seq);
        // The worker is free again: the newest request, if one waits, goes out.
        post(q.to_post());
        job
    });
    mark("quotelens-page-done");
    // Outside the borrow: showing the page may ask for another extraction.
    if let Some(job) = job {
        job.done.emit(reply.map_or_else(
            || Err("The page could not be read (its reply was damaged). Nothing was changed: try again.".into()),
            |r| r.page,
        ));
    }
}

/// The worker failed (`started`: it had said it was ready; it is replaced then). A
/// request it had is lost (the person is told and may try again); one still waiting
/// goes to the new worker, unless there is none.
fn on_failed(started: bool, why: &str) {
    let Some(job) = EXTRACTION.with(|q| q.borrow_mut().fail(started)) else {
        return;
    };
    job.done.emit(Err(if started {
        format!("The page could not be read ({why}). Nothing was changed: try again, or copy its text and paste that.")
    } else {
        NO_WORKER.to_string()
    }));
}
