//! The HTTP transport of the paynet-oauth SDK: signed balance requests to a
//! PaynetEasy-style gateway over reqwest and rustls (no OpenSSL).
//!
//! ```no_run
//! use paynet_client::{Client, ControlKey};
//! use paynet_api::Gateway;
//!
//! # async fn run() -> Result<(), paynet_client::Error> {
//! let gateway = Gateway::from_str_or_preset("payneteasy-sandbox").expect("preset");
//! let client = Client::builder(gateway, "BalanceTestManager", ControlKey::new("F9F65098-…")).build()?;
//! for balance in client.get_manager_balances("BalanceTestManager", None).await? {
//!     println!("{} {} {}", balance.name, balance.amount, balance.currency);
//! }
//! # Ok(()) }
//! ```
//!
//! Every attempt is signed with the current time and a fresh CSPRNG nonce; a
//! connection failure before any response is retried (the commands only read) and the
//! retry is signed again. Redirects are not followed. `http://` gateways are refused
//! unless they are on the loopback interface or explicitly allowed. A response body is
//! read up to a cap (1 MiB by default, [`ClientBuilder::max_response_bytes`]) and
//! abandoned beyond it. An answer that is not the balance asked for (the gateway's
//! `error-message`, 403, another status, a body that is not a balance) is
//! [`Error::Response`] holding [`ResponseError`], the same error
//! `paynet_api::parse_response` gives for a body fetched some other way.
#![forbid(unsafe_code)]

pub mod blocking;
mod client;
mod config;
mod error;
mod secret;
mod sign_request;
mod source;

pub use client::Client;
pub use config::{ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES};
pub use error::Error;
pub use paynet_api::{Balance, EndpointBalance, Gateway, ResponseError};
pub use secret::ControlKey;
pub use sign_request::sign_request;
pub use source::{Clock, NonceSource, OsNonce, SystemClock, random_nonce};
