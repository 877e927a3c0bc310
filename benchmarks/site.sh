#!/usr/bin/env bash
# Issue 8: the static site. On the 10,000-entry synthetic journal (benchmarks/generate-journal),
# side by side in one run with hyperfine:
#   full `journal build` against Hugo (Debian's `hugo`) building the same entries with a minimal
#   theme (entry pages with a table of contents and prev/next, paginated home and section lists,
#   tag lists, RSS, sitemap; Hugo renders no math, we do)    goal: at most 1.0x Hugo's time;
#   `journal build` after editing one entry                   goal: at most 0.2 s;
#   peak memory (maximum resident set size) of both full builds.
# Prints each figure as a ratio of its goal (below 1.00 meets it).
set -euo pipefail
cd "$(dirname "$0")/.."
journal=${JOURNAL_BIN:-$PWD/.build/release/journal}
entries=${ENTRIES:-10000}
generator=${GENERATOR:-benchmarks/generate-journal}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$journal" ] || swift build -c release --product journal
command -v hugo > /dev/null || { echo "site.sh: needs hugo (apt-get install -y hugo)" >&2; exit 1; }

"$generator" --entries "$entries" --layout days --out "$work/j" > /dev/null
echo "journal: $entries day files, $(du -sh "$work/j/journal" | cut -f1); $(hugo version | cut -d' ' -f1-2)"

# The same entries as Hugo content: title from the first heading, date from the file name.
python3 - "$work/j" "$work/hugo" <<'PY'
import os, pathlib, sys
src, dst = pathlib.Path(sys.argv[1]) / "journal", pathlib.Path(sys.argv[2])
posts = dst / "content/posts"
posts.mkdir(parents=True)
for path in sorted(src.glob("*/*.md")):
    text = path.read_text()
    title = next((l.lstrip("#").strip() for l in text.splitlines() if l.startswith("#")), path.stem)
    title = title.replace("\\", "\\\\").replace('"', '\\"')
    (posts / path.name).write_text(f'---\ntitle: "{title}"\ndate: {path.stem}\n---\n{text}')
(dst / "config.toml").write_text('''baseURL = "http://localhost:8000/"
title = "Journal"
paginate = 10
disableKinds = []
[permalinks]
  posts = "/:year/:month/:day/"
[markup.goldmark.renderer]
  unsafe = true
''')
layouts = dst / "layouts/_default"
layouts.mkdir(parents=True)
(layouts / "baseof.html").write_text('''<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="stylesheet" href="/style.css"></head>
<body><header><a href="/">Journal</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
''')
(layouts / "single.html").write_text('''{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time>
<nav>{{ .TableOfContents }}</nav>{{ .Content }}</article>
<nav>{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>{{ end }}
''')
(layouts / "list.html").write_text('''{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Summary | plainify | truncate 220 }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
''')
(dst / "layouts/index.html").write_text((layouts / "list.html").read_text())
PY

hyperfine --runs "$runs" --export-json "$work/full.json" \
  --prepare "rm -rf $work/site $work/public" \
  -n "journal build" "$journal build --journal $work/j --out $work/site" \
  -n "hugo" "hugo --quiet -s $work/hugo -d $work/public"

day=$(ls "$work/j/journal"/*/*.md | sort | sed -n "$((entries / 2))p")
"$journal" build --journal "$work/j" --out "$work/site" > /dev/null
hyperfine --warmup 1 --runs "$runs" --export-json "$work/edit.json" \
  --prepare "echo 'Edited again: one more line.' >> $day" \
  -n "journal build after editing one entry" "$journal build --journal $work/j --out $work/site"

rm -rf "$work/site" "$work/public"
journal_kb=$(/usr/bin/time -f %M "$journal" build --journal "$work/j" --out "$work/site" 2>&1 > /dev/null | tail -1)
hugo_kb=$(/usr/bin/time -f %M hugo --quiet -s "$work/hugo" -d "$work/public" 2>&1 > /dev/null | tail -1)
pages=$(find "$work/site" -name '*.html' | wc -l)
hugo_pages=$(find "$work/public" -name '*.html' | wc -l)

python3 - "$work" "$journal_kb" "$hugo_kb" "$pages" "$hugo_pages" <<'PY'
import json, sys
work, jkb, hkb, pages, hpages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
full = {r["command"]: r for r in json.load(open(f"{work}/full.json"))["results"]}
edit = json.load(open(f"{work}/edit.json"))["results"][0]
j, h = full["journal build"]["mean"], full["hugo"]["mean"]
cpu = lambda r: r["user"] + r["system"]
print(f"full build:  journal {j:.2f} s ({pages} pages), hugo {h:.2f} s ({hpages} pages): "
      f"{j / h:.2f}x hugo (goal <= 1.00x)")
print(f"  CPU time:  journal {cpu(full['journal build']):.2f} s, hugo {cpu(full['hugo']):.2f} s: "
      f"{cpu(full['journal build']) / cpu(full['hugo']):.2f}x (wall time depends on the load)")
print(f"edit one entry, rebuild: {edit['mean'] * 1000:.0f} ms (median {edit['median'] * 1000:.0f} ms): "
      f"{edit['mean'] / 0.2:.2f}x goal of 0.2 s")
print(f"peak memory: journal {jkb / 1024:.0f} MiB, hugo {hkb / 1024:.0f} MiB ({jkb / hkb:.2f}x)")
PY
