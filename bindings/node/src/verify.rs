//! `verify` and `Signer#verify`: a server's check of a signed request, through
//! [`paynet_bind::verify`]. `main.js` has checked the argument types.

use napi::Env;
use napi_derive::napi;

use crate::errors::js;
use crate::signing::Signer;

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

// `main.js` passes whole numbers from 0 to 2^53 only: the casts are exact.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]
fn run(
    env: &Env,
    signer: &paynet_oauth::Signer,
    r: &SignerVerifyRequest,
) -> napi::Result<Verified> {
    let now = r.now.map(|n| n as u64);
    let window = r.window.map_or(paynet_bind::DEFAULT_WINDOW, |w| w as u64);
    let (method, url, body) = (&r.method, &r.url, &r.body);
    let header = &r.authorization_header;
    let v = js(
        env,
        paynet_bind::verify(signer, method, url, body, header, now, window),
    )?;
    Ok(Verified {
        consumer_key: v.consumer_key,
        token: v.token,
        nonce: v.nonce,
        timestamp: v.timestamp as f64,
    })
}

/// `verify` (typed in index.d.ts): the secrets, then the request as received.
#[napi(skip_typescript)]
pub fn verify(
    env: Env,
    consumer_secret: String,
    token_secret: Option<String>,
    request: SignerVerifyRequest,
) -> napi::Result<Verified> {
    let signer = paynet_oauth::Signer::new(&consumer_secret, token_secret.as_deref().unwrap_or(""));
    run(&env, &signer, &request)
}

#[napi]
impl Signer {
    /// Verifies an incoming request with this signer's key (see `verify`).
    #[napi]
    pub fn verify(&self, env: Env, request: SignerVerifyRequest) -> napi::Result<Verified> {
        run(&env, self.key(), &request)
    }
}
