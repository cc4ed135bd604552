//! `verify` and `Signer#verify`: a server's check of a signed request, through
//! [`paynet_bind::verify`]. `main.js` has checked the argument types.

use napi::Env;
use napi_derive::napi;

use crate::errors::js;
use crate::signing::Signer;

/// What `verify` needs: the request as the server received it and the secrets.
#[napi(object, object_to_js = false)]
pub struct VerifyRequest {
    /// The HTTP method.
    pub method: String,
    /// The absolute request URL (scheme and host as the client addressed them).
    pub url: String,
    /// The raw `application/x-www-form-urlencoded` body.
    pub body: String,
    /// The `Authorization` header value.
    pub authorization_header: String,
    /// The consumer secret (the control key of the consumer key in the header).
    pub consumer_secret: String,
    /// The token secret; default empty.
    pub token_secret: Option<String>,
    /// The server's Unix time in seconds; default now.
    pub now: Option<f64>,
    /// The accepted clock skew in seconds; default 300.
    pub window: Option<f64>,
}

/// What `Signer#verify` needs: a `VerifyRequest` without the secrets.
#[napi(object, object_to_js = false)]
pub struct SignerVerifyRequest {
    /// The HTTP method.
    pub method: String,
    /// The absolute request URL.
    pub url: String,
    /// The raw form body.
    pub body: String,
    /// The `Authorization` header value.
    pub authorization_header: String,
    /// The server's Unix time in seconds; default now.
    pub now: Option<f64>,
    /// The accepted clock skew in seconds; default 300.
    pub window: Option<f64>,
}

/// What a successful verification established.
#[napi(object)]
pub struct Verified {
    /// `oauth_consumer_key` (the login), decoded.
    pub consumer_key: String,
    /// `oauth_token`, decoded, when the request had one.
    pub token: Option<String>,
    /// `oauth_nonce`, decoded (keep it for the window to refuse replays).
    pub nonce: String,
    /// `oauth_timestamp` in Unix seconds.
    pub timestamp: f64,
}

/// The default accepted clock skew, in seconds.
const DEFAULT_WINDOW: u64 = 300;

// `main.js` passes whole numbers from 0 to 2^53 only: the casts are exact.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]
fn run(
    env: &Env,
    signer: &paynet_oauth::Signer,
    r: (&str, &str, &str, &str),
    now: Option<f64>,
    window: Option<f64>,
) -> napi::Result<Verified> {
    let window = window.map_or(DEFAULT_WINDOW, |w| w as u64);
    let v = js(
        env,
        paynet_bind::verify(signer, r.0, r.1, r.2, r.3, now.map(|n| n as u64), window),
    )?;
    Ok(Verified {
        consumer_key: v.consumer_key,
        token: v.token,
        nonce: v.nonce,
        timestamp: v.timestamp as f64,
    })
}

/// Verifies a signed request: the signature (compared in constant time), the body's
/// copies of the `oauth_*` values and the timestamp window. Returns what it
/// established, or throws an `Error` whose `code` says what failed
/// (`PAYNET_SIGNATURE_MISMATCH`, `PAYNET_TIMESTAMP_OUT_OF_WINDOW`, …).
#[napi]
pub fn verify(env: Env, request: VerifyRequest) -> napi::Result<Verified> {
    let r = request;
    let signer =
        paynet_oauth::Signer::new(&r.consumer_secret, r.token_secret.as_deref().unwrap_or(""));
    let parts = (&*r.method, &*r.url, &*r.body, &*r.authorization_header);
    run(&env, &signer, parts, r.now, r.window)
}

#[napi]
impl Signer {
    /// Verifies an incoming request with this signer's key (see `verify`).
    #[napi]
    pub fn verify(&self, env: Env, request: SignerVerifyRequest) -> napi::Result<Verified> {
        let r = request;
        let parts = (&*r.method, &*r.url, &*r.body, &*r.authorization_header);
        run(&env, self.key(), parts, r.now, r.window)
    }
}
