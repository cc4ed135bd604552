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
