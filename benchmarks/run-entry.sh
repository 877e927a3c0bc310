#!/usr/bin/env bash
# Issue 9: the cost of `journal run-entry --python` around the cells themselves, and of reusing
# frozen outputs, timed with hyperfine; then `run-entry --all` on the repo's journal (time per
# entry, from its summary lines) when the journal has cells, in the embedded engine and in
# python3; then the 2018-09-17 NameNet training (benchmarks/namenet.py) in the engine against
# PyTorch CPU, with the ratio (the issue's goal: the engine takes at most as long).
# Anchor: the same cells run as one script by the same python3. Goal: overhead well under 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
journal=${JOURNAL_BIN:-$PWD/.build/release/journal}
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/j/journal/2018"
entry="$work/j/journal/2018/2018-09-17.md"
script="$work/cells.py"
printf '# Benchmark\n\n' > "$entry"
: > "$script"
for i in $(seq 1 20); do
  cell="import random\nrandom.seed($i)\nv$i = sum(random.random() for _ in range(20000))\nprint($i, round(v$i, 3))\n"
  printf '```python run\n'"$cell"'```\n\n' >> "$entry"
  printf "$cell" >> "$script"
done
hyperfine --warmup 1 --runs 5 --export-json "$work/script.json" "$python $script"
hyperfine --warmup 1 --runs 5 --export-json "$work/run.json" \
  "$journal run-entry --journal $work/j 2018-09-17 --force --python $python"
hyperfine --warmup 1 --runs 10 --export-json "$work/frozen.json" \
  "$journal run-entry --journal $work/j 2018-09-17 --python $python"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
med = lambda n: json.load(open(f"{w}/{n}.json"))["results"][0]["median"]
script, run, frozen = med("script"), med("run"), med("frozen")
print(f"20 cells: python script {script*1000:.0f} ms, run-entry --force {run*1000:.0f} ms "
      f"(ratio {run/script:.2f}x, overhead {(run-script)*1000:.0f} ms), frozen reuse "
      f"{frozen*1000:.0f} ms")
PY
data=$(cd .. && pwd)/shared/data
if grep -rqs '```python run' journal/; then
  tmp="$work/repo" && mkdir -p "$tmp" && cp -R journal "$tmp/"
  echo "run-entry --all --force, embedded engine (time per entry; CPU = user+sys of the whole run):"
  JOURNAL_DATA="$data" /usr/bin/time -f "  total: %e s wall, %U+%S s CPU" \
    "$journal" run-entry --journal "$tmp" --all --force 2>&1 \
    | grep -E '^(journal/.*cells, .* run, .* in |  total: )' || true
  echo "run-entry --all --force --python $python:"
  JOURNAL_DATA="$data" "$journal" run-entry --journal "$tmp" --all --force --python "$python" \
    | grep -E '^journal/.*cells, .* run, .* in ' || true
else
  echo "run-entry --all: the repo's journal has no runnable cells yet"
fi

# NameNet (2018-09-17): the 100,000-step training loop in the engine and in PyTorch CPU, same
# script, same machine, one after the other. Goal: engine time <= PyTorch time (ratio <= 1).
steps=${NAMENET_STEPS:-100000}
if [ -d "$data/names" ]; then
  JOURNAL_DATA="$data" "$journal" exec benchmarks/namenet.py "$data/names" "$steps" \
    > "$work/namenet-engine.txt"
  "$python" benchmarks/namenet.py "$data/names" "$steps" > "$work/namenet-torch.txt"
  awk -v steps="$steps" 'NR == FNR { t[$1] = $2; next } { e[$1] = $2 }
    END {
      printf "NameNet %d steps: engine %.1f s CPU (%.1f s wall), PyTorch %.1f s CPU (%.1f s wall); ", steps, e["train-cpu"], e["train-wall"], t["train-cpu"], t["train-wall"]
      printf "ratio engine/PyTorch %.2fx CPU, %.2fx wall (goal <= 1); final loss engine %s, PyTorch %s\n", e["train-cpu"] / t["train-cpu"], e["train-wall"] / t["train-wall"], e["final-loss"], t["final-loss"]
    }' "$work/namenet-torch.txt" "$work/namenet-engine.txt"
else
  echo "NameNet: $data/names not found, skipped"
fi
