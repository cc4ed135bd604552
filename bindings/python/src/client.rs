//! `Client` (blocking, releases the GIL while it waits) and `AsyncClient` (asyncio)
//! over the Rust transport `paynet-client`.

use std::sync::Arc;
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyInt, PyString};

use paynet_client::{ControlKey, Error};

use crate::balances::{EndpointBalance, balance_list};
use crate::errors::{invalid_input, new_error};
use crate::fork::{ForkSafeTokio, PerProcess};
use crate::inputs;
use crate::py_repr;

/// The Python exception for a client error (one class per variant).
fn client_error(py: Python<'_>, error: Error) -> PyErr {
    match error {
        Error::Gateway { message } => new_error(py, "GatewayError", (message,)),
        Error::AccessDenied { body } => new_error(py, "AccessDeniedError", (body,)),
        Error::Http { status, body } => new_error(py, "HttpError", (status, body)),
        Error::UnexpectedResponse { body, .. } => new_error(py, "UnexpectedResponseError", (body,)),
        Error::ResponseTooLarge { limit } => new_error(py, "ResponseTooLargeError", (limit,)),
        Error::Timeout => new_error(py, "PaynetTimeoutError", (error.to_string(),)),
        Error::Transport(_) => new_error(py, "TransportError", (error.to_string(),)),
        Error::InvalidInput(message) => invalid_input(py, message),
        other => new_error(py, "TransportError", (other.to_string(),)),
    }
}

/// Seconds given as a Python number, checked: finite and positive.
fn seconds(py: Python<'_>, name: &str, value: Option<f64>) -> PyResult<Option<Duration>> {
    match value {
        None => Ok(None),
        Some(s) if s.is_finite() && s > 0.0 && s < 1e9 => Ok(Some(Duration::from_secs_f64(s))),
        Some(s) => Err(invalid_input(
            py,
            format!("{name} must be a positive number of seconds, not {s}"),
        )),
    }
}

/// The settings both clients take, read once and kept: a forked child builds its own
/// client from them (see [`crate::fork`]).
#[derive(Clone)]
struct Settings {
    gateway: paynet_api::Gateway,
    login: String,
    control_key: ControlKey,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    retries: Option<u32>,
    allow_http: bool,
    max_response_bytes: Option<usize>,
}

impl Settings {
    #[allow(clippy::too_many_arguments)]
    fn read(
        py: Python<'_>,
        gateway: &str,
        login: &str,
        control_key: &str,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        retries: Option<u32>,
        allow_http: bool,
        max_response_bytes: Option<usize>,
    ) -> PyResult<Self> {
        if max_response_bytes == Some(0) {
            return Err(invalid_input(py, "max_response_bytes must be at least 1"));
        }
        Ok(Settings {
            gateway: crate::gateway::parse(py, gateway)?,
            login: login.to_owned(),
            control_key: ControlKey::new(control_key),
            timeout: seconds(py, "timeout", timeout)?,
            connect_timeout: seconds(py, "connect_timeout", connect_timeout)?,
            retries,
            allow_http,
            max_response_bytes,
        })
    }

    /// Applies the timeouts, retries and http policy (unset ones keep the Rust defaults).
    fn apply(&self, mut builder: paynet_client::ClientBuilder) -> paynet_client::ClientBuilder {
        builder = builder.allow_http(self.allow_http);
        if let Some(t) = self.timeout {
            builder = builder.timeout(t);
        }
        if let Some(t) = self.connect_timeout {
            builder = builder.connect_timeout(t);
        }
        if let Some(r) = self.retries {
            builder = builder.retries(r);
        }
        if let Some(n) = self.max_response_bytes {
            builder = builder.max_response_bytes(n);
        }
        builder
    }

    /// A blocking client (with its own runtime and connection pool).
    fn blocking(&self) -> Result<paynet_client::blocking::Client, Error> {
        paynet_client::blocking::Client::builder(
            self.gateway.clone(),
            &self.login,
            self.control_key.clone(),
        )
        .configure(|b| self.apply(b))
        .build()
    }

    /// An async client whose connection pool lives on this process's runtime.
    fn asynchronous(&self) -> Result<paynet_client::Client, Error> {
        let runtime = crate::fork::runtime();
        // reqwest's client is built inside the runtime that will drive it.
        let _entered = runtime.enter();
        self.apply(paynet_client::Client::builder(
            self.gateway.clone(),
            &self.login,
            self.control_key.clone(),
        ))
        .build()
    }
}

/// An endpoint id given as `str` or `int`.
fn endpoint_id(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.extract::<PyBackedStr>()?.to_string());
    }
    if value.is_instance_of::<PyInt>() && !value.is_instance_of::<pyo3::types::PyBool>() {
        return Ok(value.str()?.extract::<PyBackedStr>()?.to_string());
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "endpoint_id must be a str or an int, not {}",
        value.get_type().name()?
    )))
}

fn repr(py: Python<'_>, class: &str, gateway: &str, login: &str) -> PyResult<String> {
    Ok(format!(
        "{class}(gateway={}, login={}, control_key=<redacted>)",
        py_repr(py, gateway)?,
        py_repr(py, login)?
    ))
}

/// A blocking client of the gateway over the Rust transport (reqwest + rustls). Every
/// call releases the GIL while it waits; one client may be shared by threads, and by
/// forked processes (each process gets its own connections).
#[pyclass(frozen, module = "paynet_oauth", name = "Client")]
pub(crate) struct Client {
    inner: PerProcess<paynet_client::blocking::Client>,
    settings: Settings,
    gateway: String,
    login: String,
}

impl Client {
    /// This process's client (built anew in a forked child).
    fn inner(&self) -> Result<Arc<paynet_client::blocking::Client>, Error> {
        self.inner.get(|| self.settings.blocking())
    }
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (gateway, login, control_key, *, timeout = None, connect_timeout = None, retries = None, allow_http = false, max_response_bytes = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        gateway: PyBackedStr,
        login: PyBackedStr,
        control_key: PyBackedStr,
        #[pyo3(from_py_with = inputs::timeout_arg)] timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::connect_timeout_arg)] connect_timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::retries_arg)] retries: Option<u32>,
        allow_http: bool,
        #[pyo3(from_py_with = inputs::max_response_bytes_arg)] max_response_bytes: Option<usize>,
    ) -> PyResult<Self> {
        let settings = Settings::read(
            py,
            &gateway,
            &login,
            &control_key,
            timeout,
            connect_timeout,
            retries,
            allow_http,
            max_response_bytes,
        )?;
        let client = Client {
            inner: PerProcess::new(),
            gateway: settings.gateway.to_string(),
            login: settings.login.clone(),
            settings,
        };
        py.detach(|| client.inner())
            .map_err(|e| client_error(py, e))?;
        Ok(client)
    }

    /// The gateway's base URL.
    #[getter]
    fn gateway(&self) -> &str {
        &self.gateway
    }

    /// The login (OAuth consumer key).
    #[getter]
    fn login(&self) -> &str {
        &self.login
    }

    /// `POST /get-balance/{endpoint_id}` with `balance-provider`.
    fn get_balance(
        &self,
        py: Python<'_>,
        endpoint_id: &Bound<'_, PyAny>,
        provider: PyBackedStr,
    ) -> PyResult<EndpointBalance> {
        let id = self::endpoint_id(endpoint_id)?;
        let result = py.detach(|| self.inner()?.get_balance(&id, &provider));
        EndpointBalance::from_api(py, &result.map_err(|e| client_error(py, e))?)
    }

    /// `POST /get-balance/manager/{login}`, with `balance-name` when `name` is given.
    #[pyo3(signature = (login, name = None))]
    fn get_manager_balances<'py>(
        &self,
        py: Python<'py>,
        login: PyBackedStr,
        name: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, pyo3::types::PyList>> {
        let result = py.detach(|| self.inner()?.get_manager_balances(&login, name.as_deref()));
        balance_list(py, &result.map_err(|e| client_error(py, e))?)
    }

    /// `POST /get-balance/merchant/{login}`, with `balance-name` when `name` is given.
    #[pyo3(signature = (login, name = None))]
    fn get_merchant_balances<'py>(
        &self,
        py: Python<'py>,
        login: PyBackedStr,
        name: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, pyo3::types::PyList>> {
        let result = py.detach(|| self.inner()?.get_merchant_balances(&login, name.as_deref()));
        balance_list(py, &result.map_err(|e| client_error(py, e))?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr(py, "Client", &self.gateway, &self.login)
    }
}

/// The asyncio client: the methods of `Client` as coroutines. The requests run on the
/// process's tokio runtime (a forked child starts its own); the event loop is never
/// blocked.
#[pyclass(frozen, module = "paynet_oauth", name = "AsyncClient")]
pub(crate) struct AsyncClient {
    inner: PerProcess<paynet_client::Client>,
    settings: Settings,
    gateway: String,
    login: String,
}

impl AsyncClient {
    /// This process's client (built anew, on a new runtime, in a forked child).
    fn inner(&self) -> Result<paynet_client::Client, Error> {
        self.inner
            .get(|| self.settings.asynchronous())
            .map(|c| c.as_ref().clone())
    }
}

/// What a request answered, turned into Python objects once the GIL is held.
enum Answer {
    Endpoint(paynet_api::EndpointBalance),
    Balances(Vec<paynet_api::Balance>),
}

/// Runs `request` on the tokio runtime and returns an asyncio awaitable of its answer.
fn awaitable<'py, F>(py: Python<'py>, request: F) -> PyResult<Bound<'py, PyAny>>
where
    F: std::future::Future<Output = Result<Answer, Error>> + Send + 'static,
{
    pyo3_async_runtimes::generic::future_into_py::<ForkSafeTokio, _, _>(py, async move {
        let answer = request.await;
        Python::attach(|py| -> PyResult<Py<PyAny>> {
            match answer.map_err(|e| client_error(py, e))? {
                Answer::Endpoint(b) => Ok(Bound::new(py, EndpointBalance::from_api(py, &b)?)?
                    .into_any()
                    .unbind()),
                Answer::Balances(list) => Ok(balance_list(py, &list)?.into_any().unbind()),
            }
        })
    })
}

#[pymethods]
impl AsyncClient {
    #[new]
    #[pyo3(signature = (gateway, login, control_key, *, timeout = None, connect_timeout = None, retries = None, allow_http = false, max_response_bytes = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        gateway: PyBackedStr,
        login: PyBackedStr,
        control_key: PyBackedStr,
        #[pyo3(from_py_with = inputs::timeout_arg)] timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::connect_timeout_arg)] connect_timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::retries_arg)] retries: Option<u32>,
        allow_http: bool,
        #[pyo3(from_py_with = inputs::max_response_bytes_arg)] max_response_bytes: Option<usize>,
    ) -> PyResult<Self> {
        let settings = Settings::read(
            py,
            &gateway,
            &login,
            &control_key,
            timeout,
            connect_timeout,
            retries,
            allow_http,
            max_response_bytes,
        )?;
        let client = AsyncClient {
            inner: PerProcess::new(),
            gateway: settings.gateway.to_string(),
            login: settings.login.clone(),
            settings,
        };
        py.detach(|| client.inner())
            .map_err(|e| client_error(py, e))?;
        Ok(client)
    }

    /// The gateway's base URL.
    #[getter]
    fn gateway(&self) -> &str {
        &self.gateway
    }

    /// The login (OAuth consumer key).
    #[getter]
    fn login(&self) -> &str {
        &self.login
    }

    /// `POST /get-balance/{endpoint_id}` with `balance-provider` (awaitable).
    fn get_balance<'py>(
        &self,
        py: Python<'py>,
        endpoint_id: &Bound<'py, PyAny>,
        provider: PyBackedStr,
    ) -> PyResult<Bound<'py, PyAny>> {
        let id = self::endpoint_id(endpoint_id)?;
        let provider = provider.to_string();
        let client = self.inner().map_err(|e| client_error(py, e))?;
        awaitable(py, async move {
            client
                .get_balance(&id, &provider)
                .await
                .map(Answer::Endpoint)
        })
    }

    /// `POST /get-balance/manager/{login}`, with `balance-name` when `name` is given (awaitable).
    #[pyo3(signature = (login, name = None))]
    fn get_manager_balances<'py>(
        &self,
        py: Python<'py>,
        login: PyBackedStr,
        name: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (login, name) = (login.to_string(), name.map(|n| n.to_string()));
        let client = self.inner().map_err(|e| client_error(py, e))?;
        awaitable(py, async move {
            client
                .get_manager_balances(&login, name.as_deref())
                .await
                .map(Answer::Balances)
        })
    }

    /// `POST /get-balance/merchant/{login}`, with `balance-name` when `name` is given (awaitable).
    #[pyo3(signature = (login, name = None))]
    fn get_merchant_balances<'py>(
        &self,
        py: Python<'py>,
        login: PyBackedStr,
        name: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (login, name) = (login.to_string(), name.map(|n| n.to_string()));
        let client = self.inner().map_err(|e| client_error(py, e))?;
        awaitable(py, async move {
            client
                .get_merchant_balances(&login, name.as_deref())
                .await
                .map(Answer::Balances)
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        repr(py, "AsyncClient", &self.gateway, &self.login)
    }
}
