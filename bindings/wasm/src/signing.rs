//! `sign`, the reusable `Signer` and `percentEncode` (what the Request Builder page
//! loads; `verify` is in the module `verify`).

use paynet_bind::{Failure, OwnedRequest};
use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::host;
use crate::inputs::{Fields, string_of};
use crate::outputs::signed_request;

/// The request described by `fields` (everything but the secrets), with the timestamp
/// and the nonce filled in from the host when they are left out.
fn request_of(fields: &Fields<'_>) -> Result<OwnedRequest, Failure> {
    let mut request = OwnedRequest::new(
        fields.string("method")?,
        fields.string("url")?,
        fields.string("consumerKey")?,
    );
    request.form = fields.pairs("params")?;
    fill_time(fields, &mut request)?;
    request.token = fields.opt_string("token")?;
    request.version = fields.version()?;
    request.realm = fields.opt_string("realm")?.unwrap_or_default();
    request.oauth_extra = fields.pairs("oauthExtra")?;
    Ok(request)
}

/// Sets the request's `timestamp` and `nonce` from `fields`, or from the host (the
/// clock, `crypto.getRandomValues`) when they are left out.
pub(crate) fn fill_time(fields: &Fields<'_>, request: &mut OwnedRequest) -> Result<(), Failure> {
    request.timestamp = Some(match fields.timestamp()? {
        Some(t) => t,
        None => host::now().to_string(),
    });
    request.nonce = Some(match fields.opt_string("nonce")? {
        Some(n) => n,
        None => host::fresh_nonce()?,
    });
    Ok(())
}

/// Signs one request (OAuth 1.0a, HMAC-SHA1): `{method, url, params?, consumerKey,
/// consumerSecret, token?, tokenSecret?, timestamp?, nonce?, version?, realm?,
/// oauthExtra?}` → `{normalizedParameters, baseString, signature, authorizationHeader,
/// body, timestamp, nonce}`. Throws an `Error` with a `code` for bad input.
#[wasm_bindgen(js_name = sign)]
pub fn sign(request: &JsValue) -> Result<JsValue, JsValue> {
    thrown(|| {
        let fields = Fields::of(request, "request")?;
        // The request's fields first, then the secrets: the Node addon's order, so the
        // first wrong field named is the same in both.
        let request = request_of(&fields)?;
        let secret = fields.string("consumerSecret")?;
        let token_secret = fields.opt_string("tokenSecret")?.unwrap_or_default();
        let signed = request.sign_with_secret(&secret, &token_secret)?;
        Ok(signed_request(&signed))
    })
}

/// `text` percent-encoded as OAuth 1.0a wants it (RFC 3986 unreserved kept, every
/// other UTF-8 byte as `%XX`).
#[wasm_bindgen(js_name = percentEncode)]
pub fn percent_encode(text: &JsValue) -> Result<String, JsValue> {
    thrown(|| {
        Ok(paynet_bind::percent_encode(&string_of(
            text,
            "percentEncode: text",
        )?))
    })
}

/// HMAC-SHA1 keyed once with a consumer secret and a token secret; signs and verifies
/// many requests. The key stays in WebAssembly memory (no JavaScript property holds it).
#[wasm_bindgen]
pub struct Signer {
    pub(crate) inner: paynet_oauth::Signer,
}

#[wasm_bindgen]
impl Signer {
    /// Keys the signer with the consumer secret and the token secret (default empty).
    #[wasm_bindgen(constructor)]
    pub fn new(consumer_secret: &JsValue, token_secret: &JsValue) -> Result<Signer, JsValue> {
        thrown(|| {
            if consumer_secret.is_undefined() || consumer_secret.is_null() {
                return Err(Failure::invalid_input("Signer.consumerSecret is required"));
            }
            let secret = string_of(consumer_secret, "Signer.consumerSecret")?;
            let token = if token_secret.is_undefined() || token_secret.is_null() {
                String::new()
            } else {
                string_of(token_secret, "Signer.tokenSecret")?
            };
            Ok(Signer {
                inner: paynet_oauth::Signer::new(&secret, &token),
            })
        })
    }

    /// Signs one request (a `sign` request without the secrets) with this key.
    pub fn sign(&self, request: &JsValue) -> Result<JsValue, JsValue> {
        thrown(|| {
            let fields = Fields::of(request, "request")?;
            let signed = request_of(&fields)?.sign(&self.inner)?;
            Ok(signed_request(&signed))
        })
    }
}
