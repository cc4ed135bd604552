//! OAuth 1.0a HMAC-SHA1 request signing and verification for PaynetEasy-style payment
//! gateways, exactly as RFC 5849 describes it: `#![no_std]`, no allocator, no clock,
//! no random numbers, no `unsafe`.
//!
//! ```
//! use paynet_oauth::{Request, Signer};
//!
//! let form = [("balance-provider", "Test")];
//! let request = Request::new(
//!     "POST",
//!     "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID",
//!     &form,
//!     "balance_test_merchant14",
//!     "1686923599",
//!     "2xGTFuAgetE",
//! );
//! let signer = Signer::new("F9F65098-1111-1111-1111-621611111111", "");
//! let signed = signer.sign(&request)?;
//! assert_eq!(signed.signature(), "CROVVmkEAaZtIzV8pkEZKiHgHps=");
//!
//! let mut header = [0u8; 256];
//! let n = signed.authorization_header_into(&mut header)?;
//! assert!(header[..n].ends_with(b"oauth_signature=\"CROVVmkEAaZtIzV8pkEZKiHgHps%3D\""));
//! # Ok::<(), paynet_oauth::Error>(())
//! ```
//!
//! Each text is classified once (all unreserved: copied, not encoded) and the user's
//! parameters are sorted by index against the pre-sorted `oauth_*` parameters. The
//! signed result keeps the sorted order and the exact length of every output: the
//! header, the body, the normalized parameters and the base string are written on
//! demand, in one pass, into a caller buffer (`*_into`, sized by `*_len`) or any
//! `core::fmt::Write`. An [`EndpointSigner`] (one method and URL) hashes the base
//! string's constant start once, for repeated calls; a [`BoundSigner`] (one request but
//! its timestamp and nonce: a balance poll) hashes everything before the nonce once and
//! sorts the parameters once.
//!
//! # Features
//!
//! Two builds, byte-identical in every result (the tests run in both):
//!
//! - The default build, for servers and every std crate of this workspace
//!   (`paynet-api` turns both features on), is speed-first:
//!   - `template-writer`: the base string is written template-style (whole constant
//!     pieces, runs of unreserved bytes copied at once, a local write position) into a
//!     320-byte stack buffer that the HMAC takes one fill at a time, the header and body
//!     the same way into the caller's buffer, the URL scanned eight bytes at a time, the
//!     writers compiled for each sink and the `oauth_*` run merged into the user's
//!     sorted parameters.
//!   - `rustcrypto-sha1`: RustCrypto's `sha1` and `hmac` (unrolled rounds, the CPU's
//!     SHA extensions on x86 and aarch64).
//! - The size-first build, for firmware (`default-features = false`; the Cortex-M0
//!   size figure and the `no_std` builds are this one): one copy of each writer for
//!   every sink (`dyn`), every output streamed piece by piece, one insertion sort, and
//!   a small SHA-1 of the crate's own (the rounds in one loop, 32-bit words only).
//!   About 8 KiB of `thumbv6m` code for sign + header + body against about 18.7 KiB,
//!   and slower.
#![no_std]
#![forbid(unsafe_code)]

mod ascii;
mod b64;
mod bound;
mod ct;
mod endpoint;
mod error;
mod header;
mod nonce;
mod params;
pub mod percent;
mod plan;
mod request;
#[cfg(feature = "template-writer")]
mod scan;
mod sign;
mod signed;
mod sink;
#[cfg(not(feature = "rustcrypto-sha1"))]
mod small_sha1;
#[cfg(feature = "template-writer")]
mod template;
mod url;
mod verify;

pub use bound::BoundSigner;
pub use ct::ct_eq;
pub use endpoint::EndpointSigner;
pub use error::Error;
pub use header::{AuthorizationHeader, MAX_HEADER_PARAMS};
pub use nonce::{MAX_NONCE_LEN, Nonce};
pub use params::MAX_PARAMS;
pub use request::Request;
pub use sign::{SIGNATURE_LEN, SIGNATURE_METHOD, Signer, sign};
pub use signed::Signed;
pub use url::UrlParts;
pub use verify::{Incoming, TimeWindow, Verified, verify};
