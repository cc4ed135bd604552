"""Shared fixtures: the test vectors, the mock gateway (`paynet mock`) on a free
loopback port, and a server that accepts connections and never answers."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import threading
from pathlib import Path
from typing import Any, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[3]
VECTORS = ROOT / "tests" / "vectors"
PAYNET = Path(os.environ.get("PAYNET", ROOT / "target" / "debug" / "paynet"))

# The mock's built-in fixtures (DESIGN.md).
CONTROL_KEY = "F9F65098-1111-1111-1111-621611111111"
MERCHANT = "balance_test_merchant14"
MANAGER = "BalanceTestManager"
WRONG_KEY = "F9F65098-2222-2222-2222-621622222222"


def load_vectors(name: str) -> dict[str, Any]:
    with open(VECTORS / name, encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@pytest.fixture(scope="session")
def mock_gateway() -> Iterator[str]:
    """Starts `paynet mock --listen 127.0.0.1:0` and yields its base URL."""
    if not PAYNET.exists():
        pytest.fail(f"{PAYNET} not found: build it with `cargo build -p paynet-cli` (or set PAYNET)")
    proc = subprocess.Popen(
        [str(PAYNET), "mock", "--listen", "127.0.0.1:0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        prefix = "paynet mock listening on "
        if not line.startswith(prefix):
            proc.kill()
            _, err = proc.communicate(timeout=10)
            pytest.fail(f"paynet mock did not start: {line!r} {err!r}")
        # Keep draining stdout so the mock never blocks on a full pipe.
        threading.Thread(target=proc.stdout.read, daemon=True).start()
        yield line[len(prefix) :]
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="session")
def silent_server() -> Iterator[str]:
    """A loopback server that accepts connections and never answers; yields its base URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/paynet/api/v2"
    finally:
        stop.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        listener.close()
