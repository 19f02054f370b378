"""Issue 18 integrated: RateTable.default() is ECB, then NBP tables A/B, then legal pegs, and a
conversion check against a non-ECB currency names its source and uses that source's allowance.

The sentences are written for this test. Expected values come from the text: NT$3.2 billion is
about US$104 million at the spring-2023 rate of roughly 30.7 TWD per USD; AED is pegged near
3.67 per USD; VND traded near 23,500 per USD in May 2023.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import figures
from figures.normalize.rates.sources import ALLOWANCE_ECB, allowance
from figures.normalize.rates.table import RateTable, ecb_table

DATE = "2023-05-10"

WORLD = [
    ("Taipei-based Lumora Optics said it would spend NT$3.2 billion (US$104 million) on a new "
     "lens plant.", "TWD"),
    ("Hanoi's Sao Mai Logistics borrowed VND 4.7 trillion ($200 million) from three local banks.",
     "VND"),
    ("Dubai developer Sandcrest Holdings raised AED 1.1 billion ($300 million) in a sukuk sale.",
     "AED"),
]


def _conversion(text, date=DATE):
    found = [f for f in figures.check(text, date=date).findings if f.check == "conversion"]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(("text", "code"), WORLD)
def test_a_non_ecb_conversion_is_checked_and_names_its_source(text, code):
    f = _conversion(text)
    assert f.status == "consistent"
    assert "NBP" in f.details["rate_source"]
    assert "NBP" in f.message and "2023-05-10" in f.message
    # the NBP allowance (2.0% or more), not the ECB's 1.0%
    assert f.details["allowance"] > ALLOWANCE_ECB
    assert f.details["allowance"] == allowance(f.details["rate_source"])


def test_a_wrong_non_ecb_conversion_is_inconsistent():
    # NT$3.2 billion is about US$104 million, not US$150 million (a 44% gap)
    f = _conversion("Taipei-based Lumora Optics said it would spend NT$3.2 billion "
                    "(US$150 million) on a new lens plant.")
    assert f.status == "inconsistent"
    assert "NBP" in f.details["rate_source"]


def test_ecb_pairs_are_unchanged_by_the_second_source():
    d = datetime.date(2021, 10, 19)
    for base, quote in [("CNY", "USD"), ("EUR", "JPY"), ("GBP", "CHF")]:
        world = RateTable.default().rate(base, quote, d)
        ecb = ecb_table().rate(base, quote, d)
        assert (world.value, world.rate_date, world.source) == (ecb.value, ecb.rate_date,
                                                                 ecb.source)


def test_an_ecb_conversion_keeps_the_ecb_allowance():
    f = _conversion("Xiaomi will invest RMB 10 billion ($1.56 billion) in the plan.",
                    date="2021-10-19")
    assert f.details["rate_source"] == "ECB"
    assert f.details["allowance"] == Decimal("0.010")


def test_a_currency_no_source_prices_is_still_no_rate():
    with pytest.raises(figures.NoRate):
        RateTable.default().rate("KPW", "USD", DATE)
