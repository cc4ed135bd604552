//! Checks of the fuzzing harness itself (plain `cargo test`, no fuzzer needed):
//!
//! - the reference signer reproduces every published vector of
//!   `tests/vectors/oauth1-signing.json` (so a disagreement found by a target is the
//!   core's, not the reference's);
//! - the committed seeds still mean what they should (the `verify` seeds verify, the
//!   `header_parse` seeds parse).
//!
//! `REGENERATE_SEEDS=1 cargo test --test seeds -- --ignored` rewrites the seeds of
//! every target but `sign_verify_roundtrip` (whose inputs are `arbitrary` bytes; its
//! seeds are a merged corpus of a short run) from the vectors.

use std::fs;
use std::path::{Path, PathBuf};

use paynet_fuzz::{fields, reference};
use paynet_oauth::{AuthorizationHeader, Incoming, Request, Signer, TimeWindow, UrlParts, verify};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json(name: &str) -> Value {
    let path = root().join("tests/vectors").join(name);
    serde_json::from_str(&fs::read_to_string(&path).expect("read vectors")).expect("parse vectors")
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

/// One signing vector as text: what a client sent and the key to check it with.
struct Case {
    id: String,
    method: String,
    url: String,
    form: Vec<(String, String)>,
    extra: Vec<(String, String)>,
    consumer_key: String,
    consumer_secret: String,
    token: Option<String>,
    token_secret: String,
    timestamp: String,
    nonce: String,
    version: Option<String>,
    expect: Value,
}

fn cases() -> Vec<Case> {
    json("oauth1-signing.json")["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Case {
            id: c["id"].as_str().unwrap().to_owned(),
            method: c["method"].as_str().unwrap().to_owned(),
            url: c["url"].as_str().unwrap().to_owned(),
            form: pairs(&c["form"]),
            extra: pairs(&c["oauth_extra"]),
            consumer_key: c["consumer_key"].as_str().unwrap().to_owned(),
            consumer_secret: c["consumer_secret"].as_str().unwrap().to_owned(),
            token: c["token"].as_str().map(str::to_owned),
            token_secret: c["token_secret"].as_str().unwrap_or("").to_owned(),
            timestamp: c["timestamp"].as_str().unwrap().to_owned(),
            nonce: c["nonce"].as_str().unwrap().to_owned(),
            version: match c.get("version") {
                Some(Value::Null) => None,
                Some(v) => Some(v.as_str().unwrap().to_owned()),
                None => Some("1.0".to_owned()),
            },
            expect: c["expect"].clone(),
        })
        .collect()
}

/// The header and body the core's signer writes for a case.
fn signed(c: &Case) -> (String, String) {
    let form: Vec<(&str, &str)> = c
        .form
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let extra: Vec<(&str, &str)> = c
        .extra
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let request = Request::new(
        &c.method,
        &c.url,
        &form,
        &c.consumer_key,
        &c.timestamp,
        &c.nonce,
    )
    .with_token(c.token.as_deref())
    .with_version(c.version.as_deref())
    .with_oauth_extra(&extra);
    let signed = Signer::new(&c.consumer_secret, &c.token_secret)
        .sign(&request)
        .unwrap_or_else(|e| panic!("{}: {e}", c.id));
    let (mut header, mut body) = (String::new(), String::new());
    signed.write_authorization_header(&mut header).unwrap();
    signed.write_body(&mut body).unwrap();
    (header, body)
}

#[test]
fn reference_reproduces_every_signing_vector() {
    for c in cases() {
        let url = UrlParts::parse(&c.url).unwrap();
        let mut params = reference::form_pairs(url.query.as_bytes()).unwrap();
        let mut push =
            |n: &str, v: &str| params.push((n.as_bytes().to_vec(), v.as_bytes().to_vec()));
        for (n, v) in &c.form {
            push(n, v);
        }
        push("oauth_consumer_key", &c.consumer_key);
        push("oauth_nonce", &c.nonce);
        push("oauth_signature_method", "HMAC-SHA1");
        push("oauth_timestamp", &c.timestamp);
        if let Some(t) = &c.token {
            push("oauth_token", t);
        }
        if let Some(v) = &c.version {
            push("oauth_version", v);
        }
        for (n, v) in &c.extra {
            push(n, v);
        }
        assert_eq!(
            reference::normalize(&params),
            c.expect["normalized_parameters"].as_str().unwrap(),
            "{}",
            c.id
        );
        let base = reference::base_string(&c.method, &reference::base_uri_of(&url), &params);
        assert_eq!(base, c.expect["base_string"].as_str().unwrap(), "{}", c.id);
        let sig = reference::signature(
            c.consumer_secret.as_bytes(),
            c.token_secret.as_bytes(),
            &base,
        );
        assert_eq!(sig, c.expect["signature"].as_str().unwrap(), "{}", c.id);
    }
}

#[test]
fn reference_encoding_matches_vectors() {
    for pair in json("oauth1-signing.json")["encode"].as_array().unwrap() {
        let (raw, enc) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        assert_eq!(reference::encode(raw.as_bytes()), enc);
        assert_eq!(
            reference::decode(enc.as_bytes(), false).unwrap(),
            raw.as_bytes()
        );
    }
}

fn seed_files(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = root().join("fuzz/seeds").join(target);
    let mut out: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.unwrap().path();
            let data = fs::read(&path).unwrap();
            (path, data)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no seeds for {target}");
    out
}

#[test]
fn verify_seeds_verify() {
    for (path, data) in seed_files("verify") {
        let f = fields::split(&data, 7);
        let text = |i: usize| fields::text(f[i]).into_owned();
        let (method, url, header, body, cs, ts) =
            (text(0), text(1), text(2), text(3), text(4), text(5));
        let parsed = AuthorizationHeader::parse(&header).unwrap();
        let now = fields::text(f[6])
            .parse()
            .unwrap_or_else(|_| parsed.get("oauth_timestamp").unwrap().parse().unwrap());
        let incoming = Incoming {
            method: &method,
            url: &url,
            body: &body,
        };
        let result = verify(
            &parsed,
            &incoming,
            &Signer::new(&cs, &ts),
            TimeWindow { now, window: 300 },
        );
        let name = path.file_name().unwrap().to_string_lossy();
        if name.starts_with("refused-") {
            assert!(result.is_err(), "{}", path.display());
        } else {
            result.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}

#[test]
fn header_seeds_parse() {
    for (path, data) in seed_files("header_parse") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let result = AuthorizationHeader::parse(std::str::from_utf8(&data).unwrap());
        assert_eq!(result.is_ok(), !name.starts_with("bad-"), "{name}");
    }
}

/// Rewrites the seeds from the vectors (`REGENERATE_SEEDS=1 … -- --ignored`).
#[test]
#[ignore = "writes fuzz/seeds; run by hand"]
fn regenerate_seeds() {
    if std::env::var_os("REGENERATE_SEEDS").is_none() {
        eprintln!("set REGENERATE_SEEDS=1 to rewrite fuzz/seeds");
        return;
    }
    let seeds = root().join("fuzz/seeds");
    for target in ["percent_decode", "header_parse", "verify", "response_parse"] {
        // Files are overwritten by name; seeds added by hand (found by a run) stay.
        fs::create_dir_all(seeds.join(target)).unwrap();
    }
    let write = |target: &str, name: &str, data: &[u8]| {
        fs::write(seeds.join(target).join(name), data).unwrap();
    };

    // The signing vectors that make good requests: the gateway's, the RFC's, the edge
    // cases of encoding, Unicode, host and port normalization, duplicates.
    let picked = [
        "oauth-core-1.0a-A.5",
        "rfc5849-3.4.1",
        "paynet-get-balance",
        "paynet-get-balance-manager",
        "paynet-encoding-edge",
        "paynet-unicode",
        "paynet-host-normalization",
        "paynet-explicit-port",
        "paynet-duplicates-and-empty",
    ];
    for c in cases().iter().filter(|c| picked.contains(&c.id.as_str())) {
        let (header, body) = signed(c);
        write("header_parse", &c.id, header.as_bytes());
        let seed = fields::join(&[
            c.method.as_bytes(),
            c.url.as_bytes(),
            header.as_bytes(),
            body.as_bytes(),
            c.consumer_secret.as_bytes(),
            c.token_secret.as_bytes(),
            b"",
        ]);
        write("verify", &c.id, &seed);
        // percent_decode: the query as a form (control byte 1), the body as a form, and
        // the header's signature value percent-decoded (control byte 0).
        let query = UrlParts::parse(&c.url).unwrap().query;
        if !query.is_empty() {
            write(
                "percent_decode",
                &format!("query-{}", c.id),
                &[&[1u8][..], query.as_bytes()].concat(),
            );
        }
        if c.id.starts_with("paynet-encoding") || c.id.starts_with("paynet-unicode") {
            write(
                "percent_decode",
                &format!("body-{}", c.id),
                &[&[0x41u8][..], body.as_bytes()].concat(),
            );
        }
    }
    // A tampered request, refused with a signature mismatch.
    let c = cases()
        .into_iter()
        .find(|c| c.id == "paynet-get-balance")
        .unwrap();
    let (header, body) = signed(&c);
    let tampered = body.replace("Test", "Tesu");
    write(
        "verify",
        "refused-tampered-body",
        &fields::join(&[
            c.method.as_bytes(),
            c.url.as_bytes(),
            header.as_bytes(),
            tampered.as_bytes(),
            c.consumer_secret.as_bytes(),
            b"",
            b"",
        ]),
    );

    // Headers the parser refuses: each of its error paths once.
    for (name, text) in [
        ("bad-duplicate", r#"OAuth oauth_nonce="a", oauth_nonce="b""#),
        ("bad-escape", r#"OAuth oauth_signature="abc%3""#),
        ("bad-unquoted", "OAuth oauth_nonce=abc"),
        ("bad-name", r#"OAuth nonce="abc""#),
        ("bad-scheme", r#"Basic realm="x""#),
        (
            "spacing",
            "Authorization:  oauth \trealm = \"Photos %\" ,\toauth_nonce=\"a%2Bb\",\t",
        ),
    ] {
        write("header_parse", name, text.as_bytes());
    }

    // percent_decode: every encoding vector, and the bad escapes.
    let enc: Vec<String> = json("oauth1-signing.json")["encode"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_str().unwrap().to_owned())
        .collect();
    write(
        "percent_decode",
        "encode-vectors",
        &[&[0u8][..], enc.join("").as_bytes()].concat(),
    );
    write("percent_decode", "bad-escapes", b"\x03a%2%zz%4g+%+%%41%");
    write(
        "percent_decode",
        "gateway-form",
        b"\x01name=saa&amount=219.500\r\nerror-message=Unknown+balance+%22x%26y%22\n=&&x",
    );

    // response_parse: every response vector with its status.
    for case in json("responses.json")["cases"].as_array().unwrap() {
        let status = u16::try_from(case["status"].as_u64().unwrap()).unwrap();
        let body = case["body"].as_str().unwrap().as_bytes();
        let data = if status == 200 {
            [&[0u8][..], body].concat()
        } else {
            [&[0xC0u8][..], &status.to_le_bytes(), body].concat()
        };
        write("response_parse", case["id"].as_str().unwrap(), &data);
    }
    write(
        "response_parse",
        "bom-extra-fields",
        "\u{0}\u{feff} {\"name\":\"a\\u00e9\",\"amount\":-1.5e2,\"currency\":\"EUR\",\"x\":[true,null,{\"y\":1}],\"externalMerchantIdentifier\":\"e\"} ".as_bytes(),
    );
}
