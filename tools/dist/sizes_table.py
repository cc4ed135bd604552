"""Renders the release artifact sizes as a Markdown section for BENCHMARKS.md: each
native library before and after stripping (from the sizes file that tools/dist/*.sh
append to), then every file in dist/ as uploaded.

Usage: sizes_table.py SIZES_TSV DIST_DIR
"""

import sys
from pathlib import Path


def kib(n: int) -> str:
    """Bytes as KiB with one decimal."""
    return f"{n / 1024:,.1f} KiB"


def main() -> None:
    sizes, dist = Path(sys.argv[1]), Path(sys.argv[2])
    print("## Release artifacts (`make dist`)\n")
    print("Native libraries as built (release profile, which already drops debug info) and as")
    print("shipped (`strip --strip-unneeded`; `--strip-debug` for the static library). The wheels")
    print("and Node addons are linked by zig (glibc 2.17 / musl), whose output has no symbol table")
    print("left to strip; the C libraries are linked by gcc. The static library is mostly Rust's")
    print("std, of which a program keeps only what it calls.\n")
    print("| artifact (library) | before | after | saved |")
    print("|---|---:|---:|---:|")
    for line in sorted(sizes.read_text().splitlines()):
        name, before, after = line.split("\t")
        b, a = int(before), int(after)
        print(f"| {name} | {kib(b)} | {kib(a)} | {100 * (b - a) / b:.0f}% |")
    print("\nThe files in `dist/` (compressed, as uploaded):\n")
    print("| file | size |")
    print("|---|---:|")
    for path in sorted(p for p in dist.rglob("*") if p.is_file() and p.name != "SHA256SUMS"):
        print(f"| `{path.relative_to(dist)}` | {kib(path.stat().st_size)} |")


if __name__ == "__main__":
    main()
