"""Turns criterion's estimates for the core benchmarks into a markdown table of ratios.

Usage: core_table.py TARGET_DIR TEXT_BYTES COMMAND [DEFAULT_TEXT_BYTES]

TEXT_BYTES is the size-first build's (paynet-oauth without default features), the
optional DEFAULT_TEXT_BYTES the default build's (template writer, RustCrypto SHA-1).
"""

import json
import platform
import subprocess
import sys
from pathlib import Path

target, text_bytes, command = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
default_bytes = int(sys.argv[4]) if len(sys.argv) > 4 else None


def median_ns(group: str, name: str) -> float:
    # criterion names the folder after the benchmark id, with `/` turned into `_`.
    est = json.loads((target / "criterion" / f"{group}_{name}" / "new" / "estimates.json").read_text())
    return est["median"]["point_estimate"]


hmac = median_ns("hmac_sha1", "base_string")
full = median_ns("sign", "get_balance")
pre = median_ns("sign", "get_balance_prekeyed")
endpoint = median_ns("sign", "get_balance_endpoint")
bound = median_ns("sign", "get_balance_bound")
cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name")), platform.machine())
rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
default_note = (
    f"; the default build (features `template-writer` and `rustcrypto-sha1`, the timed one above): {default_bytes} bytes"
    if default_bytes is not None
    else ""
)
print(f"""## Core signing (Rust, `crates/paynet-oauth`)

Command: `{command}` — criterion medians, one run, {cpu}, {rustc}.

| benchmark | what it does | median | ratio to bare HMAC | target |
|---|---|---:|---:|---:|
| `hmac_sha1/base_string` | HMAC-SHA1 alone over the finished base string, with key setup | {hmac:.0f} ns | 1.00x | — |
| `sign/get_balance` | parameters → sorted, encoded, base string streamed into HMAC-SHA1 → header and body written (key setup included) | {full:.0f} ns | {full / hmac:.2f}x | ≤ 1.5x |
| `sign/get_balance_prekeyed` | the same with a reusable `Signer` (key setup done once) | {pre:.0f} ns | {pre / hmac:.2f}x | ≤ 1.2x |
| `sign/get_balance_endpoint` | the same with an `EndpointSigner` (method and URL bound, `METHOD&URI&` already hashed) | {endpoint:.0f} ns | {endpoint / hmac:.2f}x | ≤ 1.0x |
| `sign/get_balance_bound` | the same with a `BoundSigner` (the whole request bound but its timestamp and nonce: everything before the nonce already hashed, the parameters sorted once) | {bound:.0f} ns | {bound / hmac:.2f}x | (≤ 1.0x) |

Code size of the signing path (sign + header + body, `tools/size-probe`) for
`thumbv6m-none-eabi` at `opt-level = "z"`, LTO, in the size-first build firmware links
(`paynet-oauth` with `default-features = false`): **{text_bytes} bytes of `.text`**
(compiler builtins such as `memcpy` left out){default_note}.""")
