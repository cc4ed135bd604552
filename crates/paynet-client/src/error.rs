//! What can go wrong when asking a gateway for balances.

use std::fmt;

use paynet_api::TransportError;

/// A failed balance request. Every variant says when it happens.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The gateway answered and the answer is not the balance asked for: it refused the
    /// request (`error-message`), denied access (403), answered with another status, or
    /// sent a body that is not a balance (never read as zero). The API layer's own error,
    /// so a fetched answer and one parsed by [`paynet_api::parse_response`] read the same.
    Response(paynet_api::ResponseError),
    /// The response body passed the size cap ([`crate::ClientBuilder::max_response_bytes`],
    /// 1 MiB by default); reading stopped there and the connection was dropped.
    ResponseTooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// The connect or the total timeout passed.
    Timeout,
    /// The connection failed (refused, reset, TLS, DNS) after all retries.
    Transport(reqwest::Error),
    /// Bad input or configuration: an empty or too long parameter, a gateway that is
    /// not a valid base URL, a plain-http gateway off the loopback interface.
    InvalidInput(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Response(e) => e.fmt(f),
            Error::ResponseTooLarge { limit } => TransportError::TooLarge { limit: *limit }.fmt(f),
            Error::Timeout => TransportError::Timeout.fmt(f),
            Error::Transport(e) => TransportError::Unreachable {
                reason: describe(e),
            }
            .fmt(f),
            Error::InvalidInput(message) => f.write_str(message),
        }
    }
}

/// reqwest's message and its innermost cause (e.g. "Connection refused").
fn describe(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        let s = inner.to_string();
        if !text.contains(&s) {
            text = format!("{text}: {s}");
        }
        source = inner.source();
    }
    text
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Response(e) => Some(e),
            Error::Transport(e) => Some(e),
            _ => None,
        }
    }
}

impl From<paynet_api::ResponseError> for Error {
    fn from(e: paynet_api::ResponseError) -> Self {
        Error::Response(e)
    }
}

impl From<paynet_api::CommandError> for Error {
    fn from(e: paynet_api::CommandError) -> Self {
        Error::InvalidInput(e.to_string())
    }
}

impl From<paynet_api::SignError> for Error {
    fn from(e: paynet_api::SignError) -> Self {
        Error::InvalidInput(e.to_string())
    }
}
