//! Reading a request description from Python arguments into owned text, and the
//! defaults the core leaves to the caller: the current time and a CSPRNG nonce.

use std::time::{SystemTime, UNIX_EPOCH};

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyInt, PyList, PyString, PyTuple};

use crate::errors::invalid_input;

/// The length of a generated nonce: 16 characters of `[A-Za-z0-9]` (95 bits).
pub(crate) const NONCE_LEN: usize = 16;

/// A short text made here (a timestamp, a nonce), stored inline.
#[derive(Clone, Copy)]
pub(crate) struct Inline {
    buf: [u8; 24],
    len: u8,
}

impl Inline {
    fn as_str(&self) -> &str {
        // Only ASCII digits and letters are ever stored.
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The decimal digits of `n`.
    pub(crate) fn decimal(mut n: u64) -> Self {
        let mut digits = [0u8; 24];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let len = digits.len() - i;
        let mut buf = [0u8; 24];
        buf[..len].copy_from_slice(&digits[i..]);
        Inline {
            buf,
            len: len as u8,
        }
    }

    /// A fresh nonce from the thread's CSPRNG (ChaCha12 seeded by the OS, reseeded in
    /// a forked child: see [`rng`]).
    pub(crate) fn nonce() -> Self {
        use rand::Rng as _;
        let mut buf = [0u8; 24];
        let mut rng = rng();
        for b in &mut buf[..NONCE_LEN] {
            *b = rng.sample(rand::distr::Alphanumeric);
        }
        Inline {
            buf,
            len: NONCE_LEN as u8,
        }
    }
}

std::thread_local! {
    /// The process that last seeded this thread's CSPRNG (0: not yet checked).
    static SEEDED_IN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// This thread's CSPRNG, reseeded from the OS first when the process changed since it
/// was seeded: a child forked without Python's at-fork hooks (a C extension calling
/// `fork()`) holds a copy of its parent's generator and would repeat its nonces.
fn rng() -> rand::rngs::ThreadRng {
    let mut rng = rand::rng();
    let pid = std::process::id();
    if SEEDED_IN.with(|s| s.replace(pid)) != pid {
        // A reseed can only fail when the OS has no randomness to give; the generator
        // then keeps its state, which is still a CSPRNG state (only shared with the parent).
        let _ = rng.reseed();
    }
    rng
}

/// Reseeds this thread's CSPRNG; registered with `os.register_at_fork` so that a
/// forked worker never repeats its parent's nonces (the pid check in [`rng`] covers
/// forks that run no hooks).
#[pyfunction]
pub(crate) fn reseed_after_fork() {
    SEEDED_IN.with(|s| s.set(std::process::id()));
    let _ = rand::rng().reseed();
}

/// Text kept by a signed request: a Python string, a constant, or a short text made here.
pub(crate) enum Text {
    Py(PyBackedStr),
    Static(&'static str),
    Inline(Inline),
}

impl Text {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Text::Py(s) => s,
            Text::Static(s) => s,
            Text::Inline(s) => s.as_str(),
        }
    }
}

/// `version=`: left out means "1.0", `None` leaves `oauth_version` out.
pub(crate) enum Version {
    Default,
    Omit,
    Given(PyBackedStr),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Version {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_none() {
            Ok(Version::Omit)
        } else {
            Ok(Version::Given(obj.extract()?))
        }
    }
}

impl Version {
    pub(crate) fn into_text(self) -> Option<Text> {
        match self {
            Version::Default => Some(Text::Static("1.0")),
            Version::Omit => None,
            Version::Given(s) => Some(Text::Py(s)),
        }
    }
}

/// `timestamp=`: Unix seconds as an `int` or a `str`; `None` means now.
pub(crate) fn timestamp(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Text> {
    match value {
        None => Ok(Text::Inline(Inline::decimal(now()))),
        Some(v) if v.is_none() => Ok(Text::Inline(Inline::decimal(now()))),
        Some(v) => {
            if let Ok(s) = v.cast::<PyString>() {
                let s: PyBackedStr = s.extract()?;
                if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(invalid_input(
                        py,
                        "timestamp must be a number of seconds since the Unix epoch",
                    ));
                }
                Ok(Text::Py(s))
            } else if v.is_instance_of::<PyInt>() && !v.is_instance_of::<pyo3::types::PyBool>() {
                let n: u64 = v.extract().map_err(|_| {
                    invalid_input(py, "timestamp must be a non-negative number of seconds")
                })?;
                Ok(Text::Inline(Inline::decimal(n)))
            } else {
                Err(pyo3::exceptions::PyTypeError::new_err(format!(
                    "timestamp must be an int or a str, not {}",
                    v.get_type().name()?
                )))
            }
        }
    }
}

/// `nonce=`: a `str`; `None` means a fresh CSPRNG nonce.
pub(crate) fn nonce(value: Option<PyBackedStr>) -> Text {
    match value {
        Some(s) => Text::Py(s),
        None => Text::Inline(Inline::nonce()),
    }
}

/// The current Unix time in seconds.
pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// One parameter value: a `str`, or an `int` (written in decimal).
fn param_text(item: &Bound<'_, PyAny>, what: &str) -> PyResult<PyBackedStr> {
    if let Ok(s) = item.cast::<PyString>() {
        return s.extract();
    }
    if item.is_instance_of::<PyInt>() && !item.is_instance_of::<pyo3::types::PyBool>() {
        return item.str()?.extract();
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "parameter {what}s must be str (or int), not {}",
        item.get_type().name()?
    )))
}

fn pair(item: &Bound<'_, PyAny>) -> PyResult<(Text, Text)> {
    let (name, value) = if let Ok(t) = item.cast::<PyTuple>() {
        if t.len() != 2 {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "params must be (name, value) pairs",
            ));
        }
        (t.get_item(0)?, t.get_item(1)?)
    } else if let Ok(l) = item.cast::<PyList>() {
        if l.len() != 2 {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "params must be (name, value) pairs",
            ));
        }
        (l.get_item(0)?, l.get_item(1)?)
    } else if item.is_instance_of::<PyString>() || item.is_instance_of::<pyo3::types::PyBytes>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "params must be (name, value) pairs, not strings",
        ));
    } else {
        let items: Vec<Bound<'_, PyAny>> = item
            .try_iter()
            .map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err("params must be (name, value) pairs")
            })?
            .collect::<PyResult<_>>()?;
        match <[Bound<'_, PyAny>; 2]>::try_from(items) {
            Ok([n, v]) => (n, v),
            Err(_) => {
                return Err(pyo3::exceptions::PyTypeError::new_err(
                    "params must be (name, value) pairs",
                ));
            }
        }
    };
    Ok((
        Text::Py(param_text(&name, "name")?),
        Text::Py(param_text(&value, "value")?),
    ))
}

/// `params=`: a mapping (its items) or an iterable of `(name, value)` pairs; `None`
/// is no parameters. Order does not matter (the signer sorts) and duplicates are kept.
pub(crate) fn params(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<(Text, Text)>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(d) = value.cast::<PyDict>() {
        let mut out = Vec::with_capacity(d.len());
        for (k, v) in d.iter() {
            out.push((
                Text::Py(param_text(&k, "name")?),
                Text::Py(param_text(&v, "value")?),
            ));
        }
        return Ok(out);
    }
    if value.is_instance_of::<PyString>() || value.is_instance_of::<pyo3::types::PyBytes>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "params must be a mapping or an iterable of (name, value) pairs, not a string",
        ));
    }
    let mut out = Vec::new();
    if let Ok(l) = value.cast::<PyList>() {
        out.reserve(l.len());
        for item in l.iter() {
            out.push(pair(&item)?);
        }
    } else if let Ok(t) = value.cast::<PyTuple>() {
        out.reserve(t.len());
        for item in t.iter() {
            out.push(pair(&item)?);
        }
    } else if value.hasattr(pyo3::intern!(value.py(), "items"))? {
        for item in value
            .call_method0(pyo3::intern!(value.py(), "items"))?
            .try_iter()?
        {
            out.push(pair(&item?)?);
        }
    } else {
        let iter = value.try_iter().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(
                "params must be a mapping or an iterable of (name, value) pairs",
            )
        })?;
        for item in iter {
            out.push(pair(&item?)?);
        }
    }
    Ok(out)
}

/// A number argument read as `T`: an `int` (or a `float` for `f64`) out of `T`'s range
/// is an `InvalidInputError` (a `ValueError`) naming the argument, never an
/// `OverflowError`; a wrong type stays a `TypeError`.
pub(crate) fn number<'a, 'py, T>(name: &str, value: &'a Bound<'py, PyAny>) -> PyResult<T>
where
    T: FromPyObject<'a, 'py, Error = PyErr>,
{
    value.extract::<T>().map_err(|e| {
        if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(value.py()) {
            let shown = value
                .repr()
                .map_or_else(|_| String::from("the value"), |r| r.to_string());
            let shown = if shown.len() > 40 {
                format!("{}…", &shown[..40])
            } else {
                shown
            };
            invalid_input(value.py(), format!("{name} {shown} is out of range"))
        } else {
            e
        }
    })
}

/// [`number`] for an optional argument (`None` or left out: `None`).
pub(crate) fn opt_number<'a, 'py, T>(
    name: &str,
    value: Option<&'a Bound<'py, PyAny>>,
) -> PyResult<Option<T>>
where
    T: FromPyObject<'a, 'py, Error = PyErr>,
{
    match value {
        Some(v) if !v.is_none() => number(name, v).map(Some),
        _ => Ok(None),
    }
}

/// `status=` of `parse_response`: an HTTP status (0 to 65535).
pub(crate) fn status_arg(value: &Bound<'_, PyAny>) -> PyResult<u16> {
    number("status", value)
}

/// `now=` of `verify`: Unix seconds, `None` for the clock.
pub(crate) fn now_arg(value: &Bound<'_, PyAny>) -> PyResult<Option<u64>> {
    opt_number("now", Some(value))
}

/// `window=` of `verify`: seconds.
pub(crate) fn window_arg(value: &Bound<'_, PyAny>) -> PyResult<u64> {
    number("window", value)
}

/// `timeout=` of the clients: seconds, `None` for the default.
pub(crate) fn timeout_arg(value: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    opt_number("timeout", Some(value))
}

/// `connect_timeout=` of the clients: seconds, `None` for the default.
pub(crate) fn connect_timeout_arg(value: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    opt_number("connect_timeout", Some(value))
}

/// `retries=` of the clients, `None` for the default.
pub(crate) fn retries_arg(value: &Bound<'_, PyAny>) -> PyResult<Option<u32>> {
    opt_number("retries", Some(value))
}

/// `max_response_bytes=` of the clients: the response size cap, `None` for 1 MiB.
pub(crate) fn max_response_bytes_arg(value: &Bound<'_, PyAny>) -> PyResult<Option<usize>> {
    opt_number("max_response_bytes", Some(value))
}
