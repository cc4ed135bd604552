//! `Connection`: the one native client behind the package's `Client` (blocking,
//! releases the GIL while it waits) and `AsyncClient` (asyncio), which only name its
//! calls (`python/paynet_oauth/_client.py`). Built from the layer's `ClientOptions`,
//! it runs the layer's `Call`s; once closed it refuses them.

use std::sync::atomic::{AtomicBool, Ordering};

use paynet_bind::{Call, ClientOptions, Failure, seconds};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt};

use crate::errors::{invalid_input, raise, to_py};
use crate::fork::{ForkSafeTokio, PerProcess};
use crate::utf8::Str;
use crate::{answers, inputs};

/// The base URL a preset name or a URL stands for, normalized as the client uses it
/// (e.g. `gateway_url("payneteasy-sandbox")` is
/// `https://sandbox.payneteasy.com/paynet/api/v2`).
#[pyfunction]
pub(crate) fn gateway_url(py: Python<'_>, gateway: &str) -> PyResult<String> {
    let parsed = paynet_client::Gateway::from_str_or_preset(gateway).map_err(Failure::from);
    Ok(raise(py, parsed)?.to_string())
}

/// The call of the command named `command` (`target`: the endpoint id, a `str` or an
/// `int`, or the login; `arg`: the provider or the balance name).
fn call_of(
    py: Python<'_>,
    command: &str,
    target: &Bound<'_, PyAny>,
    arg: Option<Str>,
) -> PyResult<Call> {
    let what = match raise(py, paynet_bind::command_kind(command))? {
        paynet_api::CommandKind::EndpointBalance => "endpoint_id",
        _ => "login",
    };
    // An int stands for its decimal digits; a negative one is no id (Node refuses it too).
    if target.is_instance_of::<PyInt>() && !target.is_instance_of::<PyBool>() && target.lt(0)? {
        return Err(invalid_input(
            py,
            format!("{what} must be a str or a whole number, not {target}"),
        ));
    }
    let target = inputs::text_or_int(target, what)?;
    raise(py, Call::named(command, target, arg.map(|a| a.to_owned())))
}

/// A gateway client: the options (a forked child builds its own client from them, see
/// [`crate::fork`]) and this process's blocking or async client.
#[pyclass(frozen, module = "paynet_oauth._native", name = "Connection")]
pub(crate) struct Connection {
    options: ClientOptions,
    blocking: PerProcess<paynet_client::blocking::Client>,
    asynchronous: Option<PerProcess<paynet_client::Client>>,
    closed: AtomicBool,
}

impl Connection {
    fn refuse_if_closed(&self) -> Result<(), Failure> {
        if !self.closed.load(Ordering::Acquire) {
            return Ok(());
        }
        let class = if self.asynchronous.is_some() {
            "AsyncClient"
        } else {
            "Client"
        };
        Err(Failure::invalid_input(format!(
            "this {class} is closed: make a new one to send more requests"
        )))
    }

    fn blocking(&self) -> Result<std::sync::Arc<paynet_client::blocking::Client>, Failure> {
        self.refuse_if_closed()?;
        self.blocking.get(|| self.options.build_blocking())
    }

    /// This process's async client, built inside the runtime that will drive it.
    fn asynchronous(&self) -> Result<paynet_client::Client, Failure> {
        self.refuse_if_closed()?;
        let per_process = self
            .asynchronous
            .as_ref()
            .ok_or_else(|| Failure::internal("a blocking client has no async calls"))?;
        let client = per_process.get(|| {
            let _entered = crate::fork::runtime().enter();
            self.options.build_async()
        })?;
        Ok(client.as_ref().clone())
    }
}

#[pymethods]
impl Connection {
    /// A client (async when `asynchronous`); its settings are checked and the client
    /// is built now, so that a bad setting fails here.
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        gateway: Str,
        login: Str,
        control_key: Str,
        #[pyo3(from_py_with = inputs::timeout_arg)] timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::connect_timeout_arg)] connect_timeout: Option<f64>,
        #[pyo3(from_py_with = inputs::retries_arg)] retries: Option<u32>,
        allow_http: bool,
        #[pyo3(from_py_with = inputs::max_response_bytes_arg)] max_response_bytes: Option<u64>,
        asynchronous: bool,
    ) -> PyResult<Self> {
        let read = || -> Result<ClientOptions, Failure> {
            let mut o = ClientOptions::new(&gateway, &login, &control_key)?;
            o.timeout = timeout.map(|t| seconds("timeout", t, 1.0)).transpose()?;
            let connect = connect_timeout.map(|t| seconds("connect_timeout", t, 1.0));
            o.connect_timeout = connect.transpose()?;
            (o.retries, o.allow_http) = (retries, allow_http);
            match max_response_bytes {
                Some(n) => o.with_max_response_bytes("max_response_bytes", n),
                None => Ok(o),
            }
        };
        let connection = Connection {
            options: raise(py, read())?,
            blocking: PerProcess::new(),
            asynchronous: asynchronous.then(PerProcess::new),
            closed: AtomicBool::new(false),
        };
        let built = py.detach(|| match asynchronous {
            true => connection.asynchronous().map(drop),
            false => connection.blocking().map(drop),
        });
        raise(py, built)?;
        Ok(connection)
    }

    /// The gateway's base URL.
    #[getter]
    fn gateway(&self) -> String {
        self.options.gateway.to_string()
    }

    /// The login (OAuth consumer key).
    #[getter]
    fn login(&self) -> &str {
        &self.options.login
    }

    /// Runs the command named `command` (`target`: the endpoint id or the login; `arg`:
    /// the provider or the balance name) and returns its answer.
    #[pyo3(signature = (command, target, arg = None))]
    fn call<'py>(
        &self,
        py: Python<'py>,
        command: Str,
        target: &Bound<'py, PyAny>,
        arg: Option<Str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let call = call_of(py, &command, target, arg)?;
        let answer = py.detach(|| call.run_blocking(&*self.blocking()?));
        answers::to_py(py, raise(py, answer)?)
    }

    /// [`Connection::call`] on the tokio runtime, as an asyncio awaitable of the
    /// answer's fields (see [`answers::fields`]).
    #[pyo3(signature = (command, target, arg = None))]
    fn call_async<'py>(
        &self,
        py: Python<'py>,
        command: Str,
        target: &Bound<'py, PyAny>,
        arg: Option<Str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let call = call_of(py, &command, target, arg)?;
        let client = raise(py, self.asynchronous())?;
        pyo3_async_runtimes::generic::future_into_py::<ForkSafeTokio, _, _>(py, async move {
            let answer = call.run(&client).await;
            Python::attach(|py| match answer {
                Ok(answer) => Ok(answers::fields(py, answer)?.unbind()),
                Err(failure) => Err(to_py(py, failure)),
            })
        })
    }

    /// Closes: drops this process's client (its connections) and refuses later calls.
    fn close(&self, py: Python<'_>) {
        self.closed.store(true, Ordering::Release);
        let blocking = self.blocking.take();
        let asynchronous = self.asynchronous.as_ref().and_then(PerProcess::take);
        py.detach(move || drop((blocking, asynchronous)));
    }
}
