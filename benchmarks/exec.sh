#!/usr/bin/env bash
# Issue 6 speed goals for `journal exec`, side by side with CPython in one run (hyperfine):
#   spiral   benchmarks/exec/spiral.py, the CS231n two-layer net in plain NumPy, 10,000 steps
#   charrnn  benchmarks/exec/charrnn.py, the PyTorch char-RNN names classifier, 20,000 steps
#   startup  a one-statement script: `journal exec` to its first statement (goal <= 20 ms)
# The same file runs under both; outputs must be identical before anything is timed. Ratios are
# ours / CPython (goal <= 1.0x), of wall time and of CPU time (user + sys), since wall time is
# inflated on a shared machine. BLAS and OpenMP run one thread on both sides.
# Usage: benchmarks/exec.sh [runs]   (JOURNAL=path/to/journal overrides the release binary)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
journal=${JOURNAL:-.build/release/journal}
[ -x "$journal" ] || swift build -c release --product journal >/dev/null
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
export JOURNAL_DATA=../shared/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

report() { # name json
  python3 - "$2" "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
def cpu(x): return x["user"] + x["system"]
py, ours = r[0], r[1]
unit, scale = ("ms", 1000) if py["median"] < 1 else ("s", 1)
print(f"{sys.argv[2]:>8}: CPython {py['median']*scale:8.3f} {unit} (cpu {cpu(py)*scale:8.3f})"
      f"  journal {ours['median']*scale:8.3f} {unit} (cpu {cpu(ours)*scale:8.3f})"
      f"  ratio {ours['median']/py['median']:.2f}x (cpu {cpu(ours)/cpu(py):.2f}x)")
PY
}

for name in spiral charrnn; do
  prog=benchmarks/exec/$name.py
  python3 "$prog" > "$work/$name.py.txt"
  "$journal" exec "$prog" > "$work/$name.ours.txt"
  if ! cmp -s "$work/$name.py.txt" "$work/$name.ours.txt"; then
    echo "$name: journal exec prints something else than CPython:"
    diff "$work/$name.py.txt" "$work/$name.ours.txt" | head -20
    exit 1
  fi
  hyperfine -N --runs "$runs" --export-json "$work/$name.json" \
    "python3 $prog" "$journal exec $prog" > /dev/null
  report "$name" "$work/$name.json"
done

# Start-up: a script of one statement. The anchor row is CPython doing the same.
echo 'x = 1' > "$work/one.py"
hyperfine -N --warmup 5 --runs 50 --export-json "$work/startup.json" \
  "python3 -S $work/one.py" "$journal exec $work/one.py" > /dev/null
report startup "$work/startup.json"
python3 - "$work/startup.json" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["results"][1]
ms = ours["median"] * 1000
print(f" startup: journal exec of one statement {ms:.1f} ms (goal <= 20 ms): "
      + ("ok" if ms <= 20 else "over"))
PY
