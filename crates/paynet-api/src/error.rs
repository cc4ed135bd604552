//! The errors of this crate: one enum per stage (gateway URL, command, response).

use std::fmt;

/// A gateway base URL (or preset name) that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GatewayError {
    /// Neither a preset name nor something that looks like a URL (`scheme://…`, or
    /// text with a `.`, `/` or `:`, which is parsed as a URL and refused for its missing
    /// scheme).
    UnknownPreset {
        /// What was given (trimmed; any user info replaced by `<user info removed>`).
        input: String,
    },
    /// A URL that does not parse or that this client refuses to use.
    InvalidUrl {
        /// What was given, its user info (`user:password@`) replaced by
        /// `<user info removed>@` so that no message or `Debug` output shows a secret.
        input: String,
        /// Why it was refused.
        reason: String,
    },
    /// A plain `http://` gateway off the loopback interface, not explicitly allowed
    /// (see [`crate::Gateway::check_plain_http`]).
    PlainHttp {
        /// The gateway's base URL.
        gateway: String,
    },
}

impl fmt::Display for GatewayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownPreset { input } => {
                write!(f, "gateway {input:?} is not a preset")?;
                if let Some(name) = crate::gateway::closest_preset(input) {
                    write!(f, "; did you mean {name:?}?")?;
                }
                f.write_str(" (presets: ")?;
                for (i, (name, _)) in crate::gateway::PRESETS.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(name)?;
                }
                f.write_str("; or a URL such as https://host/paynet/api/v2)")
            }
            Self::InvalidUrl { input, reason } => {
                write!(f, "invalid gateway URL {input:?}: {reason}")
            }
            Self::PlainHttp { gateway } => write!(
                f,
                "refusing plain http:// for {gateway} (not loopback); use https:// or allow http explicitly"
            ),
        }
    }
}

impl std::error::Error for GatewayError {}

/// A command parameter that fails validation; the message names the parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CommandError {
    /// A required value (or an optional one that was given) is empty.
    Empty {
        /// The parameter, e.g. `balance-provider`.
        param: &'static str,
    },
    /// A value longer than the gateway accepts.
    TooLong {
        /// The parameter, e.g. `balance-name`.
        param: &'static str,
        /// The limit, in characters.
        max: usize,
        /// The length given, in characters.
        len: usize,
    },
    /// An endpoint id or login that is exactly `.` or `..`: a dot segment, which HTTP
    /// clients remove from the path before sending, so the request would not be the one
    /// signed.
    DotSegment {
        /// The parameter, e.g. `endpoint id`.
        param: &'static str,
    },
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty { param } => write!(f, "{param} must not be empty"),
            Self::TooLong { param, max, len } => {
                write!(f, "{param} is longer than {max} characters ({len})")
            }
            Self::DotSegment { param } => write!(
                f,
                "{param} must not be '.' or '..' (HTTP clients remove such path segments, \
                 so the request sent would not be the one signed)"
            ),
        }
    }
}

impl std::error::Error for CommandError {}

/// What a gateway response means when it is not the balance asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseError {
    /// HTTP 200 (or another 2xx) whose body carries `error-message`: the gateway refused
    /// the request, e.g. `Unknown balance provider saa`.
    Gateway {
        /// The decoded `error-message`.
        message: String,
    },
    /// HTTP 403: the signature or the credentials were not accepted, or the feature is
    /// not enabled for the account.
    AccessDenied {
        /// The raw body (lossy UTF-8), for diagnostics.
        body: String,
    },
    /// Any other status outside 2xx.
    Http {
        /// The HTTP status code.
        status: u16,
        /// The raw body (lossy UTF-8), for diagnostics.
        body: String,
    },
    /// A 2xx body that is neither a balance nor an `error-message` (HTML, garbage,
    /// malformed JSON, a missing or malformed amount). Never turned into a zero balance.
    Unexpected {
        /// The raw body (lossy UTF-8), for diagnostics.
        body: String,
        /// What was wrong with it.
        reason: String,
    },
}

impl ResponseError {
    /// A short, stable, snake_case name of the variant (`gateway_error`,
    /// `access_denied`, `http_error`, `unexpected_response`), as used by the test vectors.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Gateway { .. } => "gateway_error",
            Self::AccessDenied { .. } => "access_denied",
            Self::Http { .. } => "http_error",
            Self::Unexpected { .. } => "unexpected_response",
        }
    }

    /// The raw body kept for diagnostics (`None` for a gateway error, whose message is
    /// the useful part).
    pub fn body(&self) -> Option<&str> {
        match self {
            Self::Gateway { .. } => None,
            Self::AccessDenied { body }
            | Self::Http { body, .. }
            | Self::Unexpected { body, .. } => Some(body),
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Gateway { message } => write!(f, "the gateway answered with an error: {message}"),
            Self::AccessDenied { .. } => f.write_str(
                "access denied (HTTP 403): the gateway did not accept the signature or the credentials",
            ),
            Self::Http { status, .. } => write!(f, "the gateway answered with HTTP {status}"),
            Self::Unexpected { reason, .. } => {
                write!(f, "unexpected response from the gateway: {reason}")
            }
        }
    }
}

impl std::error::Error for ResponseError {}

/// Why a command could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignError {
    /// A credential is missing: the login or the control key is empty.
    Parameter(CommandError),
    /// The signing core refused the request (e.g. an empty nonce).
    OAuth(paynet_oauth::Error),
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Parameter(e) => e.fmt(f),
            Self::OAuth(e) => write!(f, "cannot sign the request: {e}"),
        }
    }
}

impl std::error::Error for SignError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Parameter(e) => Some(e),
            Self::OAuth(e) => Some(e),
        }
    }
}

impl From<paynet_oauth::Error> for SignError {
    fn from(e: paynet_oauth::Error) -> Self {
        Self::OAuth(e)
    }
}
