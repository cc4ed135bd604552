"""The Python items of issue 17 (what a new user expects) and the cells issue 13 added:
clients as context managers, `.code` on every error, a clean `help(paynet_oauth)`,
`Verified.token` and the native `sign_form`."""

from __future__ import annotations

import asyncio
import pydoc

import pytest

import paynet_oauth
from conftest import CONTROL_KEY, MERCHANT

URL = "https://example.com/paynet/api/v2/get-balance/1"


def test_client_is_a_context_manager_and_refuses_calls_once_closed(mock_gateway: str) -> None:
    with paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY) as client:
        assert isinstance(client, paynet_oauth.Client)
        assert str(client.get_balance("1", "Test").balance_amount) == "29.99"
    with pytest.raises(paynet_oauth.InvalidInputError, match="Client is closed") as info:
        client.get_balance("1", "Test")
    assert info.value.code == "InvalidInput"
    client.close()  # closing again is fine


def test_close_without_with(mock_gateway: str) -> None:
    client = paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY)
    client.get_merchant_balances(MERCHANT)
    client.close()
    with pytest.raises(paynet_oauth.InvalidInputError, match="closed"):
        client.get_merchant_balances(MERCHANT)


def test_an_exception_leaves_the_with_block_and_closes(mock_gateway: str) -> None:
    with pytest.raises(paynet_oauth.GatewayError):
        with paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY) as client:
            client.get_balance("1", "Nope")
    with pytest.raises(paynet_oauth.InvalidInputError, match="closed"):
        client.get_balance("1", "Test")


def test_async_client_is_an_async_context_manager(mock_gateway: str) -> None:
    async def main() -> tuple[str, paynet_oauth.AsyncClient]:
        async with paynet_oauth.AsyncClient(mock_gateway, MERCHANT, CONTROL_KEY) as client:
            assert isinstance(client, paynet_oauth.AsyncClient)
            balance = await client.get_balance("1", "Test")
        with pytest.raises(paynet_oauth.InvalidInputError, match="AsyncClient is closed"):
            await client.get_balance("1", "Test")
        other = paynet_oauth.AsyncClient(mock_gateway, MERCHANT, CONTROL_KEY)
        await other.get_merchant_balances(MERCHANT)
        assert await other.aclose() is None
        with pytest.raises(paynet_oauth.InvalidInputError, match="closed"):
            await other.get_merchant_balances(MERCHANT)
        return str(balance.balance_amount), client

    amount, _ = asyncio.run(main())
    assert amount == "29.99"


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (lambda: paynet_oauth.Client("payneteasy-sandbx", MERCHANT, CONTROL_KEY), "PAYNET_INVALID_INPUT"),
        (lambda: paynet_oauth.AsyncClient("ftp://h/", MERCHANT, CONTROL_KEY), "PAYNET_INVALID_INPUT"),
        (lambda: paynet_oauth.gateway_url("nowhere"), "PAYNET_INVALID_INPUT"),
        (lambda: paynet_oauth.sign("GET", "nope", consumer_key="k", consumer_secret="s"), "PAYNET_MALFORMED_URL"),
        (lambda: paynet_oauth.parse_response("get-balances", 200, ""), "PAYNET_INVALID_INPUT"),
    ],
)
def test_every_invalid_input_error_has_its_code(call: object, kind: str) -> None:
    with pytest.raises(paynet_oauth.InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.kind == kind
    assert info.value.code is not None
    assert info.value.code.upper() == kind.removeprefix("PAYNET_").replace("_", "")


def test_a_mistyped_preset_says_did_you_mean() -> None:
    with pytest.raises(paynet_oauth.InvalidInputError, match="did you mean") as info:
        paynet_oauth.Client("payneteasy-sandbx", MERCHANT, CONTROL_KEY)
    assert info.value.code == "InvalidInput"


def test_help_does_not_list_the_lazy_getattr() -> None:
    text = pydoc.render_doc(paynet_oauth, renderer=pydoc.plaintext)
    assert "__getattr__" not in text
    assert "sign(method, url" in text
    # The auth classes are still found when asked for.
    from paynet_oauth.auth import PaynetAuth

    assert paynet_oauth.PaynetAuth is PaynetAuth
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        paynet_oauth.nope  # type: ignore[attr-defined]  # noqa: B018


def test_verified_has_the_token() -> None:
    signed = paynet_oauth.sign(
        "POST", URL, consumer_key="log in", consumer_secret="s", token="tok en", token_secret="t", timestamp=1000
    )
    v = paynet_oauth.verify(
        "POST", URL, signed.body, signed.authorization_header, consumer_secret="s", token_secret="t", now=1000
    )
    assert (v.consumer_key, v.token, v.timestamp, v.nonce) == ("log in", "tok en", 1000, signed.nonce)
    assert "token='tok en'" in repr(v)
    plain = paynet_oauth.sign("POST", URL, consumer_key="k", consumer_secret="s")
    assert paynet_oauth.Signer("s").verify("POST", URL, plain.body, plain.authorization_header).token is None


def test_native_sign_form() -> None:
    signer = paynet_oauth.Signer("key")
    signed = paynet_oauth.sign_form(
        signer, "login", "POST", URL + "?q=1", b"b=2+x&a=%C3%A9", "application/x-www-form-urlencoded; charset=utf-8"
    )
    assert signed.body.startswith("a=%C3%A9&b=2%20x&oauth_consumer_key=login&")
    assert "q=1" in signed.normalized_parameters and "q=1" not in signed.body
    again = paynet_oauth.sign(
        "POST", URL + "?q=1", [("b", "2 x"), ("a", "é")], consumer_key="login", consumer_secret="key",
        timestamp=signed.timestamp, nonce=signed.nonce,
    )
    assert again.signature == signed.signature
    with pytest.raises(paynet_oauth.InvalidInputError, match="application/json"):
        paynet_oauth.sign_form(signer, "login", "POST", URL, "{}", "application/json")
    with pytest.raises(paynet_oauth.InvalidInputError, match="percent-encoded UTF-8"):
        paynet_oauth.sign_form(signer, "login", "POST", URL, "a=%FF")
    with pytest.raises(paynet_oauth.InvalidInputError, match="login"):
        paynet_oauth.sign_form(signer, "", "POST", URL, None)
