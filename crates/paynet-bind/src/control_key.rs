//! A PaynetEasy control key made into a signer, one way for every surface.

use crate::Failure;

/// The signer of a PaynetEasy control key, for every surface that takes one (the
/// clients, `signForm`, the Python auth classes): the key with surrounding white space
/// removed ([`paynet_api::control_key_text`]), which must not be empty then.
pub fn control_key_signer(control_key: &str) -> Result<paynet_oauth::Signer, Failure> {
    let key = paynet_api::control_key_text(control_key);
    if key.is_empty() {
        return Err(Failure::invalid_input(
            paynet_api::ClientConfigError::EmptyControlKey.to_string(),
        ));
    }
    Ok(paynet_oauth::Signer::new(key, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_signs_alike_with_or_without_surrounding_white_space() {
        let request = paynet_oauth::Request::new("POST", "https://h/p", &[], "l", "1", "n");
        let plain = control_key_signer("K").unwrap().sign(&request).unwrap();
        for padded in [" K", "K\n", "\tK\r\n"] {
            let signed = control_key_signer(padded).unwrap().sign(&request).unwrap();
            assert_eq!(signed.signature(), plain.signature(), "{padded:?}");
        }
        let e = control_key_signer(" \n").unwrap_err();
        assert_eq!(e.message, "the control key must not be empty");
    }
}
