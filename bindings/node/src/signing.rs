//! `sign` and `Signer#sign`, the one signing path: `main.js` packs the request into one
//! string and writes it, UTF-8, into a reusable `Buffer` (one call); one native call
//! reads the fields there as borrowed `&str` (no owned copy, no UTF-16), signs them
//! through [`paynet_bind::BorrowedRequest`] and writes every output behind the request
//! in the same buffer, which `main.js` reads back as one string and slices.
//!
//! Request: fields as `LEN:TEXT` (`LEN` counts UTF-16 units, as JavaScript's `length`)
//! or `-` when absent: for `sign` the consumer secret and the token secret first (set
//! to zero bytes as soon as the HMAC is keyed), then method, url, consumer key,
//! timestamp, nonce, token, version, realm, the number of form pairs, the pairs (name,
//! value, …), the number of extra `oauth_*` pairs, those pairs.
//! Reply (eight native-endian `u32` at the start of the buffer, the request behind
//! them): where the outputs start, their byte
//! length, 1 when they are ASCII, and the UTF-16 lengths of the timestamp, the nonce,
//! the header, the normalized parameters and the base string; the outputs are the
//! 28-character signature, those five, and the body up to the end.

use napi::bindgen_prelude::BufferSlice;
use napi::{Env, JsString};
use napi_derive::napi;

use paynet_bind::{BorrowedRequest, Failure, Output};

use crate::errors::js;

/// The outputs written behind the request, in order (`main.js` slices them): all.
const OUTPUTS: [Output; 7] = Output::ALL;
/// The number of `u32` in the reply's lengths.
const LENS: usize = 8;
/// Where the request starts in the buffer: behind the reply's lengths.
const LENS_BYTES: usize = 4 * LENS;

fn malformed() -> Failure {
    Failure::internal("malformed packed request (internal to the paynet-oauth package)")
}

/// Reads the packed fields one by one, borrowing them.
struct Reader<'a> {
    rest: &'a str,
    ascii: bool,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            rest: text,
            ascii: text.is_ascii(),
        }
    }

    fn field(&mut self) -> Result<Option<&'a str>, Failure> {
        if let Some(rest) = self.rest.strip_prefix('-') {
            self.rest = rest;
            return Ok(None);
        }
        // `LEN:` by hand: the fields are short, a search costs more than they do.
        let bytes = self.rest.as_bytes();
        let (mut units, mut i) = (0usize, 0);
        loop {
            match bytes.get(i) {
                Some(b':') if i > 0 => break,
                Some(&d) if d.is_ascii_digit() => {
                    units = (units.checked_mul(10))
                        .and_then(|u| u.checked_add(usize::from(d - b'0')))
                        .ok_or_else(malformed)?;
                    i += 1;
                }
                _ => return Err(malformed()),
            }
        }
        let rest = &self.rest[i + 1..];
        let bytes = if self.ascii {
            units
        } else {
            utf8_len_of_units(rest, units).ok_or_else(malformed)?
        };
        let text = rest.get(..bytes).ok_or_else(malformed)?;
        self.rest = &rest[bytes..];
        Ok(Some(text))
    }

    fn required(&mut self) -> Result<&'a str, Failure> {
        self.field()?.ok_or_else(malformed)
    }

    fn pairs(&mut self) -> Result<Vec<(&'a str, &'a str)>, Failure> {
        let count: usize = self.required()?.parse().map_err(|_| malformed())?;
        (0..count)
            .map(|_| Ok((self.required()?, self.required()?)))
            .collect()
    }
}

/// The byte length of the first `units` UTF-16 units of `text`.
fn utf8_len_of_units(text: &str, units: usize) -> Option<usize> {
    let mut counted = 0;
    for (at, c) in text.char_indices() {
        if counted == units {
            return Some(at);
        }
        counted += c.len_utf16();
    }
    (counted == units).then_some(text.len())
}

/// The length of `text` in UTF-16 units (JavaScript's `length`).
fn utf16_len(text: &[u8]) -> u32 {
    let units = String::from_utf8_lossy(text).encode_utf16().count();
    u32::try_from(units).unwrap_or(u32::MAX)
}

/// The request fields after the secrets, with the pairs they borrow.
struct Fields<'a> {
    request: BorrowedRequest<'a>,
    form: Vec<(&'a str, &'a str)>,
    extra: Vec<(&'a str, &'a str)>,
}

impl<'a> Fields<'a> {
    fn read(r: &mut Reader<'a>) -> Result<Self, Failure> {
        let mut request = BorrowedRequest::new(r.required()?, r.required()?, r.required()?);
        request.timestamp = r.field()?;
        request.nonce = r.field()?;
        request.token = r.field()?;
        request.version = r.field()?;
        request.realm = r.field()?.unwrap_or_default();
        let form = r.pairs()?;
        let extra = r.pairs()?;
        if !r.rest.is_empty() {
            return Err(malformed());
        }
        Ok(Fields {
            request,
            form,
            extra,
        })
    }

    fn request(&self) -> BorrowedRequest<'_> {
        BorrowedRequest {
            form: &self.form,
            oauth_extra: &self.extra,
            ..self.request
        }
    }
}

/// The UTF-8 text of `bytes`; a U+FFFD in it may stand for a lone surrogate that
/// `Buffer#write` replaced, which `packed` (the string written) tells apart.
fn text_of<'a>(bytes: &'a [u8], packed: JsString<'_>) -> Result<&'a str, Failure> {
    let text = std::str::from_utf8(bytes).map_err(|_| malformed())?;
    if !text.is_ascii() && text.contains('\u{FFFD}') {
        let units = packed
            .into_utf16()
            .map_err(|e| Failure::invalid_input(e.reason.clone()))?;
        if char::decode_utf16(units.iter().copied()).any(|c| c.is_err()) {
            return Err(Failure::invalid_input(
                "a string holds a lone UTF-16 surrogate",
            ));
        }
    }
    Ok(text)
}

/// Signs the request packed in `io` (behind the reply's lengths, `input_len` bytes) with `signer` (or, when `None`, with
/// the secrets packed before it) and writes the outputs behind it (see the module
/// docs). Returns 0, or the buffer size needed when `io` is too small.
fn sign_io(
    signer: Option<&paynet_oauth::Signer>,
    packed: JsString<'_>,
    io: &mut [u8],
    input_len: u32,
) -> Result<u32, Failure> {
    let input_len = usize::try_from(input_len).map_err(|_| malformed())?;
    if LENS_BYTES + input_len > io.len() {
        return Err(malformed());
    }
    let (lens, io) = io.split_at_mut(LENS_BYTES);
    let (input, out) = io.split_at_mut(input_len);
    let text = text_of(input, packed)?;
    let keyed;
    let (signer, request_text) = match signer {
        Some(signer) => (signer, text),
        None => {
            let mut r = Reader::new(text);
            let (secret, token_secret) = (r.required()?, r.required()?);
            keyed = paynet_oauth::Signer::new(secret, token_secret);
            let secrets_len = text.len() - r.rest.len();
            // The secrets leave the JavaScript buffer as soon as the HMAC is keyed.
            input[..secrets_len].fill(0);
            let rest = std::str::from_utf8(&input[secrets_len..]).map_err(|_| malformed())?;
            (&keyed, rest)
        }
    };
    let fields = Fields::read(&mut Reader::new(request_text))?;
    fields.request().sign_with(signer, |s| {
        let needed = paynet_bind::packed_len(s, &OUTPUTS);
        let Some(ends) = paynet_bind::write_packed(s, OUTPUTS, out) else {
            return u32::try_from(LENS_BYTES + input_len + needed).unwrap_or(u32::MAX);
        };
        let out = &out[..needed];
        let ascii = out.is_ascii();
        let mut values = [0u32; LENS];
        values[0] = u32::try_from(LENS_BYTES + input_len).unwrap_or(u32::MAX);
        values[1] = u32::try_from(needed).unwrap_or(u32::MAX);
        values[2] = u32::from(ascii);
        // The UTF-16 lengths of the outputs between the signature and the body.
        for (value, i) in values[3..].iter_mut().zip(1..) {
            let text = &out[ends[i - 1]..ends[i]];
            *value = if ascii {
                u32::try_from(text.len()).unwrap_or(u32::MAX)
            } else {
                utf16_len(text)
            };
        }
        for (slot, value) in lens.chunks_exact_mut(4).zip(values) {
            slot.copy_from_slice(&value.to_ne_bytes());
        }
        0
    })
}

/// `sign` with the secrets and the request packed in `io` (see the module docs); used
/// by `main.js`.
#[napi(skip_typescript, js_name = "signPacked")]
pub fn sign_packed(
    env: Env,
    packed: JsString<'_>,
    mut io: BufferSlice<'_>,
    input_len: u32,
) -> napi::Result<u32> {
    js(&env, sign_io(None, packed, &mut io, input_len))
}

/// HMAC-SHA1 keyed once with a consumer secret (the gateway's control key) and a token
/// secret; signs and verifies many requests. Holds no key that JavaScript can see.
#[napi]
pub struct Signer {
    inner: paynet_oauth::Signer,
}

#[napi]
impl Signer {
    /// Keys the signer with the consumer secret and the token secret (default empty).
    #[napi(constructor)]
    pub fn new(consumer_secret: String, token_secret: Option<String>) -> Self {
        Signer {
            inner: paynet_oauth::Signer::new(
                &consumer_secret,
                token_secret.as_deref().unwrap_or(""),
            ),
        }
    }

    /// The keyed HMAC.
    pub(crate) fn key(&self) -> &paynet_oauth::Signer {
        &self.inner
    }

    /// `Signer#sign` with the request packed in `io` (see the module docs); used by
    /// `main.js`.
    #[napi(skip_typescript, js_name = "signPacked")]
    pub fn sign_packed(
        &self,
        env: Env,
        packed: JsString<'_>,
        mut io: BufferSlice<'_>,
        input_len: u32,
    ) -> napi::Result<u32> {
        js(&env, sign_io(Some(&self.inner), packed, &mut io, input_len))
    }
}

/// `text` percent-encoded as RFC 3986 and OAuth 1.0a want it (unreserved characters
/// kept, every other UTF-8 byte as `%XX` with upper-case hex).
#[napi]
pub fn percent_encode(text: String) -> String {
    paynet_bind::percent_encode(&text)
}
