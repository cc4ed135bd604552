//! Signing a form request the caller built with their own HTTP stack (Python's
//! `requests`/`httpx` auth classes, a Node helper for `fetch`, the Rust `sign_request`).

use crate::{Failure, OwnedRequest, OwnedSigned};

/// Signs `request` (method, URL, login, and any fixed timestamp or nonce) with the
/// form `body` as the gateway expects: the URL's query and the body's fields are
/// signed, and the result gives the `Authorization` header and the one-line body to
/// send in place of `body` (the caller's fields plus the `oauth_*` values, sorted).
/// `content_type`, when given, must be the form type; the body must be ASCII and its
/// escapes UTF-8. Fields already in `request.form` come first.
pub fn sign_form(
    signer: &paynet_oauth::Signer,
    mut request: OwnedRequest,
    body: &[u8],
    content_type: Option<&str>,
) -> Result<OwnedSigned, Failure> {
    if request.consumer_key.is_empty() {
        return Err(Failure::invalid_input("the login must not be empty"));
    }
    if let Some(ct) = content_type {
        paynet_api::check_form_content_type(ct)
            .map_err(|e| Failure::invalid_input(e.to_string()))?;
    }
    let text = std::str::from_utf8(body)
        .ok()
        .filter(|t| t.is_ascii())
        .ok_or_else(|| Failure::invalid_input("a form body must be ASCII (percent-encoded)"))?;
    let fields = paynet_api::form::parse_strict(text)
        .ok_or_else(|| Failure::invalid_input("a form field is not percent-encoded UTF-8"))?;
    request.form.extend(fields);
    request.sign(signer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(body: &[u8], ct: Option<&str>) -> Result<OwnedSigned, Failure> {
        let signer = paynet_oauth::Signer::new("key", "");
        let mut request = OwnedRequest::new("POST", "https://h/p?q=1", "login");
        request.timestamp = Some("1".into());
        request.nonce = Some("n".into());
        sign_form(&signer, request, body, ct)
    }

    #[test]
    fn the_caller_s_fields_are_signed_and_sent_sorted() {
        let s = sign(
            b"b=2+x&a=%C3%A9",
            Some("application/x-www-form-urlencoded; charset=utf-8"),
        )
        .unwrap();
        assert!(
            s.body()
                .starts_with("a=%C3%A9&b=2%20x&oauth_consumer_key=login")
        );
        assert!(s.normalized_parameters().contains("q=1"));
        assert!(!s.body().contains("q=1"));
    }

    #[test]
    fn other_bodies_are_refused() {
        assert!(sign(b"{}", Some("application/json")).is_err());
        assert!(sign("a=é".as_bytes(), None).is_err());
        assert!(sign(b"a=%FF", None).is_err());
        // A `%` that starts no escape has no one meaning: refused, as `sign` refuses
        // it in a query, never re-encoded as `%25` and sent changed.
        for body in [&b"a=%zz"[..], b"a=1%", b"a=%4", b"%g1=2"] {
            let e = sign(body, None).unwrap_err();
            assert_eq!(e.message, "a form field is not percent-encoded UTF-8");
        }
    }
}
