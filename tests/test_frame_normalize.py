"""figures.frame.normalize_frame (df.figures.normalize): vectorized, and exactly figures.convert."""

from __future__ import annotations

import random
import warnings
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figures.errors import FiguresError, InputError, UnknownCurrency
from figures.frame import NORMALIZE_COLUMNS, normalize_frame
from figures.normalize import MIN_AMOUNT_EXPONENT, convert
from figures.rates import RateTable

TABLE = RateTable.default()
# Everyday codes, holes and ends (ISK 2008-2018, RUB after 2022-03-01), codes the ECB never
# published (TWD), not-a-code ('RMB', 'XYZ'), and lower case that check_code forgives.
CODES = ["USD", "EUR", "JPY", "GBP", "CNY", "HKD", "CHF", "INR", "KRW", "ISK", "RUB", "TRY",
         "TWD", "RMB", "XYZ", "usd", " cny "]
FIRST = date(1998, 12, 20)
LAST = TABLE.last_day + timedelta(days=20)


def expected(amount, currency, to, day):
    """What figures.convert says, as (normalized_value, rate, rate_date, rate_source, note)."""
    try:
        f = convert(amount, currency, to, day)
    except FiguresError as exc:
        return None, None, None, None, str(exc)
    return f.normalized_value, f.rate, f.rate_date, f.rate_source, None


def rows_of(out: pd.DataFrame) -> list[tuple]:
    return list(zip(*(out[c].tolist() for c in NORMALIZE_COLUMNS), strict=True))


def same(a: tuple, b: tuple) -> bool:
    """Equal, and Decimals equal to the digit (str), not only in value."""
    return [str(x) if isinstance(x, Decimal) else x for x in a] == \
        [str(x) if isinstance(x, Decimal) else x for x in b]


def random_frame(n: int, seed: int) -> pd.DataFrame:
    rng = random.Random(seed)
    span = (LAST - FIRST).days
    amounts = [Decimal(rng.randint(-10**12, 10**14)).scaleb(-rng.randint(0, 6)) for _ in range(n)]
    return pd.DataFrame({
        "amount": pd.Series(amounts, dtype=object),
        "currency": [rng.choice(CODES) for _ in range(n)],
        "date": [FIRST + timedelta(days=rng.randint(0, span)) for _ in range(n)],
    })


@pytest.mark.parametrize("to, seed", [("USD", 1), ("EUR", 2), ("JPY", 3), ("ISK", 4)])
def test_random_sample_equals_convert_exactly(to, seed):
    df = random_frame(1500, seed=seed)
    out = normalize_frame(df, to=to)
    for (a, c, d), got in zip(df.itertuples(index=False), rows_of(out), strict=True):
        want = expected(a, c, to, d)
        assert same(got, want), (a, c, d, got, want)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(
    # amounts within the bounds of figures.normalize (out-of-range ones are tested apart)
    st.decimals(allow_nan=False, allow_infinity=False, places=None,
                min_value=-10**15, max_value=10**15).filter(
                    lambda d: not d or d.adjusted() >= MIN_AMOUNT_EXPONENT),
    st.sampled_from(CODES),
    st.dates(FIRST, LAST)), min_size=1, max_size=25))
def test_any_small_frame_equals_convert(rows):
    df = pd.DataFrame({"amount": pd.Series([r[0] for r in rows], dtype=object),
                       "currency": [r[1] for r in rows], "date": [r[2] for r in rows]})
    out = normalize_frame(df, to="USD")
    for (a, c, d), got in zip(rows, rows_of(out), strict=True):
        assert same(got, expected(a, c, "USD", d))


def test_output_columns_dtypes_and_input_untouched():
    df = random_frame(50, seed=1)
    before = df.copy(deep=True)
    out = normalize_frame(df)
    pd.testing.assert_frame_equal(df, before)
    assert list(out.columns) == [*df.columns, *NORMALIZE_COLUMNS]
    assert all(out[c].dtype == object for c in NORMALIZE_COLUMNS)
    assert out.index.equals(df.index)
    assert {type(v) for v in out["rate_date"]} <= {date, type(None)}


def test_rerunning_replaces_the_result_columns():
    df = random_frame(10, seed=2)
    once = normalize_frame(df)
    twice = normalize_frame(once, to="EUR")
    assert list(twice.columns) == list(once.columns)
    assert twice["rate"].tolist() == normalize_frame(df, to="EUR")["rate"].tolist()


def test_weekend_uses_friday_and_holes_say_why():
    df = pd.DataFrame({"amount": ["100", "100", "100", "100"],
                       "currency": ["INR", "RUB", "ISK", "CNY"],
                       "date": ["2023-03-04", "2023-06-30", "2012-05-02", "2099-01-01"]})
    out = normalize_frame(df)
    assert out.loc[0, "rate_date"] == date(2023, 3, 3)
    assert out.loc[1:, "normalized_value"].isna().all()
    assert "RUB" in out.loc[1, "rate_note"] and "2022-03-01" in out.loc[1, "rate_note"]
    assert "hole" in out.loc[2, "rate_note"]
    assert "ends on" in out.loc[3, "rate_note"]


def test_same_currency_is_identity_even_undated():
    df = pd.DataFrame({"amount": ["12.50", "7"], "currency": ["USD", "usd"],
                       "date": ["2021-10-19", None]})
    out = normalize_frame(df)
    assert out["normalized_value"].tolist() == [Decimal("12.50"), Decimal("7")]
    assert out["rate_source"].tolist() == ["identity", "identity"]
    assert out["rate_date"].tolist() == [date(2021, 10, 19), None]


@pytest.mark.parametrize("amount, note", [
    (None, "no amount"),
    ("1,2x", "not a number"),
    ("Infinity", "not a finite number"),
    (True, "got bool"),
    (b"12", "got bytes"),
])
def test_bad_amounts_keep_the_rate_and_say_why(amount, note):
    df = pd.DataFrame({"amount": pd.Series(["5", amount], dtype=object),
                       "currency": ["CNY", "CNY"], "date": ["2021-10-19"] * 2})
    out = normalize_frame(df)
    assert out.loc[0, "normalized_value"] is not None
    assert out.loc[1, "normalized_value"] is None
    assert out.loc[1, "rate"] == out.loc[0, "rate"]
    assert note in out.loc[1, "rate_note"]


def test_missing_and_unknown_currencies_and_dates():
    df = pd.DataFrame({"amount": ["1"] * 4, "currency": [None, "RMB", "CNY", "CNY"],
                       "date": ["2021-10-19", "2021-10-19", None, "someday"]})
    out = normalize_frame(df)
    notes = out["rate_note"].tolist()
    assert out["normalized_value"].isna().all()
    assert notes[0].startswith("no currency")
    with pytest.raises(UnknownCurrency) as exc:
        convert("1", "RMB", "USD", "2021-10-19")
    assert notes[1] == str(exc.value)
    assert notes[2].startswith("no date")
    assert "someday" in notes[3]


CNY_10BN = Decimal("1565185861.624409110442629996")


@pytest.mark.parametrize("column", [
    pd.Series([Decimal("10000000000")], dtype=object),
    pd.Series(["10,000,000,000"], dtype=object),
    pd.Series(["10000000000"], dtype="str"),
    pd.Series([10_000_000_000], dtype="int64"),
    pd.Series([10_000_000_000], dtype="Int64"),
    pd.Series([Decimal("10000000000")], dtype=pd.ArrowDtype(pa.decimal128(20, 0))),
], ids=["Decimal", "str", "string-dtype", "int64", "Int64", "arrow-decimal"])
def test_amount_column_types(column):
    df = pd.DataFrame({"amount": column, "currency": ["CNY"], "date": [date(2021, 10, 19)]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = normalize_frame(df)
    assert out.loc[0, "normalized_value"] == CNY_10BN


def test_float_amounts_are_read_through_repr_with_a_warning():
    df = pd.DataFrame({"amount": [1.1, np.nan], "currency": ["USD", "USD"],
                       "date": ["2021-10-19"] * 2})
    with pytest.warns(UserWarning, match="floats"):
        out = normalize_frame(df)
    assert str(out.loc[0, "normalized_value"]) == "1.1"
    assert out.loc[1, "rate_note"] == "no amount"


@pytest.mark.parametrize("column", [
    pd.Series(["2021-10-19"]),
    pd.Series([date(2021, 10, 19)], dtype=object),
    pd.Series([pd.Timestamp("2021-10-19 15:00")]),
    pd.Series([pd.Timestamp("2021-10-19 07:00", tz="Asia/Shanghai")]),
    pd.Series(["2021-10-19"]).astype("datetime64[s]"),
    pd.Series([date(2021, 10, 19)], dtype=pd.ArrowDtype(pa.date32())),
], ids=["str", "date", "Timestamp", "tz-aware", "datetime64[s]", "arrow-date"])
def test_date_column_types(column):
    df = pd.DataFrame({"amount": ["10000000000"], "currency": ["CNY"], "date": column})
    out = normalize_frame(df)
    assert out.loc[0, "rate_date"] == date(2021, 10, 19)
    assert out.loc[0, "normalized_value"] == CNY_10BN


def test_missing_columns_are_named():
    with pytest.raises(InputError, match="'currency'"):
        normalize_frame(pd.DataFrame({"amount": [1], "date": ["2021-10-19"]}))


def test_empty_frame():
    df = pd.DataFrame({"amount": pd.Series([], dtype=object), "currency": pd.Series([], dtype=object),
                       "date": pd.Series([], dtype=object)})
    out = normalize_frame(df)
    assert len(out) == 0 and list(out.columns)[-5:] == list(NORMALIZE_COLUMNS)


def test_a_users_table_with_its_own_days(tmp_path: Path):
    p = tmp_path / "twd.csv"
    p.write_text("date,currency,rate\n2021-10-18,TWD,32.40\n2021-10-19,TWD,32.50\n",
                 encoding="utf-8")
    table = RateTable.default().with_table(RateTable.from_csv(p))
    df = pd.DataFrame({"amount": ["1000", "1000", "1000"], "currency": ["TWD"] * 3,
                       "date": ["2021-10-19", "2021-10-20", "2021-11-30"]})
    out = normalize_frame(df, to="USD", table=table)
    for (a, c, d), got in zip(df.itertuples(index=False), rows_of(out), strict=True):
        want = expected_with(table, a, c, d)
        assert same(got, want)
    assert out.loc[2, "normalized_value"] is None


def expected_with(table, amount, currency, day):
    try:
        f = convert(amount, currency, "USD", day, table=table)
    except FiguresError as exc:
        return None, None, None, None, str(exc)
    return f.normalized_value, f.rate, f.rate_date, f.rate_source, None


def test_a_provider_without_vector_lookups_is_asked_once_per_pair():
    calls = []

    class Provider:
        def rate(self, base, quote, day):
            calls.append((base, quote, day))
            return TABLE.rate(base, quote, day)

    df = pd.DataFrame({"amount": ["1", "2", "3"], "currency": ["CNY", "CNY", "GBP"],
                       "date": ["2021-10-19"] * 3})
    out = normalize_frame(df, table=Provider())
    assert len(calls) == 2
    assert out["normalized_value"].tolist() == [
        convert(a, c, "USD", "2021-10-19").normalized_value
        for a, c in zip(df["amount"], df["currency"], strict=True)]
