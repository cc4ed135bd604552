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
BufferTooSmall                 BufferTooSmallError                InternalError
WriteFailed                    WriteFailedError                   InternalError
=============================  =================================  ==========================

Every class also carries ``.kind``, the stable ``PAYNET_...`` name of its row in the
error-kind table shared by every binding (the C result constant, the Node ``code``), and
``.number``, that row's number (the C ``paynet_result`` value); ``.code`` is the row's
name (the core error's name for the core's errors, e.g. ``InvalidInput`` for an
:class:`InvalidInputError` raised by a check of this package).

No exception ever carries a control key or a token secret.
"""

from __future__ import annotations

from typing import ClassVar, Optional

from ._native import MAX_PARAMS

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
    "BufferTooSmallError",
    "WriteFailedError",
]


def _short(body: str, limit: int = 200) -> str:
    body = " ".join(body.split())
    return body if len(body) <= limit else body[: limit - 3] + "..."


class PaynetError(Exception):
    """The base of every exception this package raises."""

    #: The name of this class's row in the error-kind table (the core error's name for
    #: the signing core's errors); the classes without a row of their own
    #: (``PaynetError``, ``VerificationError``) carry the ``Internal`` row.
    code: ClassVar[str] = "Internal"
    #: The row's stable ``PAYNET_...`` name (the C constant, the Node ``code``).
    kind: ClassVar[str] = "PAYNET_INTERNAL"
    #: The row's stable number (the C ``paynet_result`` value).
    number: ClassVar[int] = 105
    #: The message of a failure raised by the package (the same words in every
    #: language); ``None`` for an exception built by hand, whose ``str`` says the same
    #: from its attributes.
    _text: Optional[str] = None


class GatewayError(PaynetError):
    """The gateway answered HTTP 200 with ``error-message``; ``.message`` is its text."""

    code = "GatewayError"
    kind = "PAYNET_GATEWAY_ERROR"
    number = 200

    def __init__(self, message: str) -> None:
        super().__init__(message)
        #: The gateway's ``error-message``, decoded.
        self.message = message

    def __str__(self) -> str:
        return self._text or f"the gateway answered with an error: {self.message}"


class AccessDeniedError(PaynetError):
    """HTTP 403: the gateway did not accept the signature or the credentials (a wrong
    control key or login, or the feature is not enabled for the account)."""

    code = "AccessDenied"
    kind = "PAYNET_ACCESS_DENIED"
    number = 201

    def __init__(self, body: str) -> None:
        super().__init__(body)
        #: The raw response body, for diagnostics.
        self.body = body

    def __str__(self) -> str:
        return self._text or "access denied (HTTP 403): the gateway did not accept the signature or the credentials"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({_short(self.body)!r})"


class HttpError(PaynetError):
    """Any other non-2xx status; ``.status`` and the raw ``.body``."""

    code = "HttpError"
    kind = "PAYNET_HTTP_ERROR"
    number = 202

    def __init__(self, status: int, body: str) -> None:
        super().__init__(status, body)
        #: The HTTP status code.
        self.status = status
        #: The raw response body.
        self.body = body

    def __str__(self) -> str:
        return self._text or f"the gateway answered with HTTP {self.status}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.status!r}, {_short(self.body)!r})"


class UnexpectedResponseError(PaynetError):
    """A 200 response that is neither a balance nor an ``error-message`` (never read as
    a zero balance); ``.body`` is the raw body."""

    code = "UnexpectedResponse"
    kind = "PAYNET_UNEXPECTED_RESPONSE"
    number = 203

    #: Why the answer is not a balance (``None`` for an exception built by hand).
    reason: Optional[str] = None

    def __init__(self, body: str) -> None:
        super().__init__(body)
        #: The raw response body.
        self.body = body

    def __str__(self) -> str:
        return self._text or f"unexpected response from the gateway: {self.reason or _short(self.body)}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({_short(self.body)!r})"


class ResponseTooLargeError(UnexpectedResponseError):
    """The response body passed the client's size cap (1 MiB by default); reading
    stopped there and the connection was dropped. ``.limit`` is the cap in bytes;
    ``.body`` is empty (the body is not kept)."""

    code = "ResponseTooLarge"
    kind = "PAYNET_RESPONSE_TOO_LARGE"
    number = 204

    def __init__(self, limit: int) -> None:
        super().__init__("")
        self.args = (limit,)
        #: The cap, in bytes.
        self.limit = limit

    def __str__(self) -> str:
        return self._text or (
            f"the gateway's response is larger than the limit of {self.limit} bytes; "
            "reading stopped there"
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.limit!r})"


class PaynetTimeoutError(PaynetError, TimeoutError):
    """The gateway did not answer within the configured timeouts (after the retries)."""

    code = "Timeout"
    kind = "PAYNET_TIMEOUT"
    number = 205


class TransportError(PaynetError, ConnectionError):
    """The request could not be sent or its answer not read (DNS, connection, TLS)."""

    code = "Transport"
    kind = "PAYNET_TRANSPORT"
    number = 206


class InvalidInputError(PaynetError, ValueError):
    """An argument is invalid (an empty login, a malformed URL, a bad parameter...)."""

    code = "InvalidInput"
    kind = "PAYNET_INVALID_INPUT"
    number = 103


class TooManyParametersError(InvalidInputError):
    """More parameters (query + form + ``oauth_*``) than the signer handles
    (:data:`paynet_oauth.MAX_PARAMS`)."""

    code = "TooManyParameters"
    kind = "PAYNET_TOO_MANY_PARAMETERS"
    number = 2


TooManyParametersError.__doc__ = f"""More parameters (query + form + ``oauth_*``) than the
signer handles: at most {MAX_PARAMS} (:data:`paynet_oauth.MAX_PARAMS`)."""


class MalformedUrlError(InvalidInputError):
    """The URL has no ``scheme://``, an empty or malformed host, a bad port, or a
    character that may not appear in a request line."""

    code = "MalformedUrl"
    kind = "PAYNET_MALFORMED_URL"
    number = 3


class InvalidMethodError(InvalidInputError):
    """The HTTP method is empty or not an ASCII token."""

    code = "InvalidMethod"
    kind = "PAYNET_INVALID_METHOD"
    number = 4


class InvalidPercentEncodingError(InvalidInputError):
    """A ``%`` is not followed by two hexadecimal digits."""

    code = "InvalidPercentEncoding"
    kind = "PAYNET_INVALID_PERCENT_ENCODING"
    number = 5


class InvalidParameterError(InvalidInputError):
    """A parameter may not be used (``oauth_signature`` as a form field, an empty
    nonce, ...)."""

    code = "InvalidParameter"
    kind = "PAYNET_INVALID_PARAMETER"
    number = 16


class VerificationError(PaynetError):
    """:func:`paynet_oauth.verify` rejected the request; the subclass says why."""


class MalformedHeaderError(VerificationError):
    """The Authorization header is not ``OAuth name="value", ...``."""

    code = "MalformedHeader"
    kind = "PAYNET_MALFORMED_HEADER"
    number = 6


class MissingOAuthParameterError(VerificationError):
    """A required ``oauth_*`` parameter is missing from the Authorization header."""

    code = "MissingOAuthParameter"
    kind = "PAYNET_MISSING_OAUTH_PARAMETER"
    number = 7


class DuplicateOAuthParameterError(VerificationError):
    """An ``oauth_*`` parameter appears twice in the Authorization header."""

    code = "DuplicateOAuthParameter"
    kind = "PAYNET_DUPLICATE_OAUTH_PARAMETER"
    number = 8


class UnsupportedSignatureMethodError(VerificationError):
    """``oauth_signature_method`` is not ``HMAC-SHA1``."""

    code = "UnsupportedSignatureMethod"
    kind = "PAYNET_UNSUPPORTED_SIGNATURE_METHOD"
    number = 9


class UnsupportedVersionError(VerificationError):
    """``oauth_version`` is present and not ``1.0``."""

    code = "UnsupportedVersion"
    kind = "PAYNET_UNSUPPORTED_VERSION"
    number = 10


class OAuthParameterMismatchError(VerificationError):
    """An ``oauth_*`` field of the body is absent from the header or differs from it."""

    code = "OAuthParameterMismatch"
    kind = "PAYNET_OAUTH_PARAMETER_MISMATCH"
    number = 11


class InvalidTimestampError(VerificationError):
    """``oauth_timestamp`` is not a decimal number of seconds."""

    code = "InvalidTimestamp"
    kind = "PAYNET_INVALID_TIMESTAMP"
    number = 12


class TimestampOutOfWindowError(VerificationError):
    """``oauth_timestamp`` is further from now than the allowed window."""

    code = "TimestampOutOfWindow"
    kind = "PAYNET_TIMESTAMP_OUT_OF_WINDOW"
    number = 13


class SignatureMismatchError(VerificationError):
    """The signature does not match (wrong key, or the request was altered)."""

    code = "SignatureMismatch"
    kind = "PAYNET_SIGNATURE_MISMATCH"
    number = 14


class InternalError(PaynetError):
    """A bug in this package or a failure of the machine (e.g. the operating system's
    random number generator); please report it."""

    code = "Internal"
    kind = "PAYNET_INTERNAL"
    number = 105


class BufferTooSmallError(InternalError):
    """The core's output buffer was too small (cannot happen through this package)."""

    code = "BufferTooSmall"
    kind = "PAYNET_BUFFER_TOO_SMALL"
    number = 1


class WriteFailedError(InternalError):
    """The core could not write an output (cannot happen through this package)."""

    code = "WriteFailed"
    kind = "PAYNET_WRITE_FAILED"
    number = 15
