"""Out-of-range numbers (issue 12, finding 8): InvalidInputError (a ValueError) naming
the argument, never OverflowError; wrong types stay TypeError."""

from __future__ import annotations

from typing import Any, Callable

import pytest

import paynet_oauth
from conftest import CONTROL_KEY, MERCHANT

URL = "https://example.com/paynet/api/v2/get-balance/1"
GATEWAY = "http://127.0.0.1:9/paynet/api/v2"


def header() -> str:
    signed = paynet_oauth.sign("POST", URL, consumer_key="k", consumer_secret="s")
    return signed.authorization_header


CASES: list[tuple[str, Callable[[Any], object]]] = [
    ("status", lambda n: paynet_oauth.parse_response("get-balance", n, "balance-amount=1")),
    ("timestamp", lambda n: paynet_oauth.sign("POST", URL, consumer_key="k", consumer_secret="s", timestamp=n)),
    ("now", lambda n: paynet_oauth.verify("POST", URL, "", header(), consumer_secret="s", now=n)),
    ("window", lambda n: paynet_oauth.verify("POST", URL, "", header(), consumer_secret="s", window=n)),
    ("now", lambda n: paynet_oauth.Signer("s").verify("POST", URL, "", header(), now=n)),
    ("window", lambda n: paynet_oauth.Signer("s").verify("POST", URL, "", header(), window=n)),
    ("timeout", lambda n: paynet_oauth.Client(GATEWAY, MERCHANT, CONTROL_KEY, timeout=n)),
    ("connect_timeout", lambda n: paynet_oauth.AsyncClient(GATEWAY, MERCHANT, CONTROL_KEY, connect_timeout=n)),
    ("retries", lambda n: paynet_oauth.Client(GATEWAY, MERCHANT, CONTROL_KEY, retries=n)),
    ("retries", lambda n: paynet_oauth.AsyncClient(GATEWAY, MERCHANT, CONTROL_KEY, retries=n)),
    ("max_response_bytes", lambda n: paynet_oauth.Client(GATEWAY, MERCHANT, CONTROL_KEY, max_response_bytes=n)),
]


@pytest.mark.parametrize("value", [-1, 2**64, 10**400, -(10**400)], ids=["-1", "2**64", "10**400", "-10**400"])
@pytest.mark.parametrize(("name", "call"), CASES, ids=[f"{i}-{name}" for i, (name, _) in enumerate(CASES)])
def test_out_of_range_is_a_value_error(name: str, call: Callable[[Any], object], value: int) -> None:
    with pytest.raises(paynet_oauth.InvalidInputError) as info:
        call(value)
    assert isinstance(info.value, ValueError)
    assert not isinstance(info.value, OverflowError)
    assert name in str(info.value)


@pytest.mark.parametrize(("name", "call"), CASES, ids=[f"{i}-{name}" for i, (name, _) in enumerate(CASES)])
def test_wrong_type_is_still_a_type_error(name: str, call: Callable[[Any], object]) -> None:
    with pytest.raises(TypeError):
        call([1])


def test_in_range_values_still_work() -> None:
    with pytest.raises(paynet_oauth.HttpError):
        paynet_oauth.parse_response("get-balance", 500, "oops")
    signed = paynet_oauth.sign("POST", URL, consumer_key="k", consumer_secret="s", timestamp=2**63)
    assert signed.timestamp == str(2**63)
    paynet_oauth.Client(GATEWAY, MERCHANT, CONTROL_KEY, timeout=10**8, retries=2**32 - 1, max_response_bytes=1)


@pytest.mark.parametrize("value", [True, False], ids=["True", "False"])
@pytest.mark.parametrize(("name", "call"), CASES, ids=[f"{i}-{name}" for i, (name, _) in enumerate(CASES)])
def test_a_bool_is_not_a_number(name: str, call: Callable[[Any], object], value: bool) -> None:
    # `bool` is an `int` subclass: `verify(now=True)` once checked the timestamp against
    # 1970-01-01T00:00:01Z and `retries=True` meant one retry. The JavaScript packages
    # refuse a boolean number too.
    with pytest.raises(TypeError) as info:
        call(value)
    assert name in str(info.value)
    assert "bool" in str(info.value)


def test_an_id_argument_is_named_and_a_negative_endpoint_id_refused() -> None:
    # A negative int is no endpoint id (it was sent as "-1"; Node refuses it too), and a
    # wrong type names the argument the method takes.
    with paynet_oauth.Client(GATEWAY, MERCHANT, CONTROL_KEY) as client:
        with pytest.raises(paynet_oauth.InvalidInputError, match=r"^endpoint_id must be a str or a whole number, not -1$"):
            client.get_balance(-1, "Test")
        with pytest.raises(TypeError, match=r"^endpoint_id must be str \(or int\), not bytes$"):
            client.get_balance(b"1", "Test")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^login must be str \(or int\), not bytes$"):
            client.get_manager_balances(b"m")  # type: ignore[arg-type]
