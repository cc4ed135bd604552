//! Building a client: gateway, credentials, timeouts, retries and the http:// policy.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use paynet_api::Gateway;

use crate::client::{Client, Inner};
use crate::{Clock, ControlKey, Error, NonceSource, OsNonce, SystemClock};

pub use paynet_api::DEFAULT_MAX_RESPONSE_BYTES;

/// Configures a [`Client`]; made by [`Client::builder`].
pub struct ClientBuilder {
    gateway: Gateway,
    login: String,
    control_key: ControlKey,
    connect_timeout: Duration,
    timeout: Duration,
    retries: u32,
    allow_http: bool,
    max_response_bytes: usize,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("gateway", &self.gateway.to_string())
            .field("login", &self.login)
            .field("control_key", &self.control_key)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("retries", &self.retries)
            .field("allow_http", &self.allow_http)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    pub(crate) fn new(gateway: Gateway, login: &str, control_key: ControlKey) -> Self {
        ClientBuilder {
            gateway,
            login: login.to_owned(),
            control_key,
            connect_timeout: paynet_api::DEFAULT_CONNECT_TIMEOUT,
            timeout: paynet_api::DEFAULT_TIMEOUT,
            retries: paynet_api::DEFAULT_RETRIES,
            allow_http: false,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            clock: Arc::new(SystemClock),
            nonces: Arc::new(OsNonce),
        }
    }

    /// How long a TCP (and TLS) connect may take, more than zero. Default 10 s.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take from connect to the last byte, more than zero.
    /// Default 30 s.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How many times a connection failure before any response is retried, each retry
    /// signed anew. Default 2.
    pub fn retries(mut self, retries: u32) -> Self {
        self.retries = retries;
        self
    }

    /// Allows a plain `http://` gateway that is not on the loopback interface. Off by
    /// default: the Authorization header and balances would cross the network in clear.
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.allow_http = allow;
        self
    }

    /// The largest response body read, in bytes (at least 1). Default 1 MiB
    /// ([`DEFAULT_MAX_RESPONSE_BYTES`]); a balance answer is a few hundred bytes. A
    /// larger answer (announced in Content-Length or streamed) is abandoned as soon as
    /// it passes the limit, with [`Error::ResponseTooLarge`].
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Replaces the clock (tests: stale timestamps).
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Replaces the nonce source (tests: replayed nonces).
    pub fn nonce_source(mut self, nonces: impl NonceSource + 'static) -> Self {
        self.nonces = Arc::new(nonces);
        self
    }

    /// Checks the configuration and builds the client. [`Error::InvalidInput`] for a
    /// setting no call could work with: an empty login or one longer than 256
    /// characters, an empty control key, a refused plain-http gateway, a zero timeout
    /// or connect timeout, a response cap of 0 bytes ([`paynet_api::check_client`] and
    /// [`paynet_api::check_limits`], the rules the bindings apply too).
    pub fn build(self) -> Result<Client, Error> {
        paynet_api::check_client(
            &self.gateway,
            &self.login,
            self.control_key.expose(),
            self.allow_http,
        )
        .and_then(|()| {
            paynet_api::check_limits(self.timeout, self.connect_timeout, self.max_response_bytes)
        })
        .map_err(|e| Error::InvalidInput(e.to_string()))?;
        let http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("paynet-oauth/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(Error::Transport)?;
        Ok(Client::from_inner(Inner {
            http,
            gateway: self.gateway,
            login: self.login,
            control_key: self.control_key,
            retries: self.retries,
            max_response_bytes: self.max_response_bytes,
            clock: self.clock,
            nonces: self.nonces,
        }))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::ClientBuilder;
    use crate::{Client, ControlKey, Error};

    fn builder(login: &str) -> ClientBuilder {
        let gateway = paynet_api::Gateway::parse("https://gate.example.com/paynet/api/v2").unwrap();
        Client::builder(gateway, login, ControlKey::new("key"))
    }

    fn refusal(b: ClientBuilder) -> String {
        match b.build() {
            Err(Error::InvalidInput(message)) => message,
            other => panic!("not refused as InvalidInput: {other:?}"),
        }
    }

    /// Settings every call would then fail on are refused when the client is built
    /// (before, `build()` took them and each call failed: "did not answer in time",
    /// "larger than the limit of 0 bytes", "login is longer than 256 characters").
    #[test]
    fn settings_no_call_could_work_with_are_refused() {
        assert_eq!(
            refusal(builder("l").timeout(Duration::ZERO)),
            "timeout must be more than 0"
        );
        assert_eq!(
            refusal(builder("l").connect_timeout(Duration::ZERO)),
            "connect_timeout must be more than 0"
        );
        assert_eq!(
            refusal(builder("l").max_response_bytes(0)),
            "max_response_bytes must be at least 1 byte"
        );
        assert_eq!(
            refusal(builder(&"l".repeat(300))),
            "login is longer than 256 characters (300)"
        );
        let fine = builder(&"l".repeat(256))
            .timeout(Duration::from_millis(1))
            .connect_timeout(Duration::from_millis(1))
            .max_response_bytes(1);
        assert!(fine.build().is_ok());
    }
}
