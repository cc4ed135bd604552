//! The WebAssembly build of paynet-oauth (wasm-bindgen): `sign`, `Signer`, `verify`,
//! `percentEncode`, `parseResponse`, `signForm`, `errorKinds` and the balance `Client`
//! (its wasm side; js/client.js runs it on `fetch`) with the names, argument shapes, results and
//! error `code`s of the Node addon, for browsers, Deno, workers and Node.
//!
//! A thin binding over `paynet-bind` (without its `os` and `client` features): this
//! crate reads JavaScript values into the layer's types and turns its results and
//! [`paynet_bind::Failure`]s back into JavaScript. The time comes from `Date.now()`
//! and nonces from `crypto.getRandomValues` (the module `host`).
#![forbid(unsafe_code)]

#[cfg(feature = "client")]
mod client;
mod command;
mod errors;
mod form;
mod host;
mod inputs;
mod outputs;
mod responses;
mod signing;

#[cfg(feature = "client")]
pub use client::{ClientCall, ClientCore};
pub use command::command_request;
pub use form::{error_kinds, sign_form};
pub use responses::parse_response;
pub use signing::{Signer, percent_encode, sign, verify};
