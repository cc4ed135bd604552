//! Gateways: a validated base URL (scheme, host, optional port, path prefix), with presets.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use crate::error::GatewayError;

/// The named gateways, as `(name, base URL)`.
pub const PRESETS: &[(&str, &str)] = &[
    (
        "payneteasy-sandbox",
        "https://sandbox.payneteasy.com/paynet/api/v2",
    ),
    (
        "payneteasy-production",
        "https://gate.payneteasy.com/paynet/api/v2",
    ),
];

/// The preset whose name is closest to a mistyped one (at most 3 edits away), for a
/// "did you mean" in the error.
pub fn closest_preset(input: &str) -> Option<&'static str> {
    closest_name(input.trim(), PRESETS.iter().map(|(name, _)| *name))
}

/// The name of `names` closest to a mistyped `input` (at most 3 edits away, ignoring
/// ASCII case; the first of equally close ones), for a "did you mean".
pub fn closest_name<'a>(input: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_ascii_lowercase();
    names
        .into_iter()
        .map(|name| (edit_distance(&input, &name.to_ascii_lowercase()), name))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Levenshtein distance over chars (names are short; one row is kept).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The URL scheme of a gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `http`: only sensible for a local mock gateway (see [`Gateway::is_loopback`]).
    Http,
    /// `https`.
    Https,
}

impl Scheme {
    /// `"http"` or `"https"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Https => "https",
        }
    }

    /// 80 or 443.
    pub fn default_port(self) -> u16 {
        match self {
            Self::Http => 80,
            Self::Https => 443,
        }
    }
}

/// A gateway: where the API lives, e.g. `https://sandbox.payneteasy.com/paynet/api/v2`.
///
/// Parsed and validated once; the commands append their paths to it. The host is kept
/// lower-case (an IPv6 address in brackets, written as WHATWG URL serializes it, e.g.
/// `[::ffff:7f00:1]`), the prefix without a trailing slash, so the URL built here is the
/// URL an HTTP client (reqwest, a browser's `fetch`) sends unchanged — which matters
/// because the signature covers it. For the same reason a host that such clients read
/// as another IPv4 address (`127.1`, `0x7f.0.0.1`, `127.000.0.1`, …) is refused, naming
/// the dotted quad they would send.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Gateway {
    scheme: Scheme,
    host: String,
    port: Option<u16>,
    prefix: String,
}

impl Gateway {
    /// Parses and validates a base URL: `http` or `https`, a host name, an IPv4 address
    /// or a bracketed IPv6 address, an optional port, an optional path prefix. User info,
    /// a query, a fragment, dot segments and characters that would need escaping are
    /// refused; trailing slashes of the prefix are trimmed.
    pub fn parse(url: &str) -> Result<Self, GatewayError> {
        parse_url(url.trim()).map_err(|reason| GatewayError::InvalidUrl {
            input: redact_user_info(url),
            reason,
        })
    }

    /// The preset with this name (see [`PRESETS`]), if any.
    pub fn preset(name: &str) -> Option<Self> {
        PRESETS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, url)| Self::parse(url).expect("presets are valid URLs"))
    }

    /// A preset name or a URL; what `--gateway` and `PAYNET_GATEWAY` accept. Input that
    /// is no preset but looks like a URL (it has `://`, or a `.`, `/` or `:` that no
    /// preset name has) is parsed as one, so a URL without its scheme is told so.
    pub fn from_str_or_preset(s: &str) -> Result<Self, GatewayError> {
        let s = s.trim();
        if let Some(gateway) = Self::preset(s) {
            return Ok(gateway);
        }
        if s.contains("://") || s.contains(['.', '/', ':']) {
            Self::parse(s)
        } else {
            Err(GatewayError::UnknownPreset {
                input: redact_user_info(s),
            })
        }
    }

    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The host as it appears in the URL: lower-case, an IPv6 address in brackets.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port, if the URL gave one (even the scheme's default).
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The port that will be used: the one given or the scheme's default.
    pub fn port_or_default(&self) -> u16 {
        self.port.unwrap_or(self.scheme.default_port())
    }

    /// The path prefix without a trailing slash, e.g. `/paynet/api/v2`; empty for none.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Whether the host is a loopback address (`127.0.0.0/8`, `::1`, also as
    /// IPv4-mapped IPv6) or `localhost`: where a transport may allow plain `http://`.
    pub fn is_loopback(&self) -> bool {
        let host = self.host.as_str();
        if host == "localhost" {
            return true;
        }
        if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            return inner.parse::<Ipv6Addr>().is_ok_and(|ip| {
                ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
            });
        }
        host.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
    }

    /// The plain-http policy every transport of the SDK applies: `http://` only on the
    /// loopback interface ([`Gateway::is_loopback`]) unless `allow_http`, because the
    /// Authorization header and the balances would cross the network in clear.
    pub fn check_plain_http(&self, allow_http: bool) -> Result<(), GatewayError> {
        if self.scheme == Scheme::Http && !self.is_loopback() && !allow_http {
            return Err(GatewayError::PlainHttp {
                gateway: self.to_string(),
            });
        }
        Ok(())
    }

    /// The base URL followed by `path` (which should start with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{self}{path}")
    }
}

impl fmt::Display for Gateway {
    /// The base URL, e.g. `https://sandbox.payneteasy.com/paynet/api/v2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}", self.scheme.as_str(), self.host)?;
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        f.write_str(&self.prefix)
    }
}

impl FromStr for Gateway {
    type Err = GatewayError;

    /// Same as [`Gateway::from_str_or_preset`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_str_or_preset(s)
    }
}

/// `input` with the user info of its URL (`user:password@`) replaced by
/// `<user info removed>@`, for error messages: the README promises secrets never print.
///
/// The user info runs from after `scheme://` (or the start) to the last `@` of the
/// authority; a password with a raw `/`, `?` or `#` ends the authority early, so a
/// later `@` preceded by a `:` (`user:pass/word@host`) counts too. Over-redacting an
/// `@` in a path of a URL refused for another reason is the safe side.
fn redact_user_info(input: &str) -> String {
    let start = input.find("://").map_or(0, |i| i + 3);
    let rest = &input[start..];
    let authority_end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let at = match rest[..authority_end].rfind('@') {
        Some(at) => Some(at),
        None => rest
            .rfind('@')
            .filter(|&at| rest[..at].contains(':') || rest[..at].contains('@')),
    };
    match at {
        Some(at) => format!("{}<user info removed>{}", &input[..start], &rest[at..]),
        None => input.to_owned(),
    }
}

fn parse_url(url: &str) -> Result<Gateway, String> {
    if url.is_empty() {
        return Err("it is empty".into());
    }
    let (scheme, rest) = url.split_once("://").ok_or(
        "it has no scheme (write https:// before the host, e.g. https://host/paynet/api/v2)",
    )?;
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        "https" => Scheme::Https,
        "http" => Scheme::Http,
        _ => return Err("the scheme must be http or https".into()),
    };
    if rest.contains('?') {
        return Err("a query string is not allowed in a gateway URL".into());
    }
    if rest.contains('#') {
        return Err("a fragment is not allowed in a gateway URL".into());
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err(
            "user info is not allowed in a gateway URL (the login goes in the signature)".into(),
        );
    }
    let (host, port) = parse_authority(authority)?;
    Ok(Gateway {
        scheme,
        host,
        port,
        prefix: parse_prefix(path)?,
    })
}

fn parse_authority(authority: &str) -> Result<(String, Option<u16>), String> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (inner, after) = rest
            .split_once(']')
            .ok_or("an IPv6 address lacks its closing bracket")?;
        let ip: Ipv6Addr = inner.parse().map_err(|_| "invalid IPv6 address")?;
        let port = match after {
            "" => None,
            _ => Some(
                after
                    .strip_prefix(':')
                    .ok_or("junk after the IPv6 address")?,
            ),
        };
        (format!("[{}]", whatwg_ipv6(ip)), port)
    } else {
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        (parse_host(host)?, port)
    };
    let port = match port {
        None => None,
        Some(p) => {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err("the port must be a number".into());
            }
            match p.parse::<u16>() {
                Ok(n) if n > 0 => Some(n),
                _ => return Err("the port must be between 1 and 65535".into()),
            }
        }
    };
    Ok((host, port))
}

fn parse_host(host: &str) -> Result<String, String> {
    if host.is_empty() {
        return Err("the host is empty".into());
    }
    if !host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
    {
        return Err(
            "the host may only contain letters, digits, '-', '_' and '.' \
             (use the punycode form of an international name)"
                .into(),
        );
    }
    if host.split('.').any(str::is_empty) {
        return Err("the host has an empty label".into());
    }
    // A host whose last label is a number (WHATWG URL's "ends in a number") is an IPv4
    // address to HTTP clients and browsers, which accept octal, hex and short forms and
    // send the dotted quad instead: only the canonical dotted quad is the URL sent.
    let last = host.rsplit('.').next().unwrap_or(host);
    if ends_in_number(last) && host.parse::<Ipv4Addr>().is_err() {
        return Err(match whatwg_ipv4(host) {
            Some(ip) => format!(
                "{host:?} is not a canonical IPv4 address: HTTP clients send it as {ip} \
                 (write that)"
            ),
            None => "invalid IPv4 address".into(),
        });
    }
    Ok(host.to_ascii_lowercase())
}

/// WHATWG URL's test for a last label that makes a host an IPv4 address: all decimal
/// digits, or `0x`/`0X` followed by hex digits (possibly none).
fn ends_in_number(label: &str) -> bool {
    if label.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    label
        .strip_prefix("0x")
        .or_else(|| label.strip_prefix("0X"))
        .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The address a WHATWG URL parser reads `host` as (1 to 4 dot-separated parts, each
/// decimal, octal with a leading `0` or hex with `0x`; the last part fills the
/// remaining bytes), or `None` where it refuses the host.
fn whatwg_ipv4(host: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = host.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for part in &parts {
        let (digits, radix) =
            if let Some(hex) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
                (hex, 16)
            } else if part.len() > 1 && part.starts_with('0') {
                (&part[1..], 8)
            } else {
                (*part, 10)
            };
        let n = if digits.is_empty() {
            0
        } else {
            u64::from_str_radix(digits, radix).ok()?
        };
        numbers.push(n);
    }
    let (last, init) = numbers.split_last()?;
    if init.iter().any(|&n| n > 255) || *last >= 256u64.pow(5 - numbers.len() as u32) {
        return None;
    }
    let mut value = *last;
    for (i, n) in init.iter().enumerate() {
        value += n << (8 * (3 - i));
    }
    u32::try_from(value).ok().map(Ipv4Addr::from)
}

/// An IPv6 address as WHATWG URL serializes it (what HTTP clients and browsers send):
/// lower-case hex pieces, the first longest run of two or more zero pieces written
/// `::`, and never a dotted IPv4 tail (Rust's `Display` writes `::ffff:127.0.0.1`).
fn whatwg_ipv6(ip: Ipv6Addr) -> String {
    let pieces = ip.segments();
    // The first longest run of at least two zero pieces.
    let (mut best_start, mut best_len) = (0, 0);
    let mut i = 0;
    while i < pieces.len() {
        if pieces[i] == 0 {
            let start = i;
            while i < pieces.len() && pieces[i] == 0 {
                i += 1;
            }
            if i - start > best_len {
                (best_start, best_len) = (start, i - start);
            }
        } else {
            i += 1;
        }
    }
    let compress = (best_len >= 2).then_some(best_start..best_start + best_len);
    let mut out = String::new();
    let mut i = 0;
    while i < pieces.len() {
        if let Some(run) = compress.as_ref().filter(|run| run.start == i) {
            out.push_str(if i == 0 { "::" } else { ":" });
            i = run.end;
            continue;
        }
        out.push_str(&format!("{:x}", pieces[i]));
        if i + 1 < pieces.len() {
            out.push(':');
        }
        i += 1;
    }
    out
}

fn parse_prefix(path: &str) -> Result<String, String> {
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let ok = bytes.len() > i + 2
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit();
            if !ok {
                return Err("'%' in the path must start a %XX escape".into());
            }
            i += 3;
            continue;
        }
        if !(b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b)) {
            return Err("the path contains a character that must be percent-encoded".into());
        }
        i += 1;
    }
    // Percent-decoded, as a server sees them: `%2e%2e` is `..`.
    let lower = path.to_ascii_lowercase();
    if lower
        .split('/')
        .map(|seg| seg.replace("%2e", "."))
        .any(|seg| seg == "." || seg == "..")
    {
        return Err(
            "the path must not contain '.' or '..' segments (plain or percent-encoded)".into(),
        );
    }
    Ok(path.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod closest_preset_tests {
    use super::closest_preset;

    #[test]
    fn a_near_miss_gets_a_suggestion_and_a_far_one_none() {
        assert_eq!(
            closest_preset("payneteasy-sandbx"),
            Some("payneteasy-sandbox")
        );
        assert_eq!(
            closest_preset("PaynetEasy-Production"),
            Some("payneteasy-production")
        );
        assert_eq!(closest_preset("sandbox"), None);
        let options = ["timeoutMs", "connectTimeoutMs", "retries"];
        assert_eq!(super::closest_name("timeout", options), Some("timeoutMs"));
        assert_eq!(
            super::closest_name("connect_timeout", options),
            Some("connectTimeoutMs")
        );
        assert_eq!(super::closest_name("proxy", options), None);
    }
}
