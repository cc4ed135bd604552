//! The one table of error kinds: stable names and numbers from which the C result
//! codes, the Python exception classes and the Node error `code`s come. Each binding
//! has a test that compares its own list with [`ERROR_KINDS`], so they cannot drift.

/// Where a kind's Python class sits in the package's exception hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PythonBase {
    /// `PaynetError` directly.
    PaynetError,
    /// `InvalidInputError` (also a `ValueError`): the caller's arguments.
    InvalidInputError,
    /// `VerificationError`: `verify` rejected a request.
    VerificationError,
    /// `UnexpectedResponseError`: the gateway's answer is not a balance.
    UnexpectedResponseError,
    /// `InternalError`: a bug in this SDK or a failure of the machine.
    InternalError,
}

impl PythonBase {
    /// The class's name in `paynet_oauth`.
    pub fn class_name(self) -> &'static str {
        match self {
            PythonBase::PaynetError => "PaynetError",
            PythonBase::InvalidInputError => "InvalidInputError",
            PythonBase::VerificationError => "VerificationError",
            PythonBase::UnexpectedResponseError => "UnexpectedResponseError",
            PythonBase::InternalError => "InternalError",
        }
    }
}

/// One row of [`ERROR_KINDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindInfo {
    /// The kind.
    pub kind: ErrorKind,
    /// The C `paynet_result` value (fixed forever).
    pub number: u32,
    /// The C constant and the Node `code`: `PAYNET_…` (fixed forever).
    pub code: &'static str,
    /// The Python exception class, or `None` for the kinds only C can meet (a NULL
    /// pointer, text that is not UTF-8, a field lookup by number).
    pub python_class: Option<&'static str>,
    /// The base of the Python class.
    pub python_base: PythonBase,
    /// A short English description (the C library's `paynet_result_message`).
    pub summary: &'static str,
}

macro_rules! kinds {
    ($($variant:ident = $number:literal, $code:literal, $class:expr, $base:ident, $summary:literal;)*) => {
        /// What went wrong, as every binding names it. Numbers and names never change.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $(
                #[doc = $summary]
                $variant,
            )*
        }

        /// Every error kind, in the order of their numbers.
        pub const ERROR_KINDS: &[KindInfo] = &[$(KindInfo {
            kind: ErrorKind::$variant,
            number: $number,
            code: $code,
            python_class: $class,
            python_base: PythonBase::$base,
            summary: $summary,
        },)*];
    };
}

kinds! {
    BufferTooSmall = 1, "PAYNET_BUFFER_TOO_SMALL", Some("BufferTooSmallError"), InternalError,
        "output buffer is too small (its len holds the length needed)";
    TooManyParameters = 2, "PAYNET_TOO_MANY_PARAMETERS", Some("TooManyParametersError"), InvalidInputError,
        "too many request parameters";
    MalformedUrl = 3, "PAYNET_MALFORMED_URL", Some("MalformedUrlError"), InvalidInputError,
        "malformed URL";
    InvalidMethod = 4, "PAYNET_INVALID_METHOD", Some("InvalidMethodError"), InvalidInputError,
        "invalid HTTP method";
    InvalidPercentEncoding = 5, "PAYNET_INVALID_PERCENT_ENCODING", Some("InvalidPercentEncodingError"), InvalidInputError,
        "invalid percent-encoding";
    MalformedHeader = 6, "PAYNET_MALFORMED_HEADER", Some("MalformedHeaderError"), VerificationError,
        "malformed OAuth Authorization header";
    MissingOAuthParameter = 7, "PAYNET_MISSING_OAUTH_PARAMETER", Some("MissingOAuthParameterError"), VerificationError,
        "a required oauth_* parameter is missing";
    DuplicateOAuthParameter = 8, "PAYNET_DUPLICATE_OAUTH_PARAMETER", Some("DuplicateOAuthParameterError"), VerificationError,
        "an oauth_* parameter appears twice";
    UnsupportedSignatureMethod = 9, "PAYNET_UNSUPPORTED_SIGNATURE_METHOD", Some("UnsupportedSignatureMethodError"), VerificationError,
        "unsupported oauth_signature_method (only HMAC-SHA1)";
    UnsupportedVersion = 10, "PAYNET_UNSUPPORTED_VERSION", Some("UnsupportedVersionError"), VerificationError,
        "unsupported oauth_version (only 1.0)";
    OAuthParameterMismatch = 11, "PAYNET_OAUTH_PARAMETER_MISMATCH", Some("OAuthParameterMismatchError"), VerificationError,
        "an oauth_* parameter of the body differs from the header";
    InvalidTimestamp = 12, "PAYNET_INVALID_TIMESTAMP", Some("InvalidTimestampError"), VerificationError,
        "oauth_timestamp is not a number of seconds";
    TimestampOutOfWindow = 13, "PAYNET_TIMESTAMP_OUT_OF_WINDOW", Some("TimestampOutOfWindowError"), VerificationError,
        "oauth_timestamp is outside the allowed window";
    SignatureMismatch = 14, "PAYNET_SIGNATURE_MISMATCH", Some("SignatureMismatchError"), VerificationError,
        "signature does not match";
    WriteFailed = 15, "PAYNET_WRITE_FAILED", Some("WriteFailedError"), InternalError,
        "the output could not be written";
    InvalidParameter = 16, "PAYNET_INVALID_PARAMETER", Some("InvalidParameterError"), InvalidInputError,
        "a request parameter is not allowed or is empty";
    NullArgument = 100, "PAYNET_NULL_ARGUMENT", None, PaynetError,
        "a required pointer is NULL";
    InvalidUtf8 = 101, "PAYNET_INVALID_UTF8", None, PaynetError,
        "a text input is not UTF-8";
    Panic = 102, "PAYNET_PANIC", None, InternalError,
        "internal error (panic caught at the C boundary)";
    InvalidInput = 103, "PAYNET_INVALID_INPUT", Some("InvalidInputError"), PaynetError,
        "invalid input";
    FieldAbsent = 104, "PAYNET_FIELD_ABSENT", None, PaynetError,
        "the balance has no such field";
    Internal = 105, "PAYNET_INTERNAL", Some("InternalError"), PaynetError,
        "internal error (a bug or a failure of the machine: please report it)";
    GatewayError = 200, "PAYNET_GATEWAY_ERROR", Some("GatewayError"), PaynetError,
        "the gateway answered with an error-message";
    AccessDenied = 201, "PAYNET_ACCESS_DENIED", Some("AccessDeniedError"), PaynetError,
        "access denied (HTTP 403)";
    HttpError = 202, "PAYNET_HTTP_ERROR", Some("HttpError"), PaynetError,
        "the gateway answered with an HTTP error status";
    UnexpectedResponse = 203, "PAYNET_UNEXPECTED_RESPONSE", Some("UnexpectedResponseError"), PaynetError,
        "unexpected response from the gateway";
    ResponseTooLarge = 204, "PAYNET_RESPONSE_TOO_LARGE", Some("ResponseTooLargeError"), UnexpectedResponseError,
        "the gateway's response is larger than the client's limit";
    Timeout = 205, "PAYNET_TIMEOUT", Some("PaynetTimeoutError"), PaynetError,
        "the gateway did not answer in time";
    Transport = 206, "PAYNET_TRANSPORT", Some("TransportError"), PaynetError,
        "cannot reach the gateway (connection refused, TLS, DNS, ...)";
}

impl ErrorKind {
    /// This kind's row of [`ERROR_KINDS`].
    pub fn info(self) -> &'static KindInfo {
        ERROR_KINDS
            .iter()
            .find(|row| row.kind == self)
            .unwrap_or(&ERROR_KINDS[0])
    }

    /// The stable `PAYNET_…` name (C constant, Node `code`).
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// The stable number (C `paynet_result` value).
    pub fn number(self) -> u32 {
        self.info().number
    }

    /// The kind of an error of the signing core: exactly one per core error.
    pub fn of_core(error: paynet_oauth::Error) -> Self {
        use paynet_oauth::Error as E;
        match error {
            E::BufferTooSmall { .. } => ErrorKind::BufferTooSmall,
            E::TooManyParameters => ErrorKind::TooManyParameters,
            E::MalformedUrl => ErrorKind::MalformedUrl,
            E::InvalidMethod => ErrorKind::InvalidMethod,
            E::InvalidPercentEncoding => ErrorKind::InvalidPercentEncoding,
            E::MalformedHeader => ErrorKind::MalformedHeader,
            E::MissingOAuthParameter => ErrorKind::MissingOAuthParameter,
            E::DuplicateOAuthParameter => ErrorKind::DuplicateOAuthParameter,
            E::UnsupportedSignatureMethod => ErrorKind::UnsupportedSignatureMethod,
            E::UnsupportedVersion => ErrorKind::UnsupportedVersion,
            E::OAuthParameterMismatch => ErrorKind::OAuthParameterMismatch,
            E::InvalidTimestamp => ErrorKind::InvalidTimestamp,
            E::TimestampOutOfWindow => ErrorKind::TimestampOutOfWindow,
            E::SignatureMismatch => ErrorKind::SignatureMismatch,
            E::WriteFailed => ErrorKind::WriteFailed,
            E::InvalidParameter => ErrorKind::InvalidParameter,
            _ => ErrorKind::Internal,
        }
    }

    /// The kind of a gateway answer that is not a balance: exactly one per variant,
    /// whether a transport fetched the answer or the caller parsed it.
    pub fn of_response(error: &paynet_api::ResponseError) -> Self {
        use paynet_api::ResponseError as R;
        match error {
            R::Gateway { .. } => ErrorKind::GatewayError,
            R::AccessDenied { .. } => ErrorKind::AccessDenied,
            R::Http { .. } => ErrorKind::HttpError,
            _ => ErrorKind::UnexpectedResponse,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_and_numbers_are_unique_and_sorted() {
        let codes: HashSet<_> = ERROR_KINDS.iter().map(|k| k.code).collect();
        let numbers: HashSet<_> = ERROR_KINDS.iter().map(|k| k.number).collect();
        assert_eq!(codes.len(), ERROR_KINDS.len());
        assert_eq!(numbers.len(), ERROR_KINDS.len());
        assert!(ERROR_KINDS.windows(2).all(|w| w[0].number < w[1].number));
        assert!(ERROR_KINDS.iter().all(|k| k.code.starts_with("PAYNET_")));
        for row in ERROR_KINDS {
            assert_eq!(row.kind.info(), row);
        }
    }

    #[test]
    fn every_core_error_has_its_own_kind() {
        let all = crate::CORE_ERRORS;
        let kinds: HashSet<_> = all.iter().map(|e| ErrorKind::of_core(*e)).collect();
        assert_eq!(kinds.len(), all.len());
        assert!(!kinds.contains(&ErrorKind::Internal));
    }
}
