//! Signing: the keyed HMAC-SHA1 state, the streamed base string, and the signed result.

use core::fmt;

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha1::{Digest, Sha1};

use super::params::{Origin, ParamSet, Text};
use super::percent::{encoded_len, put_encoded};
use super::request::Request;
use super::sink::{Render, Sink, count, write_checked, write_fmt};
use super::url::UrlParts;
use paynet_oauth::Error;

/// The length of a base64 HMAC-SHA1 signature.
pub const SIGNATURE_LEN: usize = 28;

/// The signature method this crate implements.
pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";

type HmacSha1 = Hmac<Sha1>;

/// Feeds the HMAC in whole blocks: the base string arrives in many small pieces, and
/// one `update` per piece costs more than the hashing itself.
struct BlockFeeder<'m> {
    mac: &'m mut HmacSha1,
    buf: [u8; 128],
    len: usize,
}

impl BlockFeeder<'_> {
    fn finish(self) {
        self.mac.update(&self.buf[..self.len]);
    }
}

impl Sink for BlockFeeder<'_> {
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) -> fmt::Result {
        let free = self.buf.len() - self.len;
        if bytes.len() <= free {
            let dst = &mut self.buf[self.len..self.len + bytes.len()];
            if bytes.len() <= 8 {
                // Most pieces are a few bytes (`%26`, `%3D`, short values): a call to
                // memcpy costs more than copying them.
                for (d, s) in dst.iter_mut().zip(bytes) {
                    *d = *s;
                }
            } else {
                dst.copy_from_slice(bytes);
            }
            self.len += bytes.len();
        } else {
            self.mac.update(&self.buf[..self.len]);
            self.len = 0;
            if bytes.len() >= self.buf.len() {
                self.mac.update(bytes);
            } else {
                self.buf[..bytes.len()].copy_from_slice(bytes);
                self.len = bytes.len();
            }
        }
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
/// requests with the same credentials skips it. `Debug` never shows the key, and the
/// keyed state is wiped when the signer is dropped.
#[derive(Clone)]
pub struct Signer {
    mac: HmacSha1,
}

// The key-equivalent part of the HMAC state is two SHA-1 cores (inner and outer pad),
// and sha1's `zeroize` feature wipes each one on drop. Checked here, at compile time,
// so a dependency update that drops the guarantee fails the build.
impl zeroize::ZeroizeOnDrop for Signer {}
const _: () = {
    const fn wipes_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    wipes_on_drop::<sha1::block_api::Sha1Core>();
};

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
        let write_key = Key(c, t);
        // HMAC zero-pads a key shorter than the block, so a zero-padded block is the
        // same key; a longer key is hashed first (RFC 2104), streamed into SHA-1 here.
        let mut block = [0u8; 64];
        if key_len <= block.len() {
            let _ = write_checked(&mut block, &write_key);
        } else {
            let mut sha = Sha1::new();
            let _ = write_key.render(&mut sha);
            let digest = sha.finalize();
            block[..digest.len()].copy_from_slice(&digest);
        }
        let mac = HmacSha1::new(&block.into());
        zeroize::Zeroize::zeroize(&mut block);
        Signer { mac }
    }

    /// Signs `request`: validates it, sorts its parameters, streams the base string
    /// through the keyed HMAC and returns the result, from which the header, the body
    /// and the debug strings are written.
    pub fn sign<'a>(&self, request: &Request<'a>) -> Result<Signed<'a>, Error> {
        let url = UrlParts::parse(request.url)?;
        let mut params = ParamSet::default();
        collect_params(request, &url, &mut params)?;
        let signature = Prepared {
            method: request.method,
            url: &url,
            params: &params,
        }
        .signature_with(self.mac.clone());
        Ok(Signed {
            request: *request,
            url,
            header: HeaderValues::of(request),
            signature,
        })
    }

    /// Computes the signature of an already prepared parameter set (verification).
    pub(crate) fn signature_of(&self, prepared: &Prepared<'_, '_>) -> [u8; SIGNATURE_LEN] {
        prepared.signature_with(self.mac.clone())
    }
}

/// The HMAC key: `encode(consumer secret) & encode(token secret)`.
struct Key<'k>(&'k [u8], &'k [u8]);

impl Render for Key<'_> {
    fn render<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result {
        put_encoded(sink, self.0, false)?;
        sink.put(b"&")?;
        put_encoded(sink, self.1, false)
    }
}

/// Signs `request` with one-off credentials. Use a [`Signer`] to sign many requests
/// with the same credentials.
pub fn sign<'a>(
    request: &Request<'a>,
    consumer_secret: &str,
    token_secret: &str,
) -> Result<Signed<'a>, Error> {
    Signer::new(consumer_secret, token_secret).sign(request)
}

/// A request's method, URL and sorted parameter set, borrowed where they were built
/// (the parameter set is large; it is never moved): ready to be signed or written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Prepared<'p, 'a> {
    pub(crate) method: &'a str,
    pub(crate) url: &'p UrlParts<'a>,
    pub(crate) params: &'p ParamSet<'a>,
}

/// Validates `request` and fills `params` with its query, form and `oauth_*` pairs,
/// sorted.
fn collect_params<'a>(
    request: &Request<'a>,
    url: &UrlParts<'a>,
    params: &mut ParamSet<'a>,
) -> Result<(), Error> {
    validate(request)?;
    params.push_form(url.query, Origin::Query)?;
    for &(name, value) in request.form {
        if name == "oauth_signature" {
            return Err(Error::InvalidParameter);
        }
        params.push_raw(name, value)?;
    }
    push_oauth(request, params)?;
    params.sort();
    Ok(())
}

fn push_oauth<'a>(r: &Request<'a>, p: &mut ParamSet<'a>) -> Result<(), Error> {
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
        p.push(
            Text::raw(name.as_bytes()),
            Text::raw(value.as_bytes()),
            Origin::Body,
        )?;
    }
    Ok(())
}

fn validate(r: &Request<'_>) -> Result<(), Error> {
    if r.method.is_empty() || !r.method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::InvalidMethod);
    }
    super::parse_timestamp(r.timestamp)?;
    if r.nonce.is_empty() {
        return Err(Error::InvalidParameter);
    }
    // Protocol parameters travel in the header; the body repeats the header's. A form
    // pair named `oauth_*` would be signed but be in the body only, and the verifier
    // (like the gateway) reads every body `oauth_*` pair as a copy of a header value.
    if r.form.iter().any(|(name, _)| name.starts_with("oauth_")) {
        return Err(Error::InvalidParameter);
    }
    for (i, &(name, _)) in r.extra.iter().enumerate() {
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
        // Header names are written as they are: `oauth_` and then `[A-Za-z0-9_]`.
        let well_formed = name.len() > "oauth_".len()
            && name.starts_with("oauth_")
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let repeated = r.extra[..i].iter().any(|&(earlier, _)| earlier == name);
        if standard || !well_formed || repeated {
            return Err(Error::InvalidParameter);
        }
    }
    // realm, consumer key, timestamp, nonce, signature method and signature, then the
    // optional ones: the header must stay readable by `AuthorizationHeader::parse`.
    let header_pairs =
        6 + usize::from(r.version.is_some()) + usize::from(r.token.is_some()) + r.extra.len();
    if header_pairs > paynet_oauth::MAX_HEADER_PARAMS {
        return Err(Error::TooManyParameters);
    }
    Ok(())
}

/// The header's values, classified once so that writing them is a copy.
#[derive(Clone, Copy, Debug)]
struct HeaderValues<'a> {
    consumer_key: Text<'a>,
    token: Option<Text<'a>>,
    timestamp: Text<'a>,
    nonce: Text<'a>,
    version: Option<Text<'a>>,
}

impl<'a> HeaderValues<'a> {
    fn of(r: &Request<'a>) -> Self {
        HeaderValues {
            consumer_key: Text::raw(r.consumer_key.as_bytes()),
            token: r.token.map(|t| Text::raw(t.as_bytes())),
            timestamp: Text::raw(r.timestamp.as_bytes()),
            nonce: Text::raw(r.nonce.as_bytes()),
            version: r.version.map(|v| Text::raw(v.as_bytes())),
        }
    }
}

impl Prepared<'_, '_> {
    /// Writes the signature base string: `METHOD&enc(base URI)&enc(normalized)`.
    pub(crate) fn put_base_string<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result {
        for chunk in self.method.as_bytes().chunks(16) {
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
        let mut feeder = BlockFeeder {
            mac: &mut mac,
            buf: [0; 128],
            len: 0,
        };
        let _ = self.put_base_string(&mut feeder);
        feeder.finish();
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
///
/// It stays small (the sorted parameter set is not kept: the outputs that need it sort
/// again, which costs less than carrying it around).
#[derive(Clone, Debug)]
pub struct Signed<'a> {
    request: Request<'a>,
    url: UrlParts<'a>,
    header: HeaderValues<'a>,
    signature: [u8; SIGNATURE_LEN],
}

/// The header as a [`Render`]able output.
struct HeaderOut<'s, 'a>(&'s Signed<'a>);

impl Render for HeaderOut<'_, '_> {
    #[inline]
    fn render<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result {
        self.0.put_header(sink)
    }
}

/// Which parameter-set output to render.
#[derive(Clone, Copy)]
enum ParamsOut {
    Body,
    Normalized,
    BaseString,
}

struct ParamsRender<'p, 'a>(Prepared<'p, 'a>, ParamsOut);

impl Render for ParamsRender<'_, '_> {
    #[inline]
    fn render<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result {
        match self.1 {
            ParamsOut::Body => self.0.params.put_normalized(sink, false, true),
            ParamsOut::Normalized => self.0.params.put_normalized(sink, false, false),
            ParamsOut::BaseString => self.0.put_base_string(sink),
        }
    }
}

macro_rules! params_outputs {
    ($(#[$doc:meta])* $write:ident, $len:ident, $into:ident, $which:expr) => {
        $(#[$doc])*
        pub fn $write<W: fmt::Write + ?Sized>(&self, out: &mut W) -> Result<(), Error> {
            self.with_params(|p| write_fmt(out, &ParamsRender(p, $which)))?
        }

        /// The exact length of the matching `write_*` output.
        pub fn $len(&self) -> usize {
            self.with_params(|p| count(&ParamsRender(p, $which))).unwrap_or(0)
        }

        /// Writes the same output into `buf`, returning its length; nothing is written
        /// when `buf` is too small.
        pub fn $into(&self, buf: &mut [u8]) -> Result<usize, Error> {
            self.with_params(|p| write_checked(buf, &ParamsRender(p, $which)))?
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
        &self.request
    }

    /// Writes the Authorization header value: `OAuth realm="",oauth_version="1.0",…`.
    pub fn write_authorization_header<W: fmt::Write + ?Sized>(
        &self,
        out: &mut W,
    ) -> Result<(), Error> {
        write_fmt(out, &HeaderOut(self))
    }

    /// The exact length of the Authorization header value.
    pub fn authorization_header_len(&self) -> usize {
        count(&HeaderOut(self))
    }

    /// Writes the Authorization header value into `buf`, returning its length; nothing
    /// is written when `buf` is too small.
    pub fn authorization_header_into(&self, buf: &mut [u8]) -> Result<usize, Error> {
        write_checked(buf, &HeaderOut(self))
    }

    params_outputs!(
        /// Writes the one-line form body: the form pairs and the `oauth_*` parameters,
        /// encoded and sorted, without the signature (query pairs stay in the URL).
        write_body,
        body_len,
        body_into,
        ParamsOut::Body
    );
    params_outputs!(
        /// Writes the normalized parameters (encoded once, sorted, joined with `&`).
        write_normalized_parameters,
        normalized_parameters_len,
        normalized_parameters_into,
        ParamsOut::Normalized
    );
    params_outputs!(
        /// Writes the signature base string that was signed.
        write_base_string,
        base_string_len,
        base_string_into,
        ParamsOut::BaseString
    );

    /// Builds the sorted parameter set again (the request was validated when it was
    /// signed) and hands it to `f`.
    #[inline]
    fn with_params<R>(&self, f: impl FnOnce(Prepared<'_, 'a>) -> R) -> Result<R, Error> {
        let mut params = ParamSet::default();
        collect_params(&self.request, &self.url, &mut params)?;
        Ok(f(Prepared {
            method: self.request.method,
            url: &self.url,
            params: &params,
        }))
    }

    fn put_header<S: Sink + ?Sized>(&self, s: &mut S) -> fmt::Result {
        let r = &self.request;
        let h = &self.header;
        s.put(b"OAuth realm=\"")?;
        put_encoded(s, r.realm.as_bytes(), false)?;
        s.put(b"\"")?;
        if let Some(version) = &h.version {
            put_pair(s, b",oauth_version=\"", version)?;
        }
        put_pair(s, b",oauth_consumer_key=\"", &h.consumer_key)?;
        if let Some(token) = &h.token {
            put_pair(s, b",oauth_token=\"", token)?;
        }
        for &(name, value) in r.extra {
            s.put(b",")?;
            put_encoded(s, name.as_bytes(), false)?;
            s.put(b"=\"")?;
            put_encoded(s, value.as_bytes(), false)?;
            s.put(b"\"")?;
        }
        put_pair(s, b",oauth_timestamp=\"", &h.timestamp)?;
        put_pair(s, b",oauth_nonce=\"", &h.nonce)?;
        s.put(b",oauth_signature_method=\"HMAC-SHA1\",oauth_signature=\"")?;
        // The base64 alphabet's `+ / =` are the only bytes that need escaping.
        put_encoded(s, &self.signature, false)?;
        s.put(b"\"")
    }
}

fn put_pair<S: Sink + ?Sized>(s: &mut S, name_eq_quote: &[u8], value: &Text<'_>) -> fmt::Result {
    s.put(name_eq_quote)?;
    value.put(s, false)?;
    s.put(b"\"")
}
