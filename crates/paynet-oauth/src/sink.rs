//! Byte sinks: where encoded output goes (an HMAC, a counter, a buffer, a `fmt::Write`).

use core::fmt;

/// A destination for ASCII output bytes. Implemented for the HMAC state, a length
/// counter, a caller buffer and any `core::fmt::Write`.
pub(crate) trait Sink {
    /// Appends `bytes`; they are always ASCII.
    fn put(&mut self, bytes: &[u8]) -> fmt::Result;
}

/// Counts bytes; used by the `*_len` functions.
#[derive(Default)]
pub(crate) struct Counter(pub(crate) usize);

impl Sink for Counter {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> fmt::Result {
        self.0 += bytes.len();
        Ok(())
    }
}

/// Writes into a caller buffer whose size was checked beforehand.
pub(crate) struct SliceSink<'b> {
    pub(crate) buf: &'b mut [u8],
    pub(crate) pos: usize,
}

impl Sink for SliceSink<'_> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> fmt::Result {
        let end = self.pos.checked_add(bytes.len()).ok_or(fmt::Error)?;
        let dst = self.buf.get_mut(self.pos..end).ok_or(fmt::Error)?;
        copy_short(dst, bytes);
        self.pos = end;
        Ok(())
    }
}

/// Copies `src` into `dst`, which has the same length. The pieces of the outputs are
/// short (a few bytes to a few dozen), and for them two overlapping fixed-size copies
/// cost less than a call to `memcpy`, where unaligned loads and stores are single
/// instructions. Elsewhere (Cortex-M0 has no unaligned access, each fixed-size copy
/// becomes a run of byte moves inlined at every piece) it is one `memcpy`.
#[inline(always)]
pub(crate) fn copy_short(dst: &mut [u8], src: &[u8]) {
    const UNALIGNED_IS_CHEAP: bool = cfg!(any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "wasm32"
    ));
    if !UNALIGNED_IS_CHEAP {
        if dst.len() == src.len() {
            dst.copy_from_slice(src);
        }
        return;
    }
    let n = src.len();
    if dst.len() != n {
        return;
    }
    match n {
        33..=64 => {
            dst[..32].copy_from_slice(&src[..32]);
            dst[n - 32..].copy_from_slice(&src[n - 32..]);
        }
        16..=32 => {
            dst[..16].copy_from_slice(&src[..16]);
            dst[n - 16..].copy_from_slice(&src[n - 16..]);
        }
        8..=15 => {
            dst[..8].copy_from_slice(&src[..8]);
            dst[n - 8..].copy_from_slice(&src[n - 8..]);
        }
        4..=7 => {
            dst[..4].copy_from_slice(&src[..4]);
            dst[n - 4..].copy_from_slice(&src[n - 4..]);
        }
        0..=3 => {
            for (d, s) in dst.iter_mut().zip(src) {
                *d = *s;
            }
        }
        _ => dst.copy_from_slice(src),
    }
}

/// A sink as the writers take it. With the template writer, itself: each writer is
/// compiled (and inlined) for each sink type, for speed. In the size-first build, a
/// `dyn Sink`: one copy of each writer serves every sink.
#[cfg(feature = "template-writer")]
#[inline(always)]
pub(crate) fn erase<S: Sink>(sink: &mut S) -> &mut S {
    sink
}

/// A sink as the writers take it (see the template writer's version).
#[cfg(not(feature = "template-writer"))]
#[inline(always)]
pub(crate) fn erase<S: Sink>(sink: &mut S) -> &mut dyn Sink {
    sink
}

/// Adapts any `core::fmt::Write`.
pub(crate) struct FmtSink<'w, W: fmt::Write + ?Sized>(pub(crate) &'w mut W);

impl<W: fmt::Write + ?Sized> Sink for FmtSink<'_, W> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) -> fmt::Result {
        let s = core::str::from_utf8(bytes).map_err(|_| fmt::Error)?;
        self.0.write_str(s)
    }
}

/// Something that writes itself into any [`Sink`]; lets the length pass and the write
/// pass share one monomorphic rendering routine.
pub(crate) trait Render {
    /// Writes the output.
    fn render<S: Sink + ?Sized>(&self, sink: &mut S) -> fmt::Result;
}

/// The exact length of `r`'s output.
#[inline]
pub(crate) fn count<R: Render + ?Sized>(r: &R) -> usize {
    let mut counter = Counter::default();
    // A counter never fails.
    let _ = r.render(&mut counter);
    counter.0
}

/// Writes `r` into `buf` when it fits and returns the length; otherwise returns
/// [`crate::Error::BufferTooSmall`] with the length needed and leaves `buf` untouched.
#[inline]
pub(crate) fn write_checked<R: Render + ?Sized>(
    buf: &mut [u8],
    r: &R,
) -> Result<usize, crate::Error> {
    let needed = count(r);
    if buf.len() < needed {
        return Err(crate::Error::BufferTooSmall { needed });
    }
    let mut sink = SliceSink { buf, pos: 0 };
    r.render(erase(&mut sink))?;
    Ok(sink.pos)
}

/// Writes `r` into any `core::fmt::Write`.
#[inline]
pub(crate) fn write_fmt<R: Render + ?Sized, W: fmt::Write + ?Sized>(
    out: &mut W,
    r: &R,
) -> Result<(), crate::Error> {
    r.render(erase(&mut FmtSink(out)))
        .map_err(crate::Error::from)
}

#[cfg(test)]
mod tests {
    use super::copy_short;

    #[test]
    fn copy_short_copies_every_length_exactly() {
        let src: [u8; 80] = core::array::from_fn(|i| i as u8 + 1);
        for n in 0..=src.len() {
            let mut dst = [0u8; 96];
            copy_short(&mut dst[5..5 + n], &src[..n]);
            assert_eq!(&dst[5..5 + n], &src[..n], "length {n}");
            assert!(
                dst[..5].iter().chain(&dst[5 + n..]).all(|&b| b == 0),
                "length {n}: outside written"
            );
        }
    }
}
