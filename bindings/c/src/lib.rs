//! The C ABI of paynet-oauth (header: `include/paynet_oauth.h`, conventions:
//! `bindings/c/README.md`).
//!
//! Every function returns a [`paynet_result`]; inputs are pointer + length; outputs go
//! into [`paynet_buffer`]s and are written only when everything succeeded; with the
//! `std` feature every body runs inside a panic boundary.
#![cfg_attr(not(feature = "std"), no_std)]
// The FFI layer is the one place that needs `unsafe`: raw pointers from C.
#![allow(unsafe_code)]
#![allow(non_camel_case_types)]

mod buffer;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "std")]
mod detail;
mod encode;
#[cfg(feature = "std")]
mod form;
#[cfg(feature = "std")]
mod gateway;
mod kinds;
#[cfg(all(test, feature = "std"))]
mod layer_tables;
#[cfg(feature = "std")]
mod response;
mod result;
mod sign;
mod verify;

pub use buffer::{paynet_buffer, paynet_param};
#[cfg(feature = "client")]
pub use client::*;
#[cfg(feature = "std")]
pub use detail::paynet_last_error_detail;
pub use encode::paynet_percent_encode;
#[cfg(feature = "std")]
pub use form::paynet_sign_form;
#[cfg(feature = "std")]
pub use gateway::*;
pub use kinds::{paynet_command_kind, paynet_field};
#[cfg(feature = "std")]
pub use response::*;
pub use result::{paynet_result, paynet_result_message, paynet_version};
pub use sign::*;
pub use verify::{paynet_verified, paynet_verify, paynet_verify_ex};

#[cfg(all(not(feature = "std"), target_os = "none", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // Firmware builds abort on panic; the signing core does not panic on any input.
    loop {}
}
