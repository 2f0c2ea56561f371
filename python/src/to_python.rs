//! A serde `Serializer` whose output is Python objects: what `json.loads` makes of the
//! same value's JSON (objects become dicts, arrays lists, f64 floats, integers ints),
//! built without writing and parsing JSON text.
//!
//! Why not the `pythonize` crate: it makes a new Python string for every field name of
//! every struct, and a document has tens of thousands of them. Field names are
//! `&'static str`, so here each is made once per call and shared (by the address of its
//! text), which is what made dicts as cheap as the issue asks (80% of the engine).
//!
//! Only the shapes the quotelens/1 model uses are supported (structs, sequences,
//! options, strings, numbers, booleans, unit enum variants); anything else is an error,
//! caught by the tests that compare every result with `json.loads` of the JSON.

use std::collections::HashMap;
use std::fmt;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Serialize};

/// `value` as Python objects.
pub fn to_python<T: Serialize>(py: Python<'_>, value: &T) -> PyResult<PyObject> {
    let mut names = Names::default();
    value
        .serialize(ToPython {
            py,
            names: &mut names,
        })
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.0))
}

/// Field names and unit variant names already made, by the address of their text.
#[derive(Default)]
struct Names(HashMap<usize, PyObject>);

impl Names {
    fn get(&mut self, py: Python<'_>, name: &'static str) -> PyObject {
        self.0
            .entry(name.as_ptr() as usize)
            .or_insert_with(|| PyString::new(py, name).into_any().unbind())
            .clone_ref(py)
    }
}

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e.to_string())
    }
}

fn unsupported(what: &str) -> Error {
    Error(format!("{what} has no place in a quotelens/1 document"))
}

struct ToPython<'a, 'py> {
    py: Python<'py>,
    names: &'a mut Names,
}

type Out = Result<PyObject, Error>;

impl<'a, 'py> ToPython<'a, 'py> {
    fn int(self, v: impl IntoPyObject<'py>) -> Out {
        Ok(v.into_py_any(self.py)?)
    }
}

impl<'a, 'py> ser::Serializer for ToPython<'a, 'py> {
    type Ok = PyObject;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = ser::Impossible<PyObject, Error>;
    type SerializeMap = ser::Impossible<PyObject, Error>;
    type SerializeStruct = Struct<'a, 'py>;
    type SerializeStructVariant = ser::Impossible<PyObject, Error>;

    fn serialize_bool(self, v: bool) -> Out {
        Ok(pyo3::types::PyBool::new(self.py, v)
            .to_owned()
            .into_any()
            .unbind())
    }
    fn serialize_i8(self, v: i8) -> Out {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Out {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Out {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Out {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Out {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Out {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Out {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Out {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Out {
        // JSON writes an f32 by its shortest text, which json.loads reads as that f64.
        self.serialize_f64(v.to_string().parse::<f64>().unwrap_or(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Out {
        if !v.is_finite() {
            // serde_json writes a non-finite float as null.
            return self.serialize_unit();
        }
        self.int(v)
    }
    fn serialize_char(self, v: char) -> Out {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Out {
        Ok(PyString::new(self.py, v).into_any().unbind())
    }
    fn serialize_bytes(self, _: &[u8]) -> Out {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Out {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out {
        Ok(self.py.None())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out {
        Ok(self.names.get(self.py, variant))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Out {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Out {
        Err(unsupported("an enum variant with data"))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            to: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("an enum variant with data"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("a map"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Struct<'a, 'py>, Error> {
        let dict = PyDict::new(self.py).unbind();
        Ok(Struct { to: self, dict })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("an enum variant with data"))
    }
}

struct Seq<'a, 'py> {
    to: ToPython<'a, 'py>,
    items: Vec<PyObject>,
}

impl Seq<'_, '_> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(ToPython {
            py: self.to.py,
            names: self.to.names,
        })?;
        self.items.push(item);
        Ok(())
    }
    fn list(self) -> Out {
        Ok(PyList::new(self.to.py, self.items)?.into_any().unbind())
    }
}

impl ser::SerializeSeq for Seq<'_, '_> {
    type Ok = PyObject;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out {
        self.list()
    }
}

impl ser::SerializeTuple for Seq<'_, '_> {
    type Ok = PyObject;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out {
        self.list()
    }
}

impl ser::SerializeTupleStruct for Seq<'_, '_> {
    type Ok = PyObject;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out {
        self.list()
    }
}

struct Struct<'a, 'py> {
    to: ToPython<'a, 'py>,
    dict: Py<PyDict>,
}

impl ser::SerializeStruct for Struct<'_, '_> {
    type Ok = PyObject;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let py = self.to.py;
        let value = value.serialize(ToPython {
            py,
            names: self.to.names,
        })?;
        let key = self.to.names.get(py, key);
        self.dict.bind(py).set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Out {
        Ok(self.dict.into_any())
    }
}
