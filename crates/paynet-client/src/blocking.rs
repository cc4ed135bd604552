//! A blocking client for programs without an async runtime: the async client driven
//! by a private single-threaded tokio runtime.

use std::fmt;

use paynet_api::{Balance, EndpointBalance, Gateway};

use crate::{ControlKey, Error};

/// A blocking client with the same commands as [`crate::Client`]. Its commands must
/// not be called from inside an async runtime (they block the thread; tokio panics);
/// building it there is an error, and dropping it there is allowed.
pub struct Client {
    inner: crate::Client,
    /// Always `Some` until dropped.
    runtime: Option<tokio::runtime::Runtime>,
}

impl Drop for Client {
    fn drop(&mut self) {
        // Dropping a runtime blocks until its tasks stop, which tokio forbids (panics)
        // inside async code; there it is shut down in the background instead.
        if tokio::runtime::Handle::try_current().is_ok()
            && let Some(runtime) = self.runtime.take()
        {
            runtime.shutdown_background();
        }
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("blocking::Client")
            .field(&self.inner)
            .finish()
    }
}

/// Configures a blocking [`Client`].
#[derive(Debug)]
pub struct ClientBuilder(crate::ClientBuilder);

impl Client {
    /// Starts configuring a blocking client (see [`crate::Client::builder`]).
    pub fn builder(gateway: Gateway, login: &str, control_key: ControlKey) -> ClientBuilder {
        ClientBuilder(crate::Client::builder(gateway, login, control_key))
    }

    /// The balance of an endpoint for a balance provider.
    pub fn get_balance(&self, endpoint_id: &str, provider: &str) -> Result<EndpointBalance, Error> {
        self.runtime()
            .block_on(self.inner.get_balance(endpoint_id, provider))
    }

    /// A manager's balances, all of them or the one named.
    pub fn get_manager_balances(
        &self,
        login: &str,
        name: Option<&str>,
    ) -> Result<Vec<Balance>, Error> {
        self.runtime()
            .block_on(self.inner.get_manager_balances(login, name))
    }

    /// A merchant's balances, all of them or the one named.
    pub fn get_merchant_balances(
        &self,
        login: &str,
        name: Option<&str>,
    ) -> Result<Vec<Balance>, Error> {
        self.runtime()
            .block_on(self.inner.get_merchant_balances(login, name))
    }
}

impl Client {
    fn runtime(&self) -> &tokio::runtime::Runtime {
        self.runtime
            .as_ref()
            .expect("the runtime is there until the client is dropped")
    }
}

impl ClientBuilder {
    /// Applies `f` to the async builder (timeouts, retries, http policy, clock, nonces).
    pub fn configure(self, f: impl FnOnce(crate::ClientBuilder) -> crate::ClientBuilder) -> Self {
        ClientBuilder(f(self.0))
    }

    /// The largest response body read (see [`crate::ClientBuilder::max_response_bytes`]).
    pub fn max_response_bytes(self, limit: usize) -> Self {
        self.configure(|b| b.max_response_bytes(limit))
    }

    /// Builds the client and its runtime. Inside an async runtime (tokio's
    /// `Handle::try_current()` finds one) this is [`Error::InvalidInput`]: a runtime
    /// cannot be started there; use [`crate::Client`] instead.
    pub fn build(self) -> Result<Client, Error> {
        if tokio::runtime::Handle::try_current().is_ok() {
            return Err(Error::InvalidInput(
                "the blocking client cannot be built inside an async runtime; \
                 use paynet_client::Client"
                    .into(),
            ));
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::InvalidInput(format!("cannot start the I/O runtime: {e}")))?;
        // reqwest's client must be built where its runtime will drive it.
        let inner = runtime.block_on(async { self.0.build() })?;
        Ok(Client {
            inner,
            runtime: Some(runtime),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Client;
    use crate::{ControlKey, Error};

    fn builder() -> super::ClientBuilder {
        let gateway = paynet_api::Gateway::parse("https://gate.example.com/paynet/api/v2").unwrap();
        Client::builder(gateway, "login", ControlKey::new("key"))
    }

    /// Built inside async code, the blocking client is an error (before, tokio
    /// panicked: "Cannot start a runtime from within a runtime").
    #[tokio::test]
    async fn building_it_inside_an_async_runtime_is_an_error() {
        match builder().build() {
            Err(Error::InvalidInput(message)) => assert_eq!(
                message,
                "the blocking client cannot be built inside an async runtime; \
                 use paynet_client::Client"
            ),
            other => panic!("{other:?}"),
        }
    }

    /// Dropped inside async code, it shuts its runtime down without blocking (before,
    /// tokio panicked: "Cannot drop a runtime in a context where blocking is not
    /// allowed").
    #[test]
    fn dropping_it_inside_an_async_runtime_does_not_panic() {
        let client = builder().build().unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async move { drop(client) });
    }
}
