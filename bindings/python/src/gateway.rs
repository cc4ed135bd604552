//! Gateway presets and base URLs, exactly as the Rust client reads them.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::invalid_input;

/// Parses a preset name (`payneteasy-sandbox`, `payneteasy-production`) or a base URL.
pub(crate) fn parse(py: Python<'_>, gateway: &str) -> PyResult<paynet_api::Gateway> {
    paynet_api::Gateway::from_str_or_preset(gateway).map_err(|e| invalid_input(py, e.to_string()))
}

/// The base URL a preset name or a URL stands for, normalized as the client uses it
/// (e.g. `gateway_url("payneteasy-sandbox")` is
/// `https://sandbox.payneteasy.com/paynet/api/v2`).
#[pyfunction]
pub(crate) fn gateway_url(py: Python<'_>, gateway: &str) -> PyResult<String> {
    Ok(parse(py, gateway)?.to_string())
}

/// `{preset name: base URL}`.
pub(crate) fn presets(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);
    for (name, url) in paynet_api::PRESETS {
        dict.set_item(name, url)?;
    }
    Ok(dict)
}
