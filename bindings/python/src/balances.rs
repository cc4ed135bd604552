//! The gateway's answers as Python objects (`EndpointBalance`, `Balance`, amounts as
//! `decimal.Decimal` built from the exact digits) and `parse_response`.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

use paynet_api::{CommandKind, Decimal, ResponseError};

use crate::errors::{invalid_input, new_error};
use crate::py_repr;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `decimal.Decimal` from the exact text of `amount` (`219.500` stays `219.500`).
fn decimal(py: Python<'_>, amount: &Decimal) -> PyResult<Py<PyAny>> {
    Ok(DECIMAL
        .import(py, "decimal", "Decimal")?
        .call1((amount.to_string(),))?
        .unbind())
}

fn optional_decimal(py: Python<'_>, amount: Option<&Decimal>) -> PyResult<Option<Py<PyAny>>> {
    amount.map(|a| decimal(py, a)).transpose()
}

fn extra_dict(py: Python<'_>, extra: &BTreeMap<String, String>) -> PyResult<Py<PyDict>> {
    let dict = PyDict::new(py);
    for (k, v) in extra {
        dict.set_item(k, v)?;
    }
    Ok(dict.unbind())
}

fn repr_of(py: Python<'_>, value: &Py<PyAny>) -> PyResult<String> {
    Ok(value.bind(py).repr()?.to_string())
}

/// The balance of an endpoint for a balance provider.
#[pyclass(frozen, module = "paynet_oauth", name = "EndpointBalance", get_all)]
pub(crate) struct EndpointBalance {
    /// `balance-amount`, a `decimal.Decimal` with the digits the gateway sent.
    balance_amount: Py<PyAny>,
    /// Any other fields of the answer, as text.
    extra: Py<PyDict>,
}

impl EndpointBalance {
    pub(crate) fn from_api(py: Python<'_>, b: &paynet_api::EndpointBalance) -> PyResult<Self> {
        Ok(EndpointBalance {
            balance_amount: decimal(py, &b.balance_amount)?,
            extra: extra_dict(py, &b.extra)?,
        })
    }
}

#[pymethods]
impl EndpointBalance {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "EndpointBalance(balance_amount={})",
            repr_of(py, &self.balance_amount)?
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<EndpointBalance>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.balance_amount.bind(py).eq(&other.balance_amount)?
            && self.extra.bind(py).eq(&other.extra)?)
    }
}

/// One balance of a manager or a merchant. Amounts are `decimal.Decimal` (or `None`
/// when the gateway leaves the field out or sends `null`).
#[pyclass(frozen, module = "paynet_oauth", name = "Balance", get_all)]
pub(crate) struct Balance {
    /// `name`.
    name: String,
    /// `amount`, short-term hold and rolling reserve included.
    amount: Py<PyAny>,
    /// `online-balance-live-amount`: amount minus hold minus reserve.
    online_balance_live_amount: Option<Py<PyAny>>,
    /// `total-short-term-hold-amount`.
    total_short_term_hold_amount: Option<Py<PyAny>>,
    /// `total-rolling-reserve-amount`.
    total_rolling_reserve_amount: Option<Py<PyAny>>,
    /// `currency`, e.g. `USD`.
    currency: String,
    /// `merchantLogin` (manager answers only).
    merchant_login: Option<String>,
    /// `externalMerchantIdentifier`.
    external_merchant_identifier: Option<String>,
    /// `amount-buffer-hold`: outgoing operations without a final status.
    amount_buffer_hold: Option<Py<PyAny>>,
    /// Any other fields, as text.
    extra: Py<PyDict>,
}

impl Balance {
    pub(crate) fn from_api(py: Python<'_>, b: &paynet_api::Balance) -> PyResult<Self> {
        Ok(Balance {
            name: b.name.clone(),
            amount: decimal(py, &b.amount)?,
            online_balance_live_amount: optional_decimal(
                py,
                b.online_balance_live_amount.as_ref(),
            )?,
            total_short_term_hold_amount: optional_decimal(
                py,
                b.total_short_term_hold_amount.as_ref(),
            )?,
            total_rolling_reserve_amount: optional_decimal(
                py,
                b.total_rolling_reserve_amount.as_ref(),
            )?,
            currency: b.currency.clone(),
            merchant_login: b.merchant_login.clone(),
            external_merchant_identifier: b.external_merchant_identifier.clone(),
            amount_buffer_hold: optional_decimal(py, b.amount_buffer_hold.as_ref())?,
            extra: extra_dict(py, &b.extra)?,
        })
    }

    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("name", &self.name)?;
        d.set_item("amount", &self.amount)?;
        d.set_item(
            "online_balance_live_amount",
            &self.online_balance_live_amount,
        )?;
        d.set_item(
            "total_short_term_hold_amount",
            &self.total_short_term_hold_amount,
        )?;
        d.set_item(
            "total_rolling_reserve_amount",
            &self.total_rolling_reserve_amount,
        )?;
        d.set_item("currency", &self.currency)?;
        d.set_item("merchant_login", &self.merchant_login)?;
        d.set_item(
            "external_merchant_identifier",
            &self.external_merchant_identifier,
        )?;
        d.set_item("amount_buffer_hold", &self.amount_buffer_hold)?;
        d.set_item("extra", &self.extra)?;
        Ok(d)
    }
}

#[pymethods]
impl Balance {
    /// The fields as a dict (amounts stay `Decimal`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.fields(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = format!(
            "Balance(name={}, amount={}",
            py_repr(py, &self.name)?,
            repr_of(py, &self.amount)?
        );
        let optional = [
            (
                "online_balance_live_amount",
                &self.online_balance_live_amount,
            ),
            (
                "total_short_term_hold_amount",
                &self.total_short_term_hold_amount,
            ),
            (
                "total_rolling_reserve_amount",
                &self.total_rolling_reserve_amount,
            ),
            ("amount_buffer_hold", &self.amount_buffer_hold),
        ];
        for (name, value) in optional {
            if let Some(v) = value {
                out.push_str(&format!(", {name}={}", repr_of(py, v)?));
            }
        }
        out.push_str(&format!(", currency={}", py_repr(py, &self.currency)?));
        if let Some(login) = &self.merchant_login {
            out.push_str(&format!(", merchant_login={}", py_repr(py, login)?));
        }
        if let Some(id) = &self.external_merchant_identifier {
            out.push_str(&format!(
                ", external_merchant_identifier={}",
                py_repr(py, id)?
            ));
        }
        out.push(')');
        Ok(out)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<Balance>() else {
            return Ok(false);
        };
        self.fields(py)?.eq(other.get().fields(py)?)
    }
}

/// The Python exception for a response the gateway did not answer with a balance.
pub(crate) fn response_error(py: Python<'_>, error: ResponseError) -> PyErr {
    match error {
        ResponseError::Gateway { message } => new_error(py, "GatewayError", (message,)),
        ResponseError::AccessDenied { body } => new_error(py, "AccessDeniedError", (body,)),
        ResponseError::Http { status, body } => new_error(py, "HttpError", (status, body)),
        ResponseError::Unexpected { body, .. } => new_error(py, "UnexpectedResponseError", (body,)),
        other => new_error(py, "UnexpectedResponseError", (other.to_string(),)),
    }
}

/// A list of `Balance` objects.
pub(crate) fn balance_list<'py>(
    py: Python<'py>,
    balances: &[paynet_api::Balance],
) -> PyResult<Bound<'py, PyList>> {
    let items = balances
        .iter()
        .map(|b| Balance::from_api(py, b))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Reads `command` names as the vectors (`get-balance`, `get-balance/manager`,
/// `get-balance/merchant`) and the Rust API (`endpoint_balance`, ...) spell them.
fn command_kind(py: Python<'_>, command: &str) -> PyResult<CommandKind> {
    match command {
        "get-balance" | "endpoint_balance" => Ok(CommandKind::EndpointBalance),
        "get-balance/manager" | "manager_balances" => Ok(CommandKind::ManagerBalances),
        "get-balance/merchant" | "merchant_balances" => Ok(CommandKind::MerchantBalances),
        other => Err(invalid_input(
            py,
            format!(
                "unknown command {other:?}: expected 'get-balance', 'get-balance/manager' or 'get-balance/merchant'"
            ),
        )),
    }
}

/// Reads a gateway answer to `command` (`"get-balance"`, `"get-balance/manager"` or
/// `"get-balance/merchant"`) the way the client does: an `EndpointBalance`, a list of
/// `Balance`, or the exception the answer means.
#[pyfunction]
pub(crate) fn parse_response<'py>(
    py: Python<'py>,
    command: &Bound<'py, PyAny>,
    #[pyo3(from_py_with = crate::inputs::status_arg)] status: u16,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let command: String = command.extract()?;
    let kind = command_kind(py, &command)?;
    let bytes: Vec<u8> = if let Ok(b) = body.cast::<pyo3::types::PyBytes>() {
        b.as_bytes().to_vec()
    } else {
        body.extract::<String>()?.into_bytes()
    };
    match paynet_api::parse_response(kind, status, &bytes) {
        Ok(paynet_api::Response::EndpointBalance(b)) => {
            Ok(Bound::new(py, EndpointBalance::from_api(py, &b)?)?.into_any())
        }
        Ok(paynet_api::Response::Balances(list)) => Ok(balance_list(py, &list)?.into_any()),
        Err(e) => Err(response_error(py, e)),
    }
}
