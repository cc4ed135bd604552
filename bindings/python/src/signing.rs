//! `sign`, the reusable `Signer`, the `SignedRequest` they return, `verify`,
//! `percent_encode` and `sign_form`: the layer's signing with Python arguments.

use paynet_bind::{OwnedRequest, OwnedSigned};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyString};

use crate::errors::raise;
use crate::inputs::{self, Body, Version};
use crate::py_repr;

/// The request `sign` and `Signer.sign` describe.
#[allow(clippy::too_many_arguments)]
fn request(
    method: &str,
    url: &str,
    params: Option<&Bound<'_, PyAny>>,
    consumer_key: &str,
    timestamp: Option<&Bound<'_, PyAny>>,
    nonce: Option<&str>,
    token: Option<&str>,
    version: Version,
    realm: Option<&str>,
    oauth_extra: Option<&Bound<'_, PyAny>>,
) -> PyResult<OwnedRequest> {
    let mut r = OwnedRequest::new(method, url, consumer_key);
    r.form = inputs::params(params)?;
    r.timestamp = inputs::timestamp(timestamp)?;
    r.nonce = nonce.map(str::to_owned);
    r.token = token.map(str::to_owned);
    r.version = version.0;
    r.realm = realm.unwrap_or_default().to_owned();
    r.oauth_extra = inputs::params(oauth_extra)?;
    Ok(r)
}

/// One output as a Python `str`: written into a stack buffer (the usual case), or by
/// the layer into a `String` when it is larger.
fn render<'py>(
    py: Python<'py>,
    into: impl Fn(&mut [u8]) -> Result<usize, paynet_oauth::Error>,
    owned: impl Fn() -> String,
) -> Bound<'py, PyString> {
    let mut buf = [0u8; 768];
    if let Ok(n) = into(&mut buf) {
        // The outputs are ASCII: `from_utf8` only checks.
        if let Ok(text) = std::str::from_utf8(&buf[..n]) {
            return PyString::new(py, text);
        }
    }
    PyString::new(py, &owned())
}

/// A signed request: the `Authorization` header and the form body to send, the
/// signature, and (for debugging a 403) the normalized parameters and the base string.
///
/// Immutable. Holds no secret: the control key and the token secret are not kept.
/// Each output is written from the signed request when it is read.
#[pyclass(frozen, module = "paynet_oauth", name = "SignedRequest")]
pub(crate) struct SignedRequest(OwnedSigned);

#[pymethods]
impl SignedRequest {
    /// The base64 HMAC-SHA1 signature.
    #[getter]
    fn signature(&self) -> &str {
        self.0.signature()
    }

    /// The `Authorization` header value: `OAuth realm="",oauth_version="1.0",...`.
    #[getter]
    fn authorization_header<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        let s = self.0.signed();
        render(
            py,
            |b| s.authorization_header_into(b),
            || self.0.authorization_header(),
        )
    }

    /// The one-line `application/x-www-form-urlencoded` body: the form parameters and
    /// the `oauth_*` values, encoded and sorted (the URL's query stays in the URL).
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        let s = self.0.signed();
        render(py, |b| s.body_into(b), || self.0.body())
    }

    /// The normalized parameters (encoded, sorted, joined with `&`).
    #[getter]
    fn normalized_parameters<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        let s = self.0.signed();
        render(
            py,
            |b| s.normalized_parameters_into(b),
            || self.0.normalized_parameters(),
        )
    }

    /// The signature base string that was signed.
    #[getter]
    fn base_string<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        let s = self.0.signed();
        render(py, |b| s.base_string_into(b), || self.0.base_string())
    }

    /// `oauth_timestamp` as sent.
    #[getter]
    fn timestamp(&self) -> &str {
        self.0.timestamp()
    }

    /// `oauth_nonce` as sent.
    #[getter]
    fn nonce(&self) -> &str {
        self.0.nonce()
    }

    /// The URL the request goes to (unchanged).
    #[getter]
    fn url(&self) -> &str {
        &self.0.request().url
    }

    /// The HTTP method (unchanged).
    #[getter]
    fn method(&self) -> &str {
        &self.0.request().method
    }

    /// The headers to send: `Authorization` and `Content-Type`.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let headers = PyDict::new(py);
        headers.set_item("Authorization", self.authorization_header(py))?;
        headers.set_item("Content-Type", paynet_bind::FORM_CONTENT_TYPE)?;
        Ok(headers)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SignedRequest(method={}, url={}, signature={}, authorization_header={}, body={})",
            py_repr(py, self.method())?,
            py_repr(py, self.url())?,
            py_repr(py, self.signature())?,
            self.authorization_header(py).repr()?,
            self.body(py).repr()?
        ))
    }
}

/// Signs one request (OAuth 1.0a, HMAC-SHA1) and returns a `SignedRequest`.
#[pyfunction]
#[pyo3(signature = (method, url, params = None, *, consumer_key, consumer_secret, timestamp = None, nonce = None, token = None, token_secret = None, version = Version::default(), realm = None, oauth_extra = None))]
#[pyo3(
    text_signature = "(method, url, params=None, *, consumer_key, consumer_secret, timestamp=None, nonce=None, token=None, token_secret='', version='1.0', realm='', oauth_extra=None)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sign(
    py: Python<'_>,
    method: PyBackedStr,
    url: PyBackedStr,
    params: Option<&Bound<'_, PyAny>>,
    consumer_key: PyBackedStr,
    consumer_secret: PyBackedStr,
    timestamp: Option<&Bound<'_, PyAny>>,
    nonce: Option<PyBackedStr>,
    token: Option<PyBackedStr>,
    token_secret: Option<PyBackedStr>,
    version: Version,
    realm: Option<PyBackedStr>,
    oauth_extra: Option<&Bound<'_, PyAny>>,
) -> PyResult<SignedRequest> {
    let r = request(
        &method,
        &url,
        params,
        &consumer_key,
        timestamp,
        nonce.as_deref(),
        token.as_deref(),
        version,
        realm.as_deref(),
        oauth_extra,
    )?;
    let signed = r.sign_with_secret(&consumer_secret, token_secret.as_deref().unwrap_or(""));
    raise(py, signed).map(SignedRequest)
}

/// HMAC-SHA1 keyed once with a consumer secret (the gateway's control key) and a token
/// secret; signs and verifies many requests. Its repr never shows the key.
#[pyclass(frozen, module = "paynet_oauth", name = "Signer")]
pub(crate) struct Signer(paynet_oauth::Signer);

#[pymethods]
impl Signer {
    #[new]
    #[pyo3(signature = (consumer_secret, token_secret = None))]
    #[pyo3(text_signature = "(consumer_secret, token_secret='')")]
    fn new(consumer_secret: PyBackedStr, token_secret: Option<PyBackedStr>) -> Self {
        Signer(paynet_oauth::Signer::new(
            &consumer_secret,
            token_secret.as_deref().unwrap_or(""),
        ))
    }

    /// Signs one request with this signer's key.
    #[pyo3(signature = (method, url, params = None, *, consumer_key, timestamp = None, nonce = None, token = None, version = Version::default(), realm = None, oauth_extra = None))]
    #[pyo3(
        text_signature = "($self, method, url, params=None, *, consumer_key, timestamp=None, nonce=None, token=None, version='1.0', realm='', oauth_extra=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn sign(
        &self,
        py: Python<'_>,
        method: PyBackedStr,
        url: PyBackedStr,
        params: Option<&Bound<'_, PyAny>>,
        consumer_key: PyBackedStr,
        timestamp: Option<&Bound<'_, PyAny>>,
        nonce: Option<PyBackedStr>,
        token: Option<PyBackedStr>,
        version: Version,
        realm: Option<PyBackedStr>,
        oauth_extra: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<SignedRequest> {
        let r = request(
            &method,
            &url,
            params,
            &consumer_key,
            timestamp,
            nonce.as_deref(),
            token.as_deref(),
            version,
            realm.as_deref(),
            oauth_extra,
        )?;
        raise(py, r.sign(&self.0)).map(SignedRequest)
    }

    /// Verifies an incoming request with this signer's key (see `paynet_oauth.verify`).
    #[pyo3(signature = (method, url, body, authorization_header, *, now = None, window = 300))]
    #[allow(clippy::too_many_arguments)]
    fn verify(
        &self,
        py: Python<'_>,
        method: PyBackedStr,
        url: PyBackedStr,
        body: Body,
        authorization_header: PyBackedStr,
        #[pyo3(from_py_with = inputs::now_arg)] now: Option<u64>,
        #[pyo3(from_py_with = inputs::window_arg)] window: u64,
    ) -> PyResult<Verified> {
        let v = paynet_bind::verify(
            &self.0,
            &method,
            &url,
            body.text(py)?,
            &authorization_header,
            now,
            window,
        );
        let v = raise(py, v)?;
        Ok(Verified {
            consumer_key: v.consumer_key,
            token: v.token,
            timestamp: v.timestamp,
            nonce: v.nonce,
        })
    }

    fn __repr__(&self) -> &'static str {
        "Signer(consumer_secret=<redacted>)"
    }
}

/// What `verify` established about an authentic request.
#[pyclass(frozen, module = "paynet_oauth", name = "Verified", get_all)]
pub(crate) struct Verified {
    /// `oauth_consumer_key` (the login), decoded.
    consumer_key: String,
    /// `oauth_token`, decoded, or `None` when the request had none.
    token: Option<String>,
    /// `oauth_timestamp` in Unix seconds.
    timestamp: u64,
    /// `oauth_nonce`, decoded (keep it for the window to refuse replays).
    nonce: String,
}

#[pymethods]
impl Verified {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let token = match &self.token {
            Some(t) => py_repr(py, t)?,
            None => "None".to_owned(),
        };
        Ok(format!(
            "Verified(consumer_key={}, token={token}, nonce={}, timestamp={})",
            py_repr(py, &self.consumer_key)?,
            py_repr(py, &self.nonce)?,
            self.timestamp
        ))
    }
}

/// Verifies an incoming request: its signature (in constant time), the body's copies
/// of the `oauth_*` values, and the timestamp against `now` (default: the clock) ±
/// `window` seconds. Returns a `Verified`, or raises a `VerificationError` subclass.
#[pyfunction]
#[pyo3(signature = (method, url, body, authorization_header, *, consumer_secret, token_secret = None, now = None, window = 300))]
#[pyo3(
    text_signature = "(method, url, body, authorization_header, *, consumer_secret, token_secret='', now=None, window=300)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn verify(
    py: Python<'_>,
    method: PyBackedStr,
    url: PyBackedStr,
    body: Body,
    authorization_header: PyBackedStr,
    consumer_secret: PyBackedStr,
    token_secret: Option<PyBackedStr>,
    #[pyo3(from_py_with = inputs::now_arg)] now: Option<u64>,
    #[pyo3(from_py_with = inputs::window_arg)] window: u64,
) -> PyResult<Verified> {
    Signer::new(consumer_secret, token_secret).verify(
        py,
        method,
        url,
        body,
        authorization_header,
        now,
        window,
    )
}

/// Percent-encodes `text` as RFC 3986 and OAuth 1.0a require (UTF-8, upper-case hex).
#[pyfunction]
pub(crate) fn percent_encode(text: &str) -> String {
    paynet_bind::percent_encode(text)
}

/// Signs a form request built by your own HTTP stack (what the `requests` and `httpx`
/// auth classes use): the URL's query and the body's fields are signed; send the
/// result's `authorization_header` and its `body` in place of `body`.
#[pyfunction]
#[pyo3(signature = (signer, login, method, url, body, content_type = None))]
pub(crate) fn sign_form(
    py: Python<'_>,
    signer: &Signer,
    login: &str,
    method: &str,
    url: &str,
    body: Body,
    content_type: Option<&str>,
) -> PyResult<SignedRequest> {
    let r = OwnedRequest::new(method, url, login);
    let signed = paynet_bind::sign_form(&signer.0, r, body.as_bytes(), content_type);
    raise(py, signed).map(SignedRequest)
}
