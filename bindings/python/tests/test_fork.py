"""Fork safety (issue 12, finding 1): a client shared with forked processes never hands
one process another's answer, an AsyncClient works (and times out) in a forked child,
and sign() never repeats a nonce in a child forked without Python's at-fork hooks.
The full preload-then-fork load test is `make test-fork` (fork_load.py)."""

from __future__ import annotations

import asyncio
import ctypes
import json
import os
import select
import threading
import time
from typing import Any, Callable

import pytest

import fork_load
import paynet_oauth
from conftest import CONTROL_KEY, MERCHANT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def in_child(body: Callable[[], Any], fork: Callable[[], int] = os.fork, timeout: float = 30.0) -> Any:
    """Runs body() in a forked child and returns what it returned (JSON), or raises
    when the child fails or does not answer within timeout (it is then killed)."""
    r, w = os.pipe()
    pid = fork()
    if pid == 0:
        os.close(r)
        try:
            result = {"ok": body()}
        except BaseException as e:  # noqa: BLE001
            result = {"error": repr(e)}
        os.write(w, json.dumps(result).encode())
        os._exit(0)
    os.close(w)
    try:
        ready, _, _ = select.select([r], [], [], timeout)
        if not ready:
            os.kill(pid, 9)
            raise AssertionError(f"the forked child did not answer within {timeout} s")
        data = b""
        while chunk := os.read(r, 65536):
            data += chunk
    finally:
        os.close(r)
        os.waitpid(pid, 0)
    result = json.loads(data)
    if "error" in result:
        raise AssertionError(f"in the forked child: {result['error']}")
    return result["ok"]


async def awaited(method: Callable[..., Any], *args: Any) -> Any:
    """Calls an AsyncClient method inside a running event loop and awaits it."""
    return await method(*args)


def test_preload_then_fork_small_load() -> None:
    """fork_load.run at 1/25 of `make test-fork`: 4 workers, 400 calls."""
    totals = fork_load.run(workers=4, calls=400, deadline=90)
    assert totals["calls"] == 400, totals
    assert (totals["wrong"], totals["errors"], totals["hangs"]) == (0, 0, 0), totals
    assert (totals["parent_wrong"], totals["parent_errors"], totals["parent_hangs"]) == (0, 0, 0), totals


def test_blocking_client_shared_with_a_forked_child_answers_each_its_own() -> None:
    """A Client used once (a keep-alive connection open), then fork: parent and child
    ask for different endpoints at the same time and each gets its own balance."""
    mock = fork_load.Mock(3)
    try:
        client = paynet_oauth.Client(mock.url, fork_load.LOGIN, fork_load.KEY, timeout=5)
        assert str(client.get_balance("0", "Test").balance_amount) == fork_load.balance_of(0)

        def ask(endpoint: int, n: int) -> list[str]:
            return [str(client.get_balance(str(endpoint), "Test").balance_amount) for _ in range(n)]

        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            try:
                answers = ask(2, 200)
            except BaseException as e:  # noqa: BLE001
                answers = [repr(e)]
            os.write(w, json.dumps(answers).encode())
            os._exit(0)
        os.close(w)
        try:
            # The parent asks on a daemon thread so that a hang fails the test, not the run.
            parent: list[str] = []
            asking = threading.Thread(target=lambda: parent.extend(ask(1, 200)), daemon=True)
            asking.start()
            asking.join(60)
            ready, _, _ = select.select([r], [], [], 60)
            data = b""
            while ready and (chunk := os.read(r, 65536)):
                data += chunk
        finally:
            os.close(r)
            os.kill(pid, 9)  # gone already, unless it hung
            os.waitpid(pid, 0)
        assert not asking.is_alive(), f"the parent hung after {len(parent)} answers"
        assert ready, "the forked child did not answer within 60 s"
        assert data, "the forked child died without answering"
        child = json.loads(data)
        assert set(parent) == {fork_load.balance_of(1)}, sorted(set(parent))
        assert set(child) == {fork_load.balance_of(2)}, sorted(set(child))[:5]
    finally:
        mock.stop()


def test_async_client_made_in_a_forked_child_times_out(silent_server: str) -> None:
    """The parent's runtime is running when it forks; a child's new AsyncClient must
    still time out (its timer must run) instead of hanging."""
    warm = paynet_oauth.AsyncClient(silent_server, MERCHANT, CONTROL_KEY, timeout=0.3, retries=0)
    with pytest.raises(paynet_oauth.PaynetTimeoutError):
        asyncio.run(awaited(warm.get_balance, "1", "Test"))

    def body() -> str:
        client = paynet_oauth.AsyncClient(silent_server, MERCHANT, CONTROL_KEY, timeout=0.5, retries=0)

        async def ask() -> str:
            start = time.monotonic()
            try:
                await asyncio.wait_for(client.get_balance("1", "Test"), 10)
            except paynet_oauth.PaynetTimeoutError:
                return f"timeout after {time.monotonic() - start:.1f} s"
            return "answered"

        return asyncio.run(ask())

    assert in_child(body, timeout=20).startswith("timeout after 0.")


def test_async_client_from_the_parent_works_in_a_forked_child(mock_gateway: str) -> None:
    client = paynet_oauth.AsyncClient(mock_gateway, MERCHANT, CONTROL_KEY, timeout=5)
    assert str(asyncio.run(awaited(client.get_balance, "1", "Test")).balance_amount) == "29.99"

    def body() -> str:
        async def ask() -> str:
            balance = await asyncio.wait_for(client.get_balance("1", "Test"), 10)
            return str(balance.balance_amount)

        return asyncio.run(ask())

    assert in_child(body) == "29.99"
    # And the parent's client still works after the child used (and left) it.
    assert str(asyncio.run(awaited(client.get_balance, "1", "Test")).balance_amount) == "29.99"


def raw_fork() -> int:
    """fork(2) straight from libc, as a C extension would: no at-fork hooks run.
    PyDLL keeps the GIL held across the call, so the child owns it."""
    libc = ctypes.PyDLL(None)
    libc.fork.restype = ctypes.c_int
    pid: int = libc.fork()
    if pid < 0:
        raise OSError(ctypes.get_errno(), "fork failed")
    return pid


def test_sign_nonces_differ_in_a_child_forked_without_hooks() -> None:
    def nonce() -> str:
        return paynet_oauth.sign("POST", "https://example.com/x", consumer_key="k", consumer_secret="s").nonce

    nonce()  # the thread's generator is seeded before the fork
    child = in_child(lambda: [nonce() for _ in range(3)], fork=raw_fork)
    parent = [nonce() for _ in range(3)]
    assert not set(child) & set(parent), (child, parent)
