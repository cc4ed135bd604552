//! The one conversion of a layer [`Failure`] into the package's exception class named
//! by its row of the error-kind table (the classes live in `paynet_oauth/_errors.py`).

use paynet_bind::{ERROR_KINDS, ErrorKind, Failure};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyModule, PyTuple};

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The exception for `failure`: its kind's class (the base's for a kind only C meets),
/// built with the details that class takes.
pub(crate) fn to_py(py: Python<'_>, failure: Failure) -> PyErr {
    let info = failure.kind.info();
    let class = info.python_class.unwrap_or(info.python_base.class_name());
    let Failure {
        kind,
        message,
        status,
        body,
        gateway_message,
        reason,
        limit,
    } = failure;
    let build = || -> PyResult<PyErr> {
        // The gateway's answers are built from their details (as a user may build
        // them) and carry the layer's message, the words every language shows.
        let (args, text) = match kind {
            ErrorKind::GatewayError => ((gateway_message,).into_pyobject(py)?, Some(message)),
            ErrorKind::AccessDenied | ErrorKind::UnexpectedResponse => (
                (body.unwrap_or_default(),).into_pyobject(py)?,
                Some(message),
            ),
            ErrorKind::HttpError => ((status, body).into_pyobject(py)?, Some(message)),
            ErrorKind::ResponseTooLarge => ((limit,).into_pyobject(py)?, Some(message)),
            _ => ((message,).into_pyobject(py)?, None),
        };
        let module =
            ERRORS.get_or_try_init(py, || py.import("paynet_oauth._errors").map(Bound::unbind))?;
        let instance = module.bind(py).getattr(class)?.call1(args)?;
        if let Some(text) = text {
            instance.setattr("_text", text)?;
        }
        if let Some(reason) = reason {
            instance.setattr("reason", reason)?;
        }
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|error| error)
}

/// `result` with its failure raised as the package's exception.
pub(crate) fn raise<T>(py: Python<'_>, result: Result<T, Failure>) -> PyResult<T> {
    result.map_err(|f| to_py(py, f))
}

/// An `InvalidInputError` with `message`.
pub(crate) fn invalid_input(py: Python<'_>, message: impl Into<String>) -> PyErr {
    to_py(py, Failure::invalid_input(message))
}

/// `ERROR_KINDS`: `(code, number, class or None, base class)` for every row.
pub(crate) fn error_kinds(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    let rows = ERROR_KINDS
        .iter()
        .map(|row| {
            (
                row.code,
                row.number,
                row.python_class,
                row.python_base.class_name(),
            )
        })
        .collect::<Vec<_>>();
    PyTuple::new(py, rows)
}
