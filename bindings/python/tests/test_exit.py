"""A process that used the AsyncClient exits cleanly: the runtime's threads are stopped
(atexit) before the interpreter finalizes, instead of racing it while they hand the last
answer to asyncio (which crashed about one exit in eight: SIGSEGV, or the abort
"PyGILState_Release: thread state must be current")."""

from __future__ import annotations

import subprocess
import sys

from conftest import CONTROL_KEY, MANAGER, MERCHANT

SCRIPT = """
import asyncio, sys
import paynet_oauth

async def main():
    gateway, manager, merchant, key = sys.argv[1:5]
    a = paynet_oauth.AsyncClient(gateway, manager, key)
    b = paynet_oauth.AsyncClient(gateway, merchant, key)
    balances, endpoint = await asyncio.gather(a.get_manager_balances(manager), b.get_balance("1", "Test"))
    print(len(balances), endpoint.balance_amount)

asyncio.run(main())
"""


def test_exit_after_async_calls_is_clean(mock_gateway: str) -> None:
    args = [sys.executable, "-c", SCRIPT, mock_gateway, MANAGER, MERCHANT, CONTROL_KEY]
    runs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(24)]
    for run in runs:
        out, err = run.communicate(timeout=60)
        assert (run.returncode, out.strip()) == (0, "1 29.99"), err
