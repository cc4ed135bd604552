"""The requests and httpx auth classes against the mock gateway."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from decimal import Decimal
from urllib.parse import parse_qsl

import httpx
import pytest
import requests

import paynet_oauth
from conftest import CONTROL_KEY, MANAGER, MERCHANT, WRONG_KEY
from paynet_oauth.auth import PaynetAuth, PaynetHttpxAuth


def _check_signed_body(body: bytes, login: str) -> None:
    pairs = parse_qsl(body.decode(), keep_blank_values=True)
    names = [n for n, _ in pairs]
    assert names == sorted(names)
    assert dict(pairs)["oauth_consumer_key"] == login
    assert {"oauth_nonce", "oauth_timestamp", "oauth_signature_method", "oauth_version"} <= set(names)
    assert "oauth_signature" not in names


# --- requests ----------------------------------------------------------------------


def test_requests_success(mock_gateway: str) -> None:
    auth = PaynetAuth(MERCHANT, CONTROL_KEY)
    r = requests.post(f"{mock_gateway}/get-balance/1", data={"balance-provider": "Test"}, auth=auth, timeout=10)
    assert r.status_code == 200, r.text
    assert r.request.headers["Authorization"].startswith('OAuth realm="",oauth_version="1.0",')
    assert isinstance(r.request.body, bytes)
    _check_signed_body(r.request.body, MERCHANT)
    assert r.request.headers["Content-Length"] == str(len(r.request.body))
    result = paynet_oauth.parse_response("get-balance", r.status_code, r.content)
    assert isinstance(result, paynet_oauth.EndpointBalance) and result.balance_amount == Decimal("29.99")

    # A session, a body given as a string, several requests with fresh nonces.
    with requests.Session() as session:
        session.auth = PaynetAuth(MANAGER, CONTROL_KEY)
        nonces = set()
        for _ in range(3):
            r = session.post(f"{mock_gateway}/get-balance/manager/{MANAGER}", data="balance-name=saa", timeout=10,
                             headers={"Content-Type": "application/x-www-form-urlencoded"})
            assert r.status_code == 200, r.text
            assert isinstance(r.request.body, bytes)
            nonces.add(dict(parse_qsl(r.request.body.decode()))["oauth_nonce"])
            balances = paynet_oauth.parse_response("get-balance/manager", r.status_code, r.text)
            assert isinstance(balances, list) and str(balances[0].amount) == "219.500"
        assert len(nonces) == 3


def test_requests_wrong_key(mock_gateway: str) -> None:
    r = requests.post(f"{mock_gateway}/get-balance/1", data={"balance-provider": "Test"}, auth=PaynetAuth(MERCHANT, WRONG_KEY), timeout=10)
    assert r.status_code == 403
    with pytest.raises(paynet_oauth.AccessDeniedError):
        paynet_oauth.parse_response("get-balance", r.status_code, r.content)


def test_requests_unknown_provider(mock_gateway: str) -> None:
    r = requests.post(f"{mock_gateway}/get-balance/1", data={"balance-provider": "Nope"}, auth=PaynetAuth(MERCHANT, CONTROL_KEY), timeout=10)
    assert r.status_code == 200
    with pytest.raises(paynet_oauth.GatewayError) as info:
        paynet_oauth.parse_response("get-balance", r.status_code, r.content)
    assert "Nope" in info.value.message


def test_requests_timeout(silent_server: str) -> None:
    with pytest.raises(requests.exceptions.Timeout):
        requests.post(f"{silent_server}/get-balance/1", data={"balance-provider": "Test"}, auth=PaynetAuth(MERCHANT, CONTROL_KEY), timeout=0.5)


def test_requests_refuses_what_it_cannot_sign() -> None:
    auth = PaynetAuth(MERCHANT, CONTROL_KEY)
    with pytest.raises(paynet_oauth.InvalidInputError):
        requests.Request("POST", "http://127.0.0.1:9/x", json={"a": 1}, auth=auth).prepare()
    with pytest.raises(paynet_oauth.InvalidInputError):
        PaynetAuth("", CONTROL_KEY)


# --- httpx -------------------------------------------------------------------------


def test_httpx_success(mock_gateway: str) -> None:
    with httpx.Client(auth=PaynetHttpxAuth(MERCHANT, CONTROL_KEY), timeout=10) as client:
        r = client.post(f"{mock_gateway}/get-balance/1", data={"balance-provider": "Test"})
        assert r.status_code == 200, r.text
        _check_signed_body(r.request.content, MERCHANT)
        assert r.request.headers["Content-Length"] == str(len(r.request.content))
        result = paynet_oauth.parse_response("get-balance", r.status_code, r.content)
        assert isinstance(result, paynet_oauth.EndpointBalance) and str(result.balance_amount) == "29.99"
        r = client.post(f"{mock_gateway}/get-balance/merchant/{MERCHANT}")  # no body at all
        assert r.status_code == 200, r.text
        assert isinstance(paynet_oauth.parse_response("get-balance/merchant", r.status_code, r.content), list)


def test_httpx_async_success_and_errors(mock_gateway: str) -> None:
    async def run() -> None:
        async with httpx.AsyncClient(auth=PaynetHttpxAuth(MANAGER, CONTROL_KEY), timeout=10) as client:
            responses = await asyncio.gather(
                *(client.post(f"{mock_gateway}/get-balance/manager/{MANAGER}", data={"balance-name": "saa"}) for _ in range(5))
            )
            for r in responses:
                assert r.status_code == 200, r.text
                balances = paynet_oauth.parse_response("get-balance/manager", r.status_code, r.content)
                assert isinstance(balances, list) and str(balances[0].amount) == "219.500"
        async with httpx.AsyncClient(auth=PaynetHttpxAuth(MANAGER, WRONG_KEY), timeout=10) as client:
            r = await client.post(f"{mock_gateway}/get-balance/manager/{MANAGER}", data={"balance-name": "saa"})
            assert r.status_code == 403

    asyncio.run(run())


def test_httpx_wrong_key(mock_gateway: str) -> None:
    r = httpx.post(f"{mock_gateway}/get-balance/1", data={"balance-provider": "Test"}, auth=PaynetHttpxAuth(MERCHANT, WRONG_KEY), timeout=10)
    assert r.status_code == 403
    with pytest.raises(paynet_oauth.AccessDeniedError):
        paynet_oauth.parse_response("get-balance", r.status_code, r.content)


def test_httpx_unknown_provider(mock_gateway: str) -> None:
    r = httpx.post(f"{mock_gateway}/get-balance/1", data={"balance-provider": "Nope"}, auth=PaynetHttpxAuth(MERCHANT, CONTROL_KEY), timeout=10)
    with pytest.raises(paynet_oauth.GatewayError):
        paynet_oauth.parse_response("get-balance", r.status_code, r.content)


def test_httpx_timeout(silent_server: str) -> None:
    with pytest.raises(httpx.TimeoutException):
        httpx.post(f"{silent_server}/get-balance/1", data={"balance-provider": "Test"}, auth=PaynetHttpxAuth(MERCHANT, CONTROL_KEY), timeout=0.5)


def test_httpx_refuses_json() -> None:
    with httpx.Client(auth=PaynetHttpxAuth(MERCHANT, CONTROL_KEY)) as client:
        with pytest.raises(paynet_oauth.InvalidInputError):
            client.post("http://127.0.0.1:9/x", json={"a": 1})


# --- both --------------------------------------------------------------------------


def test_a_control_key_read_from_a_file_signs_as_the_client_reads_it(mock_gateway: str) -> None:
    # The clients drop the white space around a control key (a key file's newline);
    # the auth classes read it the same way, so the same key string works in both.
    padded = f" {CONTROL_KEY}\n"
    r = requests.post(f"{mock_gateway}/get-balance/1", data={"balance-provider": "Test"},
                      auth=PaynetAuth(MERCHANT, padded), timeout=10)
    assert r.status_code == 200, r.text
    with httpx.Client(auth=PaynetHttpxAuth(MERCHANT, padded), timeout=10) as client:
        r2 = client.post(f"{mock_gateway}/get-balance/1", data={"balance-provider": "Test"})
    assert r2.status_code == 200, r2.text
    with paynet_oauth.Client(mock_gateway, MERCHANT, padded, allow_http=True) as c:
        assert c.get_balance("1", "Test").balance_amount == Decimal("29.99")
    for cls in (PaynetAuth, PaynetHttpxAuth):
        with pytest.raises(paynet_oauth.InvalidInputError, match="the control key must not be empty"):
            cls(MERCHANT, " \n")


def test_auth_reprs_hide_the_key() -> None:
    for auth in (PaynetAuth(MERCHANT, CONTROL_KEY), PaynetHttpxAuth(MERCHANT, CONTROL_KEY)):
        assert CONTROL_KEY not in repr(auth) and CONTROL_KEY not in str(auth)
        assert CONTROL_KEY not in repr(vars(auth))
        assert MERCHANT in repr(auth)
    assert paynet_oauth.PaynetAuth is PaynetAuth and paynet_oauth.PaynetHttpxAuth is PaynetHttpxAuth


def test_auth_classes_without_the_http_packages() -> None:
    # With requests and httpx hidden, the package imports and the classes say what is missing.
    code = """
import sys
sys.modules['requests'] = None
sys.modules['requests.auth'] = None
sys.modules['httpx'] = None
import paynet_oauth
from paynet_oauth.auth import PaynetAuth, PaynetHttpxAuth
for cls, name in ((PaynetAuth, 'requests'), (PaynetHttpxAuth, 'httpx')):
    try:
        cls('login', 'key')
    except ImportError as e:
        assert name in str(e), e
    else:
        raise SystemExit(cls.__name__ + ' did not raise')
print('ok')
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
