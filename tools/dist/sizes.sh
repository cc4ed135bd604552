#!/usr/bin/env bash
# Appends one line `ARTIFACT<TAB>BEFORE<TAB>AFTER` (bytes) to a sizes file: the size of
# a native library before and after stripping. tools/dist/sizes_table.py renders them.
#
# Usage: sizes.sh SIZES_FILE NAME BEFORE_FILE AFTER_FILE
set -euo pipefail
file=$1 name=$2 before=$3 after=$4
touch "$file"
grep -v -F "$name	" "$file" >"$file.tmp" || true
printf '%s\t%s\t%s\n' "$name" "$(stat -c %s "$before")" "$(stat -c %s "$after")" >>"$file.tmp"
mv "$file.tmp" "$file"
