//! The `quotelens._quotelens` extension module: the QuoteLens engine for Python,
//! re-exported by the pure-Python package around it (`quotelens/__init__.py`).
//!
//! Every call goes through `quotelens::engine::analyse`, the engine's one entry point,
//! and writes the same quotelens/1 document as `quotelens annotate` (compact JSON here,
//! pretty there: the same value). The engine runs without the GIL, so Python threads
//! (and `analyse_many_json`'s own threads) analyse in parallel.

mod to_python;

use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use quotelens::engine::{self, CueList, Options, Settings};
use quotelens::Document;

/// The options for `cues` (a person's cue words, one a line as `--cues FILE` reads them),
/// the last list kept built: a cue list is a thousand words, not rebuilt per call.
fn options_for(cues: Option<Vec<String>>) -> PyResult<Option<Arc<Options>>> {
    static LAST: Mutex<Option<(String, Arc<Options>)>> = Mutex::new(None);
    let Some(cues) = cues else { return Ok(None) };
    let lines = cues.join("\n");
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((kept, options)) = last.as_ref() {
        if *kept == lines {
            return Ok(Some(Arc::clone(options)));
        }
    }
    let list = CueList::from_lines(&lines);
    if list.is_empty() {
        return Err(PyValueError::new_err("cues lists no cue words"));
    }
    let options = Arc::new(Options { cues: list });
    *last = Some((lines, Arc::clone(&options)));
    Ok(Some(options))
}

/// The quotelens/1 document of `text`: what `quotelens annotate` writes.
fn document(text: &str, options: Option<&Options>) -> Document {
    let settings = match options {
        Some(options) => Settings::builtin().with_options(options),
        None => Settings::builtin(),
    };
    let analysis = engine::analyse(text, &settings);
    Document::new(text, analysis.annotations).with_furniture(&analysis.furniture)
}

/// The quotelens/1 document of `text` as compact JSON.
fn document_json(text: &str, options: Option<&Options>) -> String {
    serde_json::to_string(&document(text, options)).expect("a Document always serializes")
}

/// A document as Python dicts and lists: the value `json.loads` would make of its JSON,
/// built without writing and parsing JSON text, which cost as much as the analysis.
/// `text` is the document's text as the caller gave it (shared, not made again).
fn document_dict<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    doc: &Document,
) -> PyResult<PyObject> {
    let dict = to_python::Builder::new(py).document(text, &doc.article, &doc.annotations)?;
    Ok(dict.into_any().unbind())
}

/// analyse(text, cues=None) -> dict: the quotelens/1 document of `text`.
#[pyfunction]
#[pyo3(signature = (text, cues=None))]
fn analyse(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    cues: Option<Vec<String>>,
) -> PyResult<PyObject> {
    let options = options_for(cues)?;
    let str = text.to_str()?;
    let doc = py.allow_threads(|| document(str, options.as_deref()));
    document_dict(py, text, &doc)
}

/// analyse_many(texts, cues=None, jobs=None) -> list[dict]: `analyse` of each text, in
/// order, analysed on `jobs` threads (default: every core) without the GIL.
#[pyfunction]
#[pyo3(signature = (texts, cues=None, jobs=None))]
fn analyse_many<'py>(
    py: Python<'py>,
    texts: Vec<Bound<'py, PyString>>,
    cues: Option<Vec<String>>,
    jobs: Option<usize>,
) -> PyResult<Vec<PyObject>> {
    let options = options_for(cues)?;
    let jobs = jobs_for(jobs, texts.len());
    let strs = texts
        .iter()
        .map(|t| t.to_str())
        .collect::<PyResult<Vec<&str>>>()?;
    let docs =
        py.allow_threads(|| in_parallel(&strs, jobs, |text| document(text, options.as_deref())));
    texts
        .iter()
        .zip(&docs)
        .map(|(text, doc)| document_dict(py, text, doc))
        .collect()
}

/// analyse_json(text, cues=None) -> str: the quotelens/1 document of `text` as JSON.
#[pyfunction]
#[pyo3(signature = (text, cues=None))]
fn analyse_json(py: Python<'_>, text: &str, cues: Option<Vec<String>>) -> PyResult<String> {
    let options = options_for(cues)?;
    Ok(py.allow_threads(|| document_json(text, options.as_deref())))
}

/// analyse_many_json(texts, cues=None, jobs=None) -> list[str]: `analyse_json` of each
/// text, in order, on `jobs` threads (default: every core), without the GIL.
#[pyfunction]
#[pyo3(signature = (texts, cues=None, jobs=None))]
fn analyse_many_json(
    py: Python<'_>,
    texts: Vec<String>,
    cues: Option<Vec<String>>,
    jobs: Option<usize>,
) -> PyResult<Vec<String>> {
    let options = options_for(cues)?;
    let jobs = jobs_for(jobs, texts.len());
    Ok(py.allow_threads(|| {
        in_parallel(&texts, jobs, |text| document_json(text, options.as_deref()))
    }))
}

/// The threads for a batch: as asked, else every core; never more than its texts.
fn jobs_for(jobs: Option<usize>, texts: usize) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, texts.max(1))
}

/// `each` of every text, in order: texts handed out one at a time (they differ in
/// length), each result put back in its place.
fn in_parallel<S: AsRef<str> + Sync, T: Send>(
    texts: &[S],
    jobs: usize,
    each: impl Fn(&str) -> T + Sync,
) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, T)>> = Mutex::new(Vec::with_capacity(texts.len()));
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(text) = texts.get(i) else { break };
                    mine.push((i, each(text.as_ref())));
                }
                done.lock().unwrap_or_else(|e| e.into_inner()).extend(mine);
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, each)| each).collect()
}

/// extract(html) -> str: the article text of a web page, as `quotelens extract` writes
/// it for a .html file (without the line break it adds at the end).
#[pyfunction]
fn extract(py: Python<'_>, html: &str) -> String {
    py.allow_threads(|| quotelens::article::readable_text_from_html(html))
}

#[pymodule]
fn _quotelens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyse, m)?)?;
    m.add_function(wrap_pyfunction!(analyse_many, m)?)?;
    m.add_function(wrap_pyfunction!(analyse_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyse_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
