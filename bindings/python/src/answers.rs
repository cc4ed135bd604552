//! The gateway's answers as the package's `EndpointBalance` and `Balance` (defined in
//! `paynet_oauth/_answers.py`), built by walking the layer's `BalanceField`s with
//! amounts as `decimal.Decimal` from the exact digits, and `parse_response`.

use crate::utf8::Str;
use paynet_bind::{Answer, FieldValue, Record, Shaped};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyType};

use crate::errors::raise;
use crate::inputs::Body;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ENDPOINT_BALANCE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static BALANCE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A field's value: `decimal.Decimal` from the exact digits (`219.500` stays
/// `219.500`), or a `str`.
fn value(py: Python<'_>, v: FieldValue<'_>) -> PyResult<Py<PyAny>> {
    Ok(match v {
        FieldValue::Amount(d) => DECIMAL
            .import(py, "decimal", "Decimal")?
            .call1((d.to_string(),))?
            .unbind(),
        FieldValue::Text(t) => PyString::new(py, t).into_any().unbind(),
    })
}

/// The keyword arguments of a balance's class: the fields present by their Python
/// names, then `extra`.
fn kwargs<'py>(py: Python<'py>, record: Record<'_>) -> PyResult<Bound<'py, PyDict>> {
    let kwargs = PyDict::new(py);
    for (field, v) in record.fields() {
        if let Some(v) = v {
            kwargs.set_item(field.snake_name(), value(py, v)?)?;
        }
    }
    kwargs.set_item("extra", record.extra())?;
    Ok(kwargs)
}

/// An answer as the keyword arguments of its class: one dict for an endpoint's
/// balance, a list of dicts for balances. The async client makes the objects on the
/// event loop's thread (no Python code runs on the runtime's threads).
pub(crate) fn fields(py: Python<'_>, answer: Answer) -> PyResult<Bound<'_, PyAny>> {
    Ok(match answer.map_records(|r| kwargs(py, r)).transpose()? {
        Shaped::One(one) => one.into_any(),
        Shaped::List(list) => PyList::new(py, list)?.into_any(),
    })
}

/// An answer as Python objects: an `EndpointBalance` or a list of `Balance`.
pub(crate) fn to_py(py: Python<'_>, answer: Answer) -> PyResult<Bound<'_, PyAny>> {
    let endpoint = matches!(answer, Answer::EndpointBalance(_));
    let fields = fields(py, answer)?;
    if endpoint {
        let class = ENDPOINT_BALANCE.import(py, "paynet_oauth._answers", "EndpointBalance")?;
        return class.call((), Some(fields.cast::<PyDict>()?));
    }
    let class = BALANCE.import(py, "paynet_oauth._answers", "Balance")?;
    let items = fields
        .try_iter()?
        .map(|item| class.call((), Some(item?.cast::<PyDict>()?)))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, items)?.into_any())
}

/// Reads a gateway answer to `command` (`"get-balance"`, `"get-balance/manager"` or
/// `"get-balance/merchant"`, or the method names) the way the client does: an
/// `EndpointBalance`, a list of `Balance`, or the exception the answer means.
#[pyfunction]
pub(crate) fn parse_response<'py>(
    py: Python<'py>,
    command: Str,
    #[pyo3(from_py_with = crate::inputs::status_arg)] status: u16,
    body: Body,
) -> PyResult<Bound<'py, PyAny>> {
    let answer = raise(py, Answer::parse(&command, status, body.as_bytes()))?;
    to_py(py, answer)
}
