#!/bin/sh
# Benchmark of TeXMath: converts the development corpus (KaTeX's screenshotter cases and support
# table) and prints formulas per second against the issue's goal of 50,000.
# The module has no dependencies, so its sources compile directly with a small driver: no
# executable target is needed in Package.swift.
# Usage: benchmarks/texmath.sh [--failures]     (--failures lists what converts to <merror>)
#        benchmarks/texmath.sh --convert 'TEX' [--display]   (prints one formula's MathML)
#        benchmarks/texmath.sh --convert-file PATH [--display]   (the same, TEX read from a file)
#        benchmarks/texmath.sh --deepest [--stack KB]   (the deepest formulas on a KB stack)
#        benchmarks/texmath.sh --chains   (time of long chains at n and 4n: linear or not)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/benchmarks/out"
mkdir -p "$out"
swiftc -O -wmo -parse-as-library -module-name TeXMathBench -o "$out/texmath-bench" \
  $(find "$root/Sources/TeXMath" -name "*.swift") \
  "$root/Tests/TeXMathTests/DevelopmentCorpus.swift" \
  "$root/Tests/TeXMathTests/NestingCorpus.swift" \
  "$root/Tests/TeXMathTests/MathMLChecker.swift" \
  "$root/Tests/TeXMathTests/TeXFuzzGenerator.swift" \
  "$root/Tests/TestSupport/Fuzz.swift" "$root/Tests/TestSupport/TestSupport.swift" \
  "$root/benchmarks/texmath-main.swift"
cd "$root"
"$out/texmath-bench" "$root/../shared/data" "$@"
