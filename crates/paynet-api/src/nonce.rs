//! Fresh nonces for the transports (client, CLI, C library): one generator, so every
//! surface draws them the same way.

/// The nonce length every transport of this SDK uses.
pub const NONCE_LEN: usize = 16;

/// `len` characters of `[A-Za-z0-9]` from the operating system's CSPRNG, each equally
/// likely (rejection sampling).
pub fn random_nonce(len: usize) -> Result<String, getrandom::Error> {
    const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut nonce = String::with_capacity(len);
    while nonce.len() < len {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)?;
        // 248 = 4 * 62: bytes at or above it would favour the first characters.
        for b in bytes
            .into_iter()
            .filter(|&b| b < 248)
            .take(len - nonce.len())
        {
            nonce.push(char::from(ALPHABET[usize::from(b % 62)]));
        }
    }
    Ok(nonce)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_have_the_length_and_alphabet_and_differ() {
        let a = random_nonce(NONCE_LEN).unwrap();
        let b = random_nonce(NONCE_LEN).unwrap();
        assert_eq!(a.len(), NONCE_LEN);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric()), "{a}");
        assert_ne!(a, b);
        assert_eq!(random_nonce(100).unwrap().len(), 100);
        assert_eq!(random_nonce(0).unwrap(), "");
    }
}
