//! One test per finding of the fuzzers (FUZZING.md): each failed before its fix.

use paynet_oauth::{
    AuthorizationHeader, Error, Incoming, MAX_HEADER_PARAMS, Request, Signer, TimeWindow, verify,
};

const URL: &str = "https://gate.example.com/paynet/api/v2/get-balance/1";

/// Signs, then verifies the header and body the signer wrote.
fn round_trip(request: &Request<'_>, now: u64) -> Result<(), Error> {
    let signer = Signer::new("secret", "");
    let signed = signer.sign(request)?;
    let mut header = String::new();
    signed.write_authorization_header(&mut header)?;
    let mut body = String::new();
    signed.write_body(&mut body)?;
    let parsed = AuthorizationHeader::parse(&header).expect("the signer's header parses");
    let incoming = Incoming {
        method: request.method(),
        url: request.url(),
        body: &body,
    };
    verify(&parsed, &incoming, &signer, TimeWindow { now, window: 300 }).map(|_| ())
}

fn request<'a>(url: &'a str, form: &'a [(&'a str, &'a str)], timestamp: &'a str) -> Request<'a> {
    Request::new("POST", url, form, "ck", timestamp, "nonce1234567")
}

/// scheme-plus-not-encoded: `+` in a scheme is encoded in the base string, as RFC 5849
/// §3.4.1.1 encodes the whole base string URI.
#[test]
fn a_plus_in_the_scheme_is_encoded_in_the_base_string() {
    let r = request("coap+tcp://Host.example/p", &[], "1");
    let signed = Signer::new("s", "").sign(&r).unwrap();
    let mut base = String::new();
    signed.write_base_string(&mut base).unwrap();
    assert!(
        base.starts_with("POST&coap%2Btcp%3A%2F%2Fhost.example%2Fp&"),
        "{base}"
    );
    assert_eq!(round_trip(&r, 1), Ok(()));
}

/// timestamp-over-u64: the signer refuses what the verifier cannot read.
#[test]
fn a_timestamp_beyond_u64_is_refused_when_signing() {
    let r = request(URL, &[], "99999999999999999999");
    assert_eq!(
        Signer::new("s", "").sign(&r).err(),
        Some(Error::InvalidTimestamp)
    );
    let max = request(URL, &[], "18446744073709551615");
    assert_eq!(round_trip(&max, u64::MAX), Ok(()));
    // Leading zeros are the same number on both sides.
    let padded = request(URL, &[], "0000000000000000000000001");
    assert_eq!(round_trip(&padded, 1), Ok(()));
}

/// form-oauth-names: protocol parameters go through `with_oauth_extra`, never the form.
#[test]
fn form_pairs_named_oauth_are_refused() {
    for name in ["oauth_timestamp", "oauth_consumer_key", "oauth_x", "oauth_"] {
        let form = [(name, "v")];
        let r = request(URL, &form, "1");
        assert_eq!(
            Signer::new("s", "").sign(&r).err(),
            Some(Error::InvalidParameter),
            "{name}"
        );
    }
    let form = [("oauthx", "v"), ("OAUTH_x", "v")];
    assert_eq!(round_trip(&request(URL, &form, "1"), 1), Ok(()));
}

/// extra-duplicates: an extra protocol parameter may appear once.
#[test]
fn repeated_extra_names_are_refused() {
    let extra = [("oauth_callback", "a"), ("oauth_callback", "b")];
    let r = request(URL, &[], "1").with_oauth_extra(&extra);
    assert_eq!(
        Signer::new("s", "").sign(&r).err(),
        Some(Error::InvalidParameter)
    );
}

/// extra-name-chars: extra names are `oauth_` and `[A-Za-z0-9_]`, as header names are.
#[test]
fn extra_names_with_other_bytes_are_refused() {
    for name in [
        "oauth_call-back",
        "oauth_v\u{1a}\u{7f}",
        "oauth_a b",
        "oauth_é",
    ] {
        let extra = [(name, "v")];
        let r = request(URL, &[], "1").with_oauth_extra(&extra);
        assert_eq!(
            Signer::new("s", "").sign(&r).err(),
            Some(Error::InvalidParameter),
            "{name:?}"
        );
    }
    let extra = [("oauth_call_back2", "v")];
    assert_eq!(
        round_trip(&request(URL, &[], "1").with_oauth_extra(&extra), 1),
        Ok(())
    );
}

/// header-params-limit: the signer never writes a header the parser refuses.
#[test]
fn a_header_too_long_to_parse_is_refused_when_signing() {
    let names: Vec<String> = (0..12).map(|i| format!("oauth_x{i}")).collect();
    let extra: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "v")).collect();
    // 6 fixed pairs + version: 9 extras make 16, the parser's limit.
    let fits = MAX_HEADER_PARAMS - 7;
    let r = request(URL, &[], "1").with_oauth_extra(&extra[..fits]);
    assert_eq!(round_trip(&r, 1), Ok(()));
    let r = request(URL, &[], "1").with_oauth_extra(&extra[..fits + 1]);
    assert_eq!(
        Signer::new("s", "").sign(&r).err(),
        Some(Error::TooManyParameters)
    );
    // Without oauth_version one more fits.
    let r = request(URL, &[], "1")
        .with_version(None)
        .with_oauth_extra(&extra[..fits + 1]);
    assert_eq!(round_trip(&r, 1), Ok(()));
}

/// Observation: an empty `oauth_nonce` (never written by the signer) is refused.
#[test]
fn an_empty_nonce_is_refused_when_verifying() {
    let signer = Signer::new("secret", "");
    let signed = signer.sign(&request(URL, &[], "1")).unwrap();
    let mut header = String::new();
    signed.write_authorization_header(&mut header).unwrap();
    let header = header.replace("oauth_nonce=\"nonce1234567\"", "oauth_nonce=\"\"");
    let parsed = AuthorizationHeader::parse(&header).unwrap();
    let incoming = Incoming {
        method: "POST",
        url: URL,
        body: "",
    };
    assert_eq!(
        verify(
            &parsed,
            &incoming,
            &signer,
            TimeWindow {
                now: 1,
                window: 300
            }
        )
        .err(),
        Some(Error::MissingOAuthParameter)
    );
}
