//! Authorization header parsing: `AuthorizationHeader::parse`, `get`, `pairs`,
//! `consumer_key` and `decode_into`.
//!
//! Input: the header value (invalid UTF-8 becomes U+FFFD). Checked:
//! - an error is one of the parser's four variants;
//! - a parsed header has at most `MAX_HEADER_PARAMS` pairs with distinct names, each
//!   `realm` or `oauth_` + `[A-Za-z0-9_]*`, values borrowed from the input, free of `"`,
//!   and validly percent-encoded (realm excepted);
//! - `get` finds every pair, `decode_into` equals the reference decoding, leaves the
//!   rest of the buffer alone and reports a short buffer;
//! - writing the pairs back out (`OAuth n="v", …`), with other spacing and with the
//!   `Authorization:` prefix, parses to the same pairs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paynet_fuzz::{fields, reference};
use paynet_oauth::{AuthorizationHeader, Error, MAX_HEADER_PARAMS};

fuzz_target!(|data: &[u8]| {
    let text = fields::text(data);
    let header = match AuthorizationHeader::parse(&text) {
        Ok(h) => h,
        Err(e) => {
            assert!(
                matches!(
                    e,
                    Error::MalformedHeader
                        | Error::InvalidPercentEncoding
                        | Error::DuplicateOAuthParameter
                        | Error::TooManyParameters
                ),
                "unexpected error {e:?}"
            );
            return;
        }
    };
    let pairs: Vec<(&str, &str)> = header.pairs().collect();
    assert!(pairs.len() <= MAX_HEADER_PARAMS);

    let range = text.as_ptr() as usize..text.as_ptr() as usize + text.len() + 1;
    for (i, &(name, value)) in pairs.iter().enumerate() {
        assert!(
            name == "realm"
                || (name.starts_with("oauth_")
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')),
            "name {name:?}"
        );
        assert!(
            pairs[..i].iter().all(|&(n, _)| n != name),
            "duplicate {name:?}"
        );
        assert!(!value.contains('"'), "quote in {value:?}");
        assert!(
            range.contains(&(value.as_ptr() as usize)),
            "value not borrowed"
        );
        assert!(
            range.contains(&(name.as_ptr() as usize)),
            "name not borrowed"
        );
        assert_eq!(header.get(name), Some(value));

        let decoded = reference::decode(value.as_bytes(), false);
        if name != "realm" {
            assert!(
                decoded.is_some(),
                "{name}: invalid escape accepted: {value:?}"
            );
        }
        let mut buf = vec![0xA5u8; value.len() + 2];
        match (header.decode_into(name, &mut buf), &decoded) {
            (Ok(Some(got)), Some(want)) => assert_eq!(got, &want[..]),
            (Err(Error::InvalidPercentEncoding), None) => {}
            (got, want) => panic!("decode_into({name}): {got:?}, reference {want:?}"),
        }
        if let Some(want) = &decoded {
            assert!(
                buf[want.len()..].iter().all(|&b| b == 0xA5),
                "written past the end"
            );
            if !want.is_empty() {
                let mut short = vec![0xA5u8; want.len() - 1];
                assert_eq!(
                    header.decode_into(name, &mut short),
                    Err(Error::BufferTooSmall { needed: want.len() })
                );
                assert!(short.iter().all(|&b| b == 0xA5));
            }
        }
    }
    assert_eq!(header.consumer_key(), header.get("oauth_consumer_key"));
    // A name the parser never accepts (`-`), so no input can carry it.
    assert_eq!(header.get("oauth-absent"), None);
    let mut buf = [0u8; 4];
    assert_eq!(header.decode_into("oauth-absent", &mut buf), Ok(None));

    // Written back out in three styles, the header parses to the same pairs.
    let styles: [(&str, &str, &str); 3] = [
        ("OAuth ", ",", ""),
        ("Authorization: oauth\t", " ,\t", " "),
        ("  AUTHORIZATION:OAUTH  ", ", ", "\t"),
    ];
    for (prefix, sep, pad) in styles {
        let mut again = String::from(prefix);
        for (i, (n, v)) in pairs.iter().enumerate() {
            if i > 0 {
                again.push_str(sep);
            }
            again.push_str(&format!("{n}{pad}={pad}\"{v}\""));
        }
        let reparsed = AuthorizationHeader::parse(&again)
            .unwrap_or_else(|e| panic!("{again:?} does not parse again: {e:?}"));
        let reparsed: Vec<(&str, &str)> = reparsed.pairs().collect();
        assert_eq!(reparsed, pairs, "{again:?}");
    }
});
