//! `sign`, the reusable `Signer`, the `SignedRequest` they return, `verify`,
//! `percent_encode` and `sign_form`: the layer's signing with Python arguments.

use paynet_bind::{BorrowedRequest, DebugOutputs, Failure, Output, OwnedRequest, OwnedSigned};
use paynet_oauth::Signed;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::raise;
use crate::inputs::{self, Body, Pair, Text, Version};
use crate::py_repr;
use crate::utf8::Str;

/// The arguments of `sign` and `Signer.sign`, kept as given (Python strings borrowed in
/// place, no copies): the request is signed from them and, when a debug output is read,
/// described from them again.
pub(crate) struct Args {
    method: Str,
    url: Str,
    consumer_key: Str,
    timestamp: Option<Text>,
    nonce: Option<Str>,
    token: Option<Str>,
    version: Version,
    realm: Option<Str>,
    form: Vec<Pair>,
    extra: Vec<Pair>,
}

/// The `(&str, &str)` view of parameter pairs.
fn view(pairs: &[Pair]) -> Vec<(&str, &str)> {
    pairs.iter().map(|(n, v)| (&**n, &**v)).collect()
}

impl Args {
    #[allow(clippy::too_many_arguments)]
    fn new(
        method: Str,
        url: Str,
        params: Option<&Bound<'_, PyAny>>,
        consumer_key: Str,
        timestamp: Option<&Bound<'_, PyAny>>,
        nonce: Option<Str>,
        token: Option<Str>,
        version: Version,
        realm: Option<Str>,
        oauth_extra: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(Args {
            method,
            url,
            consumer_key,
            timestamp: inputs::timestamp(timestamp)?,
            nonce,
            token,
            version,
            realm,
            form: inputs::params(params)?,
            extra: inputs::params(oauth_extra)?,
        })
    }

    /// Calls `f` with the request these arguments describe.
    fn with_request<R>(&self, f: impl FnOnce(BorrowedRequest<'_>) -> R) -> R {
        let (form, extra) = (view(&self.form), view(&self.extra));
        f(BorrowedRequest {
            method: &self.method,
            url: &self.url,
            form: &form,
            consumer_key: &self.consumer_key,
            timestamp: self.timestamp.as_deref(),
            nonce: self.nonce.as_deref(),
            token: self.token.as_deref(),
            version: self.version.text(),
            realm: self.realm.as_deref().unwrap_or_default(),
            oauth_extra: &extra,
        })
    }

    /// Signs with `signer`: the `SignedRequest`, its header and body written now.
    fn sign(self, py: Python<'_>, signer: &paynet_oauth::Signer) -> PyResult<SignedRequest> {
        let written = self.with_request(|r| r.sign_with(signer, Written::of).and_then(|w| w));
        let written = raise(py, written)?;
        Ok(SignedRequest {
            origin: Origin::Args(self),
            written,
        })
    }
}

/// The signature, the timestamp, the nonce, the Authorization header and the body,
/// written into one `String` when the request is signed.
struct Written {
    text: String,
    /// Where each of [`WRITTEN`] ends.
    ends: [usize; 5],
}

/// What is written when a request is signed, in order.
const WRITTEN: [Output; 5] = [
    Output::Signature,
    Output::Timestamp,
    Output::Nonce,
    Output::AuthorizationHeader,
    Output::Body,
];

impl Written {
    fn of(s: &Signed<'_>) -> Result<Self, Failure> {
        let len = paynet_bind::packed_len(s, &WRITTEN);
        // Not `vec![0; len]`: that is glibc's calloc, which skips the thread cache
        // (about 300 more instructions a sign under callgrind).
        #[allow(clippy::slow_vector_initialization)]
        let mut bytes = Vec::with_capacity(len);
        bytes.resize(len, 0);
        let ends = paynet_bind::write_packed(s, WRITTEN, &mut bytes)
            .ok_or_else(|| Failure::internal("the signed outputs did not fit"))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Failure::internal("a signed output is not UTF-8"))?;
        Ok(Written { text, ends })
    }

    fn part(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        &self.text[start..self.ends[i]]
    }
}

/// What a `SignedRequest` was signed from.
// The large variant is the common one and lives in the Python object itself: boxing it
// would add an allocation to every `sign`.
#[allow(clippy::large_enum_variant)]
enum Origin {
    /// `sign` and `Signer.sign`: the arguments.
    Args(Args),
    /// `sign_form`: the layer's signed request.
    Form(OwnedSigned),
}

/// A signed request: the `Authorization` header and the form body to send, the
/// signature, and (for debugging a 403) the normalized parameters and the base string.
///
/// Immutable. Holds no secret: the control key and the token secret are not kept.
/// The header and the body are written when it is signed, the debug outputs when read.
#[pyclass(frozen, module = "paynet_oauth", name = "SignedRequest")]
pub(crate) struct SignedRequest {
    origin: Origin,
    written: Written,
}

impl SignedRequest {
    fn from_form(signed: OwnedSigned) -> Result<Self, Failure> {
        let written = Written::of(signed.signed())?;
        Ok(SignedRequest {
            origin: Origin::Form(signed),
            written,
        })
    }

    /// The normalized parameters and the base string.
    fn debug(&self, py: Python<'_>) -> PyResult<DebugOutputs> {
        match &self.origin {
            Origin::Args(args) => {
                let described = args.with_request(|r| {
                    BorrowedRequest {
                        timestamp: Some(self.timestamp()),
                        nonce: Some(self.nonce()),
                        ..r
                    }
                    .debug_outputs()
                });
                raise(py, described)
            }
            Origin::Form(signed) => Ok(DebugOutputs {
                normalized_parameters: signed.normalized_parameters(),
                base_string: signed.base_string(),
            }),
        }
    }
}

#[pymethods]
impl SignedRequest {
    /// The base64 HMAC-SHA1 signature.
    #[getter]
    fn signature(&self) -> &str {
        self.written.part(0)
    }

    /// The `Authorization` header value: `OAuth realm="",oauth_version="1.0",...`.
    #[getter]
    fn authorization_header(&self) -> &str {
        self.written.part(3)
    }

    /// The one-line `application/x-www-form-urlencoded` body: the form parameters and
    /// the `oauth_*` values, encoded and sorted (the URL's query stays in the URL).
    #[getter]
    fn body(&self) -> &str {
        self.written.part(4)
    }

    /// The normalized parameters (encoded, sorted, joined with `&`).
    #[getter]
    fn normalized_parameters(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.debug(py)?.normalized_parameters)
    }

    /// The signature base string that was signed.
    #[getter]
    fn base_string(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.debug(py)?.base_string)
    }

    /// `oauth_timestamp` as sent.
    #[getter]
    fn timestamp(&self) -> &str {
        self.written.part(1)
    }

    /// `oauth_nonce` as sent.
    #[getter]
    fn nonce(&self) -> &str {
        self.written.part(2)
    }

    /// The URL the request goes to (unchanged).
    #[getter]
    fn url(&self) -> &str {
        match &self.origin {
            Origin::Args(args) => &args.url,
            Origin::Form(signed) => &signed.request().url,
        }
    }

    /// The HTTP method (unchanged).
    #[getter]
    fn method(&self) -> &str {
        match &self.origin {
            Origin::Args(args) => &args.method,
            Origin::Form(signed) => &signed.request().method,
        }
    }

    /// The headers to send: `Authorization` and `Content-Type`.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let headers = PyDict::new(py);
        headers.set_item("Authorization", self.authorization_header())?;
        headers.set_item("Content-Type", paynet_bind::FORM_CONTENT_TYPE)?;
        Ok(headers)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SignedRequest(method={}, url={}, signature={}, authorization_header={}, body={})",
            py_repr(py, self.method())?,
            py_repr(py, self.url())?,
            py_repr(py, self.signature())?,
            py_repr(py, self.authorization_header())?,
            py_repr(py, self.body())?
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
    method: Str,
    url: Str,
    params: Option<&Bound<'_, PyAny>>,
    consumer_key: Str,
    consumer_secret: Str,
    timestamp: Option<&Bound<'_, PyAny>>,
    nonce: Option<Str>,
    token: Option<Str>,
    token_secret: Option<Str>,
    version: Version,
    realm: Option<Str>,
    oauth_extra: Option<&Bound<'_, PyAny>>,
) -> PyResult<SignedRequest> {
    let args = Args::new(
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
    args.sign(
        py,
        &paynet_oauth::Signer::new(&consumer_secret, token_secret.as_deref().unwrap_or("")),
    )
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
    fn new(consumer_secret: Str, token_secret: Option<Str>) -> Self {
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
        method: Str,
        url: Str,
        params: Option<&Bound<'_, PyAny>>,
        consumer_key: Str,
        timestamp: Option<&Bound<'_, PyAny>>,
        nonce: Option<Str>,
        token: Option<Str>,
        version: Version,
        realm: Option<Str>,
        oauth_extra: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<SignedRequest> {
        let args = Args::new(
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
        args.sign(py, &self.0)
    }

    /// Verifies an incoming request with this signer's key (see `paynet_oauth.verify`).
    #[pyo3(signature = (method, url, body, authorization_header, *, now = None, window = paynet_bind::DEFAULT_WINDOW))]
    #[pyo3(
        text_signature = "($self, method, url, body, authorization_header, *, now=None, window=300)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn verify(
        &self,
        py: Python<'_>,
        method: Str,
        url: Str,
        body: Body,
        authorization_header: Str,
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
#[pyo3(signature = (method, url, body, authorization_header, *, consumer_secret, token_secret = None, now = None, window = paynet_bind::DEFAULT_WINDOW))]
#[pyo3(
    text_signature = "(method, url, body, authorization_header, *, consumer_secret, token_secret='', now=None, window=300)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn verify(
    py: Python<'_>,
    method: Str,
    url: Str,
    body: Body,
    authorization_header: Str,
    consumer_secret: Str,
    token_secret: Option<Str>,
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
pub(crate) fn percent_encode(text: Str) -> String {
    paynet_bind::percent_encode(&text)
}

/// The `Signer` of a PaynetEasy control key, read as the clients read one (surrounding
/// white space removed, not empty): what `PaynetAuth` and `PaynetHttpxAuth` sign with.
#[pyfunction]
pub(crate) fn control_key_signer(py: Python<'_>, control_key: Str) -> PyResult<Signer> {
    raise(py, paynet_bind::control_key_signer(&control_key)).map(Signer)
}

/// Signs a form request built by your own HTTP stack (what the `requests` and `httpx`
/// auth classes use): the URL's query and the body's fields are signed; send the
/// result's `authorization_header` and its `body` in place of `body`.
#[pyfunction]
#[pyo3(signature = (signer, login, method, url, body, content_type = None))]
pub(crate) fn sign_form(
    py: Python<'_>,
    signer: &Signer,
    login: Str,
    method: Str,
    url: Str,
    body: Body,
    content_type: Option<Str>,
) -> PyResult<SignedRequest> {
    let r = OwnedRequest::new(&*method, &*url, &*login);
    let signed = paynet_bind::sign_form(&signer.0, r, body.as_bytes(), content_type.as_deref());
    raise(py, signed.and_then(SignedRequest::from_form))
}
