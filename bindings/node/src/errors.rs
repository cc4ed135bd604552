//! Errors as JavaScript `Error` objects with a stable `code` and their details as
//! properties (`status`, `body`, `gatewayMessage`, `reason`).

use napi::bindgen_prelude::{JsObjectValue, JsValue};
use napi::{Env, Status};

/// `code` for bad arguments (a wrong type, an empty or malformed value).
pub(crate) const INVALID_INPUT: &str = "PAYNET_INVALID_INPUT";

/// A failure on its way to JavaScript: the `code`, the message and the details.
#[derive(Debug)]
pub(crate) struct Failure {
    code: &'static str,
    message: String,
    status: Option<u16>,
    body: Option<String>,
    gateway_message: Option<String>,
    reason: Option<String>,
}

impl Failure {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
            status: None,
            body: None,
            gateway_message: None,
            reason: None,
        }
    }

    /// `PAYNET_INVALID_INPUT` with `message`.
    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Failure::new(INVALID_INPUT, message)
    }

    /// The error of the signing core: one `code` per variant.
    pub(crate) fn core(error: paynet_oauth::Error) -> Self {
        Failure::new(core_code(error), error.to_string())
    }

    /// A failed balance request.
    pub(crate) fn client(error: paynet_client::Error) -> Self {
        use paynet_client::Error as E;
        let message = error.to_string();
        match error {
            E::Gateway { message: gateway } => Failure {
                gateway_message: Some(gateway),
                ..Failure::new("PAYNET_GATEWAY_ERROR", message)
            },
            E::AccessDenied { body } => Failure {
                status: Some(403),
                body: Some(body),
                ..Failure::new("PAYNET_ACCESS_DENIED", message)
            },
            E::Http { status, body } => Failure {
                status: Some(status),
                body: Some(body),
                ..Failure::new("PAYNET_HTTP_ERROR", message)
            },
            E::UnexpectedResponse { body, reason } => Failure {
                body: Some(body),
                reason: Some(reason),
                ..Failure::new("PAYNET_UNEXPECTED_RESPONSE", message)
            },
            E::ResponseTooLarge { .. } => Failure::new("PAYNET_RESPONSE_TOO_LARGE", message),
            E::Timeout => Failure::new("PAYNET_TIMEOUT", message),
            E::Transport(_) => Failure::new("PAYNET_TRANSPORT", message),
            E::InvalidInput(_) => Failure::new(INVALID_INPUT, message),
            _ => Failure::new("PAYNET_TRANSPORT", message),
        }
    }

    /// The JavaScript error, ready to throw or to reject a promise with.
    pub(crate) fn into_napi(self, env: &Env) -> napi::Error {
        match self.build(env) {
            Ok(error) | Err(error) => error,
        }
    }

    fn build(&self, env: &Env) -> napi::Result<napi::Error> {
        let mut error =
            env.create_error(napi::Error::new(Status::GenericFailure, &self.message))?;
        error.set_named_property("code", self.code)?;
        if let Some(status) = self.status {
            error.set_named_property("status", u32::from(status))?;
        }
        if let Some(body) = &self.body {
            error.set_named_property("body", body.as_str())?;
        }
        if let Some(message) = &self.gateway_message {
            error.set_named_property("gatewayMessage", message.as_str())?;
        }
        if let Some(reason) = &self.reason {
            error.set_named_property("reason", reason.as_str())?;
        }
        Ok(napi::Error::from(error.to_unknown()))
    }
}

/// The `code` of a core error. Never merged or renamed: callers switch on them.
pub(crate) fn core_code(error: paynet_oauth::Error) -> &'static str {
    use paynet_oauth::Error as E;
    match error {
        E::BufferTooSmall { .. } => "PAYNET_BUFFER_TOO_SMALL",
        E::TooManyParameters => "PAYNET_TOO_MANY_PARAMETERS",
        E::MalformedUrl => "PAYNET_MALFORMED_URL",
        E::InvalidMethod => "PAYNET_INVALID_METHOD",
        E::InvalidPercentEncoding => "PAYNET_INVALID_PERCENT_ENCODING",
        E::MalformedHeader => "PAYNET_MALFORMED_HEADER",
        E::MissingOAuthParameter => "PAYNET_MISSING_OAUTH_PARAMETER",
        E::DuplicateOAuthParameter => "PAYNET_DUPLICATE_OAUTH_PARAMETER",
        E::UnsupportedSignatureMethod => "PAYNET_UNSUPPORTED_SIGNATURE_METHOD",
        E::UnsupportedVersion => "PAYNET_UNSUPPORTED_VERSION",
        E::OAuthParameterMismatch => "PAYNET_OAUTH_PARAMETER_MISMATCH",
        E::InvalidTimestamp => "PAYNET_INVALID_TIMESTAMP",
        E::TimestampOutOfWindow => "PAYNET_TIMESTAMP_OUT_OF_WINDOW",
        E::SignatureMismatch => "PAYNET_SIGNATURE_MISMATCH",
        E::WriteFailed => "PAYNET_WRITE_FAILED",
        E::InvalidParameter => "PAYNET_INVALID_PARAMETER",
        _ => "PAYNET_INTERNAL",
    }
}
