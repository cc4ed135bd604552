//! [`BorrowedRequest`]: the request to sign with its texts borrowed from the caller's
//! arguments (a binding's fast path: no owned copy of any argument), signed with the
//! same defaults and checks as [`crate::OwnedRequest`].

use paynet_oauth::{Request, Signed, Signer};

use crate::Failure;
use crate::request::Made;

/// A request to sign, borrowed. `timestamp` and `nonce` left as `None` are filled in
/// when it is signed (the clock, a fresh CSPRNG nonce); `version` is `Some("1.0")` from
/// [`BorrowedRequest::new`] and `None` leaves `oauth_version` out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BorrowedRequest<'a> {
    /// The HTTP method, e.g. `POST`.
    pub method: &'a str,
    /// The absolute URL, query included.
    pub url: &'a str,
    /// The form parameters (decoded), in the caller's order.
    pub form: &'a [(&'a str, &'a str)],
    /// `oauth_consumer_key`: the login.
    pub consumer_key: &'a str,
    /// `oauth_timestamp` as decimal Unix seconds; `None` means now.
    pub timestamp: Option<&'a str>,
    /// `oauth_nonce`; `None` means a fresh one.
    pub nonce: Option<&'a str>,
    /// `oauth_token`, if any.
    pub token: Option<&'a str>,
    /// `oauth_version`; `None` leaves it out.
    pub version: Option<&'a str>,
    /// The header's `realm` (not signed).
    pub realm: &'a str,
    /// Extra `oauth_*` parameters to sign and send in the header.
    pub oauth_extra: &'a [(&'a str, &'a str)],
}

/// The debug outputs of a request: what a `403` is investigated with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebugOutputs {
    /// The normalized parameters (encoded, sorted, joined with `&`).
    pub normalized_parameters: String,
    /// The signature base string.
    pub base_string: String,
}

impl<'a> BorrowedRequest<'a> {
    /// A request with no parameters, version 1.0, the timestamp and nonce to be filled
    /// in when signed.
    pub fn new(method: &'a str, url: &'a str, consumer_key: &'a str) -> Self {
        BorrowedRequest {
            method,
            url,
            form: &[],
            consumer_key,
            timestamp: None,
            nonce: None,
            token: None,
            version: Some("1.0"),
            realm: "",
            oauth_extra: &[],
        }
    }

    /// Signs this request with `signer` and hands the core's signed request to `read`,
    /// which writes the outputs it needs (into its own buffers) before the borrowed
    /// texts go away. Fills in a missing timestamp and nonce (with the `os` feature) and
    /// checks given ones, as [`crate::OwnedRequest::sign`] does: an empty nonce is
    /// `InvalidParameter`, naming the nonce.
    pub fn sign_with<R>(
        &self,
        signer: &Signer,
        read: impl FnOnce(&Signed<'_>) -> R,
    ) -> Result<R, Failure> {
        let made = Made::for_request(self.timestamp, self.nonce)?;
        let timestamp = made.timestamp.as_deref().or(self.timestamp);
        let nonce = made.nonce.as_deref().or(self.nonce);
        let request = Request::new(
            self.method,
            self.url,
            self.form,
            self.consumer_key,
            timestamp.unwrap_or_default(),
            nonce.unwrap_or_default(),
        )
        .with_token(self.token)
        .with_version(self.version)
        .with_realm(self.realm)
        .with_oauth_extra(self.oauth_extra);
        Ok(read(&signer.sign(&request)?))
    }

    /// The normalized parameters and the base string of this request, which must carry
    /// its timestamp and nonce (those it was signed with). They do not depend on the
    /// key, so no secret is needed: a binding computes them only when they are read.
    pub fn debug_outputs(&self) -> Result<DebugOutputs, Failure> {
        if self.timestamp.is_none() || self.nonce.is_none() {
            return Err(Failure::internal(
                "debug outputs need the timestamp and the nonce the request was signed with",
            ));
        }
        self.sign_with(&Signer::new("", ""), |s| DebugOutputs {
            normalized_parameters: text(
                |o| s.write_normalized_parameters(o),
                s.normalized_parameters_len(),
            ),
            base_string: text(|o| s.write_base_string(o), s.base_string_len()),
        })
    }
}

/// One output written into a `String` of its exact length.
fn text(write: impl FnOnce(&mut String) -> Result<(), paynet_oauth::Error>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    // The lengths are exact and a String never refuses a write: this cannot fail.
    let _ = write(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OwnedRequest;

    const URL: &str = "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1?x=%C3%A9&y";

    /// The same request, owned and borrowed, with every option set.
    fn both<'a>(
        form: &'a [(&'a str, &'a str)],
        extra: &'a [(&'a str, &'a str)],
    ) -> (OwnedRequest, BorrowedRequest<'a>) {
        let mut b = BorrowedRequest::new("post", URL, "mérchant");
        b.form = form;
        b.oauth_extra = extra;
        b.timestamp = Some("1700000000");
        b.nonce = Some("n0nce é");
        b.token = Some("tok");
        b.version = None;
        b.realm = "Réalm";
        let pairs = |p: &[(&str, &str)]| -> Vec<(String, String)> {
            p.iter().map(|&(n, v)| (n.into(), v.into())).collect()
        };
        let mut o = OwnedRequest::new(b.method, b.url, b.consumer_key);
        o.form = pairs(form);
        o.oauth_extra = pairs(extra);
        o.timestamp = b.timestamp.map(str::to_owned);
        o.nonce = b.nonce.map(str::to_owned);
        o.token = b.token.map(str::to_owned);
        o.version = None;
        o.realm = b.realm.into();
        (o, b)
    }

    #[test]
    fn signs_exactly_as_the_owned_request() {
        let form = [("balance-provider", "Test"), ("a b", "ü"), ("a b", "")];
        let extra = [("oauth_callback", "https://cb/é")];
        let (owned, borrowed) = both(&form, &extra);
        let signer = Signer::new("sécret", "tok sec");
        let want = owned.sign(&signer).unwrap();
        let got = borrowed
            .sign_with(&signer, |s| {
                let mut header = String::new();
                s.write_authorization_header(&mut header).unwrap();
                let mut body = String::new();
                s.write_body(&mut body).unwrap();
                (s.signature().to_owned(), header, body)
            })
            .unwrap();
        assert_eq!(
            got,
            (
                want.signature().to_owned(),
                want.authorization_header(),
                want.body()
            )
        );
        let debug = borrowed.debug_outputs().unwrap();
        assert_eq!(debug.base_string, want.base_string());
        assert_eq!(debug.normalized_parameters, want.normalized_parameters());
    }

    #[test]
    fn refuses_what_the_owned_request_refuses() {
        let signer = Signer::new("k", "");
        let mut bad = BorrowedRequest::new("POST", "https://h/", "k");
        bad.timestamp = Some("12a");
        let e = bad.sign_with(&signer, |_| ()).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::InvalidInput);
        let mut url = BorrowedRequest::new("POST", "not a url", "k");
        (url.timestamp, url.nonce) = (Some("1"), Some("n"));
        let url = url.sign_with(&signer, |_| ());
        assert_eq!(url.unwrap_err().kind, crate::ErrorKind::MalformedUrl);
        let undated = BorrowedRequest::new("POST", "https://h/", "k").debug_outputs();
        assert_eq!(undated.unwrap_err().kind, crate::ErrorKind::Internal);
    }

    /// An empty nonce is the core's kind (`InvalidParameter`) on every path, with a
    /// message that names the nonce (before, the core's "a request parameter is not
    /// allowed or is empty", while Node and wasm refused it as invalid input).
    #[test]
    fn an_empty_nonce_is_an_invalid_parameter_that_names_the_nonce() {
        let signer = Signer::new("k", "");
        let (mut owned, mut borrowed) = both(&[], &[]);
        borrowed.nonce = Some("");
        owned.nonce = Some(String::new());
        let form = {
            let mut r = owned.clone();
            r.form.clear();
            crate::sign_form(&signer, r, b"a=1", None).unwrap_err()
        };
        for e in [
            borrowed.sign_with(&signer, |_| ()).unwrap_err(),
            owned.sign(&signer).unwrap_err(),
            form,
        ] {
            assert_eq!(e.kind, crate::ErrorKind::InvalidParameter);
            assert_eq!(
                e.message,
                "the nonce must not be empty (leave it out for a fresh one)"
            );
        }
    }

    #[cfg(feature = "os")]
    #[test]
    fn defaults_are_filled() {
        let (ts, nonce) = BorrowedRequest::new("POST", "https://h/", "k")
            .sign_with(&Signer::new("k", ""), |s| {
                (
                    s.request().timestamp().to_owned(),
                    s.request().nonce().to_owned(),
                )
            })
            .unwrap();
        assert_eq!(nonce.len(), crate::NONCE_LEN);
        assert!(ts.parse::<u64>().unwrap() > 1_700_000_000);
    }
}
