"""Checks the README's feature matrix against what each surface really exports.

Usage: feature_matrix.py README.md ROOT PYTHON NODE [WASM_MODULE]

The matrix (the table under "## Feature matrix") names, per feature, the item that
provides it in each language, in backticks. Each named item must exist: Rust items
are looked up in the crate's sources (`crate::item` or `crate::Type::method`), C
functions in include/paynet_oauth.h, Python attributes on the installed `paynet_oauth`
package (run with PYTHON), Node properties on the built package (`Client#getBalance`
is a prototype method), WebAssembly exports on the wasm package's ES module. A cell
without a name fails for Rust, C, Python and Node (they offer every feature); in the
WebAssembly column a cell may say why the feature is absent instead. Prints one
summary line.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

readme, root, python, node = sys.argv[1:5]
wasm_module = sys.argv[5] if len(sys.argv) > 5 else None
root = Path(root)

text = Path(readme).read_text()
section = re.search(r"^## Feature matrix\n(.*?)(?=^## )", text, re.S | re.M)
if not section:
    sys.exit("feature matrix: README.md has no '## Feature matrix' section")
rows = [line for line in section.group(1).splitlines() if line.startswith("|")]
header = [c.strip() for c in rows[0].strip("|").split("|")]
languages = header[1:]
cells = []
for line in rows[2:]:
    parts = [c.strip() for c in line.strip("|").split("|")]
    feature, names = parts[0], parts[1:]
    for language, cell in zip(languages, names):
        cells.append((feature, language, re.findall(r"`([^`]+)`", cell)))

failures = []


def rust_exists(name: str) -> bool:
    crate, *path = name.split("::")
    src = root / "crates" / crate.replace("_", "-") / "src"
    if not src.is_dir():
        return False
    item = path[-1]
    pattern = re.compile(rf"pub (async )?(fn|struct|enum|const|trait|use [^;]*\b)\s*{re.escape(item)}\b|pub use [^;]*\b{re.escape(item)}\b")
    return any(pattern.search(p.read_text()) for p in src.rglob("*.rs"))


c_header = (root / "include" / "paynet_oauth.h").read_text()

script_py = """
import json, sys, paynet_oauth
missing = []
for name in json.load(sys.stdin):
    obj = paynet_oauth
    for part in name.split('.'):
        if not hasattr(obj, part):
            missing.append(name); break
        obj = getattr(obj, part)
print(json.dumps(missing))
"""

script_js = """
const names = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const load = async () => process.argv[2] ? import(process.argv[2]) : require(process.argv[1]);
load().then((mod) => {
  const missing = [];
  for (const name of names) {
    let obj = mod;
    for (const part of name.replace('#', '.prototype.').split('.')) {
      if (obj == null || !(part in Object(obj))) { missing.push(name); obj = null; break; }
      obj = obj[part];
    }
  }
  console.log(JSON.stringify(missing));
});
"""


def missing_in(command: list, names: list) -> list:
    out = subprocess.run(command, input=json.dumps(names), capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"feature matrix: {' '.join(command[:2])} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


by_language = {}
for feature, language, names in cells:
    if not names and language != "WebAssembly":
        failures.append(f"{feature}: no {language} item named")
    by_language.setdefault(language, []).extend((feature, n) for n in names)

for language, items in by_language.items():
    names = [n for _, n in items]
    if language == "Rust":
        missing = [n for n in names if not rust_exists(n)]
    elif language == "C":
        missing = [n for n in names if not re.search(rf"\b{re.escape(n)}\(", c_header)]
    elif language == "Python":
        missing = missing_in([python, "-c", script_py], names)
    elif language == "Node":
        missing = missing_in([node, "-e", script_js, str(root / "bindings" / "node")], names)
    elif language == "WebAssembly":
        if not wasm_module:
            sys.exit("feature matrix: the WebAssembly column needs the wasm module's path")
        missing = missing_in([node, "-e", script_js, "-", Path(wasm_module).resolve().as_uri()], names)
    else:
        sys.exit(f"feature matrix: unknown column {language!r}")
    failures += [f"{f}: {language} has no {n}" for f, n in items if n in missing]

if failures:
    print("feature matrix: FAILED\n  " + "\n  ".join(failures))
    sys.exit(1)
features = len({f for f, _, _ in cells})
print(f"feature matrix: {features} features x {len(languages)} languages, {sum(len(n) for *_, n in cells)} items found")
