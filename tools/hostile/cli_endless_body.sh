#!/usr/bin/env bash
# The `paynet` CLI against a gateway that streams an endless body (issue 12, finding 3):
# it must stop at the 1 MiB cap with exit code 6 within a second, peak RSS < 100 MB.
# Measured with /usr/bin/time -v. Usage: cli_endless_body.sh PAYNET_BINARY
# Prints one line: "exit 6 in 0.01 s, peak RSS 12.3 MB"; exits non-zero on a failure.
set -euo pipefail
paynet=$1
work=$(mktemp -d)
trap 'kill "$mock_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$paynet" mock --listen 127.0.0.1:0 --endless-body >"$work/mock.out" &
mock_pid=$!
for _ in $(seq 100); do
  url=$(sed -n 's/^paynet mock listening on //p' "$work/mock.out")
  [[ -n $url ]] && break
  sleep 0.05
done
[[ -n ${url:-} ]] || { echo "the mock did not start"; exit 1; }
status=0
PAYNET_GATEWAY=$url PAYNET_CONTROL_KEY=F9F65098-1111-1111-1111-621611111111 \
  /usr/bin/time -v "$paynet" balance --endpoint 1 --provider Test \
  --login balance_test_merchant14 --timeout 10 >"$work/out" 2>"$work/err" || status=$?
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/err")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/err")
seconds=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$wall")
rss_mb=$(awk '{ printf "%.1f", $1 / 1024 }' <<<"$rss_kb")
summary="exit $status in $seconds s, peak RSS $rss_mb MB"
if [[ $status -ne 6 ]] || ! grep -q 'larger than the limit of 1048576 bytes' "$work/err" \
  || awk -v s="$seconds" 'BEGIN { exit !(s >= 1.0) }' || (( rss_kb >= 100 * 1024 )); then
  cat "$work/err"
  echo "FAILED: $summary (want exit 6 with the size-cap message, < 1 s, < 100 MB)"
  exit 1
fi
echo "$summary"
