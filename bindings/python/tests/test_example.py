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


def test_async_example_without_a_key_says_so() -> None:
    # It died with a KeyError traceback; now a message and exit code 2, like get_balance.py.
    env = {k: v for k, v in os.environ.items() if k != "PAYNET_CONTROL_KEY"}
    run = subprocess.run([sys.executable, str(EXAMPLES / "async_balances.py"), MANAGER], env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "set PAYNET_CONTROL_KEY" in run.stderr and "Traceback" not in run.stderr, run.stderr
