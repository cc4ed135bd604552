//! A blocking client for programs without an async runtime: the async client driven
//! by a private single-threaded tokio runtime.

use std::fmt;

use paynet_api::{Balance, EndpointBalance, Gateway};

use crate::{ControlKey, Error};

/// A blocking client with the same commands as [`crate::Client`]. Must not be used
/// from inside an async runtime.
pub struct Client {
    inner: crate::Client,
    runtime: tokio::runtime::Runtime,
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
        self.runtime
            .block_on(self.inner.get_balance(endpoint_id, provider))
    }

    /// A manager's balances, all of them or the one named.
    pub fn get_manager_balances(
        &self,
        login: &str,
        name: Option<&str>,
    ) -> Result<Vec<Balance>, Error> {
        self.runtime
            .block_on(self.inner.get_manager_balances(login, name))
    }

    /// A merchant's balances, all of them or the one named.
    pub fn get_merchant_balances(
        &self,
        login: &str,
        name: Option<&str>,
    ) -> Result<Vec<Balance>, Error> {
        self.runtime
            .block_on(self.inner.get_merchant_balances(login, name))
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

    /// Builds the client and its runtime.
    pub fn build(self) -> Result<Client, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::InvalidInput(format!("cannot start the I/O runtime: {e}")))?;
        // reqwest's client must be built where its runtime will drive it.
        let inner = runtime.block_on(async { self.0.build() })?;
        Ok(Client { inner, runtime })
    }
}
