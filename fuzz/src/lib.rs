//! Code shared by the fuzz targets and by `tests/seeds.rs`:
//!
//! - [`reference`]: an independent, allocating, obviously-correct RFC 5849 HMAC-SHA1
//!   signer (percent-encoding, form decoding, normalization, base string, signature).
//!   The targets compare the allocation-free core against it.
//! - [`fields`]: the byte format of the targets that take several strings at once
//!   (fields separated by `0xFF`, a byte that never occurs in UTF-8).
//! - [`trace`]: which stage an input reached (`PAYNET_FUZZ_TRACE=1`).

use std::sync::OnceLock;

/// An independent implementation of what the core computes, on plain `Vec`s and
/// `String`s, written from RFC 5849 rather than from the core's code.
pub mod reference {
    use std::fmt::Write as _;

    use base64::Engine as _;
    use hmac::{Hmac, KeyInit, Mac};
    use sha1::Sha1;

    /// A decoded name/value pair.
    pub type Pair = (Vec<u8>, Vec<u8>);

    /// RFC 3986 unreserved: `A-Z a-z 0-9 - . _ ~`.
    pub fn is_unreserved(b: u8) -> bool {
        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
    }

    /// Percent-encodes every byte that is not unreserved, upper-case hex.
    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len() * 3);
        for &b in bytes {
            if is_unreserved(b) {
                out.push(char::from(b));
            } else {
                let _ = write!(out, "%{b:02X}");
            }
        }
        out
    }

    fn hex(b: u8) -> Option<u8> {
        char::from(b).to_digit(16).map(|d| d as u8)
    }

    /// True when every `%` starts a `%XX` escape.
    pub fn valid_escapes(src: &[u8]) -> bool {
        decode(src, false).is_some()
    }

    /// Strict decoding: `None` when a `%` does not start a `%XX` escape; with `form`,
    /// `+` is a space.
    pub fn decode(src: &[u8], form: bool) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(src.len());
        let mut i = 0;
        while i < src.len() {
            match src[i] {
                b'%' => {
                    let h = hex(*src.get(i + 1)?)?;
                    let l = hex(*src.get(i + 2)?)?;
                    out.push(h * 16 + l);
                    i += 3;
                }
                b'+' if form => {
                    out.push(b' ');
                    i += 1;
                }
                b => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        Some(out)
    }

    /// Lenient decoding: a `%` that does not start a valid escape stays a `%`.
    pub fn decode_lenient(src: &[u8], form: bool) -> Vec<u8> {
        let mut out = Vec::with_capacity(src.len());
        let mut i = 0;
        while i < src.len() {
            let b = src[i];
            if b == b'%'
                && let (Some(h), Some(l)) = (
                    src.get(i + 1).copied().and_then(hex),
                    src.get(i + 2).copied().and_then(hex),
                )
            {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
            out.push(if b == b'+' && form { b' ' } else { b });
            i += 1;
        }
        out
    }

    /// The non-empty `&`-separated pieces of a query string or form body, each split
    /// at its first `=` (no `=`: empty value), still encoded.
    pub fn raw_pairs(src: &[u8]) -> Vec<(&[u8], &[u8])> {
        src.split(|&b| b == b'&')
            .filter(|p| !p.is_empty())
            .map(|p| match p.iter().position(|&b| b == b'=') {
                Some(eq) => (&p[..eq], &p[eq + 1..]),
                None => (p, &p[p.len()..]),
            })
            .collect()
    }

    /// Form-decodes a query string or form body into pairs; `None` on a bad escape.
    pub fn form_pairs(src: &[u8]) -> Option<Vec<Pair>> {
        raw_pairs(src)
            .into_iter()
            .map(|(n, v)| Some((decode(n, true)?, decode(v, true)?)))
            .collect()
    }

    /// RFC 5849 3.4.1.3.2: encode names and values, sort by name then value (byte
    /// order of the encoded strings), join `name=value` with `&`.
    pub fn normalize(params: &[Pair]) -> String {
        let mut encoded: Vec<(String, String)> =
            params.iter().map(|(n, v)| (encode(n), encode(v))).collect();
        encoded.sort();
        let mut out = String::new();
        for (i, (n, v)) in encoded.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(n);
            out.push('=');
            out.push_str(v);
        }
        out
    }

    /// RFC 5849 3.4.1.2 from already split parts: lower-case scheme and host, the port
    /// unless it is the scheme's default (`port` is `None` then), the path (`/` when
    /// empty), no query, no fragment.
    pub fn base_uri(scheme: &str, host: &str, port: Option<u16>, path: &str) -> String {
        let mut out = format!(
            "{}://{}",
            scheme.to_ascii_lowercase(),
            host.to_ascii_lowercase()
        );
        if let Some(port) = port {
            let _ = write!(out, ":{port}");
        }
        out.push_str(if path.is_empty() { "/" } else { path });
        out
    }

    /// The same from the core's URL split.
    pub fn base_uri_of(url: &paynet_oauth::UrlParts<'_>) -> String {
        base_uri(url.scheme, url.host, url.port, url.path)
    }

    /// RFC 5849 3.4.1: `METHOD&enc(base URI)&enc(normalized parameters)`.
    pub fn base_string(method: &str, base_uri: &str, params: &[Pair]) -> String {
        format!(
            "{}&{}&{}",
            method.to_ascii_uppercase(),
            encode(base_uri.as_bytes()),
            encode(normalize(params).as_bytes())
        )
    }

    /// RFC 5849 3.4.2: base64(HMAC-SHA1(enc(consumer secret) & enc(token secret), base)).
    pub fn signature(consumer_secret: &[u8], token_secret: &[u8], base_string: &str) -> String {
        let key = format!("{}&{}", encode(consumer_secret), encode(token_secret));
        let mut mac =
            <Hmac<Sha1> as KeyInit>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
        mac.update(base_string.as_bytes());
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    }
}

/// Several byte strings in one fuzz input, separated by `0xFF`.
pub mod fields {
    use std::borrow::Cow;

    /// The separator: never part of UTF-8 text.
    pub const SEP: u8 = 0xFF;

    /// Splits `data` into exactly `n` fields (the last takes the rest; missing ones are
    /// empty).
    pub fn split(data: &[u8], n: usize) -> Vec<&[u8]> {
        let mut out: Vec<&[u8]> = data.splitn(n, |&b| b == SEP).collect();
        out.resize(n, &[]);
        out
    }

    /// The inverse of [`split`] (for writing seeds).
    pub fn join(fields: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(SEP);
            }
            out.extend_from_slice(f);
        }
        out
    }

    /// A field as text; invalid UTF-8 becomes U+FFFD so every input reaches the API.
    pub fn text(bytes: &[u8]) -> Cow<'_, str> {
        String::from_utf8_lossy(bytes)
    }
}

/// Prints `what` to stderr when `PAYNET_FUZZ_TRACE` is set: which stage an input
/// reached (used to pick seeds that go all the way, and to debug a reproducer).
pub fn trace(what: &str) {
    static ON: OnceLock<bool> = OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("PAYNET_FUZZ_TRACE").is_some()) {
        eprintln!("paynet-fuzz: {what}");
    }
}
