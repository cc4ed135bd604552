"""Preload-then-fork load test (issue 12, finding 1), as gunicorn ``--preload`` does it.

The parent builds one ``Client`` and one ``AsyncClient`` and uses both (so it holds
keep-alive connections and a running tokio runtime), then forks N workers. Each worker
asks for its own endpoint (a distinct balance in the mock's fixtures) through both
inherited clients, half the calls each, while the parent keeps asking for its own
endpoint. Every answer is checked: a wrong balance, an error or a call that does not
finish in time is counted, and the whole run has a deadline.

    python fork_load.py [--workers 4] [--calls 10000] [--deadline 120]

prints one JSON line ({"calls": ..., "wrong": 0, "errors": 0, "hangs": 0, ...}) and
exits 0 only when every count but ``calls`` is zero. ``run()`` is the same for pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import paynet_oauth

ROOT = Path(__file__).resolve().parents[3]
PAYNET = Path(os.environ.get("PAYNET", ROOT / "target" / "debug" / "paynet"))
KEY = "F9F65098-1111-1111-1111-621611111111"
LOGIN = "fork_load_merchant"
# Per call: the client's own timeout, and a hard limit above it that counts as a hang.
CALL_TIMEOUT = 5.0
HANG_AFTER = 15.0


def balance_of(endpoint: int) -> str:
    """A balance no other endpoint has."""
    return f"{endpoint}.{endpoint:02d}"


def fixtures(endpoints: int) -> dict[str, Any]:
    return {
        "accounts": [
            {
                "login": LOGIN,
                "control_key": KEY,
                "kind": "merchant",
                "balances": [{"name": "main", "amount": "1.00", "currency": "USD"}],
            }
        ],
        "endpoints": [
            {"endpoint_id": str(i), "login": LOGIN, "providers": {"Test": balance_of(i)}}
            for i in range(endpoints)
        ],
    }


class Mock:
    """`paynet mock --fixtures FILE` on a free loopback port."""

    def __init__(self, endpoints: int) -> None:
        self.dir = tempfile.TemporaryDirectory()
        path = Path(self.dir.name) / "fixtures.json"
        path.write_text(json.dumps(fixtures(endpoints)), encoding="utf-8")
        self.proc = subprocess.Popen(
            [str(PAYNET), "mock", "--listen", "127.0.0.1:0", "--fixtures", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        prefix = "paynet mock listening on "
        if not line.startswith(prefix):
            self.stop()
            raise RuntimeError(f"paynet mock did not start: {line!r}")
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()
        self.url = line[len(prefix) :]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.dir.cleanup()


class Tally:
    def __init__(self) -> None:
        self.calls = self.wrong = self.errors = self.hangs = 0
        self.first_problem = ""

    def note(self, kind: str, detail: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if not self.first_problem:
            self.first_problem = f"{kind}: {detail}"[:300]

    def check(self, endpoint: int, balance: Any) -> None:
        self.calls += 1
        if balance.balance_amount != Decimal(balance_of(endpoint)):
            self.note("wrong", f"endpoint {endpoint} got {balance.balance_amount}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "wrong": self.wrong,
            "errors": self.errors,
            "hangs": self.hangs,
            "first_problem": self.first_problem,
        }


def sync_calls(client: paynet_oauth.Client, endpoint: int, n: int, tally: Tally) -> None:
    for _ in range(n):
        start = time.monotonic()
        try:
            tally.check(endpoint, client.get_balance(str(endpoint), "Test"))
        except Exception as e:  # noqa: BLE001 - every failure is counted
            tally.calls += 1
            tally.note("errors", repr(e))
        if time.monotonic() - start > HANG_AFTER:
            tally.note("hangs", f"a blocking call took {time.monotonic() - start:.1f} s")


async def async_calls(client: paynet_oauth.AsyncClient, endpoint: int, n: int, tally: Tally) -> None:
    async def one() -> None:
        try:
            balance = await asyncio.wait_for(client.get_balance(str(endpoint), "Test"), HANG_AFTER)
            tally.check(endpoint, balance)
        except asyncio.TimeoutError:
            tally.calls += 1
            tally.note("hangs", f"an async call did not finish in {HANG_AFTER} s")
        except Exception as e:  # noqa: BLE001
            tally.calls += 1
            tally.note("errors", repr(e))

    done = 0
    while done < n:
        batch = min(8, n - done)
        await asyncio.gather(*(one() for _ in range(batch)))
        done += batch


def worker(client: paynet_oauth.Client, aclient: paynet_oauth.AsyncClient, endpoint: int, n: int, out: int) -> None:
    """A forked worker: n calls for its endpoint, half blocking, half async."""
    tally = Tally()
    try:
        sync_calls(client, endpoint, n // 2, tally)
        asyncio.run(async_calls(aclient, endpoint, n - n // 2, tally))
    except BaseException as e:  # noqa: BLE001
        tally.note("errors", repr(e))
    os.write(out, (json.dumps(tally.as_dict()) + "\n").encode())


def run(workers: int = 4, calls: int = 10_000, deadline: float = 120.0) -> dict[str, Any]:
    """The load test; returns the totals over the workers (and the parent's own check)."""
    mock = Mock(workers + 1)
    try:
        client = paynet_oauth.Client(mock.url, LOGIN, KEY, timeout=CALL_TIMEOUT)
        aclient = paynet_oauth.AsyncClient(mock.url, LOGIN, KEY, timeout=CALL_TIMEOUT)
        parent = Tally()
        # Preload: connections opened and the runtime started before the fork.
        sync_calls(client, 0, 2, parent)
        asyncio.run(async_calls(aclient, 0, 2, parent))

        started = time.monotonic()
        children: dict[int, int] = {}
        per_worker = calls // workers
        for w in range(workers):
            r, wfd = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(r)
                code = 0
                try:
                    worker(client, aclient, w + 1, per_worker, wfd)
                except BaseException:  # noqa: BLE001
                    code = 1
                os._exit(code)
            os.close(wfd)
            children[pid] = r

        # The parent keeps using both clients while the workers run.
        stop = threading.Event()

        def parent_load() -> None:
            while not stop.is_set():
                sync_calls(client, 0, 5, parent)
                asyncio.run(async_calls(aclient, 0, 5, parent))

        thread = threading.Thread(target=parent_load, daemon=True)
        thread.start()

        totals = {"workers": workers, "calls": 0, "wrong": 0, "errors": 0, "hangs": 0, "first_problem": ""}
        pending = dict(children)
        buffers: dict[int, bytes] = {fd: b"" for fd in children.values()}
        while pending and time.monotonic() - started < deadline:
            ready, _, _ = select.select(list(pending.values()), [], [], 1.0)
            for fd in ready:
                chunk = os.read(fd, 65536)
                buffers[fd] += chunk
                if not chunk:
                    pid = next(p for p, f in pending.items() if f == fd)
                    del pending[pid]
        for pid, fd in children.items():
            if pid in pending:
                os.kill(pid, signal.SIGKILL)
                totals["hangs"] += 1
                totals["first_problem"] = totals["first_problem"] or f"worker {pid} past the deadline"
            os.waitpid(pid, 0)
            os.close(fd)
            text = buffers[fd].decode().strip()
            if text:
                result = json.loads(text)
                for k in ("calls", "wrong", "errors", "hangs"):
                    totals[k] += result[k]
                totals["first_problem"] = totals["first_problem"] or result["first_problem"]
            elif pid not in pending:
                totals["errors"] += 1
                totals["first_problem"] = totals["first_problem"] or f"worker {pid} reported nothing"
        stop.set()
        thread.join(timeout=HANG_AFTER * 2)
        totals["seconds"] = round(time.monotonic() - started, 2)
        totals["parent_calls"] = parent.calls
        for k in ("wrong", "errors", "hangs"):
            totals[f"parent_{k}"] = getattr(parent, k)
        totals["first_problem"] = totals["first_problem"] or parent.first_problem
        return totals
    finally:
        mock.stop()


def summary(log: str) -> str:
    """The one line `make test-fork` prints, from the JSON line a run wrote last."""
    with open(log, encoding="utf-8") as f:
        t = json.loads(f.read().splitlines()[-1])
    return (
        f"fork: {t['calls']} calls in {t['workers']} forked workers ({t['seconds']} s, "
        f"+{t['parent_calls']} in the parent): {t['wrong']} wrong balances, "
        f"{t['errors']} errors, {t['hangs']} hangs"
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--calls", type=int, default=10_000)
    p.add_argument("--deadline", type=float, default=120.0)
    p.add_argument("--summarize", metavar="LOG", help="print the summary line of a run's log and exit")
    a = p.parse_args()
    if a.summarize:
        print(summary(a.summarize))
        return 0
    totals = run(a.workers, a.calls, a.deadline)
    print(json.dumps(totals))
    bad = sum(totals[k] for k in ("wrong", "errors", "hangs", "parent_wrong", "parent_errors", "parent_hangs"))
    return 0 if bad == 0 and totals["calls"] == (a.calls // a.workers) * a.workers else 1


if __name__ == "__main__":
    sys.exit(main())
