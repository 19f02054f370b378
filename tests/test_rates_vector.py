"""The vectorized look-up (`rates_for`) gives, row for row, what the per-row look-up (`rate`)
gives: the same rate, table date and source, or no rate with `rate`'s own reason. Random
(currency, currency, date) rows over every path: ECB, NBP tables A and B, NBP crossed with the
ECB through EUR, legal pegs, holes, ends, and codes or dates that cannot be priced."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.errors import NoRate, UnknownCurrency
from figures.normalize.rates.sources import CombinedTable
from figures.normalize.rates.table import RateTable, ecb_table

WORLD = RateTable.world()
CODES = [
    "EUR", "USD", "JPY", "GBP", "CNY",  # ECB all along
    "ISK", "RUB", "INR", "HRK", "BGN",  # ECB with holes or ends: NBP takes over
    "PLN",  # NBP's own root
    "TWD", "AED", "VND", "NGN", "PKR", "ARS", "KES", "UAH",  # NBP tables A and B only
    "BMD", "KYD", "BTN", "FKP",  # legal pegs
    "KPW", "XYZ",  # no source; not a currency
]
FIRST, LAST = date(1993, 1, 1), date(2026, 12, 31)


def _scalar(table, b, q, day):
    if day is None:
        return None
    try:
        r = table.rate(b, q, day)
    except (NoRate, UnknownCurrency):
        return None
    return (r.value, r.rate_date, r.source)


def _vector(table, rows):
    res = table.rates_for([b for b, _, _ in rows], [q for _, q, _ in rows],
                          [d for _, _, d in rows])
    return res, [None if v is None else (v, day, src)
                 for v, day, src in zip(res.values, res.rate_dates(), res.sources, strict=True)]


days = st.one_of(st.none(), st.dates(FIRST, LAST),
                 # weekends, holidays and table-B Wednesdays are where the rules bite: cluster
                 st.integers(0, 60).map(lambda k: date(2022, 2, 20) + timedelta(days=k)),
                 st.integers(0, 40).map(lambda k: date(2008, 12, 1) + timedelta(days=k)))
rows = st.lists(st.tuples(st.sampled_from(CODES), st.sampled_from(CODES), days),
                min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(rows)
def test_rates_for_is_rate_row_by_row(rows):
    res, got = _vector(WORLD, rows)
    for k, (b, q, d) in enumerate(rows):
        assert got[k] == _scalar(WORLD, b, q, d), (b, q, d)
        if got[k] is None:
            assert res.notes[k]  # every row without a rate says why


@settings(max_examples=15, deadline=None)
@given(rows)
def test_a_fresh_table_and_a_warm_one_agree(rows):
    fresh = CombinedTable.around(ecb_table())  # no crossed tables cached yet
    assert _vector(fresh, rows)[1] == _vector(WORLD, rows)[1]


def test_many_rows_of_a_few_pairs_match_the_scalar_path():
    rng = np.random.default_rng(18)
    n = 4000
    pairs = [("RUB", "USD"), ("ISK", "JPY"), ("TWD", "USD"), ("USD", "AED"), ("VND", "PLN"),
             ("BMD", "EUR"), ("INR", "GBP"), ("TWD", "NGN")]
    pick = rng.integers(0, len(pairs), n)
    ords = rng.integers(date(1995, 1, 1).toordinal(), date(2026, 11, 30).toordinal(), n)
    rows = [(*pairs[p], date.fromordinal(int(o))) for p, o in zip(pick, ords, strict=True)]
    got = _vector(WORLD, rows)[1]
    want = [_scalar(WORLD, b, q, d) for b, q, d in rows]
    assert got == want
    assert sum(g is not None for g in got) > n * 0.8  # the sample is mostly priced
    sources = {g[2].split(" ")[0] for g in got if g is not None}
    assert {"ECB", "NBP", "BMD"} <= sources


def test_a_row_without_a_rate_gets_rates_reason():
    res = WORLD.rates_for(["KPW", "TWD", "RUB", None, "USD"], "USD",
                          ["2023-05-10", "1980-01-01", "2022-03-12", "2023-05-10", None])
    assert res.values == [None] * 5
    for k, (code, day) in enumerate([("KPW", "2023-05-10"), ("TWD", "1980-01-01"),
                                     ("RUB", "2022-03-12")]):
        with pytest.raises(NoRate) as exc:
            WORLD.rate(code, "USD", day)
        assert res.notes[k] == str(exc.value)
    assert res.notes[3].startswith("no currency")
    assert res.notes[4].startswith("no date")
