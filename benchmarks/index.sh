#!/usr/bin/env bash
# Issue 4: the search index. On a synthetic journal of day files (benchmarks/generate-journal,
# 10,000 entries by default; ENTRIES=100000 for the large run), timed with hyperfine:
#   cold `journal index` (goal <= 1.5 s), no-op re-check (goal <= 50 ms),
#   `journal search` whole process (goal median <= 20 ms),
#   and jrnl 4.6 (PyPI) doing the same search on the same entries in its text format
#   (goal: journal at least 20x faster). Prints each figure as a ratio of its goal.
# Knobs: ENTRIES, WORD, COLD_RUNS, JRNL_RUNS, JRNL=0 (skip jrnl), JOURNAL_BIN.
set -euo pipefail
cd "$(dirname "$0")/.."
journal=${JOURNAL_BIN:-$PWD/.build/release/journal}
entries=${ENTRIES:-10000}
word=${WORD:-serializer}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$journal" ] || swift build -c release --product journal

if [ -x benchmarks/generate-journal ]; then
  benchmarks/generate-journal --entries "$entries" --layout days --out "$work/j"
else
  # Fallback until the shared generator is merged: ~1.3 kB days with headings, code and math.
  python3 - "$work/j" "$entries" <<'PY'
import datetime, os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(1)
words = ("gradient descent network layer tensor batch dropout softmax loss weight kernel "
         "recurrent sequence hidden state attention encoder decoder embedding serializer django "
         "python numpy torch lstm gaussian variance matrix optimizer momentum epoch").split()
day = datetime.date(2000, 1, 1)
for i in range(n):
    path = f"{out}/journal/{day.year}/{day.isoformat()}.md"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    body = []
    for s in range(rng.randint(1, 3)):
        body.append(f"#### {' '.join(rng.choice(words) for _ in range(3)).title()}")
        body += [f"- {' '.join(rng.choice(words) for _ in range(14))} $W_{{hh}}$." for _ in range(5)]
        body.append("```python\nmodel = nn.LSTM(10, 20)\ntorch.manual_seed(1)\n```\n")
    open(path, "w").write("\n".join(body) + "\n")
    day += datetime.timedelta(days=1)
PY
fi
echo "journal: $entries day files, $(du -sh "$work/j/journal" | cut -f1)"

hyperfine --runs "${COLD_RUNS:-5}" --export-json "$work/cold.json" \
  --prepare "rm -rf $work/j/.journal" \
  "$journal index --journal $work/j"
"$journal" index --journal "$work/j" > /dev/null
hyperfine --warmup 3 --runs 20 --export-json "$work/noop.json" \
  "$journal index --journal $work/j"
hyperfine --warmup 3 --runs 20 --export-json "$work/search.json" \
  "$journal search --journal $work/j $word" \
  "$journal search --journal $work/j --limit 0 --format paths $word" \
  "$journal --version" \
  "$journal search --journal $work/j --from 2005 '\"gradient descent\"'"
# Capture: an addition to an existing day, the index updated before it returns; then the
# first search after it (the new file is checked by its bytes, the index is not updated again).
hyperfine --warmup 1 --runs 10 --export-json "$work/add.json" \
  "$journal add --journal $work/j --date 2001-06-01 'A note about the serializer.'"
hyperfine --warmup 0 --runs 10 --export-json "$work/after-add.json" \
  --prepare "$journal add --journal $work/j --date 2001-06-02 'Another note.'" \
  "$journal search --journal $work/j $word"

jrnl_ok=0
if [ "${JRNL:-1}" = 0 ]; then
  :
elif command -v jrnl > /dev/null || pip install -q jrnl==4.6 > /dev/null 2>&1; then
  if command -v jrnl > /dev/null; then jrnl_ok=1; fi
fi
if [ "$jrnl_ok" = 1 ]; then
  # The same entries in jrnl's text format: `[YYYY-MM-DD HH:MM] title` then the body.
  python3 - "$work/j" "$work/jrnl.txt" <<'PY'
import os, sys
root, out = sys.argv[1], sys.argv[2]
days = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(root, "journal"))
              for f in fs if f.endswith(".md") and f[:4].isdigit())
with open(out, "w") as o:
    for path in days:
        date = os.path.basename(path)[:-3]
        text = open(path).read().strip("\n")
        first, _, rest = text.partition("\n")
        o.write(f"[{date} 09:00] {first.lstrip('# ')}\n{rest}\n\n")
PY
  mkdir -p "$work/cfg/jrnl"
  cat > "$work/cfg/jrnl/jrnl.yaml" <<YAML
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: $work/jrnl.txt
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
YAML
  XDG_CONFIG_HOME="$work/cfg" hyperfine --warmup 1 --runs "${JRNL_RUNS:-3}" \
    --export-json "$work/jrnl.json" \
    "jrnl -n 20 -contains $word" "jrnl -contains $word --short"
fi

python3 - "$work" "$entries" "$jrnl_ok" <<'PY'
import json, sys
w, n, jrnl = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
def results(name):
    return json.load(open(f"{w}/{name}.json"))["results"]
def medians(name):
    return [r["median"] for r in results(name)]
cold, = medians("cold")
noop, = medians("noop")
search, search_all, version, search_dated = medians("search")
add, = medians("add")
after_add, = medians("after-add")
def cpu(name, i=0):
    r = results(name)[i]
    return (r["user"] + r["system"]) * 1000
print(f"\n== journal index benchmarks, {n} entries (medians) ==")
print(f"cold index:        {cold*1000:8.1f} ms   goal 1500 ms  -> {cold/1.5:.2f}x of goal")
print(f"no-op re-check:    {noop*1000:8.1f} ms   goal   50 ms  -> {noop/0.05:.2f}x of goal")
print(f"search (top 20):   {search*1000:8.1f} ms   goal   20 ms  -> {search/0.02:.2f}x of goal")
print(f"search (all hits): {search_all*1000:8.1f} ms")
print(f"search --from 2005 '\"gradient descent\"': {search_dated*1000:8.1f} ms")
print(f"add (index updated): {add*1000:8.1f} ms; the search right after an add: {after_add*1000:.1f} ms")
print(f"process start (journal --version): {version*1000:.1f} ms")
print(f"CPU time (user+sys, mean): cold {cpu('cold'):.0f} ms, no-op {cpu('noop'):.0f} ms, "
      f"search {cpu('search'):.1f} ms, --version {cpu('search', 2):.1f} ms; "
      f"wall figures are inflated by other load on the machine")
if jrnl:
    j20, jall = medians("jrnl")
    print(f"jrnl -n 20 -contains: {j20*1000:8.1f} ms -> journal is {j20/search:.1f}x faster (goal >= 20x)")
    print(f"  by CPU time: jrnl {cpu('jrnl'):.0f} ms, journal {cpu('search'):.1f} ms -> "
          f"{cpu('jrnl')/cpu('search'):.1f}x (wall ratios shrink when other load slows both)")
    print(f"jrnl -contains --short (all): {jall*1000:8.1f} ms -> journal --format paths (all) is {jall/search_all:.1f}x faster")
else:
    print("jrnl 4.6 not available: no ratio")
PY
