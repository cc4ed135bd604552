//! The native addon of the npm package `paynet-oauth`: it converts JavaScript values
//! to and from `paynet-bind`, the layer under every binding, and nothing more:
//! `sign`/`Signer` (one packed signing path, see `signing`), `verify`, `percentEncode`,
//! `parseResponse`, `signForm` (for `fetch`/undici), the balance `Client` and
//! `errorKinds`. `main.js` checks argument types and names the field in a
//! `PAYNET_INVALID_INPUT` error; every other error comes from one `Failure` conversion.
// The napi-rs macros generate `unsafe` FFI glue (`extern "C"` callbacks, raw
// `napi_value` conversions); this crate writes no `unsafe` of its own.
#![allow(unsafe_code)]

mod client;
mod errors;
mod form;
mod response;
mod signing;
mod verify;

pub use client::Client;
pub use errors::{ErrorKindInfo, error_kinds};
pub use form::{FormRequest, SignedForm, sign_form};
pub use response::parse_response;
pub use signing::{Signer, percent_encode, sign_packed};
pub use verify::{SignerVerifyRequest, Verified, verify};
