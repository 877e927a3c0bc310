#!/usr/bin/env bash
# The main job: index journal/ and render the site into _site/ with the release binary.
# The site shows the cells' frozen outputs (journal/.outputs/); `journal run-entry --all`
# refreshes them, and `journal status` lists the stale ones.
set -euo pipefail
cd "$(dirname "$0")/.."
journal=${1:-.build/release/journal}
# The data folders the journal's experiments read.
[ -d ../shared/data ] && export JOURNAL_DATA="${JOURNAL_DATA:+$JOURNAL_DATA:}$(cd ../shared/data && pwd)"
echo "journal: $("$journal" --version), $(ls journal/*/*.md | wc -l) entries in journal/"
"$journal" index
"$journal" build --out _site
"$journal" status || true
echo "open _site/index.html, or run: $journal serve"
