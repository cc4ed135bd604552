//! Every case of `tests/vectors/oauth1-signing.json` through the core.

use paynet_oauth::{AuthorizationHeader, Incoming, Request, Signer, TimeWindow, percent, verify};
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/oauth1-signing.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("read vectors"))
        .expect("parse vectors")
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap().to_owned(),
                        p[1].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_signing_vector() {
    let v = vectors();
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 15);
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let form = pairs(&case["form"]);
        let form: Vec<(&str, &str)> = form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let extra = pairs(&case["oauth_extra"]);
        let extra: Vec<(&str, &str)> = extra
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let version = match case.get("version") {
            Some(Value::Null) => None,
            Some(v) => Some(v.as_str().unwrap()),
            None => Some("1.0"),
        };
        let request = Request::new(
            case["method"].as_str().unwrap(),
            case["url"].as_str().unwrap(),
            &form,
            case["consumer_key"].as_str().unwrap(),
            case["timestamp"].as_str().unwrap(),
            case["nonce"].as_str().unwrap(),
        )
        .with_token(case["token"].as_str())
        .with_version(version)
        .with_oauth_extra(&extra);
        let signer = Signer::new(
            case["consumer_secret"].as_str().unwrap(),
            case["token_secret"].as_str().unwrap_or(""),
        );
        let signed = signer
            .sign(&request)
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        let expect = &case["expect"];

        let mut normalized = String::new();
        signed.write_normalized_parameters(&mut normalized).unwrap();
        assert_eq!(
            normalized,
            expect["normalized_parameters"].as_str().unwrap(),
            "{id}: normalized"
        );
        assert_eq!(signed.normalized_parameters_len(), normalized.len(), "{id}");

        let mut base = String::new();
        signed.write_base_string(&mut base).unwrap();
        assert_eq!(
            base,
            expect["base_string"].as_str().unwrap(),
            "{id}: base string"
        );
        assert_eq!(signed.base_string_len(), base.len(), "{id}");

        assert_eq!(
            signed.signature(),
            expect["signature"].as_str().unwrap(),
            "{id}: signature"
        );

        // The header carries the encoded signature, and the server side accepts it.
        let mut header = String::new();
        signed.write_authorization_header(&mut header).unwrap();
        let mut encoded_sig = String::new();
        percent::encode(signed.signature().as_bytes(), &mut encoded_sig).unwrap();
        assert!(
            header.contains(&format!("oauth_signature=\"{encoded_sig}\"")),
            "{id}: {header}"
        );
        let mut body = String::new();
        signed.write_body(&mut body).unwrap();
        let parsed = AuthorizationHeader::parse(&header).unwrap_or_else(|e| panic!("{id}: {e}"));
        let ts: u64 = case["timestamp"].as_str().unwrap().parse().unwrap();
        let incoming = Incoming {
            method: case["method"].as_str().unwrap(),
            url: case["url"].as_str().unwrap(),
            body: &body,
        };
        verify(
            &parsed,
            &incoming,
            &signer,
            TimeWindow {
                now: ts,
                window: 300,
            },
        )
        .unwrap_or_else(|e| panic!("{id}: verify: {e}"));
    }
}

#[test]
fn every_encoding_vector() {
    let v = vectors();
    for pair in v["encode"].as_array().unwrap() {
        let (raw, enc) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        let mut out = String::new();
        percent::encode(raw.as_bytes(), &mut out).unwrap();
        assert_eq!(out, enc, "encode {raw:?}");
        assert_eq!(percent::encoded_len(raw.as_bytes()), enc.len());
        let mut buf = [0u8; 64];
        let n = percent::decode_into(enc.as_bytes(), percent::Decoding::Percent, &mut buf).unwrap();
        assert_eq!(&buf[..n], raw.as_bytes(), "decode {enc:?}");
    }
}

#[test]
fn gateway_header_and_body_are_exactly_the_documented_form() {
    let form = [("balance-provider", "Test")];
    let request = Request::new(
        "POST",
        "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID",
        &form,
        "balance_test_merchant14",
        "1686923599",
        "2xGTFuAgetE",
    );
    let signed = Signer::new("F9F65098-1111-1111-1111-621611111111", "")
        .sign(&request)
        .unwrap();
    let mut header = String::new();
    signed.write_authorization_header(&mut header).unwrap();
    assert_eq!(
        header,
        "OAuth realm=\"\",oauth_version=\"1.0\",oauth_consumer_key=\"balance_test_merchant14\",\
         oauth_timestamp=\"1686923599\",oauth_nonce=\"2xGTFuAgetE\",oauth_signature_method=\"HMAC-SHA1\",\
         oauth_signature=\"CROVVmkEAaZtIzV8pkEZKiHgHps%3D\""
    );
    let mut body = String::new();
    signed.write_body(&mut body).unwrap();
    // The docs show this body broken before each `&` for display only.
    assert_eq!(
        body,
        "balance-provider=Test&oauth_consumer_key=balance_test_merchant14&oauth_nonce=2xGTFuAgetE\
         &oauth_signature_method=HMAC-SHA1&oauth_timestamp=1686923599&oauth_version=1.0"
    );
    assert_eq!(signed.body_len(), body.len());
}
