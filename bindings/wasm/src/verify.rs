//! `verify` and `Signer#verify`: checking an incoming signed request (the npm
//! package's, not the Request Builder page's: the page signs only).

use paynet_bind::{Failure, VerifiedRequest};
use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::host;
use crate::inputs::Fields;
use crate::outputs::Plain;
use crate::signing::Signer;

/// The accepted clock skew of `verify` when `window` is left out, in seconds.
const DEFAULT_WINDOW: u64 = 300;

/// What `verify` established, as `{consumerKey, nonce, timestamp, token?}`.
fn verified(v: VerifiedRequest) -> JsValue {
    let out = Plain::new();
    out.set("consumerKey", v.consumer_key).set("nonce", v.nonce);
    // A verified timestamp is within the window around now: far below 2^53, exact.
    #[allow(clippy::cast_precision_loss)]
    out.set("timestamp", v.timestamp as f64);
    if let Some(token) = v.token {
        out.set("token", token);
    }
    out.into_js()
}

/// Verifies `fields` (method, url, body, authorizationHeader, now?, window?) with
/// `signer`; `now` defaults to `Date.now()`.
fn verify_with(signer: &paynet_oauth::Signer, fields: &Fields<'_>) -> Result<JsValue, Failure> {
    let now = fields.opt_u64("now")?.unwrap_or_else(host::now);
    let window = fields.opt_u64("window")?.unwrap_or(DEFAULT_WINDOW);
    paynet_bind::verify(
        signer,
        &fields.string("method")?,
        &fields.string("url")?,
        &fields.string("body")?,
        &fields.string("authorizationHeader")?,
        Some(now),
        window,
    )
    .map(verified)
}

/// Verifies a signed request (signature in constant time, the body's copies of the
/// `oauth_*` values, the timestamp window): `{method, url, body, authorizationHeader,
/// consumerSecret, tokenSecret?, now?, window?}` → `{consumerKey, nonce, timestamp,
/// token?}`, or throws an `Error` whose `code` says what failed.
#[wasm_bindgen(js_name = verify)]
pub fn verify(request: &JsValue) -> Result<JsValue, JsValue> {
    thrown(|| {
        let fields = Fields::of(request, "request")?;
        let secret = fields.string("consumerSecret")?;
        let token_secret = fields.opt_string("tokenSecret")?.unwrap_or_default();
        verify_with(&paynet_oauth::Signer::new(&secret, &token_secret), &fields)
    })
}

#[wasm_bindgen]
impl Signer {
    /// Verifies an incoming request with this key (a `verify` request without the
    /// secrets).
    pub fn verify(&self, request: &JsValue) -> Result<JsValue, JsValue> {
        thrown(|| verify_with(&self.inner, &Fields::of(request, "request")?))
    }
}
