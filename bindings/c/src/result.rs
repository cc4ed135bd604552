//! The one result code of every exported function, and its messages.

use core::ffi::c_char;

/// The outcome of a call. Values are fixed: they never change between versions.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum paynet_result {
    /// Success.
    PAYNET_OK = 0,
    /// An output buffer is too small; its `len` holds the length needed.
    PAYNET_BUFFER_TOO_SMALL = 1,
    /// More request parameters than the core supports.
    PAYNET_TOO_MANY_PARAMETERS = 2,
    /// The URL is not an absolute http(s) URL.
    PAYNET_MALFORMED_URL = 3,
    /// The HTTP method is empty or not a token.
    PAYNET_INVALID_METHOD = 4,
    /// A `%` not followed by two hex digits.
    PAYNET_INVALID_PERCENT_ENCODING = 5,
    /// The Authorization header is not `OAuth name="value",…`.
    PAYNET_MALFORMED_HEADER = 6,
    /// A required oauth_* parameter is missing.
    PAYNET_MISSING_OAUTH_PARAMETER = 7,
    /// An oauth_* parameter appears twice in the header.
    PAYNET_DUPLICATE_OAUTH_PARAMETER = 8,
    /// oauth_signature_method is not HMAC-SHA1.
    PAYNET_UNSUPPORTED_SIGNATURE_METHOD = 9,
    /// oauth_version is not 1.0.
    PAYNET_UNSUPPORTED_VERSION = 10,
    /// An oauth_* value of the body differs from the header's.
    PAYNET_OAUTH_PARAMETER_MISMATCH = 11,
    /// oauth_timestamp is not a number.
    PAYNET_INVALID_TIMESTAMP = 12,
    /// oauth_timestamp is outside the allowed window.
    PAYNET_TIMESTAMP_OUT_OF_WINDOW = 13,
    /// The signature does not match.
    PAYNET_SIGNATURE_MISMATCH = 14,
    /// An output could not be written.
    PAYNET_WRITE_FAILED = 15,
    /// A parameter is not allowed (a form pair named oauth_*, an empty nonce, a malformed
    /// or repeated extra oauth_* name).
    PAYNET_INVALID_PARAMETER = 16,
    /// A required pointer is NULL.
    PAYNET_NULL_ARGUMENT = 100,
    /// A text input is not UTF-8.
    PAYNET_INVALID_UTF8 = 101,
    /// A Rust panic was caught at the boundary (a bug: please report it).
    PAYNET_PANIC = 102,
    /// Bad input to a gateway command or the client (empty or too long parameter, bad
    /// gateway URL, unknown command kind, unknown field, a bad client option).
    PAYNET_INVALID_INPUT = 103,
    /// The balance has no such field (absent or null in the gateway's answer).
    PAYNET_FIELD_ABSENT = 104,
    /// A bug or a failure of the machine (e.g. the operating system's random number
    /// generator): please report it.
    PAYNET_INTERNAL = 105,
    /// The gateway answered HTTP 200 with an `error-message`.
    PAYNET_GATEWAY_ERROR = 200,
    /// The gateway answered HTTP 403.
    PAYNET_ACCESS_DENIED = 201,
    /// The gateway answered another non-2xx status.
    PAYNET_HTTP_ERROR = 202,
    /// A 2xx answer that is neither balances nor an error-message.
    PAYNET_UNEXPECTED_RESPONSE = 203,
    /// The client stopped reading an answer larger than its limit
    /// (`max_response_bytes`).
    PAYNET_RESPONSE_TOO_LARGE = 204,
    /// The client's connect or total timeout passed.
    PAYNET_TIMEOUT = 205,
    /// The client cannot reach the gateway (connection refused, TLS, DNS), after its
    /// retries.
    PAYNET_TRANSPORT = 206,
}

impl From<paynet_oauth::Error> for paynet_result {
    fn from(e: paynet_oauth::Error) -> Self {
        use paynet_oauth::Error as E;
        match e {
            E::BufferTooSmall { .. } => paynet_result::PAYNET_BUFFER_TOO_SMALL,
            E::TooManyParameters => paynet_result::PAYNET_TOO_MANY_PARAMETERS,
            E::MalformedUrl => paynet_result::PAYNET_MALFORMED_URL,
            E::InvalidMethod => paynet_result::PAYNET_INVALID_METHOD,
            E::InvalidPercentEncoding => paynet_result::PAYNET_INVALID_PERCENT_ENCODING,
            E::MalformedHeader => paynet_result::PAYNET_MALFORMED_HEADER,
            E::MissingOAuthParameter => paynet_result::PAYNET_MISSING_OAUTH_PARAMETER,
            E::DuplicateOAuthParameter => paynet_result::PAYNET_DUPLICATE_OAUTH_PARAMETER,
            E::UnsupportedSignatureMethod => paynet_result::PAYNET_UNSUPPORTED_SIGNATURE_METHOD,
            E::UnsupportedVersion => paynet_result::PAYNET_UNSUPPORTED_VERSION,
            E::OAuthParameterMismatch => paynet_result::PAYNET_OAUTH_PARAMETER_MISMATCH,
            E::InvalidTimestamp => paynet_result::PAYNET_INVALID_TIMESTAMP,
            E::TimestampOutOfWindow => paynet_result::PAYNET_TIMESTAMP_OUT_OF_WINDOW,
            E::SignatureMismatch => paynet_result::PAYNET_SIGNATURE_MISMATCH,
            E::WriteFailed => paynet_result::PAYNET_WRITE_FAILED,
            E::InvalidParameter => paynet_result::PAYNET_INVALID_PARAMETER,
            _ => paynet_result::PAYNET_INTERNAL,
        }
    }
}

/// Every code with its message (the error-kind table's `summary`, checked by a test),
/// in the order of their values.
pub(crate) const MESSAGES: [(paynet_result, &core::ffi::CStr); 30] = {
    use paynet_result as R;
    [
        (R::PAYNET_OK, c"ok"),
        (
            R::PAYNET_BUFFER_TOO_SMALL,
            c"output buffer is too small (its len holds the length needed)",
        ),
        (
            R::PAYNET_TOO_MANY_PARAMETERS,
            c"too many request parameters",
        ),
        (R::PAYNET_MALFORMED_URL, c"malformed URL"),
        (R::PAYNET_INVALID_METHOD, c"invalid HTTP method"),
        (
            R::PAYNET_INVALID_PERCENT_ENCODING,
            c"invalid percent-encoding",
        ),
        (
            R::PAYNET_MALFORMED_HEADER,
            c"malformed OAuth Authorization header",
        ),
        (
            R::PAYNET_MISSING_OAUTH_PARAMETER,
            c"a required oauth_* parameter is missing",
        ),
        (
            R::PAYNET_DUPLICATE_OAUTH_PARAMETER,
            c"an oauth_* parameter appears twice",
        ),
        (
            R::PAYNET_UNSUPPORTED_SIGNATURE_METHOD,
            c"unsupported oauth_signature_method (only HMAC-SHA1)",
        ),
        (
            R::PAYNET_UNSUPPORTED_VERSION,
            c"unsupported oauth_version (only 1.0)",
        ),
        (
            R::PAYNET_OAUTH_PARAMETER_MISMATCH,
            c"an oauth_* parameter of the body differs from the header",
        ),
        (
            R::PAYNET_INVALID_TIMESTAMP,
            c"oauth_timestamp is not a number of seconds",
        ),
        (
            R::PAYNET_TIMESTAMP_OUT_OF_WINDOW,
            c"oauth_timestamp is outside the allowed window",
        ),
        (R::PAYNET_SIGNATURE_MISMATCH, c"signature does not match"),
        (R::PAYNET_WRITE_FAILED, c"the output could not be written"),
        (
            R::PAYNET_INVALID_PARAMETER,
            c"a request parameter is not allowed or is empty",
        ),
        (R::PAYNET_NULL_ARGUMENT, c"a required pointer is NULL"),
        (R::PAYNET_INVALID_UTF8, c"a text input is not UTF-8"),
        (
            R::PAYNET_PANIC,
            c"internal error (panic caught at the C boundary)",
        ),
        (R::PAYNET_INVALID_INPUT, c"invalid input"),
        (R::PAYNET_FIELD_ABSENT, c"the balance has no such field"),
        (
            R::PAYNET_INTERNAL,
            c"internal error (a bug or a failure of the machine: please report it)",
        ),
        (
            R::PAYNET_GATEWAY_ERROR,
            c"the gateway answered with an error-message",
        ),
        (R::PAYNET_ACCESS_DENIED, c"access denied (HTTP 403)"),
        (
            R::PAYNET_HTTP_ERROR,
            c"the gateway answered with an HTTP error status",
        ),
        (
            R::PAYNET_UNEXPECTED_RESPONSE,
            c"unexpected response from the gateway",
        ),
        (
            R::PAYNET_RESPONSE_TOO_LARGE,
            c"the gateway's response is larger than the client's limit",
        ),
        (R::PAYNET_TIMEOUT, c"the gateway did not answer in time"),
        (
            R::PAYNET_TRANSPORT,
            c"cannot reach the gateway (connection refused, TLS, DNS, ...)",
        ),
    ]
};

impl paynet_result {
    /// The code with this value, if there is one.
    #[cfg(feature = "std")]
    pub(crate) fn from_u32(value: u32) -> Option<Self> {
        MESSAGES
            .iter()
            .find(|(r, _)| *r as u32 == value)
            .map(|(r, _)| *r)
    }

    /// The code of a kind of the layer's error table (same number).
    #[cfg(feature = "std")]
    pub(crate) fn of_kind(kind: paynet_bind::ErrorKind) -> Self {
        Self::from_u32(kind.number()).unwrap_or(paynet_result::PAYNET_INTERNAL)
    }
}

/// A static, NUL-terminated English description of `result`, a `paynet_result` value
/// (never NULL; an unknown value gives "unknown result code"). Taken as a plain integer
/// because C may pass any value.
#[unsafe(no_mangle)]
pub extern "C" fn paynet_result_message(result: u32) -> *const c_char {
    MESSAGES
        .iter()
        .find(|(r, _)| *r as u32 == result)
        .map_or(c"unknown result code", |(_, m)| m)
        .as_ptr()
}

/// The library version, e.g. `"0.1.0"` (matches `PAYNET_OAUTH_VERSION`).
#[unsafe(no_mangle)]
pub extern "C" fn paynet_version() -> *const c_char {
    const VERSION: &core::ffi::CStr = match core::ffi::CStr::from_bytes_with_nul(
        concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes(),
    ) {
        Ok(v) => v,
        Err(_) => c"unknown",
    };
    VERSION.as_ptr()
}
