#!/usr/bin/env python3
"""What a .wasm is made of: the size of each section, and of each function's code
by its name (a build that kept its name section: the cargo output before wasm-bindgen
--remove-name-section), summed by crate, then the largest functions.

    wasm-sizes.py FILE.wasm [TOP]
"""
import re
import sys
from collections import Counter


def leb(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sections(data):
    i = 8
    while i < len(data):
        kind = data[i]
        size, j = leb(data, i + 1)
        yield kind, data[j:j + size]
        i = j + size


def crate_of(name):
    """The crate a (mangled) Rust symbol is from: legacy `_ZN<len><name>...` or v0
    `_R...C<hash>_<len><name>`, else the name itself (wasm-bindgen's own shims)."""
    legacy = re.match(r'_ZN(\d+)', name)
    if legacy:
        n = int(legacy.group(1))
        first = name[legacy.end():legacy.end() + n]
        if first.startswith('_$LT$'):
            inner = re.search(r'_\$LT\$([a-z_0-9]+)\.\.', first)
            return inner.group(1) if inner else first
        return first
    v0 = re.search(r'C[sk]?[0-9A-Za-z]*_(\d+)', name)
    if name.startswith('_R') and v0:
        n = int(v0.group(1))
        return name[v0.end():v0.end() + n]
    if name.endswith(' shim'):
        return '(exports: wasm-bindgen shims, with what was inlined into them)'
    # Already demangled: `<crate[hash]::path as ...>::f`, `crate::path::f::hHASH`.
    plain = re.sub(r'^(<|&|mut |impl |dyn )+', '', name)
    return re.split(r'\[|::| |<|>', plain)[0] or name


def main():
    data = open(sys.argv[1], 'rb').read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    ids = {0: 'custom', 1: 'type', 2: 'import', 3: 'function', 5: 'memory', 6: 'global', 7: 'export',
           9: 'elem', 10: 'code', 11: 'data', 12: 'datacount'}
    imported = 0
    bodies, names = [], {}
    print(f'{len(data)} bytes')
    for kind, body in sections(data):
        label = ids.get(kind, str(kind))
        if kind == 0:
            n, j = leb(body, 0)
            label += ' ' + body[j:j + n].decode()
            if body[j:j + n] == b'name':
                k = j + n
                while k < len(body):
                    sub, k = leb(body, k + 1) if False else (body[k], k + 1)
                    size, k = leb(body, k)
                    if sub == 1:
                        count, m = leb(body, k)
                        for _ in range(count):
                            index, m = leb(body, m)
                            length, m = leb(body, m)
                            names[index] = body[m:m + length].decode(errors='replace')
                            m += length
                    k += size
        elif kind == 2:
            count, j = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    length, j = leb(body, j)
                    j += length
                desc = body[j]
                j += 1
                if desc == 0:
                    imported += 1
                    _, j = leb(body, j)
                elif desc == 1:
                    j += 1
                    flags, j = leb(body, j)
                    _, j = leb(body, j)
                    if flags & 1:
                        _, j = leb(body, j)
                elif desc == 2:
                    flags, j = leb(body, j)
                    _, j = leb(body, j)
                    if flags & 1:
                        _, j = leb(body, j)
                else:
                    j += 2
        elif kind == 10:
            count, j = leb(body, 0)
            for _ in range(count):
                size, j = leb(body, j)
                bodies.append(size)
                j += size
        print(f'  section {label}: {len(body)}')
    by_crate, by_function = Counter(), Counter()
    for index, size in enumerate(bodies):
        name = names.get(imported + index, f'#{imported + index}')
        by_function[name] += size
        crate = crate_of(name)
        by_crate[crate] += size
    print('code by crate (first path segment):')
    for crate, size in by_crate.most_common(25):
        print(f'  {size:8} {crate}')
    print(f'largest {top} functions:')
    for name, size in by_function.most_common(top):
        print(f'  {size:8} {name[:150]}')


main()
