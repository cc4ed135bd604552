"""OAuth 1.0a (HMAC-SHA1) request signing and a balance client for PaynetEasy-style
payment gateways, implemented in Rust.

Signing::

    import paynet_oauth
    signed = paynet_oauth.sign(
        "POST", "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1",
        {"balance-provider": "Test"},
        consumer_key="balance_test_merchant14", consumer_secret=control_key,
    )
    signed.authorization_header, signed.body

The gateway client (a context manager; ``AsyncClient`` works with ``async with``)::

    with paynet_oauth.Client("payneteasy-sandbox", "balance_test_merchant14", control_key) as client:
        client.get_balance("1", "Test").balance_amount   # Decimal('29.99')

Errors are subclasses of :class:`PaynetError` (see :mod:`paynet_oauth._errors`).
For your own HTTP stack: :class:`PaynetAuth` (requests) and :class:`PaynetHttpxAuth`
(httpx) in :mod:`paynet_oauth.auth`, imported only when used.
"""

from __future__ import annotations

import atexit
import sys
import types
from typing import TYPE_CHECKING, Any

from . import _native
from ._answers import Balance, EndpointBalance
from ._client import AsyncClient, Client
from ._errors import (
    AccessDeniedError,
    BufferTooSmallError,
    DuplicateOAuthParameterError,
    GatewayError,
    HttpError,
    InternalError,
    InvalidInputError,
    InvalidMethodError,
    InvalidParameterError,
    InvalidPercentEncodingError,
    InvalidTimestampError,
    MalformedHeaderError,
    MalformedUrlError,
    MissingOAuthParameterError,
    OAuthParameterMismatchError,
    PaynetError,
    PaynetTimeoutError,
    ResponseTooLargeError,
    SignatureMismatchError,
    TimestampOutOfWindowError,
    TooManyParametersError,
    TransportError,
    UnexpectedResponseError,
    UnsupportedSignatureMethodError,
    UnsupportedVersionError,
    VerificationError,
    WriteFailedError,
)
from ._native import (
    ERROR_KINDS,
    GATEWAY_PRESETS,
    MAX_PARAMS,
    NONCE_LEN,
    SignedRequest,
    Signer,
    Verified,
    __version__,
    gateway_url,
    parse_response,
    percent_encode,
    sign,
    sign_form,
    verify,
)

if TYPE_CHECKING:
    from .auth import PaynetAuth, PaynetHttpxAuth

__all__ = [
    "sign",
    "Signer",
    "SignedRequest",
    "verify",
    "Verified",
    "percent_encode",
    "sign_form",
    "Client",
    "AsyncClient",
    "EndpointBalance",
    "Balance",
    "parse_response",
    "gateway_url",
    "GATEWAY_PRESETS",
    "NONCE_LEN",
    "MAX_PARAMS",
    "ERROR_KINDS",
    "PaynetAuth",
    "PaynetHttpxAuth",
    "PaynetError",
    "GatewayError",
    "AccessDeniedError",
    "HttpError",
    "UnexpectedResponseError",
    "ResponseTooLargeError",
    "PaynetTimeoutError",
    "TransportError",
    "InvalidInputError",
    "TooManyParametersError",
    "MalformedUrlError",
    "InvalidMethodError",
    "InvalidPercentEncodingError",
    "InvalidParameterError",
    "VerificationError",
    "MalformedHeaderError",
    "MissingOAuthParameterError",
    "DuplicateOAuthParameterError",
    "UnsupportedSignatureMethodError",
    "UnsupportedVersionError",
    "OAuthParameterMismatchError",
    "InvalidTimestampError",
    "TimestampOutOfWindowError",
    "SignatureMismatchError",
    "InternalError",
    "BufferTooSmallError",
    "WriteFailedError",
    "__version__",
]

# The AsyncClient's runtime stops before the interpreter finalizes (see stop_runtime).
atexit.register(_native.stop_runtime)


class _Module(types.ModuleType):
    """This package's module type: the auth classes import requests/httpx only when
    asked for. A method here rather than a module-level ``__getattr__``, which
    ``help(paynet_oauth)`` would list among the package's functions."""

    def __getattr__(self, name: str) -> Any:
        if name in ("PaynetAuth", "PaynetHttpxAuth"):
            from . import auth

            return getattr(auth, name)
        raise AttributeError(f"module 'paynet_oauth' has no attribute {name!r}")


sys.modules[__name__].__class__ = _Module
