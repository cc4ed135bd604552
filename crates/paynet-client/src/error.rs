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
    /// The connection failed (refused, reset, TLS, DNS) after all retries, or the
    /// gateway's response could not be read (not HTTP, a head too large, a body cut
    /// off; not retried): the text says which.
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
            Error::Transport(e) if answered(e) => TransportError::Unreadable {
                reason: describe(e),
            }
            .fmt(f),
            Error::Transport(e) => TransportError::Unreachable {
                reason: describe(e),
            }
            .fmt(f),
            Error::InvalidInput(message) => f.write_str(message),
        }
    }
}

/// Whether the gateway answered before `e`: the response (its head or its body) could
/// not be read, e.g. bytes that are not HTTP, a head larger than hyper reads, a body
/// cut off. Such a failure is not a gateway out of reach, and it is not retried.
pub(crate) fn answered(e: &reqwest::Error) -> bool {
    if e.is_body() || e.is_decode() {
        return true;
    }
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        if inner
            .downcast_ref::<hyper::Error>()
            .is_some_and(hyper::Error::is_parse)
        {
            return true;
        }
        source = inner.source();
    }
    false
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

/// No variant has a `source()`: each one's text already says all there is (a
/// response error is its own message; a transport error's text carries reqwest's whole
/// chain, e.g. "…: Connection refused"), and an error either shows its cause or returns
/// it, never both, so printing an error with its causes says each thing once. The
/// reqwest error itself stays in [`Error::Transport`] for inspection.
impl std::error::Error for Error {}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message of `e` and its causes, outermost first.
    fn chain(e: &Error) -> Vec<String> {
        let mut messages = vec![e.to_string()];
        let mut source = std::error::Error::source(e);
        while let Some(inner) = source {
            messages.push(inner.to_string());
            source = inner.source();
        }
        messages
    }

    /// Printed with its causes (anyhow's `{:#}`, a `Report`), an error says each thing
    /// once: before, a response error was followed by itself as its cause, and a
    /// transport error (whose text has reqwest's whole chain) by reqwest's chain again.
    #[test]
    fn no_cause_repeats_what_an_error_already_says() {
        let transport = reqwest::Client::new().get("no base").build().unwrap_err();
        let errors = [
            Error::Response(paynet_api::ResponseError::AccessDenied {
                body: "denied".into(),
            }),
            Error::Response(paynet_api::ResponseError::Gateway {
                message: "Unknown balance provider saa".into(),
            }),
            Error::Transport(transport),
            Error::Timeout,
            Error::ResponseTooLarge { limit: 5 },
            Error::InvalidInput("the login must not be empty".into()),
        ];
        for e in &errors {
            let messages = chain(e);
            for (i, later) in messages.iter().enumerate().skip(1) {
                for earlier in &messages[..i] {
                    assert!(!earlier.contains(later.as_str()), "{messages:?}");
                }
            }
        }
        // The text keeps reqwest's whole chain.
        assert_eq!(
            errors[2].to_string(),
            "cannot reach the gateway: builder error: relative URL without a base"
        );
    }
}
