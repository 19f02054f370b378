"""Issue 15 item 4: conversions as newsrooms write them. An amount written without a currency
becomes money only when its conversion pair settles the currency (document locale + conversion
marker + the other side's settled currency, and with a date a plausible ratio); otherwise it
stays a plain number. Reference rates quoted in comments are the ECB's of 2026-03-11 (USD/JPY
158.56, USD/KRW 1,477.1, USD/ZAR 16.40): the amounts below were written from them by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import figures
from figures.model import Kind

DAY = date(2026, 3, 11)


def _at(figs, text):
    got = [f for f in figs if f.text == text]
    assert len(got) == 1, [f.text for f in figs]
    return got[0]


@pytest.mark.parametrize("text, span, currency, value", [
    # "X, or roughly Y" in a Tokyo story: 12.7bn / 80m = 158.75 yen per dollar
    ("TOKYO -- Kansai Rail will spend 12.7 billion, or roughly US$80 million, on carriages.",
     "12.7 billion", "JPY", Decimal("12700000000")),
    # "X, roughly Y": the qualifier belongs to the converted amount
    ("TOKYO -- The ministry has a budget of 12.7 billion, roughly US$80 million, for it.",
     "12.7 billion", "JPY", Decimal("12700000000")),
    # "X of that, or Y": part of a budget already named
    ("TOKYO -- Of the JPY 40 billion plan, it has spent 12.7 billion of that, or about US$80 "
     "million.", "12.7 billion", "JPY", Decimal("12700000000")),
    # "X (Y)" in a Seoul wire: 1.48tn / 1bn = 1,480 won per dollar
    ("SEOUL, March 11 (Yonhap) -- Hanbit Chemical will invest 1.48 trillion (US$1 billion) in "
     "a plant.", "1.48 trillion", "KRW", Decimal("1480000000000")),
    # the converted side first: "Y (about X)"
    ("TOKYO -- It raised US$80 million (about 12.7 billion) from the sale.",
     "about 12.7 billion", "JPY", Decimal("12700000000")),
    # both in one pair of brackets
    ("TOKYO -- Its budget (12.7 billion, US$80 million) was approved on Wednesday.",
     "12.7 billion", "JPY", Decimal("12700000000")),
    # the amount in words: 12bn / 76m = 157.9
    ("TOKYO -- Kansai Rail will spend twelve billion, or roughly US$76 million, on carriages.",
     "twelve billion", "JPY", Decimal("12000000000")),
])
def test_an_unsigned_amount_takes_the_locale_currency_of_its_pair(text, span, currency, value):
    for day in (DAY, None):  # the pair decides; the date only adds the plausibility test
        f = _at(figures.extract(text, date=day), span)
        assert f.kind == Kind.MONEY and f.currency == currency and f.value == value
        assert "no currency written" in f.currency_basis


def test_ranges_on_both_sides():
    # 8bn / 16.40 = 487.8m and 9bn / 16.40 = 548.8m rand per dollar
    text = "JOHANNESBURG - The miner plans to spend 8-9 billion (US$488-549 million) on the shaft."
    f = _at(figures.extract(text, date=DAY), "8-9 billion")
    assert (f.kind, f.currency, f.low, f.high) == (Kind.MONEY, "ZAR", Decimal("8e9"), Decimal("9e9"))
    found = [x for x in figures.check(text, date=DAY).findings if x.check == "conversion"]
    assert [x.status for x in found] == ["consistent"]


@pytest.mark.parametrize("text, span, country", [
    # no locale: nothing says which currency the 12.7 billion is
    ("The company will spend 12.7 billion, or roughly US$80 million, on carriages.",
     "12.7 billion", None),
    # the locale's own currency on the other side: not a conversion into another currency
    ("The agency will spend 12.7 billion, or roughly US$80 million, on roads.", "12.7 billion",
     "US"),
    # a count of things, with its noun
    ("TOKYO -- It sold 12.7 million shares, or about US$80 million, on Tuesday.",
     "12.7 million shares", None),
    # "of them" counts things, unlike "of that" (an amount)
    ("TOKYO -- It sold 12.7 million of them, or about US$80 million, last year.", "12.7 million",
     None),
    # no conversion marker
    ("TOKYO -- It made 12.7 billion and US$80 million in two years.", "12.7 billion", None),
    # a ratio off by a factor: 12.7 million / 80 million = 0.16 is no yen rate of any year
    # (76-162 per dollar since 1999), dated or not
    ("TOKYO -- It spent 12.7 million, or about US$80 million, on it.", "12.7 million", None),
    # the yuan's rate, not the yen's: 12.7bn / 1.8bn = 7.06 per dollar
    ("TOKYO -- Its Chinese unit spent 12.7 billion, or about US$1.8 billion, on it.",
     "12.7 billion", None),
])
def test_otherwise_it_stays_a_plain_number(text, span, country):
    for day in (DAY, None):
        f = _at(figures.extract(text, date=day, country=country), span)
        assert f.kind != Kind.MONEY and f.currency is None, day


def test_a_pair_off_by_nine_percent_is_read_and_flagged():
    # 12.7bn / 88m = 144.3 yen per dollar, 9.0% below 158.56: plausible, so read, then flagged
    text = "TOKYO -- Kansai Rail will spend 12.7 billion, or roughly US$88 million, on carriages."
    f = _at(figures.extract(text, date=DAY), "12.7 billion")
    assert f.currency == "JPY"
    found = [x for x in figures.check(text, date=DAY).findings if x.check == "conversion"]
    assert [(x.status, x.severity) for x in found] == [("inconsistent", "error")]


def test_a_consistent_pair_is_checked():
    text = "TOKYO -- Kansai Rail will spend 12.7 billion, or roughly US$80 million, on carriages."
    found = [x for x in figures.check(text, date=DAY).findings if x.check == "conversion"]
    assert [x.status for x in found] == ["consistent"]
    assert found[0].details["rate_unit"] == "JPY per USD"
