"""The examples in examples/python, run against the mock gateway as a user would."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import CONTROL_KEY, MANAGER, ROOT, WRONG_KEY

EXAMPLES = ROOT / "examples" / "python"


def _run(script: str, args: list[str], gateway: str, key: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PAYNET_GATEWAY=gateway, PAYNET_CONTROL_KEY=key)
    env.pop("PAYNET_LOGIN", None)
    return subprocess.run([sys.executable, str(EXAMPLES / script), *args], env=env, capture_output=True, text=True, timeout=60)


def test_get_balance_example(mock_gateway: str) -> None:
    run = _run("get_balance.py", ["1", "Test"], mock_gateway, CONTROL_KEY)
    assert run.returncode == 0, run.stderr
    assert "endpoint 1 (Test): 29.99" in run.stdout


def test_get_balance_example_exit_codes(mock_gateway: str) -> None:
    assert _run("get_balance.py", ["1", "Test"], mock_gateway, WRONG_KEY).returncode == 4
    assert _run("get_balance.py", ["1", "Nope"], mock_gateway, CONTROL_KEY).returncode == 3
    assert _run("get_balance.py", ["1", "Test"], "nowhere", CONTROL_KEY).returncode == 2


def test_async_example(mock_gateway: str) -> None:
    run = _run("async_balances.py", [MANAGER], mock_gateway, CONTROL_KEY)
    assert run.returncode == 0, run.stderr
    assert "saa: 219.500 USD" in run.stdout
    assert "endpoint 1: 29.99" in run.stdout
