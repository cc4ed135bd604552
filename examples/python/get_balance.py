#!/usr/bin/env python3
"""Get balances from a PaynetEasy-style gateway with paynet_oauth.Client.

Usage: get_balance.py [ENDPOINT_ID [PROVIDER]]     (default: 1 Test)

Configuration, as the `paynet` command line tool reads it:
  PAYNET_GATEWAY      a base URL or a preset name (default: payneteasy-sandbox)
  PAYNET_LOGIN        the merchant login (default: balance_test_merchant14)
  PAYNET_CONTROL_KEY  the merchant's control key (required)

Prints the endpoint's balance, then the merchant's balances. Exit codes: 0 success,
2 configuration, 3 gateway error, 4 access denied, 5 network or timeout, 6 any other
HTTP error or unexpected response.
"""

from __future__ import annotations

import os
import sys

import paynet_oauth


def main(argv: list[str]) -> int:
    endpoint_id = argv[1] if len(argv) > 1 else "1"
    provider = argv[2] if len(argv) > 2 else "Test"
    gateway = os.environ.get("PAYNET_GATEWAY", "payneteasy-sandbox")
    login = os.environ.get("PAYNET_LOGIN", "balance_test_merchant14")
    control_key = os.environ.get("PAYNET_CONTROL_KEY")
    if not control_key:
        print("set PAYNET_CONTROL_KEY to the merchant's control key", file=sys.stderr)
        return 2
    try:
        with paynet_oauth.Client(gateway, login, control_key, timeout=30.0) as client:
            balance = client.get_balance(endpoint_id, provider)
            print(f"endpoint {endpoint_id} ({provider}): {balance.balance_amount}")
            for b in client.get_merchant_balances(login):
                print(f"merchant {login} balance {b.name}: {b.amount} {b.currency}")
    except paynet_oauth.InvalidInputError as e:
        print(f"configuration: {e}", file=sys.stderr)
        return 2
    except paynet_oauth.GatewayError as e:
        print(f"the gateway says: {e.message}", file=sys.stderr)
        return 3
    except paynet_oauth.AccessDeniedError as e:
        print(e, file=sys.stderr)
        return 4
    except (paynet_oauth.PaynetTimeoutError, paynet_oauth.TransportError) as e:
        print(f"network: {e}", file=sys.stderr)
        return 5
    except paynet_oauth.PaynetError as e:
        print(e, file=sys.stderr)
        return 6
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
