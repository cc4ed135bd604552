//! RFC 3986 percent-encoding (as OAuth 1.0a section 3.6 requires) and decoding.
//!
//! Encoding works on UTF-8 bytes: `A-Z a-z 0-9 - . _ ~` stay, every other byte becomes
//! `%XX` with upper-case hex. Decoding comes in two flavours: plain percent-decoding
//! (Authorization header values) and form decoding, where `+` is a space (query strings
//! and `application/x-www-form-urlencoded` bodies).

use core::fmt;

use super::sink::{Render, Sink, write_checked, write_fmt};
use paynet_oauth::Error;

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// True for the bytes RFC 3986 calls unreserved; they are never encoded.
#[inline]
pub const fn is_unreserved(b: u8) -> bool {
    UNRESERVED[b as usize]
}

const UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = matches!(c, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~');
        b += 1;
    }
    table
};

/// Percent-encoding of a byte string as a [`Render`]able output.
struct Encode<'a>(&'a [u8]);

impl Render for Encode<'_> {
    fn render<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result {
        put_encoded(sink, self.0, false)
    }
}

/// The three bytes `%XX` for `b`.
#[inline]
pub(crate) const fn escape(b: u8) -> [u8; 3] {
    [b'%', HEX[(b >> 4) as usize], HEX[(b & 0x0f) as usize]]
}

/// Writes `bytes` percent-encoded; with `twice`, the result is encoded once more
/// (a reserved byte becomes `%25XX`), as the signature base string needs.
#[inline]
pub(crate) fn put_encoded<S: Sink + ?Sized>(
    sink: &mut S,
    bytes: &[u8],
    twice: bool,
) -> fmt::Result {
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !is_unreserved(b) {
            if start < i {
                sink.put(&bytes[start..i])?;
            }
            put_escaped_byte(sink, b, twice)?;
            start = i + 1;
        }
    }
    if start < bytes.len() {
        sink.put(&bytes[start..])?;
    }
    Ok(())
}

/// Writes one byte encoded (`b` itself when unreserved).
#[inline]
pub(crate) fn put_encoded_byte<S: Sink + ?Sized>(sink: &mut S, b: u8, twice: bool) -> fmt::Result {
    if is_unreserved(b) {
        sink.put(&[b])
    } else {
        put_escaped_byte(sink, b, twice)
    }
}

#[inline]
fn put_escaped_byte<S: Sink + ?Sized>(sink: &mut S, b: u8, twice: bool) -> fmt::Result {
    let [p, h, l] = escape(b);
    if twice {
        sink.put(&[p, b'2', b'5', h, l])
    } else {
        sink.put(&[p, h, l])
    }
}

/// The length of `bytes` once percent-encoded.
pub fn encoded_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| if is_unreserved(b) { 1 } else { 3 })
        .sum()
}

/// Percent-encodes `bytes` into any `core::fmt::Write`.
pub fn encode<W: fmt::Write + ?Sized>(bytes: &[u8], out: &mut W) -> Result<(), Error> {
    write_fmt(out, &Encode(bytes))
}

/// Percent-encodes `bytes` into `buf`, returning the length written.
///
/// A too-small `buf` gives [`Error::BufferTooSmall`] with the length needed, and
/// nothing is written.
pub fn encode_into(bytes: &[u8], buf: &mut [u8]) -> Result<usize, Error> {
    write_checked(buf, &Encode(bytes))
}

/// How `%` escapes (and `+`) in a source string are to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoding {
    /// `%XX` escapes are decoded; `+` stays a plus (Authorization header values).
    Percent,
    /// `%XX` escapes are decoded and `+` is a space (query strings and form bodies).
    Form,
}

/// Checks that every `%` in `src` starts a valid `%XX` escape.
pub fn validate(src: &[u8]) -> Result<(), Error> {
    let mut i = 0;
    while i < src.len() {
        if src[i] == b'%' {
            match (src.get(i + 1), src.get(i + 2)) {
                (Some(&h), Some(&l)) if hex_val(h).is_some() && hex_val(l).is_some() => i += 3,
                _ => return Err(Error::InvalidPercentEncoding),
            }
        } else {
            i += 1;
        }
    }
    Ok(())
}

#[inline]
const fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The decoded bytes of a source that [`validate`] accepted. An invalid escape is
/// passed through literally (it cannot occur after validation).
#[derive(Clone, Debug)]
pub struct Decoded<'a> {
    src: &'a [u8],
    pos: usize,
    plus_is_space: bool,
    literal: bool,
}

impl<'a> Decoded<'a> {
    /// Decodes `src` lazily, reading `+` according to `decoding`.
    pub const fn new(src: &'a [u8], decoding: Decoding) -> Self {
        Decoded {
            src,
            pos: 0,
            plus_is_space: matches!(decoding, Decoding::Form),
            literal: false,
        }
    }

    /// Yields the source bytes as they are (for text that is not encoded).
    pub(crate) const fn literal(src: &'a [u8]) -> Self {
        Decoded {
            src,
            pos: 0,
            plus_is_space: false,
            literal: true,
        }
    }
}

impl Iterator for Decoded<'_> {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        let b = *self.src.get(self.pos)?;
        if self.literal {
            self.pos += 1;
            return Some(b);
        }
        if b == b'%' {
            if let (Some(h), Some(l)) = (
                self.src.get(self.pos + 1).and_then(|&h| hex_val(h)),
                self.src.get(self.pos + 2).and_then(|&l| hex_val(l)),
            ) {
                self.pos += 3;
                return Some(h << 4 | l);
            }
        }
        self.pos += 1;
        Some(if b == b'+' && self.plus_is_space {
            b' '
        } else {
            b
        })
    }
}

/// The length of `src` once decoded.
pub fn decoded_len(src: &[u8], decoding: Decoding) -> Result<usize, Error> {
    validate(src)?;
    Ok(Decoded::new(src, decoding).count())
}

/// Decodes `src` into `buf`, returning the length written. Invalid escapes give
/// [`Error::InvalidPercentEncoding`]; a too-small buffer gives
/// [`Error::BufferTooSmall`]; on error nothing is written.
pub fn decode_into(src: &[u8], decoding: Decoding, buf: &mut [u8]) -> Result<usize, Error> {
    let needed = decoded_len(src, decoding)?;
    let dst = buf
        .get_mut(..needed)
        .ok_or(Error::BufferTooSmall { needed })?;
    for (d, b) in dst.iter_mut().zip(Decoded::new(src, decoding)) {
        *d = b;
    }
    Ok(needed)
}

/// The order of two bytes in encoded form: the first byte of an escape (`%`) sorts
/// before every unreserved byte, and escapes sort by their hex value, so comparing
/// decoded bytes with this key equals comparing the encoded strings byte by byte.
#[inline]
pub(crate) const fn order_key(b: u8) -> u16 {
    if is_unreserved(b) {
        0x100 | b as u16
    } else {
        b as u16
    }
}
