"""A `str` that UTF-8 cannot hold (a lone surrogate: what `os.environ`, `sys.argv` and
`os.fsdecode` give for each byte that is not UTF-8) is an `InvalidInputError` from every
argument, and the exception holds none of the text. Python's own `UnicodeEncodeError`,
raised before this package checked, kept the whole string (a control key included) in
its `object` attribute and was not a `PaynetError`."""

from __future__ import annotations

import os
from typing import Any, Callable

import pytest

import paynet_oauth
from conftest import CONTROL_KEY, MERCHANT

URL = "https://gw.example.com/paynet/api/v2/get-balance/1"
# A control key read from an environment whose bytes are not all UTF-8.
KEY = os.fsdecode(CONTROL_KEY.encode() + b"\xff")
BAD = "bad\udcff"
SIGN: dict[str, Any] = {"consumer_key": MERCHANT, "consumer_secret": CONTROL_KEY, "timestamp": 1686923599, "nonce": "n1"}


def everything_in(error: BaseException) -> str:
    """Every text an error handler or a log could read from the exception."""
    parts = [str(error), repr(error), repr(error.args), repr(vars(error))]
    parts += [repr(getattr(error, name, None)) for name in ("object", "__notes__", "__context__", "__cause__")]
    return "\n".join(parts)


def calls(secret: str, bad: str) -> dict[str, Callable[[], object]]:
    signer = paynet_oauth.Signer(CONTROL_KEY)
    signed = paynet_oauth.sign("POST", URL, **SIGN)
    verify_args: dict[str, Any] = {"consumer_secret": CONTROL_KEY, "now": 1686923599}
    header = signed.authorization_header
    return {
        "Signer(consumer_secret)": lambda: paynet_oauth.Signer(secret),
        "Signer(token_secret)": lambda: paynet_oauth.Signer(CONTROL_KEY, secret),
        "sign(consumer_secret)": lambda: paynet_oauth.sign("POST", URL, **{**SIGN, "consumer_secret": secret}),
        "sign(token_secret)": lambda: paynet_oauth.sign("POST", URL, **SIGN, token="t", token_secret=secret),
        "verify(consumer_secret)": lambda: paynet_oauth.verify("POST", URL, "", header, **{**verify_args, "consumer_secret": secret}),
        "Client(control_key)": lambda: paynet_oauth.Client("payneteasy-sandbox", MERCHANT, secret),
        "AsyncClient(control_key)": lambda: paynet_oauth.AsyncClient("payneteasy-sandbox", MERCHANT, secret),
        "sign(method)": lambda: paynet_oauth.sign(bad, URL, **SIGN),
        "sign(url)": lambda: paynet_oauth.sign("POST", bad, **SIGN),
        "sign(params name)": lambda: paynet_oauth.sign("POST", URL, {bad: "v"}, **SIGN),
        "sign(params value)": lambda: paynet_oauth.sign("POST", URL, [("n", bad)], **SIGN),
        "sign(consumer_key)": lambda: paynet_oauth.sign("POST", URL, **{**SIGN, "consumer_key": bad}),
        "sign(timestamp)": lambda: paynet_oauth.sign("POST", URL, **{**SIGN, "timestamp": bad}),
        "sign(nonce)": lambda: paynet_oauth.sign("POST", URL, **{**SIGN, "nonce": bad}),
        "sign(token)": lambda: paynet_oauth.sign("POST", URL, **SIGN, token=bad),
        "sign(version)": lambda: paynet_oauth.sign("POST", URL, **SIGN, version=bad),
        "sign(realm)": lambda: paynet_oauth.sign("POST", URL, **SIGN, realm=bad),
        "sign(oauth_extra)": lambda: paynet_oauth.sign("POST", URL, **SIGN, oauth_extra={"oauth_x": bad}),
        "Signer.sign(url)": lambda: signer.sign("POST", bad, consumer_key=MERCHANT),
        "verify(body)": lambda: paynet_oauth.verify("POST", URL, bad, header, **verify_args),
        "verify(authorization_header)": lambda: paynet_oauth.verify("POST", URL, "", bad, **verify_args),
        "percent_encode": lambda: paynet_oauth.percent_encode(bad),
        "parse_response(command)": lambda: paynet_oauth.parse_response(bad, 200, ""),
        "parse_response(body)": lambda: paynet_oauth.parse_response("get-balance", 200, bad),
        "sign_form(login)": lambda: paynet_oauth.sign_form(signer, bad, "POST", URL, "a=b"),
        "sign_form(body)": lambda: paynet_oauth.sign_form(signer, MERCHANT, "POST", URL, bad),
        "sign_form(content_type)": lambda: paynet_oauth.sign_form(signer, MERCHANT, "POST", URL, "a=b", bad),
    }


@pytest.mark.parametrize("name", list(calls(KEY, BAD)))
def test_a_lone_surrogate_is_invalid_input_that_holds_none_of_the_text(name: str) -> None:
    call = calls(KEY, BAD)[name]
    with pytest.raises(paynet_oauth.InvalidInputError) as caught:
        call()
    assert isinstance(caught.value, ValueError)
    assert "lone surrogate" in str(caught.value)
    text = everything_in(caught.value)
    assert KEY not in text and CONTROL_KEY not in text and BAD not in text and "\udcff" not in text, text


def test_the_same_calls_without_the_surrogate_sign() -> None:
    """The calls above fail for the surrogate alone: with plain text each gives no
    InvalidInputError about encoding (a wrong method or URL may fail otherwise)."""
    for name, call in calls(CONTROL_KEY, "plain").items():
        try:
            call()
        except paynet_oauth.PaynetError as e:
            assert "surrogate" not in str(e), name
