"""Properties of figures.numbers.parse_numeral: every grouping style it accepts reads back the
exact Decimal that was written, with the place value of the last digit as precision."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figures.extract.numerals import parse_numeral

amounts = st.decimals(min_value=0, max_value=Decimal("1e15"), places=2, allow_nan=False,
                      allow_infinity=False)


def _grouped(d: Decimal, thousands: str, decimal: str) -> str:
    whole, _, frac = f"{d:.2f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return thousands.join(groups) + decimal + frac


@given(amounts)
def test_western_grouping_round_trips(d):
    assert parse_numeral(_grouped(d, ",", ".")) == (d, Decimal("0.01"))


@given(amounts.filter(lambda d: d >= 1000))
def test_continental_grouping_round_trips(d):
    assert parse_numeral(_grouped(d, ".", ",")) == (d, Decimal("0.01"))


@given(amounts)
def test_space_grouping_round_trips(d):
    assert parse_numeral(_grouped(d, "\u202f", ".")) == (d, Decimal("0.01"))


@pytest.mark.parametrize("token", ["1,2,3", "2,5", "1.2.3", "1.234.5", "1.23,4", "12.34,5"])
def test_ambiguous_groupings_are_not_numbers(token):
    assert parse_numeral(token) is None
