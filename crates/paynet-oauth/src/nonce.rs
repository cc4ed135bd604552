//! The decoded `oauth_nonce` of a verified request, held inline (no allocation).

use core::fmt;

use crate::Error;
use crate::percent::{Decoding, decode_into};

/// The longest decoded `oauth_nonce` that [`crate::verify`] accepts, in bytes. The
/// SDK's nonces have 16 characters; RFC 5849 sets no limit, a nonce store needs one.
pub const MAX_NONCE_LEN: usize = 128;

/// A verified request's `oauth_nonce`, percent-decoded: `%39iMz` and `9iMz` are the
/// same nonce (they sign identically), so this, not the header text, is what a nonce
/// store keys on. Always UTF-8, 1 to [`MAX_NONCE_LEN`] bytes; derefs to `str`.
#[derive(Clone, Copy)]
pub struct Nonce {
    len: u8,
    bytes: [u8; MAX_NONCE_LEN],
}

impl Nonce {
    /// Decodes the header's still-encoded value. Refuses an empty nonce
    /// ([`Error::MissingOAuthParameter`]), an invalid escape
    /// ([`Error::InvalidPercentEncoding`]), and one longer than [`MAX_NONCE_LEN`] bytes
    /// or not UTF-8 once decoded ([`Error::MalformedHeader`]: a verification failure
    /// in every binding).
    pub fn decode(encoded: &str) -> Result<Nonce, Error> {
        let mut bytes = [0u8; MAX_NONCE_LEN];
        let len = match decode_into(encoded.as_bytes(), Decoding::Percent, &mut bytes) {
            Ok(0) => return Err(Error::MissingOAuthParameter),
            Ok(len) => len,
            Err(Error::BufferTooSmall { .. }) => return Err(Error::MalformedHeader),
            Err(e) => return Err(e),
        };
        let text = bytes.get(..len).unwrap_or_default();
        if core::str::from_utf8(text).is_err() {
            return Err(Error::MalformedHeader);
        }
        let len = u8::try_from(len).map_err(|_| Error::MalformedHeader)?;
        Ok(Nonce { len, bytes })
    }

    /// The decoded nonce.
    pub fn as_str(&self) -> &str {
        // Checked to be UTF-8 when it was decoded; never fails.
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The decoded nonce's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }
}

impl core::ops::Deref for Nonce {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Nonce {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Nonce {
    fn eq(&self, other: &Nonce) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Nonce {}

impl PartialEq<str> for Nonce {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Nonce {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl core::hash::Hash for Nonce {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

impl fmt::Debug for Nonce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Nonce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_NONCE_LEN, Nonce};
    use crate::Error;

    #[test]
    fn re_encodings_decode_to_the_same_nonce() {
        let plain = Nonce::decode("9iMzAbC").unwrap();
        let escaped = Nonce::decode("%39iMz%41bC").unwrap();
        assert_eq!(plain, escaped);
        assert_eq!(escaped, "9iMzAbC");
        assert_eq!(&*escaped, "9iMzAbC");
    }

    #[test]
    fn empty_long_and_non_utf8_nonces_are_refused() {
        assert_eq!(Nonce::decode(""), Err(Error::MissingOAuthParameter));
        assert_eq!(Nonce::decode("%4"), Err(Error::InvalidPercentEncoding));
        assert_eq!(Nonce::decode("%FF"), Err(Error::MalformedHeader));
        let longest = [b'a'; MAX_NONCE_LEN + 1];
        let text = |n| core::str::from_utf8(&longest[..n]).unwrap();
        assert_eq!(
            Nonce::decode(text(MAX_NONCE_LEN)).unwrap().len(),
            MAX_NONCE_LEN
        );
        assert_eq!(
            Nonce::decode(text(MAX_NONCE_LEN + 1)),
            Err(Error::MalformedHeader)
        );
        // Counted decoded: escapes count one byte each.
        let mut escaped = [0u8; 3 * MAX_NONCE_LEN];
        for chunk in escaped.chunks_mut(3) {
            chunk.copy_from_slice(b"%41");
        }
        let escaped = core::str::from_utf8(&escaped).unwrap();
        assert_eq!(Nonce::decode(escaped).unwrap().len(), MAX_NONCE_LEN);
    }
}
