//! The page's side of the conversation with the analysis worker, without the browser:
//! which request goes out when, and which replies count. Plain Rust, tested natively.
//!
//! One request is in flight at a time. Requests made meanwhile replace each other (only
//! the newest text matters) and go out when the worker is free. A reply for anything
//! but the newest request is stale (the text changed since) and is dropped.

/// Requests numbered in order; `T` is what the page keeps of each (its text, whom to tell).
#[derive(Debug)]
pub struct Queue<T> {
    /// The worker has said it listens.
    ready: bool,
    in_flight: Option<(u64, T)>,
    waiting: Option<(u64, T)>,
    /// The number of the newest request.
    latest: u64,
}

impl<T> Default for Queue<T> {
    fn default() -> Self {
        Queue {
            ready: false,
            in_flight: None,
            waiting: None,
            latest: 0,
        }
    }
}

impl<T> Queue<T> {
    /// A new request, which makes every earlier one stale. Returns the request to post
    /// now (number and job), if the worker is ready and free.
    pub fn push(&mut self, job: T) -> Option<(u64, &T)> {
        self.latest += 1;
        self.waiting = Some((self.latest, job));
        self.to_post()
    }

    /// Make every request so far stale without asking for another (the text will not
    /// be analysed at all).
    pub fn skip(&mut self) {
        self.latest += 1;
        self.waiting = None;
    }

    /// The worker listens now. Returns the request to post, if one waits.
    pub fn ready(&mut self) -> Option<(u64, &T)> {
        self.ready = true;
        self.to_post()
    }

    /// The worker answered request `seq`: the job to give the answer to, unless it is
    /// stale. Call `to_post` afterwards: the worker is free again.
    pub fn reply(&mut self, seq: u64) -> Option<T> {
        let (sent, job) = self.in_flight.take()?;
        (sent == seq && seq == self.latest).then_some(job)
    }

    /// Whether `seq` is the newest request (its answer, once in, still counts).
    pub fn is_latest(&self, seq: u64) -> bool {
        seq == self.latest
    }

    /// The request to post now, if the worker is ready and free and one waits.
    pub fn to_post(&mut self) -> Option<(u64, &T)> {
        if !self.ready || self.in_flight.is_some() {
            return None;
        }
        self.in_flight = self.waiting.take();
        self.in_flight.as_ref().map(|(seq, job)| (*seq, job))
    }

    /// The worker failed. A worker that had `started` (said it was ready) is replaced,
    /// and the waiting request will go to the new one once it is ready; one that never
    /// started takes the waiting request down with it. Returns the newest request's job
    /// if it failed, so the person can be told.
    pub fn fail(&mut self, started: bool) -> Option<T> {
        self.ready = false;
        let mut failed = self.in_flight.take();
        if !started {
            failed = failed.or(self.waiting.take());
        }
        failed
            .filter(|(seq, _)| *seq == self.latest)
            .map(|(_, job)| job)
    }

    /// Whether the worker has said it listens (and not failed since).
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// Whether a request is being analysed or waits to be.
    pub fn busy(&self) -> bool {
        self.in_flight.is_some() || self.waiting.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(p: Option<(u64, &&'static str)>) -> Option<(u64, &'static str)> {
        p.map(|(seq, job)| (seq, *job))
    }

    #[test]
    fn waits_for_the_worker_then_posts_only_the_newest() {
        let mut q = Queue::default();
        assert_eq!(posted(q.push("a")), None, "not ready yet");
        assert_eq!(posted(q.push("ab")), None);
        assert_eq!(posted(q.ready()), Some((2, "ab")), "the newest, not both");
        assert_eq!(q.reply(2), Some("ab"));
        assert_eq!(posted(q.to_post()), None);
        assert!(!q.busy());
    }

    #[test]
    fn one_in_flight_and_stale_replies_are_dropped() {
        let mut q = Queue::default();
        q.ready();
        assert_eq!(posted(q.push("a")), Some((1, "a")));
        assert_eq!(posted(q.push("ab")), None, "the worker is busy");
        assert_eq!(posted(q.push("abc")), None);
        assert_eq!(q.reply(1), None, "the text changed since: stale");
        assert_eq!(
            posted(q.to_post()),
            Some((3, "abc")),
            "\"ab\" was never sent"
        );
        assert_eq!(q.reply(3), Some("abc"));
        assert_eq!(posted(q.to_post()), None);
    }

    #[test]
    fn an_answer_taken_in_stays_current_until_the_next_request() {
        let mut q = Queue::default();
        q.ready();
        q.push("a");
        assert_eq!(q.reply(1), Some("a"));
        assert!(q.is_latest(1), "nothing asked since");
        q.push("ab");
        assert!(!q.is_latest(1), "a newer text was asked for meanwhile");
        q.skip();
        assert!(!q.is_latest(2));
    }

    #[test]
    fn a_reply_to_a_request_that_was_skipped_is_dropped() {
        let mut q = Queue::default();
        q.ready();
        q.push("a");
        q.skip();
        assert_eq!(q.reply(1), None);
        assert_eq!(posted(q.to_post()), None);
        assert_eq!(
            q.reply(1),
            None,
            "nothing in flight: a stray reply is ignored"
        );
    }

    #[test]
    fn a_failed_worker_reports_the_newest_request_and_goes_on_with_waiting_ones() {
        let mut q = Queue::default();
        q.ready();
        q.push("a");
        assert_eq!(q.fail(true), Some("a"));
        q.push("b");
        q.push("c");
        assert_eq!(posted(q.to_post()), None, "the new worker is not ready");
        assert_eq!(posted(q.ready()), Some((3, "c")));
        q.push("d");
        assert_eq!(q.fail(true), None, "\"c\" is stale: nobody waits for it");
        assert_eq!(posted(q.ready()), Some((4, "d")));
    }

    #[test]
    fn a_worker_that_never_started_fails_the_waiting_request() {
        let mut q = Queue::default();
        q.push("a");
        assert_eq!(q.fail(false), Some("a"));
        assert!(!q.busy());
    }
}
