//! Raising the package's exception classes (defined in `paynet_oauth/_errors.py`).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Builds an exception of the class `name` of `paynet_oauth._errors`, called with `args`.
pub(crate) fn new_error<'py, A>(py: Python<'py>, name: &str, args: A) -> PyErr
where
    A: pyo3::call::PyCallArgs<'py>,
{
    let build = || -> PyResult<PyErr> {
        let module =
            ERRORS.get_or_try_init(py, || py.import("paynet_oauth._errors").map(Bound::unbind))?;
        let instance = module.bind(py).getattr(name)?.call1(args)?;
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|failure| failure)
}

/// The exception class that stands for a core error (one class per variant).
pub(crate) fn core_error_class(error: paynet_oauth::Error) -> &'static str {
    use paynet_oauth::Error as E;
    match error {
        E::TooManyParameters => "TooManyParametersError",
        E::MalformedUrl => "MalformedUrlError",
        E::InvalidMethod => "InvalidMethodError",
        E::InvalidPercentEncoding => "InvalidPercentEncodingError",
        E::InvalidParameter => "InvalidParameterError",
        E::MalformedHeader => "MalformedHeaderError",
        E::MissingOAuthParameter => "MissingOAuthParameterError",
        E::DuplicateOAuthParameter => "DuplicateOAuthParameterError",
        E::UnsupportedSignatureMethod => "UnsupportedSignatureMethodError",
        E::UnsupportedVersion => "UnsupportedVersionError",
        E::OAuthParameterMismatch => "OAuthParameterMismatchError",
        E::InvalidTimestamp => "InvalidTimestampError",
        E::TimestampOutOfWindow => "TimestampOutOfWindowError",
        E::SignatureMismatch => "SignatureMismatchError",
        _ => "InternalError",
    }
}

/// The Python exception for a core error.
pub(crate) fn core_error(py: Python<'_>, error: paynet_oauth::Error) -> PyErr {
    new_error(py, core_error_class(error), (error.to_string(),))
}

/// An `InvalidInputError` with `message`.
pub(crate) fn invalid_input(py: Python<'_>, message: impl Into<String>) -> PyErr {
    new_error(py, "InvalidInputError", (message.into(),))
}
