#!/usr/bin/env bash
# Prints the SONAME version of the C library for a crate VERSION: before 1.0 a minor
# release may break the ABI, so 0.MINOR; from 1.0 on, MAJOR.
#
# Usage: soversion.sh VERSION
set -euo pipefail
IFS=. read -r major minor _ <<<"$1"
if [[ $major == 0 ]]; then echo "0.$minor"; else echo "$major"; fi
