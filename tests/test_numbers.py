"""Properties of figures.numbers.parse_numeral: every grouping style it accepts reads back the
exact Decimal that was written, with the place value of the last digit as precision."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import figures
from figures.extract.numerals import FORM_OPEN_COMMA, FORM_OPEN_DOT, parse_numeral, read_numeral

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


@pytest.mark.parametrize("token", ["1,2,3", "2021,2022", "1.2.3", "1.234.5", "1.23,4", "12.34,5"])
def test_lists_and_versions_are_not_numbers(token):
    assert parse_numeral(token) is None


@pytest.mark.parametrize("token,value,precision", [
    ("2,5", "2.5", "0.1"),  # one or two digits after one comma: never an English group
    ("2,99", "2.99", "0.01"),
    ("12345,67", "12345.67", "0.01"),
    ("1.250.000", "1250000", "1"),  # two dots: groups, never a decimal point
    ("1'049,95", "1049.95", "0.01"),  # Swiss apostrophe grouping
    ("2\u2019750", "2750", "1"),
    ("2\u00a0499,00", "2499.00", "0.01"),
    ("4 806,60", "4806.60", "0.01"),  # a plain space, joined by the extractor only with care
])
def test_world_conventions_the_digits_settle(token, value, precision):
    assert parse_numeral(token) == (Decimal(value), Decimal(precision))


@pytest.mark.parametrize("token,english,other", [
    ("1,234", "1234", "1.234"), ("2.500", "2.500", "2500")])
def test_one_group_of_three_keeps_both_readings(token, english, other):
    value, _, alt, form = read_numeral(token)
    assert (value, alt) == (Decimal(english), Decimal(other))
    assert form in (FORM_OPEN_COMMA, FORM_OPEN_DOT)


def test_a_german_decimal_comma_is_read():
    figs = [f for f in figures.extract("Die Firma erzielte EUR 2,5 Millionen.") if f.text == "EUR 2,5"]
    assert figs and figs[0].value == Decimal("2.5") and figs[0].currency == "EUR"
