//! The std layer every language binding of paynet-oauth stands on (C, Python, Node).
//!
//! A binding converts its language's values into these types and their results and
//! errors back; everything two bindings would otherwise write twice lives here once:
//!
//! - [`OwnedRequest`] (every option the core takes) signed into an [`OwnedSigned`], which
//!   keeps the signature and writes each output (header, body, normalized parameters,
//!   base string) when it is asked for; [`BorrowedRequest`], the same request borrowing
//!   the caller's texts, for a binding's fast path (its debug outputs computed later,
//!   without the key); [`write_packed`], several outputs in one buffer for a binding
//!   that hands its runtime one string; [`verify`] and [`percent_encode`];
//! - the defaults: one clock ([`now`]), one CSPRNG nonce generator ([`fresh_nonce`]), one
//!   timestamp check ([`check_timestamp`]);
//! - one table of error kinds ([`ErrorKind`], [`ERROR_KINDS`]) with stable names and
//!   numbers, from which the C result codes, the Python exception classes and the Node
//!   error `code`s come, and [`Failure`], the one error every function here returns;
//! - the balance record's fields, enumerable once ([`BalanceField`]), and each balance of
//!   an answer as a [`Record`] that walks them;
//! - client options ([`ClientOptions`]) and the three commands ([`Call`], with the
//!   command names parsed once by [`command_kind`]);
//! - a balance request for a transport that only sends bytes (`fetch`): [`ClientSettings`],
//!   [`Exchange`] and [`ClientLimits`], with the Rust client's policies;
//! - signing a form request built by the caller's own HTTP stack ([`sign_form`]);
//! - fork safety for a client or runtime a process made ([`PerProcess`]).
//!
//! Features: `os` (default: the OS clock and CSPRNG as defaults) and `client` (default:
//! the balance client). WebAssembly builds without both and supplies the time and the
//! random bytes from JavaScript ([`paynet_api::nonce_with`]).
#![forbid(unsafe_code)]

mod borrowed;
mod clock;
mod command;
mod control_key;
mod core_errors;
mod error_kind;
mod exchange;
mod failure;
mod form_request;
mod limits;
#[cfg(feature = "client")]
mod options;
mod packed;
#[cfg(feature = "os")]
mod per_process;
mod record;
mod request;
mod signed;
mod verify;

pub use borrowed::{BorrowedRequest, DebugOutputs};
pub use clock::{NONCE_LEN, check_timestamp};
#[cfg(feature = "os")]
pub use clock::{fresh_nonce, now};
pub use command::{Answer, Call, command_kind};
pub use control_key::control_key_signer;
pub use core_errors::CORE_ERRORS;
pub use error_kind::{ERROR_KINDS, ErrorKind, KindInfo, PythonBase};
pub use exchange::{ClientSettings, Exchange};
pub use failure::{Failure, JsDetail};
pub use form_request::sign_form;
pub use limits::{
    ClientLimits, JS_CLIENT_OPTIONS, check_js_option_keys, js_gateway, js_number, milliseconds,
    response_cap, seconds,
};
#[cfg(feature = "client")]
pub use options::ClientOptions;
pub use packed::{Output, packed_len, write_packed};
pub use paynet_api::{BalanceField, FieldValue};
#[cfg(feature = "os")]
pub use per_process::PerProcess;
pub use record::{Record, Shaped};
pub use request::OwnedRequest;
pub use signed::OwnedSigned;
pub use verify::{DEFAULT_WINDOW, VerifiedRequest, verify};

/// The Content-Type of every request body the gateway takes.
pub const FORM_CONTENT_TYPE: &str = paynet_api::FORM_CONTENT_TYPE;

/// `text` percent-encoded as RFC 3986 and OAuth 1.0a want it (unreserved characters
/// kept, every other UTF-8 byte as `%XX` with upper-case hex).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(paynet_oauth::percent::encoded_len(text.as_bytes()));
    // Writing into a String cannot fail.
    let _ = paynet_oauth::percent::encode(text.as_bytes(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn percent_encoding_is_rfc_3986() {
        assert_eq!(super::percent_encode("a b+~é"), "a%20b%2B~%C3%A9");
        assert_eq!(super::percent_encode(""), "");
    }
}
