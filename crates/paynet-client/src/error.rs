//! What can go wrong when asking a gateway for balances.

use std::fmt;

/// A failed balance request. Every variant says when it happens.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// HTTP 200 with an `error-message`: the gateway refused the request (unknown
    /// balance provider or name, unknown endpoint, …).
    Gateway {
        /// The gateway's decoded message.
        message: String,
    },
    /// HTTP 403: the signature or the credentials were not accepted (wrong control key
    /// or login, clock skew, a replayed nonce) or the feature is not enabled.
    AccessDenied {
        /// The raw body, for diagnostics.
        body: String,
    },
    /// Any other non-2xx status (including redirects, which are never followed).
    Http {
        /// The HTTP status code.
        status: u16,
        /// The raw body, for diagnostics.
        body: String,
    },
    /// A 2xx body that is neither a balance nor an `error-message`; never read as zero.
    UnexpectedResponse {
        /// The raw body.
        body: String,
        /// What was wrong with it.
        reason: String,
    },
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
            // The answers' errors read as the API layer words them, whether a transport
            // fetched the answer or the caller parsed it.
            Error::Gateway { message } => paynet_api::ResponseError::Gateway {
                message: message.clone(),
            }
            .fmt(f),
            Error::AccessDenied { .. } => paynet_api::ResponseError::AccessDenied {
                body: String::new(),
            }
            .fmt(f),
            Error::Http { status, .. } => paynet_api::ResponseError::Http {
                status: *status,
                body: String::new(),
            }
            .fmt(f),
            Error::UnexpectedResponse { reason, .. } => paynet_api::ResponseError::Unexpected {
                body: String::new(),
                reason: reason.clone(),
            }
            .fmt(f),
            Error::ResponseTooLarge { limit } => write!(
                f,
                "the gateway's response is larger than the limit of {limit} bytes; reading stopped there"
            ),
            Error::Timeout => f.write_str("the gateway did not answer in time"),
            Error::Transport(e) => write!(f, "cannot reach the gateway: {}", describe(e)),
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
            Error::Transport(e) => Some(e),
            _ => None,
        }
    }
}

impl From<paynet_api::ResponseError> for Error {
    fn from(e: paynet_api::ResponseError) -> Self {
        use paynet_api::ResponseError as R;
        match e {
            R::Gateway { message } => Error::Gateway { message },
            R::AccessDenied { body } => Error::AccessDenied { body },
            R::Http { status, body } => Error::Http { status, body },
            R::Unexpected { body, reason } => Error::UnexpectedResponse { body, reason },
            other => Error::UnexpectedResponse {
                body: other.body().unwrap_or_default().to_owned(),
                reason: other.to_string(),
            },
        }
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
