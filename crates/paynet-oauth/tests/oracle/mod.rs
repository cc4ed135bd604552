//! The signing path as it was before the single-pass rewrite (commit 532afb9), kept
//! verbatim as a test oracle: `tests/equivalence.rs` checks that the new path gives the
//! same signature, outputs and errors on every kind of request. Only the module paths
//! were changed (and `Request`'s fields made public so the tests can build one).
#![allow(dead_code, unreachable_pub)]

mod params;
pub mod percent;
mod request;
mod sign;
mod sink;
mod url;

pub use request::Request;
pub use sign::{Signed, Signer};

use paynet_oauth::Error;

/// `verify::parse_timestamp`, as it was.
pub(crate) fn parse_timestamp(text: &str) -> Result<u64, Error> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::InvalidTimestamp);
    }
    text.bytes()
        .try_fold(0u64, |acc, b| {
            acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        })
        .ok_or(Error::InvalidTimestamp)
}
