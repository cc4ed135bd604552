//! The WebAssembly build of paynet-oauth (wasm-bindgen): `sign`, `Signer`, `verify`,
//! `percentEncode`, `parseResponse`, `signForm` and `errorKinds` with the names, argument shapes, results and
//! error `code`s of the Node addon, for browsers, Deno, workers and Node.
//!
//! A thin binding over `paynet-bind` (without its `os` and `client` features): this
//! crate reads JavaScript values into the layer's types and turns its results and
//! [`paynet_bind::Failure`]s back into JavaScript. The time comes from `Date.now()`
//! and nonces from `crypto.getRandomValues` (the module `host`).
//!
//! The cargo feature `package` (default) is everything the npm package exports. Without
//! it the build is the Request Builder page's: `sign`, `Signer`, `percentEncode` and
//! `commandRequest` only, since the page signs and never verifies or parses an answer
//! (the .wasm is then about 60% of the package's size).
#![forbid(unsafe_code)]

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

pub use command::command_request;
#[cfg(feature = "package")]
pub use form::{error_kinds, sign_form};
#[cfg(feature = "package")]
pub use responses::parse_response;
pub use signing::{Signer, percent_encode, sign};
#[cfg(feature = "package")]
pub use verify::verify;
