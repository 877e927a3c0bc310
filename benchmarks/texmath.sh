#!/bin/sh
# Benchmark of TeXMath: converts the development corpus (KaTeX's screenshotter cases and support
# table) and prints formulas per second against the issue's goal of 50,000.
# The module has no dependencies, so its sources compile directly with a small driver: no
# executable target is needed in Package.swift. Usage: benchmarks/texmath.sh [--failures]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/benchmarks/out"
mkdir -p "$out"
swiftc -O -wmo -parse-as-library -module-name TeXMathBench -o "$out/texmath-bench" \
  "$root"/Sources/TeXMath/*.swift \
  "$root/Tests/TeXMathTests/DevelopmentCorpus.swift" \
  "$root/benchmarks/texmath-main.swift"
cd "$root"
"$out/texmath-bench" "$root/../shared/data" "$@"
