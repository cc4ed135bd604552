//! Constant-time comparison for signatures: every byte is read and the decision is taken
//! once, at the end, so the time taken does not tell an attacker how many leading bytes
//! of a forged signature were right.

use subtle::ConstantTimeEq;

/// Whether `a` and `b` hold the same bytes, in time that depends only on their lengths
/// (which are public: a signature is always [`crate::SIGNATURE_LEN`] bytes).
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    fold_differences(a.len(), |i| (a[i], b[i]))
}

/// The comparison loop over any source of byte pairs: reads all `len` pairs, ORs their
/// differences together without branching, and compares the result with zero through
/// `subtle` (which keeps the optimizer from turning it back into an early exit). Generic
/// so the tests can count the reads.
fn fold_differences(len: usize, mut pair: impl FnMut(usize) -> (u8, u8)) -> bool {
    let mut diff = 0u8;
    for i in 0..len {
        let (x, y) = pair(i);
        diff |= x ^ y;
    }
    bool::from(diff.ct_eq(&0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the comparison of `a` and `b`, returning its answer and how many pairs it read.
    fn counted(a: &[u8; 28], b: &[u8; 28]) -> (bool, usize) {
        let mut reads = 0;
        let equal = fold_differences(28, |i| {
            reads += 1;
            (a[i], b[i])
        });
        (equal, reads)
    }

    #[test]
    fn reads_every_byte_wherever_the_first_difference_is() {
        let genuine = *b"CROVVmkEAaZtIzV8pkEZKiHgHps=";
        assert_eq!(counted(&genuine, &genuine), (true, 28));
        for at in 0..28 {
            let mut forged = genuine;
            forged[at] ^= 0x01;
            assert_eq!(
                counted(&genuine, &forged),
                (false, 28),
                "difference at byte {at}"
            );
        }
        let all_wrong = [b'A'; 28];
        assert_eq!(counted(&genuine, &all_wrong), (false, 28));
    }

    #[test]
    fn answers_like_equality() {
        assert!(ct_eq(b"", b""));
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"ab"));
        for x in 0..=255u8 {
            assert_eq!(ct_eq(&[x], &[0x5a]), x == 0x5a);
        }
    }
}
