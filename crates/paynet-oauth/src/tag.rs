//! The HMAC-SHA1 tag in base64: always 20 bytes in, 28 characters out (27 and one
//! `=`), so it is written by a fixed-size routine rather than a general engine
//! (whose setup costs more than the encoding of 20 bytes).

use crate::sign::SIGNATURE_LEN;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The standard, padded base64 encoding of a 20-byte tag, and a mask with bit `i` set
/// when character `i` is one that a header escapes (`+`, `/` and the final `=`).
#[inline]
pub(crate) fn base64_tag(tag: &[u8; 20]) -> ([u8; SIGNATURE_LEN], u32) {
    // Padded to 32 bytes, so the mask below is one vector compare.
    let mut out = [b'='; 32];
    // Six whole groups of three bytes, then two bytes and the padding.
    for i in 0..7 {
        let b = |k: usize| u32::from(tag.get(3 * i + k).copied().unwrap_or(0));
        let n = b(0) << 16 | b(1) << 8 | b(2);
        out[4 * i] = ALPHABET[(n >> 18) as usize & 0x3f];
        out[4 * i + 1] = ALPHABET[(n >> 12) as usize & 0x3f];
        out[4 * i + 2] = ALPHABET[(n >> 6) as usize & 0x3f];
        out[4 * i + 3] = ALPHABET[n as usize & 0x3f];
    }
    out[SIGNATURE_LEN - 1] = b'=';
    // Below `0` in ASCII: `+` and `/`, the only letters that are not alphanumeric
    // besides `=`, which is at the end. Eight letters at a time: the high bit of each
    // byte of `(c | 0x80) - 0x30` is clear where `c < 0x30`; the multiplication
    // gathers those eight bits into the top byte.
    let mut escapes = 1 << (SIGNATURE_LEN - 1);
    for (k, word) in out.chunks_exact(8).enumerate() {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(word);
        let w = u64::from_le_bytes(bytes);
        let below = !((w | 0x8080_8080_8080_8080).wrapping_sub(0x3030_3030_3030_3030))
            & 0x8080_8080_8080_8080;
        let bits = (below >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        escapes |= (bits as u32) << (8 * k);
    }
    let mut chars = [0u8; SIGNATURE_LEN];
    chars.copy_from_slice(&out[..SIGNATURE_LEN]);
    (chars, escapes)
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
