//! The quotelens/1 document as Python objects: the value `json.loads` makes of its JSON
//! (objects dicts, arrays lists, integers ints, f64 floats, a non-finite float None),
//! built field by field from the engine's structs.
//!
//! Why by hand and not through a serde serializer (the first version): a serializer
//! learns a struct's fields one at a time, so every field name had to be looked up
//! (hashed) among the Python strings made for it, every value went through an owned
//! `PyObject` and sequences through a `Vec` of them, and every dict grew from empty (an
//! annotation's 11 or 12 keys resize it twice). Here the keys are interned once per
//! process, and each annotation dict is a copy of a template with exactly its keys (one
//! per set of optional fields present), allocated at its final size, whose values are
//! then replaced. Instructions counted by callgrind on PolNeAR dev, over `analyse_json`:
//! +13.7% for the serde version, +4.3% for this one (docs/python.md).
//!
//! Tried and dropped: a cache of recurring strings (rule names, signals) cost more to
//! hash than the small strings cost to make; sharing the document's text for each
//! annotation's text (`PyUnicode_Substring`) saved about 1% and would trust the engine's
//! offsets to match the text it writes.
//!
//! The keys are in the JSON's order (the structs' declaration order), so `json.dumps`
//! of a dict lists them as the command line does; python/tests check values and order.

use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use quotelens::model::{Region, FORMAT};
use quotelens::{Annotation, Cue, Kind, Origin};

/// The Python strings of every key and of every enum value, made once per process.
struct Names {
    format: Py<PyString>,
    format_value: Py<PyString>,
    text: Py<PyString>,
    article: Py<PyString>,
    annotations: Py<PyString>,
    id: Py<PyString>,
    kind: Py<PyString>,
    start: Py<PyString>,
    end: Py<PyString>,
    origin: Py<PyString>,
    /// The optional keys of an annotation, in the order serde writes them.
    optional: [Py<PyString>; OPTIONAL.len()],
    kinds: [Py<PyString>; 3],
    auto: Py<PyString>,
    user: Py<PyString>,
}

/// An annotation's optional fields, in the order of `Annotation`'s declaration (which
/// is the order its JSON has them).
const OPTIONAL: [&str; 8] = [
    "attribution",
    "speaker",
    "cue",
    "score",
    "signals",
    "rule",
    "why",
    "confidence",
];
const ATTRIBUTION: usize = 0;
const SPEAKER: usize = 1;
const CUE: usize = 2;
const SCORE: usize = 3;
const SIGNALS: usize = 4;
const RULE: usize = 5;
const WHY: usize = 6;
const CONFIDENCE: usize = 7;

impl Names {
    fn get(py: Python<'_>) -> &Names {
        static NAMES: GILOnceCell<Names> = GILOnceCell::new();
        NAMES.get_or_init(py, || {
            let s = |name: &str| PyString::intern(py, name).unbind();
            Names {
                format: s("format"),
                format_value: s(FORMAT),
                text: s("text"),
                article: s("article"),
                annotations: s("annotations"),
                id: s("id"),
                kind: s("kind"),
                start: s("start"),
                end: s("end"),
                origin: s("origin"),
                optional: OPTIONAL.map(s),
                kinds: Kind::ALL.map(|kind| s(kind.as_str())),
                auto: s("auto"),
                user: s("user"),
            }
        })
    }
}

/// Which optional fields an annotation has, one bit each (bit i: `OPTIONAL[i]`).
fn present_fields(a: &Annotation) -> usize {
    let present = [
        a.attribution.is_some(),
        a.speaker.is_some(),
        a.cue.is_some(),
        a.score.is_some(),
        a.signals.is_some(),
        a.rule.is_some(),
        a.why.is_some(),
        a.confidence.is_some(),
    ];
    present
        .iter()
        .enumerate()
        .filter(|(_, &p)| p)
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// Makes the Python objects of one document, keeping its annotation templates.
pub(crate) struct Builder<'py> {
    py: Python<'py>,
    names: &'py Names,
    /// Annotation dicts with every key of a set of optional fields, values None.
    templates: Vec<Option<Bound<'py, PyDict>>>,
}

impl<'py> Builder<'py> {
    pub(crate) fn new(py: Python<'py>) -> Self {
        Builder {
            py,
            names: Names::get(py),
            templates: vec![None; 1 << OPTIONAL.len()],
        }
    }

    /// The document of `text` (the caller's Python string, shared, not copied) with its
    /// `annotations` and `article` regions.
    pub(crate) fn document(
        &mut self,
        text: &Bound<'py, PyString>,
        article: &[Region],
        annotations: &[Annotation],
    ) -> PyResult<Bound<'py, PyDict>> {
        let (py, n) = (self.py, self.names);
        let doc = PyDict::new(py);
        doc.set_item(&n.format, &n.format_value)?;
        doc.set_item(&n.text, text)?;
        if !article.is_empty() {
            let regions = article.iter().map(|r| self.region(r.start, r.end));
            doc.set_item(
                &n.article,
                PyList::new(py, regions.collect::<PyResult<Vec<_>>>()?)?,
            )?;
        }
        let mut items = Vec::with_capacity(annotations.len());
        for a in annotations {
            items.push(self.annotation(a)?);
        }
        doc.set_item(&n.annotations, PyList::new(py, items)?)?;
        Ok(doc)
    }

    fn region(&self, start: usize, end: usize) -> PyResult<Bound<'py, PyDict>> {
        let region = PyDict::new(self.py);
        region.set_item(&self.names.start, start)?;
        region.set_item(&self.names.end, end)?;
        Ok(region)
    }

    fn annotation(&mut self, a: &Annotation) -> PyResult<Bound<'py, PyDict>> {
        let (py, n) = (self.py, self.names);
        let dict = self.template(present_fields(a))?.copy()?;
        dict.set_item(&n.id, &a.id)?;
        dict.set_item(&n.kind, &n.kinds[kind_index(a.kind)])?;
        dict.set_item(&n.start, a.start)?;
        dict.set_item(&n.end, a.end)?;
        dict.set_item(&n.text, &a.text)?;
        dict.set_item(&n.origin, self.origin(a.origin))?;
        let key = |i: usize| &n.optional[i];
        if let Some(v) = &a.attribution {
            dict.set_item(key(ATTRIBUTION), v)?;
        }
        if let Some(v) = &a.speaker {
            dict.set_item(key(SPEAKER), v)?;
        }
        if let Some(cue) = &a.cue {
            dict.set_item(key(CUE), self.cue(cue)?)?;
        }
        if let Some(v) = a.score {
            dict.set_item(key(SCORE), json_float(py, v))?;
        }
        if let Some(signals) = &a.signals {
            dict.set_item(key(SIGNALS), PyList::new(py, signals)?)?;
        }
        if let Some(v) = &a.rule {
            dict.set_item(key(RULE), &**v)?;
        }
        if let Some(v) = &a.why {
            dict.set_item(key(WHY), &**v)?;
        }
        if let Some(v) = a.confidence {
            dict.set_item(key(CONFIDENCE), json_float(py, v))?;
        }
        Ok(dict)
    }

    /// The dict of an annotation with the optional fields `present`: every key in place
    /// (in the JSON's order), each value None.
    fn template(&mut self, present: usize) -> PyResult<&Bound<'py, PyDict>> {
        if self.templates[present].is_none() {
            let (py, n) = (self.py, self.names);
            let dict = PyDict::new(py);
            for key in [&n.id, &n.kind, &n.start, &n.end, &n.text, &n.origin] {
                dict.set_item(key, py.None())?;
            }
            for (i, key) in n.optional.iter().enumerate() {
                if present & (1 << i) != 0 {
                    dict.set_item(key, py.None())?;
                }
            }
            self.templates[present] = Some(dict);
        }
        Ok(self.templates[present].as_ref().expect("made above"))
    }

    fn cue(&self, cue: &Cue) -> PyResult<Bound<'py, PyDict>> {
        let dict = self.region(cue.start, cue.end)?;
        dict.set_item(&self.names.text, &cue.text)?;
        Ok(dict)
    }

    fn origin(&self, origin: Origin) -> &Py<PyString> {
        match origin {
            Origin::Auto => &self.names.auto,
            Origin::User => &self.names.user,
        }
    }
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Quote => 0,
        Kind::Attribution => 1,
        Kind::Claim => 2,
    }
}

/// A float as `json.loads` reads serde_json's text of it: the same f64, or None for a
/// non-finite one (which serde_json writes as null).
fn json_float(py: Python<'_>, v: f64) -> PyObject {
    if v.is_finite() {
        PyFloat::new(py, v).into_any().unbind()
    } else {
        py.None()
    }
}
