//! Scanning a text for a few bytes eight at a time (SWAR on `u64` words): a search for
//! two or three bytes written as `b == x | b == y` becomes a bit test per byte, which
//! does not vectorize; URLs are scanned this way on every signature.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// True when some byte of `bytes` is one of `set`.
#[inline]
pub(crate) fn contains_any(bytes: &[u8], set: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    let mut found = 0;
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let x = u64::from_le_bytes(w);
        for &c in set {
            // A byte of `t` is zero where `x` holds `c`; the classic test sets that
            // byte's high bit (and maybe higher ones, never when no byte is zero).
            let t = x ^ (ONES * u64::from(c));
            found |= t.wrapping_sub(ONES) & !t & HIGHS;
        }
    }
    found != 0 || words.remainder().iter().any(|b| set.contains(b))
}

#[cfg(test)]
mod tests {
    use super::contains_any;

    #[test]
    fn finds_a_byte_of_the_set_at_every_place() {
        for len in 0..40 {
            for at in 0..len {
                for c in [b'#', b'?', b'@'] {
                    let mut text = [b'a'; 40];
                    let text = &mut text[..len];
                    text[at] = c;
                    assert!(contains_any(text, b"#?@"), "{len} {at} {c}");
                    assert!(!contains_any(text, b"/:"), "{len} {at} {c}");
                }
            }
            // Bytes next to the set's (one above, one below, high bit set) are not it.
            let near = [b'"', b'$', b'>', b'?' + 0x80, 0x00, 0xff];
            let text: [u8; 40] = core::array::from_fn(|i| near[i % near.len()]);
            assert!(!contains_any(&text[..len], b"#?"), "{len}");
        }
    }
}
