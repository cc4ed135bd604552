//! The parameter set of a request and its normalization (RFC 5849 section 3.4.1.3.2):
//! encoded, sorted by encoded name then encoded value, byte order, duplicates kept.
//!
//! Nothing is encoded ahead of time: each parameter borrows its source text and says
//! how to read it, comparisons run on decoded bytes with an order key that equals the
//! order of the encoded strings, and encoding happens while the output is written.

use core::cmp::Ordering;
use core::fmt;

use crate::Error;
use crate::percent::{Decoded, Decoding, order_key, put_encoded, put_encoded_byte, validate};
use crate::sink::Sink;

/// The most parameters (query + form + `oauth_*`) one request may carry.
pub const MAX_PARAMS: usize = 48;

/// How a parameter's text is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Text<'a> {
    /// Plain text, not encoded.
    Raw(&'a [u8]),
    /// Percent- or form-encoded text, already validated.
    Encoded(&'a [u8], Decoding),
}

impl<'a> Text<'a> {
    /// Borrows an encoded text after checking its escapes.
    pub(crate) fn encoded(src: &'a [u8], decoding: Decoding) -> Result<Self, Error> {
        validate(src)?;
        Ok(if src.iter().any(|&b| b == b'%' || (b == b'+' && decoding == Decoding::Form)) {
            Text::Encoded(src, decoding)
        } else {
            Text::Raw(src)
        })
    }

    /// Writes the text percent-encoded (once, or twice for the base string).
    #[inline]
    pub(crate) fn put<S: Sink + ?Sized>(&self, sink: &mut S, twice: bool) -> fmt::Result {
        match *self {
            Text::Raw(bytes) => put_encoded(sink, bytes, twice),
            Text::Encoded(src, decoding) => {
                Decoded::new(src, decoding).try_for_each(|b| put_encoded_byte(sink, b, twice))
            }
        }
    }

    /// Compares the encoded forms of two texts without encoding them.
    #[inline]
    pub(crate) fn cmp_encoded(&self, other: &Self) -> Ordering {
        match (*self, *other) {
            (Text::Raw(a), Text::Raw(b)) => cmp_keys(a.iter().copied(), b.iter().copied()),
            (a, b) => cmp_keys(a.decoded(), b.decoded()),
        }
    }

    /// True when both texts decode to the same bytes.
    pub(crate) fn same_as(&self, other: &Self) -> bool {
        self.decoded().eq(other.decoded())
    }

    pub(crate) fn decoded(&self) -> Decoded<'a> {
        match *self {
            Text::Raw(bytes) => Decoded::literal(bytes),
            Text::Encoded(src, decoding) => Decoded::new(src, decoding),
        }
    }
}

#[inline]
fn cmp_keys(mut a: impl Iterator<Item = u8>, mut b: impl Iterator<Item = u8>) -> Ordering {
    loop {
        match (a.next(), b.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x != y => return order_key(x).cmp(&order_key(y)),
            _ => {}
        }
    }
}

/// Where a parameter came from; the form body leaves out query parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// The URL's query string.
    Query,
    /// The form body or the `oauth_*` protocol parameters.
    Body,
}

/// One name/value pair of the parameter set.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Param<'a> {
    pub(crate) name: Text<'a>,
    pub(crate) value: Text<'a>,
    pub(crate) origin: Origin,
}

/// A bounded, sortable parameter set.
#[derive(Clone, Debug, Default)]
pub(crate) struct ParamSet<'a> {
    items: heapless::Vec<Param<'a>, MAX_PARAMS>,
}

impl<'a> ParamSet<'a> {
    /// Adds a pair.
    #[inline]
    pub(crate) fn push(&mut self, name: Text<'a>, value: Text<'a>, origin: Origin) -> Result<(), Error> {
        self.items.push(Param { name, value, origin }).map_err(|_| Error::TooManyParameters)
    }

    /// Adds plain (not encoded) text.
    #[inline]
    pub(crate) fn push_raw(&mut self, name: &'a str, value: &'a str) -> Result<(), Error> {
        self.push(Text::Raw(name.as_bytes()), Text::Raw(value.as_bytes()), Origin::Body)
    }

    /// Adds every pair of a form-encoded string (`a=1&b=2`; `+` is a space).
    pub(crate) fn push_form(&mut self, form: &'a str, origin: Origin) -> Result<(), Error> {
        for pair in form.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            self.push(
                Text::encoded(name.as_bytes(), Decoding::Form)?,
                Text::encoded(value.as_bytes(), Decoding::Form)?,
                origin,
            )?;
        }
        Ok(())
    }

    /// Sorts by encoded name, then encoded value.
    pub(crate) fn sort(&mut self) {
        self.items.sort_unstable_by(|a, b| {
            a.name.cmp_encoded(&b.name).then_with(|| a.value.cmp_encoded(&b.value))
        });
    }

    /// Writes `name=value` pairs joined by `&` (encoded once), or by `%26` with `%3D`
    /// (encoded twice, for the base string). With `body_only`, query pairs are left out.
    pub(crate) fn put_normalized<S: Sink + ?Sized>(&self, sink: &mut S, twice: bool, body_only: bool) -> fmt::Result {
        let (amp, eq): (&[u8], &[u8]) = if twice { (b"%26", b"%3D") } else { (b"&", b"=") };
        let mut first = true;
        for p in self.items.iter().filter(|p| !body_only || p.origin == Origin::Body) {
            if !first {
                sink.put(amp)?;
            }
            first = false;
            p.name.put(sink, twice)?;
            sink.put(eq)?;
            p.value.put(sink, twice)?;
        }
        Ok(())
    }
}
