//! The template-style writer: an output is written into a byte buffer with a local
//! position (a `usize` passed in and returned, kept in a register), constant pieces
//! copied whole and runs of unreserved bytes copied with one copy, never byte by byte
//! through a sink.
//!
//! The buffer is sized beforehand (the exact length of a caller's output, or room
//! reserved in the base string's stack buffer): a piece that does not fit is left out
//! but still counted, so the caller checks the final position against the length.

use crate::percent::{escape, is_unreserved};
use crate::sink::copy_short;

/// Copies `piece` into `dst` at `pos` and returns the position after it.
#[inline(always)]
pub(crate) fn put(dst: &mut [u8], pos: usize, piece: &[u8]) -> usize {
    let end = pos + piece.len();
    if let Some(d) = dst.get_mut(pos..end) {
        copy_short(d, piece);
    }
    end
}

/// Writes `%XX` for `b`, or `%25XX` (encoded twice).
#[inline(always)]
pub(crate) fn put_escape(dst: &mut [u8], pos: usize, b: u8, twice: bool) -> usize {
    let [p, h, l] = escape(b);
    if twice {
        put(dst, pos, &[p, b'2', b'5', h, l])
    } else {
        put(dst, pos, &[p, h, l])
    }
}

/// Writes `src` percent-encoded (once, or twice): each run of unreserved bytes is one
/// copy, each other byte one escape.
#[inline]
pub(crate) fn put_encoded(dst: &mut [u8], mut pos: usize, src: &[u8], twice: bool) -> usize {
    let mut start = 0;
    for (i, &b) in src.iter().enumerate() {
        if !is_unreserved(b) {
            pos = put(dst, pos, src.get(start..i).unwrap_or_default());
            pos = put_escape(dst, pos, b, twice);
            start = i + 1;
        }
    }
    put(dst, pos, src.get(start..).unwrap_or_default())
}

/// Writes one (decoded) byte encoded: itself when unreserved.
#[inline]
pub(crate) fn put_encoded_byte(dst: &mut [u8], pos: usize, b: u8, twice: bool) -> usize {
    if is_unreserved(b) {
        put(dst, pos, &[b])
    } else {
        put_escape(dst, pos, b, twice)
    }
}

/// The most bytes `len` source bytes can take once encoded (`%XX` per byte) or twice
/// (`%25XX`), capped at an eighth of the address space so that sums of a few of them
/// cannot overflow (a text that long never fits a stack buffer anyway).
#[inline(always)]
pub(crate) const fn max_encoded(len: usize, twice: bool) -> usize {
    let max = len.saturating_mul(if twice { 5 } else { 3 });
    if max > usize::MAX / 8 {
        usize::MAX / 8
    } else {
        max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_runs_and_escapes_once_and_twice() {
        let mut buf = [0u8; 64];
        let n = put_encoded(&mut buf, 2, "ab c€~".as_bytes(), false);
        assert_eq!(&buf[2..n], b"ab%20c%E2%82%AC~");
        let n = put_encoded(&mut buf, 0, b"a=b", true);
        assert_eq!(&buf[..n], b"a%253Db");
        assert_eq!(max_encoded(3, true), 15);
        assert_eq!(max_encoded(usize::MAX / 3, true), usize::MAX / 8);
    }

    #[test]
    fn a_piece_that_does_not_fit_is_counted_not_written() {
        let mut buf = [0u8; 4];
        let pos = put(&mut buf, 1, b"abc");
        assert_eq!((pos, &buf), (4, b"\0abc"));
        let pos = put(&mut buf, pos, b"de");
        assert_eq!((pos, &buf), (6, b"\0abc"));
    }
}
