//! [`Failure`]: the one error of this layer, with its kind from the table and the
//! details a binding puts on its own error object.

use std::fmt;

use crate::ErrorKind;

/// A failure on its way to a binding: the [`ErrorKind`] (C code, Python class, Node
/// `code`), an English message, and the details some kinds carry. Never holds a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The row of the error-kind table.
    pub kind: ErrorKind,
    /// What happened, in one sentence.
    pub message: String,
    /// The HTTP status (`AccessDenied`, `HttpError`).
    pub status: Option<u16>,
    /// The raw response body, for diagnostics (`AccessDenied`, `HttpError`,
    /// `UnexpectedResponse`).
    pub body: Option<String>,
    /// The gateway's decoded `error-message` (`GatewayError`).
    pub gateway_message: Option<String>,
    /// Why a 2xx answer is not a balance (`UnexpectedResponse`).
    pub reason: Option<String>,
    /// The response size cap in bytes (`ResponseTooLarge`).
    pub limit: Option<usize>,
}

impl Failure {
    /// A failure of `kind` with `message` and no details.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Failure {
            kind,
            message: message.into(),
            status: None,
            body: None,
            gateway_message: None,
            reason: None,
            limit: None,
        }
    }

    /// Bad arguments: a wrong type, an empty, malformed or out-of-range value.
    pub fn invalid_input(message: impl Into<String>) -> Self {
        Failure::new(ErrorKind::InvalidInput, message)
    }

    /// An empty nonce given (to leave it out is to ask for a fresh one): the core's
    /// `InvalidParameter`, with a message that says which parameter. Every binding's
    /// signing says this, the C library's `paynet_sign` too.
    pub fn empty_nonce() -> Self {
        Failure::new(
            ErrorKind::InvalidParameter,
            "the nonce must not be empty (leave it out for a fresh one)",
        )
    }

    /// A bug or a failure of the machine (e.g. the OS random number generator).
    pub fn internal(message: impl Into<String>) -> Self {
        Failure::new(ErrorKind::Internal, message)
    }
}

/// A detail of a [`Failure`] as a JavaScript `Error` property holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum JsDetail<'a> {
    /// A string property.
    Text(&'a str),
    /// A number property.
    Number(f64),
}

impl Failure {
    /// The details this failure carries, each under its JavaScript property name
    /// (`status`, `body`, `gatewayMessage`, `reason`, `limit`, in that order): what the
    /// Node and WebAssembly packages set on their `Error` beside `message` and `code`.
    pub fn js_details(&self) -> impl Iterator<Item = (&'static str, JsDetail<'_>)> {
        fn text<'a>(
            name: &'static str,
            value: &'a Option<String>,
        ) -> Option<(&'static str, JsDetail<'a>)> {
            value.as_deref().map(|t| (name, JsDetail::Text(t)))
        }
        // A byte count far below 2^53: exact as a JavaScript number.
        #[allow(clippy::cast_precision_loss)]
        let limit = self.limit.map(|n| ("limit", JsDetail::Number(n as f64)));
        [
            self.status
                .map(|s| ("status", JsDetail::Number(f64::from(s)))),
            text("body", &self.body),
            text("gatewayMessage", &self.gateway_message),
            text("reason", &self.reason),
            limit,
        ]
        .into_iter()
        .flatten()
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

impl From<paynet_oauth::Error> for Failure {
    fn from(error: paynet_oauth::Error) -> Self {
        Failure::new(ErrorKind::of_core(error), error.to_string())
    }
}

#[cfg(feature = "client")]
impl Failure {
    /// The kind of a client error, without taking it.
    pub fn from_client_error(error: &paynet_client::Error) -> ErrorKind {
        use paynet_client::Error as E;
        match error {
            E::Response(r) => ErrorKind::of_response(r),
            E::ResponseTooLarge { .. } => ErrorKind::ResponseTooLarge,
            E::Timeout => ErrorKind::Timeout,
            E::Transport(_) => ErrorKind::Transport,
            E::InvalidInput(_) => ErrorKind::InvalidInput,
            _ => ErrorKind::Internal,
        }
    }
}

#[cfg(feature = "client")]
impl From<paynet_client::Error> for Failure {
    fn from(error: paynet_client::Error) -> Self {
        use paynet_client::Error as E;
        let message = error.to_string();
        let kind = Failure::from_client_error(&error);
        match error {
            E::Response(r) => Failure::from(r),
            E::ResponseTooLarge { limit } => Failure {
                limit: Some(limit),
                ..Failure::new(kind, message)
            },
            _ => Failure::new(kind, message),
        }
    }
}

/// A gateway answer that is not a balance, with the details its variant carries (the
/// client's `paynet_client::Error::Response` is this same error, so a fetched answer and
/// a parsed one give the same failure).
impl From<paynet_api::ResponseError> for Failure {
    fn from(error: paynet_api::ResponseError) -> Self {
        use paynet_api::ResponseError as R;
        let mut failure = Failure::new(ErrorKind::of_response(&error), error.to_string());
        match error {
            R::Gateway { message } => failure.gateway_message = Some(message),
            R::AccessDenied { body } => (failure.status, failure.body) = (Some(403), Some(body)),
            R::Http { status, body } => (failure.status, failure.body) = (Some(status), Some(body)),
            R::Unexpected { body, reason } => {
                (failure.body, failure.reason) = (Some(body), Some(reason))
            }
            _ => {}
        }
        failure
    }
}

/// The transport's own failures (the size cap, the timeout, an unreachable gateway),
/// whichever transport met them.
impl From<paynet_api::TransportError> for Failure {
    fn from(error: paynet_api::TransportError) -> Self {
        use paynet_api::TransportError as T;
        let message = error.to_string();
        match error {
            T::TooLarge { limit } => Failure {
                limit: Some(limit),
                ..Failure::new(ErrorKind::ResponseTooLarge, message)
            },
            T::Timeout => Failure::new(ErrorKind::Timeout, message),
            _ => Failure::new(ErrorKind::Transport, message),
        }
    }
}

impl From<paynet_api::GatewayError> for Failure {
    fn from(error: paynet_api::GatewayError) -> Self {
        Failure::invalid_input(error.to_string())
    }
}

impl From<paynet_api::CommandError> for Failure {
    fn from(error: paynet_api::CommandError) -> Self {
        Failure::invalid_input(error.to_string())
    }
}

impl From<paynet_api::SignError> for Failure {
    fn from(error: paynet_api::SignError) -> Self {
        match error {
            paynet_api::SignError::OAuth(core) => core.into(),
            other => Failure::invalid_input(other.to_string()),
        }
    }
}

#[cfg(all(test, feature = "client"))]
mod tests {
    use super::*;

    #[test]
    fn js_details_are_the_details_present_by_their_javascript_names() {
        let mut f = Failure::new(ErrorKind::HttpError, "HTTP 502");
        assert_eq!(f.js_details().count(), 0);
        (f.status, f.body, f.limit) = (Some(502), Some("bad".into()), Some(65536));
        (f.gateway_message, f.reason) = (Some("g".into()), Some("r".into()));
        let details: Vec<_> = f.js_details().collect();
        assert_eq!(
            details,
            [
                ("status", JsDetail::Number(502.0)),
                ("body", JsDetail::Text("bad")),
                ("gatewayMessage", JsDetail::Text("g")),
                ("reason", JsDetail::Text("r")),
                ("limit", JsDetail::Number(65536.0)),
            ]
        );
    }

    #[test]
    fn response_errors_keep_their_details() {
        let f = Failure::from(paynet_api::ResponseError::Http {
            status: 502,
            body: "bad".into(),
        });
        assert_eq!(f.kind, ErrorKind::HttpError);
        assert_eq!((f.status, f.body.as_deref()), (Some(502), Some("bad")));
        let f = Failure::from(paynet_client::Error::ResponseTooLarge { limit: 10 });
        assert_eq!((f.kind, f.limit), (ErrorKind::ResponseTooLarge, Some(10)));
        // A parsed answer and a fetched one read the same.
        let fetched = Failure::from(paynet_client::Error::Response(
            paynet_api::ResponseError::Http {
                status: 502,
                body: "bad".into(),
            },
        ));
        let parsed = Failure::from(paynet_api::ResponseError::Http {
            status: 502,
            body: "bad".into(),
        });
        assert_eq!(fetched, parsed);
        // The client's transport failures read as the transport-neutral ones.
        let tl = Failure::from(paynet_api::TransportError::TooLarge { limit: 10 });
        let from_client = Failure::from(paynet_client::Error::ResponseTooLarge { limit: 10 });
        assert_eq!(tl, from_client);
        let timeout = Failure::from(paynet_api::TransportError::Timeout);
        assert_eq!(timeout, Failure::from(paynet_client::Error::Timeout));
        let f = Failure::from(paynet_oauth::Error::SignatureMismatch);
        assert_eq!(f.kind.code(), "PAYNET_SIGNATURE_MISMATCH");
    }
}
