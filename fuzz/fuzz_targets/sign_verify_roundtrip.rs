//! Sign, then verify what was signed.
//!
//! `arbitrary` derives a request: a method, a URL from a structured generator (scheme,
//! user info, host, port, path, query pairs in several encodings, fragment), form
//! pairs, consumer key and secret, token and token secret, timestamp, nonce, version,
//! extra `oauth_*` parameters and a realm. Checked:
//! - the URL split (`UrlParts::parse`) gives back what the generator put in;
//! - `Signer::sign` succeeds exactly when the reference says the request is valid, or
//!   fails with the error the reference predicts;
//! - the signature, base string and normalized parameters equal the reference's;
//!   `sign()`, a fresh `Signer`, a reused one, a clone, an `EndpointSigner` and a
//!   `BoundSigner` give the same signature (the last two also the same header and body);
//! - every output's `write_*`, `*_len` and `*_into` agree, and a short buffer is refused
//!   and left untouched;
//! - the header parses and carries the request's values; verifying the header and the
//!   body succeeds with the signer's key and `Verified` holds the request's values; a
//!   different key, or an extra body parameter, is refused.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use paynet_fuzz::{reference, trace};
use paynet_oauth::{
    AuthorizationHeader, Error, Incoming, MAX_HEADER_PARAMS, MAX_NONCE_LEN, MAX_PARAMS, Nonce,
    Request, Signer, TimeWindow, UrlParts, Verified, sign, verify,
};

#[derive(Arbitrary, Debug)]
enum Method {
    Get,
    Post,
    Lower,
    Other(String),
}

#[derive(Arbitrary, Debug)]
enum Scheme {
    Http,
    Https,
    Upper,
    Other(String),
}

#[derive(Arbitrary, Debug)]
enum Host {
    Sandbox,
    MixedCase,
    Ipv6,
    Ipv4,
    Name(String),
}

#[derive(Arbitrary, Debug)]
enum Port {
    None,
    Default,
    Empty,
    Number(u16),
}

#[derive(Arbitrary, Debug)]
enum QueryEncoding {
    /// Percent-encode every reserved byte.
    Percent,
    /// Like `Percent`, but a space as `+` and lower-case hex.
    FormLower,
    /// Leave the bytes that need no escaping in a query (only `& = + % #` and
    /// non-URL bytes are escaped).
    Minimal,
    /// Escape only what a URL cannot carry (`#`, controls, space): `& = + %` stay, so
    /// pieces split differently and a `%` may start a bad escape.
    Raw,
}

#[derive(Arbitrary, Debug)]
struct QueryPair {
    name: String,
    value: Option<String>,
    encoding: QueryEncoding,
}

#[derive(Arbitrary, Debug)]
struct Url {
    scheme: Scheme,
    user_info: Option<String>,
    host: Host,
    port: Port,
    path: Vec<String>,
    trailing_slash: bool,
    query: Vec<QueryPair>,
    empty_query_pieces: u8,
    fragment: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    method: Method,
    url: Url,
    form: Vec<(String, String)>,
    consumer_key: String,
    consumer_secret: String,
    token: Option<String>,
    token_secret: String,
    timestamp: Timestamp,
    nonce: String,
    version: Version,
    extra: Vec<(ExtraName, String)>,
    realm: String,
}

#[derive(Arbitrary, Debug)]
enum Timestamp {
    /// A `u64`, with up to three leading zeros.
    Number { value: u64, zeros: u8 },
    /// Twenty digits above `u64::MAX`: refused by signer and verifier alike.
    Huge { low: u16 },
}

#[derive(Arbitrary, Debug)]
enum Version {
    None,
    V10,
    Other(String),
}

#[derive(Arbitrary, Debug)]
enum ExtraName {
    /// `oauth_` and letters, digits or `_`: a name a header can carry.
    Plain(String),
    /// Any text.
    Raw(String),
}

/// What the generator put into the URL, to compare with `UrlParts::parse`.
struct BuiltUrl {
    text: String,
    scheme: String,
    host: String,
    port: Option<u16>,
    path: String,
    query: String,
}

/// Escapes the bytes a URL may not carry raw here (controls, space, DEL) and the
/// delimiters of `delims`.
fn escape(s: &str, delims: &[u8]) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let mut utf8 = [0u8; 4];
        let bytes = c.encode_utf8(&mut utf8).as_bytes();
        if bytes.len() == 1 && (bytes[0] <= b' ' || bytes[0] == 0x7f || delims.contains(&bytes[0]))
        {
            out.push_str(&format!("%{:02X}", bytes[0]));
        } else {
            out.push(c);
        }
    }
    out
}

fn build_url(u: &Url) -> BuiltUrl {
    let scheme = match &u.scheme {
        Scheme::Http => "http".to_owned(),
        Scheme::Https => "https".to_owned(),
        Scheme::Upper => "HTTPS".to_owned(),
        Scheme::Other(s) => {
            // `+` is the one scheme byte the base string must escape.
            let s: String = s
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                .take(10)
                .collect();
            format!("x{s}")
        }
    };
    let host = match &u.host {
        Host::Sandbox => "sandbox.payneteasy.com".to_owned(),
        Host::MixedCase => "GaTe.Example.COM".to_owned(),
        Host::Ipv6 => "[2001:DB8::1]".to_owned(),
        Host::Ipv4 => "127.0.0.1".to_owned(),
        Host::Name(s) => {
            let h = escape(s, b"/?#@:[]%");
            if h.is_empty() { "h".to_owned() } else { h }
        }
    };
    let default = if scheme.eq_ignore_ascii_case("http") {
        Some(80)
    } else if scheme.eq_ignore_ascii_case("https") {
        Some(443)
    } else {
        None
    };
    let (port_text, port) = match u.port {
        Port::None => (String::new(), None),
        Port::Empty => (":".to_owned(), None),
        Port::Default => match default {
            Some(p) => (format!(":{p}"), None),
            None => (String::new(), None),
        },
        Port::Number(n) => (
            format!(":{n}"),
            if Some(n) == default { None } else { Some(n) },
        ),
    };
    let user_info = match &u.user_info {
        Some(s) => format!("{}@", escape(s, b"/?#@%")),
        None => String::new(),
    };
    let mut path = String::new();
    for segment in &u.path {
        path.push('/');
        path.push_str(&escape(segment, b"/?#%"));
    }
    if u.trailing_slash {
        path.push('/');
    }
    let mut pieces = Vec::new();
    for p in &u.query {
        let enc = |s: &str| match p.encoding {
            QueryEncoding::Percent => reference::encode(s.as_bytes()),
            QueryEncoding::FormLower => form_lower(s),
            QueryEncoding::Minimal => escape(s, b"&=+%#"),
            QueryEncoding::Raw => escape(s, b"#"),
        };
        match &p.value {
            Some(v) => pieces.push(format!("{}={}", enc(&p.name), enc(v))),
            None => pieces.push(enc(&p.name)),
        }
    }
    for _ in 0..(u.empty_query_pieces % 4) {
        pieces.push(String::new());
    }
    let query = pieces.join("&");
    let mut text = format!("{scheme}://{user_info}{host}{port_text}{path}");
    if !u.query.is_empty() || !u.empty_query_pieces.is_multiple_of(4) {
        text.push('?');
        text.push_str(&query);
    }
    if let Some(f) = &u.fragment {
        text.push('#');
        text.push_str(&escape(f, b""));
    }
    BuiltUrl {
        text,
        scheme,
        host,
        port,
        path,
        query,
    }
}

/// Percent-encoding with a space as `+` and lower-case hex in the escapes.
fn form_lower(s: &str) -> String {
    let encoded = reference::encode(s.as_bytes()).replace("%20", "+");
    let mut out = String::with_capacity(encoded.len());
    let mut hex_left = 0;
    for c in encoded.chars() {
        if hex_left > 0 {
            out.push(c.to_ascii_lowercase());
            hex_left -= 1;
        } else {
            hex_left = if c == '%' { 2 } else { 0 };
            out.push(c);
        }
    }
    out
}

fn method_text(m: &Method) -> String {
    match m {
        Method::Get => "GET".to_owned(),
        Method::Post => "POST".to_owned(),
        Method::Lower => "post".to_owned(),
        Method::Other(s) => s.chars().take(24).collect(),
    }
}

const STANDARD: [&str; 7] = [
    "oauth_consumer_key",
    "oauth_nonce",
    "oauth_signature",
    "oauth_signature_method",
    "oauth_timestamp",
    "oauth_token",
    "oauth_version",
];

/// The request's text, built from the input.
struct Plan {
    method: String,
    url: BuiltUrl,
    timestamp: String,
    /// The timestamp's value, when it fits a `u64`.
    timestamp_value: Option<u64>,
    version: Option<String>,
    extra: Vec<(String, String)>,
}

fn plan(input: &Input) -> Plan {
    let (timestamp, timestamp_value) = match input.timestamp {
        Timestamp::Number { value, zeros } => (
            format!("{}{value}", "0".repeat(usize::from(zeros % 4))),
            Some(value),
        ),
        Timestamp::Huge { low } => (format!("9999999999999999{:04}", low % 10_000), None),
    };
    let version = match &input.version {
        Version::None => None,
        Version::V10 => Some("1.0".to_owned()),
        Version::Other(s) => Some(s.clone()),
    };
    let extra = input
        .extra
        .iter()
        .map(|(name, value)| {
            let name = match name {
                ExtraName::Plain(s) => format!(
                    "oauth_x{}",
                    s.chars()
                        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .take(12)
                        .collect::<String>()
                ),
                ExtraName::Raw(s) => s.clone(),
            };
            (name, value.clone())
        })
        .collect();
    Plan {
        method: method_text(&input.method),
        url: build_url(&input.url),
        timestamp,
        timestamp_value,
        version,
        extra,
    }
}

/// The reference's verdict: the parameters the signature covers, or the error to
/// expect from the signer.
fn expected(p: &Plan, input: &Input) -> Result<Vec<reference::Pair>, Error> {
    // The order of the signer's checks: URL, method, timestamp, nonce, form names,
    // extras, header size, then the parameters as they are collected (query, form,
    // protocol ones). Everything it accepts, the parser and the verifier must accept.
    UrlParts::parse(&p.url.text)?;
    if p.method.is_empty() || !p.method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::InvalidMethod);
    }
    // Digits whose value fits a `u64`, as the verifier reads it.
    if p.timestamp_value.is_none() {
        return Err(Error::InvalidTimestamp);
    }
    if input.nonce.is_empty() {
        return Err(Error::InvalidParameter);
    }
    // `oauth_*` travel in the header; the verifier reads a body `oauth_*` pair as a
    // copy of the header's.
    if input.form.iter().any(|(n, _)| n.starts_with("oauth_")) {
        return Err(Error::InvalidParameter);
    }
    for (i, (name, _)) in p.extra.iter().enumerate() {
        // A header name is `oauth_` + `[A-Za-z0-9_]+`, once.
        let well_formed = name.len() > 6
            && name.starts_with("oauth_")
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let repeated = p.extra[..i].iter().any(|(m, _)| m == name);
        if STANDARD.contains(&name.as_str()) || !well_formed || repeated {
            return Err(Error::InvalidParameter);
        }
    }
    let header_pairs =
        6 + p.extra.len() + usize::from(input.token.is_some()) + usize::from(p.version.is_some());
    if header_pairs > MAX_HEADER_PARAMS {
        return Err(Error::TooManyParameters);
    }
    let mut params = Vec::new();
    let push = |params: &mut Vec<reference::Pair>, n: &[u8], v: &[u8]| {
        if params.len() == MAX_PARAMS {
            return Err(Error::TooManyParameters);
        }
        params.push((n.to_vec(), v.to_vec()));
        Ok(())
    };
    for (n, v) in reference::raw_pairs(p.url.query.as_bytes()) {
        let (Some(n), Some(v)) = (reference::decode(n, true), reference::decode(v, true)) else {
            return Err(Error::InvalidPercentEncoding);
        };
        push(&mut params, &n, &v)?;
    }
    for (n, v) in &input.form {
        push(&mut params, n.as_bytes(), v.as_bytes())?;
    }
    push(
        &mut params,
        b"oauth_consumer_key",
        input.consumer_key.as_bytes(),
    )?;
    push(&mut params, b"oauth_nonce", input.nonce.as_bytes())?;
    push(&mut params, b"oauth_signature_method", b"HMAC-SHA1")?;
    push(&mut params, b"oauth_timestamp", p.timestamp.as_bytes())?;
    if let Some(t) = &input.token {
        push(&mut params, b"oauth_token", t.as_bytes())?;
    }
    if let Some(v) = &p.version {
        push(&mut params, b"oauth_version", v.as_bytes())?;
    }
    for (n, v) in &p.extra {
        push(&mut params, n.as_bytes(), v.as_bytes())?;
    }
    Ok(params)
}

fuzz_target!(|input: Input| {
    let p = plan(&input);
    let url = &p.url;

    // The URL split gives back the generator's parts.
    match UrlParts::parse(&url.text) {
        Ok(parts) => {
            assert_eq!(parts.scheme, url.scheme, "{}", url.text);
            assert_eq!(parts.host, url.host, "{}", url.text);
            assert_eq!(parts.port, url.port, "{}", url.text);
            assert_eq!(parts.path, url.path, "{}", url.text);
            assert_eq!(parts.query, url.query, "{}", url.text);
        }
        Err(e) => panic!("{} refused: {e:?}", url.text),
    }

    let form: Vec<(&str, &str)> = input
        .form
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let extra: Vec<(&str, &str)> = p
        .extra
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let request = Request::new(
        &p.method,
        &url.text,
        &form,
        &input.consumer_key,
        &p.timestamp,
        &input.nonce,
    )
    .with_token(input.token.as_deref())
    .with_version(p.version.as_deref())
    .with_oauth_extra(&extra)
    .with_realm(&input.realm);

    let signer = Signer::new(&input.consumer_secret, &input.token_secret);
    let (signed, params) = match (signer.sign(&request), expected(&p, &input)) {
        (Ok(signed), Ok(params)) => (signed, params),
        (Err(got), Err(want)) => {
            assert_eq!(got, want, "{:?}", url.text);
            trace(&format!("sign_verify_roundtrip: refused {got:?}"));
            return;
        }
        (got, want) => panic!(
            "sign: {:?}, reference: {:?}",
            got.map(|s| s.signature().to_owned()),
            want.map(|_| ())
        ),
    };

    // Signature, base string, normalized parameters against the reference.
    let parts = UrlParts::parse(&url.text).unwrap();
    let base = reference::base_string(&p.method, &reference::base_uri_of(&parts), &params);
    let sig = reference::signature(
        input.consumer_secret.as_bytes(),
        input.token_secret.as_bytes(),
        &base,
    );
    let base_out = outputs(
        |s| signed.write_base_string(s),
        signed.base_string_len(),
        |b| signed.base_string_into(b),
    );
    assert_eq!(base_out, base, "base string");
    let normalized = outputs(
        |s| signed.write_normalized_parameters(s),
        signed.normalized_parameters_len(),
        |b| signed.normalized_parameters_into(b),
    );
    assert_eq!(
        normalized,
        reference::normalize(&params),
        "normalized parameters"
    );
    assert_eq!(signed.signature(), sig, "signature");

    // Every way of signing gives the same signature.
    let one_off = sign(&request, &input.consumer_secret, &input.token_secret).unwrap();
    assert_eq!(one_off.signature(), sig, "sign()");
    let other = Request::new("GET", "http://other.example/x?y=1", &[], "k", "1", "n");
    let _ = signer.sign(&other).unwrap();
    assert_eq!(
        signer.sign(&request).unwrap().signature(),
        sig,
        "reused Signer"
    );
    assert_eq!(
        signer.clone().sign(&request).unwrap().signature(),
        sig,
        "cloned Signer"
    );
    assert_eq!(signed.request(), &request);
    // The endpoint signer (method and URL bound, its prefix hashed once) gives the same
    // signature, header and body.
    let endpoint = signer.endpoint(&p.method, &url.text).unwrap();
    let bound = endpoint.sign(&request).unwrap();
    assert_eq!(bound.signature(), sig, "EndpointSigner");
    let mut a = String::new();
    let mut b = String::new();
    bound.write_authorization_header(&mut a).unwrap();
    signed.write_authorization_header(&mut b).unwrap();
    bound.write_body(&mut a).unwrap();
    signed.write_body(&mut b).unwrap();
    assert_eq!(a, b, "EndpointSigner header and body");
    // The request-bound signer (all but the timestamp and nonce bound, the base string
    // before the nonce hashed once) gives the same signature, header and body.
    let bound = signer.bind(&request).unwrap();
    let again = bound.sign(request.timestamp(), request.nonce()).unwrap();
    assert_eq!(again.signature(), sig, "BoundSigner");
    let mut c = String::new();
    again.write_authorization_header(&mut c).unwrap();
    again.write_body(&mut c).unwrap();
    assert_eq!(c, b, "BoundSigner header and body");

    // Header and body.
    let header = outputs(
        |s| signed.write_authorization_header(s),
        signed.authorization_header_len(),
        |b| signed.authorization_header_into(b),
    );
    let body = outputs(
        |s| signed.write_body(s),
        signed.body_len(),
        |b| signed.body_into(b),
    );
    let query_len = reference::raw_pairs(url.query.as_bytes()).len();
    assert_eq!(body, reference::normalize(&params[query_len..]), "body");

    let parsed = AuthorizationHeader::parse(&header)
        .unwrap_or_else(|e| panic!("the signer's header does not parse: {e:?}\nheader: {header}"));
    let value = |name: &str| {
        parsed
            .get(name)
            .map(|v| reference::decode(v.as_bytes(), false).expect("valid escapes"))
    };
    assert_eq!(value("realm").as_deref(), Some(input.realm.as_bytes()));
    assert_eq!(
        value("oauth_consumer_key").as_deref(),
        Some(input.consumer_key.as_bytes())
    );
    assert_eq!(
        value("oauth_nonce").as_deref(),
        Some(input.nonce.as_bytes())
    );
    assert_eq!(
        value("oauth_timestamp").as_deref(),
        Some(p.timestamp.as_bytes())
    );
    assert_eq!(
        value("oauth_token").as_deref(),
        input.token.as_deref().map(str::as_bytes)
    );
    assert_eq!(
        value("oauth_version").as_deref(),
        p.version.as_deref().map(str::as_bytes)
    );
    assert_eq!(value("oauth_signature").as_deref(), Some(sig.as_bytes()));
    assert_eq!(
        value("oauth_signature_method").as_deref(),
        Some(&b"HMAC-SHA1"[..])
    );
    for (n, v) in &p.extra {
        assert_eq!(value(n).as_deref(), Some(v.as_bytes()), "{n}");
    }

    // Verification of exactly what was sent, at the signing time.
    let incoming = Incoming {
        method: &p.method,
        url: &url.text,
        body: &body,
    };
    let time = TimeWindow {
        now: p.timestamp_value.expect("the signer accepted it"),
        window: 0,
    };
    let version_ok = p.version.as_deref().is_none_or(|v| v == "1.0");
    // The verifier keeps nonces of at most MAX_NONCE_LEN bytes; the signer signs any.
    let nonce_fits = input.nonce.len() <= MAX_NONCE_LEN;
    match verify(&parsed, &incoming, &signer, time) {
        Ok(v) => {
            assert!(version_ok, "verify accepted oauth_version {:?}", p.version);
            assert!(
                nonce_fits,
                "verify accepted a nonce of {} bytes",
                input.nonce.len()
            );
            assert_eq!(
                v,
                Verified {
                    consumer_key: parsed.get("oauth_consumer_key").unwrap(),
                    nonce: Nonce::decode(parsed.get("oauth_nonce").unwrap()).unwrap(),
                    timestamp: p.timestamp_value.unwrap(),
                }
            );
            // The nonce is reported decoded: exactly what the signer was given.
            assert_eq!(v.nonce.as_str(), input.nonce);
        }
        // The verifier takes version 1.0 only; the signer sends what it is given.
        Err(Error::UnsupportedVersion) if !version_ok => return,
        Err(Error::MalformedHeader) if !nonce_fits => return,
        Err(e) => panic!(
            "verify refuses what the signer signed: {e:?}\nheader: {header}\nbody: {body}\nurl: {}",
            url.text
        ),
    }

    trace(&format!("sign_verify_roundtrip: verified {}", url.text));

    // Another key, or a parameter added to the body, is refused.
    let mut other_secret = input.consumer_secret.clone();
    other_secret.push('x');
    assert_eq!(
        verify(
            &parsed,
            &incoming,
            &Signer::new(&other_secret, &input.token_secret),
            time
        ),
        Err(Error::SignatureMismatch)
    );
    let tampered = format!("{body}&zz=1");
    let result = verify(
        &parsed,
        &Incoming {
            body: &tampered,
            ..incoming
        },
        &signer,
        time,
    );
    let too_many = params.len() == MAX_PARAMS;
    assert!(
        result == Err(Error::SignatureMismatch)
            || (too_many && result == Err(Error::TooManyParameters)),
        "tampered body: {result:?}"
    );
});

/// One output three ways: `write_*` into a `String`, `*_len`, and `*_into` (also with a
/// buffer one byte short); all must agree. Returns the text.
fn outputs(
    write: impl Fn(&mut String) -> Result<(), Error>,
    len: usize,
    into: impl Fn(&mut [u8]) -> Result<usize, Error>,
) -> String {
    let mut s = String::new();
    write(&mut s).expect("write into a String");
    assert_eq!(len, s.len(), "*_len");
    let mut buf = vec![0xA5u8; s.len() + 2];
    let n = into(&mut buf).expect("*_into");
    assert_eq!(&buf[..n], s.as_bytes(), "*_into");
    assert!(buf[n..].iter().all(|&b| b == 0xA5), "*_into wrote past {n}");
    if !s.is_empty() {
        let mut short = vec![0xA5u8; s.len() - 1];
        assert_eq!(
            into(&mut short),
            Err(Error::BufferTooSmall { needed: s.len() })
        );
        assert!(short.iter().all(|&b| b == 0xA5), "*_into wrote on error");
    }
    s
}
