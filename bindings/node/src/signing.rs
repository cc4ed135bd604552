//! `sign` and `Signer#sign`, the one signing path: `main.js` packs the request into one
//! string, one native call reads it into a [`paynet_bind::OwnedRequest`], signs it and
//! returns every output in one string that `main.js` slices.
//!
//! Request: fields as `LEN:TEXT` (`LEN` counts UTF-16 units, as JavaScript's `length`)
//! or `-` when absent, in this order: method, url, consumer key, timestamp, nonce,
//! token, version, realm, the number of form pairs, the pairs (name, value, …), the
//! number of extra `oauth_*` pairs, those pairs.
//! Response: the 28-character signature, then `LEN:TEXT` for the timestamp, the nonce,
//! the Authorization header, the normalized parameters and the base string, then the
//! body up to the end. `LEN` counts UTF-16 units here too: the timestamp, the nonce and
//! the realm in the header are the caller's text and may be any Unicode.

use std::fmt::Write as _;

use napi::{Env, JsString};
use napi_derive::napi;

use paynet_bind::{Failure, OwnedRequest, OwnedSigned};

use crate::errors::js;

/// Reads the packed fields one by one.
struct Reader<'a> {
    rest: &'a [u16],
}

fn malformed() -> Failure {
    Failure::internal("malformed packed request (internal to the paynet-oauth package)")
}

impl Reader<'_> {
    fn field(&mut self) -> Result<Option<String>, Failure> {
        if let Some((&first, rest)) = self.rest.split_first() {
            if first == u16::from(b'-') {
                self.rest = rest;
                return Ok(None);
            }
        }
        let colon = self
            .rest
            .iter()
            .position(|&c| c == u16::from(b':'))
            .ok_or_else(malformed)?;
        let len = (self.rest[..colon].iter())
            .try_fold(0usize, |len, &c| {
                let digit = c.checked_sub(u16::from(b'0')).filter(|d| *d < 10)?;
                len.checked_mul(10)?.checked_add(usize::from(digit))
            })
            .ok_or_else(malformed)?;
        let text = self
            .rest
            .get(colon + 1..colon + 1 + len)
            .ok_or_else(malformed)?;
        self.rest = &self.rest[colon + 1 + len..];
        if text.iter().all(|&c| c < 0x80) {
            return Ok(Some(text.iter().map(|&c| char::from(c as u8)).collect()));
        }
        String::from_utf16(text)
            .map(Some)
            .map_err(|_| Failure::invalid_input("a string holds a lone UTF-16 surrogate"))
    }

    fn required(&mut self) -> Result<String, Failure> {
        self.field()?.ok_or_else(malformed)
    }

    fn pairs(&mut self) -> Result<Vec<(String, String)>, Failure> {
        let count: usize = self.required()?.parse().map_err(|_| malformed())?;
        (0..count)
            .map(|_| Ok((self.required()?, self.required()?)))
            .collect()
    }
}

/// The request packed in `packed` (see the module docs).
fn unpack(packed: JsString<'_>) -> Result<OwnedRequest, Failure> {
    let units = packed
        .into_utf16()
        .map_err(|e| Failure::invalid_input(e.reason.clone()))?;
    // napi's UTF-16 copy ends with the C terminator it was written with.
    let units = units.as_slice();
    let mut r = Reader {
        rest: units.split_last().map_or(units, |(_, text)| text),
    };
    let mut request = OwnedRequest::new(r.required()?, r.required()?, r.required()?);
    request.timestamp = r.field()?;
    request.nonce = r.field()?;
    request.token = r.field()?;
    request.version = r.field()?;
    request.realm = r.field()?.unwrap_or_default();
    request.form = r.pairs()?;
    request.oauth_extra = r.pairs()?;
    if !r.rest.is_empty() {
        return Err(malformed());
    }
    Ok(request)
}

/// Every output of `signed` in one string (see the module docs).
fn render(signed: &OwnedSigned) -> String {
    let s = signed.signed();
    let mut out = String::with_capacity(
        64 + s.authorization_header_len() + 2 * s.normalized_parameters_len() + s.base_string_len(),
    );
    out.push_str(s.signature());
    // Writing into a String never fails and the lengths are exact.
    for text in [signed.timestamp(), signed.nonce()] {
        let _ = write!(out, "{}:{text}", utf16_len(text));
    }
    field(&mut out, s.authorization_header_len(), |o| {
        s.write_authorization_header(o)
    });
    field(&mut out, s.normalized_parameters_len(), |o| {
        s.write_normalized_parameters(o)
    });
    field(&mut out, s.base_string_len(), |o| s.write_base_string(o));
    let _ = s.write_body(&mut out);
    out
}

/// The length of `text` in UTF-16 units (JavaScript's `length`).
fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    }
}

/// Appends `LEN:TEXT` where `write` appends `bytes` bytes of text. `LEN` is written as
/// the byte count and corrected in the rare case the text is not ASCII.
fn field(
    out: &mut String,
    bytes: usize,
    write: impl FnOnce(&mut String) -> Result<(), paynet_oauth::Error>,
) {
    let start = out.len();
    let _ = write!(out, "{bytes}:");
    let text_start = out.len();
    let _ = write(out);
    let text = &out[text_start..];
    if !text.is_ascii() {
        let prefix = format!("{}:", text.encode_utf16().count());
        out.replace_range(start..text_start, &prefix);
    }
}

fn sign_with(
    env: &Env,
    signer: &paynet_oauth::Signer,
    packed: JsString<'_>,
) -> napi::Result<String> {
    js(
        env,
        unpack(packed)
            .and_then(|r| r.sign(signer))
            .map(|s| render(&s)),
    )
}

/// `sign` with a packed request (see the module docs); used by `main.js`.
#[napi(skip_typescript, js_name = "signPacked")]
pub fn sign_packed(
    env: Env,
    consumer_secret: String,
    token_secret: String,
    packed: JsString<'_>,
) -> napi::Result<String> {
    sign_with(
        &env,
        &paynet_oauth::Signer::new(&consumer_secret, &token_secret),
        packed,
    )
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

    /// `Signer#sign` with a packed request (see the module docs); used by `main.js`.
    #[napi(skip_typescript, js_name = "signPacked")]
    pub fn sign_packed(&self, env: Env, packed: JsString<'_>) -> napi::Result<String> {
        sign_with(&env, &self.inner, packed)
    }
}

/// `text` percent-encoded as RFC 3986 and OAuth 1.0a want it (unreserved characters
/// kept, every other UTF-8 byte as `%XX` with upper-case hex).
#[napi]
pub fn percent_encode(text: String) -> String {
    paynet_bind::percent_encode(&text)
}
