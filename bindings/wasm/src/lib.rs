//! The WebAssembly build of paynet-oauth (wasm-bindgen): `sign`, `Signer`, `verify`,
//! `percentEncode`, `parseResponse`, `signForm`, `errorKinds` and the balance `Client`
//! (its wasm side; js/client.js runs it on `fetch`) with the names, argument shapes, results and
//! error `code`s of the Node addon, for browsers, Deno, workers and Node.
//!
//! A thin binding over `paynet-bind` (without its `os` and `client` features): this
//! crate reads JavaScript values into the layer's types and turns its results and
//! [`paynet_bind::Failure`]s back into JavaScript. The time comes from `Date.now()`
//! and nonces from `crypto.getRandomValues` (the module `host`).
//!
//! The cargo features `package` and `client` (both default) are everything else the npm
//! package exports. Without them the build is the Request Builder page's: `sign`,
//! `Signer`, `percentEncode`, `commandRequest` and `signCommand` only, since the page
//! signs and never verifies, parses an answer or sends (its .wasm is about half the
//! package's).
#![forbid(unsafe_code)]

#[cfg(feature = "client")]
mod client;
mod command;
mod errors;
#[cfg(feature = "package")]
mod form;
mod host;
mod inputs;
mod outputs;
#[cfg(feature = "package")]
mod responses;
mod signing;
#[cfg(feature = "package")]
mod verify;

#[cfg(feature = "client")]
pub use client::{ClientCall, ClientCore};
pub use command::{command_request, sign_command};
#[cfg(feature = "package")]
pub use form::{error_kinds, sign_form};
#[cfg(feature = "package")]
pub use responses::parse_response;
pub use signing::{Signer, percent_encode, sign};
#[cfg(feature = "package")]
pub use verify::verify;
