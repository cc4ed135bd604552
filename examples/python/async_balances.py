#!/usr/bin/env python3
"""Get a manager's balances and an endpoint's balance concurrently with
paynet_oauth.AsyncClient (asyncio).

Usage: async_balances.py MANAGER_LOGIN [ENDPOINT_ID PROVIDER MERCHANT_LOGIN]
Environment: PAYNET_GATEWAY (default payneteasy-sandbox) and PAYNET_CONTROL_KEY
(the control key of both logins, as in the mock gateway's built-in fixtures).
"""

from __future__ import annotations

import asyncio
import os
import sys

import paynet_oauth


async def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    manager = argv[1]
    endpoint_id, provider, merchant = (argv[2:5] + ["1", "Test", "balance_test_merchant14"][len(argv[2:5]) :])[:3]
    gateway = os.environ.get("PAYNET_GATEWAY", "payneteasy-sandbox")
    control_key = os.environ.get("PAYNET_CONTROL_KEY")
    if not control_key:
        print("set PAYNET_CONTROL_KEY to the control key of both logins", file=sys.stderr)
        return 2
    async with (
        paynet_oauth.AsyncClient(gateway, manager, control_key) as as_manager,
        paynet_oauth.AsyncClient(gateway, merchant, control_key) as as_merchant,
    ):
        balances, endpoint = await asyncio.gather(
            as_manager.get_manager_balances(manager),
            as_merchant.get_balance(endpoint_id, provider),
        )
    for b in balances:
        print(f"{b.name}: {b.amount} {b.currency} (live {b.online_balance_live_amount})")
    print(f"endpoint {endpoint_id}: {endpoint.balance_amount}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv)))
