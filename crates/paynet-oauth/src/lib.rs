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
//! string's constant start once, for repeated calls.
//!
//! # Features
//!
//! - `template-writer` (default): the base string is written template-style (whole
//!   constant pieces, runs of unreserved bytes copied at once, a local write position)
//!   into a 320-byte stack buffer that the HMAC takes one fill at a time, and the header
//!   and body the same way into the caller's buffer; the URL is scanned eight bytes at a
//!   time. About 10% faster signing for about 4 KiB more code.
//! - `rustcrypto-sha1` (default): RustCrypto's `sha1` and `hmac` (unrolled rounds, the
//!   CPU's SHA extensions on x86 and aarch64). Without it, a small SHA-1 of the crate's
//!   own (the rounds in one loop), about 2.8 KiB less code on a Cortex-M0, slower.
//!
//! Every std crate of this workspace has both (`paynet-api` turns them on). Firmware
//! takes neither (`default-features = false`, the size-first build: the Cortex-M0 size
//! figure and the `no_std` builds): every output is streamed piece by piece through one
//! writer, and the base string through a 128-byte block buffer into the HMAC. Both
//! builds give byte-identical results; the tests run in both.
#![no_std]
#![forbid(unsafe_code)]

mod ascii;
mod b64;
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
