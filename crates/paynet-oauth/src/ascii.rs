//! Searching and splitting texts at an ASCII byte. A byte search is a few instructions
//! where `str::find` with a `char` pulls in a char searcher (about 400 bytes on a
//! Cortex-M0); an ASCII byte's position is always a char boundary.

/// The position of the first `byte` in `text`.
#[inline]
pub(crate) fn find(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|b| b == byte)
}

/// `text` before and after the first `byte`.
#[inline]
pub(crate) fn split_once(text: &str, byte: u8) -> Option<(&str, &str)> {
    let i = find(text, byte)?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// The pieces of `text` between the `byte`s (like `str::split`).
#[inline]
pub(crate) fn split(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    core::iter::from_fn(move || {
        let piece = rest?;
        match split_once(piece, byte) {
            Some((first, after)) => {
                rest = Some(after);
                Some(first)
            }
            None => {
                rest = None;
                Some(piece)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{find, split, split_once};

    #[test]
    fn searches_and_splits_like_str() {
        for text in ["", "&", "a", "a=1&b=&=2&&c", "é=ü&€", "&&x&", "==&="] {
            assert_eq!(find(text, b'&'), text.find('&'), "{text}");
            assert_eq!(split_once(text, b'='), text.split_once('='), "{text}");
            assert!(split(text, b'&').eq(text.split('&')), "{text}");
        }
    }
}
