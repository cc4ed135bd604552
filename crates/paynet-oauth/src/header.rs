//! Parsing an incoming `Authorization: OAuth …` header (RFC 5849 section 3.5.1).

use crate::Error;
use crate::percent::{Decoding, decode_into, validate};

/// The most parameters one Authorization header may carry.
pub const MAX_HEADER_PARAMS: usize = 16;

/// A parsed `OAuth` Authorization header: `name="value"` pairs, values still
/// percent-encoded and borrowed from the header text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthorizationHeader<'a> {
    pairs: heapless::Vec<(&'a str, &'a str), MAX_HEADER_PARAMS>,
}

impl<'a> AuthorizationHeader<'a> {
    /// Parses the header value (`OAuth realm="",oauth_consumer_key="…",…`; the
    /// `Authorization:` name itself may be included). Whitespace around pairs and
    /// commas is allowed; every value must be quoted and validly percent-encoded; names
    /// other than `realm` must start with `oauth_`; a name may appear only once.
    pub fn parse(header: &'a str) -> Result<Self, Error> {
        let mut rest = header.trim_start();
        if let Some(after) = strip_prefix_ignore_case(rest, "authorization:") {
            rest = after.trim_start();
        }
        rest = strip_prefix_ignore_case(rest, "oauth").ok_or(Error::MalformedHeader)?;
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return Err(Error::MalformedHeader);
        }
        let mut pairs = heapless::Vec::new();
        loop {
            rest = rest.trim_start_matches([' ', '\t']);
            if rest.is_empty() {
                break;
            }
            let (name, after_name) = rest.split_once('=').ok_or(Error::MalformedHeader)?;
            let name = name.trim_end_matches([' ', '\t']);
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                return Err(Error::MalformedHeader);
            }
            if name != "realm" && !name.starts_with("oauth_") {
                return Err(Error::MalformedHeader);
            }
            let quoted = after_name.trim_start_matches([' ', '\t']);
            let quoted = quoted.strip_prefix('"').ok_or(Error::MalformedHeader)?;
            let (value, after_value) = quoted.split_once('"').ok_or(Error::MalformedHeader)?;
            if name != "realm" {
                validate(value.as_bytes())?;
            }
            if pairs.iter().any(|&(n, _)| n == name) {
                return Err(Error::DuplicateOAuthParameter);
            }
            pairs
                .push((name, value))
                .map_err(|_| Error::TooManyParameters)?;
            rest = after_value.trim_start_matches([' ', '\t']);
            if let Some(after_comma) = rest.strip_prefix(',') {
                rest = after_comma;
            } else if !rest.is_empty() {
                return Err(Error::MalformedHeader);
            }
        }
        Ok(AuthorizationHeader { pairs })
    }

    /// The still-encoded value of `name`, if present.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.pairs
            .iter()
            .find(|&&(n, _)| n == name)
            .map(|&(_, v)| v)
    }

    /// The still-encoded value of a parameter the verifier requires.
    pub(crate) fn require(&self, name: &str) -> Result<&'a str, Error> {
        self.get(name).ok_or(Error::MissingOAuthParameter)
    }

    /// Every pair in header order, values still encoded.
    pub fn pairs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        self.pairs.iter().copied()
    }

    /// The still-encoded `oauth_consumer_key` (the gateway login), if present.
    pub fn consumer_key(&self) -> Option<&'a str> {
        self.get("oauth_consumer_key")
    }

    /// Decodes the value of `name` into `buf`, returning the decoded bytes, or `None`
    /// when the header lacks it.
    pub fn decode_into<'b>(
        &self,
        name: &str,
        buf: &'b mut [u8],
    ) -> Result<Option<&'b [u8]>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(value) => {
                let n = decode_into(value.as_bytes(), Decoding::Percent, buf)?;
                Ok(buf.get(..n))
            }
        }
    }
}

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}
