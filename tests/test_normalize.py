"""normalize: intervals from precision and qualifiers, conversion with dated rates, notes."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from figures.errors import InputError, NoRate, UnknownCurrency
from figures.model import Figure, Kind, Qualifier
from figures.normalize.convert import convert, normalize, round_money
from figures.normalize.interval import interval
from figures.normalize.rates.live import LiveRates
from figures.normalize.rates.table import RATE_CONTEXT, RateTable, ecb_table

CENT = Decimal("0.01")
RMB_USD_20211019 = RATE_CONTEXT.divide(Decimal("1.1655"), Decimal("7.4464"))


def money(value, currency="CNY", precision=None, **kw) -> Figure:
    v = None if value is None else Decimal(value)
    p = None if precision is None else Decimal(precision)
    return Figure(doc="d", start=0, end=5, text=kw.pop("text", f"{currency} {value}"),
                  kind=kw.pop("kind", Kind.MONEY), value=v, currency=currency, precision=p, **kw)


# ---- interval --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fig", "low", "high"),
    [
        (money("1540000000", "USD", "10000000"), "1535000000", "1545000000"),  # $1.54 billion
        (money("10000000000", "CNY", "1000000000"), "9500000000", "10500000000"),
        (money("13.52", "HKD", "0.01"), "13.515", "13.525"),
        (money("100", "USD"), "99.5", "100.5"),  # no precision: the step of its last digit
        (money("1500000000", "USD", "100000000", qualifier=Qualifier.GT), "1500000000", None),
        (money("1500000000", "USD", "100000000", qualifier=Qualifier.GE), "1500000000", None),
        (money("1500000000", "USD", "100000000", qualifier=Qualifier.LT), "0", "1500000000"),
        (money("1500000000", "USD", "100000000", qualifier=Qualifier.LE), "0", "1500000000"),
        (money(None, "USD", "1000000000", low=Decimal("1e9"), high=Decimal("2e9")),
         "500000000", "2500000000"),
        (money("5", None, "1", kind=Kind.PERCENT, qualifier=Qualifier.LT), None, "5"),
        (money("-3", None, "1", kind=Kind.PERCENT, qualifier=Qualifier.LE), None, "-3"),
        (money("20", None, "1", kind=Kind.COUNT), "19.5", "20.5"),
    ],
)
def test_interval(fig, low, high):
    expect = (None if low is None else Decimal(low), None if high is None else Decimal(high))
    assert interval(fig) == expect


@pytest.mark.parametrize(
    ("value", "precision", "low", "high"),
    [
        # "about $1.5 billion": one step (0.1 bn) is more than 2.5% of the value
        ("1500000000", "100000000", "1400000000", "1600000000"),
        # "about $2,300": 2.5% (57.5) is more than one step (1)
        ("2300", "1", "2242.5", "2357.5"),
    ],
)
def test_interval_approx_is_one_step_or_a_share_of_the_value(value, precision, low, high):
    fig = money(value, "USD", precision, qualifier=Qualifier.APPROX)
    assert interval(fig) == (Decimal(low), Decimal(high))


def test_interval_of_nothing():
    assert interval(money(None, "USD")) == (None, None)


# ---- normalize -------------------------------------------------------------------------------


def test_rmb_10_billion_to_usd():
    fig = money("10000000000", "CNY", "1000000000", text="RMB 10 billion")
    out = normalize(fig, "USD", date=date(2021, 10, 19))
    assert round_money(out.normalized_value) == Decimal("1565185861.62")
    assert out.rate == RMB_USD_20211019
    assert out.normalized_low == RATE_CONTEXT.multiply(Decimal("9.5e9"), RMB_USD_20211019)
    assert out.normalized_high == RATE_CONTEXT.multiply(Decimal("10.5e9"), RMB_USD_20211019)
    assert (out.date, out.rate_date, out.rate_source, out.to_currency, out.rate_note) == (
        date(2021, 10, 19), date(2021, 10, 19), "ECB", "USD", None)
    assert (out.value, out.text, out.currency) == (fig.value, fig.text, fig.currency)  # untouched


def test_full_precision_is_kept():
    out = normalize(money("10000000000"), "USD", date="2021-10-19")
    assert out.normalized_value == RATE_CONTEXT.multiply(Decimal("1e10"), RMB_USD_20211019)
    assert out.normalized_value != round_money(out.normalized_value)


def test_date_comes_from_the_figure_when_not_given():
    out = normalize(money("100", date=date(2021, 10, 23)), "USD")
    assert out.rate_date == date(2021, 10, 22) and out.date == date(2021, 10, 23)


def test_saturday_takes_friday_and_says_so():
    out = normalize(money("100"), "USD", date="2021-10-23")
    assert out.date == date(2021, 10, 23) and out.rate_date == date(2021, 10, 22)


@pytest.mark.parametrize("kind", [Kind.COUNT, Kind.PERCENT, Kind.DURATION, Kind.QUANTITY, Kind.RATIO])
def test_non_money_is_returned_untouched(kind):
    fig = money("44", None, "1", kind=kind, unit="t")
    assert normalize(fig, "USD", date="2021-10-19") is fig


def test_per_share_keeps_per():
    out = normalize(money("13.52", "HKD", "0.01", per="share"), "USD", date="2021-10-19")
    assert out.per == "share" and out.normalized_value is not None


@pytest.mark.parametrize(
    ("fig", "day", "note"),
    [
        (money("100", "RUB"), "2023-01-10", r"RUB ends on 2022-03-01"),
        (money("100", "ISK"), "2010-01-10", r"hole"),
        (money("100", "TWD"), "2021-10-19", r"no TWD"),
        (money("100", "CNY"), "1998-12-31", r"1999-01-04"),
        (money("100", "CNY"), None, r"no date"),
        (money("100", None, currency_candidates=("CNY", "JPY"), text="¥100"), "2021-10-19",
         r"ambiguous currency: '¥100' could be CNY or JPY"),
        (money("100", None), "2021-10-19", r"no currency"),
    ],
)
def test_without_a_rate_the_note_says_why(fig, day, note):
    out = normalize(fig, "USD", date=day, table=ecb_table())  # the ECB table's own holes
    assert out.normalized_value is None and out.normalized_low is None
    assert out.rate is None and out.rate_date is None
    assert out.rate_note is not None
    assert re.search(note, out.rate_note), out.rate_note
    assert out.to_currency == "USD"


def test_same_currency_is_identity_even_without_date():
    out = normalize(money("1540000000", "USD", "10000000"), "USD")
    assert out.normalized_value == Decimal("1540000000")
    assert (out.normalized_low, out.normalized_high) == (Decimal("1535000000"), Decimal("1545000000"))
    assert out.rate == 1 and out.rate_source == "identity" and out.rate_date is None


def test_bad_target_currency_raises():
    with pytest.raises(UnknownCurrency):
        normalize(money("1"), "XYZ", date="2021-10-19")


def test_user_table(tmp_path: Path):
    p = tmp_path / "twd.csv"
    p.write_text("date,currency,rate\n2021-10-19,TWD,32.5\n", encoding="utf-8")
    table = ecb_table().with_table(RateTable.from_csv(p))
    out = normalize(money("325", "TWD"), "EUR", table=table, date="2021-10-19")
    assert out.normalized_value == Decimal(10) and out.rate_source == "twd"


def test_live_failure_becomes_a_note(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "forex_python.converter", None)  # no service, no network
    dead = LiveRates(timeout=0.5)
    out = normalize(money("100"), "USD", table=dead, date="2021-10-19")
    assert out.normalized_value is None and "live rate CNY/USD" in out.rate_note


def test_with_the_extractor():
    from figures.extract import extract

    figs = [f for f in extract("Xiaomi will invest RMB 10 billion ($1.54 billion) initially.")
            if f.kind == Kind.MONEY]
    assert figs and figs[0].currency == "CNY"
    out = normalize(figs[0], "USD", date="2021-10-19")
    assert round_money(out.normalized_value) == Decimal("1565185861.62")


# ---- convert ---------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["10000000000", 10_000_000_000, Decimal("1E+10"), "10,000,000,000"])
def test_convert(amount):
    out = convert(amount, "CNY", "USD", "2021-10-19")
    assert round_money(out.normalized_value) == Decimal("1565185861.62")
    assert out.text == "CNY 10000000000" and out.doc is None and out.kind == Kind.MONEY
    assert out.rate_date == date(2021, 10, 19) and out.rate_source == "ECB"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((1.5, "CNY", "USD", "2021-10-19"), InputError),
        ((True, "CNY", "USD", "2021-10-19"), InputError),
        (("ten", "CNY", "USD", "2021-10-19"), InputError),
        (("Infinity", "CNY", "USD", "2021-10-19"), InputError),
        (("10", "XYZ", "USD", "2021-10-19"), UnknownCurrency),
        (("10", "CNY", "RMB", "2021-10-19"), UnknownCurrency),
        (("10", "KPW", "USD", "2021-10-19"), NoRate),
        (("10", "CNY", "USD", "1998-01-01"), NoRate),
        (("10", "RUB", "USD", "2022-03-12"), NoRate),
        (("10", "CNY", "USD", "2021-13-01"), InputError),
    ],
)
def test_convert_raises_for_bad_input(args, error):
    with pytest.raises(error):
        convert(*args)


def test_round_money():
    assert round_money(Decimal("1.005")) == Decimal("1.00")  # half-even
    assert round_money(Decimal("1.015")) == Decimal("1.02")
    assert round_money(Decimal("1565185861.624409"), 0) == Decimal("1565185862")


@settings(max_examples=150, deadline=None)
@given(
    cents=st.integers(min_value=1, max_value=10**15),
    a=st.sampled_from(["USD", "CNY", "JPY", "GBP", "EUR", "HKD", "KRW"]),
    b=st.sampled_from(["USD", "CNY", "JPY", "GBP", "EUR", "HKD", "KRW"]),
    day=st.dates(date(2006, 1, 1), date(2026, 10, 30)),
)
def test_convert_there_and_back(cents, a, b, day):
    assume(day <= RateTable.default().last_day)
    amount = Decimal(cents).scaleb(-2)
    there = convert(amount, a, b, day)
    back = convert(there.normalized_value, b, a, day)
    assert round_money(back.normalized_value) == amount
    for v in (there.normalized_value, there.normalized_low, there.normalized_high, there.rate):
        assert type(v) is Decimal
