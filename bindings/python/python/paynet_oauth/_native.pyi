"""Type stubs of the Rust extension module ``paynet_oauth._native``."""

from collections.abc import Awaitable, Iterable, Mapping
from typing import Final, final

from paynet_oauth._answers import Balance, EndpointBalance

__all__ = [
    "SignedRequest",
    "Signer",
    "Verified",
    "percent_encode",
    "sign",
    "verify",
    "sign_form",
    "control_key_signer",
    "stop_runtime",
    "parse_response",
    "gateway_url",
    "Connection",
    "__version__",
    "NONCE_LEN",
    "MAX_PARAMS",
    "ERROR_KINDS",
    "GATEWAY_PRESETS",
]

__version__: Final[str]
#: Length of a generated nonce (characters of ``[A-Za-z0-9]``).
NONCE_LEN: Final[int]
#: The most parameters one request may have (query + form + ``oauth_*``).
MAX_PARAMS: Final[int]
#: The error-kind table every binding shares: ``(code, number, class or None, base)``
#: per row (``code`` is ``PAYNET_...``; ``None`` for the kinds only C meets).
ERROR_KINDS: Final[tuple[tuple[str, int, str | None, str], ...]]
#: Gateway presets: ``{name: base URL}``.
GATEWAY_PRESETS: Final[dict[str, str]]

_ParamValue = str | int
_Params = Mapping[str, _ParamValue] | Iterable[tuple[str, _ParamValue] | list[str]]

@final
class SignedRequest:
    """A signed request. Immutable; holds no secret."""

    @property
    def signature(self) -> str:
        """The base64 HMAC-SHA1 signature."""
    @property
    def authorization_header(self) -> str:
        """The ``Authorization`` header value (``OAuth realm="",...``)."""
    @property
    def body(self) -> str:
        """The one-line form body: form fields and ``oauth_*`` values, encoded, sorted."""
    @property
    def normalized_parameters(self) -> str:
        """The normalized parameters (computed when asked for)."""
    @property
    def base_string(self) -> str:
        """The signature base string (computed when asked for)."""
    @property
    def timestamp(self) -> str:
        """``oauth_timestamp`` as sent."""
    @property
    def nonce(self) -> str:
        """``oauth_nonce`` as sent."""
    @property
    def url(self) -> str:
        """The request URL, unchanged."""
    @property
    def method(self) -> str:
        """The HTTP method, unchanged."""
    @property
    def headers(self) -> dict[str, str]:
        """``{"Authorization": ..., "Content-Type": "application/x-www-form-urlencoded"}``."""

def sign(
    method: str,
    url: str,
    params: _Params | None = None,
    *,
    consumer_key: str,
    consumer_secret: str,
    timestamp: int | str | None = None,
    nonce: str | None = None,
    token: str | None = None,
    token_secret: str | None = "",
    version: str | None = "1.0",
    realm: str | None = "",
    oauth_extra: _Params | None = None,
) -> SignedRequest:
    """Signs one request (OAuth 1.0a, HMAC-SHA1).

    ``timestamp`` defaults to now, ``nonce`` to 16 CSPRNG characters of ``[A-Za-z0-9]``;
    ``version=None`` leaves ``oauth_version`` out; ``oauth_extra`` adds further
    ``oauth_*`` protocol parameters (``oauth_callback``...). Raises an ``InvalidInputError``
    subclass for a request that cannot be signed.
    """

@final
class Signer:
    """HMAC-SHA1 keyed once; signs and verifies many requests. ``repr`` hides the key."""

    def __new__(cls, consumer_secret: str, token_secret: str | None = "") -> Signer: ...
    def sign(
        self,
        method: str,
        url: str,
        params: _Params | None = None,
        *,
        consumer_key: str,
        timestamp: int | str | None = None,
        nonce: str | None = None,
        token: str | None = None,
        version: str | None = "1.0",
        realm: str | None = "",
        oauth_extra: _Params | None = None,
    ) -> SignedRequest:
        """Signs one request with this signer's key (see :func:`sign`)."""
    def verify(
        self,
        method: str,
        url: str,
        body: str | bytes | None,
        authorization_header: str,
        *,
        now: int | None = None,
        window: int = 300,
    ) -> Verified:
        """Verifies an incoming request with this signer's key (see :func:`verify`)."""

@final
class Verified:
    """What :func:`verify` established about an authentic request."""

    @property
    def consumer_key(self) -> str: ...
    @property
    def token(self) -> str | None: ...
    @property
    def nonce(self) -> str: ...
    @property
    def timestamp(self) -> int: ...

def verify(
    method: str,
    url: str,
    body: str | bytes | None,
    authorization_header: str,
    *,
    consumer_secret: str,
    token_secret: str | None = "",
    now: int | None = None,
    window: int = 300,
) -> Verified:
    """Verifies an incoming request: signature (constant time), the body's ``oauth_*``
    copies, and the timestamp within ``now ± window`` seconds. Raises a
    ``VerificationError`` subclass when it is not authentic."""

def percent_encode(text: str) -> str:
    """RFC 3986 percent-encoding as OAuth 1.0a requires."""

def control_key_signer(control_key: str) -> Signer:
    """The ``Signer`` of a PaynetEasy control key, read as the clients read one
    (surrounding white space removed, not empty): what the auth classes sign with."""

def sign_form(
    signer: Signer,
    login: str,
    method: str,
    url: str,
    body: str | bytes | None,
    content_type: str | None = None,
) -> SignedRequest:
    """Signs a form request built by your own HTTP stack: the URL's query and the
    body's fields are signed; send ``authorization_header`` and ``body`` (in place of
    the given one). ``content_type``, when given, must be the form type."""

def stop_runtime() -> None:
    """Stops the AsyncClient's runtime (registered with ``atexit``)."""

def gateway_url(gateway: str) -> str:
    """The base URL of a preset name or a URL, as the client uses it."""

def parse_response(command: str, status: int, body: str | bytes | None) -> EndpointBalance | list[Balance]:
    """Reads a gateway answer to ``command`` (``"get-balance"``,
    ``"get-balance/manager"`` or ``"get-balance/merchant"``) as the client does."""

@final
class Connection:
    """The native gateway client behind ``Client`` and ``AsyncClient``."""

    def __new__(
        cls,
        gateway: str,
        login: str,
        control_key: str,
        timeout: float | None,
        connect_timeout: float | None,
        retries: int | None,
        allow_http: bool,
        max_response_bytes: int | None,
        asynchronous: bool,
    ) -> Connection: ...
    @property
    def gateway(self) -> str: ...
    @property
    def login(self) -> str: ...
    def call(self, command: str, target: str | int, arg: str | None = None) -> EndpointBalance | list[Balance]:
        """Runs the named command (blocking, the GIL released)."""
    def call_async(
        self, command: str, target: str | int, arg: str | None = None
    ) -> Awaitable[dict[str, object] | list[dict[str, object]]]:
        """Runs the named command on the tokio runtime (an asyncio awaitable of the
        answer's fields: the keyword arguments of its class, or a list of them)."""
    def close(self) -> None:
        """Drops the connections; later calls raise ``InvalidInputError``."""
