//! `signForm`: signs a form request built by the caller's own HTTP stack (`fetch`,
//! undici) through [`paynet_bind::sign_form`].

use napi::Env;
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use paynet_bind::OwnedRequest;

use crate::errors::js;

/// What `signForm` needs: the request as the caller's HTTP stack will send it.
#[napi(object, object_to_js = false)]
pub struct FormRequest {
    /// The HTTP method, e.g. `POST`.
    pub method: String,
    /// The absolute URL; its query is signed and stays in the URL.
    pub url: String,
    /// The `application/x-www-form-urlencoded` body the caller built (may be empty).
    #[napi(ts_type = "string | URLSearchParams | Uint8Array")]
    pub body: Either<String, Buffer>,
    /// The body's `Content-Type`, if the caller set one: it must be the form type.
    pub content_type: Option<String>,
    /// The login (`oauth_consumer_key`).
    pub login: String,
    /// The control key (the consumer secret).
    pub control_key: String,
    /// `oauth_timestamp` in Unix seconds; default now.
    #[napi(ts_type = "number | string")]
    pub timestamp: Option<String>,
    /// `oauth_nonce`; default a fresh random one.
    pub nonce: Option<String>,
}

/// What to send in place of the caller's headers and body.
#[napi(object)]
pub struct SignedForm {
    /// The `Authorization` header value.
    pub authorization: String,
    /// The body to send: the caller's fields and the `oauth_*` values, encoded and sorted.
    pub body: String,
    /// The `Content-Type` to send.
    pub content_type: String,
}

/// Signs a form request for the caller's own HTTP stack (`fetch`, undici): send the
/// `authorization` header, `body` and `contentType` it returns.
#[napi]
pub fn sign_form(env: Env, request: FormRequest) -> napi::Result<SignedForm> {
    let r = request;
    let body: &[u8] = match &r.body {
        Either::A(text) => text.as_bytes(),
        Either::B(buffer) => buffer,
    };
    let mut owned = OwnedRequest::new(r.method, r.url, r.login);
    owned.timestamp = r.timestamp;
    owned.nonce = r.nonce;
    let signed = js(
        &env,
        paynet_bind::control_key_signer(&r.control_key).and_then(|signer| {
            paynet_bind::sign_form(&signer, owned, body, r.content_type.as_deref())
        }),
    )?;
    Ok(SignedForm {
        authorization: signed.authorization_header(),
        body: signed.body(),
        content_type: paynet_bind::FORM_CONTENT_TYPE.to_owned(),
    })
}
