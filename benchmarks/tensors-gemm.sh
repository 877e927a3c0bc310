#!/bin/sh
# sgemm/dgemm at 64, 256, 1024 and the overhead of a small op with autograd: Tensors vs NumPy in
# the same run. Prints each figure and the speed ratio (NumPy time / Tensors time; >= 0.9 is the
# goal for GEMM), then the resident memory around a million small training steps. Builds Tensors in release and links this Swift script against it with swiftc,
# so no benchmark target is needed in Package.swift.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --target Tensors >/dev/null
bin=.build/release
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
blas_cflags=$(pkg-config --cflags openblas)
swiftc -O -wmo benchmarks/tensors-gemm.swift -o "$out/bench" \
  -I "$bin/Modules" -I Sources/COpenBLAS -I Sources/CMalloc -Xcc $blas_cflags \
  "$bin"/Tensors.build/*.o
"$out/bench" > "$out/swift.txt"
python3 benchmarks/tensors-gemm.py > "$out/numpy.txt"
# Wall time is inflated by whatever else runs on the machine; CPU time (user + sys of every
# thread) is not, but counts OpenBLAS threads that spin while waiting. Both ratios are printed.
printf '%-24s %12s %12s %7s %12s %12s %7s\n' measure wall:tensors numpy ratio cpu:tensors numpy ratio
awk 'NR == FNR { np[$1] = $2; npc[$1] = $3; next }
  { n = ($1 in np) ? np[$1] : 0
    if ($1 ~ /^rss/) printf "%-24s %10d KiB\n", $1, $2
    else if (n > 0) printf "%-24s %10.2fus %10.2fus %6.2fx %10.2fus %10.2fus %6.2fx\n", $1, $2 * 1e6, n * 1e6, n / $2, $3 * 1e6, npc[$1] * 1e6, npc[$1] / $3
    else printf "%-24s %10.3fus %12s %7s %10.3fus\n", $1, $2 * 1e6, "-", "-", $3 * 1e6 }' "$out/numpy.txt" "$out/swift.txt"
