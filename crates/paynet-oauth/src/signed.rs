//! The signed result: the signature, and the header, body and debug strings written on
//! demand from the request in the order worked out when it was signed.

use core::fmt;

use crate::Error;
use crate::params::Text;
use crate::plan::{Plan, QueryTexts, collect_query};
use crate::request::Request;
use crate::sign::{SIGNATURE_LEN, put_prefix};
use crate::sink::{Render, Sink, SliceSink, erase, write_fmt};
#[cfg(feature = "template-writer")]
use crate::template::put;
use crate::url::UrlParts;

/// A signed request: the signature, and writers for the Authorization header, the
/// form body and the intermediate strings (for debugging a `403`).
///
/// Every output has three forms: `write_*` into any `core::fmt::Write`, `*_len` for
/// the exact size up front, and `*_into` a caller buffer (a too-small buffer gives
/// [`Error::BufferTooSmall`] with the size needed and nothing written).
///
/// It keeps the sorted order of the parameters and the exact length of every output,
/// so `*_len` is a read and `*_into` one write, without sorting again.
#[derive(Clone, Debug)]
pub struct Signed<'a> {
    request: Request<'a>,
    plan: Plan,
    signature: [u8; SIGNATURE_LEN],
}

/// Which output to render.
#[derive(Clone, Copy)]
enum Out {
    Header,
    Body,
    Normalized,
    BaseString,
}

struct Output<'s, 'a>(&'s Signed<'a>, Out);

impl Render for Output<'_, '_> {
    #[inline]
    fn render<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result {
        let (s, r) = (self.0, &self.0.request);
        match self.1 {
            Out::Header => s.put_header(sink),
            Out::Body => s.plan.put_params(sink, r, &[], false, true),
            // The debug outputs read the URL and its query again (validated when the
            // request was signed).
            Out::Normalized | Out::BaseString => {
                let url = UrlParts::parse(r.url).map_err(|_| fmt::Error)?;
                let mut query = QueryTexts::new();
                collect_query(url.query, &mut query).map_err(|_| fmt::Error)?;
                let twice = matches!(self.1, Out::BaseString);
                if twice {
                    put_prefix(sink, r.method, &url)?;
                }
                s.plan.put_params(sink, r, &query, twice, false)
            }
        }
    }
}

macro_rules! outputs {
    ($(#[$doc:meta])* $write:ident, $len:ident, $into:ident, $which:expr, $field:ident) => {
        $(#[$doc])*
        pub fn $write<W: fmt::Write + ?Sized>(&self, out: &mut W) -> Result<(), Error> {
            write_fmt(out, &Output(self, $which))
        }

        /// The exact length of the matching `write_*` output.
        pub fn $len(&self) -> usize {
            self.plan.$field
        }

        /// Writes the same output into `buf`, returning its length; nothing is written
        /// when `buf` is too small.
        pub fn $into(&self, buf: &mut [u8]) -> Result<usize, Error> {
            self.write_into(buf, self.plan.$field, $which)
        }
    };
}

impl<'a> Signed<'a> {
    pub(crate) fn new(request: Request<'a>, plan: Plan, signature: [u8; SIGNATURE_LEN]) -> Self {
        Signed {
            request,
            plan,
            signature,
        }
    }

    /// The base64 signature (28 characters, standard alphabet, padded).
    pub fn signature(&self) -> &str {
        core::str::from_utf8(&self.signature).unwrap_or_default()
    }

    /// The request that was signed.
    pub fn request(&self) -> &Request<'a> {
        &self.request
    }

    outputs!(
        /// Writes the Authorization header value: `OAuth realm="",oauth_version="1.0",…`.
        write_authorization_header,
        authorization_header_len,
        authorization_header_into,
        Out::Header,
        header_len
    );
    outputs!(
        /// Writes the one-line form body: the form pairs and the `oauth_*` parameters,
        /// encoded and sorted, without the signature (query pairs stay in the URL).
        write_body,
        body_len,
        body_into,
        Out::Body,
        body_len
    );
    outputs!(
        /// Writes the normalized parameters (encoded once, sorted, joined with `&`).
        write_normalized_parameters,
        normalized_parameters_len,
        normalized_parameters_into,
        Out::Normalized,
        normalized_len
    );
    outputs!(
        /// Writes the signature base string that was signed.
        write_base_string,
        base_string_len,
        base_string_into,
        Out::BaseString,
        base_len
    );

    #[inline]
    fn write_into(&self, buf: &mut [u8], needed: usize, which: Out) -> Result<usize, Error> {
        let Some(buf) = buf.get_mut(..needed) else {
            return Err(Error::BufferTooSmall { needed });
        };
        // With the template writer, the header and the body are written template-style;
        // the debug outputs (they read the URL again) and all outputs without it through
        // a sink.
        #[cfg(feature = "template-writer")]
        let end = match which {
            Out::Header => self.write_header(buf),
            Out::Body => self
                .plan
                .write_params(buf, 0, &self.request, &[], false, true),
            Out::Normalized | Out::BaseString => {
                let mut sink = SliceSink { buf, pos: 0 };
                Output(self, which).render(erase(&mut sink))?;
                sink.pos
            }
        };
        #[cfg(not(feature = "template-writer"))]
        let end = {
            let mut sink = SliceSink { buf, pos: 0 };
            Output(self, which).render(erase(&mut sink))?;
            sink.pos
        };
        if end != needed {
            return Err(Error::from(fmt::Error));
        }
        Ok(end)
    }

    #[cfg(feature = "template-writer")]
    /// The header written into `dst` (its exact length) with a local position; see
    /// [`Signed::put_header`], which writes the same through a sink.
    fn write_header(&self, dst: &mut [u8]) -> usize {
        let r = &self.request;
        let p = &self.plan;
        let mut pos = put(dst, 0, b"OAuth realm=\"");
        pos = Text::plain(r.realm.as_bytes(), p.realm_clean()).write_at(dst, pos, false);
        if r.version.is_some() {
            pos = put(dst, pos, b"\",oauth_version=\"");
            pos = p.version(r).write_at(dst, pos, false);
        }
        pos = put(dst, pos, b"\",oauth_consumer_key=\"");
        pos = p.consumer_key(r).write_at(dst, pos, false);
        if r.token.is_some() {
            pos = put(dst, pos, b"\",oauth_token=\"");
            pos = p.token(r).write_at(dst, pos, false);
        }
        for (j, &(name, value)) in r.extra.iter().enumerate() {
            // Validated: `oauth_` and then `[A-Za-z0-9_]`.
            pos = put(dst, pos, b"\",");
            pos = put(dst, pos, name.as_bytes());
            pos = put(dst, pos, b"=\"");
            pos = p.extra_value(value, j).write_at(dst, pos, false);
        }
        pos = put(dst, pos, b"\",oauth_timestamp=\"");
        pos = p.timestamp(r).write_at(dst, pos, false);
        pos = put(dst, pos, b"\",oauth_nonce=\"");
        pos = p.nonce(r).write_at(dst, pos, false);
        pos = put(
            dst,
            pos,
            b"\",oauth_signature_method=\"HMAC-SHA1\",oauth_signature=\"",
        );
        // The base64 alphabet's `+ / =` are the only bytes that need escaping; where
        // they are was noted when the request was signed.
        let mut start = 0;
        let mut escapes = p.signature_escapes();
        while escapes != 0 {
            let i = escapes.trailing_zeros() as usize;
            pos = put(dst, pos, self.signature.get(start..i).unwrap_or_default());
            let b = self.signature.get(i).copied().unwrap_or_default();
            pos = crate::template::put_escape(dst, pos, b, false);
            start = i + 1;
            escapes &= escapes - 1;
        }
        pos = put(dst, pos, self.signature.get(start..).unwrap_or_default());
        put(dst, pos, b"\"")
    }

    /// Writes the header: `OAuth realm="…"` and then `,name="value"` per protocol
    /// parameter through one small writer (the size-first build's header; the
    /// template writer's build writes `*_into` with [`Signed::write_header`]).
    fn put_header<S: Sink + ?Sized>(&self, s: &mut S) -> fmt::Result {
        let r = &self.request;
        let p = &self.plan;
        s.put(b"OAuth realm=\"")?;
        Text::plain(r.realm.as_bytes(), p.realm_clean()).put(s, false)?;
        let mut field = |name: &[u8], value: Text<'_>| {
            s.put(b"\",")?;
            s.put(name)?;
            s.put(b"=\"")?;
            value.put(s, false)
        };
        if r.version.is_some() {
            field(b"oauth_version", p.version(r))?;
        }
        field(b"oauth_consumer_key", p.consumer_key(r))?;
        if r.token.is_some() {
            field(b"oauth_token", p.token(r))?;
        }
        for (j, &(name, value)) in r.extra.iter().enumerate() {
            // Validated: `oauth_` and then `[A-Za-z0-9_]`.
            field(name.as_bytes(), p.extra_value(value, j))?;
        }
        field(b"oauth_timestamp", p.timestamp(r))?;
        field(b"oauth_nonce", p.nonce(r))?;
        field(b"oauth_signature_method", Text::plain(b"HMAC-SHA1", true))?;
        // Base64, written through the encoder (not classified): its `+ / =` are
        // escaped like any reserved byte.
        field(b"oauth_signature", Text::plain(&self.signature, false))?;
        s.put(b"\"")
    }
}
