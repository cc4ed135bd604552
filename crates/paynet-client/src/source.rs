//! Where timestamps and nonces come from: the system clock and the OS CSPRNG by
//! default, replaceable for tests.

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

/// 16 characters of `[A-Za-z0-9]` from the operating system's CSPRNG.
#[derive(Clone, Copy, Debug, Default)]
pub struct OsNonce;

impl NonceSource for OsNonce {
    fn nonce(&self) -> Result<String, getrandom::Error> {
        random_nonce(16)
    }
}

/// `len` characters of `[A-Za-z0-9]` from the OS CSPRNG, each equally likely.
pub fn random_nonce(len: usize) -> Result<String, getrandom::Error> {
    const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut nonce = String::with_capacity(len);
    while nonce.len() < len {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)?;
        // Rejection sampling: 248 = 4 * 62, so every character is equally likely.
        for b in bytes
            .into_iter()
            .filter(|&b| b < 248)
            .take(len - nonce.len())
        {
            nonce.push(char::from(ALPHABET[usize::from(b % 62)]));
        }
    }
    Ok(nonce)
}

impl<F: Fn() -> u64 + Send + Sync> Clock for F {
    fn now(&self) -> u64 {
        self()
    }
}
