//! [`OwnedRequest`]: everything a signature covers, owned, with every option the core
//! takes; the form every binding builds from its language's arguments.

use crate::{Failure, OwnedSigned, check_timestamp};

/// A request to sign, owned. `timestamp` and `nonce` left as `None` are filled in when
/// it is signed (the clock, a fresh CSPRNG nonce); `version` is `Some("1.0")` from
/// [`OwnedRequest::new`] and `None` leaves `oauth_version` out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedRequest {
    /// The HTTP method, e.g. `POST`.
    pub method: String,
    /// The absolute URL, query included (the query is signed and stays in the URL).
    pub url: String,
    /// The form parameters (decoded), in the caller's order.
    pub form: Vec<(String, String)>,
    /// `oauth_consumer_key`: the login.
    pub consumer_key: String,
    /// `oauth_timestamp` as decimal Unix seconds; `None` means now.
    pub timestamp: Option<String>,
    /// `oauth_nonce`; `None` means a fresh one.
    pub nonce: Option<String>,
    /// `oauth_token`, if any.
    pub token: Option<String>,
    /// `oauth_version`; `None` leaves it out.
    pub version: Option<String>,
    /// The header's `realm` (not signed).
    pub realm: String,
    /// Extra `oauth_*` parameters to sign and send in the header.
    pub oauth_extra: Vec<(String, String)>,
}

impl OwnedRequest {
    /// A request with no parameters, version 1.0, the timestamp and nonce to be filled
    /// in when signed.
    pub fn new(
        method: impl Into<String>,
        url: impl Into<String>,
        consumer_key: impl Into<String>,
    ) -> Self {
        OwnedRequest {
            method: method.into(),
            url: url.into(),
            form: Vec::new(),
            consumer_key: consumer_key.into(),
            timestamp: None,
            nonce: None,
            token: None,
            version: Some("1.0".to_owned()),
            realm: String::new(),
            oauth_extra: Vec::new(),
        }
    }

    /// The request of a balance `command` on `gateway` with `login` as the consumer
    /// key: `POST` to the command's URL with its form, the login checked as
    /// [`paynet_api::Command::sign`] checks it (1 to 256 characters). Signed with
    /// [`crate::control_key_signer`], it is what the clients send.
    pub fn for_command(
        gateway: &paynet_api::Gateway,
        command: &paynet_api::Command,
        login: &str,
    ) -> Result<Self, Failure> {
        paynet_api::check_login(login)?;
        let mut request = OwnedRequest::new("POST", command.url(gateway), login);
        request.form = (command.form().into_iter())
            .map(|(name, value)| (name.to_owned(), value))
            .collect();
        Ok(request)
    }

    /// Signs this request with `signer` (keyed by the control key and token secret):
    /// fills in the timestamp and the nonce if they are missing (with the `os`
    /// feature; without it both are required) and checks given ones: a timestamp of
    /// decimal digits (`InvalidInput`), a nonce that is not empty (`InvalidParameter`,
    /// naming the nonce). The outputs are written later, when they are read.
    pub fn sign(mut self, signer: &paynet_oauth::Signer) -> Result<OwnedSigned, Failure> {
        let made = Made::for_request(self.timestamp.as_deref(), self.nonce.as_deref())?;
        if made.timestamp.is_some() {
            self.timestamp = made.timestamp;
        }
        if made.nonce.is_some() {
            self.nonce = made.nonce;
        }
        OwnedSigned::new(self, signer)
    }

    /// Signs with the consumer secret (the control key) and the token secret.
    pub fn sign_with_secret(
        self,
        consumer_secret: &str,
        token_secret: &str,
    ) -> Result<OwnedSigned, Failure> {
        self.sign(&paynet_oauth::Signer::new(consumer_secret, token_secret))
    }
}

/// The timestamp and the nonce made for a request that left them out: the one check
/// of the given ones and the one place the defaults are filled in, for
/// [`OwnedRequest::sign`] and [`crate::BorrowedRequest::sign_with`] (every binding's
/// signing goes through one of the two).
pub(crate) struct Made {
    /// The clock's time, when no timestamp was given.
    pub(crate) timestamp: Option<String>,
    /// A fresh nonce, when none was given.
    pub(crate) nonce: Option<String>,
}

impl Made {
    /// Checks a given timestamp (decimal digits) and nonce (not empty: the core would
    /// refuse it as an `InvalidParameter` that does not say which) and makes the
    /// missing ones.
    pub(crate) fn for_request(
        timestamp: Option<&str>,
        nonce: Option<&str>,
    ) -> Result<Self, Failure> {
        let timestamp = match timestamp {
            Some(text) => {
                check_timestamp(text)?;
                None
            }
            None => Some(default_timestamp()?),
        };
        let nonce = match nonce {
            Some("") => return Err(Failure::empty_nonce()),
            Some(_) => None,
            None => Some(default_nonce()?),
        };
        Ok(Made { timestamp, nonce })
    }
}

#[cfg(feature = "os")]
pub(crate) fn default_timestamp() -> Result<String, Failure> {
    Ok(crate::now().to_string())
}

#[cfg(feature = "os")]
pub(crate) fn default_nonce() -> Result<String, Failure> {
    crate::fresh_nonce()
}

#[cfg(not(feature = "os"))]
pub(crate) fn default_timestamp() -> Result<String, Failure> {
    Err(Failure::invalid_input(
        "a timestamp is required (this build has no clock)",
    ))
}

#[cfg(not(feature = "os"))]
pub(crate) fn default_nonce() -> Result<String, Failure> {
    Err(Failure::invalid_input(
        "a nonce is required (this build has no random number generator)",
    ))
}
