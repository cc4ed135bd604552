//! `sign`, the reusable `Signer` and `verify`.

use napi::Env;
use napi::bindgen_prelude::{Either, Unknown};
use napi_derive::napi;

use paynet_oauth::{AuthorizationHeader, Incoming, Request, Signed, TimeWindow};

use crate::errors::Failure;
use crate::inputs::{self, Fields};

/// What `sign` needs (TypeScript shape; the values are read field by field).
#[napi(object, object_to_js = false)]
#[allow(dead_code)]
pub struct SignRequest {
    /// The HTTP method, e.g. `POST`.
    pub method: String,
    /// The absolute request URL; its query parameters are signed too.
    pub url: String,
    /// The form parameters: an object of strings or an array of `[name, value]` pairs
    /// (repeated names allowed).
    #[napi(ts_type = "Record<string, string> | Array<[string, string]>")]
    pub params: Option<Unknown<'static>>,
    /// `oauth_consumer_key`: the gateway login.
    pub consumer_key: String,
    /// The consumer secret: the gateway's control key.
    pub consumer_secret: String,
    /// `oauth_timestamp` in Unix seconds; default now.
    pub timestamp: Option<Either<f64, String>>,
    /// `oauth_nonce`; default 16 random characters of `[A-Za-z0-9]` from a CSPRNG.
    pub nonce: Option<String>,
    /// `oauth_token` (three-legged OAuth; the gateway does not use it).
    pub token: Option<String>,
    /// The token secret; default empty.
    pub token_secret: Option<String>,
    /// `oauth_version`; default `"1.0"`; `null` leaves it out.
    #[napi(ts_type = "string | null")]
    pub version: Option<String>,
    /// The header's `realm` (not signed); default empty.
    pub realm: Option<String>,
    /// Further `oauth_*` protocol parameters (`oauth_callback`, `oauth_verifier`).
    #[napi(ts_type = "Record<string, string> | Array<[string, string]>")]
    pub oauth_extra: Option<Unknown<'static>>,
}

/// What `Signer#sign` needs: a `SignRequest` without the secrets.
#[napi(object, object_to_js = false)]
#[allow(dead_code)]
pub struct SignerRequest {
    /// The HTTP method, e.g. `POST`.
    pub method: String,
    /// The absolute request URL; its query parameters are signed too.
    pub url: String,
    /// The form parameters: an object of strings or an array of `[name, value]` pairs.
    #[napi(ts_type = "Record<string, string> | Array<[string, string]>")]
    pub params: Option<Unknown<'static>>,
    /// `oauth_consumer_key`: the gateway login.
    pub consumer_key: String,
    /// `oauth_timestamp` in Unix seconds; default now.
    pub timestamp: Option<Either<f64, String>>,
    /// `oauth_nonce`; default 16 random characters of `[A-Za-z0-9]` from a CSPRNG.
    pub nonce: Option<String>,
    /// `oauth_token`.
    pub token: Option<String>,
    /// `oauth_version`; default `"1.0"`; `null` leaves it out.
    #[napi(ts_type = "string | null")]
    pub version: Option<String>,
    /// The header's `realm` (not signed); default empty.
    pub realm: Option<String>,
    /// Further `oauth_*` protocol parameters.
    #[napi(ts_type = "Record<string, string> | Array<[string, string]>")]
    pub oauth_extra: Option<Unknown<'static>>,
}

/// A signed request: what to send, and (to debug a 403) what was signed. Holds no secret.
#[napi(object)]
pub struct SignedRequest {
    /// The normalized parameters (encoded, sorted, joined with `&`).
    pub normalized_parameters: String,
    /// The signature base string that was signed.
    pub base_string: String,
    /// The base64 HMAC-SHA1 signature.
    pub signature: String,
    /// The `Authorization` header value: `OAuth realm="",oauth_version="1.0",…`.
    pub authorization_header: String,
    /// The one-line `application/x-www-form-urlencoded` body: the form parameters and
    /// the `oauth_*` values, encoded and sorted.
    pub body: String,
    /// `oauth_timestamp` as sent.
    pub timestamp: String,
    /// `oauth_nonce` as sent.
    pub nonce: String,
}

/// Everything a signature covers, owned.
struct Description {
    method: String,
    url: String,
    form: Vec<(String, String)>,
    consumer_key: String,
    timestamp: String,
    nonce: String,
    token: Option<String>,
    version: Option<String>,
    realm: Option<String>,
    extra: Vec<(String, String)>,
}

impl Description {
    fn read(fields: &Fields<'_>) -> Result<Self, Failure> {
        Ok(Description {
            method: fields.string(c"method")?,
            url: fields.string(c"url")?,
            form: fields.pairs(c"params")?,
            consumer_key: fields.string(c"consumerKey")?,
            timestamp: fields.timestamp()?,
            nonce: fields.nonce()?,
            token: fields.opt_string(c"token")?,
            version: fields.version()?,
            realm: fields.opt_string(c"realm")?,
            extra: fields.pairs(c"oauthExtra")?,
        })
    }

    /// Signs with `signer` and writes every output.
    fn sign(self, signer: &paynet_oauth::Signer) -> Result<SignedRequest, Failure> {
        let form: Vec<(&str, &str)> = self
            .form
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let extra: Vec<(&str, &str)> = self
            .extra
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let request = Request::new(
            &self.method,
            &self.url,
            &form,
            &self.consumer_key,
            &self.timestamp,
            &self.nonce,
        )
        .with_token(self.token.as_deref())
        .with_version(self.version.as_deref())
        .with_realm(self.realm.as_deref().unwrap_or(""))
        .with_oauth_extra(&extra);
        let signed = signer.sign(&request).map_err(Failure::core)?;
        let out = Outputs::of(&signed).map_err(Failure::core)?;
        Ok(SignedRequest {
            normalized_parameters: out.normalized_parameters,
            base_string: out.base_string,
            signature: signed.signature().to_owned(),
            authorization_header: out.authorization_header,
            body: out.body,
            timestamp: self.timestamp,
            nonce: self.nonce,
        })
    }
}

struct Outputs {
    normalized_parameters: String,
    base_string: String,
    authorization_header: String,
    body: String,
}

impl Outputs {
    fn of(s: &Signed<'_>) -> Result<Self, paynet_oauth::Error> {
        let mut normalized_parameters = String::with_capacity(s.normalized_parameters_len());
        s.write_normalized_parameters(&mut normalized_parameters)?;
        let mut base_string = String::with_capacity(s.base_string_len());
        s.write_base_string(&mut base_string)?;
        let mut authorization_header = String::with_capacity(s.authorization_header_len());
        s.write_authorization_header(&mut authorization_header)?;
        let mut body = String::with_capacity(s.body_len());
        s.write_body(&mut body)?;
        Ok(Outputs {
            normalized_parameters,
            base_string,
            authorization_header,
            body,
        })
    }
}

/// Signs one request (OAuth 1.0a, HMAC-SHA1). Throws an `Error` with a `code`
/// (`PAYNET_INVALID_INPUT`, `PAYNET_MALFORMED_URL`, …) for bad input.
#[napi(ts_args_type = "request: SignRequest")]
pub fn sign(env: Env, request: Unknown<'_>) -> napi::Result<SignedRequest> {
    let run = || {
        let fields = Fields::of(request, "request")?;
        let secret = fields.string(c"consumerSecret")?;
        let token_secret = fields.opt_string(c"tokenSecret")?;
        let description = Description::read(&fields)?;
        let signer = paynet_oauth::Signer::new(&secret, token_secret.as_deref().unwrap_or(""));
        description.sign(&signer)
    };
    run().map_err(|f| f.into_napi(&env))
}

/// HMAC-SHA1 keyed once with a consumer secret (the gateway's control key) and a token
/// secret; signs and verifies many requests. Holds no key that JavaScript can see.
#[napi]
pub struct Signer {
    inner: paynet_oauth::Signer,
}

#[napi]
impl Signer {
    /// Keys the signer with the consumer secret and the token secret (default empty).
    #[napi(
        constructor,
        ts_args_type = "consumerSecret: string, tokenSecret?: string | undefined | null"
    )]
    pub fn new(
        env: Env,
        consumer_secret: Unknown<'_>,
        token_secret: Unknown<'_>,
    ) -> napi::Result<Self> {
        let run = || -> Result<Self, Failure> {
            let secret = inputs::string_of(&consumer_secret, "consumerSecret")?;
            let token_secret = inputs::opt_string_of(&token_secret, "tokenSecret")?;
            Ok(Signer {
                inner: paynet_oauth::Signer::new(&secret, token_secret.as_deref().unwrap_or("")),
            })
        };
        run().map_err(|f| f.into_napi(&env))
    }

    /// The keyed HMAC.
    pub(crate) fn key(&self) -> &paynet_oauth::Signer {
        &self.inner
    }

    /// Signs one request with this signer's key.
    #[napi(ts_args_type = "request: SignerRequest")]
    pub fn sign(&self, env: Env, request: Unknown<'_>) -> napi::Result<SignedRequest> {
        let run = || Description::read(&Fields::of(request, "request")?)?.sign(&self.inner);
        run().map_err(|f| f.into_napi(&env))
    }

    /// Verifies an incoming request with this signer's key (see `verify`).
    #[napi(ts_args_type = "request: SignerVerifyRequest")]
    pub fn verify(&self, env: Env, request: Unknown<'_>) -> napi::Result<Verified> {
        let run = || verify_with(&self.inner, &Fields::of(request, "request")?);
        run().map_err(|f| f.into_napi(&env))
    }
}

/// What `verify` needs: the request as the server received it and the secrets.
#[napi(object, object_to_js = false)]
#[allow(dead_code)]
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
#[allow(dead_code)]
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
    /// `oauth_nonce`, decoded (keep it for the window to refuse replays).
    pub nonce: String,
    /// `oauth_timestamp` in Unix seconds.
    pub timestamp: f64,
}

/// The default accepted clock skew, in seconds.
const DEFAULT_WINDOW: u64 = 300;

/// Verifies a signed request: the signature (compared in constant time), the body's
/// copies of the `oauth_*` values and the timestamp window. Returns what it
/// established, or throws an `Error` whose `code` says what failed
/// (`PAYNET_SIGNATURE_MISMATCH`, `PAYNET_TIMESTAMP_OUT_OF_WINDOW`, …).
#[napi(ts_args_type = "request: VerifyRequest")]
pub fn verify(env: Env, request: Unknown<'_>) -> napi::Result<Verified> {
    let run = || {
        let fields = Fields::of(request, "request")?;
        let secret = fields.string(c"consumerSecret")?;
        let token_secret = fields.opt_string(c"tokenSecret")?;
        let signer = paynet_oauth::Signer::new(&secret, token_secret.as_deref().unwrap_or(""));
        verify_with(&signer, &fields)
    };
    run().map_err(|f| f.into_napi(&env))
}

fn verify_with(signer: &paynet_oauth::Signer, fields: &Fields<'_>) -> Result<Verified, Failure> {
    let method = fields.string(c"method")?;
    let url = fields.string(c"url")?;
    let body = fields.string(c"body")?;
    let header_text = fields.string(c"authorizationHeader")?;
    let now = fields.opt_u64(c"now")?.unwrap_or_else(inputs::now);
    let window = fields.opt_u64(c"window")?.unwrap_or(DEFAULT_WINDOW);
    let header = AuthorizationHeader::parse(&header_text).map_err(Failure::core)?;
    let incoming = Incoming {
        method: &method,
        url: &url,
        body: &body,
    };
    let verified = paynet_oauth::verify(&header, &incoming, signer, TimeWindow { now, window })
        .map_err(Failure::core)?;
    #[allow(clippy::cast_precision_loss)] // Unix seconds stay far below 2^53.
    Ok(Verified {
        consumer_key: decoded(&header, "oauth_consumer_key", verified.consumer_key)?,
        nonce: verified.nonce.to_string(),
        timestamp: verified.timestamp as f64,
    })
}

/// The percent-decoded value of `name` in `header` (`encoded` is its raw text).
fn decoded(header: &AuthorizationHeader<'_>, name: &str, encoded: &str) -> Result<String, Failure> {
    let mut buf = vec![0u8; encoded.len()];
    let bytes = header
        .decode_into(name, &mut buf)
        .map_err(Failure::core)?
        .unwrap_or_default();
    String::from_utf8(bytes.to_vec())
        .map_err(|_| Failure::invalid_input(format!("{name} is not UTF-8 once decoded")))
}
