"""Prints the .text bytes of the probe's own object (the core's signing path after LTO),
leaving out compiler_builtins (memcpy, division helpers) that any firmware already links."""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

archive = Path(sys.argv[1]).resolve()
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["ar", "x", str(archive)], cwd=tmp, check=True)
    objects = [p for p in Path(tmp).iterdir() if p.name.startswith("paynet_size_probe")]
    total = 0
    for obj in objects:
        out = subprocess.run(["readelf", "-S", "-W", str(obj)], capture_output=True, text=True, check=True).stdout
        for m in re.finditer(r"\]\s+(\S+)\s+(\S+)\s+\S+\s+\S+\s+([0-9a-f]+)", out):
            name, kind, size = m.group(1), m.group(2), int(m.group(3), 16)
            if name.startswith(".text") and kind == "PROGBITS":
                total += size
print(total)
