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
/// The gateway's API takes form bodies only: a body with another Content-Type (e.g.
/// `application/json`) is refused with [`Error::InvalidInput`] and the request left
/// as it was; a body without a Content-Type is read as a form.
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
            if let Some(ct) = request.headers().get(CONTENT_TYPE) {
                let ct = String::from_utf8_lossy(ct.as_bytes());
                paynet_api::check_form_content_type(&ct)
                    .map_err(|e| Error::InvalidInput(e.to_string()))?;
            }
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

#[cfg(test)]
mod tests {
    use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
    use reqwest::{Method, Request, Url};

    use super::sign_request;
    use crate::{ControlKey, Error};

    fn post(content_type: Option<&str>, body: &str) -> Request {
        let url = Url::parse("https://gate.example.com/paynet/api/v2/get-balance/1").unwrap();
        let mut request = Request::new(Method::POST, url);
        if let Some(ct) = content_type {
            request
                .headers_mut()
                .insert(CONTENT_TYPE, ct.parse().unwrap());
        }
        *request.body_mut() = Some(body.to_owned().into());
        request
    }

    fn sign(request: &mut Request) -> Result<(), Error> {
        sign_request(
            request,
            "login",
            &ControlKey::new("key"),
            1,
            "nonce12345678",
        )
    }

    fn body(request: &Request) -> &[u8] {
        request.body().and_then(|b| b.as_bytes()).unwrap()
    }

    /// A JSON body is refused and left as it was (before, it was signed as one form
    /// field and sent as `%7B%22amount%22…=&oauth_…` with the form content type).
    #[test]
    fn a_body_that_is_not_a_form_is_refused_untouched() {
        for ct in ["application/json", "text/plain; charset=utf-8"] {
            let mut request = post(Some(ct), r#"{"amount":"10.00"}"#);
            let e = sign(&mut request).unwrap_err();
            assert!(matches!(e, Error::InvalidInput(_)), "{e:?}");
            assert_eq!(
                e.to_string(),
                format!(
                    "the gateway takes application/x-www-form-urlencoded bodies; \
                     this request is {ct}"
                )
            );
            assert_eq!(body(&request), br#"{"amount":"10.00"}"#);
            assert_eq!(request.headers()[CONTENT_TYPE], ct);
            assert!(request.headers().get(AUTHORIZATION).is_none());
        }
    }

    /// A form body is signed whatever the case of its type and its parameters, and a
    /// body without a Content-Type is read as a form.
    #[test]
    fn a_form_body_with_or_without_its_type_is_signed() {
        for ct in [
            Some("application/x-www-form-urlencoded"),
            Some("Application/X-WWW-Form-URLEncoded ; charset=utf-8"),
            None,
        ] {
            let mut request = post(ct, "balance-provider=Test");
            sign(&mut request).unwrap();
            let sent = std::str::from_utf8(body(&request)).unwrap();
            assert!(
                sent.starts_with("balance-provider=Test&oauth_consumer_key=login&"),
                "{ct:?}: {sent}"
            );
            assert_eq!(
                request.headers()[CONTENT_TYPE],
                "application/x-www-form-urlencoded"
            );
            assert!(request.headers().contains_key(AUTHORIZATION));
        }
    }
}
