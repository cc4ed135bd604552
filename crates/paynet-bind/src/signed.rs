//! [`OwnedSigned`]: the core's signed request together with the owned request it
//! borrows, so a binding can hand it to its language as one object.

use paynet_oauth::{Request, Signed};

use crate::{Failure, OwnedRequest};

/// The `(&str, &str)` pairs the core borrows: the form pairs, then the extra `oauth_*`.
struct Pairs<'a> {
    all: Vec<(&'a str, &'a str)>,
    form_len: usize,
}

impl<'a> Pairs<'a> {
    fn of(r: &'a OwnedRequest) -> Self {
        let view = |(name, value): &'a (String, String)| (name.as_str(), value.as_str());
        let mut all = Vec::with_capacity(r.form.len() + r.oauth_extra.len());
        all.extend(r.form.iter().map(view));
        all.extend(r.oauth_extra.iter().map(view));
        Pairs {
            all,
            form_len: r.form.len(),
        }
    }

    /// The core's view of `r` (whose timestamp and nonce are filled in).
    fn request(&'a self, r: &'a OwnedRequest) -> Request<'a> {
        let (form, extra) = self.all.split_at(self.form_len);
        Request::new(
            &r.method,
            &r.url,
            form,
            &r.consumer_key,
            r.timestamp.as_deref().unwrap_or_default(),
            r.nonce.as_deref().unwrap_or_default(),
        )
        .with_token(r.token.as_deref())
        .with_version(r.version.as_deref())
        .with_realm(&r.realm)
        .with_oauth_extra(extra)
    }
}

self_cell::self_cell!(
    /// A request with the pairs the core borrows from it.
    struct Described {
        owner: OwnedRequest,
        #[covariant]
        dependent: Pairs,
    }
);

type SignedOf<'a> = Signed<'a>;

self_cell::self_cell!(
    /// The core's signed request with everything it borrows.
    struct SignedCell {
        owner: Described,
        #[covariant]
        dependent: SignedOf,
    }
);

/// A signed request: the signature, and each output written from it when asked for
/// (never recomputed). Holds no secret: the keys stay in the signer.
pub struct OwnedSigned {
    cell: SignedCell,
}

impl std::fmt::Debug for OwnedSigned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OwnedSigned")
            .field("request", self.request())
            .field("signature", &self.signature())
            .finish()
    }
}

/// One output written into a `String` of its exact length.
fn text(write: impl FnOnce(&mut String) -> Result<(), paynet_oauth::Error>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    // The lengths are exact and a String never refuses a write: this cannot fail.
    let _ = write(&mut out);
    out
}

impl OwnedSigned {
    pub(crate) fn new(
        request: OwnedRequest,
        signer: &paynet_oauth::Signer,
    ) -> Result<Self, Failure> {
        let described = Described::new(request, |r| Pairs::of(r));
        let cell = SignedCell::try_new(described, |d| {
            signer.sign(&d.borrow_dependent().request(d.borrow_owner()))
        })?;
        Ok(OwnedSigned { cell })
    }

    /// The core's signed request, for the `*_into(&mut [u8])` fast paths.
    pub fn signed(&self) -> &Signed<'_> {
        self.cell.borrow_dependent()
    }

    /// The request as signed (timestamp and nonce filled in).
    pub fn request(&self) -> &OwnedRequest {
        self.cell.borrow_owner().borrow_owner()
    }

    /// `oauth_timestamp` as sent.
    pub fn timestamp(&self) -> &str {
        self.request().timestamp.as_deref().unwrap_or_default()
    }

    /// `oauth_nonce` as sent.
    pub fn nonce(&self) -> &str {
        self.request().nonce.as_deref().unwrap_or_default()
    }

    /// The base64 HMAC-SHA1 signature.
    pub fn signature(&self) -> &str {
        self.signed().signature()
    }

    /// The `Authorization` header value: `OAuth realm="",oauth_version="1.0",…`.
    pub fn authorization_header(&self) -> String {
        let s = self.signed();
        text(
            |o| s.write_authorization_header(o),
            s.authorization_header_len(),
        )
    }

    /// The one-line form body: the form parameters and the `oauth_*` values, encoded
    /// and sorted (the URL's query stays in the URL).
    pub fn body(&self) -> String {
        let s = self.signed();
        text(|o| s.write_body(o), s.body_len())
    }

    /// The normalized parameters (encoded, sorted, joined with `&`).
    pub fn normalized_parameters(&self) -> String {
        let s = self.signed();
        text(
            |o| s.write_normalized_parameters(o),
            s.normalized_parameters_len(),
        )
    }

    /// The signature base string that was signed.
    pub fn base_string(&self) -> String {
        let s = self.signed();
        text(|o| s.write_base_string(o), s.base_string_len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_get_balance_example_signs_as_documented() {
        let mut r = OwnedRequest::new(
            "POST",
            "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/manager/BalanceTestManager",
            "BalanceTestManager",
        );
        r.form.push(("balance-name".into(), "saa".into()));
        r.timestamp = Some("1700000000".into());
        r.nonce = Some("abcdefghijk".into());
        let signed = r.clone().sign_with_secret("key", "").unwrap();
        assert_eq!(signed.timestamp(), "1700000000");
        assert!(
            signed
                .authorization_header()
                .starts_with("OAuth realm=\"\"")
        );
        assert!(
            signed
                .body()
                .starts_with("balance-name=saa&oauth_consumer_key=")
        );
        assert!(signed.base_string().starts_with("POST&https%3A%2F%2F"));
        assert_eq!(signed.body(), signed.normalized_parameters());
        let again = r.sign_with_secret("key", "").unwrap();
        assert_eq!(again.signature(), signed.signature());
    }

    #[cfg(not(feature = "os"))]
    #[test]
    fn without_the_os_a_timestamp_and_a_nonce_are_required() {
        let e = OwnedRequest::new("POST", "https://h/", "k").sign_with_secret("s", "");
        assert_eq!(e.unwrap_err().kind, crate::ErrorKind::InvalidInput);
    }

    #[cfg(feature = "os")]
    #[test]
    fn defaults_are_filled_and_a_bad_timestamp_refused() {
        let signed = OwnedRequest::new("POST", "https://h/", "k")
            .sign_with_secret("s", "")
            .unwrap();
        assert_eq!(signed.nonce().len(), crate::NONCE_LEN);
        assert!(signed.timestamp().parse::<u64>().unwrap() > 1_700_000_000);
        let mut bad = OwnedRequest::new("POST", "https://h/", "k");
        bad.timestamp = Some("12a".into());
        assert_eq!(
            bad.sign_with_secret("s", "").unwrap_err().kind,
            crate::ErrorKind::InvalidInput
        );
        let malformed = OwnedRequest::new("POST", "not a url", "k").sign_with_secret("s", "");
        assert_eq!(malformed.unwrap_err().kind, crate::ErrorKind::MalformedUrl);
    }
}
