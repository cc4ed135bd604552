//! Property tests: encode/decode round trips, sign-then-verify round trips, no panics.

use paynet_oauth::percent::{self, Decoding};
use paynet_oauth::{AuthorizationHeader, Error, Incoming, Request, Signer, TimeWindow, verify};
use proptest::prelude::*;

fn encode(bytes: &[u8]) -> String {
    let mut s = String::new();
    percent::encode(bytes, &mut s).unwrap();
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes_encode_then_decode_back(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let encoded = encode(&bytes);
        prop_assert!(encoded.bytes().all(|b| percent::is_unreserved(b) || b == b'%' || b.is_ascii_hexdigit()));
        prop_assert_eq!(encoded.len(), percent::encoded_len(&bytes));
        let mut buf = vec![0u8; bytes.len()];
        for decoding in [Decoding::Percent, Decoding::Form] {
            let n = percent::decode_into(encoded.as_bytes(), decoding, &mut buf).unwrap();
            prop_assert_eq!(&buf[..n], &bytes[..]);
        }
    }

    #[test]
    fn decoding_never_panics(src in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut buf = [0u8; 64];
        let _ = percent::decode_into(&src, Decoding::Form, &mut buf);
        let _ = percent::decode_into(&src, Decoding::Percent, &mut buf[..3]);
    }

    #[test]
    fn sign_then_verify_round_trips(
        form in proptest::collection::vec((".{0,12}", ".{0,12}"), 0..8),
        key in ".{1,16}",
        secret in ".{0,80}",
        path in "[a-zA-Z0-9/._~-]{0,20}",
        ts in 0u64..4_000_000_000,
        nonce in "[a-zA-Z0-9]{1,20}",
    ) {
        let form: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).filter(|(n, _)| !n.starts_with("oauth_")).collect();
        let url = format!("https://gate.example.com:8443/{path}");
        let ts_text = ts.to_string();
        let signer = Signer::new(&secret, "");
        let request = Request::new("POST", &url, &form, &key, &ts_text, &nonce);
        let signed = signer.sign(&request).unwrap();
        let mut header = String::new();
        let mut body = String::new();
        signed.write_authorization_header(&mut header).unwrap();
        signed.write_body(&mut body).unwrap();
        let parsed = AuthorizationHeader::parse(&header).unwrap();
        let incoming = Incoming { method: "POST", url: &url, body: &body };
        let ok = verify(&parsed, &incoming, &signer, TimeWindow { now: ts, window: 0 }).unwrap();
        prop_assert_eq!(ok.timestamp, ts);
        // Any other key fails; any change to the body fails.
        let other = Signer::new(&format!("{secret}x"), "");
        prop_assert_eq!(verify(&parsed, &incoming, &other, TimeWindow { now: ts, window: 0 }), Err(Error::SignatureMismatch));
        let tampered = format!("{body}&extra=1");
        let incoming2 = Incoming { method: "POST", url: &url, body: &tampered };
        prop_assert_eq!(verify(&parsed, &incoming2, &signer, TimeWindow { now: ts, window: 0 }), Err(Error::SignatureMismatch));
    }

    #[test]
    fn arbitrary_headers_and_urls_never_panic(header in ".{0,200}", url in ".{0,100}", body in ".{0,100}") {
        let signer = Signer::new("k", "");
        if let Ok(parsed) = AuthorizationHeader::parse(&header) {
            let _ = verify(&parsed, &Incoming { method: "POST", url: &url, body: &body }, &signer, TimeWindow { now: 0, window: 0 });
        }
        let _ = signer.sign(&Request::new("POST", &url, &[], "k", "1", "n"));
    }
}
