//! `paynet_oauth._native`: the extension module behind the `paynet_oauth` Python
//! package. Signing and verification come from the `paynet-oauth` core, response
//! reading from `paynet-api`, the clients from `paynet-client`; this crate only turns
//! Python arguments into their types and their results and errors into Python objects.
//!
//! The Python package (`python/paynet_oauth`) re-exports everything from here, adds
//! the exception classes (`_errors.py`) and the `requests`/`httpx` auth classes.
#![forbid(unsafe_code)]

mod balances;
mod client;
mod errors;
mod fork;
mod gateway;
mod inputs;
mod signing;

/// `repr(text)` as Python writes it (single quotes, Python escapes).
fn py_repr(py: pyo3::Python<'_>, text: &str) -> pyo3::PyResult<String> {
    use pyo3::types::PyAnyMethods as _;
    Ok(pyo3::types::PyString::new(py, text).repr()?.to_string())
}

/// The extension module.
#[pyo3::pymodule]
mod _native {
    #[pymodule_export]
    use crate::signing::{SignedRequest, Signer, Verified, percent_encode, sign, verify};

    #[pymodule_export]
    use crate::inputs::reseed_after_fork;

    #[pymodule_export]
    use crate::balances::{Balance, EndpointBalance, parse_response};

    #[pymodule_export]
    use crate::gateway::gateway_url;

    #[pymodule_export]
    use crate::client::{AsyncClient, Client};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("NONCE_LEN", crate::inputs::NONCE_LEN)?;
        m.add("GATEWAY_PRESETS", crate::gateway::presets(m.py())?)?;
        Ok(())
    }
}
