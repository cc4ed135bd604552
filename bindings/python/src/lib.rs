//! `paynet_oauth._native`: the extension module behind the `paynet_oauth` Python
//! package. Everything it does comes from the `paynet-bind` layer (signing,
//! verification, answers, clients, errors); this crate only turns Python arguments into
//! the layer's types and its results and failures into Python objects.
//!
//! The Python package (`python/paynet_oauth`) re-exports everything from here, adds
//! the exception classes (`_errors.py`) and the `requests`/`httpx` auth classes.
#![forbid(unsafe_code)]

mod answers;
mod client;
mod errors;
mod fork;
mod inputs;
mod signing;
mod utf8;

/// `repr(text)` as Python writes it (single quotes, Python escapes).
fn py_repr(py: pyo3::Python<'_>, text: &str) -> pyo3::PyResult<String> {
    use pyo3::types::PyAnyMethods as _;
    Ok(pyo3::types::PyString::new(py, text).repr()?.to_string())
}

/// The extension module.
#[pyo3::pymodule]
mod _native {
    #[pymodule_export]
    use crate::signing::{
        SignedRequest, Signer, Verified, control_key_signer, percent_encode, sign, sign_form,
        verify,
    };

    #[pymodule_export]
    use crate::answers::parse_response;

    #[pymodule_export]
    use crate::fork::stop_runtime;

    #[pymodule_export]
    use crate::client::{Connection, gateway_url};

    use pyo3::prelude::*;
    use pyo3::types::PyDict;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("NONCE_LEN", paynet_bind::NONCE_LEN)?;
        m.add("MAX_PARAMS", paynet_oauth::MAX_PARAMS)?;
        m.add("ERROR_KINDS", crate::errors::error_kinds(m.py())?)?;
        let presets = PyDict::new(m.py());
        for (name, url) in paynet_api::PRESETS {
            presets.set_item(name, url)?;
        }
        m.add("GATEWAY_PRESETS", presets)?;
        Ok(())
    }
}
