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

The gateway client::

    client = paynet_oauth.Client("payneteasy-sandbox", "balance_test_merchant14", control_key)
    client.get_balance("1", "Test").balance_amount   # Decimal('29.99')

Errors are subclasses of :class:`PaynetError` (see :mod:`paynet_oauth._errors`).
For your own HTTP stack: :class:`PaynetAuth` (requests) and :class:`PaynetHttpxAuth`
(httpx) in :mod:`paynet_oauth.auth`, imported only when used.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from . import _native
from ._errors import (
    AccessDeniedError,
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
)
from ._native import (
    GATEWAY_PRESETS,
    NONCE_LEN,
    AsyncClient,
    Balance,
    Client,
    EndpointBalance,
    SignedRequest,
    Signer,
    Verified,
    __version__,
    gateway_url,
    parse_response,
    percent_encode,
    sign,
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
    "Client",
    "AsyncClient",
    "EndpointBalance",
    "Balance",
    "parse_response",
    "gateway_url",
    "GATEWAY_PRESETS",
    "NONCE_LEN",
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
    "__version__",
]

# Nonces come from a per-thread CSPRNG seeded by the OS; a forked child (multiprocessing,
# pre-forking servers) reseeds it so that it never repeats its parent's nonces.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_native.reseed_after_fork)


def __getattr__(name: str) -> Any:
    # The auth classes import requests/httpx: only when asked for.
    if name in ("PaynetAuth", "PaynetHttpxAuth"):
        from . import auth

        return getattr(auth, name)
    raise AttributeError(f"module 'paynet_oauth' has no attribute {name!r}")
