//! Exact decimal amounts from the gateway's text, digits kept as sent.

use rust_decimal::Decimal;

/// The most decimal places a [`Decimal`] holds.
const MAX_SCALE: i64 = 28;

/// Parses `-?digits(.digits)?([eE][+-]?digits)?` into a [`Decimal`] without rounding:
/// `219.500` keeps its scale of 3 (and displays as `219.500`), `0` stays `0`. A value
/// that a `Decimal` cannot hold exactly (more than 28 decimal places or 96 bits of
/// digits) is refused rather than rounded.
pub(crate) fn parse_amount(text: &str) -> Result<Decimal, &'static str> {
    const INVALID: &str = "is not a decimal number";
    const RANGE: &str = "cannot be represented exactly";
    let bytes = text.as_bytes();
    let mut pos = 0;
    let negative = bytes.first() == Some(&b'-');
    if negative {
        pos += 1;
    }
    let mut mantissa: u128 = 0;
    let mut push_digits = |pos: &mut usize| -> Result<usize, &'static str> {
        let start = *pos;
        while let Some(d) = bytes.get(*pos).filter(|b| b.is_ascii_digit()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(d - b'0')))
                .filter(|&m| m < 1 << 96)
                .ok_or(RANGE)?;
            *pos += 1;
        }
        Ok(*pos - start)
    };
    if push_digits(&mut pos)? == 0 {
        return Err(INVALID);
    }
    let mut scale: i64 = 0;
    if bytes.get(pos) == Some(&b'.') {
        pos += 1;
        let n = push_digits(&mut pos)?;
        if n == 0 {
            return Err(INVALID);
        }
        scale = i64::try_from(n).map_err(|_| RANGE)?;
    }
    if let Some(b'e' | b'E') = bytes.get(pos) {
        pos += 1;
        let exp_negative = match bytes.get(pos) {
            Some(b'-') => {
                pos += 1;
                true
            }
            Some(b'+') => {
                pos += 1;
                false
            }
            _ => false,
        };
        let start = pos;
        let mut exp: i64 = 0;
        while let Some(d) = bytes.get(pos).filter(|b| b.is_ascii_digit()) {
            exp = (exp * 10 + i64::from(d - b'0')).min(10_000);
            pos += 1;
        }
        if pos == start {
            return Err(INVALID);
        }
        scale += if exp_negative { exp } else { -exp };
    }
    if pos != bytes.len() {
        return Err(INVALID);
    }
    while scale < 0 {
        mantissa = mantissa
            .checked_mul(10)
            .filter(|&m| m < 1 << 96)
            .ok_or(RANGE)?;
        scale += 1;
    }
    if scale > MAX_SCALE {
        return Err(RANGE);
    }
    let signed = i128::try_from(mantissa).map_err(|_| RANGE)?;
    let scale = u32::try_from(scale).map_err(|_| RANGE)?;
    let mut value = Decimal::try_from_i128_with_scale(signed, scale).map_err(|_| RANGE)?;
    value.set_sign_negative(negative);
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn keeps_digits() {
        for s in ["219.500", "0", "0.000", "29.99", "-1.50", "1000.10", "007"] {
            let want = s.trim_start_matches('0');
            let want = if want.is_empty() || want.starts_with('.') {
                format!("0{want}")
            } else {
                want.to_owned()
            };
            assert_eq!(parse_amount(s).unwrap().to_string(), want, "{s}");
        }
        assert_eq!(parse_amount("1.5e2").unwrap().to_string(), "150");
        assert_eq!(parse_amount("15E-1").unwrap().to_string(), "1.5");
        assert_eq!(
            parse_amount("79228162514264337593543950335")
                .unwrap()
                .to_string(),
            "79228162514264337593543950335"
        );
    }

    #[test]
    fn refuses() {
        for s in [
            "",
            "-",
            "+1",
            "1.",
            ".5",
            "1_000",
            "1,5",
            " 1",
            "1 ",
            "1e",
            "abc",
            "NaN",
            "0x10",
            "79228162514264337593543950336",
            "0.00000000000000000000000000001",
            "1e999999999999",
        ] {
            assert!(parse_amount(s).is_err(), "{s:?}");
        }
    }
}
