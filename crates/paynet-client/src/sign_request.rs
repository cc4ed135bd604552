//! Signing a request the caller built with reqwest (their own headers, their own
//! client), the way the gateway expects.

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};

use crate::{ControlKey, Error};

/// Signs a form request built with reqwest: its URL (query included) and its
/// `application/x-www-form-urlencoded` body are signed with OAuth 1.0a HMAC-SHA1; the
/// Authorization header is set and, for a POST, the body is replaced by the signed
/// one-line form (the caller's pairs plus the `oauth_*` values, sorted), as the gateway
/// wants them.
///
/// `timestamp` is Unix seconds and `nonce` a fresh value (see [`crate::random_nonce`]).
pub fn sign_request(
    request: &mut reqwest::Request,
    login: &str,
    control_key: &ControlKey,
    timestamp: u64,
    nonce: &str,
) -> Result<(), Error> {
    let body = match request.body() {
        None => String::new(),
        Some(body) => {
            let bytes = body.as_bytes().ok_or_else(|| {
                Error::InvalidInput("cannot sign a streaming body; pass the form as bytes".into())
            })?;
            String::from_utf8(bytes.to_vec())
                .map_err(|_| Error::InvalidInput("the form body is not UTF-8".into()))?
        }
    };
    let pairs = paynet_api::form::parse_strict(&body)
        .ok_or_else(|| Error::InvalidInput("a form field is not percent-encoded UTF-8".into()))?;
    let form: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let url = request.url().as_str().to_owned();
    let timestamp = timestamp.to_string();
    let core_request = paynet_oauth::Request::new(
        request.method().as_str(),
        &url,
        &form,
        login,
        &timestamp,
        nonce,
    );
    let signed = paynet_oauth::Signer::new(control_key.expose(), "")
        .sign(&core_request)
        .map_err(|e| Error::InvalidInput(format!("cannot sign the request: {e}")))?;
    let mut header = String::with_capacity(signed.authorization_header_len());
    let mut signed_body = String::with_capacity(signed.body_len());
    signed
        .write_authorization_header(&mut header)
        .and_then(|()| signed.write_body(&mut signed_body))
        .map_err(|e| Error::InvalidInput(format!("cannot sign the request: {e}")))?;
    let header = HeaderValue::from_str(&header).map_err(|e| Error::InvalidInput(e.to_string()))?;
    request.headers_mut().insert(AUTHORIZATION, header);
    if request.method() == reqwest::Method::POST {
        request.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static(paynet_api::FORM_CONTENT_TYPE),
        );
        *request.body_mut() = Some(signed_body.into());
    }
    Ok(())
}
