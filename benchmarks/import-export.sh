#!/usr/bin/env bash
# Issue 2: import and export of a 10,000-entry single-file journal (about 13 MB), and reading
# the day-file folder back (export reads every entry), timed with hyperfine.
# Goal: reading 10,000 entries well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."
journal=${JOURNAL_BIN:-$PWD/.build/release/journal}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
benchmarks/generate-journal --entries 10000 --layout single --out "$work/j10k.md"
echo "input: $(du -h "$work/j10k.md" | cut -f1), 10,000 entries"
hyperfine --warmup 1 --runs 5 --export-json "$work/import.json" \
  --prepare "rm -rf $work/imp && mkdir $work/imp" \
  "$journal import --journal $work/imp $work/j10k.md"
mkdir -p "$work/exp" && "$journal" import --journal "$work/exp" "$work/j10k.md" > /dev/null
hyperfine --warmup 2 --runs 10 --export-json "$work/export.json" \
  "$journal export --journal $work/exp -o $work/out.md"
cmp "$work/out.md" "$work/j10k.md" && echo "round trip: byte-identical"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
imp = json.load(open(f"{w}/import.json"))["results"][0]["median"]
exp = json.load(open(f"{w}/export.json"))["results"][0]["median"]
print(f"import 10k: {imp*1000:.0f} ms median; export (reads all 10k day files): {exp*1000:.0f} ms "
      f"median; goal < 1000 ms: ratio {exp/1.0:.2f}x of the goal")
PY
