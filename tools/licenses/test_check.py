"""Unit tests of the SPDX evaluator in check.py (run by `make test-licenses`)."""
import unittest

from check import satisfiable

ALLOWED = {"MIT", "Apache-2.0", "Apache-2.0 WITH LLVM-exception"}


class Spdx(unittest.TestCase):
    def test_or_needs_one_side(self):
        self.assertTrue(satisfiable("MIT OR GPL-2.0-only", ALLOWED))
        self.assertFalse(satisfiable("GPL-2.0-only OR LGPL-2.1-or-later", ALLOWED))

    def test_and_needs_both(self):
        self.assertTrue(satisfiable("MIT AND Apache-2.0", ALLOWED))
        self.assertFalse(satisfiable("MIT AND GPL-3.0-only", ALLOWED))
        self.assertTrue(satisfiable("(MIT OR GPL-3.0-only) AND Apache-2.0", ALLOWED))
        self.assertFalse(satisfiable("(MIT OR Apache-2.0) AND GPL-3.0-only", ALLOWED))

    def test_and_binds_tighter_than_or(self):
        self.assertTrue(satisfiable("GPL-3.0-only AND MIT OR Apache-2.0", ALLOWED))

    def test_slash_is_or_and_with_exceptions(self):
        self.assertTrue(satisfiable("MIT/Apache-2.0", ALLOWED))
        self.assertTrue(satisfiable("Apache-2.0 WITH LLVM-exception", ALLOWED))
        self.assertFalse(satisfiable("GPL-2.0-only WITH Classpath-exception-2.0", ALLOWED))

    def test_malformed_is_an_error(self):
        with self.assertRaises((ValueError, IndexError)):
            satisfiable("(MIT OR Apache-2.0", ALLOWED)


if __name__ == "__main__":
    unittest.main()
