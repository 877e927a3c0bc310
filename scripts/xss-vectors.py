#!/usr/bin/env python3
"""Writes Tests/JournalSiteTests/Fixtures/xss-vectors.json, the XSS vectors SiteXSSTests
publishes, from two public corpora (by hand, never in CI):

  DOMPurify's test/fixtures/expect.mjs (cure53/DOMPurify, Apache-2.0 or MPL-2.0): every
  "payload", with its "title".
  OWASP's XSS Filter Evasion Cheat Sheet (OWASP/CheatSheetSeries,
  cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.md, CC BY-SA 4.0): every code span that is a line
  of its own and every fenced block holding a `<`, under the heading it follows.

Usage: scripts/xss-vectors.py EXPECT.mjs CHEATSHEET.md [OUT.json]
"""
import json
import re
import subprocess
import sys


def dompurify(path):
    # The fixture is an ES module; node reads it as one.
    script = (
        "import(process.argv[1]).then(m => process.stdout.write(JSON.stringify("
        "m.default.map(x => ({title: x.title, payload: x.payload})))))"
    )
    out = subprocess.run(["node", "-e", script, path], check=True, capture_output=True)
    return [
        {"source": "DOMPurify", "title": v.get("title", ""), "payload": v["payload"]}
        for v in json.loads(out.stdout)
        if isinstance(v["payload"], str)
    ]


def clean(payload):
    # The cheat sheet escapes some brackets for its own Markdown renderer, and many of its
    # spaces are no-break spaces (U+00A0), which no browser reads as space inside a tag: the
    # vectors as their authors meant them.
    return re.sub(r"\\([<>])", r"\1", payload).replace("\u00a0", " ")


def owasp(path):
    vectors, heading, fence = [], "", None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if fence is not None:
            if re.fullmatch(r"`{3,}\s*", line):
                text = "\n".join(fence)
                if "<" in text:
                    vectors.append({"source": "OWASP", "title": heading, "payload": clean(text)})
                fence = None
            else:
                fence.append(line)
            continue
        if re.match(r"`{3,}", line):
            fence = []
        elif line.startswith("#"):
            heading = line.lstrip("#").strip()
        else:
            m = re.fullmatch(r"\s*(?:\d+\.\s*)?`([^`]*<[^`]*)`\s*", line)
            if m:
                vectors.append({"source": "OWASP", "title": heading, "payload": clean(m.group(1))})
    return vectors


def main():
    vectors = dompurify(sys.argv[1]) + owasp(sys.argv[2])
    out = sys.argv[3] if len(sys.argv) > 3 else "Tests/JournalSiteTests/Fixtures/xss-vectors.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(vectors, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(vectors)} vectors -> {out}")


main()
