//! Percent-decoding and form parsing of query strings.
//!
//! Input: one control byte (bit 0: `Percent` or `Form` decoding; the rest picks a
//! buffer size), then the source bytes. Checked against the reference:
//! - `validate`, `decoded_len`, `Decoded` and `decode_into` agree with it, the error is
//!   `InvalidPercentEncoding` exactly when an escape is bad, a short buffer gives
//!   `BufferTooSmall { needed }` and is left untouched, and nothing past the returned
//!   length is written;
//! - `encode`, `encode_into` and `encoded_len` agree, the output is unreserved bytes and
//!   upper-case `%XX` only, and decoding it gives the bytes back (both decodings);
//! - the source as a URL query string: the signer's normalized parameters equal the
//!   reference's form parsing and normalization, or the error is the right one;
//! - `paynet_api::form::{parse, decode, encode}` (the gateway's lenient form reader).
#![no_main]

use libfuzzer_sys::fuzz_target;
use paynet_fuzz::reference;
use paynet_oauth::percent::{self, Decoded, Decoding};
use paynet_oauth::{Error, MAX_PARAMS, Request, Signer, UrlParts};

const SENTINEL: u8 = 0xA5;

fuzz_target!(|data: &[u8]| {
    let Some((&control, src)) = data.split_first() else {
        return;
    };
    let decoding = if control & 1 == 0 {
        Decoding::Percent
    } else {
        Decoding::Form
    };
    let form = decoding == Decoding::Form;
    check_decoding(src, decoding, usize::from(control >> 1));
    check_encoding(src, form);
    check_query(src);
    check_gateway_form(src);
});

fn check_decoding(src: &[u8], decoding: Decoding, size_hint: usize) {
    let form = decoding == Decoding::Form;
    let want = reference::decode(src, form);

    assert_eq!(percent::validate(src).is_ok(), want.is_some(), "validate");
    if let Err(e) = percent::validate(src) {
        assert_eq!(e, Error::InvalidPercentEncoding);
    }
    match (&want, percent::decoded_len(src, decoding)) {
        (Some(w), Ok(n)) => assert_eq!(n, w.len(), "decoded_len"),
        (None, Err(Error::InvalidPercentEncoding)) => {}
        (w, got) => panic!("decoded_len: {got:?}, reference {w:?}"),
    }

    // The lazy decoder: equal to the strict reference on valid input, and documented to
    // pass a bad escape through literally.
    let lazy: Vec<u8> = Decoded::new(src, decoding).collect();
    assert_eq!(lazy, reference::decode_lenient(src, form), "Decoded");

    // decode_into with buffers of several sizes around the needed one.
    let needed = want.as_ref().map(Vec::len);
    let mut sizes = vec![0, size_hint, src.len()];
    if let Some(n) = needed {
        sizes.extend([n, n.saturating_sub(1), n + 1]);
    }
    for size in sizes {
        let mut buf = vec![SENTINEL; size];
        let result = percent::decode_into(src, decoding, &mut buf);
        match (&want, result) {
            (None, Err(Error::InvalidPercentEncoding)) => {
                assert!(buf.iter().all(|&b| b == SENTINEL), "written on error");
            }
            (Some(w), Err(Error::BufferTooSmall { needed })) => {
                assert_eq!(needed, w.len(), "BufferTooSmall.needed");
                assert!(
                    size < w.len(),
                    "BufferTooSmall with room: {size} >= {}",
                    w.len()
                );
                assert!(buf.iter().all(|&b| b == SENTINEL), "written on error");
            }
            (Some(w), Ok(n)) => {
                assert_eq!(n, w.len(), "decode_into length");
                assert_eq!(&buf[..n], &w[..], "decode_into bytes");
                assert!(buf[n..].iter().all(|&b| b == SENTINEL), "written past {n}");
            }
            (w, got) => panic!("decode_into({size}): {got:?}, reference {w:?}"),
        }
    }
}

fn check_encoding(src: &[u8], form: bool) {
    let want = reference::encode(src);
    assert_eq!(percent::encoded_len(src), want.len(), "encoded_len");

    let mut s = String::new();
    percent::encode(src, &mut s).expect("encode into a String");
    assert_eq!(s, want, "encode");

    let mut buf = vec![SENTINEL; want.len() + 3];
    let n = percent::encode_into(src, &mut buf).expect("encode_into");
    assert_eq!(&buf[..n], want.as_bytes(), "encode_into");
    assert!(
        buf[n..].iter().all(|&b| b == SENTINEL),
        "encode_into wrote past {n}"
    );
    if !want.is_empty() {
        let mut short = vec![SENTINEL; want.len() - 1];
        assert_eq!(
            percent::encode_into(src, &mut short),
            Err(Error::BufferTooSmall { needed: want.len() })
        );
        assert!(
            short.iter().all(|&b| b == SENTINEL),
            "encode_into wrote on error"
        );
    }

    // Only unreserved bytes and `%XX` with upper-case hex.
    let bytes = want.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = &bytes[i + 1..i + 3];
            assert!(hex.iter().all(|b| matches!(b, b'0'..=b'9' | b'A'..=b'F')));
            assert!(!percent::is_unreserved(
                u8::from_str_radix(std::str::from_utf8(hex).unwrap(), 16).unwrap()
            ));
            i += 3;
        } else {
            assert!(percent::is_unreserved(bytes[i]));
            i += 1;
        }
    }

    // Encoded text decodes back with either decoding (no `+` survives encoding).
    let decoding = if form {
        Decoding::Form
    } else {
        Decoding::Percent
    };
    let mut back = vec![0u8; src.len()];
    let n = percent::decode_into(want.as_bytes(), decoding, &mut back).expect("decode(encode)");
    assert_eq!(&back[..n], src, "decode(encode(x)) != x");
}

/// The source as the query string of a URL: the signer parses it as a form.
fn check_query(src: &[u8]) {
    let Ok(query) = std::str::from_utf8(src) else {
        return;
    };
    let url = format!("https://Example.COM:443/p/a%20th?{query}");
    let Ok(parts) = UrlParts::parse(&url) else {
        // Bytes a request line may not carry (controls, spaces); not this target's job.
        return;
    };
    let query = parts.query; // up to a `#`
    let request = Request::new("GET", &url, &[], "ck", "1", "nonce");
    let signer = Signer::new("cs", "");
    let result = signer.sign(&request);

    let raw = reference::raw_pairs(query.as_bytes());
    let bad = raw
        .iter()
        .position(|(n, v)| !reference::valid_escapes(n) || !reference::valid_escapes(v));
    // The query's pairs come first, each validated before it is added (so a bad escape
    // in pair 33 still wins over the 33rd push failing); then the five protocol
    // parameters (consumer key, nonce, method, timestamp, version).
    let expected_error = match bad {
        Some(i) if i <= MAX_PARAMS => Some(Error::InvalidPercentEncoding),
        _ if raw.len() + 5 > MAX_PARAMS => Some(Error::TooManyParameters),
        _ => None,
    };
    let signed = match (expected_error, result) {
        (None, Ok(signed)) => signed,
        (Some(e), Err(got)) => {
            assert_eq!(got, e, "query {query:?}");
            return;
        }
        (e, got) => panic!("query {query:?}: {got:?}, expected error {e:?}"),
    };

    let mut params = reference::form_pairs(query.as_bytes()).expect("validated");
    for (n, v) in [
        ("oauth_consumer_key", "ck"),
        ("oauth_nonce", "nonce"),
        ("oauth_signature_method", "HMAC-SHA1"),
        ("oauth_timestamp", "1"),
        ("oauth_version", "1.0"),
    ] {
        params.push((n.as_bytes().to_vec(), v.as_bytes().to_vec()));
    }
    let mut normalized = String::new();
    signed.write_normalized_parameters(&mut normalized).unwrap();
    assert_eq!(
        normalized,
        reference::normalize(&params),
        "normalized parameters"
    );
    assert_eq!(signed.normalized_parameters_len(), normalized.len());

    // The query stays in the URL: the body has only the protocol parameters.
    let mut body = String::new();
    signed.write_body(&mut body).unwrap();
    assert_eq!(
        body,
        reference::normalize(&params[params.len() - 5..]),
        "body"
    );

    let base = reference::base_string("GET", "https://example.com/p/a%20th", &params);
    let mut got_base = String::new();
    signed.write_base_string(&mut got_base).unwrap();
    assert_eq!(got_base, base, "base string");
    assert_eq!(signed.signature(), reference::signature(b"cs", b"", &base));
}

/// The gateway's lenient form reader (response bodies).
fn check_gateway_form(src: &[u8]) {
    let text = String::from_utf8_lossy(src);
    let fields = paynet_api::form::parse(&text);
    let want: Vec<(String, Option<String>)> = text
        .split(['\n', '&'])
        .map(|f| f.strip_suffix('\r').unwrap_or(f))
        .filter(|f| !f.is_empty())
        .map(|f| {
            let dec = |s: &str| {
                String::from_utf8_lossy(&reference::decode_lenient(s.as_bytes(), true)).into_owned()
            };
            match f.split_once('=') {
                Some((n, v)) => (dec(n), Some(dec(v))),
                None => (dec(f), None),
            }
        })
        .collect();
    assert_eq!(fields, want, "form::parse");

    let encoded = paynet_api::form::encode(&text);
    assert!(
        encoded
            .bytes()
            .all(|b| reference::is_unreserved(b) || b == b'%' || b == b'+')
    );
    assert_eq!(
        paynet_api::form::decode(&encoded),
        text,
        "form decode(encode)"
    );
    let segment = paynet_api::form::encode_path_segment(&text);
    assert_eq!(
        segment,
        reference::encode(text.as_bytes()),
        "encode_path_segment"
    );
}
