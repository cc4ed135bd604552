"""The response size cap (issue 12, finding 3) from Python: a gateway that streams an
endless body (`paynet mock --endless-body`). Each client (blocking and asyncio) stops
at the cap within a second with ResponseTooLargeError, and the process's peak RSS
stays under 100 MB. Each case runs in a fresh interpreter so that its peak RSS is its
own."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from typing import Any, Iterator

import pytest

from conftest import CONTROL_KEY, MERCHANT, PAYNET

CLIENT_SCRIPT = r"""
import asyncio, json, resource, sys, time
import paynet_oauth
url, login, key, kind, cap = sys.argv[1:6]
kwargs = {"timeout": 10, "retries": 0}
if cap != "default":
    kwargs["max_response_bytes"] = int(cap)
start = time.monotonic()
try:
    if kind == "sync":
        paynet_oauth.Client(url, login, key, **kwargs).get_balance("1", "Test")
    else:
        client = paynet_oauth.AsyncClient(url, login, key, **kwargs)
        async def ask():
            return await client.get_balance("1", "Test")
        asyncio.run(ask())
    outcome = {"error": None}
except paynet_oauth.PaynetError as e:
    outcome = {"error": type(e).__name__, "limit": getattr(e, "limit", None),
               "unexpected": isinstance(e, paynet_oauth.UnexpectedResponseError)}
outcome["seconds"] = time.monotonic() - start
outcome["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(outcome))
"""


@pytest.fixture(scope="module")
def endless_gateway() -> Iterator[str]:
    proc = subprocess.Popen(
        [str(PAYNET), "mock", "--listen", "127.0.0.1:0", "--endless-body"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        prefix = "paynet mock listening on "
        assert line.startswith(prefix), line
        threading.Thread(target=proc.stdout.read, daemon=True).start()
        yield line[len(prefix) :]
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_client(url: str, kind: str, cap: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", CLIENT_SCRIPT, url, MERCHANT, CONTROL_KEY, kind, cap],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, Any] = json.loads(out.stdout)
    print(f"{kind} cap={cap}: {result}")
    return result


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize(("cap", "limit"), [("default", 1024 * 1024), ("4096", 4096)])
def test_endless_body_stops_at_the_cap(endless_gateway: str, kind: str, cap: str, limit: int) -> None:
    result = run_client(endless_gateway, kind, cap)
    assert result["error"] == "ResponseTooLargeError", result
    assert result["limit"] == limit
    assert result["unexpected"], "a ResponseTooLargeError is an UnexpectedResponseError"
    assert result["seconds"] < 1.0, result
    assert result["peak_rss_mb"] < 100, result


def test_max_response_bytes_zero_is_refused() -> None:
    import paynet_oauth

    with pytest.raises(paynet_oauth.InvalidInputError):
        paynet_oauth.Client("http://127.0.0.1:9/paynet/api/v2", MERCHANT, CONTROL_KEY, max_response_bytes=0)
