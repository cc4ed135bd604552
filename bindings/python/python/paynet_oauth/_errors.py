"""The exceptions of paynet_oauth: one base, :class:`PaynetError`, and one class per failure.

The native module raises these classes (it looks them up here by name), so a caller
can catch exactly what it handles:

==============================  =======================================================
class                           raised when
==============================  =======================================================
``GatewayError``                HTTP 200 with ``error-message=...`` (``.message``)
``AccessDeniedError``           HTTP 403: signature or credentials refused (``.body``)
``HttpError``                   any other non-2xx status (``.status``, ``.body``)
``UnexpectedResponseError``     a 200 body that is not a balance (``.body``)
``ResponseTooLargeError``       (an ``UnexpectedResponseError``) the body passed the
                                client's size cap, 1 MiB (``.limit``)
``PaynetTimeoutError``          the gateway did not answer in time (also ``TimeoutError``)
``TransportError``              connection refused, TLS, DNS, ... (also ``ConnectionError``)
``InvalidInputError``           bad arguments (also ``ValueError``); the signing core's
                                input errors are subclasses, one per core error
``VerificationError``           :func:`paynet_oauth.verify` rejected a request; one
                                subclass per core error
==============================  =======================================================

The signing core's errors map one to one (``.code`` names the core error):

=============================  =================================  ==========================
core error                     class                              base
=============================  =================================  ==========================
TooManyParameters              TooManyParametersError             InvalidInputError
MalformedUrl                   MalformedUrlError                  InvalidInputError
InvalidMethod                  InvalidMethodError                 InvalidInputError
InvalidPercentEncoding         InvalidPercentEncodingError        InvalidInputError
InvalidParameter               InvalidParameterError              InvalidInputError
MalformedHeader                MalformedHeaderError               VerificationError
MissingOAuthParameter          MissingOAuthParameterError         VerificationError
DuplicateOAuthParameter        DuplicateOAuthParameterError       VerificationError
UnsupportedSignatureMethod     UnsupportedSignatureMethodError    VerificationError
UnsupportedVersion             UnsupportedVersionError            VerificationError
OAuthParameterMismatch         OAuthParameterMismatchError        VerificationError
InvalidTimestamp               InvalidTimestampError              VerificationError
TimestampOutOfWindow           TimestampOutOfWindowError          VerificationError
SignatureMismatch              SignatureMismatchError             VerificationError
BufferTooSmall, WriteFailed    InternalError                      PaynetError
=============================  =================================  ==========================

No exception ever carries a control key or a token secret.
"""

from __future__ import annotations

from typing import ClassVar, Optional

__all__ = [
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
]


def _short(body: str, limit: int = 200) -> str:
    body = " ".join(body.split())
    return body if len(body) <= limit else body[: limit - 3] + "..."


class PaynetError(Exception):
    """The base of every exception this package raises."""

    #: The core error this class stands for (``None`` for the client's errors).
    code: ClassVar[Optional[str]] = None


class GatewayError(PaynetError):
    """The gateway answered HTTP 200 with ``error-message``; ``.message`` is its text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        #: The gateway's ``error-message``, decoded.
        self.message = message

    def __str__(self) -> str:
        return f"gateway error: {self.message}"


class AccessDeniedError(PaynetError):
    """HTTP 403: the gateway did not accept the signature or the credentials (a wrong
    control key or login, or the feature is not enabled for the account)."""

    def __init__(self, body: str) -> None:
        super().__init__(body)
        #: The raw response body, for diagnostics.
        self.body = body

    def __str__(self) -> str:
        return "access denied (HTTP 403): check the login and the control key"


class HttpError(PaynetError):
    """Any other non-2xx status; ``.status`` and the raw ``.body``."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(status, body)
        #: The HTTP status code.
        self.status = status
        #: The raw response body.
        self.body = body

    def __str__(self) -> str:
        return f"HTTP {self.status} from the gateway: {_short(self.body)}"


class UnexpectedResponseError(PaynetError):
    """A 200 response that is neither a balance nor an ``error-message`` (never read as
    a zero balance); ``.body`` is the raw body."""

    def __init__(self, body: str) -> None:
        super().__init__(body)
        #: The raw response body.
        self.body = body

    def __str__(self) -> str:
        return f"unexpected response from the gateway: {_short(self.body)}"


class ResponseTooLargeError(UnexpectedResponseError):
    """The response body passed the client's size cap (1 MiB by default); reading
    stopped there and the connection was dropped. ``.limit`` is the cap in bytes;
    ``.body`` is empty (the body is not kept)."""

    def __init__(self, limit: int) -> None:
        super().__init__("")
        self.args = (limit,)
        #: The cap, in bytes.
        self.limit = limit

    def __str__(self) -> str:
        return (
            f"the gateway's response is larger than the limit of {self.limit} bytes; "
            "reading stopped there"
        )


class PaynetTimeoutError(PaynetError, TimeoutError):
    """The gateway did not answer within the configured timeouts (after the retries)."""


class TransportError(PaynetError, ConnectionError):
    """The request could not be sent or its answer not read (DNS, connection, TLS)."""


class InvalidInputError(PaynetError, ValueError):
    """An argument is invalid (an empty login, a malformed URL, a bad parameter...)."""


class TooManyParametersError(InvalidInputError):
    """More parameters (query + form + ``oauth_*``) than the signer handles (48)."""

    code = "TooManyParameters"


class MalformedUrlError(InvalidInputError):
    """The URL has no ``scheme://``, an empty or malformed host, a bad port, or a
    character that may not appear in a request line."""

    code = "MalformedUrl"


class InvalidMethodError(InvalidInputError):
    """The HTTP method is empty or not an ASCII token."""

    code = "InvalidMethod"


class InvalidPercentEncodingError(InvalidInputError):
    """A ``%`` is not followed by two hexadecimal digits."""

    code = "InvalidPercentEncoding"


class InvalidParameterError(InvalidInputError):
    """A parameter may not be used (``oauth_signature`` as a form field, an empty
    nonce, ...)."""

    code = "InvalidParameter"


class VerificationError(PaynetError):
    """:func:`paynet_oauth.verify` rejected the request; the subclass says why."""


class MalformedHeaderError(VerificationError):
    """The Authorization header is not ``OAuth name="value", ...``."""

    code = "MalformedHeader"


class MissingOAuthParameterError(VerificationError):
    """A required ``oauth_*`` parameter is missing from the Authorization header."""

    code = "MissingOAuthParameter"


class DuplicateOAuthParameterError(VerificationError):
    """An ``oauth_*`` parameter appears twice in the Authorization header."""

    code = "DuplicateOAuthParameter"


class UnsupportedSignatureMethodError(VerificationError):
    """``oauth_signature_method`` is not ``HMAC-SHA1``."""

    code = "UnsupportedSignatureMethod"


class UnsupportedVersionError(VerificationError):
    """``oauth_version`` is present and not ``1.0``."""

    code = "UnsupportedVersion"


class OAuthParameterMismatchError(VerificationError):
    """An ``oauth_*`` field of the body is absent from the header or differs from it."""

    code = "OAuthParameterMismatch"


class InvalidTimestampError(VerificationError):
    """``oauth_timestamp`` is not a decimal number of seconds."""

    code = "InvalidTimestamp"


class TimestampOutOfWindowError(VerificationError):
    """``oauth_timestamp`` is further from now than the allowed window."""

    code = "TimestampOutOfWindow"


class SignatureMismatchError(VerificationError):
    """The signature does not match (wrong key, or the request was altered)."""

    code = "SignatureMismatch"


class InternalError(PaynetError):
    """A core error that cannot happen through this package (an output buffer too
    small, a failing writer); please report it."""
