//! Server-side verification with owned results, for bindings that hand them to their
//! language.

use paynet_oauth::{AuthorizationHeader, Incoming, Signer, TimeWindow};

use crate::Failure;

/// The accepted clock skew, in seconds, when the caller gives none: every surface's
/// `window` default.
pub const DEFAULT_WINDOW: u64 = 300;

/// What [`verify`] established about an authentic request, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedRequest {
    /// `oauth_consumer_key` (the login).
    pub consumer_key: String,
    /// `oauth_token`, if the request had one.
    pub token: Option<String>,
    /// `oauth_timestamp` in Unix seconds.
    pub timestamp: u64,
    /// `oauth_nonce`: keep `(consumer_key, nonce)` for the window to refuse replays.
    pub nonce: String,
}

/// `encoded` percent-decoded as UTF-8 (a header value).
fn decoded(encoded: &str) -> Result<String, Failure> {
    use paynet_oauth::percent::{Decoding, decode_into, decoded_len};
    let len = decoded_len(encoded.as_bytes(), Decoding::Percent)?;
    let mut buf = vec![0u8; len];
    decode_into(encoded.as_bytes(), Decoding::Percent, &mut buf)?;
    String::from_utf8(buf).map_err(|_| paynet_oauth::Error::MalformedHeader.into())
}

/// Verifies a request a server received: the signature (constant time), the body's
/// copies of the `oauth_*` values, and the timestamp within `now` (default: the clock)
/// ± `window` seconds (without the `os` feature `now` is required).
pub fn verify(
    signer: &Signer,
    method: &str,
    url: &str,
    body: &str,
    authorization_header: &str,
    now_secs: Option<u64>,
    window: u64,
) -> Result<VerifiedRequest, Failure> {
    let header = AuthorizationHeader::parse(authorization_header)?;
    let incoming = Incoming { method, url, body };
    #[cfg(feature = "os")]
    let now_secs = Some(now_secs.unwrap_or_else(crate::now));
    let now_secs = now_secs.ok_or_else(|| {
        Failure::invalid_input("`now` is required to verify (this build has no clock)")
    })?;
    let time = TimeWindow {
        now: now_secs,
        window,
    };
    let verified = paynet_oauth::verify(&header, &incoming, signer, time)?;
    Ok(VerifiedRequest {
        consumer_key: decoded(verified.consumer_key)?,
        token: header.get("oauth_token").map(decoded).transpose()?,
        timestamp: verified.timestamp,
        nonce: verified.nonce.as_str().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OwnedRequest;

    #[test]
    fn a_signed_request_verifies_and_a_forged_one_does_not() {
        let mut r = OwnedRequest::new("POST", "https://h/p", "log%in");
        r.token = Some("tok en".into());
        r.timestamp = Some("1000".into());
        r.nonce = Some("é".into());
        let signer = Signer::new("key", "secret");
        let s = r.sign(&signer).unwrap();
        let (header, body) = (s.authorization_header(), s.body());
        let v = verify(
            &signer,
            "POST",
            "https://h/p",
            &body,
            &header,
            Some(1010),
            300,
        )
        .unwrap();
        assert_eq!(
            v,
            VerifiedRequest {
                consumer_key: "log%in".into(),
                token: Some("tok en".into()),
                timestamp: 1000,
                nonce: "é".into()
            }
        );
        let forged = Signer::new("other", "secret");
        let e = verify(
            &forged,
            "POST",
            "https://h/p",
            &body,
            &header,
            Some(1010),
            300,
        );
        assert_eq!(e.unwrap_err().kind, crate::ErrorKind::SignatureMismatch);
    }
}
