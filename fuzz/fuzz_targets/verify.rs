//! Verification of arbitrary requests.
//!
//! Input: seven fields separated by `0xFF` (see `paynet_fuzz::fields`): method, URL,
//! Authorization header, form body, consumer secret, token secret, and `now` (decimal
//! Unix seconds; empty or not a number: the header's own timestamp). The window is 300 s.
//!
//! `verify` must return, never panic, and:
//! - an error is one it documents;
//! - `Ok` means the header's signature is the one the reference computes for this
//!   request and key, every required `oauth_*` value is there, the method is
//!   `HMAC-SHA1`, the version (if any) `1.0`, each `oauth_*` pair of the body repeats the
//!   header, the nonce is not empty, the timestamp is inside the window, and
//!   `Verified` carries the header's values; when the request can be expressed as a
//!   `Request`, `Signer::sign` accepts it and gives the same signature too;
//! - `SignatureMismatch` means the reference disagrees with the header's signature (a
//!   correct signature is never refused).
#![no_main]

use libfuzzer_sys::fuzz_target;
use paynet_fuzz::{fields, reference, trace};
use paynet_oauth::{
    AuthorizationHeader, Error, Incoming, MAX_NONCE_LEN, Request, Signer, TimeWindow, UrlParts,
    Verified, verify,
};

const WINDOW: u64 = 300;

fuzz_target!(|data: &[u8]| {
    let f = fields::split(data, 7);
    let method = fields::text(f[0]);
    let url = fields::text(f[1]);
    let header_text = fields::text(f[2]);
    let body = fields::text(f[3]);
    let consumer_secret = fields::text(f[4]);
    let token_secret = fields::text(f[5]);

    let Ok(header) = AuthorizationHeader::parse(&header_text) else {
        return;
    };
    let now = std::str::from_utf8(f[6])
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .or_else(|| {
            let ts = reference::decode(header.get("oauth_timestamp")?.as_bytes(), false)?;
            String::from_utf8(ts).ok()?.parse().ok()
        })
        .unwrap_or(0);
    let incoming = Incoming {
        method: &method,
        url: &url,
        body: &body,
    };
    let signer = Signer::new(&consumer_secret, &token_secret);
    let time = TimeWindow {
        now,
        window: WINDOW,
    };
    let result = verify(&header, &incoming, &signer, time);
    // Verifying is a pure function of its inputs.
    assert_eq!(verify(&header, &incoming, &signer.clone(), time), result);

    trace(&format!("verify: {result:?}"));
    match result {
        Ok(verified) => check_accepted(
            &header,
            &incoming,
            &consumer_secret,
            &token_secret,
            now,
            verified,
        ),
        Err(Error::SignatureMismatch) => {
            let given = decoded(&header, "oauth_signature");
            let want = reference_signature(&header, &incoming, &consumer_secret, &token_secret);
            assert_ne!(
                given.as_deref(),
                Some(want.as_bytes()),
                "the correct signature {want} was refused"
            );
        }
        // Only a nonce the verifier cannot keep: longer than MAX_NONCE_LEN bytes or
        // not UTF-8 once decoded.
        Err(Error::MalformedHeader) => {
            let nonce = decoded(&header, "oauth_nonce").expect("no nonce, yet MalformedHeader");
            assert!(
                nonce.len() > MAX_NONCE_LEN || std::str::from_utf8(&nonce).is_err(),
                "the nonce {nonce:?} was refused"
            );
        }
        Err(e) => assert!(
            matches!(
                e,
                Error::MissingOAuthParameter
                    | Error::UnsupportedSignatureMethod
                    | Error::UnsupportedVersion
                    | Error::InvalidMethod
                    | Error::MalformedUrl
                    | Error::InvalidPercentEncoding
                    | Error::TooManyParameters
                    | Error::OAuthParameterMismatch
                    | Error::InvalidTimestamp
                    | Error::TimestampOutOfWindow
            ),
            "unexpected error {e:?}"
        ),
    }
});

/// The percent-decoded value of a header parameter.
fn decoded(header: &AuthorizationHeader<'_>, name: &str) -> Option<Vec<u8>> {
    reference::decode(header.get(name)?.as_bytes(), false)
}

/// The parameters the signature covers, decoded: the query, the body's pairs that are
/// not `oauth_*` (those repeat the header), the header's pairs but `realm` and
/// `oauth_signature`.
fn reference_params(
    header: &AuthorizationHeader<'_>,
    incoming: &Incoming<'_>,
) -> Vec<reference::Pair> {
    let url = UrlParts::parse(incoming.url).expect("verify got past the URL");
    let mut params =
        reference::form_pairs(url.query.as_bytes()).expect("verify validated the query");
    let body = reference::form_pairs(incoming.body.as_bytes()).expect("verify validated the body");
    params.extend(body.into_iter().filter(|(n, _)| !n.starts_with(b"oauth_")));
    for (name, value) in header.pairs() {
        if name != "realm" && name != "oauth_signature" {
            let value = reference::decode(value.as_bytes(), false).expect("parse validated it");
            params.push((name.as_bytes().to_vec(), value));
        }
    }
    params
}

fn reference_signature(
    header: &AuthorizationHeader<'_>,
    incoming: &Incoming<'_>,
    consumer_secret: &str,
    token_secret: &str,
) -> String {
    let url = UrlParts::parse(incoming.url).expect("verify got past the URL");
    let params = reference_params(header, incoming);
    let base = reference::base_string(incoming.method, &reference::base_uri_of(&url), &params);
    reference::signature(consumer_secret.as_bytes(), token_secret.as_bytes(), &base)
}

fn check_accepted(
    header: &AuthorizationHeader<'_>,
    incoming: &Incoming<'_>,
    consumer_secret: &str,
    token_secret: &str,
    now: u64,
    verified: Verified<'_>,
) {
    let want = reference_signature(header, incoming, consumer_secret, token_secret);
    let given = decoded(header, "oauth_signature").expect("accepted without a signature");
    assert_eq!(given, want.as_bytes(), "accepted a wrong signature");

    assert_eq!(
        Some(verified.consumer_key),
        header.get("oauth_consumer_key")
    );
    // The nonce is reported decoded (the identity a nonce store keys on).
    assert_eq!(
        Some(verified.nonce.as_bytes()),
        decoded(header, "oauth_nonce").as_deref(),
        "the nonce is not reported decoded"
    );
    let ts = header
        .get("oauth_timestamp")
        .expect("accepted without a timestamp");
    assert_eq!(
        ts.parse::<u64>().ok(),
        Some(verified.timestamp),
        "timestamp {ts:?}"
    );
    assert!(
        verified.timestamp.abs_diff(now) <= WINDOW,
        "outside the window"
    );
    assert_eq!(
        decoded(header, "oauth_signature_method").as_deref(),
        Some(&b"HMAC-SHA1"[..])
    );
    if let Some(v) = decoded(header, "oauth_version") {
        assert_eq!(v, b"1.0", "accepted oauth_version {v:?}");
    }
    assert!(
        !incoming.method.is_empty() && incoming.method.bytes().all(|b| b.is_ascii_alphabetic())
    );

    // The body's oauth_* pairs repeat the header's values.
    for (n, v) in reference::form_pairs(incoming.body.as_bytes()).unwrap() {
        if n.starts_with(b"oauth_") {
            let name = std::str::from_utf8(&n).expect("a header name is ASCII");
            assert!(name != "oauth_signature" && name != "realm");
            assert_eq!(
                decoded(header, name).as_deref(),
                Some(&v[..]),
                "body {name} differs"
            );
        }
    }

    same_as_signer(header, incoming, consumer_secret, token_secret, &want);
}

/// Signs the accepted request again through the public `Request` API, when it can
/// express it (UTF-8 values; no extra parameter named just `oauth_`), and expects the
/// signer to accept it and give the same signature.
fn same_as_signer(
    header: &AuthorizationHeader<'_>,
    incoming: &Incoming<'_>,
    consumer_secret: &str,
    token_secret: &str,
    want: &str,
) {
    let text = |b: Vec<u8>| String::from_utf8(b).ok();
    let value = |name: &str| decoded(header, name).and_then(text);
    let (Some(consumer_key), Some(timestamp), Some(nonce)) = (
        value("oauth_consumer_key"),
        value("oauth_timestamp"),
        value("oauth_nonce"),
    ) else {
        return;
    };
    let token = value("oauth_token");
    let version = value("oauth_version");
    if header.get("oauth_token").is_some() && token.is_none() {
        return;
    }
    let standard = [
        "realm",
        "oauth_consumer_key",
        "oauth_nonce",
        "oauth_signature",
        "oauth_signature_method",
        "oauth_timestamp",
        "oauth_token",
        "oauth_version",
    ];
    let mut extra = Vec::new();
    for (name, _) in header.pairs().filter(|(n, _)| !standard.contains(n)) {
        let Some(v) = value(name) else { return };
        extra.push((name.to_owned(), v));
    }
    let mut form = Vec::new();
    for (n, v) in reference::form_pairs(incoming.body.as_bytes()).unwrap() {
        if !n.starts_with(b"oauth_") {
            let (Some(n), Some(v)) = (text(n), text(v)) else {
                return;
            };
            form.push((n, v));
        }
    }
    // The verifier refuses an empty nonce, as the signer does.
    assert!(!nonce.is_empty(), "accepted an empty nonce");
    if extra.iter().any(|(n, _)| n == "oauth_") {
        return;
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let extra: Vec<(&str, &str)> = extra
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let request = Request::new(
        incoming.method,
        incoming.url,
        &form,
        &consumer_key,
        &timestamp,
        &nonce,
    )
    .with_token(token.as_deref())
    .with_version(version.as_deref())
    .with_oauth_extra(&extra);
    let signed = Signer::new(consumer_secret, token_secret)
        .sign(&request)
        .unwrap_or_else(|e| panic!("the signer refuses a request verify accepted: {e:?}"));
    assert_eq!(signed.signature(), want, "signer and verifier disagree");
}
