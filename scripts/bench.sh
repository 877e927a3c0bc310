#!/usr/bin/env bash
# Runs every benchmark under benchmarks/ (executable files named *.sh), in order.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p benchmarks/out
status=0
for b in benchmarks/*.sh; do
  [ -x "$b" ] || continue
  echo "== $b"
  "$b" || { echo "benchmark failed: $b"; status=1; }
done
exit $status
