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
    /// One value of every variant, in declaration order (`BufferTooSmall` with
    /// `needed: 1`): the bindings' tests walk it to check that each core error has its
    /// own C code, Python class and Node `code`. A variant added to the enum and not
    /// here fails this crate's tests (an exhaustive match numbers the variants).
    pub const ALL: [Error; 16] = [
        Error::BufferTooSmall { needed: 1 },
        Error::TooManyParameters,
        Error::MalformedUrl,
        Error::InvalidMethod,
        Error::InvalidPercentEncoding,
        Error::MalformedHeader,
        Error::MissingOAuthParameter,
        Error::DuplicateOAuthParameter,
        Error::UnsupportedSignatureMethod,
        Error::UnsupportedVersion,
        Error::OAuthParameterMismatch,
        Error::InvalidTimestamp,
        Error::TimestampOutOfWindow,
        Error::SignatureMismatch,
        Error::WriteFailed,
        Error::InvalidParameter,
    ];

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

#[cfg(test)]
mod all_variants {
    use super::Error;

    /// The position of `e` in [`Error::ALL`]. No wildcard arm: a new variant does not
    /// compile here until it is given a position (and a place in `ALL`).
    fn position(e: Error) -> usize {
        match e {
            Error::BufferTooSmall { .. } => 0,
            Error::TooManyParameters => 1,
            Error::MalformedUrl => 2,
            Error::InvalidMethod => 3,
            Error::InvalidPercentEncoding => 4,
            Error::MalformedHeader => 5,
            Error::MissingOAuthParameter => 6,
            Error::DuplicateOAuthParameter => 7,
            Error::UnsupportedSignatureMethod => 8,
            Error::UnsupportedVersion => 9,
            Error::OAuthParameterMismatch => 10,
            Error::InvalidTimestamp => 11,
            Error::TimestampOutOfWindow => 12,
            Error::SignatureMismatch => 13,
            Error::WriteFailed => 14,
            Error::InvalidParameter => 15,
        }
    }

    #[test]
    fn all_holds_every_variant_once_in_order() {
        for (i, e) in Error::ALL.iter().enumerate() {
            assert_eq!(position(*e), i, "{e:?}");
        }
    }
}
