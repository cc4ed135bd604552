"""Differential test: `paynet sign --input` against oauthlib on many random requests.

Usage: oauthlib_diff.py PAYNET_BINARY [--n N] [--seed SEED]
Prints the seed first, so a failing run can be repeated; exits 1 on the first mismatch
with the case that differs.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from oauthlib_oracle import oracle
from random_requests import random_case


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paynet")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    print(f"oauthlib differential test: {args.n} random requests, seed {seed}", flush=True)
    rng = random.Random(seed)
    cases = [random_case(rng, i) for i in range(args.n)]
    run = subprocess.run([args.paynet, "sign", "--input", "-"], input=json.dumps(cases).encode(), capture_output=True)
    if run.returncode != 0:
        print(run.stderr.decode(errors="replace"), file=sys.stderr)
        return 1
    results = json.loads(run.stdout)
    for case, got in zip(cases, results, strict=True):
        want = oracle(case)
        for key in ("normalized_parameters", "base_string", "signature"):
            if got[key] != want[key]:
                print(f"MISMATCH in {key} (seed {seed}):\n case: {json.dumps(case, ensure_ascii=False)}\n paynet:   {got[key]}\n oauthlib: {want[key]}", file=sys.stderr)
                return 1
    print(f"{len(cases)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
