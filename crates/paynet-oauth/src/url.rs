//! Splitting a request URL and writing its base string URI (RFC 5849 section 3.4.1.2).

use core::fmt;

use crate::Error;
use crate::ascii;
use crate::sink::Sink;
#[cfg(feature = "template-writer")]
use crate::template::{self, put};

/// The parts of an absolute `http(s)` URL that signing needs, borrowed from the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// The scheme as written (compared and written in lower case).
    pub scheme: &'a str,
    /// The host as written, with brackets for IPv6 (written in lower case).
    pub host: &'a str,
    /// The port when one is written and it is not the scheme's default.
    pub port: Option<u16>,
    /// The path as sent; empty means `/`.
    pub path: &'a str,
    /// The query without `?`; empty when there is none.
    pub query: &'a str,
}

impl<'a> UrlParts<'a> {
    /// Splits `url` into scheme, host, port, path and query, dropping any user info and
    /// fragment. The scheme must be letters, digits, `+ - .` starting with a letter; the
    /// host must be non-empty; the port, when written, must be a number up to 65535.
    pub fn parse(url: &'a str) -> Result<Self, Error> {
        let bytes = url.as_bytes();
        // A fold without early exit vectorizes; URLs are short and rarely invalid.
        if bytes
            .iter()
            .fold(false, |bad, &b| bad | (b <= b' ') | (b == 0x7f))
        {
            return Err(Error::MalformedUrl);
        }
        let colon = bytes
            .iter()
            .position(|&b| b == b':')
            .ok_or(Error::MalformedUrl)?;
        // Every cut below is at an ASCII byte, so a char boundary (see `cut`).
        let (scheme, rest) = (cut(url, 0, colon)?, cut(url, colon + 1, url.len())?);
        let rest = rest.strip_prefix("//").ok_or(Error::MalformedUrl)?;
        let valid_scheme = scheme
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
        if !valid_scheme {
            return Err(Error::MalformedUrl);
        }
        // The authority ends at the first `/ ? #`; the query starts at the first `?`
        // and the fragment at the first `#` after it. Most URLs have neither `?` nor
        // `#`, which one scan eight bytes at a time tells; only then is each searched
        // for.
        let tail = rest.as_bytes();
        let (end, query_start) = if may_contain(tail, b"#?") {
            let end = ascii::find(rest, b'#').unwrap_or(rest.len());
            (end, ascii::find(cut(rest, 0, end)?, b'?'))
        } else {
            (rest.len(), None)
        };
        let authority_end = tail[..query_start.unwrap_or(end)]
            .iter()
            .position(|&b| b == b'/')
            .or(query_start)
            .unwrap_or(end);
        let authority = cut(rest, 0, authority_end)?;
        let (path, query) = match query_start {
            Some(q) => (cut(rest, authority_end, q)?, cut(rest, q + 1, end)?),
            None => (cut(rest, authority_end, end)?, ""),
        };
        // Likewise user info (`@`) and a port or an IPv6 host (`:`, `[`) are rare.
        let (host, port_text) = if may_contain(authority.as_bytes(), b"@:[") {
            let host_port = match authority.as_bytes().iter().rposition(|&b| b == b'@') {
                Some(at) => cut(authority, at + 1, authority.len())?,
                None => authority,
            };
            split_host_port(host_port)?
        } else {
            (authority, None)
        };
        if host.is_empty() {
            return Err(Error::MalformedUrl);
        }
        let port = match port_text {
            None | Some("") => None,
            Some(p) => {
                if !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 5 {
                    return Err(Error::MalformedUrl);
                }
                let n: u32 = p.bytes().fold(0, |acc, b| acc * 10 + u32::from(b - b'0'));
                let n = u16::try_from(n).map_err(|_| Error::MalformedUrl)?;
                if Some(n) == default_port(scheme) {
                    None
                } else {
                    Some(n)
                }
            }
        };
        Ok(UrlParts {
            scheme,
            host,
            port,
            path,
            query,
        })
    }

    /// Writes the base string URI: lower-case scheme and host, the port unless it is
    /// the default one, the path as sent (`/` when empty), no query, no fragment.
    pub(crate) fn put_base_uri<S: Sink + ?Sized>(
        &self,
        sink: &mut S,
        encoded: bool,
    ) -> fmt::Result {
        // A scheme may hold `+` (`svn+ssh`), which the base string encodes like any byte.
        put_lower_encoded(sink, self.scheme.as_bytes(), encoded)?;
        sink.put(if encoded { b"%3A%2F%2F" } else { b"://" })?;
        put_lower_encoded(sink, self.host.as_bytes(), encoded)?;
        if let Some(port) = self.port {
            sink.put(if encoded { b"%3A" } else { b":" })?;
            let (digits, i) = port_digits(port);
            sink.put(&digits[i..])?;
        }
        let path = if self.path.is_empty() { "/" } else { self.path };
        if encoded {
            crate::percent::put_encoded(sink, path.as_bytes(), false)
        } else {
            sink.put(path.as_bytes())
        }
    }
}

#[cfg(feature = "template-writer")]
impl UrlParts<'_> {
    /// The most bytes [`UrlParts::write_base_uri`] writes.
    #[inline]
    pub(crate) fn base_uri_max_len(&self) -> usize {
        template::max_encoded(
            self.scheme.len() + self.host.len() + self.path.len() + 1,
            false,
        ) + "%3A%2F%2F%3A65535".len()
    }

    /// Writes the base string URI, encoded, into `dst` at `pos` (sized for it, see
    /// [`UrlParts::base_uri_max_len`]) and returns the position after it: what
    /// `put_base_uri(.., true)` writes, template-style.
    #[inline]
    pub(crate) fn write_base_uri(&self, dst: &mut [u8], pos: usize) -> usize {
        let mut pos = write_lower_encoded(dst, pos, self.scheme.as_bytes());
        pos = put(dst, pos, b"%3A%2F%2F");
        pos = write_lower_encoded(dst, pos, self.host.as_bytes());
        if let Some(port) = self.port {
            pos = put(dst, pos, b"%3A");
            let (digits, i) = port_digits(port);
            pos = put(dst, pos, digits.get(i..).unwrap_or_default());
        }
        let path = if self.path.is_empty() { "/" } else { self.path };
        template::put_encoded(dst, pos, path.as_bytes(), false)
    }
}

#[cfg(feature = "template-writer")]
/// Writes `bytes` in lower case and encoded at `pos`; returns the position after it.
#[inline]
fn write_lower_encoded(dst: &mut [u8], mut pos: usize, bytes: &[u8]) -> usize {
    if bytes.iter().fold(true, |clean, &b| {
        clean & crate::percent::is_unreserved(b) & !b.is_ascii_uppercase()
    }) {
        return put(dst, pos, bytes);
    }
    for chunk in bytes.chunks(64) {
        let mut buf = [0u8; 64];
        let lower = &mut buf[..chunk.len()];
        lower.copy_from_slice(chunk);
        lower.make_ascii_lowercase();
        pos = template::put_encoded(dst, pos, lower, false);
    }
    pos
}

/// False when no byte of `bytes` is one of `set` (a scan eight bytes at a time, with
/// the template writer); without it, always true: the searches that follow decide.
#[inline(always)]
fn may_contain(bytes: &[u8], set: &[u8]) -> bool {
    #[cfg(feature = "template-writer")]
    return crate::scan::contains_any(bytes, set);
    #[cfg(not(feature = "template-writer"))]
    {
        let _ = (bytes, set);
        true
    }
}

/// The decimal digits of `port`: they are `digits[i..]`.
fn port_digits(port: u16) -> ([u8; 5], usize) {
    let mut digits = [0u8; 5];
    let mut n = port;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return (digits, i);
        }
    }
}

/// `text[start..end]`, or [`Error::MalformedUrl`] (never, at ASCII bytes' positions).
/// The default build slices (the faster code: 135 instructions less per signature in
/// callgrind); the size-first build takes `get`, which has no panic path.
#[inline]
fn cut(text: &str, start: usize, end: usize) -> Result<&str, Error> {
    #[cfg(feature = "template-writer")]
    return Ok(&text[start..end]);
    #[cfg(not(feature = "template-writer"))]
    text.get(start..end).ok_or(Error::MalformedUrl)
}

fn split_host_port(host_port: &str) -> Result<(&str, Option<&str>), Error> {
    if host_port.starts_with('[') {
        let close = ascii::find(host_port, b']').ok_or(Error::MalformedUrl)?;
        let (host, after) = (
            cut(host_port, 0, close + 1)?,
            cut(host_port, close + 1, host_port.len())?,
        );
        match after.strip_prefix(':') {
            Some(port) => Ok((host, Some(port))),
            None if after.is_empty() => Ok((host, None)),
            None => Err(Error::MalformedUrl),
        }
    } else {
        match ascii::split_once(host_port, b':') {
            Some((host, port)) => Ok((host, Some(port))),
            None => Ok((host_port, None)),
        }
    }
}

fn default_port(scheme: &str) -> Option<u16> {
    if scheme.eq_ignore_ascii_case("http") {
        Some(80)
    } else if scheme.eq_ignore_ascii_case("https") {
        Some(443)
    } else {
        None
    }
}

#[cfg(feature = "template-writer")]
fn put_lower<S: Sink + ?Sized>(sink: &mut S, bytes: &[u8]) -> fmt::Result {
    for chunk in bytes.chunks(32) {
        let mut buf = [0u8; 32];
        let out = &mut buf[..chunk.len()];
        out.copy_from_slice(chunk);
        out.make_ascii_lowercase();
        sink.put(out)?;
    }
    Ok(())
}

fn put_lower_encoded<S: Sink + ?Sized>(sink: &mut S, bytes: &[u8], encoded: bool) -> fmt::Result {
    // The usual scheme and host are lower case and need no escaping: written as they are.
    // A fold without early exit unrolls; the text is short and almost always clean.
    if bytes.iter().fold(true, |clean, &b| {
        clean & crate::percent::is_unreserved(b) & !b.is_ascii_uppercase()
    }) {
        return sink.put(bytes);
    }
    put_lower_rest(sink, bytes, encoded)
}

/// Writes a scheme or host that needs lowering or escaping, in chunks.
#[cfg(feature = "template-writer")]
fn put_lower_rest<S: Sink + ?Sized>(sink: &mut S, bytes: &[u8], encoded: bool) -> fmt::Result {
    if !encoded {
        return put_lower(sink, bytes);
    }
    for chunk in bytes.chunks(64) {
        let mut buf = [0u8; 64];
        let lower = &mut buf[..chunk.len()];
        lower.copy_from_slice(chunk);
        lower.make_ascii_lowercase();
        crate::percent::put_encoded(sink, lower, false)?;
    }
    Ok(())
}

/// Writes a scheme or host that needs lowering or escaping, byte by byte (the
/// size-first build).
#[cfg(not(feature = "template-writer"))]
fn put_lower_rest<S: Sink + ?Sized>(sink: &mut S, bytes: &[u8], encoded: bool) -> fmt::Result {
    bytes.iter().try_for_each(|&b| {
        let b = b.to_ascii_lowercase();
        if encoded {
            crate::percent::put_encoded_byte(sink, b, false)
        } else {
            sink.put(&[b])
        }
    })
}
