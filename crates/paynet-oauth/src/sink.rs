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

/// Runs `write` against a counter, then, when `buf` is large enough, against `buf`.
/// Returns the number of bytes written; on a too-small buffer nothing is written.
pub(crate) fn write_checked(
    buf: &mut [u8],
    mut write: impl FnMut(&mut dyn Sink) -> fmt::Result,
) -> Result<usize, crate::Error> {
    let mut counter = Counter::default();
    write(&mut counter)?;
    if buf.len() < counter.0 {
        return Err(crate::Error::BufferTooSmall { needed: counter.0 });
    }
    let mut sink = SliceSink { buf, pos: 0 };
    write(&mut sink)?;
    Ok(sink.pos)
}

/// Runs `write` against a counter and returns the byte count.
pub(crate) fn count(write: impl FnOnce(&mut dyn Sink) -> fmt::Result) -> usize {
    let mut counter = Counter::default();
    // A counter never fails.
    let _ = write(&mut counter);
    counter.0
}
