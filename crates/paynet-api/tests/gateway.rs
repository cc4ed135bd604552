//! Gateway base URLs: parsing, validation, presets, loopback.

use paynet_api::{Gateway, GatewayError, PRESETS, Scheme};

#[test]
fn presets() {
    let sandbox = Gateway::from_str_or_preset("payneteasy-sandbox").unwrap();
    assert_eq!(
        sandbox.to_string(),
        "https://sandbox.payneteasy.com/paynet/api/v2"
    );
    assert_eq!(sandbox.scheme(), Scheme::Https);
    assert_eq!(sandbox.host(), "sandbox.payneteasy.com");
    assert_eq!(sandbox.port(), None);
    assert_eq!(sandbox.port_or_default(), 443);
    assert_eq!(sandbox.prefix(), "/paynet/api/v2");
    let production: Gateway = "payneteasy-production".parse().unwrap();
    assert_eq!(
        production.to_string(),
        "https://gate.payneteasy.com/paynet/api/v2"
    );
    assert_eq!(PRESETS.len(), 2);
    for (name, url) in PRESETS {
        assert_eq!(Gateway::preset(name).unwrap().to_string(), *url);
    }
    assert_eq!(Gateway::preset("nope"), None);
}

#[test]
fn urls() {
    let cases = [
        (
            "https://gate.example.com/checkout/api/v2",
            "https://gate.example.com/checkout/api/v2",
        ),
        (
            "https://gate.example.com/checkout/api/v2/",
            "https://gate.example.com/checkout/api/v2",
        ),
        (
            "https://gate.example.com/checkout/api/v2///",
            "https://gate.example.com/checkout/api/v2",
        ),
        (
            "HTTPS://Gate.Example.COM/Paynet/API/v2",
            "https://gate.example.com/Paynet/API/v2",
        ),
        ("https://gate.example.com", "https://gate.example.com"),
        ("https://gate.example.com/", "https://gate.example.com"),
        (
            "http://127.0.0.1:8080/paynet/api/v2",
            "http://127.0.0.1:8080/paynet/api/v2",
        ),
        (
            "http://[::1]:8080/paynet/api/v2",
            "http://[::1]:8080/paynet/api/v2",
        ),
        ("http://[0:0:0:0:0:0:0:1]/x", "http://[::1]/x"),
        (
            "https://gate.example.com:443/p",
            "https://gate.example.com:443/p",
        ),
        ("  https://a.b/p%2Fq;v=1  ", "https://a.b/p%2Fq;v=1"),
        (
            "http://localhost:1/x~y_z-1.2",
            "http://localhost:1/x~y_z-1.2",
        ),
    ];
    for (input, want) in cases {
        let g = Gateway::from_str_or_preset(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(g.to_string(), want, "{input}");
        assert_eq!(
            Gateway::parse(&g.to_string()).unwrap(),
            g,
            "{input} re-parses"
        );
    }
    let g = Gateway::parse("http://localhost:8080/paynet/api/v2/").unwrap();
    assert_eq!(g.port(), Some(8080));
    assert_eq!(
        g.url("/get-balance/1"),
        "http://localhost:8080/paynet/api/v2/get-balance/1"
    );
}

#[test]
fn bad_urls_are_explained() {
    let cases = [
        ("", "empty"),
        ("gate.example.com/paynet", "no scheme"),
        ("ftp://gate.example.com", "http or https"),
        ("https://", "host is empty"),
        ("https:///paynet", "host is empty"),
        ("https://user:pw@gate.example.com", "user info"),
        ("https://gate.example.com/p?x=1", "query"),
        ("https://gate.example.com/p#top", "fragment"),
        ("https://gate.example.com:0/p", "between 1 and 65535"),
        ("https://gate.example.com:70000/p", "between 1 and 65535"),
        ("https://gate.example.com:/p", "must be a number"),
        ("https://gate.example.com:8o/p", "must be a number"),
        ("https://gate example.com/p", "host may only contain"),
        ("https://bücher.example/p", "punycode"),
        ("https://a..b/p", "empty label"),
        ("https://999.1.1.1/p", "IPv4"),
        ("https://1.2.3/p", "IPv4"),
        ("https://[::1/p", "closing bracket"),
        ("https://[zz::1]/p", "IPv6"),
        ("https://[::1]x/p", "junk"),
        ("https://gate.example.com/pay net", "percent-encoded"),
        ("https://gate.example.com/pay%2", "%XX"),
        ("https://gate.example.com/pay/../api", "'..'"),
        ("https://gate.example.com/./api", "'..'"),
        ("https://gate.example.com/a\"b", "percent-encoded"),
    ];
    for (input, needle) in cases {
        let err = Gateway::parse(input).expect_err(input);
        assert!(matches!(err, GatewayError::InvalidUrl { .. }), "{input}");
        let msg = err.to_string();
        assert!(msg.contains(needle), "{input}: {msg}");
        assert!(msg.starts_with("invalid gateway URL"), "{msg}");
    }
    let err = Gateway::from_str_or_preset("payneteasy-sandbx").unwrap_err();
    assert_eq!(
        err,
        GatewayError::UnknownPreset {
            input: "payneteasy-sandbx".into()
        }
    );
    let msg = err.to_string();
    assert!(
        msg.contains("payneteasy-sandbox, payneteasy-production"),
        "{msg}"
    );
}

#[test]
fn loopback() {
    for url in [
        "http://127.0.0.1:8080/p",
        "http://127.1.2.3/p",
        "http://[::1]:80/p",
        "http://[::ffff:127.0.0.1]/p",
        "http://localhost:9/p",
        "http://LOCALHOST/p",
    ] {
        assert!(Gateway::parse(url).unwrap().is_loopback(), "{url}");
    }
    for url in [
        "http://128.0.0.1/p",
        "http://10.0.0.1/p",
        "http://[::2]/p",
        "http://localhost.example.com/p",
        "http://mylocalhost/p",
        "https://sandbox.payneteasy.com/paynet/api/v2",
    ] {
        assert!(!Gateway::parse(url).unwrap().is_loopback(), "{url}");
    }
}

/// The URL a command signs is the URL reqwest (the `url` crate) and browsers' `fetch`
/// send: already WHATWG-canonical, so a WHATWG parser leaves it as it is.
#[test]
fn built_urls_are_what_http_clients_send() {
    let accepted = [
        ("http://127.0.0.1:8080/p", "http://127.0.0.1:8080/p"),
        ("http://10.1.2.3/p", "http://10.1.2.3/p"),
        ("http://[::1]/p", "http://[::1]/p"),
        ("http://[::ffff:127.0.0.1]/p", "http://[::ffff:7f00:1]/p"),
        ("http://[::FFFF:7F00:1]/p", "http://[::ffff:7f00:1]/p"),
        ("http://[::1.2.3.4]/p", "http://[::102:304]/p"),
        (
            "http://[2001:db8:0:0:1:0:0:1]/p",
            "http://[2001:db8::1:0:0:1]/p",
        ),
        ("http://[2001:0:0:1:0:0:0:1]/p", "http://[2001:0:0:1::1]/p"),
        ("http://[1:0:1:1:1:1:1:1]/p", "http://[1:0:1:1:1:1:1:1]/p"),
        ("http://[0:0:0:0:0:0:0:0]/p", "http://[::]/p"),
        ("http://[fe80::ABCD]:8443/p", "http://[fe80::abcd]:8443/p"),
        ("https://Gate.Example.COM/p", "https://gate.example.com/p"),
        ("https://a_b.example/p", "https://a_b.example/p"),
        ("https://gate.example.0x1g/p", "https://gate.example.0x1g/p"),
        ("https://1.2.3.4a/p", "https://1.2.3.4a/p"),
    ];
    for (input, want) in accepted {
        let built = Gateway::parse(input)
            .unwrap_or_else(|e| panic!("{input}: {e}"))
            .url("/get-balance/1");
        assert_eq!(built, format!("{want}/get-balance/1"), "{input}");
        let sent = url::Url::parse(&built).unwrap();
        assert_eq!(sent.as_str(), built, "{input}");
    }
    // Hosts a WHATWG parser reads as another IPv4 address are refused, naming it.
    let rewritten = [
        ("http://127.0x1/p", "127.0.0.1"),
        ("http://127.1/p", "127.0.0.1"),
        ("http://0x7f.0.0.1/p", "127.0.0.1"),
        ("http://2130706433/p", "127.0.0.1"),
        ("http://127.000.0.1/p", "127.0.0.1"),
        ("http://0177.0.0.1/p", "127.0.0.1"),
        ("http://1.2.3/p", "1.2.0.3"),
        ("http://0X7F.0.0.1/p", "127.0.0.1"),
        ("http://0x/p", "0.0.0.0"),
    ];
    for (input, canonical) in rewritten {
        let sent = url::Url::parse(input).unwrap();
        assert_eq!(sent.host_str(), Some(canonical), "{input}");
        let msg = Gateway::parse(input).expect_err(input).to_string();
        assert!(
            msg.contains("not a canonical IPv4 address"),
            "{input}: {msg}"
        );
        assert!(msg.contains(&format!("as {canonical} ")), "{input}: {msg}");
    }
    // And hosts it refuses are refused here too.
    for input in [
        "http://999.1.1.1/p",
        "http://1.2.3.4.5/p",
        "http://example.0x/p",
        "http://example.09/p",
        "http://4294967296/p",
    ] {
        assert!(url::Url::parse(input).is_err(), "{input}");
        let msg = Gateway::parse(input).expect_err(input).to_string();
        assert!(msg.contains("IPv4"), "{input}: {msg}");
    }
}

/// A gateway URL with user info is refused, and the error (its text, its fields, its
/// Debug form: what bindings and panics print) never shows the password or the user.
#[test]
fn errors_never_print_user_info() {
    let cases = [
        (
            "https://merchant14:SECRET@gate.example.com/paynet/api/v2",
            "\"https://<user info removed>@gate.example.com/paynet/api/v2\"",
        ),
        (
            "https://merchant14@gate.example.com",
            "\"https://<user info removed>@gate.example.com\"",
        ),
        (
            "HTTP://merchant14:SE@CRET@127.0.0.1:8080/p?x=1",
            "\"HTTP://<user info removed>@127.0.0.1:8080/p?x=1\"",
        ),
        // A password with a raw '/', '?' or '#' (the parser sees a bad port or a query).
        (
            "https://merchant14:SE/CRET@gate.example.com/p",
            "\"https://<user info removed>@gate.example.com/p\"",
        ),
        (
            "https://merchant14:SE#CRET@gate.example.com/p",
            "\"https://<user info removed>@gate.example.com/p\"",
        ),
    ];
    for (input, shown) in cases {
        let err = Gateway::from_str_or_preset(input).expect_err(input);
        let texts = [err.to_string(), format!("{err:?}")];
        for text in texts {
            assert!(!text.contains("SE"), "{input}: {text}");
            assert!(!text.contains("merchant14"), "{input}: {text}");
        }
        assert!(err.to_string().contains(shown), "{input}: {err}");
        let GatewayError::InvalidUrl { input: kept, .. } = &err else {
            panic!("{input}: {err:?}")
        };
        assert!(!kept.contains("SE"), "{kept}");
    }
    // An '@' in a valid prefix is not user info.
    assert!(Gateway::parse("https://gate.example.com/a@b").is_ok());
}

/// A URL without its scheme is not taken for a mistyped preset name: the error says
/// what is missing.
#[test]
fn a_url_without_a_scheme_is_told_so() {
    for input in [
        "sandbox.payneteasy.com/paynet/api/v2",
        "gate.example.com",
        "localhost:8080",
        "127.0.0.1/paynet",
    ] {
        let err = Gateway::from_str_or_preset(input).expect_err(input);
        assert!(
            matches!(err, GatewayError::InvalidUrl { .. }),
            "{input}: {err:?}"
        );
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("invalid gateway URL {input:?}: it has no scheme")),
            "{msg}"
        );
        assert!(msg.contains("https://"), "{msg}");
        let err: Result<Gateway, _> = input.parse();
        assert_eq!(err.unwrap_err().to_string(), msg);
    }
    // A name that is no preset and no URL is still an unknown preset.
    for input in ["payneteasy-sandbx", "sandbox"] {
        assert!(matches!(
            Gateway::from_str_or_preset(input),
            Err(GatewayError::UnknownPreset { .. })
        ));
    }
}

/// Every pattern of zero and non-zero pieces of an IPv6 address (which runs `::`
/// compresses) is written as WHATWG URL writes it.
#[test]
fn ipv6_hosts_are_written_as_whatwg_url_writes_them() {
    for pattern in 0u32..256 {
        let pieces: Vec<String> = (0..8)
            .map(|i| {
                if pattern & (1 << i) != 0 {
                    format!("{:X}", 0x00A0 + i)
                } else {
                    "0".into()
                }
            })
            .collect();
        let input = format!("http://[{}]:8080/p", pieces.join(":"));
        let built = Gateway::parse(&input).unwrap().url("/get-balance/1");
        let sent = url::Url::parse(&input)
            .unwrap()
            .join("p/get-balance/1")
            .unwrap();
        assert_eq!(built, sent.as_str(), "{input}");
    }
    for mapped in [
        "::ffff:10.0.0.1",
        "::ffff:0.0.0.0",
        "::ffff:255.255.255.255",
        "::1.2.3.4",
    ] {
        let input = format!("http://[{mapped}]/p");
        let built = Gateway::parse(&input).unwrap().url("");
        assert_eq!(built, url::Url::parse(&input).unwrap().as_str(), "{input}");
    }
}
