//! Fresh nonces for the transports (client, CLI, bindings): one generator, so every
//! surface draws them the same way; [`nonce_with`] takes the random bytes from any
//! source (a browser's `crypto.getRandomValues`), [`random_nonce`] from the OS.

/// The nonce length every transport of this SDK uses.
pub const NONCE_LEN: usize = 16;

/// `len` characters of `[A-Za-z0-9]` from the operating system's CSPRNG, each equally
/// likely (rejection sampling).
#[cfg(feature = "nonce")]
pub fn random_nonce(len: usize) -> Result<String, getrandom::Error> {
    nonce_with(len, getrandom::fill)
}

/// `len` characters of `[A-Za-z0-9]` from the random bytes `fill` writes (a CSPRNG),
/// each equally likely (rejection sampling).
pub fn nonce_with<E>(
    len: usize,
    mut fill: impl FnMut(&mut [u8]) -> Result<(), E>,
) -> Result<String, E> {
    const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut nonce = String::with_capacity(len);
    while nonce.len() < len {
        let mut bytes = [0u8; 32];
        fill(&mut bytes)?;
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
    fn any_byte_source_gives_the_alphabet_evenly() {
        let mut next = 0u8;
        let counting = |buf: &mut [u8]| {
            for b in buf {
                *b = next;
                next = next.wrapping_add(1);
            }
            Ok::<(), ()>(())
        };
        let nonce = nonce_with(248, counting).unwrap();
        // Bytes 0..248 each once: every character exactly four times.
        for c in nonce.chars() {
            assert_eq!(nonce.matches(c).count(), 4, "{c}");
        }
    }

    #[cfg(feature = "nonce")]
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
