//! Every error the core reports, and that failing calls write nothing.

use paynet_oauth::{
    AuthorizationHeader, Error, Incoming, MAX_PARAMS, Request, Signer, TimeWindow, verify,
};

const URL: &str = "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/42";
const KEY: &str = "F9F65098-1111-1111-1111-621611111111";

fn sign(url: &str) -> Result<(), Error> {
    Signer::new(KEY, "")
        .sign(&Request::new("POST", url, &[], "m", "1700000000", "n0nce"))
        .map(|_| ())
}

#[test]
fn a_too_small_buffer_reports_the_length_needed_and_writes_nothing() {
    let form = [("balance-provider", "Test")];
    let signed = Signer::new(KEY, "")
        .sign(&Request::new(
            "POST",
            URL,
            &form,
            "m",
            "1700000000",
            "n0nce",
        ))
        .unwrap();
    let needed = signed.authorization_header_len();
    let mut buf = vec![0xAAu8; needed - 1];
    assert_eq!(
        signed.authorization_header_into(&mut buf),
        Err(Error::BufferTooSmall { needed })
    );
    assert!(buf.iter().all(|&b| b == 0xAA));
    let mut exact = vec![0u8; needed];
    assert_eq!(signed.authorization_header_into(&mut exact), Ok(needed));
    for (len, into) in [
        (
            signed.body_len(),
            Signed::body_into as fn(&_, &mut [u8]) -> _,
        ),
        (signed.base_string_len(), Signed::base_string_into),
        (
            signed.normalized_parameters_len(),
            Signed::normalized_parameters_into,
        ),
    ] {
        let mut small = vec![0x55u8; len - 1];
        assert_eq!(
            into(&signed, &mut small),
            Err(Error::BufferTooSmall { needed: len })
        );
        assert!(small.iter().all(|&b| b == 0x55));
    }
    let mut small = [0x11u8; 4];
    assert_eq!(
        paynet_oauth::percent::encode_into(b"a b", &mut small[..4]),
        Err(Error::BufferTooSmall { needed: 5 })
    );
    assert_eq!(small, [0x11; 4]);
}

use paynet_oauth::Signed;

#[test]
fn malformed_urls() {
    for url in [
        "",
        "sandbox.payneteasy.com/x",
        "https://",
        "https:///path",
        "https://h:99999/",
        "https://h:8a/",
        "1http://h/",
        "https://h /x",
        "https://[::1/x",
        "https://[::1]x/",
    ] {
        assert_eq!(sign(url), Err(Error::MalformedUrl), "{url:?}");
    }
    assert_eq!(
        sign("https://h/p?a=%zz"),
        Err(Error::InvalidPercentEncoding)
    );
    assert!(sign("https://[::1]:8080/p").is_ok());
    assert!(sign("https://user:pw@h/p#frag").is_ok());
}

#[test]
fn bad_method_timestamp_nonce_and_parameters() {
    let s = Signer::new(KEY, "");
    assert_eq!(
        s.sign(&Request::new("", URL, &[], "m", "1", "n"))
            .unwrap_err(),
        Error::InvalidMethod
    );
    assert_eq!(
        s.sign(&Request::new("PO ST", URL, &[], "m", "1", "n"))
            .unwrap_err(),
        Error::InvalidMethod
    );
    assert_eq!(
        s.sign(&Request::new("POST", URL, &[], "m", "12a", "n"))
            .unwrap_err(),
        Error::InvalidTimestamp
    );
    assert_eq!(
        s.sign(&Request::new("POST", URL, &[], "m", "1", ""))
            .unwrap_err(),
        Error::InvalidParameter
    );
    let sig = [("oauth_signature", "x")];
    assert_eq!(
        s.sign(&Request::new("POST", URL, &sig, "m", "1", "n"))
            .unwrap_err(),
        Error::InvalidParameter
    );
    let extra = [("callback", "x")];
    assert_eq!(
        s.sign(&Request::new("POST", URL, &[], "m", "1", "n").with_oauth_extra(&extra))
            .unwrap_err(),
        Error::InvalidParameter
    );
    let form: Vec<(&str, &str)> = (0..MAX_PARAMS).map(|_| ("a", "b")).collect();
    assert_eq!(
        s.sign(&Request::new("POST", URL, &form, "m", "1", "n"))
            .unwrap_err(),
        Error::TooManyParameters
    );
    let fits: Vec<(&str, &str)> = (0..MAX_PARAMS - 6).map(|_| ("a", "b")).collect();
    assert!(
        s.sign(&Request::new("POST", URL, &fits, "m", "1", "n"))
            .is_ok()
    );
}

fn signed_parts(secret: &str) -> (String, String) {
    let form = [("balance-provider", "Test")];
    let signed = Signer::new(secret, "")
        .sign(&Request::new(
            "POST",
            URL,
            &form,
            "m",
            "1700000000",
            "n0nce",
        ))
        .unwrap();
    let (mut header, mut body) = (String::new(), String::new());
    signed.write_authorization_header(&mut header).unwrap();
    signed.write_body(&mut body).unwrap();
    (header, body)
}

fn check(header: &str, body: &str, now: u64) -> Result<(), Error> {
    let parsed = AuthorizationHeader::parse(header)?;
    verify(
        &parsed,
        &Incoming {
            method: "POST",
            url: URL,
            body,
        },
        &Signer::new(KEY, ""),
        TimeWindow { now, window: 300 },
    )
    .map(|_| ())
}

#[test]
fn verification_reports_which_check_failed() {
    let (header, body) = signed_parts(KEY);
    assert_eq!(check(&header, &body, 1_700_000_000), Ok(()));
    assert_eq!(check(&header, &body, 1_700_000_300), Ok(()));
    assert_eq!(
        check(&header, &body, 1_700_000_301),
        Err(Error::TimestampOutOfWindow)
    );
    assert_eq!(
        check(&header, &body, 1_699_999_699),
        Err(Error::TimestampOutOfWindow)
    );
    let (wrong_key_header, _) = signed_parts("another key");
    assert_eq!(
        check(&wrong_key_header, &body, 1_700_000_000),
        Err(Error::SignatureMismatch)
    );
    let tampered_body = body.replace("Test", "Tess");
    assert_eq!(
        check(&header, &tampered_body, 1_700_000_000),
        Err(Error::SignatureMismatch)
    );
    let mismatched = body.replace("oauth_nonce=n0nce", "oauth_nonce=other");
    assert_eq!(
        check(&header, &mismatched, 1_700_000_000),
        Err(Error::OAuthParameterMismatch)
    );
    let unknown_oauth = format!("{body}&oauth_callback=x");
    assert_eq!(
        check(&header, &unknown_oauth, 1_700_000_000),
        Err(Error::OAuthParameterMismatch)
    );
    // The body may leave its oauth_* copies out: the header's are signed.
    let business_only = "balance-provider=Test";
    assert_eq!(check(&header, business_only, 1_700_000_000), Ok(()));
    let no_nonce = header.replace(",oauth_nonce=\"n0nce\"", "");
    assert_eq!(
        check(&no_nonce, &body, 1_700_000_000),
        Err(Error::MissingOAuthParameter)
    );
    let plaintext = header.replace("HMAC-SHA1", "PLAINTEXT");
    assert_eq!(
        check(&plaintext, &body, 1_700_000_000),
        Err(Error::UnsupportedSignatureMethod)
    );
    let v2 = header.replace("oauth_version=\"1.0\"", "oauth_version=\"2.0\"");
    assert_eq!(
        check(&v2, &body, 1_700_000_000),
        Err(Error::UnsupportedVersion)
    );
    let bad_ts = header.replace("1700000000", "17e8");
    assert_eq!(
        check(&bad_ts, &body.replace("1700000000", "17e8"), 1_700_000_000).unwrap_err(),
        Error::SignatureMismatch
    );
    let short_sig = header.replace("oauth_signature=\"", "oauth_signature=\"A");
    assert_eq!(
        check(&short_sig, &body, 1_700_000_000),
        Err(Error::SignatureMismatch)
    );
}

#[test]
fn malformed_headers() {
    for h in [
        "",
        "Basic abc",
        "OAuthrealm=\"\"",
        "OAuth realm",
        "OAuth oauth_nonce=unquoted",
        "OAuth oauth_nonce=\"unterminated",
        "OAuth oauth_nonce=\"a\" oauth_timestamp=\"1\"",
        "OAuth other=\"x\"",
        "OAuth oauth nonce=\"x\"",
    ] {
        assert_eq!(
            AuthorizationHeader::parse(h),
            Err(Error::MalformedHeader),
            "{h:?}"
        );
    }
    assert_eq!(
        AuthorizationHeader::parse("OAuth oauth_nonce=\"%zz\""),
        Err(Error::InvalidPercentEncoding)
    );
    assert_eq!(
        AuthorizationHeader::parse("OAuth oauth_nonce=\"a\", oauth_nonce=\"b\""),
        Err(Error::DuplicateOAuthParameter)
    );
    let many: String = (0..17).map(|i| format!("oauth_x{i}=\"1\",")).collect();
    assert_eq!(
        AuthorizationHeader::parse(&format!("OAuth {many}")),
        Err(Error::TooManyParameters)
    );
    let ok = AuthorizationHeader::parse(
        "Authorization: oauth  realm=\"Photos\" ,  oauth_consumer_key=\"a%20b\" ,",
    )
    .unwrap();
    assert_eq!(ok.consumer_key(), Some("a%20b"));
    let mut buf = [0u8; 8];
    assert_eq!(
        ok.decode_into("oauth_consumer_key", &mut buf),
        Ok(Some(&b"a b"[..]))
    );
}

#[test]
fn error_messages_are_static_and_distinct() {
    // Every variant (`Error::ALL` is checked exhaustive by the crate's own tests).
    let all = Error::ALL;
    let mut messages: Vec<&str> = all.iter().map(Error::message).collect();
    messages.sort_unstable();
    messages.dedup();
    assert_eq!(messages.len(), all.len());
    assert_eq!(
        Error::BufferTooSmall { needed: 3 }.to_string(),
        "output buffer is too small (3 bytes needed)"
    );
}

#[test]
fn signer_debug_hides_the_key() {
    let shown = format!("{:?}", Signer::new(KEY, "token-secret"));
    assert!(
        !shown.contains("F9F65098") && !shown.contains("token-secret"),
        "{shown}"
    );
}
