//! A re-encoded nonce is the same nonce: `verify` reports it decoded, so a nonce store
//! keyed on it refuses `oauth_nonce="%39iMz…"` as a replay of `oauth_nonce="9iMz…"`.

use paynet_oauth::{AuthorizationHeader, Incoming, Request, Signer, TimeWindow, verify};

const URL: &str = "https://gate.example.com/paynet/api/v2/get-balance/1";

#[test]
fn a_re_encoded_nonce_verifies_as_the_same_decoded_nonce() {
    let signer = Signer::new("F9F65098-1111-1111-1111-621611111111", "");
    let form = [("balance-provider", "Test")];
    let request = Request::new(
        "POST",
        URL,
        &form,
        "balance_test_merchant14",
        "1700000000",
        "9iMzAbCdEfGhIjKl",
    );
    let signed = signer.sign(&request).unwrap();
    let mut header = String::new();
    signed.write_authorization_header(&mut header).unwrap();
    let mut body = String::new();
    signed.write_body(&mut body).unwrap();
    let time = TimeWindow {
        now: 1_700_000_000,
        window: 300,
    };
    let verify_with = |header: &str, body: &str| {
        let parsed = AuthorizationHeader::parse(header).unwrap();
        let incoming = Incoming {
            method: "POST",
            url: URL,
            body,
        };
        verify(&parsed, &incoming, &signer, time).map(|v| v.nonce.to_string())
    };
    let original = verify_with(&header, &body).unwrap();
    assert_eq!(original, "9iMzAbCdEfGhIjKl");
    // The replay: the nonce with some characters escaped, in the header and in the
    // body's copy; the signature still matches.
    for escaped in [
        "%39iMzAbCdEfGhIjKl",
        "9iMz%41bCdEfGhIjKl",
        "9iMzAbCdEfGhIj%4B%6C",
        "%39%69%4D%7A%41%62%43%64%45%66%47%68%49%6A%4B%6C",
    ] {
        let replay_header = header.replace("9iMzAbCdEfGhIjKl", escaped);
        let replay_body = body.replace("9iMzAbCdEfGhIjKl", escaped);
        assert!(replay_header.contains(escaped) && replay_body.contains(escaped));
        let replayed = verify_with(&replay_header, &replay_body).unwrap();
        assert_eq!(replayed, original, "{escaped}");
        assert_eq!(replayed.as_bytes(), b"9iMzAbCdEfGhIjKl");
    }
}
