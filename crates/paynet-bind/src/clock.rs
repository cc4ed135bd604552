//! The defaults every binding uses when the caller leaves them out: the clock, the
//! nonce generator and the check of a timestamp given as text.

use crate::Failure;

/// The length of the nonces this SDK draws.
pub const NONCE_LEN: usize = paynet_api::NONCE_LEN;

/// The current Unix time in whole seconds (0 if the clock is before 1970).
#[cfg(feature = "os")]
pub fn now() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A fresh nonce: [`NONCE_LEN`] characters of `[A-Za-z0-9]` from
/// [`paynet_api::random_nonce`] (a ChaCha20 stream per thread, seeded from the operating
/// system's CSPRNG and seeded again in a forked child, so it stays unique across `fork`).
#[cfg(feature = "os")]
pub fn fresh_nonce() -> Result<String, Failure> {
    paynet_api::random_nonce(NONCE_LEN).map_err(|e| {
        Failure::internal(format!(
            "the operating system's random number generator failed: {e}"
        ))
    })
}

/// Checks a timestamp given as text: Unix seconds in decimal digits, nothing else.
pub fn check_timestamp(text: &str) -> Result<(), Failure> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Failure::invalid_input(format!(
            "timestamp must be a number of seconds since the Unix epoch, not {text:?}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "os")]
    #[test]
    fn defaults() {
        assert!(now() > 1_700_000_000);
        let (a, b) = (fresh_nonce().unwrap(), fresh_nonce().unwrap());
        assert_eq!(a.len(), NONCE_LEN);
        assert_ne!(a, b);
    }

    #[test]
    fn timestamps_are_decimal_digits() {
        assert!(check_timestamp("1337").is_ok());
        for bad in ["", "-1", "1.5", " 1", "１"] {
            assert_eq!(
                check_timestamp(bad).unwrap_err().kind,
                crate::ErrorKind::InvalidInput
            );
        }
    }
}
