#!/usr/bin/env bash
# Packs the npm package, installs the tarball into a fresh directory, and checks that
# `require` and `import` both load it and sign, then runs examples/node/get-balance.mjs
# from there against a started mock gateway.
#
# Usage: check-pack.sh ROOT PAYNET OUT_DIR
set -euo pipefail
root=$1 paynet=$2 out=$3
pkg=$root/bindings/node
npm_quiet=(--no-audit --no-fund --loglevel=error)

mkdir -p "$out"
rm -f "$out"/paynet-oauth-*.tgz
tarball=$(cd "$pkg" && npm pack "${npm_quiet[@]}" --pack-destination "$out" 2>/dev/null | tail -n 1)
tarball=$out/$tarball
[[ -f $tarball ]] || { echo "npm pack produced no tarball" >&2; exit 1; }

work=$(mktemp -d)
mock_pid=
cleanup() {
  [[ -n $mock_pid ]] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

cd "$work"
printf '{"name": "paynet-oauth-pack-check", "version": "1.0.0", "private": true}\n' >package.json
npm install "${npm_quiet[@]}" "$tarball" >/dev/null 2>npm.log || { cat npm.log >&2; exit 1; }

cat >check.cjs <<'JS'
const { sign, Signer } = require('paynet-oauth')
const request = {
  method: 'POST',
  url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID',
  params: { 'balance-provider': 'Test' },
  consumerKey: 'balance_test_merchant14',
  consumerSecret: 'F9F65098-1111-1111-1111-621611111111',
  timestamp: 1686923599,
  nonce: '2xGTFuAgetE',
}
const want = 'CROVVmkEAaZtIzV8pkEZKiHgHps='
if (sign(request).signature !== want) throw new Error('require: wrong signature')
if (new Signer(request.consumerSecret).sign(request).signature !== want) throw new Error('require: Signer')
console.log('require: ok')
JS
cat >check.mjs <<'JS'
import paynet, { sign, Client } from 'paynet-oauth'
const signed = sign({
  method: 'POST',
  url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID',
  params: [['balance-provider', 'Test']],
  consumerKey: 'balance_test_merchant14',
  consumerSecret: 'F9F65098-1111-1111-1111-621611111111',
  timestamp: '1686923599',
  nonce: '2xGTFuAgetE',
})
if (signed.signature !== 'CROVVmkEAaZtIzV8pkEZKiHgHps=') throw new Error('import: wrong signature')
if (typeof Client !== 'function' || paynet.Client !== Client) throw new Error('import: Client')
console.log('import: ok')
JS
node check.cjs >/dev/null
node check.mjs >/dev/null
# The installed package carries its types (CommonJS and ESM).
for types in index.d.ts index.d.mts; do
  [[ -f node_modules/paynet-oauth/$types ]] || { echo "$types missing from the package" >&2; exit 1; }
done

# The example, as a user would run it, against the mock gateway.
cp "$root/examples/node/get-balance.mjs" .
"$paynet" mock --listen 127.0.0.1:0 >mock.out 2>mock.err &
mock_pid=$!
for _ in $(seq 200); do
  [[ -s mock.out ]] && break
  sleep 0.05
done
url=$(sed -n '1s/.*listening on //p' mock.out)
[[ -n $url ]] || { echo "paynet mock did not start" >&2; cat mock.err >&2; exit 1; }
out=$(PAYNET_GATEWAY=$url PAYNET_CONTROL_KEY=F9F65098-1111-1111-1111-621611111111 node get-balance.mjs 1 Test)
grep -q 'endpoint 1 (Test): 29.99' <<<"$out" && grep -q 'saa: 219.500 USD' <<<"$out" \
  || { echo "unexpected output of examples/node/get-balance.mjs:" >&2; echo "$out" >&2; exit 1; }
# A wrong key exits with 4 (access denied).
set +e
PAYNET_GATEWAY=$url PAYNET_CONTROL_KEY=wrong node get-balance.mjs 1 Test >/dev/null 2>&1
status=$?
set -e
[[ $status -eq 4 ]] || { echo "example with a wrong key: exit $status, expected 4" >&2; exit 1; }
echo "node: packed $(basename "$tarball"): require, import and examples/node/get-balance.mjs ok"
