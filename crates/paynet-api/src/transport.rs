//! The policies every transport of the SDK applies, whatever sends the bytes (reqwest in
//! `paynet-client`, `fetch` in the WebAssembly build): the defaults, the checks of a
//! client's settings, the response size cap, the retry rule and the transport's own
//! failures with their messages.

use std::fmt;
use std::time::Duration;

use crate::error::GatewayError;
use crate::gateway::Gateway;

/// How long one attempt may take from connect to the last byte, by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// How long connecting may take, by default.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How many times a failure before any response is retried, by default.
pub const DEFAULT_RETRIES: u32 = 2;
/// The default cap on a response body: 1 MiB (a balance answer is a few hundred bytes).
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 1_048_576;

/// A control key as the gateway knows it: surrounding white space (a key file's
/// trailing newline, a pasted space) removed. Every surface that takes a control key
/// (the clients, `signForm` and the auth classes, the CLI) reads it through this, so a
/// key signs alike everywhere; a generic OAuth consumer secret (`sign`, `Signer`) is
/// used exactly as given.
pub fn control_key_text(key: &str) -> &str {
    key.trim()
}

/// Checks what a client is built from: a login of 1 to [`crate::MAX_ID_LEN`]
/// characters (as every command signs it), a non-empty control key, and the
/// plain-http policy ([`Gateway::check_plain_http`]).
pub fn check_client(
    gateway: &Gateway,
    login: &str,
    control_key: &str,
    allow_http: bool,
) -> Result<(), ClientConfigError> {
    if login.is_empty() {
        return Err(ClientConfigError::EmptyLogin);
    }
    crate::check_login(login).map_err(ClientConfigError::Login)?;
    if control_key.is_empty() {
        return Err(ClientConfigError::EmptyControlKey);
    }
    gateway
        .check_plain_http(allow_http)
        .map_err(ClientConfigError::Gateway)
}

/// Checks a client's limits, the rule every surface applies before it builds a client
/// (the Rust builder, and the bindings after reading their own units): each timeout
/// more than zero (a zero one would fail every call as "did not answer in time") and a
/// response cap of at least 1 byte (a zero one would refuse every answer). `timeout`
/// and `connect_timeout` are named so in the message.
pub fn check_limits(
    timeout: Duration,
    connect_timeout: Duration,
    max_response_bytes: usize,
) -> Result<(), ClientConfigError> {
    check_timeout("timeout", timeout)?;
    check_timeout("connect_timeout", connect_timeout)?;
    if max_response_bytes == 0 {
        return Err(ClientConfigError::ZeroMaxResponseBytes);
    }
    Ok(())
}

/// Refuses a zero timeout, naming it `setting` (see [`check_limits`]).
pub fn check_timeout(setting: &'static str, timeout: Duration) -> Result<(), ClientConfigError> {
    if timeout.is_zero() {
        return Err(ClientConfigError::ZeroTimeout { setting });
    }
    Ok(())
}

/// Why a client cannot be built ([`check_client`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClientConfigError {
    /// The login is empty.
    EmptyLogin,
    /// The login is longer than [`crate::MAX_ID_LEN`] characters.
    Login(crate::CommandError),
    /// The control key is empty.
    EmptyControlKey,
    /// A timeout is zero.
    ZeroTimeout {
        /// The setting, e.g. `timeout`.
        setting: &'static str,
    },
    /// The response cap is 0 bytes.
    ZeroMaxResponseBytes,
    /// The gateway is refused (plain http off the loopback interface).
    Gateway(GatewayError),
}

impl fmt::Display for ClientConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyLogin => f.write_str("the login must not be empty"),
            Self::Login(e) => e.fmt(f),
            Self::EmptyControlKey => f.write_str("the control key must not be empty"),
            Self::ZeroTimeout { setting } => write!(f, "{setting} must be more than 0"),
            Self::ZeroMaxResponseBytes => f.write_str("max_response_bytes must be at least 1 byte"),
            Self::Gateway(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ClientConfigError {}

/// Whether attempt number `attempt` (0 for the first) may be followed by another after
/// it failed. Only a failure before any response is retried (the balance commands only
/// read, so sending again is safe), never a timeout, and at most `retries` times; each
/// retry is signed anew (a fresh timestamp and nonce).
pub fn may_retry(attempt: u32, retries: u32, failure: &AttemptFailure) -> bool {
    matches!(failure, AttemptFailure::BeforeResponse) && attempt < retries
}

/// How one attempt failed, for [`may_retry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptFailure {
    /// The connection was refused, reset or closed before any response.
    BeforeResponse,
    /// The time allowed passed.
    Timeout,
    /// The failure came after the response began (e.g. the body was cut off, or the
    /// response is not HTTP).
    AfterResponse,
}

/// The response size cap, applied as the body arrives: to its announced length before
/// reading, then to each chunk, so an endless body costs at most the cap plus one
/// chunk of memory before the read is abandoned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyCap {
    limit: usize,
    read: usize,
}

impl BodyCap {
    /// A cap of `limit` bytes, nothing read yet.
    pub fn new(limit: usize) -> Self {
        BodyCap { limit, read: 0 }
    }

    /// The cap, in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Refuses a body whose announced length (`Content-Length`) is over the cap.
    pub fn announced(&self, length: Option<u64>) -> Result<(), TransportError> {
        match length {
            Some(n) if n > self.limit as u64 => Err(self.too_large()),
            _ => Ok(()),
        }
    }

    /// Counts a chunk of `len` bytes; refuses it when the body would pass the cap.
    pub fn take(&mut self, len: usize) -> Result<(), TransportError> {
        // `read <= limit` always holds here.
        if len > self.limit - self.read {
            return Err(self.too_large());
        }
        self.read += len;
        Ok(())
    }

    fn too_large(&self) -> TransportError {
        TransportError::TooLarge { limit: self.limit }
    }
}

/// A failure of the transport itself, with the message every binding shows.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportError {
    /// The body passed the cap ([`BodyCap`]); reading stopped there.
    TooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// The connect or the total timeout passed.
    Timeout,
    /// The gateway could not be reached (refused, reset, TLS, DNS) after all retries.
    Unreachable {
        /// What the transport said.
        reason: String,
    },
    /// The gateway answered, but its response could not be read: not HTTP, a head
    /// larger than the transport reads, or a body cut off. Not sent again.
    Unreadable {
        /// What the transport said.
        reason: String,
    },
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { limit } => write!(
                f,
                "the gateway's response is larger than the limit of {limit} bytes; reading stopped there"
            ),
            Self::Timeout => f.write_str("the gateway did not answer in time"),
            Self::Unreachable { reason } => write!(f, "cannot reach the gateway: {reason}"),
            Self::Unreadable { reason } => {
                write!(f, "the gateway's response could not be read: {reason}")
            }
        }
    }
}

impl std::error::Error for TransportError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_counts_every_chunk_and_the_announced_length() {
        let mut cap = BodyCap::new(10);
        assert_eq!(cap.announced(Some(10)), Ok(()));
        assert_eq!(cap.announced(None), Ok(()));
        assert_eq!(
            cap.announced(Some(11)),
            Err(TransportError::TooLarge { limit: 10 })
        );
        assert_eq!(cap.take(4), Ok(()));
        assert_eq!(cap.take(6), Ok(()));
        assert_eq!(cap.take(0), Ok(()));
        assert_eq!(cap.take(1), Err(TransportError::TooLarge { limit: 10 }));
        let mut cap = BodyCap::new(3);
        assert!(cap.take(usize::MAX).is_err());
    }

    #[test]
    fn only_failures_before_a_response_are_retried() {
        let before = AttemptFailure::BeforeResponse;
        assert!(may_retry(0, 2, &before));
        assert!(may_retry(1, 2, &before));
        assert!(!may_retry(2, 2, &before));
        assert!(!may_retry(0, 0, &before));
        assert!(!may_retry(0, 2, &AttemptFailure::Timeout));
        assert!(!may_retry(0, 2, &AttemptFailure::AfterResponse));
    }

    #[test]
    fn zero_limits_are_refused() {
        let second = Duration::from_secs(1);
        assert_eq!(check_limits(second, second, 1), Ok(()));
        assert_eq!(
            check_limits(Duration::ZERO, second, 1)
                .unwrap_err()
                .to_string(),
            "timeout must be more than 0"
        );
        assert_eq!(
            check_limits(second, Duration::ZERO, 1)
                .unwrap_err()
                .to_string(),
            "connect_timeout must be more than 0"
        );
        assert_eq!(
            check_limits(second, second, 0).unwrap_err().to_string(),
            "max_response_bytes must be at least 1 byte"
        );
        assert!(check_timeout("t", Duration::from_nanos(1)).is_ok());
    }

    #[test]
    fn client_settings_are_checked() {
        let local = Gateway::parse("http://127.0.0.1:9/paynet/api/v2").unwrap();
        let remote = Gateway::parse("http://example.com/paynet/api/v2").unwrap();
        assert_eq!(check_client(&local, "l", "k", false), Ok(()));
        assert_eq!(
            check_client(&local, "", "k", false),
            Err(ClientConfigError::EmptyLogin)
        );
        assert_eq!(
            check_client(&local, "l", "", false)
                .unwrap_err()
                .to_string(),
            "the control key must not be empty"
        );
        assert_eq!(
            check_client(&local, &"l".repeat(300), "k", false)
                .unwrap_err()
                .to_string(),
            "login is longer than 256 characters (300)"
        );
        assert_eq!(check_client(&local, &"l".repeat(256), "k", false), Ok(()));
        let refused = check_client(&remote, "l", "k", false).unwrap_err();
        assert!(
            refused.to_string().contains("refusing plain http://"),
            "{refused}"
        );
        assert_eq!(check_client(&remote, "l", "k", true), Ok(()));
        assert_eq!(
            TransportError::TooLarge { limit: 5 }.to_string(),
            "the gateway's response is larger than the limit of 5 bytes; reading stopped there"
        );
    }
}
