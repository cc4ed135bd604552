//! Server-side verification: recompute the signature of an incoming request and
//! check it, the body's copies of the `oauth_*` values, and the timestamp.

use crate::Error;
use crate::ct::ct_eq;
use crate::header::AuthorizationHeader;
use crate::nonce::Nonce;
use crate::params::{Origin, ParamSet, Text};
use crate::percent::{Decoding, decode_into};
use crate::sign::{Prepared, SIGNATURE_LEN, SIGNATURE_METHOD, Signer};
use crate::url::UrlParts;

/// An incoming request as the server received it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Incoming<'a> {
    /// The HTTP method.
    pub method: &'a str,
    /// The absolute request URL (scheme and host as the client addressed them).
    pub url: &'a str,
    /// The raw `application/x-www-form-urlencoded` body.
    pub body: &'a str,
}

/// The accepted clock skew: `|now - oauth_timestamp| <= window` seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeWindow {
    /// The server's current Unix time in seconds.
    pub now: u64,
    /// The largest accepted difference in seconds.
    pub window: u64,
}

/// What a successful verification established.
///
/// To refuse replays, remember `(login, nonce)` for the timestamp window and refuse a
/// pair seen before, where `login` is the *decoded* consumer key you looked the secret
/// up with and `nonce` is [`Verified::nonce`], decoded. Never key on the header's
/// encoded text: `oauth_nonce="%39iMz…"` and `oauth_nonce="9iMz…"` (or an escaped
/// consumer key) sign identically, so a store keyed on encoded text accepts the
/// re-encoded copy of a captured request as new. Bound the store per login too, so
/// that one client cannot fill it for the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verified<'a> {
    /// `oauth_consumer_key` as sent, still percent-encoded (borrowed from the header);
    /// decode it ([`AuthorizationHeader::decode_into`]) before using it as a key.
    pub consumer_key: &'a str,
    /// `oauth_nonce`, percent-decoded: the value to key a nonce store on.
    pub nonce: Nonce,
    /// `oauth_timestamp` in Unix seconds.
    pub timestamp: u64,
}

/// Verifies `incoming` against its parsed Authorization header with the signer keyed
/// by the consumer's secret.
///
/// The checks, in order, each with its own error: the required `oauth_*` values are
/// present and the nonce is not empty ([`Error::MissingOAuthParameter`]); the nonce is
/// at most [`crate::MAX_NONCE_LEN`] bytes of UTF-8 once decoded
/// ([`Error::MalformedHeader`]); the method is HMAC-SHA1
/// ([`Error::UnsupportedSignatureMethod`]) and the version, if any, 1.0
/// ([`Error::UnsupportedVersion`]); every `oauth_*` pair of the body equals the header's
/// ([`Error::OAuthParameterMismatch`]); the signature matches, compared in constant time
/// ([`Error::SignatureMismatch`]); the timestamp is a number ([`Error::InvalidTimestamp`])
/// inside the window ([`Error::TimestampOutOfWindow`]).
pub fn verify<'a>(
    header: &AuthorizationHeader<'a>,
    incoming: &Incoming<'a>,
    signer: &Signer,
    time: TimeWindow,
) -> Result<Verified<'a>, Error> {
    let consumer_key = header.require("oauth_consumer_key")?;
    // Decoded: the identity of the nonce, whatever its encoding in the header. The
    // signer never sends an empty one; a nonce store must not accept "" as a nonce.
    let nonce = Nonce::decode(header.require("oauth_nonce")?)?;
    let timestamp_text = header.require("oauth_timestamp")?;
    let method = header.require("oauth_signature_method")?;
    let signature = header.require("oauth_signature")?;
    if !decodes_to(method, SIGNATURE_METHOD) {
        return Err(Error::UnsupportedSignatureMethod);
    }
    if header
        .get("oauth_version")
        .is_some_and(|v| !decodes_to(v, "1.0"))
    {
        return Err(Error::UnsupportedVersion);
    }
    if incoming.method.is_empty() || !incoming.method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::InvalidMethod);
    }

    let url = UrlParts::parse(incoming.url)?;
    let mut params = ParamSet::default();
    params.push_form(url.query, Origin::Query)?;
    push_body(&mut params, header, incoming.body)?;
    for (name, value) in header
        .pairs()
        .filter(|&(n, _)| n != "realm" && n != "oauth_signature")
    {
        params.push(
            Text::raw(name.as_bytes()),
            Text::encoded(value.as_bytes(), Decoding::Percent)?,
            Origin::Body,
        )?;
    }
    params.sort();
    let expected = signer.signature_of(&Prepared {
        method: incoming.method,
        url: &url,
        params: &params,
    });

    let mut given = [0u8; SIGNATURE_LEN];
    let matches = match decode_into(signature.as_bytes(), Decoding::Percent, &mut given) {
        Ok(SIGNATURE_LEN) => ct_eq(&given, expected.as_ref()),
        _ => false,
    };
    if !matches {
        return Err(Error::SignatureMismatch);
    }

    let timestamp = parse_timestamp(timestamp_text)?;
    if timestamp.abs_diff(time.now) > time.window {
        return Err(Error::TimestampOutOfWindow);
    }
    Ok(Verified {
        consumer_key,
        nonce,
        timestamp,
    })
}

/// Adds the body's pairs; `oauth_*` pairs must repeat the header's value and are not
/// added twice.
fn push_body<'a>(
    params: &mut ParamSet<'a>,
    header: &AuthorizationHeader<'a>,
    body: &'a str,
) -> Result<(), Error> {
    for pair in body.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name_text = Text::encoded(name.as_bytes(), Decoding::Form)?;
        let value_text = Text::encoded(value.as_bytes(), Decoding::Form)?;
        if !name_text.decoded().take(6).eq(b"oauth_".iter().copied()) {
            params.push(name_text, value_text, Origin::Body)?;
            continue;
        }
        let in_header = header
            .pairs()
            .filter(|&(n, _)| n != "realm" && n != "oauth_signature")
            .find(|&(n, _)| name_text.same_as(&Text::raw(n.as_bytes())));
        match in_header {
            Some((_, v))
                if value_text.same_as(&Text::encoded(v.as_bytes(), Decoding::Percent)?) => {}
            _ => return Err(Error::OAuthParameterMismatch),
        }
    }
    Ok(())
}

fn decodes_to(encoded: &str, expected: &str) -> bool {
    Text::encoded(encoded.as_bytes(), Decoding::Percent)
        .is_ok_and(|t| t.same_as(&Text::raw(expected.as_bytes())))
}

/// Reads `oauth_timestamp`: decimal digits whose value fits a `u64` (the signer and the
/// verifier accept exactly the same texts).
pub(crate) fn parse_timestamp(text: &str) -> Result<u64, Error> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::InvalidTimestamp);
    }
    text.bytes()
        .try_fold(0u64, |acc, b| {
            acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        })
        .ok_or(Error::InvalidTimestamp)
}
