//! Signing: the keyed HMAC-SHA1 state, the streamed base string, and the signed result.

use core::fmt;

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha1::{Digest, Sha1};

use crate::Error;
use crate::params::{Origin, ParamSet, Text};
use crate::percent::{encoded_len, put_encoded};
use crate::request::Request;
use crate::sink::{FmtSink, Sink, count, write_checked};
use crate::url::UrlParts;

/// The length of a base64 HMAC-SHA1 signature.
pub const SIGNATURE_LEN: usize = 28;

/// The signature method this crate implements.
pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";

type HmacSha1 = Hmac<Sha1>;

impl Sink for HmacSha1 {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> fmt::Result {
        self.update(bytes);
        Ok(())
    }
}

impl Sink for Sha1 {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> fmt::Result {
        Digest::update(self, bytes);
        Ok(())
    }
}

/// HMAC-SHA1 keyed with `encode(consumer secret) & encode(token secret)`.
///
/// Key setup is done once; [`Signer::sign`] clones the keyed state, so signing many
/// requests with the same credentials skips it. `Debug` never shows the key.
#[derive(Clone)]
pub struct Signer {
    mac: HmacSha1,
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Signer { key: <redacted> }")
    }
}

impl Signer {
    /// Keys the HMAC with the consumer secret (the gateway's control key) and the token
    /// secret (empty for the gateway).
    pub fn new(consumer_secret: &str, token_secret: &str) -> Self {
        let c = consumer_secret.as_bytes();
        let t = token_secret.as_bytes();
        let key_len = encoded_len(c) + 1 + encoded_len(t);
        let write_key = |sink: &mut dyn Sink| -> fmt::Result {
            put_encoded(sink, c, false)?;
            sink.put(b"&")?;
            put_encoded(sink, t, false)
        };
        // HMAC zero-pads a key shorter than the block, so a zero-padded block is the
        // same key; a longer key is hashed first (RFC 2104), streamed into SHA-1 here.
        let mut block = [0u8; 64];
        if key_len <= block.len() {
            let _ = write_checked(&mut block, write_key);
        } else {
            let mut sha = Sha1::new();
            let _ = write_key(&mut sha);
            let digest = sha.finalize();
            block[..digest.len()].copy_from_slice(&digest);
        }
        let mac = HmacSha1::new(&block.into());
        block.fill(0);
        Signer { mac }
    }

    /// Signs `request`: validates it, sorts its parameters, streams the base string
    /// through the keyed HMAC and returns the result, from which the header, the body
    /// and the debug strings are written.
    pub fn sign<'a>(&self, request: &Request<'a>) -> Result<Signed<'a>, Error> {
        let prepared = Prepared::new(request)?;
        let signature = prepared.signature_with(self.mac.clone());
        Ok(Signed { prepared, signature })
    }

    /// Computes the signature of an already prepared parameter set (verification).
    pub(crate) fn signature_of(&self, prepared: &Prepared<'_>) -> [u8; SIGNATURE_LEN] {
        prepared.signature_with(self.mac.clone())
    }
}

/// Signs `request` with one-off credentials. Use a [`Signer`] to sign many requests
/// with the same credentials.
pub fn sign<'a>(request: &Request<'a>, consumer_secret: &str, token_secret: &str) -> Result<Signed<'a>, Error> {
    Signer::new(consumer_secret, token_secret).sign(request)
}

/// A validated request with its parameter set sorted: ready to be signed or written.
#[derive(Clone, Debug)]
pub(crate) struct Prepared<'a> {
    pub(crate) request: Request<'a>,
    pub(crate) url: UrlParts<'a>,
    pub(crate) params: ParamSet<'a>,
}

impl<'a> Prepared<'a> {
    fn new(request: &Request<'a>) -> Result<Self, Error> {
        let mut params = ParamSet::default();
        let url = UrlParts::parse(request.url)?;
        params.push_form(url.query, Origin::Query)?;
        for &(name, value) in request.form {
            if name == "oauth_signature" {
                return Err(Error::InvalidParameter);
            }
            params.push_raw(name, value)?;
        }
        let mut prepared = Prepared { request: *request, url, params };
        prepared.push_oauth()?;
        prepared.validate()?;
        prepared.params.sort();
        Ok(prepared)
    }

    /// Builds from parts that were already validated (verification).
    pub(crate) fn from_parts(request: Request<'a>, url: UrlParts<'a>, mut params: ParamSet<'a>) -> Self {
        params.sort();
        Prepared { request, url, params }
    }

    fn push_oauth(&mut self) -> Result<(), Error> {
        let r = self.request;
        let p = &mut self.params;
        p.push_raw("oauth_consumer_key", r.consumer_key)?;
        p.push_raw("oauth_nonce", r.nonce)?;
        p.push_raw("oauth_signature_method", SIGNATURE_METHOD)?;
        p.push_raw("oauth_timestamp", r.timestamp)?;
        if let Some(token) = r.token {
            p.push_raw("oauth_token", token)?;
        }
        if let Some(version) = r.version {
            p.push_raw("oauth_version", version)?;
        }
        for &(name, value) in r.extra {
            p.push(Text::Raw(name.as_bytes()), Text::Raw(value.as_bytes()), Origin::Body)?;
        }
        Ok(())
    }

    fn validate(&self) -> Result<(), Error> {
        let r = &self.request;
        if r.method.is_empty() || !r.method.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(Error::InvalidMethod);
        }
        if r.timestamp.is_empty() || r.timestamp.len() > 20 || !r.timestamp.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::InvalidTimestamp);
        }
        if r.nonce.is_empty() {
            return Err(Error::InvalidParameter);
        }
        for &(name, _) in r.extra {
            let standard = matches!(
                name,
                "oauth_consumer_key"
                    | "oauth_nonce"
                    | "oauth_signature"
                    | "oauth_signature_method"
                    | "oauth_timestamp"
                    | "oauth_token"
                    | "oauth_version"
            );
            if standard || !name.starts_with("oauth_") || name.len() == "oauth_".len() {
                return Err(Error::InvalidParameter);
            }
        }
        Ok(())
    }

    /// Writes the signature base string: `METHOD&enc(base URI)&enc(normalized)`.
    pub(crate) fn put_base_string<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result {
        for chunk in self.request.method.as_bytes().chunks(16) {
            let mut upper = [0u8; 16];
            let out = &mut upper[..chunk.len()];
            out.copy_from_slice(chunk);
            out.make_ascii_uppercase();
            sink.put(out)?;
        }
        sink.put(b"&")?;
        self.url.put_base_uri(sink, true)?;
        sink.put(b"&")?;
        self.params.put_normalized(sink, true, false)
    }

    fn signature_with(&self, mut mac: HmacSha1) -> [u8; SIGNATURE_LEN] {
        let _ = self.put_base_string(&mut mac);
        let tag = mac.finalize().into_bytes();
        let mut out = [0u8; SIGNATURE_LEN];
        let _ = base64::engine::general_purpose::STANDARD.encode_slice(tag, &mut out);
        out
    }
}

/// A signed request: the signature, and writers for the Authorization header, the
/// form body and the intermediate strings (for debugging a `403`).
///
/// Every output has three forms: `write_*` into any `core::fmt::Write`, `*_len` for
/// the exact size up front, and `*_into` a caller buffer (a too-small buffer gives
/// [`Error::BufferTooSmall`] with the size needed and nothing written).
#[derive(Clone, Debug)]
pub struct Signed<'a> {
    prepared: Prepared<'a>,
    signature: [u8; SIGNATURE_LEN],
}

macro_rules! outputs {
    ($(#[$doc:meta])* $write:ident, $len:ident, $into:ident, $put:ident) => {
        $(#[$doc])*
        pub fn $write<W: fmt::Write + ?Sized>(&self, out: &mut W) -> Result<(), Error> {
            self.$put(&mut FmtSink(out)).map_err(Error::from)
        }

        /// The exact length of the matching `write_*` output.
        pub fn $len(&self) -> usize {
            count(|s| self.$put(s))
        }

        /// Writes the same output into `buf`, returning its length; nothing is written
        /// when `buf` is too small.
        pub fn $into(&self, buf: &mut [u8]) -> Result<usize, Error> {
            write_checked(buf, |s| self.$put(s))
        }
    };
}

impl<'a> Signed<'a> {
    /// The base64 signature (28 characters, standard alphabet, padded).
    pub fn signature(&self) -> &str {
        core::str::from_utf8(&self.signature).unwrap_or_default()
    }

    /// The request that was signed.
    pub fn request(&self) -> &Request<'a> {
        &self.prepared.request
    }

    outputs!(
        /// Writes the Authorization header value: `OAuth realm="",oauth_version="1.0",…`.
        write_authorization_header,
        authorization_header_len,
        authorization_header_into,
        put_header
    );
    outputs!(
        /// Writes the one-line form body: the form pairs and the `oauth_*` parameters,
        /// encoded and sorted, without the signature (query pairs stay in the URL).
        write_body,
        body_len,
        body_into,
        put_body
    );
    outputs!(
        /// Writes the normalized parameters (encoded once, sorted, joined with `&`).
        write_normalized_parameters,
        normalized_parameters_len,
        normalized_parameters_into,
        put_normalized
    );
    outputs!(
        /// Writes the signature base string that was signed.
        write_base_string,
        base_string_len,
        base_string_into,
        put_base_string
    );

    fn put_header<S: Sink + ?Sized>(&self, s: &mut S) -> fmt::Result {
        let r = &self.prepared.request;
        s.put(b"OAuth realm=\"")?;
        put_encoded(s, r.realm.as_bytes(), false)?;
        s.put(b"\"")?;
        if let Some(version) = r.version {
            put_pair(s, "oauth_version", version)?;
        }
        put_pair(s, "oauth_consumer_key", r.consumer_key)?;
        if let Some(token) = r.token {
            put_pair(s, "oauth_token", token)?;
        }
        for &(name, value) in r.extra {
            put_pair(s, name, value)?;
        }
        put_pair(s, "oauth_timestamp", r.timestamp)?;
        put_pair(s, "oauth_nonce", r.nonce)?;
        put_pair(s, "oauth_signature_method", SIGNATURE_METHOD)?;
        put_pair(s, "oauth_signature", self.signature())
    }

    fn put_body<S: Sink + ?Sized>(&self, s: &mut S) -> fmt::Result {
        self.prepared.params.put_normalized(s, false, true)
    }

    fn put_normalized<S: Sink + ?Sized>(&self, s: &mut S) -> fmt::Result {
        self.prepared.params.put_normalized(s, false, false)
    }

    fn put_base_string<S: Sink + ?Sized>(&self, s: &mut S) -> fmt::Result {
        self.prepared.put_base_string(s)
    }
}

fn put_pair<S: Sink + ?Sized>(s: &mut S, name: &str, value: &str) -> fmt::Result {
    s.put(b",")?;
    put_encoded(s, name.as_bytes(), false)?;
    s.put(b"=\"")?;
    put_encoded(s, value.as_bytes(), false)?;
    s.put(b"\"")
}
