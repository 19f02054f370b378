"""`figures convert` and `figures rates` through figures.cli.main (exit codes and output)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import figures.cli as cli
import figures.rates_refresh as refresh_mod
from figures.rates import DATA_FILE, RATE_CONTEXT, RateTable

TABLE = RateTable.default()
RANGE = f"{TABLE.first_day}..{TABLE.last_day}"


@pytest.fixture(autouse=True)
def _only_present_commands(monkeypatch):
    # Other subcommands are written in parallel; test ours even if one is not there yet.
    present = tuple(m for m in cli.COMMAND_MODULES if importlib.util.find_spec(m) is not None)
    monkeypatch.setattr(cli, "COMMAND_MODULES", present)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---- convert ---------------------------------------------------------------------------------


def test_convert_rmb_10_billion(capsys):
    code, out, err = run(capsys, "convert", "RMB 10 billion", "--date", "2021-10-19", "--to", "USD")
    assert code == 0 and err == ""
    assert "USD 1,565,185,861.62" in out
    # Text output is for people: the rate to 6 significant digits (JSON keeps it exact).
    assert "x 0.156519 USD per CNY" in out and "table day 2021-10-19" in out and "ECB" in out
    assert "European Central Bank" in out


def test_convert_saturday_says_which_day(capsys):
    code, out, _ = run(capsys, "convert", "RMB 10 billion", "--date", "2021-10-23", "--to", "USD")
    assert code == 0
    assert "table day 2021-10-22" in out and "on or before 2021-10-23" in out


@pytest.mark.parametrize("day", ["1998-12-31", "1990-01-01", "2099-01-01"])
def test_convert_outside_the_table_exits_2_with_range(capsys, day):
    code, out, err = run(capsys, "convert", "RMB 10 billion", "--date", day, "--to", "USD")
    assert code == 2 and out == ""
    assert err.startswith("figures: error: ") and RANGE in err
    assert err.count("\n") == 1  # one line, no traceback


@pytest.mark.parametrize(
    ("argv", "expect"),
    [
        (["convert", "NT$100", "--date", "2021-10-19", "--to", "USD"], "TWD"),
        (["convert", "RUB 100", "--date", "2022-06-01", "--to", "USD"], "2022-03-01"),
        (["convert", "CNY 100", "--date", "2021-10-19", "--to", "XYZ"], "unknown currency code 'XYZ'"),
        (["convert", "CNY 100", "--date", "19.10.2021", "--to", "USD"], "YYYY-MM-DD"),
        (["convert", "hello", "--date", "2021-10-19", "--to", "USD"], "no amount found"),
    ],
)
def test_convert_errors_exit_2(capsys, argv, expect):
    code, _, err = run(capsys, *argv)
    assert code == 2 and expect in err and err.count("\n") == 1


def test_convert_ambiguous_needs_from(capsys):
    from figures.extract import extract

    assert any(f.currency is None for f in extract("¥500 million"))  # ¥ alone: CNY or JPY
    code, _, err = run(capsys, "convert", "¥500 million", "--date", "2021-10-19", "--to", "USD")
    assert code == 2 and "--from CNY" in err and "--from JPY" in err
    code, out, _ = run(capsys, "convert", "¥500 million", "--date", "2021-10-19", "--to", "USD",
                       "--from", "CNY")
    assert code == 0 and "CNY 500,000,000" in out


@pytest.mark.parametrize("text", ["10000000000", "10 billion", "10,000,000,000"])
def test_convert_bare_number_with_from(capsys, text):
    code, out, _ = run(capsys, "convert", text, "--from", "CNY", "--date", "2021-10-19",
                       "--to", "USD")
    assert code == 0 and "USD 1,565,185,861.62" in out


def test_convert_json(capsys):
    code, out, _ = run(capsys, "convert", "CNY 10000000000", "--date", "2021-10-19", "--to", "USD",
                       "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert doc["normalized_value"].startswith("1565185861.62")
    assert doc["rate_date"] == "2021-10-19" and doc["rate_source"] == "ECB"
    assert doc["value"] == "10000000000" and "European Central Bank" in doc["attribution"]


def test_convert_with_user_table(capsys, tmp_path):
    p = tmp_path / "twd.csv"
    p.write_text("date,currency,rate\n2021-10-19,TWD,32.5\n", encoding="utf-8")
    code, out, _ = run(capsys, "convert", "TWD 325", "--date", "2021-10-19", "--to", "EUR",
                       "--rates", str(p))
    assert code == 0 and "EUR 10.00" in out and "twd" in out


def test_fallback_parser_alone():
    from figures.cli_rates import _fallback_parse

    fig = _fallback_parse("RMB 10 billion", None)
    assert (fig.currency, str(fig.value), str(fig.precision)) == ("CNY", "1.0E+10", "1E+9")
    assert _fallback_parse("10000 CNY", None).currency == "CNY"
    assert _fallback_parse("1.5 mn", "USD").value == 1500000
    assert _fallback_parse("ten dollars", None) is None


# ---- rates -----------------------------------------------------------------------------------


def test_rates_coverage_table(capsys):
    code, out, _ = run(capsys, "rates")
    assert code == 0
    assert "ISK" in out and "hole 2008-12-10..2018-01-31" in out
    assert "RUB" in out and "ends 2022-03-01" in out
    assert str(TABLE.first_day) in out and str(TABLE.last_day) in out
    assert "European Central Bank" in out


def test_rates_coverage_json(capsys):
    code, out, _ = run(capsys, "rates", "--format", "json")
    doc = json.loads(out)
    cov = {c["currency"]: c for c in doc["currencies"]}
    assert code == 0 and len(cov) == 41 and doc["root"] == "EUR"
    assert cov["ISK"]["holes"] == [["2008-12-10", "2018-01-31"]]
    assert cov["HRK"]["ends_early"] is True and cov["HRK"]["last"] == "2022-12-30"


def test_rates_one_pair(capsys):
    code, out, _ = run(capsys, "rates", "CNY", "USD", "--date", "2021-10-19")
    assert code == 0
    assert "1 CNY = 0.156519 USD" in out and "2021-10-19" in out


def test_rates_weekend_pair_json(capsys):
    code, out, _ = run(capsys, "rates", "EUR", "USD", "--date", "2021-10-23", "--format", "json")
    row = json.loads(out)["rates"][0]
    assert code == 0 and row["rate"] == "1.163" and row["rate_date"] == "2021-10-22"


def test_rates_several_pairs_show_why_not(capsys):
    code, out, _ = run(capsys, "rates", "CNY", "USD", "TWD", "--date", "2021-10-19",
                       "--format", "json")
    rows = json.loads(out)["rates"]
    assert code == 0 and rows[0]["rate"].startswith("0.156518")
    assert "TWD" in rows[1]["error"]


def test_rates_all_against_eur_on_a_date(capsys):
    code, out, _ = run(capsys, "rates", "--date", "2021-10-19")
    assert code == 0 and "EUR/USD" in out and "1.1655" in out and "EUR/RUB" in out


@pytest.mark.parametrize(
    ("argv", "expect"),
    [
        (["rates", "RUB", "--date", "2023-01-10"], "ends on 2022-03-01"),
        (["rates", "CNY", "USD", "--date", "1998-06-01"], RANGE),
        (["rates", "TWD"], "no TWD"),
        (["rates", "XYZ"], "unknown currency code"),
    ],
)
def test_rates_errors_exit_2(capsys, argv, expect):
    code, _, err = run(capsys, *argv)
    assert code == 2 and expect in err and err.count("\n") == 1


def test_rates_with_user_table(capsys, tmp_path):
    p = tmp_path / "mine.csv"
    p.write_text("date,currency,rate\n2021-10-19,TWD,32.5\n", encoding="utf-8")
    code, out, _ = run(capsys, "rates", "TWD", "--rates", str(p), "--format", "json")
    cur = json.loads(out)["currencies"]
    assert code == 0 and cur == [{"currency": "TWD", "name": "New Taiwan dollar", "source": "mine",
                                  "first": "2021-10-19", "last": "2021-10-19", "days": 1,
                                  "holes": [], "ends_early": False}]


def test_rates_broken_user_table_names_the_line(capsys, tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("date,currency,rate\n2021-10-19,TWD,32.5\n2021-10-20,TWD,-1\n", encoding="utf-8")
    code, _, err = run(capsys, "rates", "--rates", str(p))
    assert code == 2 and "line 3" in err and "positive" in err


# ---- refresh (into a temporary folder, never the real package data) --------------------------


@pytest.fixture
def fake_package(monkeypatch, tmp_path) -> Path:
    target = tmp_path / "currency_tables"
    target.mkdir()
    monkeypatch.setattr(refresh_mod, "package_dir", lambda: target)
    return target


def _shipped() -> Path:
    return refresh_mod.Path(refresh_mod.__file__).parents[1] / "currency_tables" / DATA_FILE


def test_maintainer_refresh_script_from_a_file(capsys, fake_package):
    src = fake_package.parent / "copy.zip"
    shutil.copy(_shipped(), src)
    assert refresh_mod.main(["--from", str(src), "--target", str(fake_package)]) == 0
    assert "refreshed" in capsys.readouterr().out
    man = json.loads((fake_package / "manifest.json").read_text())
    assert man["last_date"] == str(TABLE.last_day) and (fake_package / DATA_FILE).exists()
    assert refresh_mod.main(["--from", str(src), "--target", str(fake_package)]) == 0
    assert "unchanged" in capsys.readouterr().out


def test_refresh_refuses_an_older_table(capsys, fake_package):
    shutil.copy(_shipped(), fake_package / DATA_FILE)
    old = fake_package.parent / "old.csv"
    old.write_text("Date,USD,JPY,\n2001-01-02,0.9,100,\n2001-01-03,0.91,101,\n", encoding="utf-8")
    assert refresh_mod.main(["--from", str(old), "--target", str(fake_package)]) == 2
    assert "ends on 2001-01-03, before the current table" in capsys.readouterr().err
    assert refresh_mod.refresh(old, fake_package, force=True).changed


@pytest.mark.parametrize(
    ("body", "expect"),
    [
        (b"garbage", "ECB layout"),
        (b"Date,USD,\n2030-01-02,abc,\n", "line 2"),
        (b"Date,JPY,\n2030-01-02,1,\n", "no USD column"),
    ],
)
def test_refresh_rejects_what_does_not_parse(fake_package, body, expect):
    bad = fake_package.parent / "bad.csv"
    bad.write_bytes(body)
    with pytest.raises(refresh_mod.RateTableError, match=expect):
        refresh_mod.refresh(bad, fake_package)
    assert not (fake_package / DATA_FILE).exists()


def test_refresh_wraps_a_csv_into_the_zip(fake_package):
    new = fake_package.parent / "new.csv"
    new.write_text("Date,USD,CNY,\n2030-01-02,1.2,8,\n", encoding="utf-8")
    result = refresh_mod.refresh(new, fake_package)
    assert result.changed and str(result.new_last) == "2030-01-02"
    t = RateTable.from_ecb_bytes((fake_package / DATA_FILE).read_bytes())
    assert t.rate("USD", "CNY", "2030-01-02").value == RATE_CONTEXT.divide(Decimal(8), Decimal("1.2"))
    assert json.loads((fake_package / "manifest.json").read_text())["currencies"] == ["CNY", "USD"]
