#!/usr/bin/env bash
# Issue 8: the static site. On the 10,000-entry synthetic journal (benchmarks/generate-journal),
# side by side in one run with hyperfine:
#   full `journal build` against Hugo (Debian's `hugo`) building the same entries with a minimal
#   theme (entry pages with a table of contents and prev/next, paginated home and section lists,
#   tag lists, RSS, sitemap; Hugo renders no math, we do)    goal: at most 1.0x Hugo's time;
#   `journal build` after editing one entry                   goal: at most 0.2 s;
#   peak memory (maximum resident set size) of both full builds and of the rebuild.
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

# A full build starts without the output folder and without the site cache (.journal/site-cache).
hyperfine --runs "$runs" --export-json "$work/full.json" \
  --prepare "rm -rf $work/site $work/public $work/j/.journal/site-cache" \
  -n "journal build" "$journal build --journal $work/j --out $work/site" \
  -n "hugo" "hugo --quiet -s $work/hugo -d $work/public"

day=$(ls "$work/j/journal"/*/*.md | sort | sed -n "$((entries / 2))p")
"$journal" build --journal "$work/j" --out "$work/site" > /dev/null
hyperfine --warmup 1 --runs "$runs" --export-json "$work/edit.json" \
  --prepare "echo 'Edited again: one more line.' >> $day" \
  -n "journal build after editing one entry" "$journal build --journal $work/j --out $work/site"

# Peak memory (maximum resident set size, /usr/bin/time -v) of each kind of build.
maxrss() { /usr/bin/time -v "$@" 2>&1 > /dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
rm -rf "$work/site" "$work/public" "$work/j/.journal/site-cache"
journal_kb=$(maxrss "$journal" build --journal "$work/j" --out "$work/site")
hugo_kb=$(maxrss hugo --quiet -s "$work/hugo" -d "$work/public")
echo 'Edited once more.' >> "$day"
edit_kb=$(maxrss "$journal" build --journal "$work/j" --out "$work/site")
pages=$(find "$work/site" -name '*.html' | wc -l)
# The search index (search/*.js) raw and gzip-compressed, against issue 18's budget of 300 kB
# compressed per 1,000 entries.
index_sizes=$(python3 - "$work/site/search" <<'PY'
import gzip, pathlib, sys
files = [f.read_bytes() for f in pathlib.Path(sys.argv[1]).glob("*.js")]
print(sum(map(len, files)), sum(len(gzip.compress(b, 9)) for b in files))
PY
)
hugo_pages=$(find "$work/public" -name '*.html' | wc -l)

python3 - "$work" "$journal_kb" "$hugo_kb" "$edit_kb" "$pages" "$hugo_pages" "$entries" \
  $index_sizes <<'PY'
import json, sys
work, jkb, hkb, ekb, pages, hpages = sys.argv[1], *map(int, sys.argv[2:5]), *sys.argv[5:7]
entries, index_raw, index_gz = map(int, sys.argv[7:10])
full = {r["command"]: r for r in json.load(open(f"{work}/full.json"))["results"]}
edit = json.load(open(f"{work}/edit.json"))["results"][0]
j, h = full["journal build"], full["hugo"]
cpu = lambda r: r["user"] + r["system"]
print(f"{'':26}{'wall':>10}{'CPU':>10}{'peak RSS':>12}")
print(f"{'journal build (full)':26}{j['mean']:>9.2f}s{cpu(j):>9.2f}s{jkb / 1024:>8.0f} MiB  ({pages} pages)")
print(f"{'hugo (full)':26}{h['mean']:>9.2f}s{cpu(h):>9.2f}s{hkb / 1024:>8.0f} MiB  ({hpages} pages)")
print(f"{'journal / hugo':26}{j['mean'] / h['mean']:>9.2f}x{cpu(j) / cpu(h):>9.2f}x"
      f"{jkb / hkb:>11.2f}x  (goal: wall <= 1.00x; wall depends on the load)")
print(f"{'journal, one entry edited':26}{edit['mean']:>9.3f}s{cpu(edit):>9.3f}s{ekb / 1024:>8.0f} MiB"
      f"  (median {edit['median'] * 1000:.0f} ms)")
print(f"{'edit / goal of 0.2 s':26}{edit['mean'] / 0.2:>9.2f}x{cpu(edit) / 0.2:>9.2f}x"
      f"{ekb / hkb:>11.2f}x  (memory vs hugo's full build)")
per_1000 = index_gz / entries * 1000
print(f"{'search index':26}{index_raw / 1e6:>9.2f} MB raw, {index_gz / 1e6:.2f} MB gzip: "
      f"{per_1000 / 1000:.0f} kB per 1,000 entries, {per_1000 / 300_000:.2f}x the budget of 300 kB")
PY
