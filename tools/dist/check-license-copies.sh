#!/usr/bin/env bash
# Every published package (the five crates, the C, Python and Node bindings) carries
# LICENSE-MIT and LICENSE-APACHE identical to the root's; prints how many packages.
#
# Usage: check-license-copies.sh ROOT
set -euo pipefail
root=$1
n=0
for dir in "$root"/crates/*/ "$root"/bindings/c/ "$root"/bindings/python/ "$root"/bindings/node/; do
  for f in LICENSE-MIT LICENSE-APACHE; do
    cmp -s "$root/$f" "$dir$f" || { echo "licenses: ${dir#"$root"/}$f is missing or differs from /$f" >&2; exit 1; }
  done
  n=$((n + 1))
done
echo "$n"
