//! The signature in base64 (RFC 4648, standard alphabet, padded): a 20-byte HMAC-SHA1
//! tag is always 28 characters, six whole groups of three bytes and a last group of
//! two with one `=`.

use crate::sign::SIGNATURE_LEN;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Encodes the 20-byte tag.
#[inline]
pub(crate) fn encode_tag(tag: &[u8; 20]) -> [u8; SIGNATURE_LEN] {
    let mut out = [b'='; SIGNATURE_LEN];
    for (group, chars) in tag.chunks(3).zip(out.chunks_exact_mut(4)) {
        let b = |i: usize| u32::from(group.get(i).copied().unwrap_or(0));
        let bits = b(0) << 16 | b(1) << 8 | b(2);
        // A group of two bytes gives three characters and keeps the last `=`.
        for (k, c) in chars.iter_mut().take(group.len() + 1).enumerate() {
            *c = ALPHABET[(bits >> (18 - 6 * k) & 63) as usize];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode_tag;
    use base64::Engine as _;

    #[test]
    fn matches_the_base64_crate() {
        let mut tag = [0u8; 20];
        for seed in 0..600u32 {
            for (i, t) in tag.iter_mut().enumerate() {
                *t = (seed.wrapping_mul(2_654_435_761).rotate_left(i as u32 * 3) >> 7) as u8;
            }
            if seed >= 256 {
                tag = [(seed - 256) as u8; 20];
                tag[19] = !tag[19];
            }
            let mut expected = [0u8; 28];
            let n = base64::engine::general_purpose::STANDARD
                .encode_slice(tag, &mut expected)
                .unwrap();
            assert_eq!(n, 28);
            assert_eq!(encode_tag(&tag), expected, "{tag:?}");
        }
        assert_eq!(&encode_tag(&[0xff; 20]), b"//////////////////////////8=");
    }
}
