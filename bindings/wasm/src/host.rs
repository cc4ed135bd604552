//! What the `os` feature of the layer gives elsewhere, taken from the JavaScript host:
//! the time from `Date.now()`, the random bytes of nonces from `crypto.getRandomValues`.

use paynet_bind::{Failure, NONCE_LEN};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `globalThis.crypto.getRandomValues` (browsers, workers, Deno, Node 19+).
    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(bytes: &mut [u8]) -> Result<(), JsValue>;
}

/// The current Unix time in whole seconds, from `Date.now()`.
pub(crate) fn now() -> u64 {
    let millis = js_sys::Date::now();
    // Date.now() is a whole number of milliseconds well below 2^53; before 1970 is 0.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let seconds = (millis / 1000.0).floor().max(0.0) as u64;
    seconds
}

/// A fresh nonce: [`NONCE_LEN`] characters of `[A-Za-z0-9]` from the host's CSPRNG.
pub(crate) fn fresh_nonce() -> Result<String, Failure> {
    paynet_api::nonce_with(NONCE_LEN, get_random_values).map_err(|e| {
        Failure::internal(format!(
            "crypto.getRandomValues failed: {}",
            crate::errors::describe(&e)
        ))
    })
}
