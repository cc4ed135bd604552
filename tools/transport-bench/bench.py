"""`make bench-transport`: the Rust client and Python requests + requests-oauthlib against
the same `paynet mock`, in one run: requests/s and p50/p99 latency with 32 concurrent
keep-alive requests. The mock verifies every request's signature, so the Rust client's
figure is also the mock's throughput of signed, verified requests.

Usage: bench.py PAYNET_BINARY LOAD_BINARY [SECONDS]
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import threading
import time

import requests
from requests_oauthlib import OAuth1

CONCURRENCY = 32
KEY = "F9F65098-1111-1111-1111-621611111111"


def start_mock(paynet: str) -> tuple[subprocess.Popen, str]:
    mock = subprocess.Popen([paynet, "mock", "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE, text=True)
    line = mock.stdout.readline()
    return mock, line.strip().rsplit(" ", 1)[-1]


def python_load(url: str, seconds: float) -> dict:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        session = requests.Session()
        auth = OAuth1("balance_test_merchant14", client_secret=KEY, signature_type="auth_header")
        mine: list[float] = []
        bad = 0
        while time.monotonic() < deadline:
            t = time.perf_counter()
            r = session.post(f"{url}/get-balance/1", data={"balance-provider": "Test"}, auth=auth)
            if r.status_code == 200 and "29.99" in r.text:
                mine.append(time.perf_counter() - t)
            else:
                bad += 1
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    pct = lambda p: latencies[min(int(len(latencies) * p), len(latencies) - 1)] * 1000 if latencies else 0.0
    return {"requests": len(latencies), "errors": errors[0], "seconds": elapsed, "rps": len(latencies) / elapsed, "p50_ms": pct(0.5), "p99_ms": pct(0.99)}


def main() -> int:
    paynet, load = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    mock, url = start_mock(paynet)
    try:
        rust = json.loads(subprocess.run([load, url, str(CONCURRENCY), str(seconds)], capture_output=True, text=True, check=True).stdout)
        py = python_load(url, seconds)
    finally:
        mock.terminate()
        mock.wait()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    print(f"""## Transport (client against `paynet mock` over loopback)

Command: `make bench-transport` — {CONCURRENCY} concurrent keep-alive requests for {seconds:.0f} s each, one run,
{os.cpu_count()} cores ({cpu}); client, mock and load share the machine. Every request is a full
get-balance: fresh nonce, HMAC-SHA1 signature, the mock's verification and replay check, the
documented response parsed into an exact decimal.

| client | requests | errors | requests/s | p50 | p99 | ratio (req/s) |
|---|---:|---:|---:|---:|---:|---:|
| Rust `paynet_client::Client` (async) | {rust['requests']} | {rust['errors']} | {rust['rps']:.0f} | {rust['p50_ms']:.2f} ms | {rust['p99_ms']:.2f} ms | {rust['rps'] / max(py['rps'], 1e-9):.1f}x |
| Python `requests` + `requests-oauthlib` (32 threads) | {py['requests']} | {py['errors']} | {py['rps']:.0f} | {py['p50_ms']:.2f} ms | {py['p99_ms']:.2f} ms | 1.0x |

The mock verified and answered {rust['rps']:.0f} signed requests per second under the Rust load
(its throughput of signed, verified requests on this machine, with the load generator on the same cores).""")
    return 0 if rust["errors"] == 0 and py["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
