//! The gateway's answers as Python objects (`EndpointBalance`, `Balance` with amounts
//! as `decimal.Decimal` built from the exact digits), rendered by walking the layer's
//! `BalanceField`s, and `parse_response`.

use std::collections::BTreeMap;

use paynet_bind::{Answer, BalanceField, FieldValue};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyType};

use crate::errors::raise;
use crate::inputs::Body;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

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

fn extra_dict(py: Python<'_>, extra: &BTreeMap<String, String>) -> PyResult<Py<PyDict>> {
    let dict = PyDict::new(py);
    for (k, v) in extra {
        dict.set_item(k, v)?;
    }
    Ok(dict.unbind())
}

/// The balance of an endpoint for a balance provider.
#[pyclass(frozen, module = "paynet_oauth", name = "EndpointBalance", get_all)]
pub(crate) struct EndpointBalance {
    /// `balance-amount`, a `decimal.Decimal` with the digits the gateway sent.
    balance_amount: Py<PyAny>,
    /// Any other fields of the answer, as text.
    extra: Py<PyDict>,
}

#[pymethods]
impl EndpointBalance {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "EndpointBalance(balance_amount={})",
            self.balance_amount.bind(py).repr()?
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

/// One balance of a manager or a merchant: each of `BalanceField::BALANCE` (`None`
/// when the gateway left it out or sent `null`), amounts as `decimal.Decimal`.
#[pyclass(frozen, module = "paynet_oauth", name = "Balance")]
pub(crate) struct Balance {
    /// The values, in the order of `BalanceField::BALANCE`.
    values: Vec<Option<Py<PyAny>>>,
    /// Any other fields, as text.
    extra: Py<PyDict>,
}

impl Balance {
    fn new(py: Python<'_>, b: &paynet_api::Balance) -> PyResult<Self> {
        let values = BalanceField::BALANCE
            .iter()
            .map(|f| f.of(b).map(|v| value(py, v)).transpose())
            .collect::<PyResult<_>>()?;
        Ok(Balance {
            values,
            extra: extra_dict(py, &b.extra)?,
        })
    }

    /// The value of `field` (`None` when absent).
    fn get(&self, py: Python<'_>, field: BalanceField) -> Py<PyAny> {
        let at = BalanceField::BALANCE.iter().position(|f| *f == field);
        match at.and_then(|i| self.values[i].as_ref()) {
            Some(v) => v.clone_ref(py),
            None => py.None(),
        }
    }
}

#[pymethods]
impl Balance {
    /// `name`.
    #[getter]
    fn name(&self, py: Python<'_>) -> Py<PyAny> {
        self.get(py, BalanceField::Name)
    }
    /// `amount`, short-term hold and rolling reserve included.
    #[getter]
    fn amount(&self, py: Python<'_>) -> Py<PyAny> {
        self.get(py, BalanceField::Amount)
    }
    /// `online-balance-live-amount`: amount minus hold minus reserve.
    #[getter]
    fn online_balance_live_amount(&self, py: Python<'_>) -> Py<PyAny> {
        self.get(py, BalanceField::OnlineBalanceLiveAmount)
    }
    /// `total-short-term-hold-amount`.
    #[getter]
    fn total_short_term_hold_amount(&self, py: Python<'_>) -> Py<PyAny> {
        self.get(py, BalanceField::TotalShortTermHoldAmount)
    }
    /// `total-rolling-reserve-amount`.
    #[getter]
    fn total_rolling_reserve_amount(&self, py: Python<'_>) -> Py<PyAny> {
        self.get(py, BalanceField::TotalRollingReserveAmount)
    }
    /// `currency`, e.g. `USD`.
    #[getter]
    fn currency(&self, py: Python<'_>) -> Py<PyAny> {
        self.get(py, BalanceField::Currency)
    }
    /// `merchantLogin` (manager answers only).
    #[getter]
    fn merchant_login(&self, py: Python<'_>) -> Py<PyAny> {
        self.get(py, BalanceField::MerchantLogin)
    }
    /// `externalMerchantIdentifier`.
    #[getter]
    fn external_merchant_identifier(&self, py: Python<'_>) -> Py<PyAny> {
        self.get(py, BalanceField::ExternalMerchantIdentifier)
    }
    /// `amount-buffer-hold`: outgoing operations without a final status.
    #[getter]
    fn amount_buffer_hold(&self, py: Python<'_>) -> Py<PyAny> {
        self.get(py, BalanceField::AmountBufferHold)
    }
    /// Any other fields of the answer, as text.
    #[getter]
    fn extra(&self, py: Python<'_>) -> Py<PyDict> {
        self.extra.clone_ref(py)
    }

    /// The fields as a dict (amounts stay `Decimal`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (field, value) in BalanceField::BALANCE.iter().zip(&self.values) {
            d.set_item(field.snake_name(), value)?;
        }
        d.set_item("extra", &self.extra)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut shown = Vec::new();
        for (field, value) in BalanceField::BALANCE.iter().zip(&self.values) {
            if let Some(v) = value {
                shown.push(format!("{}={}", field.snake_name(), v.bind(py).repr()?));
            }
        }
        Ok(format!("Balance({})", shown.join(", ")))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<Balance>() else {
            return Ok(false);
        };
        self.to_dict(py)?.eq(other.get().to_dict(py)?)
    }
}

/// An answer as Python objects: an `EndpointBalance` or a list of `Balance`.
pub(crate) fn to_py(py: Python<'_>, answer: Answer) -> PyResult<Bound<'_, PyAny>> {
    match answer {
        Answer::EndpointBalance(b) => {
            let amount = BalanceField::BalanceAmount.of_endpoint(&b);
            let balance = EndpointBalance {
                balance_amount: amount.map_or_else(|| Ok(py.None()), |a| value(py, a))?,
                extra: extra_dict(py, &b.extra)?,
            };
            Ok(Bound::new(py, balance)?.into_any())
        }
        Answer::Balances(list) => {
            let items = list
                .iter()
                .map(|b| Balance::new(py, b))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, items)?.into_any())
        }
    }
}

/// Reads a gateway answer to `command` (`"get-balance"`, `"get-balance/manager"` or
/// `"get-balance/merchant"`, or the method names) the way the client does: an
/// `EndpointBalance`, a list of `Balance`, or the exception the answer means.
#[pyfunction]
pub(crate) fn parse_response<'py>(
    py: Python<'py>,
    command: PyBackedStr,
    #[pyo3(from_py_with = crate::inputs::status_arg)] status: u16,
    body: Body,
) -> PyResult<Bound<'py, PyAny>> {
    let answer = raise(py, Answer::parse(&command, status, body.as_bytes()))?;
    to_py(py, answer)
}
