"""Counts the instructions of one signing call under callgrind (stable on a loaded,
shared machine, unlike timings) and prints the BENCHMARKS.md section.

Usage: core_callgrind.py SIGN_COST_BINARY COMMAND

Each mode of crates/paynet-oauth/examples/sign_cost.rs runs with N = 0 and N = 2000
calls; the difference over 2000 is the cost of one call.
"""

import re
import shutil
import subprocess
import sys

binary, command = sys.argv[1], sys.argv[2]
if shutil.which("valgrind") is None:
    sys.exit("bench-core-callgrind: valgrind is not installed (apt-get install valgrind)")
N = 2000


def refs(mode: str, n: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary, mode, str(n)],
        capture_output=True, text=True, check=True,
    ).stderr
    return int(re.search(r"refs:\s+([\d,]+)", out).group(1).replace(",", ""))


def per_call(mode: str) -> float:
    return (refs(mode, N) - refs(mode, 0)) / N


rows = [
    ("hmac", "`hmac_sha1/base_string`", "HMAC-SHA1 alone over the finished base string, with key setup", "—"),
    ("full", "`sign/get_balance`", "key setup, sign, header and body written", "≤ 1.5x"),
    ("prekeyed", "`sign/get_balance_prekeyed`", "the same with a reusable `Signer`", "≤ 1.2x"),
    ("endpoint", "`sign/get_balance_endpoint`", "the same with an `EndpointSigner`", "≤ 1.0x"),
    ("bound", "`sign/get_balance_bound`", "the same with a `BoundSigner`", "(≤ 1.0x)"),
]
counts = {mode: per_call(mode) for mode, *_ in rows}
valgrind = subprocess.run(["valgrind", "--version"], capture_output=True, text=True).stdout.strip()
print(f"""### Core signing in instructions (callgrind)

Command: `{command}` — instructions per call under {valgrind}, the same get-balance
request as the criterion ids above (`crates/paynet-oauth/examples/sign_cost.rs`).
Valgrind hides the CPU's SHA extensions, so SHA-1 runs in software here and the hashing
weighs more than on the real CPU: these ratios are lower than the timed ones. They are
for comparing builds on a shared machine, where timings drift.

| criterion id | what it does | instructions | ratio to bare HMAC | target (timed) |
|---|---|---:|---:|---:|""")
for mode, name, what, target in rows:
    print(f"| {name} | {what} | {counts[mode]:.0f} | {counts[mode] / counts['hmac']:.2f}x | {target} |")
