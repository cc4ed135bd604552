"""The exception classes come from the error-kind table every binding shares (issue 13):
a class per Python row with that name, that base, and the row's code and number, so a new
kind cannot be added without its Python class; MAX_PARAMS is the core's."""

from __future__ import annotations

import pytest

import paynet_oauth
from paynet_oauth import _errors

ROWS = [row for row in paynet_oauth.ERROR_KINDS if row[2] is not None]


def test_the_table_is_exported_whole() -> None:
    numbers = [row[1] for row in paynet_oauth.ERROR_KINDS]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert all(row[0].startswith("PAYNET_") for row in paynet_oauth.ERROR_KINDS)
    # The kinds only C meets (NULL, not UTF-8, a panic at the C boundary, a field number).
    c_only = {row[0] for row in paynet_oauth.ERROR_KINDS if row[2] is None}
    assert c_only == {"PAYNET_NULL_ARGUMENT", "PAYNET_INVALID_UTF8", "PAYNET_PANIC", "PAYNET_FIELD_ABSENT"}


@pytest.mark.parametrize(("kind", "number", "name", "base"), ROWS, ids=[row[2] or "" for row in ROWS])
def test_every_row_has_its_class(kind: str, number: int, name: str, base: str) -> None:
    cls = getattr(_errors, name)
    assert getattr(paynet_oauth, name) is cls and name in _errors.__all__ and name in paynet_oauth.__all__
    assert cls.__bases__[0] is getattr(_errors, base)
    assert issubclass(cls, paynet_oauth.PaynetError)
    assert (cls.kind, cls.number) == (kind, number)
    # `.code` keeps its meaning: the row's name (the core error's name for core errors).
    assert cls.code.upper() == kind.removeprefix("PAYNET_").replace("_", "")


def test_no_class_without_a_row() -> None:
    named = {row[2] for row in ROWS} | {"PaynetError", "VerificationError"}
    assert set(_errors.__all__) == named


def test_one_class_per_core_error_including_the_internal_ones() -> None:
    assert issubclass(paynet_oauth.BufferTooSmallError, paynet_oauth.InternalError)
    assert issubclass(paynet_oauth.WriteFailedError, paynet_oauth.InternalError)
    assert paynet_oauth.BufferTooSmallError is not paynet_oauth.WriteFailedError


def test_max_params_is_the_core_s_limit() -> None:
    assert paynet_oauth.MAX_PARAMS == 32
    assert str(paynet_oauth.MAX_PARAMS) in (paynet_oauth.TooManyParametersError.__doc__ or "")
    assert "48" not in (paynet_oauth.TooManyParametersError.__doc__ or "")
    url = "https://example.com/p"
    # The five oauth_* values, the signature's own parameter aside, count too.
    fits = [(f"p{i}", "v") for i in range(paynet_oauth.MAX_PARAMS - 6)]
    paynet_oauth.sign("POST", url, fits, consumer_key="k", consumer_secret="s")
    with pytest.raises(paynet_oauth.TooManyParametersError) as info:
        paynet_oauth.sign("POST", url, fits * 2, consumer_key="k", consumer_secret="s")
    assert info.value.kind == "PAYNET_TOO_MANY_PARAMETERS"
