//! [`ClientOptions`]: what every binding's client takes (gateway, login, key, timeouts,
//! retries, http policy, response cap), checked once and turned into a client.

use std::time::Duration;

use paynet_client::{ControlKey, Gateway};

#[cfg(test)]
use crate::seconds;
use crate::{ClientLimits, Failure};

/// The settings of a balance client. Unset ones keep the Rust client's defaults (30 s
/// per attempt, 10 s to connect, 2 retries, https only off loopback, 1 MiB answers).
/// Clone it to build a new client in a forked child.
#[derive(Clone, Debug)]
pub struct ClientOptions {
    /// The gateway, parsed from a base URL or a preset name.
    pub gateway: Gateway,
    /// The login (OAuth consumer key).
    pub login: String,
    /// The control key (OAuth consumer secret); never printed.
    pub control_key: ControlKey,
    /// How long one attempt may take.
    pub timeout: Option<Duration>,
    /// How long connecting may take.
    pub connect_timeout: Option<Duration>,
    /// How many times a connection failure before any answer is retried.
    pub retries: Option<u32>,
    /// Allow a plain `http://` gateway off the loopback interface.
    pub allow_http: bool,
    /// The largest answer read, in bytes (at least 1).
    pub max_response_bytes: Option<usize>,
}

impl ClientOptions {
    /// Options for `gateway` (a base URL or a preset name, with "did you mean" for a
    /// mistyped preset), `login` and `control_key`; the rest at their defaults.
    pub fn new(gateway: &str, login: &str, control_key: &str) -> Result<Self, Failure> {
        Ok(Self::for_gateway(
            Gateway::from_str_or_preset(gateway)?,
            login,
            control_key,
        ))
    }

    /// Options for a gateway already parsed (e.g. by [`crate::js_gateway`]), `login`
    /// and `control_key`; the rest at their defaults.
    pub fn for_gateway(gateway: Gateway, login: &str, control_key: &str) -> Self {
        ClientOptions {
            gateway,
            login: login.to_owned(),
            control_key: ControlKey::new(control_key),
            timeout: None,
            connect_timeout: None,
            retries: None,
            allow_http: false,
            max_response_bytes: None,
        }
    }

    /// Sets the response cap; 0 is refused.
    pub fn with_max_response_bytes(mut self, name: &str, limit: u64) -> Result<Self, Failure> {
        self.max_response_bytes = Some(crate::limits::response_cap(name, limit)?);
        Ok(self)
    }

    /// These options with `limits` (timeouts, retries, http policy, cap) set.
    pub fn with_limits(mut self, limits: &ClientLimits) -> Self {
        self.timeout = limits.timeout;
        self.connect_timeout = limits.connect_timeout;
        self.retries = limits.retries;
        self.allow_http = limits.allow_http;
        self.max_response_bytes = limits.max_response_bytes;
        self
    }

    /// The Rust client's builder with these settings applied.
    pub fn apply(&self, mut builder: paynet_client::ClientBuilder) -> paynet_client::ClientBuilder {
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

    /// An async client (build it inside the tokio runtime that will drive it).
    pub fn build_async(&self) -> Result<paynet_client::Client, Failure> {
        let builder = paynet_client::Client::builder(
            self.gateway.clone(),
            &self.login,
            self.control_key.clone(),
        );
        Ok(self.apply(builder).build()?)
    }

    /// A blocking client with its own runtime.
    pub fn build_blocking(&self) -> Result<paynet_client::blocking::Client, Failure> {
        Ok(paynet_client::blocking::Client::builder(
            self.gateway.clone(),
            &self.login,
            self.control_key.clone(),
        )
        .configure(|b| self.apply(b))
        .build()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_checked() {
        let o = ClientOptions::new("payneteasy-sandbox", "l", "k").unwrap();
        assert_eq!(
            o.gateway.to_string(),
            "https://sandbox.payneteasy.com/paynet/api/v2"
        );
        let e = ClientOptions::new("payneteasy-sandbx", "l", "k").unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::InvalidInput);
        assert!(e.message.contains("did you mean"), "{}", e.message);
        assert!(o.clone().with_max_response_bytes("limit", 0).is_err());
        assert_eq!(seconds("t", 1.5, 1.0).unwrap(), Duration::from_millis(1500));
        assert_eq!(
            seconds("t", 250.0, 0.001).unwrap(),
            Duration::from_millis(250)
        );
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e10] {
            assert!(seconds("t", bad, 1.0).is_err());
        }
    }
}
