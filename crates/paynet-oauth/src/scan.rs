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

/// Bit `i` is set when ASCII byte `i` of `bytes` is below `limit` (at most 0x80):
/// with `limit` `b'0'`, where a base64 text has `+` and `/`.
#[inline]
pub(crate) fn below(bytes: &[u8; 28], limit: u8) -> u32 {
    let mut mask = 0u32;
    for (k, word) in bytes.chunks(8).enumerate() {
        let mut w = [0x7fu8; 8];
        w[..word.len()].copy_from_slice(word);
        let x = u64::from_le_bytes(w);
        // With the high bit set in each byte first, subtracting `limit` borrows into
        // no neighbour; the high bit stays set where the byte was at least `limit`.
        let at_least = (x | HIGHS).wrapping_sub(ONES * u64::from(limit)) & HIGHS;
        let lows = (!at_least & HIGHS) >> 7;
        // Gather the eight flags (bits 0, 8, ..., 56) into one byte.
        let gathered = (lows.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32;
        mask |= gathered << (8 * k);
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::{below, contains_any};

    #[test]
    fn below_marks_each_byte_under_the_limit() {
        let text = *b"AZaz09+/=+/ABCDEFGHIJKLMN/+=";
        let expected = text.iter().enumerate().fold(0u32, |m, (i, &b)| {
            m | u32::from(!b.is_ascii_alphanumeric()) << i
        });
        assert_eq!(below(&text, b'0') | 1 << 8 | 1 << 27, expected);
        for i in 0..28 {
            let mut one = [b'a'; 28];
            one[i] = b'+';
            assert_eq!(below(&one, b'0'), 1 << i);
        }
    }

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
