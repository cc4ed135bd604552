//! The parameter set of a request worked out once, when it is signed: each text
//! classified in one pass, the sorted order, and the exact length of every output.
//!
//! A parameter is named by a one-byte id (its source and its index there), so a
//! [`Plan`] stays small and the outputs are written from the request in sorted order,
//! without collecting or sorting again. The standard `oauth_*` parameters are pushed
//! already sorted and form names cannot start with `oauth_`, so the sort (an insertion
//! sort on indices) mostly confirms an order that is already there.

use core::cmp::Ordering;
use core::fmt;

use crate::Error;
use crate::MAX_PARAMS;
use crate::params::Text;
use crate::percent::Decoding;
use crate::request::Request;
use crate::sign::SIGNATURE_METHOD;
use crate::sink::Sink;
use crate::url::UrlParts;

/// Id ranges: a form pair, a standard `oauth_*` parameter, an extra `oauth_*`
/// parameter, a query pair; the low five bits are the index in that source.
const FORM: u8 = 0x00;
const STD: u8 = 0x20;
const EXTRA: u8 = 0x40;
const QUERY: u8 = 0x60;
const INDEX: u8 = 0x1f;
const _: () = assert!(MAX_PARAMS <= 32, "a parameter index must fit in five bits");

/// The standard protocol parameters, in sorted order (their ids are `STD + index`).
const STD_NAMES: [&str; 6] = [
    "oauth_consumer_key",
    "oauth_nonce",
    "oauth_signature_method",
    "oauth_timestamp",
    "oauth_token",
    "oauth_version",
];

/// Bit of [`Plan::oauth_clean`] for the realm (bits 0-5 are the standard values, bits
/// 8 and up the extra values).
const REALM_CLEAN: u32 = 1 << 31;

/// What signing worked out about a request's parameters; kept by `Signed`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Plan {
    /// Parameter ids in sorted order.
    order: [u8; MAX_PARAMS],
    count: u8,
    /// Bit `2i` (name) and `2i + 1` (value) are set when form pair `i` needs no encoding.
    form_clean: u64,
    /// Which standard and extra `oauth_*` values (and the realm) need no encoding.
    oauth_clean: u32,
    /// Exact output lengths.
    pub(crate) header_len: usize,
    pub(crate) body_len: usize,
    pub(crate) normalized_len: usize,
    pub(crate) base_len: usize,
}

/// A parameter while the request is being signed.
#[derive(Clone, Copy)]
struct Entry<'a> {
    name: Text<'a>,
    value: Text<'a>,
    id: u8,
}

/// The classified, sorted parameters of a request being signed.
pub(crate) struct Work<'a> {
    entries: heapless::Vec<Entry<'a>, MAX_PARAMS>,
    sorted: [u8; MAX_PARAMS],
    pub(crate) plan: Plan,
}

impl<'a> Work<'a> {
    /// Validates `r` and classifies and sorts its parameters (`url` is `r`'s URL,
    /// parsed). The errors, and their order, are those of the earlier collect-and-sort.
    pub(crate) fn new(r: &Request<'a>, url: &UrlParts<'a>) -> Result<Self, Error> {
        validate(r)?;
        let mut w = Work {
            entries: heapless::Vec::new(),
            sorted: [0; MAX_PARAMS],
            plan: Plan {
                order: [0; MAX_PARAMS],
                count: 0,
                form_clean: 0,
                oauth_clean: 0,
                header_len: 0,
                body_len: 0,
                normalized_len: 0,
                base_len: 0,
            },
        };
        // `name=value&` per pair, encoded once; the last `&` is taken off at the end.
        let mut query_len = 0;
        for (j, (name, value)) in query_pairs(url.query).enumerate() {
            let name = Text::encoded(name.as_bytes(), Decoding::Form)?;
            let value = Text::encoded(value.as_bytes(), Decoding::Form)?;
            query_len += name.encoded_lens().0 + value.encoded_lens().0 + 2;
            w.push(name, value, QUERY | j as u8)?;
        }
        let mut body_len = 0;
        for (i, &(name, value)) in r.form.iter().enumerate() {
            let (name, name_len) = Text::classify(name.as_bytes());
            let (value, value_len) = Text::classify(value.as_bytes());
            w.plan.form_clean |=
                (u64::from(name.is_clean()) | u64::from(value.is_clean()) << 1) << (2 * (i & 31));
            body_len += name_len + value_len + 2;
            w.push(name, value, FORM | i as u8)?;
        }
        // The header: `OAuth realm="…"`, then `,name="value"` per protocol parameter
        // (the signature method and the signature included).
        let (_, realm_len) = Text::classify(r.realm.as_bytes());
        if realm_len == r.realm.len() {
            w.plan.oauth_clean |= REALM_CLEAN;
        }
        let mut header_len = "OAuth realm=\"\"".len() + realm_len;
        let std_values = [
            Some(r.consumer_key),
            Some(r.nonce),
            Some(SIGNATURE_METHOD),
            Some(r.timestamp),
            r.token,
            r.version,
        ];
        for (k, value) in std_values.iter().enumerate() {
            if let Some(value) = value {
                let (text, len) = Text::classify(value.as_bytes());
                w.plan.oauth_clean |= u32::from(text.is_clean()) << k;
                body_len += STD_NAMES[k].len() + len + 2;
                header_len += STD_NAMES[k].len() + len + 4;
                w.push(
                    Text::plain(STD_NAMES[k].as_bytes(), true),
                    text,
                    STD | k as u8,
                )?;
            }
        }
        for (j, &(name, value)) in r.extra.iter().enumerate() {
            // Validated: `oauth_` and then `[A-Za-z0-9_]`, so written as it is.
            let (text, len) = Text::classify(value.as_bytes());
            w.plan.oauth_clean |= u32::from(text.is_clean()) << (8 + (j & 15));
            body_len += name.len() + len + 2;
            header_len += name.len() + len + 4;
            w.push(Text::plain(name.as_bytes(), true), text, EXTRA | j as u8)?;
        }
        // The signature's `+ / =` are escaped; it is added when known.
        w.plan.header_len = header_len + ",oauth_signature=\"\"".len();
        w.plan.body_len = body_len.saturating_sub(1);
        w.plan.normalized_len = (body_len + query_len).saturating_sub(1);
        w.sort();
        Ok(w)
    }

    fn push(&mut self, name: Text<'a>, value: Text<'a>, id: u8) -> Result<(), Error> {
        self.entries
            .push(Entry { name, value, id })
            .map_err(|_| Error::TooManyParameters)
    }

    /// Sorts by encoded name, then encoded value (insertion sort on indices: the
    /// parameters arrive nearly sorted).
    fn sort(&mut self) {
        let n = self.entries.len();
        let entries = &self.entries;
        let sorted = &mut self.sorted[..n];
        for i in 0..n {
            sorted[i] = i as u8;
            let mut j = i;
            while j > 0 && cmp(&entries[usize::from(sorted[j - 1])], &entries[i]).is_gt() {
                sorted[j] = sorted[j - 1];
                j -= 1;
            }
            sorted[j] = i as u8;
        }
        for (slot, &i) in self.plan.order.iter_mut().zip(sorted.iter()) {
            *slot = entries[usize::from(i)].id;
        }
        self.plan.count = n as u8;
    }

    /// Writes the normalized parameters encoded twice (the end of the base string).
    #[inline]
    pub(crate) fn put_twice<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result {
        for (k, &i) in self.sorted[..self.entries.len()].iter().enumerate() {
            let e = &self.entries[usize::from(i)];
            put_pair(sink, k == 0, &e.name, &e.value, true)?;
        }
        Ok(())
    }
}

#[inline]
fn cmp(a: &Entry<'_>, b: &Entry<'_>) -> Ordering {
    a.name
        .cmp_encoded(&b.name)
        .then_with(|| a.value.cmp_encoded(&b.value))
}

/// Writes `&name=value` (`%26name%3Dvalue` when `twice`), without the `&` for the first.
#[inline]
fn put_pair<S: Sink + ?Sized>(
    sink: &mut S,
    first: bool,
    name: &Text<'_>,
    value: &Text<'_>,
    twice: bool,
) -> fmt::Result {
    let (amp, eq): (&[u8], &[u8]) = if twice {
        (b"%26", b"%3D")
    } else {
        (b"&", b"=")
    };
    if !first {
        sink.put(amp)?;
    }
    name.put(sink, twice)?;
    sink.put(eq)?;
    value.put(sink, twice)
}

/// The pairs of a form-encoded string (`a=1&b=2`), empty pieces left out.
fn query_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

impl Plan {
    /// Adds the signature's escapes to the header length.
    pub(crate) fn add_signature(&mut self, signature: &[u8]) {
        let escaped = signature.iter().filter(|&&b| !b.is_ascii_alphanumeric());
        self.header_len += signature.len() + 2 * escaped.count();
    }

    /// Whether the realm needs no encoding.
    pub(crate) fn realm_clean(&self) -> bool {
        self.oauth_clean & REALM_CLEAN != 0
    }

    /// The value of the standard parameter `k` as stored in the request, classified.
    #[inline]
    fn std_value<'a>(&self, r: &Request<'a>, k: usize) -> Text<'a> {
        let value = match k {
            0 => r.consumer_key,
            1 => r.nonce,
            2 => SIGNATURE_METHOD,
            3 => r.timestamp,
            4 => r.token.unwrap_or_default(),
            _ => r.version.unwrap_or_default(),
        };
        Text::plain(value.as_bytes(), self.oauth_clean & (1 << k) != 0)
    }

    /// `oauth_consumer_key`, `oauth_nonce`, `oauth_timestamp`, `oauth_token` and
    /// `oauth_version` values for the header.
    #[inline]
    pub(crate) fn consumer_key<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 0)
    }

    /// See [`Plan::consumer_key`].
    #[inline]
    pub(crate) fn nonce<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 1)
    }

    /// See [`Plan::consumer_key`].
    #[inline]
    pub(crate) fn timestamp<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 3)
    }

    /// See [`Plan::consumer_key`].
    #[inline]
    pub(crate) fn token<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 4)
    }

    /// See [`Plan::consumer_key`].
    #[inline]
    pub(crate) fn version<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 5)
    }

    /// The value of extra protocol parameter `j`, classified.
    #[inline]
    pub(crate) fn extra_value<'a>(&self, value: &'a str, j: usize) -> Text<'a> {
        Text::plain(
            value.as_bytes(),
            self.oauth_clean & (1 << (8 + (j & 15))) != 0,
        )
    }

    /// Writes the normalized parameters of `r` in sorted order: encoded once and joined
    /// by `&`, encoded twice and joined by `%26`, or (`body_only`) without the query
    /// pairs. `url` is `r`'s URL, parsed.
    pub(crate) fn put_params<S: Sink + ?Sized>(
        &self,
        sink: &mut S,
        r: &Request<'_>,
        url: &UrlParts<'_>,
        twice: bool,
        body_only: bool,
    ) -> fmt::Result {
        let mut first = true;
        for &id in &self.order[..usize::from(self.count)] {
            let index = usize::from(id & INDEX);
            let (name, value) = match id & !INDEX {
                FORM => {
                    let (name, value) = r.form.get(index).copied().unwrap_or_default();
                    let bits = self.form_clean >> (2 * index);
                    (
                        Text::plain(name.as_bytes(), bits & 1 != 0),
                        Text::plain(value.as_bytes(), bits & 2 != 0),
                    )
                }
                STD => (
                    Text::plain(STD_NAMES[index].as_bytes(), true),
                    self.std_value(r, index),
                ),
                EXTRA => {
                    let (name, value) = r.extra.get(index).copied().unwrap_or_default();
                    (
                        Text::plain(name.as_bytes(), true),
                        self.extra_value(value, index),
                    )
                }
                _ if body_only => continue,
                _ => {
                    // Validated when signed; the query is short and rarely there.
                    let (name, value) = query_pairs(url.query).nth(index).unwrap_or_default();
                    let name = Text::encoded(name.as_bytes(), Decoding::Form);
                    let value = Text::encoded(value.as_bytes(), Decoding::Form);
                    (
                        name.map_err(|_| fmt::Error)?,
                        value.map_err(|_| fmt::Error)?,
                    )
                }
            };
            put_pair(sink, first, &name, &value, twice)?;
            first = false;
        }
        Ok(())
    }
}

/// Checks what the parameter set cannot: the method, timestamp, nonce, the `oauth_*`
/// names and the number of header pairs.
fn validate(r: &Request<'_>) -> Result<(), Error> {
    if r.method.is_empty() || !r.method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::InvalidMethod);
    }
    crate::verify::parse_timestamp(r.timestamp)?;
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
        let standard = name == "oauth_signature" || STD_NAMES.contains(&name);
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
    if header_pairs > crate::MAX_HEADER_PARAMS {
        return Err(Error::TooManyParameters);
    }
    Ok(())
}
