//! The PaynetEasy-style gateway API without I/O: gateways, the three balance commands,
//! and the gateway's responses read into exact, typed results.
//!
//! No sockets, no clock, no random numbers: a transport sends what this crate builds
//! and hands back the status and body it received.
//!
//! ```
//! use paynet_api::{Command, Gateway, parse_balances};
//!
//! let gateway = Gateway::from_str_or_preset("payneteasy-sandbox")?;
//! let command = Command::manager_balances("BalanceTestManager", Some("saa"))?;
//! assert_eq!(
//!     command.url(&gateway),
//!     "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/manager/BalanceTestManager"
//! );
//! assert_eq!(command.form(), [("balance-name", "saa".to_owned())]);
//!
//! let body = b"[{\"name\":\"saa\",\"amount\":219.500,\"currency\":\"USD\",}]";
//! let balances = parse_balances(200, body)?;
//! assert_eq!(balances[0].amount.to_string(), "219.500");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Modules, one concept each: [`Gateway`] (base URLs and presets), [`Command`] (the
//! requests, signed by [`Command::sign`] into a [`SignedRequest`]), [`json`] (the
//! tolerant JSON reader), [`form`] (form fields), the response readers
//! ([`parse_endpoint_balance`], [`parse_balances`], [`parse_response`]), and the
//! writers for a mock gateway ([`render_endpoint_balance`], [`render_balances`],
//! [`render_error_message`]), and the transport policies every sender applies
//! ([`BodyCap`], [`may_retry`], [`check_client`], the defaults, [`TransportError`]).

#![forbid(unsafe_code)]

mod amount;
mod balance_field;
mod command;
mod error;
pub mod form;
mod gateway;
pub mod json;
mod nonce;
mod render;
mod response;
mod sign;
mod transport;

pub use balance_field::{BalanceField, FieldValue};
pub use command::{Command, CommandKind, MAX_ID_LEN, MAX_NAME_LEN, check_login};
pub use error::{CommandError, GatewayError, ResponseError, SignError};
pub use gateway::{Gateway, PRESETS, Scheme, closest_name, closest_preset};
#[cfg(feature = "nonce")]
pub use nonce::random_nonce;
pub use nonce::{NONCE_LEN, nonce_with};
pub use render::{Format, render_balances, render_endpoint_balance, render_error_message};
pub use response::{
    Balance, EndpointBalance, Response, field, parse_balances, parse_endpoint_balance,
    parse_response,
};
pub use rust_decimal::Decimal;
pub use sign::{FORM_CONTENT_TYPE, NotAFormError, SignedRequest, check_form_content_type};
pub use transport::{
    AttemptFailure, BodyCap, ClientConfigError, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_RETRIES, DEFAULT_TIMEOUT, TransportError, check_client,
    check_limits, check_timeout, control_key_text, may_retry,
};
