//! `application/x-www-form-urlencoded` as the gateway writes it: `name=value` fields
//! separated by line feeds (0x0A, CRLF tolerated) and/or `&`.

/// Splits a body into fields and form-decodes them.
///
/// Fields are separated by `\n` and/or `&`; a `\r` ending a field is dropped (CRLF
/// lines); empty fields are skipped. Each field is split at its first `=`; a field
/// without one yields `(name, None)`, so a caller can tell a form body from prose.
/// Names and values are decoded by [`decode`].
pub fn parse(body: &str) -> Vec<(String, Option<String>)> {
    body.split(['\n', '&'])
        .map(|field| field.strip_suffix('\r').unwrap_or(field))
        .filter(|field| !field.is_empty())
        .map(|field| match field.split_once('=') {
            Some((name, value)) => (decode(name), Some(decode(value))),
            None => (decode(field), None),
        })
        .collect()
}

/// Reads a form body that is about to be signed (a caller's own request): `&`-separated
/// `name=value` fields (a field without `=` has an empty value, empty fields are
/// skipped), decoded strictly. `None` when a `%` does not start an escape or the
/// escapes do not decode to UTF-8: such a body has no one meaning to sign.
pub fn parse_strict(body: &str) -> Option<Vec<(String, String)>> {
    body.split('&')
        .filter(|field| !field.is_empty())
        .map(|field| {
            let (name, value) = field.split_once('=').unwrap_or((field, ""));
            Some((decode_strict(name)?, decode_strict(value)?))
        })
        .collect()
}

/// Form-decodes one name or value: `+` is a space, `%XX` is a byte (either case of hex),
/// and the bytes are read as UTF-8 (invalid sequences become U+FFFD). A `%` that does
/// not start a valid escape is kept as it is.
pub fn decode(s: &str) -> String {
    String::from_utf8_lossy(&decode_bytes(s, false).unwrap_or_default()).into_owned()
}

/// Form-decodes one name or value strictly, for input that will be signed: like
/// [`decode`], but a `%` that does not start an escape, or bytes that are not UTF-8,
/// are an error (`None`) instead of kept or replaced with U+FFFD.
pub fn decode_strict(s: &str) -> Option<String> {
    String::from_utf8(decode_bytes(s, true)?).ok()
}

/// The bytes `s` stands for: `+` is a space, `%XX` a byte, a stray `%` itself (`None`
/// for one when `strict`).
fn decode_bytes(s: &str, strict: bool) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ if strict => return None,
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    Some(out)
}

/// Form-encodes one name or value: `A-Z a-z 0-9 - . _ ~` stay, a space becomes `+`,
/// every other UTF-8 byte becomes `%XX` with upper-case hex.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b' ' => out.push('+'),
            _ if is_unreserved(b) => out.push(char::from(b)),
            _ => push_escape(&mut out, b),
        }
    }
    out
}

/// Percent-encodes a path segment as RFC 3986 asks: unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`) stay, every other UTF-8 byte becomes `%XX` (upper-case hex).
pub fn encode_path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if is_unreserved(b) {
            out.push(char::from(b));
        } else {
            push_escape(&mut out, b);
        }
    }
    out
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn push_escape(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(b >> 4)]));
    out.push(char::from(HEX[usize::from(b & 0x0F)]));
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}
