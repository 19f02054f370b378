"""figures.io.export: CSV and Parquet writing and reading, formula neutralization, dispatch."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figures.dataframe.accessor
from figures.checks.runner import check_documents
from figures.dataframe.frame import check_frame, extract_frame
from figures.errors import InputError
from figures.extract import extract
from figures.io.export import (
    FIGURE_FIELDS,
    FINDING_FIELDS,
    decimal_type,
    figure_from_dict,
    is_formula,
    neutralize,
    read_csv,
    read_parquet,
    to_csv,
    to_parquet,
    unneutralize,
    write_csv,
    write_findings_csv,
)
from figures.io.inputs import read_documents
from figures.model import plain_decimal

from .conftest import SEEDS

figures.dataframe.accessor.register()

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    docs = list(read_documents([SEEDS]))
    return pd.DataFrame({"id": [d.doc for d in docs], "text": [d.text for d in docs],
                         "date": [d.date for d in docs]})


def assert_same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
    for col in a.columns:  # same Python types cell by cell (Decimal stays Decimal, ...)
        assert [type(v) for v in a[col]] == [type(v) for v in b[col]], col


# ---- neutralization --------------------------------------------------------------------------


@pytest.mark.parametrize("cell, written", [
    ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(1)", "'@SUM(1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("'quoted", "'quoted"),  # never doubled (issue 11)
    (" =1+1", "' =1+1"),  # a formula after leading whitespace (issue 12)
    ("\u200b=HYPERLINK(1)", "'\u200b=HYPERLINK(1)"),
    ("\ufeff@SUM(1)", "'\ufeff@SUM(1)"),
    ("\u00a0+1+cmd", "'\u00a0+1+cmd"),
    ("\uff1d1+1", "'\uff1d1+1"),
    ("|calc", "'|calc"),
    ("%0A=1", "'%0A=1"),
    ("\n=1", "'\n=1"),
    ("-5", "-5"),
    ("+1.5e3", "+1.5e3"),
    ("-inf", "'-inf"),
    ("RMB 10 billion", "RMB 10 billion"),
    ("", ""),
])
def test_neutralize_table(cell, written):
    assert neutralize(cell) == written
    assert unneutralize(written) == cell


@given(st.text())
def test_neutralize_is_safe_and_reversible(s):
    out = neutralize(s)
    assert unneutralize(out) == s
    if out and out[0] in "=+-@\t\r":
        float(out)  # only a plain number may start like a formula


# ---- CSV -------------------------------------------------------------------------------------


def test_figures_frame_round_trips_through_csv(seeds, tmp_path):
    figs = extract_frame(seeds, to="USD")
    path = tmp_path / "figs.csv"
    assert to_csv(figs, path) == len(figs)
    assert_same(read_csv(path), figs)


def test_findings_frame_round_trips_through_csv(seeds, tmp_path):
    found = check_frame(seeds)
    path = tmp_path / "findings.csv"
    to_csv(found, path)
    assert_same(read_csv(path), found)


def test_cli_csv_and_frame_agree(seeds, tmp_path):
    figs = [f for row in seeds.itertuples() for f in extract(row.text, date=row.date, doc=row.id)]
    path = tmp_path / "a.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        write_csv(figs, f)
    back = read_csv(path)
    assert tuple(back.columns) == FIGURE_FIELDS
    assert_same(back, extract_frame(seeds, floats=False))


def test_decimals_are_plain_and_utf8(tmp_path):
    df = pd.DataFrame({"value": pd.Series([Decimal("1E+10"), Decimal("-0.00000001")], dtype=object),
                       "text": pd.Series(["10 亿元", "=1+1"], dtype=object)})
    path = tmp_path / "d.csv"
    to_csv(df, path)
    raw = path.read_bytes().decode("utf-8")
    assert "10000000000" in raw and "-0.00000001" in raw and "E+" not in raw
    assert "'=1+1" in raw
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[1] == ["10000000000", "10 亿元"]
    assert_same(read_csv(path), df)


def test_empty_cells_are_none_and_types_can_be_named(tmp_path):
    df = pd.DataFrame({"amount": pd.Series([Decimal("1.5"), None], dtype=object),
                       "when": pd.Series([date(2021, 10, 19), None], dtype=object),
                       "n": [1, 2], "note": pd.Series([None, "x"], dtype=object)})
    path = tmp_path / "t.csv"
    to_csv(df, path)
    back = read_csv(path, types={"amount": "decimal", "when": "date", "n": "int"})
    assert_same(back, df)
    assert read_csv(path)["amount"].tolist() == ["1.5", None]  # unknown columns are text


# An apostrophe already before a formula is the one shape neutralize cannot round-trip (it
# never doubles a quote, issue 11).
texts = st.text(st.characters(codec="utf-8"), min_size=1).filter(
    lambda t: not (t.startswith("'") and is_formula(t[1:])))
decimals = st.decimals(allow_nan=False, allow_infinity=False)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(texts, decimals, st.one_of(st.none(), decimals),
                          st.lists(st.sampled_from(["USD", "CNY", "JPY"]), max_size=3)),
                max_size=8))
def test_csv_round_trip_of_any_decimals_and_texts(rows):
    df = pd.DataFrame({
        "text": pd.Series([r[0] for r in rows], dtype=object),
        "value": pd.Series([r[1] for r in rows], dtype=object),
        "rate": pd.Series([r[2] for r in rows], dtype=object),
        "currency_candidates": pd.Series([tuple(r[3]) for r in rows], dtype=object),
    })
    buf = io.StringIO(newline="")
    to_csv(df, buf)
    back = read_csv(io.StringIO(buf.getvalue(), newline=""))
    assert back["text"].tolist() == df["text"].tolist()
    assert back["value"].tolist() == df["value"].tolist()
    assert back["rate"].tolist() == df["rate"].tolist()
    assert back["currency_candidates"].tolist() == df["currency_candidates"].tolist()
    for line in list(csv.reader(io.StringIO(buf.getvalue(), newline="")))[1:]:
        for c in line:  # a cell may start like a formula only if it is a plain number
            if c and c[0] in "=+-@\t\r":
                float(c)
        assert "E" not in line[1] + line[2] and "e" not in line[1] + line[2]  # plain notation


def test_read_csv_reports_the_bad_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("doc,start\na,1\nb,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3: column 'start'"):
        read_csv(path)
    path.write_text("doc,start\na,1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: 3 fields"):
        read_csv(path)


@pytest.mark.parametrize("types", [{"x": "money"}])
def test_read_csv_rejects_unknown_types(tmp_path, types):
    (tmp_path / "a.csv").write_text("x\n1\n", encoding="utf-8")
    with pytest.raises(InputError, match="types"):
        read_csv(tmp_path / "a.csv", types=types)


# ---- dispatch --------------------------------------------------------------------------------


def test_to_csv_of_a_report_a_list_of_figures_and_of_findings(seeds, tmp_path):
    report = check_documents(read_documents([SEEDS]))
    n = to_csv(report, tmp_path / "r.csv")
    assert n == len(report.findings)
    back = read_csv(tmp_path / "r.csv")
    assert tuple(back.columns) == FINDING_FIELDS
    assert to_csv(report, tmp_path / "f.csv", what="figures") == len(report.figures)
    assert to_csv(report.figures, tmp_path / "g.csv") == len(report.figures)
    assert to_csv(report.findings, tmp_path / "h.csv") == len(report.findings)
    assert read_csv(tmp_path / "h.csv")["check"].tolist() == \
        [f.check for f in report.findings]
    with pytest.raises(InputError, match="cannot export"):
        to_csv([1, 2], tmp_path / "x.csv")


def test_write_findings_csv_streams_json_columns():
    report = check_documents(read_documents([SEEDS]))
    buf = io.StringIO(newline="")
    assert write_findings_csv(report, buf) == len(report.findings)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert set(rows[0]) == set(FINDING_FIELDS)
    assert json.loads(rows[0]["mentions"])[0]["doc"]
    assert sum(r["cross_document"] == "true" for r in rows) == len(report.cross_findings)


def test_figure_from_dict_inverts_to_dict(seeds):
    figs = [f for t in seeds["text"] for f in extract(t, date=date(2021, 10, 19), to="USD")]
    assert [figure_from_dict(json.loads(json.dumps(f.to_dict()))) for f in figs] == figs


# ---- Parquet ---------------------------------------------------------------------------------


def test_figures_frame_round_trips_through_parquet(seeds, tmp_path):
    figs = extract_frame(seeds, to="USD")
    path = tmp_path / "f.parquet"
    assert to_parquet(figs, path) == len(figs)
    back = read_parquet(path)
    pd.testing.assert_frame_equal(back, figs)
    schema = pq.read_schema(path)
    assert str(schema.field("value").type).startswith("decimal128")
    assert str(schema.field("date").type) == "date32[day]"
    assert str(schema.field("currency_candidates").type).startswith("list<")


def test_findings_and_reports_to_parquet(seeds, tmp_path):
    found = check_frame(seeds)
    to_parquet(found, tmp_path / "a.parquet")
    pd.testing.assert_frame_equal(read_parquet(tmp_path / "a.parquet"), found)
    report = check_documents(read_documents([SEEDS]))
    assert to_parquet(report, tmp_path / "b.parquet", what="figures") == len(report.figures)
    assert tuple(read_parquet(tmp_path / "b.parquet").columns) == FIGURE_FIELDS


@pytest.mark.parametrize("values, typ", [
    ([Decimal("1.5"), Decimal("10000000000"), None], "decimal128(12, 1)"),
    ([Decimal("1E+3"), Decimal("-0.25")], "decimal128(6, 2)"),
    ([Decimal("1565185861.624409110442629996")], "decimal128(28, 18)"),
    ([Decimal("1E+20"), Decimal("1E-20")], None),  # 41 digits: written as text
    ([Decimal("NaN")], None),
])
def test_decimal_type_holds_every_value_exactly(values, typ):
    t = decimal_type(values)
    assert (None if t is None else str(t)) == typ


def test_too_wide_decimal_columns_fall_back_to_text(tmp_path):
    df = pd.DataFrame({"normalized_value": pd.Series(
        [Decimal("123456789012.5"), Decimal("0.0000000000000000000000000001234")], dtype=object)})
    to_parquet(df, tmp_path / "w.parquet")
    assert str(pq.read_schema(tmp_path / "w.parquet").field("normalized_value").type) == "string"
    back = read_parquet(tmp_path / "w.parquet")
    assert back["normalized_value"].tolist() == df["normalized_value"].tolist()
    assert [plain_decimal(v) for v in back["normalized_value"]] == \
        ["123456789012.5", "0.0000000000000000000000000001234"]


def test_read_parquet_of_a_folder_and_of_foreign_files(tmp_path: Path):
    to_parquet(pd.DataFrame({"doc": ["a"], "start": [1]}), tmp_path / "p1.parquet")
    to_parquet(pd.DataFrame({"doc": ["b"], "start": [2]}), tmp_path / "p2.parquet")
    back = read_parquet(tmp_path)
    assert back["doc"].tolist() == ["a", "b"] and back["start"].dtype == "int64"
    plain = tmp_path / "other"
    plain.mkdir()
    pd.DataFrame({"x": [1.5], "s": ["t"]}).to_parquet(plain / "o.parquet")
    foreign = read_parquet(plain / "o.parquet")
    assert foreign["x"].tolist() == [1.5] and foreign["s"].tolist() == ["t"]
    with pytest.raises(InputError, match="no such file"):
        read_parquet(tmp_path / "missing.parquet")
    (tmp_path / "junk.parquet").write_text("not parquet", encoding="utf-8")
    with pytest.raises(InputError, match="not a Parquet file"):
        read_parquet(tmp_path / "junk.parquet")


def test_normalized_frames_round_trip(tmp_path):
    prices = pd.DataFrame({"amount": pd.Series([Decimal("10000000000"), Decimal("13.52")],
                                               dtype=object),
                           "currency": ["CNY", "KPW"], "date": ["2021-10-19", "2021-10-19"]})
    out = prices.figures.normalize(to="USD")
    to_parquet(out, tmp_path / "n.parquet")
    pd.testing.assert_frame_equal(read_parquet(tmp_path / "n.parquet"), out)
    to_csv(out, tmp_path / "n.csv")
    back = read_csv(tmp_path / "n.csv", types={"amount": "decimal"})
    assert back["normalized_value"].tolist() == out["normalized_value"].tolist()
    assert back["rate_date"].tolist() == [date(2021, 10, 19), None]
    assert back["rate_note"][1] == out["rate_note"][1]


def test_to_dict_keys_follow_the_export_order_and_values_are_plain(seeds):
    """Figure.to_dict is written out field by field for speed: its keys must stay the contract
    order and every value must be what the generic _plain gives."""
    import dataclasses

    from figures.model import CONTRACT_FIELDS, EXTRA_FIELDS, Figure, _plain

    assert set(CONTRACT_FIELDS + EXTRA_FIELDS) == {f.name for f in dataclasses.fields(Figure)}
    figs = [f for t in seeds["text"] for f in extract(t, date=date(2021, 10, 19), to="USD")]
    assert any(f.normalized_value is not None for f in figs)
    assert any(f.qualifier is not None for f in figs) and any(f.direction is not None for f in figs)
    for f in figs:
        d = f.to_dict()
        assert list(d) == list(CONTRACT_FIELDS + EXTRA_FIELDS)
        assert d == {name: _plain(getattr(f, name)) for name in d}


@pytest.mark.parametrize("changes", [{"start": 5, "end": 9}, {"date_context": "2021"},
                                     {"currency": "USD", "currency_candidates": ()}])
def test_figure_replace_matches_dataclasses_replace(seeds, changes):
    import dataclasses

    fig = extract(seeds["text"][0])[0]
    assert fig.replace(**changes) == dataclasses.replace(fig, **changes)
    with pytest.raises(TypeError, match="no field"):
        fig.replace(colour="red")


def test_built_figures_are_frozen_figures(seeds):
    """The engine and Figure.replace build through FigureDraft: what comes out must be a plain,
    frozen, hashable Figure, equal to one made by the dataclass constructor."""
    import dataclasses

    from figures.model import Figure

    figs = extract(seeds["text"][0])
    assert figs
    for fig in (figs[0], figs[0].replace(start=1)):
        assert type(fig) is Figure
        with pytest.raises(dataclasses.FrozenInstanceError):
            fig.start = 0
        with pytest.raises(dataclasses.FrozenInstanceError):
            del fig.end
        assert fig == Figure(**{f.name: getattr(fig, f.name) for f in dataclasses.fields(Figure)})
        assert hash(fig) == hash(dataclasses.replace(fig))
