//! `quotelens annotate` over a corpus: inputs listed lazily (`inputs`), analysed on
//! `--jobs` threads, written in input order (by the job that finishes the input whose
//! turn it is), so any number of jobs writes the same bytes as one (`--jobs 1` does it
//! all on this one thread). At most `WINDOW_PER_JOB` inputs a job are between being
//! listed and being written, so memory stays bounded however large the corpus.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::Value;

use super::inputs::{id_stem, Input, Listing, Source};
use crate::engine::{self, ArticleSetting, Options, Settings};
use crate::formats::{self, ExportFile, Format};
use crate::model::Document;

/// Inputs a job may have listed ahead of the writer: enough that no job waits for the
/// next input, few enough that a slow input holds back little memory.
const WINDOW_PER_JOB: usize = 16;

/// Where the outputs go.
pub(super) enum Sink {
    /// One file per input (`--out DIR`), or the one input's file on standard output.
    Files(Option<PathBuf>),
    /// One JSON Lines stream (`--jsonl-out FILE`, "-" for standard output).
    JsonLines(PathBuf),
}

/// How a run goes, from the flags.
pub(super) struct Run {
    pub format: Format,
    pub options: Options,
    pub sink: Sink,
    pub jobs: usize,
    pub resume: bool,
}

/// What became of one input.
enum Outcome {
    /// Files (under `--out`, named `stem` + suffix) or one JSON line without its "\n".
    Files {
        stem: PathBuf,
        files: Vec<ExportFile>,
    },
    Line(String),
    /// Its output was complete already (`--resume`).
    Skipped,
    /// Reported with the input's name; in a JSON Lines stream, a line with "error".
    Failed {
        message: String,
        line: String,
    },
}

/// Counts for the summary.
#[derive(Default)]
struct Tally {
    done: usize,
    skipped: usize,
    failed: usize,
}

/// Run `annotate` on every input of `listing`; returns the exit code.
pub(super) fn run(run: Run, listing: Listing) -> i32 {
    let started = Instant::now();
    let (mut writer, skip_first) = match Writer::open(&run) {
        Ok(w) => w,
        Err(msg) => {
            eprintln!("quotelens: {msg}");
            return 1;
        }
    };
    let bar = progress_bar(&listing);
    let tally = pipeline(&run, listing, skip_first, &bar, |outcome| {
        writer.write(outcome)
    });
    let tally = match tally.and_then(|t| writer.finish().map(|()| t)) {
        Ok(t) => t,
        Err(msg) => {
            bar.abandon();
            eprintln!("quotelens: {msg}");
            return 1;
        }
    };
    bar.finish_and_clear();
    summarise(&tally, skip_first, started);
    i32::from(tally.failed > 0)
}

/// A progress bar over the inputs' bytes, with rate and time left, on standard error
/// when it is a terminal; hidden otherwise (logs and pipes stay clean). The total is
/// counted on a thread of its own (a walk of a million files takes a while), and the
/// bar shows time left once it is known.
fn progress_bar(listing: &Listing) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::no_length();
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    set_template(
        &bar,
        "{spinner} {elapsed_precise} {bytes} {bytes_per_sec} {msg}",
    );
    let (counted, listing) = (bar.clone(), listing.clone());
    std::thread::spawn(move || {
        if let Some(total) = listing.total_bytes() {
            counted.set_length(total);
            set_template(
                &counted,
                "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}, {eta} left {msg}",
            );
        }
    });
    bar
}

fn set_template(bar: &ProgressBar, template: &str) {
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
}

fn summarise(tally: &Tally, resumed: usize, started: Instant) {
    let inputs = tally.done + tally.skipped + tally.failed + resumed;
    if inputs <= 1 && tally.failed == 0 {
        return;
    }
    let skipped = tally.skipped + resumed;
    let already = if skipped > 0 {
        format!(", {skipped} done before (--resume)")
    } else {
        String::new()
    };
    eprintln!(
        "quotelens: {inputs} inputs in {:.1} s: {} annotated{already}, {} failed",
        started.elapsed().as_secs_f64(),
        tally.done,
        tally.failed
    );
}

/// List, analyse on `run.jobs` threads, and hand each outcome to `write` in input order
/// (with the input's size, for the progress bar). The first `skip_first` inputs are
/// passed over unread (a JSON Lines output resumed).
fn pipeline(
    run: &Run,
    listing: Listing,
    skip_first: usize,
    bar: &ProgressBar,
    mut write: impl FnMut(Outcome) -> Result<Tallied, String> + Send,
) -> Result<Tally, String> {
    let mut report = |outcome: Outcome, bytes: u64| {
        let tallied = write(outcome);
        bar.inc(bytes);
        if let Ok(Tallied::Failed(msg)) = &tallied {
            bar.suspend(|| eprintln!("quotelens: {msg}"));
        }
        tallied
    };
    let jobs = run.jobs.max(1);
    if jobs == 1 {
        // One job is one thread: listing and writing take no second core either.
        let mut tally = Tally::default();
        for input in listing.inputs().skip(skip_first) {
            let (outcome, bytes) = analyse_one(run, &input);
            tally.count(&report(outcome, bytes)?);
        }
        return Ok(tally);
    }
    // Every job lists its next input, analyses it and, when it is the next in order,
    // writes it and every later one already done: no listing or writing thread to wake
    // for each input (on 2 cores, 2 jobs and 2 such threads took turns by the input).
    let inputs = Mutex::new(listing.inputs().skip(skip_first).enumerate());
    let order = InOrder::new(jobs * WINDOW_PER_JOB, report);
    std::thread::scope(|scope| {
        for _ in 1..jobs {
            scope.spawn(|| worker(run, &inputs, &order));
        }
        worker(run, &inputs, &order);
    });
    order.finish()
}

/// One analysis job: inputs in, outcomes handed on in order, until the inputs run out
/// or an output cannot be written.
fn worker(
    run: &Run,
    inputs: &Mutex<impl Iterator<Item = (usize, Input)>>,
    order: &InOrder<impl FnMut(Outcome, u64) -> Result<Tallied, String>>,
) {
    loop {
        let next = inputs.lock().unwrap_or_else(|e| e.into_inner()).next();
        let Some((seq, input)) = next else { return };
        if !order.admit(seq) {
            return;
        }
        let (outcome, bytes) = analyse_one(run, &input);
        if !order.deliver(seq, outcome, bytes) {
            return;
        }
    }
}

/// Outcomes handed to `write` in input order, by whichever job finishes the input whose
/// turn it is; a job more than `window` inputs ahead of the writing waits, so memory
/// stays bounded behind a slow input. `write` stops the run at its first error (an
/// output that cannot be written: the disk, not the input).
struct InOrder<W> {
    state: Mutex<Turns<W>>,
    /// Signalled when the writing moves on or stops.
    moved: Condvar,
    /// `Turns::next`, readable without the lock (it only grows).
    written: AtomicUsize,
    stopped: AtomicBool,
    window: usize,
}

struct Turns<W> {
    /// The input whose outcome is written next.
    next: usize,
    waiting: BTreeMap<usize, (Outcome, u64)>,
    write: W,
    tally: Tally,
    error: Option<String>,
}

impl<W: FnMut(Outcome, u64) -> Result<Tallied, String>> InOrder<W> {
    fn new(window: usize, write: W) -> Self {
        InOrder {
            state: Mutex::new(Turns {
                next: 0,
                waiting: BTreeMap::new(),
                write,
                tally: Tally::default(),
                error: None,
            }),
            moved: Condvar::new(),
            written: AtomicUsize::new(0),
            stopped: AtomicBool::new(false),
            window,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Turns<W>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wait until input `seq` is inside the window; false when the run has stopped.
    fn admit(&self, seq: usize) -> bool {
        if seq < self.written.load(Ordering::Acquire) + self.window {
            return !self.stopped.load(Ordering::Acquire);
        }
        let mut turns = self.lock();
        while seq >= turns.next + self.window && turns.error.is_none() {
            turns = self.moved.wait(turns).unwrap_or_else(|e| e.into_inner());
        }
        turns.error.is_none()
    }

    /// Hand on input `seq`'s outcome: written now if it is its turn (with every later
    /// one waiting), else kept until it is. False when the run has stopped.
    fn deliver(&self, seq: usize, outcome: Outcome, bytes: u64) -> bool {
        let mut turns = self.lock();
        let turns = &mut *turns;
        turns.waiting.insert(seq, (outcome, bytes));
        let before = turns.next;
        while let Some((outcome, bytes)) = turns.waiting.remove(&turns.next) {
            match (turns.write)(outcome, bytes) {
                Ok(tallied) => turns.tally.count(&tallied),
                Err(msg) => {
                    turns.error = Some(msg);
                    self.stopped.store(true, Ordering::Release);
                    break;
                }
            }
            turns.next += 1;
        }
        if turns.next != before || turns.error.is_some() {
            self.written.store(turns.next, Ordering::Release);
            self.moved.notify_all();
        }
        turns.error.is_none()
    }

    fn finish(self) -> Result<Tally, String> {
        let turns = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        match turns.error {
            Some(msg) => Err(msg),
            None => Ok(turns.tally),
        }
    }
}

impl Tally {
    fn count(&mut self, tallied: &Tallied) {
        match tallied {
            Tallied::Done => self.done += 1,
            Tallied::Skipped => self.skipped += 1,
            Tallied::Failed(_) => self.failed += 1,
        }
    }
}

/// What the writer made of an outcome.
enum Tallied {
    Done,
    Skipped,
    Failed(String),
}

/// `process`, with a panic in the engine (a bug) failing that input alone.
fn analyse_one(run: &Run, input: &Input) -> (Outcome, u64) {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(run, input)))
        .unwrap_or_else(|_| Err(failure(input, None, "the engine failed (a bug)".into())));
    match outcome {
        Ok(done) => done,
        Err(failed) => (failed, 0),
    }
}

/// The failure of `input`: the message, and its line for a JSON Lines stream.
fn failure(input: &Input, id: Option<&Value>, message: String) -> Outcome {
    let id = id.cloned().unwrap_or_else(|| match &input.source {
        Source::Path(p) => Value::String(p.display().to_string()),
        _ => Value::Null,
    });
    let line = format!(
        "{{\"id\":{id},\"error\":{}}}",
        Value::String(message.clone())
    );
    let message = match &input.source {
        Source::Path(_) | Source::Record { .. } => format!("{}: {message}", input.name()),
        Source::Unlisted(_) => message,
    };
    Outcome::Failed { message, line }
}

/// Read, analyse and serialise one input; its outcome and size in bytes.
fn process(run: &Run, input: &Input) -> Result<(Outcome, u64), Outcome> {
    let (text, is_html, record): (String, bool, Option<Record>) = match &input.source {
        Source::Unlisted(msg) => return Err(failure(input, None, msg.clone())),
        Source::Path(path) => {
            if run.resume && output_complete(run, &input.stem) {
                return Ok((Outcome::Skipped, size_of(path)));
            }
            let text = super::read_text(path).map_err(|msg| failure(input, None, msg))?;
            (text, super::is_html(path), None)
        }
        Source::Record { line, .. } => {
            let (record, body) =
                Record::parse(line).map_err(|(id, msg)| failure(input, id.as_ref(), msg))?;
            (body, record.is_html, Some(record))
        }
    };
    let bytes = match &record {
        Some(_) => line_len(input),
        None => text.len() as u64,
    };
    let stem = record
        .as_ref()
        .and_then(|r| r.id.as_ref())
        .and_then(|id| id_stem(&id_text(id)))
        .unwrap_or_else(|| input.stem.clone());
    if record.is_some() && run.resume && output_complete(run, &stem) {
        return Ok((Outcome::Skipped, bytes));
    }
    let doc = analysed(&text, is_html, &run.options)
        .map_err(|msg| failure(input, record.as_ref().and_then(|r| r.id.as_ref()), msg))?;
    let outcome = match &run.sink {
        Sink::Files(_) => Outcome::Files {
            stem,
            files: formats::export(&doc, run.format),
        },
        Sink::JsonLines(_) => {
            let json =
                serde_json::to_string(&doc).map_err(|e| failure(input, None, e.to_string()))?;
            let line = match (&record, &input.source) {
                (Some(record), Source::Record { line, .. }) => record.with_analysis(line, &json),
                _ => format!(
                    "{{\"id\":{},\"quotelens\":{json}}}",
                    Value::String(input.name())
                ),
            };
            Outcome::Line(line)
        }
    };
    Ok((outcome, bytes))
}

fn size_of(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn line_len(input: &Input) -> u64 {
    match &input.source {
        Source::Record { line, .. } => line.len() as u64 + 1,
        _ => 0,
    }
}

/// The quotelens/1 document of one text: a web page's visible text with its article
/// as the HTML marks it (as the app has it), or a text with the engine's guess. A web
/// page with no article is refused with [`crate::article::NO_ARTICLE`], as in the app.
fn analysed(text: &str, is_html: bool, options: &Options) -> Result<Document, String> {
    let settings = Settings::builtin().with_options(options);
    if is_html {
        let page = crate::article::article_page(text, None)?;
        let article = ArticleSetting {
            marked: Some(page.furniture.clone()),
            choices: Vec::new(),
        };
        let analysis = engine::analyse(&page.text, &settings.with_article(&article));
        Ok(Document::new(page.text, analysis.annotations).with_furniture(&page.furniture))
    } else {
        let analysis = engine::analyse(text, &settings);
        Ok(Document::new(text, analysis.annotations).with_furniture(&analysis.furniture))
    }
}

/// One `--jsonl` record: its id (any JSON value), and whether its body is "html".
struct Record {
    id: Option<Value>,
    is_html: bool,
}

impl Record {
    /// The record and its body (its "text", or else its "html").
    /// On failure, the record's id when it has one.
    fn parse(line: &str) -> Result<(Record, String), (Option<Value>, String)> {
        let value: Value =
            serde_json::from_str(line).map_err(|e| (None, format!("not a JSON record: {e}")))?;
        let Value::Object(mut fields) = value else {
            return Err((None, "not a JSON object".to_string()));
        };
        let id = fields.get("id").cloned();
        if fields.contains_key("quotelens") {
            return Err((id, "already has a \"quotelens\" field".to_string()));
        }
        let (body, is_html) = match (fields.remove("text"), fields.remove("html")) {
            (Some(Value::String(text)), _) => (text, false),
            (_, Some(Value::String(html))) => (html, true),
            _ => return Err((id, "has no \"text\" or \"html\" string".to_string())),
        };
        Ok((Record { id, is_html }, body))
    }

    /// The record as it came, every field in place, with "quotelens" added last.
    fn with_analysis(&self, line: &str, json: &str) -> String {
        let line = line.trim_end();
        // A parsed object ends with "}" and has a field (its text): add one after it.
        let open = line.strip_suffix('}').unwrap_or(line);
        format!("{open},\"quotelens\":{json}}}")
    }
}

fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Whether every file of `stem`'s output is in place (each is written to a temporary
/// name and renamed, so one in place is whole).
fn output_complete(run: &Run, stem: &Path) -> bool {
    let Sink::Files(Some(dir)) = &run.sink else {
        return false;
    };
    suffixes(run.format)
        .iter()
        .all(|suffix| dir.join(with_suffix(stem, suffix)).exists())
}

/// The suffixes of `format`'s files, as `formats::export` names them.
fn suffixes(format: Format) -> Vec<&'static str> {
    formats::export(&Document::new("", Vec::new()), format)
        .iter()
        .map(|f| f.suffix)
        .collect()
}

fn with_suffix(stem: &Path, suffix: &str) -> PathBuf {
    let mut name = stem.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The one thread that writes.
enum Writer {
    Dir(PathBuf),
    Stdout,
    Lines(BufWriter<Box<dyn Write + Send>>),
}

impl Writer {
    /// Open the output; with `--resume` on a JSON Lines file, keep its whole lines (one a
    /// finished input, in order) and say how many inputs they stand for.
    fn open(run: &Run) -> Result<(Writer, usize), String> {
        match &run.sink {
            Sink::Files(Some(dir)) => {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
                Ok((Writer::Dir(dir.clone()), 0))
            }
            Sink::Files(None) => Ok((Writer::Stdout, 0)),
            Sink::JsonLines(path) if path.as_os_str() == "-" => {
                let out: Box<dyn Write + Send> = Box::new(std::io::stdout());
                Ok((Writer::Lines(BufWriter::new(out)), 0))
            }
            Sink::JsonLines(path) => {
                let cannot = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
                let (file, done) = if run.resume && path.exists() {
                    keep_whole_lines(path).map_err(cannot)?
                } else {
                    (File::create(path).map_err(cannot)?, 0)
                };
                let out: Box<dyn Write + Send> = Box::new(file);
                Ok((Writer::Lines(BufWriter::with_capacity(1 << 20, out)), done))
            }
        }
    }

    fn write(&mut self, outcome: Outcome) -> Result<Tallied, String> {
        match (self, outcome) {
            (_, Outcome::Skipped) => Ok(Tallied::Skipped),
            (Writer::Lines(out), Outcome::Failed { message, line }) => {
                write_line(out, &line)?;
                Ok(Tallied::Failed(message))
            }
            (_, Outcome::Failed { message, .. }) => Ok(Tallied::Failed(message)),
            (Writer::Lines(out), Outcome::Line(line)) => {
                write_line(out, &line)?;
                Ok(Tallied::Done)
            }
            (Writer::Dir(dir), Outcome::Files { stem, files }) => {
                for file in files {
                    write_whole(&dir.join(with_suffix(&stem, file.suffix)), &file.bytes)?;
                }
                Ok(Tallied::Done)
            }
            (Writer::Stdout, Outcome::Files { files, .. }) => {
                let mut out = std::io::stdout().lock();
                for file in files {
                    out.write_all(&file.bytes).map_err(|e| e.to_string())?;
                }
                Ok(Tallied::Done)
            }
            (_, Outcome::Files { .. } | Outcome::Line(_)) => {
                Err("an output of the wrong kind (a bug)".to_string())
            }
        }
    }

    fn finish(&mut self) -> Result<(), String> {
        match self {
            Writer::Lines(out) => out.flush().map_err(|e| format!("cannot write: {e}")),
            _ => Ok(()),
        }
    }
}

fn write_line(out: &mut impl Write, line: &str) -> Result<(), String> {
    out.write_all(line.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .map_err(|e| format!("cannot write: {e}"))
}

/// Write `bytes` to a temporary name beside `path`, then rename: a file at `path` is
/// always whole, which is what `--resume` trusts.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let cannot = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(cannot)?;
    }
    let mut temp = path.as_os_str().to_owned();
    temp.push(format!(".part{}", std::process::id()));
    let temp = PathBuf::from(temp);
    std::fs::write(&temp, bytes).map_err(cannot)?;
    std::fs::rename(&temp, path).map_err(cannot)
}

/// An existing JSON Lines output opened to go on: a last line cut short (the run was
/// stopped mid-write) is dropped; the count of whole lines is the inputs done.
fn keep_whole_lines(path: &Path) -> std::io::Result<(File, usize)> {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?;
    let (mut lines, mut whole_len, mut at) = (0, 0u64, 0u64);
    let mut buf = vec![0; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        for (i, &b) in buf[..n].iter().enumerate() {
            if b == b'\n' {
                lines += 1;
                whole_len = at + i as u64 + 1;
            }
        }
        at += n as u64;
    }
    file.set_len(whole_len)?;
    file.seek(SeekFrom::Start(whole_len))?;
    Ok((file, lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Outcome {
        Outcome::Line(text.to_string())
    }

    #[test]
    fn outcomes_finished_out_of_order_are_written_in_input_order() {
        let mut written = Vec::new();
        let order = InOrder::new(4, |outcome, _| {
            if let Outcome::Line(text) = outcome {
                written.push(text);
            }
            Ok(Tallied::Done)
        });
        assert!(order.deliver(2, line("third"), 0));
        assert!(order.deliver(0, line("first"), 0));
        assert!(order.deliver(1, line("second"), 0));
        let tally = order.finish().expect("nothing failed");
        assert_eq!(tally.done, 3);
        assert_eq!(written, ["first", "second", "third"]);
    }

    #[test]
    fn an_output_that_cannot_be_written_stops_every_job() {
        let order = InOrder::new(4, |_, _| Err("the disk is full".to_string()));
        assert!(!order.deliver(0, line("first"), 0));
        assert!(!order.admit(1), "no new input after the failure");
        assert_eq!(order.finish().err().as_deref(), Some("the disk is full"));
    }

    #[test]
    fn a_job_a_window_ahead_of_the_writing_waits_for_it() {
        let order = InOrder::new(2, |_, _| Ok(Tallied::Done));
        let admitted = AtomicBool::new(false);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                // Input 2 is outside the window while input 0 is not written.
                assert!(order.admit(2));
                admitted.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert!(!admitted.load(Ordering::SeqCst), "admitted before its turn");
            assert!(order.deliver(0, line("first"), 0));
        });
        assert!(admitted.load(Ordering::SeqCst));
    }
}
