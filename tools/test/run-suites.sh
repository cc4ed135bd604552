#!/usr/bin/env bash
# `make test`: runs each suite (a make target) with its output in build/test-logs/SUITE.log,
# prints one line per suite as it ends, then a table of every suite with its result and
# time. A failing suite's log tail is shown; the remaining suites still run (the table
# shows everything at once) and the exit status is 1. Suites print SKIPPED: only off CI
# (tools/test/require.sh); under CI=true a missing tool is a failure.
#
#   tools/test/run-suites.sh SUITE...      (MAKE names the make to call)
set -uo pipefail

# Everything is in main, read whole before it runs: editing this file during a run is safe.
main() {
make=${MAKE:-make}
logs=build/test-logs
mkdir -p "$logs"
total=$#
names=() results=() times=()
start_all=$(date +%s)

# One line that says what the suite did: cargo's per-binary results are summed, other
# suites end with a summary line of their own.
summary() {
  local log=$1 last
  last=$(grep -v '^\s*$' "$log" | grep -v '^make\(\[[0-9]*\]\)\?: \*\*\*' | tail -n 1)
  if grep -q '^\(FAILED\|SKIPPED\): ' "$log"; then
    last=$(grep '^\(FAILED\|SKIPPED\): ' "$log" | tail -n 1)
  fi
  if grep -q '^test result: ' "$log" && [[ $last != FAILED:* && $last != SKIPPED:* ]]; then
    awk '/^test result: / {p+=$4; f+=$6; i+=$8; n++}
         END {printf "%d passed, %d failed, %d ignored (%d cargo test binaries)", p, f, i, n}' "$log"
  else
    printf '%s' "${last:-(no output)}" | cut -c1-110
  fi
}

i=0
for suite in "$@"; do
  i=$((i + 1))
  log=$logs/$suite.log
  t0=$(date +%s.%N)
  "$make" --no-print-directory "$suite" >"$log" 2>&1
  rc=$?
  t=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
  if [ $rc -ne 0 ]; then
    result=FAILED
  elif grep -q '^SKIPPED: ' "$log"; then
    result=skipped
  else
    result=passed
  fi
  names+=("$suite") results+=("$result") times+=("$t")
  printf '[%2d/%d] %-20s %-7s %7s s  %s\n' "$i" "$total" "$suite" "$result" "$t" "$(summary "$log")"
  if [ "$result" = FAILED ]; then
    echo "------ last lines of $log ------"
    tail -n 60 "$log"
    echo "------"
  elif [ "$result" = skipped ]; then
    grep '^SKIPPED: ' "$log" | sed 's/^/         /'
  fi
done

passed=0 failed=0 skipped=0
echo
printf '%-20s %-8s %9s\n' suite result time
for k in "${!names[@]}"; do
  printf '%-20s %-8s %7s s\n' "${names[$k]}" "${results[$k]}" "${times[$k]}"
  case ${results[$k]} in passed) passed=$((passed + 1)) ;; FAILED) failed=$((failed + 1)) ;; *) skipped=$((skipped + 1)) ;; esac
done
elapsed=$(( $(date +%s) - start_all ))
printf '%-20s %-8s %7s s\n' total "" "$elapsed"
echo "suites: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
}

main "$@"
exit
