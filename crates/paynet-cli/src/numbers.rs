//! clap value parsers for the numeric options: whole numbers only, with messages that
//! say so (rather than Rust's "invalid digit found in string").

use std::num::IntErrorKind;

/// A timeout: a whole number of seconds, at least 1 (0 would never wait).
pub(crate) fn timeout_seconds(text: &str) -> Result<u64, String> {
    whole(text, "seconds", 1, "1 second")
}

/// A whole number of seconds, 0 included.
pub(crate) fn seconds(text: &str) -> Result<u64, String> {
    whole(text, "seconds", 0, "0")
}

/// A response size limit: a whole number of bytes, at least 1 (0 would refuse every
/// answer).
pub(crate) fn response_bytes(text: &str) -> Result<usize, String> {
    to_usize(whole(text, "bytes", 1, "1 byte")?)
}

/// A count: a whole number, 0 included.
pub(crate) fn count(text: &str) -> Result<usize, String> {
    to_usize(whole(text, "", 0, "0")?)
}

/// `text` as a whole number of `unit` (empty for a plain count) that is at least
/// `min` (`min_text` in words).
fn whole(text: &str, unit: &str, min: u64, min_text: &str) -> Result<u64, String> {
    let what = if unit.is_empty() {
        "a whole number".to_owned()
    } else {
        format!("a whole number of {unit}")
    };
    let value = text.parse::<u64>().map_err(|e| match e.kind() {
        IntErrorKind::PosOverflow => format!("too large: {what}, at most {}", u64::MAX),
        _ => format!("expected {what} (digits only, no fraction or unit)"),
    })?;
    if value < min {
        return Err(format!("must be at least {min_text}"));
    }
    Ok(value)
}

fn to_usize(value: u64) -> Result<usize, String> {
    usize::try_from(value).map_err(|_| format!("too large: at most {}", usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_only() {
        assert_eq!(timeout_seconds("30"), Ok(30));
        assert_eq!(seconds("0"), Ok(0));
        assert_eq!(response_bytes("1048576"), Ok(1_048_576));
        assert_eq!(response_bytes("0").unwrap_err(), "must be at least 1 byte");
        assert_eq!(
            timeout_seconds("0").unwrap_err(),
            "must be at least 1 second"
        );
        for bad in ["0.5", "", "-1", "5s", "1e3"] {
            let err = timeout_seconds(bad).unwrap_err();
            assert!(err.contains("a whole number of seconds"), "{bad:?}: {err}");
        }
        assert!(
            count("1.5")
                .unwrap_err()
                .starts_with("expected a whole number (")
        );
        assert!(
            seconds("99999999999999999999")
                .unwrap_err()
                .starts_with("too large")
        );
    }
}
