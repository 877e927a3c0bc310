#!/usr/bin/env bash
# The main job: index journal/ and render the site into _site/ with the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
journal=${1:-.build/release/journal}
has() { "$journal" help "$1" >/dev/null 2>&1; }
# The data folders the journal's experiments read.
[ -d ../shared/data ] && export JOURNAL_DATA="${JOURNAL_DATA:+$JOURNAL_DATA:}$(cd ../shared/data && pwd)"
echo "journal: $("$journal" --version), $(ls journal/*/*.md | wc -l) entries in journal/"
if has index; then "$journal" index; fi
if has build; then "$journal" build --out _site; fi
if ! has build; then
  # Until the site lands, check the journal reads and round-trips.
  "$journal" export > /dev/null && echo "journal export: ok"
fi
