//! The fast path of `sign` and `Signer#sign`: the JavaScript layer (`main.js`) packs a
//! request whose fields all have the expected types into one string, and gets every
//! output back in one string. Two values cross the boundary instead of a dozen
//! property reads and an object of seven strings built through N-API.
//!
//! Request: fields as `LEN:TEXT` (`LEN` counts UTF-16 units, as JavaScript's `length`)
//! or `-` when absent, in this order: method, url, consumer key, timestamp, nonce,
//! token, version, realm, the number of form pairs, the pairs (name, value, …), the
//! number of extra `oauth_*` pairs, those pairs.
//! Response: the 28-character signature, then `LEN:TEXT` for the timestamp, the nonce,
//! the Authorization header, the normalized parameters and the base string, then the
//! body up to the end. `LEN` counts UTF-16 units here too (what `main.js` slices by):
//! the timestamp, the nonce and the realm in the header are the caller's text and may
//! be any Unicode.

use std::fmt::Write as _;

use napi::Env;
use napi::JsString;
use napi_derive::napi;

use paynet_oauth::{Request, Signed};

use crate::errors::Failure;
use crate::inputs;
use crate::signing::Signer;

/// Reads the packed fields one by one.
struct Reader<'a> {
    rest: &'a [u16],
}

fn malformed() -> Failure {
    Failure::invalid_input("malformed packed request (internal to the paynet-oauth package)")
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
        let mut len = 0usize;
        for &c in &self.rest[..colon] {
            let digit = c
                .checked_sub(u16::from(b'0'))
                .filter(|d| *d < 10)
                .ok_or_else(malformed)?;
            len = len
                .checked_mul(10)
                .and_then(|l| l.checked_add(usize::from(digit)))
                .ok_or_else(malformed)?;
        }
        let text = self
            .rest
            .get(colon + 1..colon + 1 + len)
            .ok_or_else(malformed)?;
        self.rest = &self.rest[colon + 1 + len..];
        utf8(text).map(Some)
    }

    fn required(&mut self) -> Result<String, Failure> {
        self.field()?.ok_or_else(malformed)
    }

    fn pairs(&mut self) -> Result<Vec<(String, String)>, Failure> {
        let count: usize = self.required()?.parse().map_err(|_| malformed())?;
        let mut pairs = Vec::with_capacity(count);
        for _ in 0..count {
            pairs.push((self.required()?, self.required()?));
        }
        Ok(pairs)
    }
}

/// UTF-16 to UTF-8; a lone surrogate is refused rather than replaced.
fn utf8(text: &[u16]) -> Result<String, Failure> {
    if text.iter().all(|&c| c < 0x80) {
        return Ok(text.iter().map(|&c| char::from(c as u8)).collect());
    }
    String::from_utf16(text)
        .map_err(|_| Failure::invalid_input("a string holds a lone UTF-16 surrogate"))
}

/// The request fields, owned.
struct Fields {
    method: String,
    url: String,
    consumer_key: String,
    timestamp: String,
    nonce: String,
    token: Option<String>,
    version: Option<String>,
    realm: Option<String>,
    form: Vec<(String, String)>,
    extra: Vec<(String, String)>,
}

fn unpack(packed: &[u16]) -> Result<Fields, Failure> {
    let mut r = Reader { rest: packed };
    let fields = Fields {
        method: r.required()?,
        url: r.required()?,
        consumer_key: r.required()?,
        timestamp: r.field()?.unwrap_or_else(|| inputs::now().to_string()),
        nonce: r.field()?.unwrap_or_else(inputs::random_nonce),
        token: r.field()?,
        version: r.field()?,
        realm: r.field()?,
        form: r.pairs()?,
        extra: r.pairs()?,
    };
    if !r.rest.is_empty() {
        return Err(malformed());
    }
    if fields.nonce.is_empty() {
        return Err(Failure::invalid_input("request.nonce must not be empty"));
    }
    if fields.timestamp.is_empty() || !fields.timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Failure::invalid_input(format!(
            "request.timestamp must be a number of seconds, not {:?}",
            fields.timestamp
        )));
    }
    Ok(fields)
}

fn sign_fields(signer: &paynet_oauth::Signer, f: &Fields) -> Result<String, Failure> {
    let form: Vec<(&str, &str)> = f
        .form
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let extra: Vec<(&str, &str)> = f
        .extra
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let request = Request::new(
        &f.method,
        &f.url,
        &form,
        &f.consumer_key,
        &f.timestamp,
        &f.nonce,
    )
    .with_token(f.token.as_deref())
    .with_version(f.version.as_deref())
    .with_realm(f.realm.as_deref().unwrap_or(""))
    .with_oauth_extra(&extra);
    let signed = signer.sign(&request).map_err(Failure::core)?;
    render(&signed, f).map_err(Failure::core)
}

fn render(s: &Signed<'_>, f: &Fields) -> Result<String, paynet_oauth::Error> {
    let header_len = s.authorization_header_len();
    let normalized_len = s.normalized_parameters_len();
    let base_len = s.base_string_len();
    let mut out = String::with_capacity(
        64 + f.timestamp.len() + f.nonce.len() + header_len + 2 * normalized_len + base_len,
    );
    out.push_str(s.signature());
    for text in [&f.timestamp, &f.nonce] {
        write!(out, "{}:{text}", utf16_len(text))?;
    }
    field(&mut out, header_len, |o| s.write_authorization_header(o))?;
    field(&mut out, normalized_len, |o| {
        s.write_normalized_parameters(o)
    })?;
    field(&mut out, base_len, |o| s.write_base_string(o))?;
    s.write_body(&mut out)?;
    Ok(out)
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
) -> Result<(), paynet_oauth::Error> {
    let start = out.len();
    write!(out, "{bytes}:")?;
    let text_start = out.len();
    write(out)?;
    let text = &out[text_start..];
    if !text.is_ascii() {
        let prefix = format!("{}:", text.encode_utf16().count());
        out.replace_range(start..text_start, &prefix);
    }
    Ok(())
}

/// napi's UTF-16 copy ends with the C terminator it was written with.
fn without_terminator(units: &[u16]) -> &[u16] {
    units.split_last().map_or(units, |(_, text)| text)
}

/// `sign` with a packed request (see the module docs); used by `main.js`.
#[napi(skip_typescript, js_name = "signPacked")]
pub fn sign_packed(
    env: Env,
    consumer_secret: String,
    token_secret: String,
    packed: JsString<'_>,
) -> napi::Result<String> {
    let run = || {
        let units = packed
            .into_utf16()
            .map_err(|e| Failure::invalid_input(e.reason.clone()))?;
        let fields = unpack(without_terminator(units.as_slice()))?;
        let signer = paynet_oauth::Signer::new(&consumer_secret, &token_secret);
        sign_fields(&signer, &fields)
    };
    run().map_err(|f| f.into_napi(&env))
}

#[napi]
impl Signer {
    /// `Signer#sign` with a packed request (see the module docs); used by `main.js`.
    #[napi(skip_typescript, js_name = "signPacked")]
    pub fn sign_packed(&self, env: Env, packed: JsString<'_>) -> napi::Result<String> {
        let run = || {
            let units = packed
                .into_utf16()
                .map_err(|e| Failure::invalid_input(e.reason.clone()))?;
            sign_fields(self.key(), &unpack(without_terminator(units.as_slice()))?)
        };
        run().map_err(|f| f.into_napi(&env))
    }
}
