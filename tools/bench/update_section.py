"""Replaces one section of BENCHMARKS.md, between `<!-- NAME:begin -->` and
`<!-- NAME:end -->`, with the text read from standard input (creating it if absent)."""

import sys
from pathlib import Path

name, path = sys.argv[1], Path(sys.argv[2])
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
body = sys.stdin.read().strip("\n")
text = path.read_text() if path.exists() else "# Benchmarks\n\nEach section is written by `make bench` (or the target named in it); figures are ratios measured side by side in one run on the machine named there.\n"
block = f"{begin}\n{body}\n{end}"
if begin in text and end in text:
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    text = head + block + tail
else:
    text = text.rstrip("\n") + "\n\n" + block + "\n"
path.write_text(text)
