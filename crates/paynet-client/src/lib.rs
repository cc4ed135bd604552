//! The HTTP transport of the paynet-oauth SDK: signed balance requests to a
//! PaynetEasy-style gateway over reqwest and rustls (no OpenSSL).
//!
//! ```no_run
//! use paynet_client::{Client, ControlKey, Gateway};
//!
//! async fn print_balances() -> Result<(), paynet_client::Error> {
//!     let gateway = Gateway::from_str_or_preset("payneteasy-sandbox").expect("preset");
//!     let key = ControlKey::new("F9F65098-…");
//!     let client = Client::builder(gateway, "BalanceTestManager", key).build()?;
//!     for balance in client.get_manager_balances("BalanceTestManager", None).await? {
//!         println!("{} {} {}", balance.name, balance.amount, balance.currency);
//!     }
//!     Ok(())
//! }
//! ```
//!
//! A command held as data goes through [`Client::execute`]; [`Command`] and
//! [`Response`] are re-exported here, so this crate is the only dependency needed:
//!
//! ```no_run
//! use paynet_client::{Client, Command, Response};
//!
//! async fn print_endpoint(client: &Client) -> Result<(), paynet_client::Error> {
//!     let command = Command::endpoint_balance("1", "Test")?;
//!     if let Response::EndpointBalance(balance) = client.execute(&command).await? {
//!         println!("{}", balance.balance_amount);
//!     }
//!     Ok(())
//! }
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
/// A validated balance command, for [`Client::execute`] (re-exported from paynet-api).
pub use paynet_api::Command;
/// What [`Client::execute`] returns: the parsed answer of any command (re-exported from
/// paynet-api).
pub use paynet_api::Response;
pub use paynet_api::{Balance, EndpointBalance, Gateway, ResponseError};
pub use secret::ControlKey;
pub use sign_request::sign_request;
pub use source::{Clock, NonceSource, OsNonce, SystemClock, random_nonce};
