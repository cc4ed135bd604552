//! A local PaynetEasy-style gateway for tests, demos and benchmarks: a real HTTP/1.1
//! server that verifies OAuth 1.0a signatures with the same core the clients use and
//! answers the three balance commands like the real gateway, quirks included.
//!
//! It rejects bad signatures, wrong keys, stale timestamps and replayed nonces with the
//! gateway's `403` page, answers unknown providers and balance names with
//! `error-message=…` on HTTP 200, and serves balances from fixtures ([`Fixtures`]:
//! built-in ones from the API docs, or a JSON file), by default in the documented
//! format with its trailing commas. [`Faults`] make it drop connections, stall or
//! answer with another status, for the clients' failure tests.
#![forbid(unsafe_code)]

mod connections;
mod faults;
mod fixtures;
mod handler;
mod nonce_store;
mod server;

pub use faults::{Chaos, EndlessBody, Faults};
pub use fixtures::{
    Account, AccountKind, BalanceFixture, DOCS_CONTROL_KEY, EndpointFixture, Fixtures,
};
pub use nonce_store::NonceStore;
pub use paynet_api::Format;
pub use server::{API_PREFIX, BackgroundMock, MockConfig, MockGateway};
