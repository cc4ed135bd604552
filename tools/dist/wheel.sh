#!/usr/bin/env bash
# Builds one abi3 wheel of bindings/python for TRIPLE with maturin and zig, strips its
# extension module (recording the sizes before and after) and writes it to OUT.
#
# Usage: wheel.sh ROOT VENV TRIPLE COMPATIBILITY OUT WORK
#   COMPATIBILITY: manylinux2014 | musllinux_1_2
#   WORK: build/dist (target dir, logs, sizes.tsv)
set -euo pipefail
root=$1 venv=$2 triple=$3 compat=$4 out=$5 work=$6
log=$work/wheel-$triple.log
tmp=$work/wheel-$triple
rm -rf "$tmp" && mkdir -p "$tmp/raw" "$tmp/unpacked" "$out"
export PATH=$venv/bin:$PATH
cd "$root/bindings/python"
CARGO_TARGET_DIR=$work/target maturin build --quiet --release --zig --target "$triple" \
  --compatibility "$compat" --out "$tmp/raw" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
wheel=$(ls "$tmp"/raw/*.whl)
python -m wheel unpack --dest "$tmp/unpacked" "$wheel" >>"$log"
so=$(find "$tmp/unpacked" -name '_native*.so')
cp "$so" "$tmp/unstripped.so"
"$(bash "$root/tools/dist/strip-for.sh" "$triple")" --strip-unneeded "$so"
python -m wheel pack --dest-dir "$out" "$tmp"/unpacked/* >>"$log"
bash "$root/tools/dist/sizes.sh" "$work/sizes.tsv" "$(basename "$wheel") (_native.abi3.so)" "$tmp/unstripped.so" "$so"
echo "python: $(basename "$wheel"): $(stat -c %s "$tmp/unstripped.so") -> $(stat -c %s "$so") bytes (stripped)"
