#!/usr/bin/env bash
# Issue 3: render the 10,000-entry synthetic journal (about 13 MB) through our whole Markdown
# pipeline (`journal render` over every day file: math, emoji, highlighting, Document) and through
# the plain `cmark-gfm` command (Debian package cmark-gfm, same GFM extensions, same files) in the
# same run, timed with hyperfine.
# Goal: our pipeline within 1.5x of plain cmark-gfm.
set -euo pipefail
cd "$(dirname "$0")/.."
journal=${JOURNAL_BIN:-$PWD/.build/release/journal}
command -v cmark-gfm > /dev/null || { echo "render.sh: needs cmark-gfm (apt-get install cmark-gfm)" >&2; exit 1; }
command -v hyperfine > /dev/null || { echo "render.sh: needs hyperfine" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -x benchmarks/generate-journal ]; then
  benchmarks/generate-journal --entries 10000 --layout days --out "$work/days"
else
  # The shared generator has not landed: write a journal of the same shape here.
  python3 - "$work/days" <<'PY'
import datetime, os, random, sys
root = sys.argv[1]
rng = random.Random(2018)
words = ("gradient descent network layer tensor batch norm dropout softmax loss weight bias "
         "kernel stride padding recurrent sequence hidden state memory attention encoder").split()
emoji = ["snake", "fire", "rocket", "bulb", "memo", "tada", "+1", "bug"]
math = [r"$L_i = \sum_{j \ne y_i} \max(0, s_j - s_{y_i} + \Delta)$", r"$\frac{1}{n}\sum_i x_i$",
        r"$W_{hh}^T h_{t-1}$", r"$\|x\|_2^2$"]
display = ["$$\\begin{bmatrix} x_1 - \\mu_1\\\\ x_2 - \\mu_2 \\end{bmatrix}$$"]
code = ["import torch\nx = torch.randn(3, 4)\nprint(x.sum(dim=1))\n",
        "def relu(x):\n    return max(0.0, x)\n"]
def sentence(n):
    w = [rng.choice(words) for _ in range(n)]
    if rng.random() < 0.3: w.insert(rng.randrange(len(w)), f":{rng.choice(emoji)}:")
    if rng.random() < 0.4: w.insert(rng.randrange(len(w)), rng.choice(math))
    return " ".join(w).capitalize() + "."
day = datetime.date(1990, 1, 1)
for i in range(10000):
    out = []
    for s in range(rng.randint(1, 3)):
        out.append("#### " + " ".join(rng.choice(words) for _ in range(2)).title())
        for _ in range(rng.randint(3, 6)):
            out.append("- " + sentence(rng.randint(6, 14)))
        if rng.random() < 0.25: out += ["", rng.choice(display)]
        if rng.random() < 0.35:
            lang = "python run" if rng.random() < 0.2 else "python"
            out += ["", f"```{lang}\n{rng.choice(code)}```"]
        if rng.random() < 0.4:
            out.append(f"- See [notes {i}](https://example.org/{i}) and <https://example.com/{i}>.")
        out.append("")
    d = day + datetime.timedelta(days=i)
    path = os.path.join(root, "journal", str(d.year), d.isoformat() + ".md")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n" + "\n".join(out) + "\n")
PY
fi

files="$work/days/journal/*/*.md"
echo "input: $(cat $files | wc -c | awk '{printf "%.1f MB", $1/1e6}'), $(ls $files | wc -l) entries"
cmark="cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes"
hyperfine --warmup 1 --runs 5 --export-json "$work/render.json" \
  -n cmark-gfm "$cmark $files > /dev/null" \
  -n journal "$journal render $work/days/journal > /dev/null"
python3 - "$work/render.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
ours, plain = results["journal"], results["cmark-gfm"]
print(f"render 10k entries: journal {ours*1000:.0f} ms, cmark-gfm {plain*1000:.0f} ms median; "
      f"ratio {ours/plain:.2f}x (goal <= 1.50x)")
PY
