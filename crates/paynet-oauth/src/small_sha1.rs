//! A small SHA-1 (FIPS 180-4) and HMAC-SHA1 (RFC 2104) for the size-first build, the
//! one without the `rustcrypto-sha1` feature: the 80 rounds are one loop over a
//! 16-word schedule, a fraction of the code of RustCrypto's unrolled rounds on a
//! Cortex-M0. The default build uses RustCrypto's (with the CPU's SHA extensions where
//! there are some); the tests check this one against it.

use zeroize::Zeroize;

/// The initial chaining value.
const H0: [u32; 5] = [
    0x6745_2301,
    0xEFCD_AB89,
    0x98BA_DCFE,
    0x1032_5476,
    0xC3D2_E1F0,
];

/// The padding: `0x80` and then zeros.
const PAD: [u8; 64] = {
    let mut pad = [0u8; 64];
    pad[0] = 0x80;
    pad
};

/// A SHA-1 computation: the chaining value, the partial block and the message length.
/// Wiped when dropped (it can hold key material).
#[derive(Clone)]
pub(crate) struct Sha1 {
    h: [u32; 5],
    block: [u8; 64],
    len: u64,
}

impl Sha1 {
    /// A new computation.
    pub(crate) fn new() -> Self {
        Sha1 {
            h: H0,
            block: [0; 64],
            len: 0,
        }
    }

    /// Adds `data` to the message.
    pub(crate) fn update(&mut self, mut data: &[u8]) {
        let mut used = (self.len % 64) as usize;
        self.len = self.len.wrapping_add(data.len() as u64);
        while !data.is_empty() {
            let take = (64 - used).min(data.len());
            let (head, rest) = data.split_at(take);
            if let Some(dst) = self.block.get_mut(used..used + take) {
                dst.copy_from_slice(head);
            }
            used += take;
            data = rest;
            if used == 64 {
                compress(&mut self.h, &self.block);
                used = 0;
            }
        }
    }

    /// The digest of the message.
    pub(crate) fn finalize(mut self) -> [u8; 20] {
        let bits = self.len.wrapping_mul(8);
        let used = (self.len % 64) as usize;
        // 1 to 64 bytes, so that 8 are left in the last block for the length.
        let pad = if used < 56 { 56 - used } else { 120 - used };
        self.update(PAD.get(..pad).unwrap_or_default());
        self.update(&bits.to_be_bytes());
        let mut out = [0u8; 20];
        for (o, h) in out.chunks_exact_mut(4).zip(self.h) {
            o.copy_from_slice(&h.to_be_bytes());
        }
        out
    }
}

impl Drop for Sha1 {
    fn drop(&mut self) {
        self.h.zeroize();
        self.block.zeroize();
    }
}

impl zeroize::ZeroizeOnDrop for Sha1 {}

/// One block: the rounds in a loop, the schedule kept as 16 words in a ring.
fn compress(h: &mut [u32; 5], block: &[u8; 64]) {
    let mut w = [0u32; 16];
    for (w, b) in w.iter_mut().zip(block.chunks_exact(4)) {
        *w = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    }
    let [mut a, mut b, mut c, mut d, mut e] = *h;
    for i in 0..80 {
        let s = i % 16;
        if i >= 16 {
            let x = w[(s + 13) % 16] ^ w[(s + 8) % 16] ^ w[(s + 2) % 16] ^ w[s];
            w[s] = x.rotate_left(1);
        }
        let (f, k) = if i < 20 {
            ((b & c) | (!b & d), 0x5A82_7999)
        } else if i < 40 {
            (b ^ c ^ d, 0x6ED9_EBA1)
        } else if i < 60 {
            ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
        } else {
            (b ^ c ^ d, 0xCA62_C1D6)
        };
        let t = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(w[s]);
        e = d;
        d = c;
        c = b.rotate_left(30);
        b = a;
        a = t;
    }
    for (h, v) in h.iter_mut().zip([a, b, c, d, e]) {
        *h = h.wrapping_add(v);
    }
}

/// HMAC-SHA1 keyed with a 64-byte block (the key zero-padded, or hashed first when
/// longer): the inner and outer computations after their padded keys.
#[derive(Clone)]
pub(crate) struct HmacSha1 {
    inner: Sha1,
    outer: Sha1,
}

impl HmacSha1 {
    /// Keys the HMAC with `key`, one block.
    pub(crate) fn new(key: &[u8; 64]) -> Self {
        let keyed = |x: u8| {
            let mut pad = [0u8; 64];
            for (p, k) in pad.iter_mut().zip(key) {
                *p = k ^ x;
            }
            let mut sha = Sha1::new();
            sha.update(&pad);
            pad.zeroize();
            sha
        };
        HmacSha1 {
            inner: keyed(0x36),
            outer: keyed(0x5c),
        }
    }

    /// Adds `data` to the message.
    pub(crate) fn update(&mut self, data: &[u8]) {
        self.inner.update(data);
    }

    /// The tag of the message.
    pub(crate) fn finalize(self) -> [u8; 20] {
        let HmacSha1 { inner, mut outer } = self;
        outer.update(&inner.finalize());
        outer.finalize()
    }
}

#[cfg(test)]
mod tests {
    use super::{HmacSha1, Sha1};

    fn sha1(parts: &[&[u8]]) -> [u8; 20] {
        let mut sha = Sha1::new();
        for part in parts {
            sha.update(part);
        }
        sha.finalize()
    }

    fn hex(bytes: &[u8]) -> [u8; 40] {
        let mut out = [0u8; 40];
        for (o, b) in out.chunks_exact_mut(2).zip(bytes) {
            o[0] = b"0123456789abcdef"[usize::from(b >> 4)];
            o[1] = b"0123456789abcdef"[usize::from(b & 15)];
        }
        out
    }

    #[test]
    fn fips_180_examples() {
        assert_eq!(
            &hex(&sha1(&[b"abc"])),
            b"a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            &hex(&sha1(&[b""])),
            b"da39a3ee5e6b4b0d3255bfef95601890afd80709"
        );
        let two_blocks = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(
            &hex(&sha1(&[two_blocks])),
            b"84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        // A million `a`, fed in uneven pieces.
        let mut sha = Sha1::new();
        let a = [b'a'; 1000];
        for i in 0..1000 {
            let cut = i % 97;
            sha.update(&a[..cut]);
            sha.update(&a[cut..]);
        }
        assert_eq!(
            &hex(&sha.finalize()),
            b"34aa973cd4c4daa4f61eeb2bdbad27316534016f"
        );
    }

    #[test]
    fn rfc_2202_hmac_examples() {
        let mut key = [0u8; 64];
        key[..20].copy_from_slice(&[0x0b; 20]);
        let mut mac = HmacSha1::new(&key);
        mac.update(b"Hi There");
        assert_eq!(
            &hex(&mac.finalize()),
            b"b617318655057264e28bc0b6fb378c8ef146be00"
        );
        let mut key = [0u8; 64];
        key[..4].copy_from_slice(b"Jefe");
        let mut mac = HmacSha1::new(&key);
        mac.update(b"what do ya want ");
        mac.clone().update(b"not this");
        mac.update(b"for nothing?");
        assert_eq!(
            &hex(&mac.finalize()),
            b"effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
    }

    #[test]
    fn matches_rustcrypto_at_every_length_and_split() {
        // Lengths 0..=200 cover the padding's one- and two-block cases; the splits
        // every way of filling the partial block.
        use hmac::{KeyInit, Mac};
        use sha1::Digest;
        let msg: [u8; 200] = core::array::from_fn(|i| (i * 7 + 3) as u8);
        let key: [u8; 64] = core::array::from_fn(|i| (i * 13 + 1) as u8);
        for len in 0..=msg.len() {
            let expected: [u8; 20] = sha1::Sha1::digest(&msg[..len]).into();
            for cut in [0, len / 3, len / 2, len] {
                assert_eq!(
                    sha1(&[&msg[..cut], &msg[cut..len]]),
                    expected,
                    "{len} {cut}"
                );
            }
            let mut theirs = hmac::Hmac::<sha1::Sha1>::new(&key.into());
            theirs.update(&msg[..len]);
            let mut ours = HmacSha1::new(&key);
            ours.update(&msg[..len]);
            let expected: [u8; 20] = theirs.finalize().into_bytes().into();
            assert_eq!(ours.finalize(), expected, "hmac {len}");
        }
    }
}
