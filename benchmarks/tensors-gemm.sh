#!/bin/sh
# sgemm/dgemm at 64, 256, 1024 and the overhead of a small op with autograd: Tensors vs NumPy in
# the same run. Prints each figure and the speed ratio (NumPy time / Tensors time; >= 0.9 is the
# goal for GEMM). Builds Tensors in release and links this Swift script against it with swiftc,
# so no benchmark target is needed in Package.swift.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --target Tensors >/dev/null
bin=.build/release
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
blas_cflags=$(pkg-config --cflags openblas)
swiftc -O -wmo benchmarks/tensors-gemm.swift -o "$out/bench" \
  -I "$bin/Modules" -I Sources/COpenBLAS -Xcc $blas_cflags \
  "$bin"/Tensors.build/*.o $(pkg-config --libs openblas) -llapacke
"$out/bench" > "$out/swift.txt"
python3 benchmarks/tensors-gemm.py > "$out/numpy.txt"
printf '%-16s %14s %14s %8s\n' measure tensors numpy ratio
awk 'NR == FNR { np[$1] = $2; next }
  { n = ($1 in np) ? np[$1] : 0
    if (n > 0) printf "%-16s %12.2fus %12.2fus %7.2fx\n", $1, $2 * 1e6, n * 1e6, n / $2
    else printf "%-16s %12.3fus %14s %8s\n", $1, $2 * 1e6, "-", "-" }' "$out/numpy.txt" "$out/swift.txt"
