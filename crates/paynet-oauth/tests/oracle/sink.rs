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
        dst.copy_from_slice(bytes);
        self.pos = end;
        Ok(())
    }
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
/// [`paynet_oauth::Error::BufferTooSmall`] with the length needed and leaves `buf` untouched.
#[inline]
pub(crate) fn write_checked<R: Render + ?Sized>(
    buf: &mut [u8],
    r: &R,
) -> Result<usize, paynet_oauth::Error> {
    let needed = count(r);
    if buf.len() < needed {
        return Err(paynet_oauth::Error::BufferTooSmall { needed });
    }
    let mut sink = SliceSink { buf, pos: 0 };
    r.render(&mut sink)?;
    Ok(sink.pos)
}

/// Writes `r` into any `core::fmt::Write`.
#[inline]
pub(crate) fn write_fmt<R: Render + ?Sized, W: fmt::Write + ?Sized>(
    out: &mut W,
    r: &R,
) -> Result<(), paynet_oauth::Error> {
    r.render(&mut FmtSink(out))
        .map_err(paynet_oauth::Error::from)
}
