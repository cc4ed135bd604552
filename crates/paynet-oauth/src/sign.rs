//! Signing: the keyed HMAC-SHA1 state and the base string written into it.

use core::fmt;

#[cfg(feature = "rustcrypto-sha1")]
use hmac::{Hmac, KeyInit, Mac};
#[cfg(feature = "rustcrypto-sha1")]
use sha1::{Digest, Sha1};

use crate::Error;
use crate::params::ParamSet;
use crate::percent::put_encoded;
use crate::plan::{Plan, QueryTexts};
use crate::request::Request;
use crate::signed::Signed;
use crate::sink::{Sink, SliceSink, erase};
#[cfg(feature = "template-writer")]
use crate::template;
use crate::url::UrlParts;

/// The length of a base64 HMAC-SHA1 signature.
pub const SIGNATURE_LEN: usize = 28;

/// The signature method this crate implements.
pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";

#[cfg(feature = "rustcrypto-sha1")]
pub(crate) type HmacSha1 = Hmac<Sha1>;
#[cfg(not(feature = "rustcrypto-sha1"))]
pub(crate) use crate::small_sha1::{HmacSha1, Sha1};

/// Feeds the HMAC in whole blocks: the base string arrives in many small pieces, and
/// one `update` per piece costs more than the hashing itself. Counts what it fed. (With
/// the small SHA-1 of the size-first build, each piece goes straight to it.)
pub(crate) struct BlockFeeder<'m> {
    mac: &'m mut HmacSha1,
    buf: [u8; 128],
    len: usize,
    pub(crate) fed: usize,
}

impl<'m> BlockFeeder<'m> {
    /// A feeder in front of `mac`.
    #[inline]
    pub(crate) fn new(mac: &'m mut HmacSha1) -> Self {
        BlockFeeder {
            mac,
            buf: [0; 128],
            len: 0,
            fed: 0,
        }
    }

    /// Hands the buffered tail to the HMAC.
    #[inline]
    pub(crate) fn finish(self) -> usize {
        self.mac.update(&self.buf[..self.len]);
        self.fed
    }

    #[cfg(feature = "rustcrypto-sha1")]
    #[inline(never)]
    fn spill(&mut self, bytes: &[u8]) {
        self.mac.update(&self.buf[..self.len]);
        self.len = 0;
        if bytes.len() >= self.buf.len() {
            self.mac.update(bytes);
        } else {
            self.buf[..bytes.len()].copy_from_slice(bytes);
            self.len = bytes.len();
        }
    }
}

impl Sink for BlockFeeder<'_> {
    // Inlined at each piece for speed; called, in the size-first build.
    #[cfg_attr(feature = "template-writer", inline(always))]
    fn put(&mut self, bytes: &[u8]) -> fmt::Result {
        self.fed += bytes.len();
        // The small SHA-1 (the size-first build) keeps a block of its own: each piece
        // goes straight to it.
        #[cfg(not(feature = "rustcrypto-sha1"))]
        self.mac.update(bytes);
        #[cfg(feature = "rustcrypto-sha1")]
        {
            let start = self.len;
            match self.buf.get_mut(start..start + bytes.len()) {
                Some(dst) => {
                    crate::sink::copy_short(dst, bytes);
                    self.len = start + bytes.len();
                }
                None => self.spill(bytes),
            }
        }
        Ok(())
    }
}

impl Sink for Sha1 {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> fmt::Result {
        self.update(bytes);
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
    #[cfg(feature = "rustcrypto-sha1")]
    wipes_on_drop::<sha1::block_api::Sha1Core>();
    #[cfg(not(feature = "rustcrypto-sha1"))]
    wipes_on_drop::<Sha1>();
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
        // HMAC zero-pads a key shorter than the block, so a zero-padded block is the
        // same key: the key is encoded straight into it. A longer key is hashed first
        // (RFC 2104), streamed into SHA-1 here.
        let mut block = [0u8; 64];
        let mut sink = SliceSink {
            buf: &mut block,
            pos: 0,
        };
        if put_key(erase(&mut sink), c, t).is_err() {
            let mut sha = Sha1::new();
            let _ = put_key(erase(&mut sha), c, t);
            let digest = sha.finalize();
            block = [0; 64];
            block[..digest.len()].copy_from_slice(&digest);
        }
        #[cfg(feature = "rustcrypto-sha1")]
        let mac = HmacSha1::new(&block.into());
        #[cfg(not(feature = "rustcrypto-sha1"))]
        let mac = HmacSha1::new(&block);
        zeroize::Zeroize::zeroize(&mut block);
        Signer { mac }
    }

    /// Signs `request`: validates it, sorts its parameters, feeds the base string
    /// through the keyed HMAC and returns the result, from which the header, the body
    /// and the debug strings are written.
    pub fn sign<'a>(&self, request: &Request<'a>) -> Result<Signed<'a>, Error> {
        let url = UrlParts::parse(request.url)?;
        sign_prepared(self.mac.clone(), None, request, url)
    }

    /// The keyed HMAC state (the endpoint signer absorbs its prefix into a copy).
    pub(crate) fn mac(&self) -> &HmacSha1 {
        &self.mac
    }

    /// Computes the signature of an already prepared parameter set (verification).
    pub(crate) fn signature_of(&self, prepared: &Prepared<'_, '_>) -> [u8; SIGNATURE_LEN] {
        prepared.signature_with(self.mac.clone())
    }
}

/// Signs `request` with `mac`, the keyed HMAC state; when `prefix_len` is given, the
/// state has already absorbed the base string's first `prefix_len` bytes
/// (`METHOD&URI&`, which `url` and the request's method must give).
#[inline]
pub(crate) fn sign_prepared<'a>(
    mut mac: HmacSha1,
    prefix_len: Option<usize>,
    request: &Request<'a>,
    url: UrlParts<'a>,
) -> Result<Signed<'a>, Error> {
    let mut query = QueryTexts::new();
    let mut plan = Plan::new(request, &url, &mut query)?;
    #[cfg(feature = "template-writer")]
    {
        plan.base_len = feed_base_string(&mut mac, prefix_len, &plan, request, &url, &query);
    }
    // Without the template writer, the base string is streamed piece by piece through
    // the block feeder: the smallest code.
    #[cfg(not(feature = "template-writer"))]
    {
        let mut feeder = BlockFeeder::new(&mut mac);
        let sink = erase(&mut feeder);
        if prefix_len.is_none() {
            let _ = put_prefix(sink, request.method, &url);
        }
        let _ = plan.put_params(sink, request, &query, true, false);
        plan.base_len = feeder.finish() + prefix_len.unwrap_or(0);
    }
    let signature = finish(mac);
    plan.add_signature(&signature);
    Ok(Signed::new(*request, plan, signature))
}

#[cfg(feature = "template-writer")]
/// The stack buffer the base string is written into: the usual base string (277
/// bytes for get-balance) fits whole, and the HMAC is given it in one `update`. 512
/// was no faster and is more stack for firmware.
const FEED: usize = 320;

#[cfg(feature = "template-writer")]
/// Writes the base string of `request` into a stack buffer and gives it to `mac` each
/// time the buffer fills (the prefix `METHOD&URI&` too, unless `prefix_len` says the
/// state has it); returns the base string's length. A piece larger than the buffer
/// (a very long URL or parameter) is streamed through a [`BlockFeeder`] in its place.
#[inline]
fn feed_base_string(
    mac: &mut HmacSha1,
    prefix_len: Option<usize>,
    plan: &Plan,
    request: &Request<'_>,
    url: &UrlParts<'_>,
    query: &QueryTexts<'_>,
) -> usize {
    let mut buf = [0u8; FEED];
    let mut pos = 0;
    let mut fed = prefix_len.unwrap_or(0);
    if prefix_len.is_none() {
        if prefix_max_len(request.method, url) <= FEED {
            pos = write_prefix(&mut buf, 0, request.method, url);
        } else {
            let mut feeder = BlockFeeder::new(mac);
            let _ = put_prefix(&mut feeder, request.method, url);
            fed += feeder.finish();
        }
    }
    for (k, &id) in plan.ids(false).enumerate() {
        let need = plan.entry_max_len(request, query, id, true);
        if pos + need > FEED {
            mac.update(&buf[..pos]);
            fed += pos;
            pos = 0;
        }
        if need <= FEED {
            pos = plan.write_entry(&mut buf, pos, request, query, id, k == 0, true);
        } else {
            let mut feeder = BlockFeeder::new(mac);
            let _ = plan.put_entry(&mut feeder, request, query, id, k == 0, true);
            fed += feeder.finish();
        }
    }
    mac.update(&buf[..pos]);
    fed + pos
}

/// The HMAC tag, in base64.
#[inline]
pub(crate) fn finish(mac: HmacSha1) -> [u8; SIGNATURE_LEN] {
    #[cfg(feature = "rustcrypto-sha1")]
    let tag: [u8; 20] = mac.finalize().into_bytes().into();
    #[cfg(not(feature = "rustcrypto-sha1"))]
    let tag = mac.finalize();
    crate::b64::encode_tag(&tag)
}

/// Writes the HMAC key: `encode(consumer secret) & encode(token secret)`.
fn put_key<S: Sink + ?Sized>(sink: &mut S, c: &[u8], t: &[u8]) -> fmt::Result {
    put_encoded(sink, c, false)?;
    sink.put(b"&")?;
    put_encoded(sink, t, false)
}

#[cfg(feature = "template-writer")]
/// The most bytes [`write_prefix`] writes.
#[inline]
fn prefix_max_len(method: &str, url: &UrlParts<'_>) -> usize {
    method.len() + 2 + url.base_uri_max_len()
}

#[cfg(feature = "template-writer")]
/// Writes the start of the base string, `METHOD&enc(base URI)&`, into `dst` at `pos`
/// (sized for it, see [`prefix_max_len`]); returns the position after it.
#[inline]
fn write_prefix(dst: &mut [u8], pos: usize, method: &str, url: &UrlParts<'_>) -> usize {
    let end = template::put(dst, pos, method.as_bytes());
    if let Some(written) = dst.get_mut(pos..end) {
        written.make_ascii_uppercase();
    }
    let pos = template::put(dst, end, b"&");
    let pos = url.write_base_uri(dst, pos);
    template::put(dst, pos, b"&")
}

/// Writes the start of the base string: `METHOD&enc(base URI)&` (with the template
/// writer: through a stack buffer when it fits; in pieces otherwise).
pub(crate) fn put_prefix<S: Sink + ?Sized>(
    sink: &mut S,
    method: &str,
    url: &UrlParts<'_>,
) -> fmt::Result {
    #[cfg(feature = "template-writer")]
    {
        let mut buf = [0u8; 256];
        if prefix_max_len(method, url) <= buf.len() {
            let n = write_prefix(&mut buf, 0, method, url);
            return sink.put(buf.get(..n).unwrap_or_default());
        }
    }
    // The method (letters, validated) in upper case, a byte at a time: a few bytes.
    for &b in method.as_bytes() {
        sink.put(&[b.to_ascii_uppercase()])?;
    }
    sink.put(b"&")?;
    url.put_base_uri(sink, true)?;
    sink.put(b"&")
}

/// Signs `request` with one-off credentials. Use a [`Signer`] to sign many requests
/// with the same credentials.
pub fn sign<'a>(
    request: &Request<'a>,
    consumer_secret: &str,
    token_secret: &str,
) -> Result<Signed<'a>, Error> {
    let signer = Signer::new(consumer_secret, token_secret);
    // Used once: its keyed state is signed with in place of a copy (wiped the same way).
    let url = UrlParts::parse(request.url)?;
    sign_prepared(signer.mac, None, request, url)
}

/// A request's method, URL and sorted parameter set, borrowed where they were built
/// (the parameter set is large; it is never moved): ready to be signed or written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Prepared<'p, 'a> {
    pub(crate) method: &'a str,
    pub(crate) url: &'p UrlParts<'a>,
    pub(crate) params: &'p ParamSet<'a>,
}

impl Prepared<'_, '_> {
    /// Writes the signature base string: `METHOD&enc(base URI)&enc(normalized)`.
    pub(crate) fn put_base_string<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result {
        put_prefix(sink, self.method, self.url)?;
        self.params.put_normalized(sink, true, false)
    }

    fn signature_with(&self, mut mac: HmacSha1) -> [u8; SIGNATURE_LEN] {
        let mut feeder = BlockFeeder::new(&mut mac);
        let _ = self.put_base_string(erase(&mut feeder));
        feeder.finish();
        finish(mac)
    }
}
