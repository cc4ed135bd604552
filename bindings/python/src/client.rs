//! `Client` (blocking, releases the GIL while it waits) and `AsyncClient` (asyncio),
//! built from the layer's `ClientOptions` and running its `Call`s; both are context
//! managers, and a closed client refuses calls.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use paynet_bind::{Call, ClientOptions, Failure, seconds};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use crate::errors::{raise, to_py};
use crate::fork::{ForkSafeTokio, PerProcess};
use crate::{answers, inputs, py_repr};

/// The base URL a preset name or a URL stands for, normalized as the client uses it
/// (e.g. `gateway_url("payneteasy-sandbox")` is
/// `https://sandbox.payneteasy.com/paynet/api/v2`).
#[pyfunction]
pub(crate) fn gateway_url(py: Python<'_>, gateway: &str) -> PyResult<String> {
    let parsed = paynet_client::Gateway::from_str_or_preset(gateway).map_err(Failure::from);
    Ok(raise(py, parsed)?.to_string())
}

/// What both clients keep: the options (a forked child builds its own client from
/// them, see [`crate::fork`]), this process's client, and whether it was closed.
struct Shared<C> {
    options: ClientOptions,
    client: PerProcess<C>,
    closed: AtomicBool,
    class: &'static str,
}

impl<C: Send + Sync> Shared<C> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        class: &'static str,
        gateway: &str,
        login: &str,
        control_key: &str,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        retries: Option<u32>,
        allow_http: bool,
        max_response_bytes: Option<u64>,
    ) -> PyResult<Self> {
        let read = || -> Result<ClientOptions, Failure> {
            let mut o = ClientOptions::new(gateway, login, control_key)?;
            o.timeout = timeout.map(|t| seconds("timeout", t, 1.0)).transpose()?;
            o.connect_timeout = connect_timeout
                .map(|t| seconds("connect_timeout", t, 1.0))
                .transpose()?;
            o.retries = retries;
            o.allow_http = allow_http;
            match max_response_bytes {
                Some(n) => o.with_max_response_bytes("max_response_bytes", n),
                None => Ok(o),
            }
        };
        Ok(Shared {
            options: raise(py, read())?,
            client: PerProcess::new(),
            closed: AtomicBool::new(false),
            class,
        })
    }

    /// This process's client, made by `make` (again in a forked child); refused once
    /// closed.
    fn get(&self, make: impl FnOnce() -> Result<C, Failure>) -> Result<Arc<C>, Failure> {
        if self.closed.load(Ordering::Acquire) {
            return Err(Failure::invalid_input(format!(
                "this {} is closed: make a new one to send more requests",
                self.class
            )));
        }
        self.client.get(make)
    }

    /// Closes: drops this process's client (its connections) and refuses further calls.
    fn close(&self, py: Python<'_>) {
        self.closed.store(true, Ordering::Release);
        let client = self.client.take();
        py.detach(move || drop(client));
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "{}(gateway={}, login={}, control_key=<redacted>)",
            self.class,
            py_repr(py, &self.options.gateway.to_string())?,
            py_repr(py, &self.options.login)?
        ))
    }
}

/// `get_balance`'s call (the endpoint id given as `str` or `int`).
fn endpoint_call(endpoint_id: &Bound<'_, PyAny>, provider: &str) -> PyResult<Call> {
    Ok(Call::EndpointBalance {
        endpoint_id: inputs::text_or_int(endpoint_id, "endpoint_id")?,
        provider: provider.to_owned(),
    })
}

/// A blocking client of the gateway over the Rust transport (reqwest + rustls). Every
/// call releases the GIL while it waits; one client may be shared by threads, and by
/// forked processes (each process gets its own connections). A context manager:
/// leaving the `with` block closes it.
#[pyclass(frozen, module = "paynet_oauth", name = "Client")]
pub(crate) struct Client(Shared<paynet_client::blocking::Client>);

impl Client {
    fn run<'py>(&self, py: Python<'py>, call: Call) -> PyResult<Bound<'py, PyAny>> {
        let shared = &self.0;
        let answer = py.detach(|| {
            let client = shared.get(|| shared.options.build_blocking())?;
            call.run_blocking(&client)
        });
        answers::to_py(py, raise(py, answer)?)
    }
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (gateway, login, control_key, *, timeout = None, connect_timeout = None, retries = None, allow_http = false, max_response_bytes = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        gateway: &str,
        login: &str,
        control_key: &str,
        #[pyo3(from_py_with = inputs::timeout_arg)] timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::connect_timeout_arg)] connect_timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::retries_arg)] retries: Option<u32>,
        allow_http: bool,
        #[pyo3(from_py_with = inputs::max_response_bytes_arg)] max_response_bytes: Option<u64>,
    ) -> PyResult<Self> {
        let shared = Shared::new(
            py,
            "Client",
            gateway,
            login,
            control_key,
            timeout,
            connect_timeout,
            retries,
            allow_http,
            max_response_bytes,
        )?;
        let built = py.detach(|| shared.get(|| shared.options.build_blocking()).map(drop));
        raise(py, built)?;
        Ok(Client(shared))
    }

    /// The gateway's base URL.
    #[getter]
    fn gateway(&self) -> String {
        self.0.options.gateway.to_string()
    }

    /// The login (OAuth consumer key).
    #[getter]
    fn login(&self) -> &str {
        &self.0.options.login
    }

    /// `POST /get-balance/{endpoint_id}` with `balance-provider`.
    fn get_balance<'py>(
        &self,
        py: Python<'py>,
        endpoint_id: &Bound<'py, PyAny>,
        provider: PyBackedStr,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, endpoint_call(endpoint_id, &provider)?)
    }

    /// `POST /get-balance/manager/{login}`, with `balance-name` when `name` is given.
    #[pyo3(signature = (login, name = None))]
    fn get_manager_balances<'py>(
        &self,
        py: Python<'py>,
        login: &str,
        name: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (login, name) = (login.to_owned(), name.map(str::to_owned));
        self.run(py, Call::ManagerBalances { login, name })
    }

    /// `POST /get-balance/merchant/{login}`, with `balance-name` when `name` is given.
    #[pyo3(signature = (login, name = None))]
    fn get_merchant_balances<'py>(
        &self,
        py: Python<'py>,
        login: &str,
        name: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (login, name) = (login.to_owned(), name.map(str::to_owned));
        self.run(py, Call::MerchantBalances { login, name })
    }

    /// Closes the client's connections; later calls raise `InvalidInputError`.
    fn close(&self, py: Python<'_>) {
        self.0.close(py);
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_exc))]
    fn __exit__(&self, py: Python<'_>, _exc: &Bound<'_, pyo3::types::PyTuple>) -> bool {
        self.0.close(py);
        false
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.0.repr(py)
    }
}

/// The asyncio client: the methods of `Client` as coroutines. The requests run on the
/// process's tokio runtime (a forked child starts its own); the event loop is never
/// blocked. An async context manager: leaving the `async with` block closes it.
#[pyclass(frozen, module = "paynet_oauth", name = "AsyncClient")]
pub(crate) struct AsyncClient(Shared<paynet_client::Client>);

/// `value` as an asyncio awaitable (resolved on the tokio runtime).
fn ready<'py>(py: Python<'py>, value: Py<PyAny>) -> PyResult<Bound<'py, PyAny>> {
    pyo3_async_runtimes::generic::future_into_py::<ForkSafeTokio, _, _>(
        py,
        async move { Ok(value) },
    )
}

impl AsyncClient {
    /// Runs `call` on the tokio runtime and returns an asyncio awaitable of its answer.
    fn run<'py>(&self, py: Python<'py>, call: Call) -> PyResult<Bound<'py, PyAny>> {
        let shared = &self.0;
        let client = raise(
            py,
            shared.get(|| {
                let runtime = crate::fork::runtime();
                // reqwest's client is built inside the runtime that will drive it.
                let _entered = runtime.enter();
                shared.options.build_async()
            }),
        )?;
        pyo3_async_runtimes::generic::future_into_py::<ForkSafeTokio, _, _>(py, async move {
            let answer = call.run(&client).await;
            Python::attach(|py| match answer {
                Ok(answer) => Ok(answers::to_py(py, answer)?.unbind()),
                Err(failure) => Err(to_py(py, failure)),
            })
        })
    }
}

#[pymethods]
impl AsyncClient {
    #[new]
    #[pyo3(signature = (gateway, login, control_key, *, timeout = None, connect_timeout = None, retries = None, allow_http = false, max_response_bytes = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        gateway: &str,
        login: &str,
        control_key: &str,
        #[pyo3(from_py_with = inputs::timeout_arg)] timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::connect_timeout_arg)] connect_timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::retries_arg)] retries: Option<u32>,
        allow_http: bool,
        #[pyo3(from_py_with = inputs::max_response_bytes_arg)] max_response_bytes: Option<u64>,
    ) -> PyResult<Self> {
        let shared = Shared::new(
            py,
            "AsyncClient",
            gateway,
            login,
            control_key,
            timeout,
            connect_timeout,
            retries,
            allow_http,
            max_response_bytes,
        )?;
        let built = py.detach(|| {
            shared.get(|| {
                let runtime = crate::fork::runtime();
                let _entered = runtime.enter();
                shared.options.build_async()
            })
        });
        raise(py, built)?;
        Ok(AsyncClient(shared))
    }

    /// The gateway's base URL.
    #[getter]
    fn gateway(&self) -> String {
        self.0.options.gateway.to_string()
    }

    /// The login (OAuth consumer key).
    #[getter]
    fn login(&self) -> &str {
        &self.0.options.login
    }

    /// `POST /get-balance/{endpoint_id}` with `balance-provider` (awaitable).
    fn get_balance<'py>(
        &self,
        py: Python<'py>,
        endpoint_id: &Bound<'py, PyAny>,
        provider: PyBackedStr,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, endpoint_call(endpoint_id, &provider)?)
    }

    /// `POST /get-balance/manager/{login}`, with `balance-name` when `name` is given (awaitable).
    #[pyo3(signature = (login, name = None))]
    fn get_manager_balances<'py>(
        &self,
        py: Python<'py>,
        login: &str,
        name: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (login, name) = (login.to_owned(), name.map(str::to_owned));
        self.run(py, Call::ManagerBalances { login, name })
    }

    /// `POST /get-balance/merchant/{login}`, with `balance-name` when `name` is given (awaitable).
    #[pyo3(signature = (login, name = None))]
    fn get_merchant_balances<'py>(
        &self,
        py: Python<'py>,
        login: &str,
        name: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (login, name) = (login.to_owned(), name.map(str::to_owned));
        self.run(py, Call::MerchantBalances { login, name })
    }

    /// Closes the client's connections (awaitable); later calls raise `InvalidInputError`.
    fn aclose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.close(py);
        ready(py, py.None())
    }

    fn __aenter__(slf: Py<Self>, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        ready(py, slf.into_any())
    }

    #[pyo3(signature = (*_exc))]
    fn __aexit__<'py>(
        &self,
        py: Python<'py>,
        _exc: &Bound<'py, pyo3::types::PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.0.close(py);
        ready(py, false.into_pyobject(py)?.to_owned().into_any().unbind())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.0.repr(py)
    }
}
