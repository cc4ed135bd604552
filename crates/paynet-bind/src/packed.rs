//! Several outputs of a signed request written one after another into one buffer: what
//! a binding hands its runtime as one string and slices (one allocation, one
//! conversion), instead of one string per output.

use paynet_oauth::Signed;

/// One output of a signed request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The base64 signature (28 characters).
    Signature,
    /// `oauth_timestamp` as sent.
    Timestamp,
    /// `oauth_nonce` as sent.
    Nonce,
    /// The `Authorization` header value.
    AuthorizationHeader,
    /// The normalized parameters.
    NormalizedParameters,
    /// The signature base string.
    BaseString,
    /// The form body.
    Body,
}

impl Output {
    /// Every output, in the order above.
    pub const ALL: [Output; 7] = [
        Output::Signature,
        Output::Timestamp,
        Output::Nonce,
        Output::AuthorizationHeader,
        Output::NormalizedParameters,
        Output::BaseString,
        Output::Body,
    ];

    /// Its exact length in bytes (a read: the signed request knows every length).
    #[inline]
    pub fn len(self, s: &Signed<'_>) -> usize {
        match self {
            Output::Signature => paynet_oauth::SIGNATURE_LEN,
            Output::Timestamp => s.request().timestamp().len(),
            Output::Nonce => s.request().nonce().len(),
            Output::AuthorizationHeader => s.authorization_header_len(),
            Output::NormalizedParameters => s.normalized_parameters_len(),
            Output::BaseString => s.base_string_len(),
            Output::Body => s.body_len(),
        }
    }

    /// Writes it into `out`, which is exactly [`Output::len`] long (each output's own
    /// writer called directly: through a function pointer the core's writers lose
    /// their inlining, about 800 instructions a signed request).
    #[inline]
    fn write(self, s: &Signed<'_>, out: &mut [u8]) {
        // The buffer has the length the core gave: the writes fit.
        let _ = match self {
            Output::Signature => Ok(copy(out, s.signature())),
            Output::Timestamp => Ok(copy(out, s.request().timestamp())),
            Output::Nonce => Ok(copy(out, s.request().nonce())),
            Output::AuthorizationHeader => s.authorization_header_into(out),
            Output::NormalizedParameters => s.normalized_parameters_into(out),
            Output::BaseString => s.base_string_into(out),
            Output::Body => s.body_into(out),
        };
    }
}

fn copy(out: &mut [u8], text: &str) -> usize {
    out.copy_from_slice(text.as_bytes());
    text.len()
}

/// The length of `outputs` written one after another.
pub fn packed_len(s: &Signed<'_>, outputs: &[Output]) -> usize {
    outputs.iter().map(|o| o.len(s)).sum()
}

/// Writes `outputs` of `s` one after another at the start of `out` and returns where
/// each ends (the last end is [`packed_len`]); `None`, with nothing written, when `out`
/// is shorter than that. Every output but a caller-given timestamp or nonce is ASCII,
/// and those are the caller's UTF-8: the bytes written are UTF-8.
pub fn write_packed<const N: usize>(
    s: &Signed<'_>,
    outputs: [Output; N],
    out: &mut [u8],
) -> Option<[usize; N]> {
    let lens = outputs.map(|o| o.len(s));
    if lens.iter().sum::<usize>() > out.len() {
        return None;
    }
    let mut ends = [0; N];
    let mut at = 0;
    for ((output, len), end) in outputs.into_iter().zip(lens).zip(&mut ends) {
        output.write(s, &mut out[at..at + len]);
        at += len;
        *end = at;
    }
    Some(ends)
}

#[cfg(test)]
mod tests {
    use super::{Output, packed_len, write_packed};
    use crate::OwnedRequest;

    const ALL: [Output; 7] = Output::ALL;

    fn signed() -> crate::OwnedSigned {
        let mut r = OwnedRequest::new("POST", "https://example.com/a?q=é", "key");
        r.form = vec![("b".into(), "2 3".into()), ("a".into(), "x".into())];
        r.timestamp = Some("1700000000".into());
        r.nonce = Some("nonce-é".into());
        r.sign_with_secret("secret", "").expect("signs")
    }

    #[test]
    fn each_part_is_the_output_it_names() {
        let owned = signed();
        let s = owned.signed();
        let mut out = vec![0; packed_len(s, &ALL)];
        let ends = write_packed(s, ALL, &mut out).expect("fits");
        let text = String::from_utf8(out).expect("UTF-8");
        let parts: Vec<&str> = (0..ALL.len())
            .map(|i| &text[i.checked_sub(1).map_or(0, |j| ends[j])..ends[i]])
            .collect();
        assert_eq!(
            parts,
            [
                owned.signature(),
                "1700000000",
                "nonce-é",
                &owned.authorization_header(),
                &owned.normalized_parameters(),
                &owned.base_string(),
                &owned.body(),
            ]
        );
        assert_eq!(ends[6], text.len());
    }

    #[test]
    fn a_short_buffer_gets_nothing() {
        let owned = signed();
        let s = owned.signed();
        let parts = [Output::Signature, Output::Body];
        let mut out = vec![b'.'; packed_len(s, &parts) - 1];
        assert_eq!(write_packed(s, parts, &mut out), None);
        assert!(out.iter().all(|&b| b == b'.'));
        let mut exact = vec![0; packed_len(s, &parts)];
        assert!(write_packed(s, parts, &mut exact).is_some());
    }
}
