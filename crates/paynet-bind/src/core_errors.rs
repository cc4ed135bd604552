//! [`CORE_ERRORS`]: one value of every error of the signing core, so that each binding's
//! test can check its own mapping of every one (C code, Python class, Node `code`).

use paynet_oauth::Error;

/// One value of each variant of the core's [`Error`] (a new variant belongs here, and
/// then every binding's test checks it has a code of its own).
pub const CORE_ERRORS: [Error; 16] = [
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_core_error_is_listed_once_with_its_own_message() {
        let messages: std::collections::HashSet<_> =
            CORE_ERRORS.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), CORE_ERRORS.len());
    }
}
