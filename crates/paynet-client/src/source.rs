//! Where timestamps and nonces come from: the system clock and a CSPRNG seeded by the
//! OS (`paynet_api::random_nonce`) by default, replaceable for tests.

use std::time::{SystemTime, UNIX_EPOCH};

/// Supplies `oauth_timestamp` (Unix seconds).
pub trait Clock: Send + Sync {
    /// The current Unix time in seconds.
    fn now(&self) -> u64;
}

/// Supplies `oauth_nonce`.
pub trait NonceSource: Send + Sync {
    /// A fresh nonce: at least 11 characters of `[A-Za-z0-9]`, never repeated.
    fn nonce(&self) -> Result<String, getrandom::Error>;
}

/// The system clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }
}

/// 16 characters of `[A-Za-z0-9]` from `paynet_api::random_nonce`: a ChaCha20 stream per
/// thread, seeded from the operating system's CSPRNG and again after a fork.
#[derive(Clone, Copy, Debug, Default)]
pub struct OsNonce;

impl NonceSource for OsNonce {
    fn nonce(&self) -> Result<String, getrandom::Error> {
        random_nonce(paynet_api::NONCE_LEN)
    }
}

pub use paynet_api::random_nonce;

impl<F: Fn() -> u64 + Send + Sync> Clock for F {
    fn now(&self) -> u64 {
        self()
    }
}
