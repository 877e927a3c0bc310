#!/usr/bin/env bash
# Issue 6 (cell language): plain-Python programs run by our interpreter side by side with
# CPython, timed with hyperfine, printed as ratios (ours / CPython; goal <= 1.0x), plus the
# start-up time to the first statement (goal <= 20 ms).
# Runs `journal exec` (the release binary; INTERP_RUNNER=command overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runner=${INTERP_RUNNER:-}
if [ -z "$runner" ]; then
  [ -x .build/release/journal ] || swift build -c release --product journal >/dev/null
  runner="$PWD/.build/release/journal exec"
fi
for prog in benchmarks/interp/*.py; do
  name=$(basename "$prog" .py)
  if ! cmp -s <(python3 "$prog") <($runner "$prog"); then
    echo "$name: output differs from CPython"; exit 1
  fi
  hyperfine --warmup 1 --runs 5 --export-json "$work/$name.json" \
    "python3 $prog" "$runner $prog" > /dev/null
  python3 - "$work/$name.json" "$name" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
py, ours = r[0]["median"], r[1]["median"]
print(f"{sys.argv[2]:>8}: CPython {py*1000:7.1f} ms  ours {ours*1000:7.1f} ms  ratio {ours/py:.2f}x")
PY
done
