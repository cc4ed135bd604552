//! The HMAC-SHA1 tag in base64: always 20 bytes in, 28 characters out (27 and one
//! `=`), so it is written by a fixed-size routine rather than a general engine
//! (whose setup costs more than the encoding of 20 bytes).

use crate::sign::SIGNATURE_LEN;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The standard, padded base64 encoding of a 20-byte tag, and a mask with bit `i` set
/// when character `i` is one that a header escapes (`+`, `/` and the final `=`).
#[inline]
pub(crate) fn base64_tag(tag: &[u8; 20]) -> ([u8; SIGNATURE_LEN], u32) {
    let mut out = [b'='; SIGNATURE_LEN];
    // The final `=`.
    let mut escapes = 1 << (SIGNATURE_LEN - 1);
    let mut put = |pos: usize, sextet: u32| {
        let sextet = (sextet & 0x3f) as usize;
        out[pos] = ALPHABET[sextet];
        // `+` and `/` are the last two letters of the alphabet.
        escapes |= u32::from(sextet >= 62) << pos;
    };
    // Six whole groups of three bytes, then two bytes and the padding.
    for i in 0..6 {
        let n = u32::from(tag[3 * i]) << 16
            | u32::from(tag[3 * i + 1]) << 8
            | u32::from(tag[3 * i + 2]);
        put(4 * i, n >> 18);
        put(4 * i + 1, n >> 12);
        put(4 * i + 2, n >> 6);
        put(4 * i + 3, n);
    }
    let n = u32::from(tag[18]) << 16 | u32::from(tag[19]) << 8;
    put(24, n >> 18);
    put(25, n >> 12);
    put(26, n >> 6);
    (out, escapes)
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;

    use super::base64_tag;

    #[test]
    fn matches_the_base64_crate_on_every_byte_in_every_position() {
        // Miri is ~1000x slower: a sample there, every case natively.
        let (seeds, step) = if cfg!(miri) { (40, 23) } else { (2000, 1) };
        for seed in 0u32..seeds {
            let tag: [u8; 20] = core::array::from_fn(|i| {
                (seed.wrapping_mul(2_654_435_761).rotate_left(i as u32 * 3) as u8)
                    ^ (seed as u8).wrapping_add((i as u8).wrapping_mul(37))
            });
            let mut expected = [0u8; 28];
            base64::engine::general_purpose::STANDARD
                .encode_slice(tag, &mut expected)
                .unwrap();
            let (chars, escapes) = base64_tag(&tag);
            assert_eq!(chars, expected, "tag {tag:?}");
            for (i, c) in chars.iter().enumerate() {
                let escaped = !c.is_ascii_alphanumeric();
                assert_eq!(escapes >> i & 1 == 1, escaped, "tag {tag:?}, character {i}");
            }
        }
        for b in (0..=255u8).step_by(step) {
            for pos in 0..20 {
                let mut tag = [0u8; 20];
                tag[pos] = b;
                let mut expected = [0u8; 28];
                base64::engine::general_purpose::STANDARD
                    .encode_slice(tag, &mut expected)
                    .unwrap();
                assert_eq!(base64_tag(&tag).0, expected, "byte {b} at {pos}");
            }
        }
    }
}
