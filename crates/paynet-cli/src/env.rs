//! The environment variables `paynet` reads, each only when no flag replaces it (so a
//! variable holding bytes that are not text is named when it matters, never otherwise).

use std::env::VarError;

use crate::failure::Failure;

/// The gateway base URL or preset.
pub(crate) const GATEWAY: &str = "PAYNET_GATEWAY";
/// The login that signs.
pub(crate) const LOGIN: &str = "PAYNET_LOGIN";
/// The control key.
pub(crate) const CONTROL_KEY: &str = "PAYNET_CONTROL_KEY";

/// The text of the environment variable `name`: `None` when it is not set, and a usage
/// failure naming it (its value never shown: it may be the control key) when it holds
/// bytes that are not UTF-8. `instead` names the flag that can replace it.
pub(crate) fn var(name: &str, instead: &str) -> Result<Option<String>, Failure> {
    match std::env::var(name) {
        Ok(value) => Ok(Some(value)),
        Err(VarError::NotPresent) => Ok(None),
        Err(VarError::NotUnicode(_)) => Err(Failure::usage(format!(
            "the environment variable {name} is not UTF-8 text (its value is not shown)"
        ))
        .with_hint(format!(
            "set {name} again as UTF-8 text, or unset it and pass {instead}"
        ))),
    }
}
