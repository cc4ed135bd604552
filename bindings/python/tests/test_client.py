"""Client and AsyncClient against the mock gateway (`paynet mock`) and a silent server."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from decimal import Decimal

import pytest

import paynet_oauth
from conftest import CONTROL_KEY, MANAGER, MERCHANT, WRONG_KEY


def _closed_port_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/paynet/api/v2"


# --- blocking client ---------------------------------------------------------------


def test_endpoint_balance(mock_gateway: str) -> None:
    client = paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY)
    balance = client.get_balance("1", "Test")
    assert isinstance(balance, paynet_oauth.EndpointBalance)
    assert isinstance(balance.balance_amount, Decimal)
    assert str(balance.balance_amount) == "29.99"
    assert client.get_balance(1, "Test") == balance  # an int endpoint id is fine


def test_manager_balances(mock_gateway: str) -> None:
    client = paynet_oauth.Client(mock_gateway, MANAGER, CONTROL_KEY)
    balances = client.get_manager_balances(MANAGER)
    assert isinstance(balances, list) and balances
    saa = [b for b in balances if b.name == "saa"]
    assert len(saa) == 1
    assert str(saa[0].amount) == "219.500" and saa[0].currency == "USD"
    assert isinstance(saa[0].amount, Decimal)
    only = client.get_manager_balances(MANAGER, "saa")
    assert [b.name for b in only] == ["saa"]
    assert only[0] == saa[0]
    assert "219.500" in repr(only[0])


def test_merchant_balances(mock_gateway: str) -> None:
    client = paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY)
    balances = client.get_merchant_balances(MERCHANT)
    assert isinstance(balances, list)
    for b in balances:
        assert isinstance(b, paynet_oauth.Balance) and isinstance(b.amount, Decimal)
        assert b.merchant_login is None


def test_wrong_control_key_is_access_denied(mock_gateway: str) -> None:
    client = paynet_oauth.Client(mock_gateway, MERCHANT, WRONG_KEY)
    with pytest.raises(paynet_oauth.AccessDeniedError) as info:
        client.get_balance("1", "Test")
    assert info.value.body  # the gateway's HTML page, for diagnostics
    assert isinstance(info.value, paynet_oauth.PaynetError)
    with pytest.raises(paynet_oauth.AccessDeniedError):
        paynet_oauth.Client(mock_gateway, MANAGER, WRONG_KEY).get_manager_balances(MANAGER)


def test_unknown_provider_is_a_gateway_error(mock_gateway: str) -> None:
    client = paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY)
    with pytest.raises(paynet_oauth.GatewayError) as info:
        client.get_balance("1", "NoSuchProvider")
    assert "NoSuchProvider" in info.value.message
    assert info.value.message in str(info.value)


def test_unknown_balance_name_is_a_gateway_error(mock_gateway: str) -> None:
    client = paynet_oauth.Client(mock_gateway, MANAGER, CONTROL_KEY)
    with pytest.raises(paynet_oauth.GatewayError):
        client.get_manager_balances(MANAGER, "no-such-balance")


def test_a_silent_gateway_times_out_within_the_timeout(silent_server: str) -> None:
    client = paynet_oauth.Client(silent_server, MERCHANT, CONTROL_KEY, timeout=0.5, connect_timeout=0.5, retries=0)
    started = time.monotonic()
    with pytest.raises(paynet_oauth.PaynetTimeoutError) as info:
        client.get_balance("1", "Test")
    assert time.monotonic() - started < 5
    assert isinstance(info.value, TimeoutError)


def test_the_gil_is_released_while_waiting(silent_server: str) -> None:
    client = paynet_oauth.Client(silent_server, MERCHANT, CONTROL_KEY, timeout=1.0, retries=0)
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.01)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        with pytest.raises(paynet_oauth.PaynetTimeoutError):
            client.get_balance("1", "Test")
    finally:
        done.set()
        counter.join()
    assert ticks >= 20  # the other thread ran during the ~1 s wait


def test_threads_share_a_client(mock_gateway: str) -> None:
    client = paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY)
    results: list[str] = []

    def work() -> None:
        for _ in range(5):
            results.append(str(client.get_balance("1", "Test").balance_amount))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["29.99"] * 20


def test_connection_refused_is_a_transport_error() -> None:
    client = paynet_oauth.Client(_closed_port_url(), MERCHANT, CONTROL_KEY, timeout=2.0, retries=0)
    with pytest.raises(paynet_oauth.TransportError) as info:
        client.get_balance("1", "Test")
    assert isinstance(info.value, paynet_oauth.PaynetError)


@pytest.mark.parametrize(
    ("gateway", "login", "key", "kwargs"),
    [
        ("nowhere", MERCHANT, CONTROL_KEY, {}),
        ("ftp://example.com/x", MERCHANT, CONTROL_KEY, {}),
        ("http://example.com/paynet/api/v2", MERCHANT, CONTROL_KEY, {}),  # plain http off loopback
        ("payneteasy-sandbox", "", CONTROL_KEY, {}),
        ("payneteasy-sandbox", MERCHANT, "", {}),
        ("payneteasy-sandbox", MERCHANT, CONTROL_KEY, {"timeout": -1.0}),
        ("payneteasy-sandbox", MERCHANT, CONTROL_KEY, {"timeout": float("nan")}),
    ],
)
def test_bad_configuration_is_invalid_input(gateway: str, login: str, key: str, kwargs: dict[str, float]) -> None:
    with pytest.raises(paynet_oauth.InvalidInputError) as info:
        paynet_oauth.Client(gateway, login, key, **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert CONTROL_KEY not in str(info.value)


def test_plain_http_can_be_allowed_explicitly() -> None:
    client = paynet_oauth.Client("http://example.com/paynet/api/v2", MERCHANT, CONTROL_KEY, allow_http=True)
    assert client.gateway == "http://example.com/paynet/api/v2"


def test_bad_arguments_are_invalid_input(mock_gateway: str) -> None:
    client = paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY)
    with pytest.raises(paynet_oauth.InvalidInputError):
        client.get_balance("", "Test")
    with pytest.raises(paynet_oauth.InvalidInputError):
        client.get_balance("1", "")
    with pytest.raises(paynet_oauth.InvalidInputError):
        client.get_balance("1", "x" * 129)
    with pytest.raises(paynet_oauth.InvalidInputError):
        client.get_manager_balances("")
    with pytest.raises(paynet_oauth.InvalidInputError):
        client.get_merchant_balances(MERCHANT, "")


def test_presets_and_properties() -> None:
    client = paynet_oauth.Client("payneteasy-sandbox", MERCHANT, CONTROL_KEY)
    assert client.gateway == "https://sandbox.payneteasy.com/paynet/api/v2"
    assert client.login == MERCHANT
    aclient = paynet_oauth.AsyncClient("payneteasy-production", MERCHANT, CONTROL_KEY)
    assert aclient.gateway == "https://gate.payneteasy.com/paynet/api/v2"


def test_the_control_key_never_shows(mock_gateway: str, silent_server: str) -> None:
    texts: list[str] = []
    for cls in (paynet_oauth.Client, paynet_oauth.AsyncClient):
        client = cls(mock_gateway, MERCHANT, CONTROL_KEY)
        texts += [repr(client), str(client)]
    failing = paynet_oauth.Client(mock_gateway, MERCHANT, WRONG_KEY)
    for call in (
        lambda: failing.get_balance("1", "Test"),
        lambda: paynet_oauth.Client(silent_server, MERCHANT, CONTROL_KEY, timeout=0.3, retries=0).get_balance("1", "Test"),
        lambda: paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY).get_balance("1", "Nope"),
    ):
        with pytest.raises(paynet_oauth.PaynetError) as info:
            call()
        texts += [repr(info.value), str(info.value), repr(info.value.args)]
    for text in texts:
        assert CONTROL_KEY not in text and WRONG_KEY not in text
        assert CONTROL_KEY.lower() not in text.lower()
    assert MERCHANT in repr(paynet_oauth.Client(mock_gateway, MERCHANT, CONTROL_KEY))


# --- asyncio client ----------------------------------------------------------------


def test_async_client_all_commands(mock_gateway: str) -> None:
    async def run() -> None:
        merchant = paynet_oauth.AsyncClient(mock_gateway, MERCHANT, CONTROL_KEY)
        manager = paynet_oauth.AsyncClient(mock_gateway, MANAGER, CONTROL_KEY)
        endpoint, managed, own = await asyncio.gather(
            merchant.get_balance("1", "Test"),
            manager.get_manager_balances(MANAGER, "saa"),
            merchant.get_merchant_balances(MERCHANT),
        )
        assert str(endpoint.balance_amount) == "29.99"
        assert [(b.name, str(b.amount), b.currency) for b in managed] == [("saa", "219.500", "USD")]
        assert isinstance(own, list)
        # Many at once on one loop.
        many = await asyncio.gather(*(merchant.get_balance("1", "Test") for _ in range(50)))
        assert {str(b.balance_amount) for b in many} == {"29.99"}

    asyncio.run(run())


def test_async_errors(mock_gateway: str, silent_server: str) -> None:
    async def run() -> None:
        with pytest.raises(paynet_oauth.AccessDeniedError):
            await paynet_oauth.AsyncClient(mock_gateway, MERCHANT, WRONG_KEY).get_balance("1", "Test")
        with pytest.raises(paynet_oauth.GatewayError) as info:
            await paynet_oauth.AsyncClient(mock_gateway, MERCHANT, CONTROL_KEY).get_balance("1", "NoSuchProvider")
        assert "NoSuchProvider" in info.value.message
        silent = paynet_oauth.AsyncClient(silent_server, MERCHANT, CONTROL_KEY, timeout=0.5, connect_timeout=0.5, retries=0)
        started = time.monotonic()
        with pytest.raises(paynet_oauth.PaynetTimeoutError):
            await silent.get_balance("1", "Test")
        assert time.monotonic() - started < 5
        with pytest.raises(paynet_oauth.InvalidInputError):
            await paynet_oauth.AsyncClient(mock_gateway, MERCHANT, CONTROL_KEY).get_balance("1", "")

    asyncio.run(run())


def test_async_calls_do_not_block_the_loop(silent_server: str) -> None:
    async def run() -> int:
        client = paynet_oauth.AsyncClient(silent_server, MERCHANT, CONTROL_KEY, timeout=1.0, retries=0)
        ticks = 0

        async def count() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        counter = asyncio.ensure_future(count())
        with pytest.raises(paynet_oauth.PaynetTimeoutError):
            await client.get_balance("1", "Test")
        counter.cancel()
        return ticks

    assert asyncio.run(run()) >= 20


def test_async_cancellation(silent_server: str) -> None:
    async def run() -> None:
        client = paynet_oauth.AsyncClient(silent_server, MERCHANT, CONTROL_KEY, timeout=30.0, retries=0)
        started = time.monotonic()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(client.get_balance("1", "Test"), 0.3)
        assert time.monotonic() - started < 5

    asyncio.run(run())
    asyncio.run(run())  # a second event loop works too
