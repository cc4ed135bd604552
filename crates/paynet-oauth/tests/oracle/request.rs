//! The description of a request to sign: everything the signature covers.

/// A request to sign: method, URL (its query joins the parameters), form body pairs,
/// and the `oauth_*` protocol values. Nothing here is encoded: pass text as the user
/// typed it; the signer encodes.
///
/// The core has no clock and no random numbers: the caller passes `timestamp` (Unix
/// seconds) and `nonce` (fresh per request, from a CSPRNG).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub form: &'a [(&'a str, &'a str)],
    pub consumer_key: &'a str,
    pub token: Option<&'a str>,
    pub timestamp: &'a str,
    pub nonce: &'a str,
    pub version: Option<&'a str>,
    pub extra: &'a [(&'a str, &'a str)],
    pub realm: &'a str,
}

impl<'a> Request<'a> {
    /// A request with `oauth_version="1.0"`, no token, no extra protocol parameters
    /// and an empty realm: what the gateway's commands need.
    pub const fn new(
        method: &'a str,
        url: &'a str,
        form: &'a [(&'a str, &'a str)],
        consumer_key: &'a str,
        timestamp: &'a str,
        nonce: &'a str,
    ) -> Self {
        Request {
            method,
            url,
            form,
            consumer_key,
            token: None,
            timestamp,
            nonce,
            version: Some("1.0"),
            extra: &[],
            realm: "",
        }
    }

    /// Adds `oauth_token` (three-legged OAuth; the gateway does not use it).
    pub const fn with_token(mut self, token: Option<&'a str>) -> Self {
        self.token = token;
        self
    }

    /// Sets `oauth_version`; `None` leaves it out of the signature and the header.
    pub const fn with_version(mut self, version: Option<&'a str>) -> Self {
        self.version = version;
        self
    }

    /// Adds further `oauth_*` protocol parameters (such as `oauth_callback` or
    /// `oauth_verifier`); they are signed and sent in the header and the body.
    pub const fn with_oauth_extra(mut self, extra: &'a [(&'a str, &'a str)]) -> Self {
        self.extra = extra;
        self
    }

    /// Sets the header's `realm` (never signed).
    pub const fn with_realm(mut self, realm: &'a str) -> Self {
        self.realm = realm;
        self
    }

    /// The HTTP method.
    pub const fn method(&self) -> &'a str {
        self.method
    }

    /// The request URL as sent.
    pub const fn url(&self) -> &'a str {
        self.url
    }

    /// The form body pairs.
    pub const fn form(&self) -> &'a [(&'a str, &'a str)] {
        self.form
    }

    /// `oauth_consumer_key` (the gateway login).
    pub const fn consumer_key(&self) -> &'a str {
        self.consumer_key
    }

    /// `oauth_timestamp`.
    pub const fn timestamp(&self) -> &'a str {
        self.timestamp
    }

    /// `oauth_nonce`.
    pub const fn nonce(&self) -> &'a str {
        self.nonce
    }
}
