//! The native addon of the npm package `paynet-oauth`: OAuth 1.0a HMAC-SHA1 signing
//! (`sign`, `Signer`, `verify`) over the `paynet-oauth` core, and a balance `Client`
//! over the `paynet-client` transport whose methods return promises.
//!
//! Every error is a JavaScript `Error` with a stable `code` (`PAYNET_*`) and its
//! details as properties; arguments are read field by field so that bad input is a
//! `PAYNET_INVALID_INPUT` error naming the field, never a panic.
// The napi-rs macros generate `unsafe` FFI glue (`extern "C"` callbacks, raw
// `napi_value` conversions); this crate writes no `unsafe` of its own.
#![allow(unsafe_code)]

mod client;
mod errors;
mod inputs;
mod packed;
mod signing;

pub use client::{
    Balance, BalancesArgs, Client, ClientOptions, EndpointBalance, GetBalanceArgs, parse_response,
};
pub use packed::sign_packed;
pub use signing::{
    SignRequest, SignedRequest, Signer, SignerRequest, SignerVerifyRequest, Verified,
    VerifyRequest, sign, verify,
};
