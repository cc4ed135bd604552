# Applied to cbindgen's output by `make header` and the drift check (gen-header in
# mk/30-c.mk). cbindgen 0.29.4 writes these for the fixed-size (`#[repr(u32)]`) enums and
# for `extern "C"` with no setting to change them; rewritten, the header is C89-clean
# (`make test-header-standards` compiles it with -std=c89 -pedantic -Wundef).

# __STDC_VERSION__ is not defined in C89: -Wundef warns where it is compared unguarded.
s/__STDC_VERSION__ >= 202311L/(defined(__STDC_VERSION__) \&\& __STDC_VERSION__ >= 202311L)/g

# A `//` comment is C99: the ones after `#endif` and after the `}` of `extern "C"`
# become `/* */` comments.
s|^#endif *// \(.*\)$|#endif /* \1 */|
s|^} *// \(.*\)$|} /* \1 */|

# C89 allows no comma after an enum's last enumerator: over each pair of lines, the
# comma before a closing `};` goes.
$!N
s/,\(\n};\)/\1/
P
D
