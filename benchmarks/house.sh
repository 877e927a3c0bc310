#!/usr/bin/env bash
# Issue 16 (the house): the redesign must keep the speed. Side by side in one hyperfine run, an
# older binary (BEFORE, e.g. built from the commit before the redesign in a worktree) and this
# one, on a generated journal (ENTRIES, default 10,000):
#   `journal --version` and `journal search serializer`   goal: within 10% of BEFORE (<= 1.10)
#   a full `journal build` and a rebuild after editing one entry (for the record)
# Prints after/before ratios (below 1.00: faster).
#   BEFORE=/path/to/old/journal benchmarks/house.sh
set -euo pipefail
cd "$(dirname "$0")/.."
after=${JOURNAL_BIN:-$PWD/.build/release/journal}
before=${BEFORE:?set BEFORE to the older journal binary}
entries=${ENTRIES:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$after" ] || make build
benchmarks/generate-journal --entries "$entries" --layout days --out "$work/j" > /dev/null
cp -r "$work/j" "$work/k"
"$before" index --journal "$work/j" > /dev/null
"$after" index --journal "$work/k" > /dev/null

ratio() { # json: the second command's median over the first's
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]
m=[x["median"] for x in r]; print(f"{sys.argv[2]}: before {m[0]*1000:.1f} ms, after {m[1]*1000:.1f} ms, ratio {m[1]/m[0]:.2f}")' "$1" "$2"
}
hyperfine -N --warmup 5 --runs 40 --export-json "$work/version.json" \
  "$before --version" "$after --version" > /dev/null
ratio "$work/version.json" "journal --version"
hyperfine -N --warmup 3 --runs 30 --export-json "$work/search.json" \
  "$before search --journal $work/j serializer" "$after search --journal $work/k serializer" \
  > /dev/null
ratio "$work/search.json" "journal search serializer (10k)"
hyperfine --runs "${BUILD_RUNS:-3}" --export-json "$work/build.json" \
  --prepare "rm -rf $work/j/_site $work/j/.journal/site-cache $work/k/_site $work/k/.journal/site-cache" \
  "$before build --journal $work/j" "$after build --journal $work/k" > /dev/null
ratio "$work/build.json" "full journal build"
edit="$work/edit.py"
cat > "$edit" <<'PY'
import sys, pathlib
p = pathlib.Path(sys.argv[1]) / "journal/2005/2005-06-01.md"
p.write_text(p.read_text() + "\nOne more line.\n")
PY
hyperfine --runs "${BUILD_RUNS:-5}" --export-json "$work/rebuild.json" \
  --prepare "python3 $edit $work/j; python3 $edit $work/k" \
  "$before build --journal $work/j" "$after build --journal $work/k" > /dev/null
ratio "$work/rebuild.json" "rebuild after editing one entry"
