#!/bin/sh
# The CS231n two-layer spiral network (300 points, 100 hidden units, float64, full batch):
# Tensors vs NumPy in the same run, with the same deterministic data and weights. Prints the
# time per step, the speed ratio (NumPy / Tensors; the goal is >= 2) and both final losses.
set -eu
cd "$(dirname "$0")/.."
steps=${1:-10000}
swift build -c release --target Tensors >/dev/null 2>&1
bin=.build/release
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -O -wmo benchmarks/tensors-spiral.swift -o "$out/bench" \
  -I "$bin/Modules" -I Sources/COpenBLAS -I Sources/CMalloc -Xcc $(pkg-config --cflags openblas) \
  "$bin"/Tensors.build/*.o
OPENBLAS_NUM_THREADS=1 "$out/bench" "$steps" > "$out/swift.txt"
OPENBLAS_NUM_THREADS=1 python3 benchmarks/tensors-spiral.py "$steps" > "$out/numpy.txt"
awk 'NR == FNR { np[$1] = $2; npc[$1] = $3; next }
  $1 == "spiral-step" { printf "spiral step wall: tensors %.1fus numpy %.1fus ratio %.2fx\n", $2 * 1e6, np[$1] * 1e6, np[$1] / $2
    printf "spiral step cpu:  tensors %.1fus numpy %.1fus ratio %.2fx\n", $3 * 1e6, npc[$1] * 1e6, npc[$1] / $3 }
  $1 == "final-loss" { printf "final loss: tensors %s numpy %s\n", $2, np[$1] }' \
  "$out/numpy.txt" "$out/swift.txt"
