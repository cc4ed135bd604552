"""Every case of tests/vectors/oauth1-signing.json and tests/vectors/responses.json."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import paynet_oauth
from conftest import load_vectors

SIGNING = load_vectors("oauth1-signing.json")
RESPONSES = load_vectors("responses.json")


def _sign_case(case: dict[str, Any]) -> paynet_oauth.SignedRequest:
    return paynet_oauth.sign(
        case["method"],
        case["url"],
        [tuple(p) for p in case["form"]],
        consumer_key=case["consumer_key"],
        consumer_secret=case["consumer_secret"],
        timestamp=case["timestamp"],
        nonce=case["nonce"],
        token=case.get("token"),
        token_secret=case.get("token_secret", ""),
        version=case.get("version", "1.0"),
        oauth_extra=case.get("oauth_extra"),
    )


CASES = SIGNING["cases"]


def test_the_vector_file_is_complete() -> None:
    assert len(SIGNING["cases"]) >= 15
    assert len(RESPONSES["cases"]) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_signing_vector(case: dict[str, Any]) -> None:
    signed = _sign_case(case)
    expect = case["expect"]
    assert signed.normalized_parameters == expect["normalized_parameters"]
    assert signed.base_string == expect["base_string"]
    assert signed.signature == expect["signature"]
    # The header carries the same signature, percent-encoded, last.
    assert signed.authorization_header.endswith(
        f'oauth_signature="{paynet_oauth.percent_encode(expect["signature"])}"'
    )
    # And the server side accepts what the client side made.
    verified = paynet_oauth.verify(
        case["method"],
        case["url"],
        signed.body,
        signed.authorization_header,
        consumer_secret=case["consumer_secret"],
        token_secret=case.get("token_secret", ""),
        now=int(case["timestamp"]),
    )
    assert verified.consumer_key == case["consumer_key"]
    assert verified.nonce == case["nonce"]
    assert verified.timestamp == int(case["timestamp"])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_signing_vector_with_a_reused_signer(case: dict[str, Any]) -> None:
    signer = paynet_oauth.Signer(case["consumer_secret"], case.get("token_secret", ""))
    for _ in range(2):
        signed = signer.sign(
            case["method"],
            case["url"],
            iter([tuple(p) for p in case["form"]]),
            consumer_key=case["consumer_key"],
            timestamp=case["timestamp"],
            nonce=case["nonce"],
            token=case.get("token"),
            version=case.get("version", "1.0"),
            oauth_extra=case.get("oauth_extra"),
        )
        assert signed.signature == case["expect"]["signature"]


@pytest.mark.parametrize("pair", SIGNING["encode"], ids=[repr(p[0]) for p in SIGNING["encode"]])
def test_percent_encoding_vector(pair: list[str]) -> None:
    assert paynet_oauth.percent_encode(pair[0]) == pair[1]


def _amount(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


@pytest.mark.parametrize("case", RESPONSES["cases"], ids=[c["id"] for c in RESPONSES["cases"]])
def test_response_vector(case: dict[str, Any]) -> None:
    expect = case["expect"]
    kind = expect["kind"]
    for body in (case["body"], case["body"].encode("utf-8")):
        if kind == "endpoint_balance":
            result = paynet_oauth.parse_response(case["endpoint"], case["status"], body)
            assert isinstance(result, paynet_oauth.EndpointBalance)
            assert isinstance(result.balance_amount, Decimal)
            # Exact digits: "219.500" stays "219.500".
            assert str(result.balance_amount) == expect["balance_amount"]
        elif kind == "balances":
            result = paynet_oauth.parse_response(case["endpoint"], case["status"], body)
            assert isinstance(result, list)
            assert len(result) == len(expect["balances"])
            for got, want in zip(result, expect["balances"]):
                assert isinstance(got, paynet_oauth.Balance)
                for field, value in want.items():
                    actual = getattr(got, field)
                    if field in ("name", "currency", "merchant_login", "external_merchant_identifier"):
                        assert actual == value, field
                    else:
                        assert (None if actual is None else str(actual)) == value, field
                        assert actual is None or isinstance(actual, Decimal)
        elif kind == "gateway_error":
            with pytest.raises(paynet_oauth.GatewayError) as info:
                paynet_oauth.parse_response(case["endpoint"], case["status"], body)
            assert info.value.message == expect["message"]
        elif kind == "access_denied":
            with pytest.raises(paynet_oauth.AccessDeniedError) as denied:
                paynet_oauth.parse_response(case["endpoint"], case["status"], body)
            assert denied.value.body == case["body"]
        elif kind == "http_error":
            with pytest.raises(paynet_oauth.HttpError) as http:
                paynet_oauth.parse_response(case["endpoint"], case["status"], body)
            assert http.value.status == expect["status"]
            assert http.value.body == case["body"]
        elif kind == "unexpected_response":
            with pytest.raises(paynet_oauth.UnexpectedResponseError) as unexpected:
                paynet_oauth.parse_response(case["endpoint"], case["status"], body)
            assert unexpected.value.body == case["body"]
        else:
            pytest.fail(f"unknown kind {kind}")


def test_every_response_error_is_a_paynet_error() -> None:
    with pytest.raises(paynet_oauth.PaynetError):
        paynet_oauth.parse_response("get-balance", 500, "oops")
    with pytest.raises(paynet_oauth.InvalidInputError):
        paynet_oauth.parse_response("get-everything", 200, "balance-amount=1")


def test_the_gateway_s_answers_read_as_in_every_language() -> None:
    # The messages are the layer's (Node, the WebAssembly build, C and the CLI show the
    # same words); the repr stays short however large the page the gateway sent.
    page = "<html>" + "denied " * 2000 + "</html>"
    cases: list[tuple[int, str, type[paynet_oauth.PaynetError], str]] = [
        (403, page, paynet_oauth.AccessDeniedError,
         "access denied (HTTP 403): the gateway did not accept the signature or the credentials"),
        (502, page, paynet_oauth.HttpError, "the gateway answered with HTTP 502"),
        (200, "error-message=Unknown+provider", paynet_oauth.GatewayError,
         "the gateway answered with an error: Unknown provider"),
    ]
    for status, body, cls, text in cases:
        with pytest.raises(cls) as info:
            paynet_oauth.parse_response("get-balance", status, body)
        assert str(info.value) == text
        assert len(repr(info.value)) < 300, repr(info.value)[:400]
    with pytest.raises(paynet_oauth.UnexpectedResponseError) as unexpected:
        paynet_oauth.parse_response("get-balance", 200, page)
    reason = unexpected.value.reason
    assert reason and str(unexpected.value) == f"unexpected response from the gateway: {reason}"
    assert len(repr(unexpected.value)) < 300
    # Built by hand (a test double), the same words from the attributes.
    assert str(paynet_oauth.AccessDeniedError("x")) == cases[0][3]
    assert str(paynet_oauth.HttpError(502, "x")) == cases[1][3]
    assert str(paynet_oauth.GatewayError("Unknown provider")) == cases[2][3]
