//! The parameter set of a request and its normalization (RFC 5849 section 3.4.1.3.2):
//! encoded, sorted by encoded name then encoded value, byte order, duplicates kept.
//!
//! Nothing is encoded ahead of time: each parameter borrows its source text and says
//! how to read it, comparisons run on decoded bytes with an order key that equals the
//! order of the encoded strings, and encoding happens while the output is written.

use core::cmp::Ordering;
use core::fmt;

use crate::Error;
use crate::ascii;
use crate::percent::{
    Decoded, Decoding, is_unreserved, order_key, put_encoded, put_encoded_byte, validate,
};
use crate::sink::Sink;
#[cfg(feature = "template-writer")]
use crate::template;

/// The most parameters (query + form + `oauth_*`) one request may carry.
pub const MAX_PARAMS: usize = 32;

/// How a parameter's source text is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Plain text of unreserved bytes only: its encoded form is itself.
    Clean,
    /// Plain text that needs encoding.
    Raw,
    /// Percent- or form-encoded text, already validated.
    Encoded(Decoding),
}

/// A parameter name or value, borrowed from where the caller keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Text<'a> {
    src: &'a [u8],
    kind: Kind,
}

impl<'a> Text<'a> {
    /// Borrows plain text; text that needs no encoding is marked so it is copied as is.
    #[inline]
    pub(crate) fn raw(src: &'a [u8]) -> Self {
        let kind = if src.iter().all(|&b| is_unreserved(b)) {
            Kind::Clean
        } else {
            Kind::Raw
        };
        Text { src, kind }
    }

    /// Borrows plain text already classified: `clean` when every byte is unreserved.
    #[inline]
    pub(crate) fn plain(src: &'a [u8], clean: bool) -> Self {
        let kind = if clean { Kind::Clean } else { Kind::Raw };
        Text { src, kind }
    }

    /// Borrows plain text and classifies it in one pass, returning it with the length
    /// of its encoded form.
    #[inline]
    pub(crate) fn classify(src: &'a [u8]) -> (Self, usize) {
        // Without an early exit the check unrolls; texts are short and mostly clean.
        if src.iter().fold(true, |clean, &b| clean & is_unreserved(b)) {
            return (Text::plain(src, true), src.len());
        }
        let reserved = src.iter().filter(|&&b| !is_unreserved(b)).count();
        (Text::plain(src, false), src.len() + 2 * reserved)
    }

    /// True when the text is written as it is.
    #[inline]
    pub(crate) fn is_clean(&self) -> bool {
        self.kind == Kind::Clean
    }

    /// The length of the text encoded once (and, second, encoded twice).
    pub(crate) fn encoded_lens(&self) -> (usize, usize) {
        self.decoded().fold((0, 0), |(once, twice), b| {
            if is_unreserved(b) {
                (once + 1, twice + 1)
            } else {
                (once + 3, twice + 5)
            }
        })
    }

    /// Borrows an encoded text after checking its escapes.
    pub(crate) fn encoded(src: &'a [u8], decoding: Decoding) -> Result<Self, Error> {
        validate(src)?;
        if src
            .iter()
            .any(|&b| b == b'%' || (b == b'+' && decoding == Decoding::Form))
        {
            Ok(Text {
                src,
                kind: Kind::Encoded(decoding),
            })
        } else {
            Ok(Text::raw(src))
        }
    }

    /// Writes the text percent-encoded (once, or twice for the base string); inlined
    /// for speed, called in the size-first build.
    #[cfg_attr(feature = "template-writer", inline(always))]
    pub(crate) fn put<S: Sink + ?Sized>(&self, sink: &mut S, twice: bool) -> fmt::Result {
        match self.kind {
            Kind::Clean => sink.put(self.src),
            Kind::Raw => put_encoded(sink, self.src, twice),
            Kind::Encoded(decoding) => {
                Decoded::new(self.src, decoding).try_for_each(|b| put_encoded_byte(sink, b, twice))
            }
        }
    }

    #[cfg(feature = "template-writer")]
    /// Writes the text percent-encoded (once, or twice) into `dst` at `pos` and
    /// returns the position after it (see [`crate::template`]).
    #[inline(always)]
    pub(crate) fn write_at(&self, dst: &mut [u8], pos: usize, twice: bool) -> usize {
        match self.kind {
            Kind::Clean => template::put(dst, pos, self.src),
            Kind::Raw => template::put_encoded(dst, pos, self.src, twice),
            Kind::Encoded(decoding) => Decoded::new(self.src, decoding)
                .fold(pos, |pos, b| template::put_encoded_byte(dst, pos, b, twice)),
        }
    }

    #[cfg(feature = "template-writer")]
    /// The most bytes the text can take when written (exact when it is clean), capped
    /// like [`template::max_encoded`].
    #[inline(always)]
    pub(crate) fn max_len(&self, twice: bool) -> usize {
        match self.kind {
            Kind::Clean => self.src.len().min(usize::MAX / 8),
            _ => template::max_encoded(self.src.len(), twice),
        }
    }

    /// Compares the encoded forms of two texts without encoding them.
    #[inline]
    pub(crate) fn cmp_encoded(&self, other: &Self) -> Ordering {
        // The size-first build compares every kind through the decoder (one copy).
        #[cfg(not(feature = "template-writer"))]
        return cmp_keys(self.decoded(), other.decoded());
        #[cfg(feature = "template-writer")]
        match (self.kind, other.kind) {
            // Unreserved bytes are their own encoding: byte order is encoded order.
            (Kind::Clean, Kind::Clean) => self.src.cmp(other.src),
            (Kind::Encoded(_), _) | (_, Kind::Encoded(_)) => {
                cmp_keys(self.decoded(), other.decoded())
            }
            _ => cmp_keys(self.src.iter().copied(), other.src.iter().copied()),
        }
    }

    /// Where the text sorts against every `oauth_*` name (`oauth_` and at least one
    /// more byte): before (`Less`) or after (`Greater`) all of them, or `None` when
    /// it starts with `oauth_` itself and must be compared one by one.
    #[inline]
    #[cfg(feature = "template-writer")]
    pub(crate) fn oauth_side(&self) -> Option<Ordering> {
        let mut bytes = self.decoded();
        for &o in b"oauth_" {
            match bytes.next() {
                None => return Some(Ordering::Less),
                Some(b) if b != o => return Some(order_key(b).cmp(&order_key(o))),
                Some(_) => {}
            }
        }
        None
    }

    /// True when both texts decode to the same bytes.
    pub(crate) fn same_as(&self, other: &Self) -> bool {
        self.decoded().eq(other.decoded())
    }

    /// The text's bytes, decoded.
    pub(crate) fn decoded(&self) -> Decoded<'a> {
        match self.kind {
            Kind::Encoded(decoding) => Decoded::new(self.src, decoding),
            Kind::Clean | Kind::Raw => Decoded::literal(self.src),
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
    pub(crate) fn push(
        &mut self,
        name: Text<'a>,
        value: Text<'a>,
        origin: Origin,
    ) -> Result<(), Error> {
        self.items
            .push(Param {
                name,
                value,
                origin,
            })
            .map_err(|_| Error::TooManyParameters)
    }

    /// Adds every pair of a form-encoded string (`a=1&b=2`; `+` is a space).
    pub(crate) fn push_form(&mut self, form: &'a str, origin: Origin) -> Result<(), Error> {
        for pair in ascii::split(form, b'&').filter(|p| !p.is_empty()) {
            let (name, value) = ascii::split_once(pair, b'=').unwrap_or((pair, ""));
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
            a.name
                .cmp_encoded(&b.name)
                .then_with(|| a.value.cmp_encoded(&b.value))
        });
    }

    /// Writes `name=value` pairs joined by `&` (encoded once), or by `%26` with `%3D`
    /// (encoded twice, for the base string). With `body_only`, query pairs are left out.
    pub(crate) fn put_normalized<S: Sink + ?Sized>(
        &self,
        sink: &mut S,
        twice: bool,
        body_only: bool,
    ) -> fmt::Result {
        let (amp, eq): (&[u8], &[u8]) = if twice {
            (b"%26", b"%3D")
        } else {
            (b"&", b"=")
        };
        let mut first = true;
        for p in self
            .items
            .iter()
            .filter(|p| !body_only || p.origin == Origin::Body)
        {
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
