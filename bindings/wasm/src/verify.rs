//! `verify` and `Signer#verify`: checking an incoming signed request (the npm
//! package's, not the Request Builder page's: the page signs only).

use paynet_bind::{Failure, VerifiedRequest};
use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::host;
use crate::inputs::Fields;
use crate::outputs::Plain;
use crate::signing::Signer;

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

/// What `verify` reads besides the secrets, read in the order the Node addon checks it
/// (so the first wrong field named is the same in both).
struct Incoming {
    method: String,
    url: String,
    body: String,
    header: String,
    now: u64,
    window: u64,
}

impl Incoming {
    /// `method, url, body, authorizationHeader, now?, window?`; `now` defaults to
    /// `Date.now()`.
    fn read(fields: &Fields<'_>) -> Result<Self, Failure> {
        Ok(Incoming {
            method: fields.string("method")?,
            url: fields.string("url")?,
            body: fields.string("body")?,
            header: fields.string("authorizationHeader")?,
            now: fields.opt_u64("now")?.unwrap_or_else(host::now),
            window: fields
                .opt_u64("window")?
                .unwrap_or(paynet_bind::DEFAULT_WINDOW),
        })
    }

    /// Verifies it with `signer`.
    fn verify(&self, signer: &paynet_oauth::Signer) -> Result<JsValue, Failure> {
        paynet_bind::verify(
            signer,
            &self.method,
            &self.url,
            &self.body,
            &self.header,
            Some(self.now),
            self.window,
        )
        .map(verified)
    }
}

/// Verifies a signed request (signature in constant time, the body's copies of the
/// `oauth_*` values, the timestamp window): `{method, url, body, authorizationHeader,
/// consumerSecret, tokenSecret?, now?, window?}` → `{consumerKey, nonce, timestamp,
/// token?}`, or throws an `Error` whose `code` says what failed.
#[wasm_bindgen(js_name = verify)]
pub fn verify(request: &JsValue) -> Result<JsValue, JsValue> {
    thrown(|| {
        let fields = Fields::of(request, "request")?;
        let incoming = Incoming::read(&fields)?;
        let secret = fields.string("consumerSecret")?;
        let token_secret = fields.opt_string("tokenSecret")?.unwrap_or_default();
        incoming.verify(&paynet_oauth::Signer::new(&secret, &token_secret))
    })
}

#[wasm_bindgen]
impl Signer {
    /// Verifies an incoming request with this key (a `verify` request without the
    /// secrets).
    pub fn verify(&self, request: &JsValue) -> Result<JsValue, JsValue> {
        thrown(|| Incoming::read(&Fields::of(request, "request")?)?.verify(&self.inner))
    }
}
