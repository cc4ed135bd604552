//! A signer bound to one endpoint: the method and URL are fixed, so the base string's
//! constant start (`METHOD&enc(base URI)&`) is fed to the keyed HMAC once, when the
//! endpoint signer is made, and every request it signs starts from that state.

use core::fmt;

use crate::Error;
use crate::request::Request;
use crate::sign::{BlockFeeder, HmacSha1, Signer, put_prefix, sign_prepared};
use crate::signed::Signed;
use crate::sink::erase;
use crate::url::UrlParts;

/// A [`Signer`] bound to one method and URL, for signing many requests to the same
/// endpoint (a client's repeated calls). Its signatures and outputs are those of
/// [`Signer::sign`]; it skips parsing the URL and hashing the base string's start.
///
/// Like the signer, it holds key-equivalent HMAC state, wiped when dropped, and its
/// `Debug` shows only the method and URL.
#[derive(Clone)]
pub struct EndpointSigner<'u> {
    method: &'u str,
    url: &'u str,
    parts: UrlParts<'u>,
    /// The keyed HMAC after `METHOD&enc(base URI)&`.
    mac: HmacSha1,
    prefix_len: usize,
}

// Wiped on drop like `Signer` (the same HMAC state type; checked there).
impl zeroize::ZeroizeOnDrop for EndpointSigner<'_> {}

impl fmt::Debug for EndpointSigner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EndpointSigner")
            .field("method", &self.method)
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// Binds this signer to `method` and `url`. The URL is parsed and the method
    /// checked here ([`Error::MalformedUrl`], [`Error::InvalidMethod`]); a query in the
    /// URL is read again with each request (its errors come from
    /// [`EndpointSigner::sign`]).
    pub fn endpoint<'u>(&self, method: &'u str, url: &'u str) -> Result<EndpointSigner<'u>, Error> {
        let parts = UrlParts::parse(url)?;
        if method.is_empty() || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(Error::InvalidMethod);
        }
        let mut mac = self.mac().clone();
        let mut feeder = BlockFeeder::new(&mut mac);
        let _ = put_prefix(erase(&mut feeder), method, &parts);
        let prefix_len = feeder.finish();
        Ok(EndpointSigner {
            method,
            url,
            parts,
            mac,
            prefix_len,
        })
    }
}

impl<'u> EndpointSigner<'u> {
    /// Signs `request`, whose method and URL must be the endpoint's, byte for byte
    /// ([`Error::InvalidParameter`] otherwise); the result is the one
    /// [`Signer::sign`] gives.
    pub fn sign<'a>(&self, request: &Request<'a>) -> Result<Signed<'a>, Error>
    where
        'u: 'a,
    {
        // The same borrowed text (a client's repeated calls) is not compared byte by byte.
        let same = |a: &str, b: &str| core::ptr::eq(a, b) || a == b;
        if !same(request.method, self.method) || !same(request.url, self.url) {
            return Err(Error::InvalidParameter);
        }
        sign_prepared(self.mac.clone(), Some(self.prefix_len), request, self.parts)
    }

    /// The bound method.
    pub fn method(&self) -> &'u str {
        self.method
    }

    /// The bound URL.
    pub fn url(&self) -> &'u str {
        self.url
    }
}
