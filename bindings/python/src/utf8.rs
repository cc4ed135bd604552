//! `str` arguments borrowed as UTF-8, refusing what UTF-8 cannot hold without letting
//! the text out.
//!
//! A `str` with a lone surrogate (`os.environ` and `sys.argv` give one for each byte
//! that is not UTF-8) has no UTF-8 form. Python's own `UnicodeEncodeError` for it keeps
//! the whole string in its `object` attribute, a control key included, and is not a
//! `PaynetError`; here it is an `InvalidInputError` that says what is wrong and holds
//! none of the text (pyo3 notes which argument it was).

use pyo3::exceptions::PyUnicodeEncodeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyString;

use crate::errors::invalid_input;

/// A `str` argument, borrowed in place (no copy). Any other type is a `TypeError`.
pub(crate) struct Str(PyBackedStr);

impl std::ops::Deref for Str {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Str {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let text = obj.cast::<PyString>()?;
        utf8(&text).map(Str)
    }
}

/// The UTF-8 of `text`, borrowed in place; an `InvalidInputError` without the text
/// when it holds a lone surrogate.
pub(crate) fn utf8(text: &Bound<'_, PyString>) -> PyResult<PyBackedStr> {
    PyBackedStr::try_from(text.clone()).map_err(|e| {
        if e.is_instance_of::<PyUnicodeEncodeError>(text.py()) {
            invalid_input(
                text.py(),
                "a str argument holds a lone surrogate (U+D800 to U+DFFF, as os.environ \
                 gives for bytes that are not UTF-8), which has no UTF-8 form",
            )
        } else {
            e
        }
    })
}
