#!/usr/bin/env bash
# Checks that two `journal` binaries give the same outputs: the site of the repo's journal, the
# site of a generated 10,000-entry journal, and `search --format json` for a dozen queries on
# both. For a redesign that must not change behaviour (the house issue): build the old commit's
# binary in a worktree, then
#
#   scripts/compare-outputs.sh OLD/.build/release/journal .build/release/journal
#
# Every file of both sites is compared byte for byte except the output manifest
# (`.journal-site`), which records cache keys, an implementation detail. Exit 1 on a difference.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE_BINARY AFTER_BINARY" >&2; exit 2; }
before=$(realpath "$1")
after=$(realpath "$2")
entries=${ENTRIES:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -d ../shared/data ] && export JOURNAL_DATA="$(cd ../shared/data && pwd)"
failed=0

same() { # label, folder A, folder B
  if diff -r -q -x .journal-site "$2" "$3" > "$work/diff.txt"; then
    echo "same: $1 ($(find "$2" -type f | wc -l) files)"
  else
    echo "DIFFERENT: $1"; head -20 "$work/diff.txt"; failed=1
  fi
}

# The journals: a copy of the repo's (its templates/ folder included) and a generated one.
mkdir -p "$work/repo"
cp -r journal templates "$work/repo/"
benchmarks/generate-journal --entries "$entries" --layout days --out "$work/big" > /dev/null

queries=(serializer 'gradient descent' '"gradient descent"' 'lstm OR gru' 'tensor -numpy'
  'code:torch.manual_seed' 'title:django' 'math:sigma' 'tag:ml' 'read_only_fields' 'nn.LSTM'
  'relu*' 'épée' 'C++')
for name in repo big; do
  for side in before after; do
    cp -r "$work/$name" "$work/$name-$side"
    bin=${!side}
    "$bin" build --journal "$work/$name-$side" --out "$work/$name-$side/_site" > /dev/null
    for i in "${!queries[@]}"; do
      "$bin" search --journal "$work/$name-$side" --format json --limit 0 "${queries[$i]}" \
        > "$work/$name-$side/q$i.json" 2> /dev/null || true
    done
    "$bin" search --journal "$work/$name-$side" --on 2018-09 --format json lstm \
      > "$work/$name-$side/q-dates.json" 2> /dev/null || true
  done
  same "site of the $name journal" "$work/$name-before/_site" "$work/$name-after/_site"
  mkdir -p "$work/$name-q-before" "$work/$name-q-after"
  # Absolute paths in the JSON name each copy's folder: compare with them made relative.
  for side in before after; do
    for f in "$work/$name-$side"/q*.json; do
      sed "s|$work/$name-$side/||g" "$f" > "$work/$name-q-$side/$(basename "$f")"
    done
  done
  same "search --format json on the $name journal (${#queries[@]} queries and a date filter)" \
    "$work/$name-q-before" "$work/$name-q-after"
done
exit $failed
