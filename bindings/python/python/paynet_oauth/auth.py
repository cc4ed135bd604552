"""Auth classes for your own HTTP stack: :class:`PaynetAuth` for ``requests`` and
:class:`PaynetHttpxAuth` for ``httpx`` (sync and async clients).

Both sign a form POST the way the gateway expects: the ``Authorization: OAuth ...``
header, and the body rewritten as the form fields plus the five ``oauth_*`` values,
encoded and sorted, on one line. Neither package is a dependency of ``paynet-oauth``:
this module imports whichever of them is installed, and a class whose package is
missing raises ``ImportError`` when it is instantiated::

    import requests
    from paynet_oauth.auth import PaynetAuth

    requests.post(
        "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1",
        data={"balance-provider": "Test"},
        auth=PaynetAuth("balance_test_merchant14", control_key),
    )

The control key is held only inside a :class:`paynet_oauth.Signer` and never shown by
``repr()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generator, Optional, Union

from . import _native
from ._errors import InvalidInputError
from ._native import SignedRequest, Signer

__all__ = ["PaynetAuth", "PaynetHttpxAuth", "sign_form"]

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"

if TYPE_CHECKING:
    import httpx
    import requests
    from httpx import Auth as _HttpxAuthBase
    from requests.auth import AuthBase as _RequestsAuthBase
else:
    try:
        from requests.auth import AuthBase as _RequestsAuthBase
    except ImportError:  # requests is optional

        class _RequestsAuthBase:
            _missing = "requests"

    try:
        from httpx import Auth as _HttpxAuthBase
    except ImportError:  # httpx is optional

        class _HttpxAuthBase:
            _missing = "httpx"


def sign_form(
    signer: Signer, login: str, method: str, url: str, body: Union[str, bytes, None], content_type: Optional[str]
) -> SignedRequest:
    """Signs a form request as the gateway expects; what both auth classes use (the
    body is read by :func:`paynet_oauth.sign_form`; an empty body has no type to check)."""
    if body is not None and not isinstance(body, (str, bytes)):
        raise InvalidInputError("can only sign a form body given as str or bytes, not a stream or files")
    return _native.sign_form(signer, login, method, url, body, content_type if body else None)


class PaynetAuth(_RequestsAuthBase):
    """``requests`` auth: signs each request with the login and control key.

    Sets ``Authorization`` and ``Content-Type``, and replaces the body with the signed
    one-line form body (``Content-Length`` follows). The URL's query, if any, is signed
    and stays in the URL.
    """

    def __init__(self, login: str, control_key: str) -> None:
        if getattr(self, "_missing", None):
            raise ImportError("PaynetAuth needs the 'requests' package: pip install requests")
        if not login:
            raise InvalidInputError("the login must not be empty")
        self.login = login
        self._signer = _native.control_key_signer(control_key)

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        body = r.body
        if body is not None and not isinstance(body, (str, bytes)):
            raise InvalidInputError("PaynetAuth can only sign a form body given as str or bytes")
        content_type = r.headers.get("Content-Type")
        if isinstance(content_type, bytes):
            content_type = content_type.decode("latin-1")
        signed = sign_form(self._signer, self.login, r.method or "POST", r.url or "", body, content_type)
        data = signed.body.encode("ascii")
        r.body = data
        r.headers["Authorization"] = signed.authorization_header
        r.headers["Content-Type"] = FORM_CONTENT_TYPE
        r.headers["Content-Length"] = str(len(data))
        return r

    def __repr__(self) -> str:
        return f"PaynetAuth(login={self.login!r}, control_key=<redacted>)"


class PaynetHttpxAuth(_HttpxAuthBase):
    """``httpx`` auth (``httpx.Client`` and ``httpx.AsyncClient``): signs each request
    with the login and control key.

    The request is replaced by one with ``Authorization``, ``Content-Type`` and the
    signed one-line form body.
    """

    requires_request_body = True

    def __init__(self, login: str, control_key: str) -> None:
        if getattr(self, "_missing", None):
            raise ImportError("PaynetHttpxAuth needs the 'httpx' package: pip install httpx")
        if not login:
            raise InvalidInputError("the login must not be empty")
        self.login = login
        self._signer = _native.control_key_signer(control_key)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        import httpx

        signed = sign_form(
            self._signer, self.login, request.method, str(request.url), request.content, request.headers.get("Content-Type")
        )
        data = signed.body.encode("ascii")
        headers = request.headers.copy()
        headers["Authorization"] = signed.authorization_header
        headers["Content-Type"] = FORM_CONTENT_TYPE
        headers["Content-Length"] = str(len(data))
        yield httpx.Request(request.method, request.url, headers=headers, content=data, extensions=request.extensions)

    def __repr__(self) -> str:
        return f"PaynetHttpxAuth(login={self.login!r}, control_key=<redacted>)"
