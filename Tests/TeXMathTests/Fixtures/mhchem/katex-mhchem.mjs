// The TeX that KaTeX's mhchem extension writes for each `\ce` argument, one per line: the
// expected outputs of MhchemTests. Run by hand, never in CI:
//   node katex-mhchem.mjs PATH/TO/KaTeX/contrib/mhchem/mhchem.js < inputs.txt > expected.txt
// mhchem.js (Apache 2.0, MIT) is loaded from KaTeX's repository, not copied here. Each output
// line is the TeX, or "ERROR " and mhchem's error name when mhchem throws.
import { readFileSync } from "node:fs";

const source = readFileSync(process.argv[2], "utf8")
  .replace(/^\uFEFF/, "")
  .replace(/^import katex from "katex";$/m, "");
const katex = { __defineMacro() {} };
const { mhchemParser, texify } = new Function(
  "katex",
  source + "\nreturn { mhchemParser, texify };",
)(katex);

const lines = readFileSync(0, "utf8").split("\n");
if (lines.at(-1) === "") lines.pop();
const out = [];
for (const line of lines) {
  try {
    out.push(texify.go(mhchemParser.go(line, "ce")));
  } catch (e) {
    out.push("ERROR " + (Array.isArray(e) ? e[0] : String(e && e.message)));
  }
}
process.stdout.write(out.join("\n") + "\n");
