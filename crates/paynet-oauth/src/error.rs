//! The one error type of the core: small, `Copy`, with static messages.

use core::fmt;

/// Everything that can go wrong while signing, encoding, decoding or verifying.
///
/// Each variant maps to exactly one C error code, one Python exception class and one
/// Node error `code` in the bindings, so variants are never merged or renumbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// A caller buffer is too small; `needed` is the length that would have fit.
    /// Nothing was written.
    BufferTooSmall {
        /// The number of bytes the output needs.
        needed: usize,
    },
    /// More parameters (query + form + `oauth_*`) than [`crate::MAX_PARAMS`], or more
    /// Authorization header pairs than [`crate::MAX_HEADER_PARAMS`].
    TooManyParameters,
    /// The URL has no `scheme://`, an empty or malformed host, a bad port, or a
    /// character that may not appear in a request line.
    MalformedUrl,
    /// The HTTP method is empty or not an ASCII token.
    InvalidMethod,
    /// A `%` is not followed by two hexadecimal digits.
    InvalidPercentEncoding,
    /// The Authorization header is not `OAuth name="value", …`, or (when verifying) its
    /// `oauth_nonce` is longer than [`crate::MAX_NONCE_LEN`] bytes or not UTF-8 once
    /// decoded.
    MalformedHeader,
    /// A required `oauth_*` parameter is missing from the Authorization header (or, for
    /// `oauth_nonce`, empty).
    MissingOAuthParameter,
    /// An `oauth_*` parameter appears twice in the Authorization header.
    DuplicateOAuthParameter,
    /// `oauth_signature_method` is not `HMAC-SHA1`.
    UnsupportedSignatureMethod,
    /// `oauth_version` is present and not `1.0`.
    UnsupportedVersion,
    /// An `oauth_*` parameter of the body is absent from the header or has another value.
    OAuthParameterMismatch,
    /// `oauth_timestamp` is not a decimal number of seconds.
    InvalidTimestamp,
    /// `oauth_timestamp` is further from `now` than the allowed window.
    TimestampOutOfWindow,
    /// The signature does not match the request (wrong key, or the request was altered).
    SignatureMismatch,
    /// A `core::fmt::Write` sink refused the output.
    WriteFailed,
    /// A parameter may not be used: a form pair named `oauth_*` (protocol parameters go
    /// through [`crate::Request::with_oauth_extra`]), an empty nonce, or an extra protocol
    /// parameter that is a standard one, repeated, or not `oauth_[A-Za-z0-9_]+`.
    InvalidParameter,
}

impl Error {
    /// A short, static, human-readable description.
    pub const fn message(&self) -> &'static str {
        match self {
            Error::BufferTooSmall { .. } => "output buffer is too small",
            Error::TooManyParameters => "too many request parameters",
            Error::MalformedUrl => "malformed URL",
            Error::InvalidMethod => "invalid HTTP method",
            Error::InvalidPercentEncoding => "invalid percent-encoding",
            Error::MalformedHeader => "malformed OAuth Authorization header",
            Error::MissingOAuthParameter => "a required oauth_* parameter is missing",
            Error::DuplicateOAuthParameter => "an oauth_* parameter appears twice",
            Error::UnsupportedSignatureMethod => {
                "unsupported oauth_signature_method (only HMAC-SHA1)"
            }
            Error::UnsupportedVersion => "unsupported oauth_version (only 1.0)",
            Error::OAuthParameterMismatch => {
                "an oauth_* parameter of the body differs from the Authorization header"
            }
            Error::InvalidTimestamp => "oauth_timestamp is not a number of seconds",
            Error::TimestampOutOfWindow => "oauth_timestamp is outside the allowed window",
            Error::SignatureMismatch => "signature does not match",
            Error::WriteFailed => "the output sink failed",
            Error::InvalidParameter => "a request parameter is not allowed or is empty",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BufferTooSmall { needed } => {
                write!(f, "output buffer is too small ({needed} bytes needed)")
            }
            other => f.write_str(other.message()),
        }
    }
}

impl core::error::Error for Error {}

impl From<fmt::Error> for Error {
    fn from(_: fmt::Error) -> Self {
        Error::WriteFailed
    }
}
