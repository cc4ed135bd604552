//! [`CORE_ERRORS`]: one value of every error of the signing core, so that each binding's
//! test can check its own mapping of every one (C code, Python class, Node `code`).

use paynet_oauth::Error;

/// One value of each variant of the core's [`Error`]: [`Error::ALL`], which the core's
/// own test keeps complete (a new variant fails it until listed), so that every
/// binding's test then checks the new error has a code of its own.
pub const CORE_ERRORS: [Error; Error::ALL.len()] = Error::ALL;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_core_error_is_listed_once_with_its_own_message() {
        let messages: std::collections::HashSet<_> =
            CORE_ERRORS.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), CORE_ERRORS.len());
    }
}
