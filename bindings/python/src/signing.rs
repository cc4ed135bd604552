//! `sign`, the reusable `Signer`, the `SignedRequest` they return, and `verify`.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyString;

use paynet_oauth::{Request, Signed};

use crate::errors::{core_error, invalid_input};
use crate::inputs::{self, Text, Version};
use crate::py_repr;

/// Everything a signature covers, owned (Python strings are borrowed, not copied).
struct Description {
    method: PyBackedStr,
    url: PyBackedStr,
    form: Vec<(Text, Text)>,
    consumer_key: PyBackedStr,
    timestamp: Text,
    nonce: Text,
    token: Option<PyBackedStr>,
    version: Option<Text>,
    realm: Option<PyBackedStr>,
    extra: Vec<(Text, Text)>,
}

/// The `(&str, &str)` pairs the core borrows: the form pairs, then the extra `oauth_*`.
struct Pairs<'a> {
    all: Vec<(&'a str, &'a str)>,
    form_len: usize,
}

impl<'a> Pairs<'a> {
    fn of(d: &'a Description) -> Self {
        let view = |(name, value): &'a (Text, Text)| (name.as_str(), value.as_str());
        let mut all = Vec::with_capacity(d.form.len() + d.extra.len());
        all.extend(d.form.iter().map(view));
        all.extend(d.extra.iter().map(view));
        Pairs {
            all,
            form_len: d.form.len(),
        }
    }
}

impl Description {
    /// The core's view of this description.
    fn request<'a>(&'a self, pairs: &'a Pairs<'a>) -> Request<'a> {
        let (form, extra) = pairs.all.split_at(pairs.form_len);
        Request::new(
            &self.method,
            &self.url,
            form,
            &self.consumer_key,
            self.timestamp.as_str(),
            self.nonce.as_str(),
        )
        .with_token(self.token.as_deref())
        .with_version(self.version.as_ref().map(Text::as_str))
        .with_realm(self.realm.as_deref().unwrap_or(""))
        .with_oauth_extra(extra)
    }
}

self_cell::self_cell!(
    /// A description with the pairs the core borrows from it.
    struct Described {
        owner: Description,
        #[covariant]
        dependent: Pairs,
    }
);

type SignedOf<'a> = Signed<'a>;

self_cell::self_cell!(
    /// The core's signed request together with everything it borrows: the outputs are
    /// written from it when asked for, never recomputed, and it holds no key.
    struct SignedCell {
        owner: Described,
        #[covariant]
        dependent: SignedOf,
    }
);

/// Reads the arguments shared by `sign` and `Signer.sign`.
#[allow(clippy::too_many_arguments)]
fn describe(
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
) -> PyResult<Description> {
    Ok(Description {
        method,
        url,
        form: inputs::params(params)?,
        consumer_key,
        timestamp: inputs::timestamp(py, timestamp)?,
        nonce: inputs::nonce(nonce),
        token,
        version: version.into_text(),
        realm,
        extra: inputs::params(oauth_extra)?,
    })
}

/// Signs `description` with `signer`; the outputs are written later, when read.
fn sign_with(
    py: Python<'_>,
    signer: &paynet_oauth::Signer,
    description: Description,
) -> PyResult<SignedRequest> {
    let described = Described::new(description, |d| Pairs::of(d));
    let cell = SignedCell::try_new(described, |d| {
        signer.sign(&d.borrow_owner().request(d.borrow_dependent()))
    })
    .map_err(|e| core_error(py, e))?;
    Ok(SignedRequest { cell })
}

/// One output of a signed request as a Python `str`: written into a stack buffer
/// (the usual case), or into a `String` when it is larger.
fn render<'py>(
    py: Python<'py>,
    into: impl Fn(&mut [u8]) -> Result<usize, paynet_oauth::Error>,
    write: impl Fn(&mut String) -> Result<(), paynet_oauth::Error>,
) -> PyResult<Bound<'py, PyString>> {
    let mut buf = [0u8; 768];
    if let Ok(n) = into(&mut buf) {
        // The outputs are ASCII: `from_utf8` only checks.
        if let Ok(text) = std::str::from_utf8(&buf[..n]) {
            return Ok(PyString::new(py, text));
        }
    }
    let mut out = String::new();
    write(&mut out).map_err(|e| core_error(py, e))?;
    Ok(PyString::new(py, &out))
}

/// A signed request: the `Authorization` header and the form body to send, the
/// signature, and (for debugging a 403) the normalized parameters and the base string.
///
/// Immutable. Holds no secret: the control key and the token secret are not kept.
/// Each output is written from the signed request when it is read.
#[pyclass(frozen, module = "paynet_oauth", name = "SignedRequest")]
pub(crate) struct SignedRequest {
    cell: SignedCell,
}

impl SignedRequest {
    fn signed(&self) -> &Signed<'_> {
        self.cell.borrow_dependent()
    }

    fn description(&self) -> &Description {
        self.cell.borrow_owner().borrow_owner()
    }
}

#[pymethods]
impl SignedRequest {
    /// The base64 HMAC-SHA1 signature.
    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::new(py, self.signed().signature())
    }

    /// The `Authorization` header value: `OAuth realm="",oauth_version="1.0",...`.
    #[getter]
    fn authorization_header<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let s = self.signed();
        render(
            py,
            |b| s.authorization_header_into(b),
            |o| s.write_authorization_header(o),
        )
    }

    /// The one-line `application/x-www-form-urlencoded` body: the form parameters and
    /// the `oauth_*` values, encoded and sorted (the URL's query stays in the URL).
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let s = self.signed();
        render(py, |b| s.body_into(b), |o| s.write_body(o))
    }

    /// The normalized parameters (encoded, sorted, joined with `&`).
    #[getter]
    fn normalized_parameters<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let s = self.signed();
        render(
            py,
            |b| s.normalized_parameters_into(b),
            |o| s.write_normalized_parameters(o),
        )
    }

    /// The signature base string that was signed.
    #[getter]
    fn base_string<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let s = self.signed();
        render(py, |b| s.base_string_into(b), |o| s.write_base_string(o))
    }

    /// `oauth_timestamp` as sent.
    #[getter]
    fn timestamp(&self) -> &str {
        self.description().timestamp.as_str()
    }

    /// `oauth_nonce` as sent.
    #[getter]
    fn nonce(&self) -> &str {
        self.description().nonce.as_str()
    }

    /// The URL the request goes to (unchanged).
    #[getter]
    fn url(&self) -> &str {
        &self.description().url
    }

    /// The HTTP method (unchanged).
    #[getter]
    fn method(&self) -> &str {
        &self.description().method
    }

    /// The headers to send: `Authorization` and `Content-Type`.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let headers = pyo3::types::PyDict::new(py);
        headers.set_item("Authorization", self.authorization_header(py)?)?;
        headers.set_item("Content-Type", "application/x-www-form-urlencoded")?;
        Ok(headers)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SignedRequest(method={}, url={}, signature={}, authorization_header={}, body={})",
            py_repr(py, self.method())?,
            py_repr(py, self.url())?,
            py_repr(py, self.signed().signature())?,
            self.authorization_header(py)?.repr()?,
            self.body(py)?.repr()?
        ))
    }
}

/// Signs one request (OAuth 1.0a, HMAC-SHA1) and returns a `SignedRequest`.
#[pyfunction]
#[pyo3(signature = (method, url, params = None, *, consumer_key, consumer_secret, timestamp = None, nonce = None, token = None, token_secret = None, version = Version::Default, realm = None, oauth_extra = None))]
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
    let description = describe(
        py,
        method,
        url,
        params,
        consumer_key,
        timestamp,
        nonce,
        token,
        version,
        realm,
        oauth_extra,
    )?;
    let signer = paynet_oauth::Signer::new(&consumer_secret, token_secret.as_deref().unwrap_or(""));
    sign_with(py, &signer, description)
}

/// HMAC-SHA1 keyed once with a consumer secret (the gateway's control key) and a token
/// secret; signs and verifies many requests. Its repr never shows the key.
#[pyclass(frozen, module = "paynet_oauth", name = "Signer")]
pub(crate) struct Signer {
    inner: paynet_oauth::Signer,
}

#[pymethods]
impl Signer {
    #[new]
    #[pyo3(signature = (consumer_secret, token_secret = None))]
    #[pyo3(text_signature = "(consumer_secret, token_secret='')")]
    fn new(consumer_secret: PyBackedStr, token_secret: Option<PyBackedStr>) -> Self {
        Signer {
            inner: paynet_oauth::Signer::new(
                &consumer_secret,
                token_secret.as_deref().unwrap_or(""),
            ),
        }
    }

    /// Signs one request with this signer's key.
    #[pyo3(signature = (method, url, params = None, *, consumer_key, timestamp = None, nonce = None, token = None, version = Version::Default, realm = None, oauth_extra = None))]
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
        let description = describe(
            py,
            method,
            url,
            params,
            consumer_key,
            timestamp,
            nonce,
            token,
            version,
            realm,
            oauth_extra,
        )?;
        sign_with(py, &self.inner, description)
    }

    /// Verifies an incoming request with this signer's key (see `paynet_oauth.verify`).
    #[pyo3(signature = (method, url, body, authorization_header, *, now = None, window = 300))]
    #[allow(clippy::too_many_arguments)]
    fn verify(
        &self,
        py: Python<'_>,
        method: PyBackedStr,
        url: PyBackedStr,
        body: BodyArg,
        authorization_header: PyBackedStr,
        #[pyo3(from_py_with = inputs::now_arg)] now: Option<u64>,
        #[pyo3(from_py_with = inputs::window_arg)] window: u64,
    ) -> PyResult<Verified> {
        verify_with(
            py,
            &self.inner,
            &method,
            &url,
            body.as_str(),
            &authorization_header,
            now,
            window,
        )
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
    /// `oauth_nonce`, decoded (keep it for the window to refuse replays).
    nonce: String,
    /// `oauth_timestamp` in Unix seconds.
    timestamp: u64,
}

#[pymethods]
impl Verified {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Verified(consumer_key={}, nonce={}, timestamp={})",
            py_repr(py, &self.consumer_key)?,
            py_repr(py, &self.nonce)?,
            self.timestamp
        ))
    }
}

/// A request body given as `str` or as `bytes` (UTF-8).
pub(crate) struct BodyArg(String);

impl BodyArg {
    fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for BodyArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(b) = obj.cast::<pyo3::types::PyBytes>() {
            return match std::str::from_utf8(b.as_bytes()) {
                Ok(s) => Ok(BodyArg(s.to_owned())),
                Err(_) => Err(invalid_input(obj.py(), "the body is not UTF-8")),
            };
        }
        if obj.is_none() {
            return Ok(BodyArg(String::new()));
        }
        Ok(BodyArg(obj.extract::<String>()?))
    }
}

fn decoded(py: Python<'_>, encoded: &str) -> PyResult<String> {
    use paynet_oauth::percent::{Decoding, decode_into, decoded_len};
    let len = decoded_len(encoded.as_bytes(), Decoding::Percent).map_err(|e| core_error(py, e))?;
    let mut buf = vec![0u8; len];
    decode_into(encoded.as_bytes(), Decoding::Percent, &mut buf).map_err(|e| core_error(py, e))?;
    String::from_utf8(buf).map_err(|_| core_error(py, paynet_oauth::Error::MalformedHeader))
}

#[allow(clippy::too_many_arguments)]
fn verify_with(
    py: Python<'_>,
    signer: &paynet_oauth::Signer,
    method: &str,
    url: &str,
    body: &str,
    authorization_header: &str,
    now: Option<u64>,
    window: u64,
) -> PyResult<Verified> {
    let header = paynet_oauth::AuthorizationHeader::parse(authorization_header)
        .map_err(|e| core_error(py, e))?;
    let incoming = paynet_oauth::Incoming { method, url, body };
    let time = paynet_oauth::TimeWindow {
        now: now.unwrap_or_else(inputs::now),
        window,
    };
    let verified =
        paynet_oauth::verify(&header, &incoming, signer, time).map_err(|e| core_error(py, e))?;
    Ok(Verified {
        consumer_key: decoded(py, verified.consumer_key)?,
        nonce: verified.nonce.to_string(),
        timestamp: verified.timestamp,
    })
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
    body: BodyArg,
    authorization_header: PyBackedStr,
    consumer_secret: PyBackedStr,
    token_secret: Option<PyBackedStr>,
    #[pyo3(from_py_with = inputs::now_arg)] now: Option<u64>,
    #[pyo3(from_py_with = inputs::window_arg)] window: u64,
) -> PyResult<Verified> {
    let signer = paynet_oauth::Signer::new(&consumer_secret, token_secret.as_deref().unwrap_or(""));
    verify_with(
        py,
        &signer,
        &method,
        &url,
        body.as_str(),
        &authorization_header,
        now,
        window,
    )
}

/// Percent-encodes `text` as RFC 3986 and OAuth 1.0a require (UTF-8, upper-case hex).
#[pyfunction]
pub(crate) fn percent_encode(text: PyBackedStr) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a String cannot fail.
    let _ = paynet_oauth::percent::encode(text.as_bytes(), &mut out);
    out
}
