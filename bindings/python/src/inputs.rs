//! Python arguments read into the layer's types: parameter pairs, timestamps, bodies,
//! and numbers whose out-of-range values are `InvalidInputError`s naming the argument.

use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBool, PyBytes, PyDict, PyInt, PyList, PyString, PyTuple};

use crate::errors::invalid_input;
use crate::utf8::{Str, utf8};

fn type_error(message: impl Into<String>) -> PyErr {
    pyo3::exceptions::PyTypeError::new_err(message.into())
}

/// A text argument: a Python `str` borrowed in place (no copy), or an `int` written in
/// decimal.
pub(crate) enum Text {
    Str(PyBackedStr),
    Int(String),
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Str(s) => s,
            Text::Int(s) => s,
        }
    }
}

/// A `str` (borrowed), or an `int` (written in decimal); `what` names the argument in
/// the `TypeError`.
pub(crate) fn text_arg(item: &Bound<'_, PyAny>, what: &str) -> PyResult<Text> {
    if let Ok(s) = item.cast::<PyString>() {
        return Ok(Text::Str(utf8(s)?));
    }
    if item.is_instance_of::<PyInt>() && !item.is_instance_of::<PyBool>() {
        return Ok(Text::Int(item.str()?.to_str()?.to_owned()));
    }
    Err(type_error(format!(
        "{what} must be str (or int), not {}",
        item.get_type().name()?
    )))
}

/// [`text_arg`] as an owned `String`.
pub(crate) fn text_or_int(item: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    text_arg(item, what).map(|t| t.to_owned())
}

/// A parameter's name and value.
pub(crate) type Pair = (Text, Text);

fn pair(item: &Bound<'_, PyAny>) -> PyResult<Pair> {
    const PAIRS: &str = "params must be (name, value) pairs";
    let items: Vec<Bound<'_, PyAny>> = if let Ok(t) = item.cast::<PyTuple>() {
        t.iter().collect()
    } else if let Ok(l) = item.cast::<PyList>() {
        l.iter().collect()
    } else if item.is_instance_of::<PyString>() || item.is_instance_of::<PyBytes>() {
        return Err(type_error(format!("{PAIRS}, not strings")));
    } else {
        item.try_iter()
            .map_err(|_| type_error(PAIRS))?
            .collect::<PyResult<_>>()?
    };
    let [name, value] = <[_; 2]>::try_from(items).map_err(|_| type_error(PAIRS))?;
    Ok((
        text_arg(&name, "parameter names")?,
        text_arg(&value, "parameter values")?,
    ))
}

/// `params=`: a mapping (its items) or an iterable of `(name, value)` pairs; `None`
/// is no parameters. Order does not matter (the signer sorts) and duplicates are kept.
pub(crate) fn params(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Pair>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(d) = value.cast::<PyDict>() {
        return d
            .iter()
            .map(|(k, v)| {
                Ok((
                    text_arg(&k, "parameter names")?,
                    text_arg(&v, "parameter values")?,
                ))
            })
            .collect();
    }
    if value.is_instance_of::<PyString>() || value.is_instance_of::<PyBytes>() {
        return Err(type_error(
            "params must be a mapping or an iterable of (name, value) pairs, not a string",
        ));
    }
    if let Ok(l) = value.cast::<PyList>() {
        return l.iter().map(|item| pair(&item)).collect();
    }
    if let Ok(t) = value.cast::<PyTuple>() {
        return t.iter().map(|item| pair(&item)).collect();
    }
    let items = pyo3::intern!(value.py(), "items");
    let iter = if value.hasattr(items)? {
        value.call_method0(items)?.try_iter()?
    } else {
        value.try_iter().map_err(|_| {
            type_error("params must be a mapping or an iterable of (name, value) pairs")
        })?
    };
    iter.map(|item| pair(&item?)).collect()
}

/// `timestamp=`: Unix seconds as an `int` or a `str` (checked when signed); `None`
/// means now.
pub(crate) fn timestamp(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Text>> {
    match value {
        Some(v) if v.is_instance_of::<PyString>() => {
            Ok(Some(Text::Str(utf8(v.cast::<PyString>()?)?)))
        }
        Some(v) if v.is_instance_of::<PyInt>() && !v.is_instance_of::<PyBool>() => {
            Ok(Some(Text::Int(number::<u64>("timestamp", v)?.to_string())))
        }
        Some(v) if !v.is_none() => Err(type_error(format!(
            "timestamp must be an int or a str, not {}",
            v.get_type().name()?
        ))),
        _ => Ok(None),
    }
}

/// `version=`: left out means `"1.0"`, `None` leaves `oauth_version` out.
#[derive(Default)]
pub(crate) enum Version {
    #[default]
    Default,
    Omitted,
    Given(Str),
}

impl Version {
    /// The `oauth_version` to sign, if any.
    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Version::Default => Some("1.0"),
            Version::Omitted => None,
            Version::Given(text) => Some(text),
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Version {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        Ok(if obj.is_none() {
            Version::Omitted
        } else {
            Version::Given(obj.extract::<Str>()?)
        })
    }
}

/// A body given as `str`, `bytes` (kept as they are) or `None` (empty).
pub(crate) enum Body {
    Text(Str),
    Bytes(PyBackedBytes),
    Empty,
}

impl Body {
    /// The bytes of the body.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Body::Text(s) => s.as_bytes(),
            Body::Bytes(b) => b,
            Body::Empty => b"",
        }
    }

    /// The body as UTF-8 text (`InvalidInputError` if it is not).
    pub(crate) fn text(&self, py: Python<'_>) -> PyResult<&str> {
        std::str::from_utf8(self.as_bytes()).map_err(|_| invalid_input(py, "the body is not UTF-8"))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Body {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_none() {
            Ok(Body::Empty)
        } else if obj.is_instance_of::<PyBytes>() {
            Ok(Body::Bytes(obj.extract()?))
        } else {
            Ok(Body::Text(obj.extract()?))
        }
    }
}

/// A number argument read as `T`: an `int` (or a `float` for `f64`) out of `T`'s range
/// is an `InvalidInputError` (a `ValueError`) naming the argument, never an
/// `OverflowError`; a wrong type stays a `TypeError`, and so is a `bool` (an `int` to
/// Python, but `now=True` is a mistake, not the second 1).
pub(crate) fn number<'a, 'py, T>(name: &str, value: &'a Bound<'py, PyAny>) -> PyResult<T>
where
    T: FromPyObject<'a, 'py, Error = PyErr>,
{
    if value.is_instance_of::<PyBool>() {
        return Err(type_error(format!("{name} must be a number, not bool")));
    }
    value.extract::<T>().map_err(|e| {
        if !e.is_instance_of::<pyo3::exceptions::PyOverflowError>(value.py()) {
            return e;
        }
        let shown = value
            .repr()
            .map_or_else(|_| String::from("the value"), |r| r.to_string());
        let shown = match shown.char_indices().nth(40) {
            Some((end, _)) => format!("{}…", &shown[..end]),
            None => shown,
        };
        invalid_input(value.py(), format!("{name} {shown} is out of range"))
    })
}

/// [`number`] for an optional argument (`None`: `None`).
fn opt_number<'a, 'py, T>(name: &str, value: &'a Bound<'py, PyAny>) -> PyResult<Option<T>>
where
    T: FromPyObject<'a, 'py, Error = PyErr>,
{
    if value.is_none() {
        Ok(None)
    } else {
        number(name, value).map(Some)
    }
}

/// Reads a named number argument (for `#[pyo3(from_py_with = ...)]`, which takes a
/// function of the value alone).
macro_rules! named {
    ($($(#[$doc:meta])* $fn:ident: $name:literal => $read:ident -> $t:ty;)*) => {$(
        $(#[$doc])*
        pub(crate) fn $fn(value: &Bound<'_, PyAny>) -> PyResult<$t> {
            $read($name, value)
        }
    )*};
}

named! {
    /// `status=` of `parse_response`: an HTTP status.
    status_arg: "status" => number -> u16;
    /// `now=` of `verify`: Unix seconds, `None` for the clock.
    now_arg: "now" => opt_number -> Option<u64>;
    /// `window=` of `verify`: seconds.
    window_arg: "window" => number -> u64;
    /// `timeout=` of the clients: seconds, `None` for the default.
    timeout_arg: "timeout" => opt_number -> Option<f64>;
    /// `connect_timeout=` of the clients: seconds, `None` for the default.
    connect_timeout_arg: "connect_timeout" => opt_number -> Option<f64>;
    /// `retries=` of the clients, `None` for the default.
    retries_arg: "retries" => opt_number -> Option<u32>;
    /// `max_response_bytes=` of the clients: the response size cap, `None` for 1 MiB.
    max_response_bytes_arg: "max_response_bytes" => opt_number -> Option<u64>;
}
