"""Issue 15 item 1 in file input: a `country` or `locale` column (CSV) or field (JSONL, Parquet)
gives each document its country; a bad value is one line naming the file and line, the other
rows still come out and the run exits 2; a row's own value wins over --country, which is the
country of the rows that give none."""

from __future__ import annotations

import csv
import json

import pytest

from figures.cli.app import main
from figures.io.inputs import InputFailure, read_documents

# "Rs" is the Pakistani or the Indian rupee (among others) and a bare "$" any of several
# dollars: only the row's country settles them.
RUPEES = "The company will spend Rs3 billion on a new plant."
DOLLARS = "The council approved a $4 million upgrade of the harbour."


def _csv(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _extract(capsys, *argv):
    code = main(["extract", "--format", "jsonl", *argv])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def _currency(rows, doc):
    got = [r["currency"] for r in rows if r["doc"] == doc and r["kind"] == "money"]
    assert len(got) == 1, (doc, rows)
    return got[0]


def test_csv_country_column_settles_each_row(tmp_path, capsys):
    path = _csv(tmp_path / "news.csv", ["id", "text", "country"],
                [["pk", RUPEES, "PK"], ["in", RUPEES, "in"], ["au", DOLLARS, "en_AU"],
                 ["nz", DOLLARS, "en-NZ"]])
    code, rows, err = _extract(capsys, str(path))
    assert code == 0, err
    assert _currency(rows, "pk") == "PKR"
    assert _currency(rows, "in") == "INR"
    assert _currency(rows, "au") == "AUD"
    assert _currency(rows, "nz") == "NZD"
    assert {r["country"] for r in rows if r["doc"] == "au"} == {"AU"}


def test_jsonl_locale_field_settles_each_row(tmp_path, capsys):
    path = _jsonl(tmp_path / "news.jsonl", [{"id": "a", "text": DOLLARS, "locale": "en_SG"},
                                            {"id": "b", "text": RUPEES, "locale": "ur_PK"}])
    code, rows, err = _extract(capsys, str(path))
    assert code == 0, err
    assert _currency(rows, "a") == "SGD"
    assert _currency(rows, "b") == "PKR"


def test_a_bad_country_is_one_line_and_the_other_rows_come_out(tmp_path, capsys):
    path = _csv(tmp_path / "news.csv", ["id", "text", "country"],
                [["good1", RUPEES, "PK"], ["bad", RUPEES, "Atlantis"], ["good2", DOLLARS, "AU"]])
    code, rows, err = _extract(capsys, str(path))
    assert code == 2
    assert _currency(rows, "good1") == "PKR" and _currency(rows, "good2") == "AUD"
    assert not [r for r in rows if r["doc"] == "bad"]
    errors = [line for line in err.splitlines() if "error" in line]
    assert len(errors) == 1
    assert "news.csv line 3" in errors[0] and "Atlantis" in errors[0]
    assert "Traceback" not in err


@pytest.mark.parametrize("row, why", [
    ({"id": "n", "text": RUPEES, "country": 42}, "not a country"),
    ({"id": "n", "text": RUPEES, "country": ["PK"]}, "not a country"),
    ({"id": "n", "text": RUPEES, "country": "PK", "locale": "en_IN"}, "one country per row"),
    ({"id": "n", "text": RUPEES, "locale": "xx_YY"}, "unknown country"),
])
def test_bad_jsonl_country_values_are_input_failures(tmp_path, row, why):
    path = _jsonl(tmp_path / "in.jsonl", [row, {"id": "ok", "text": DOLLARS, "country": "NZ"}])
    items = list(read_documents([path]))
    assert isinstance(items[0], InputFailure)
    assert "in.jsonl line 1" in items[0].message and why in items[0].message
    assert items[1].doc == "ok" and items[1].country == "NZ"


def test_empty_or_missing_values_leave_the_text_to_decide(tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", [{"text": RUPEES, "country": None},
                                          {"text": RUPEES, "country": "  "},
                                          {"text": RUPEES},
                                          {"text": RUPEES, "country": "PK", "locale": "en_PK"}])
    items = list(read_documents([path]))
    assert [d.country for d in items] == [None, None, None, "PK"]


def test_the_row_wins_over_the_flag_which_fills_the_rest(tmp_path, capsys):
    path = _csv(tmp_path / "news.csv", ["id", "text", "country"],
                [["row-au", DOLLARS, "AU"], ["no-value", DOLLARS, ""]])
    code, rows, err = _extract(capsys, str(path), "--country", "NZ")
    assert code == 0, err
    assert _currency(rows, "row-au") == "AUD"
    assert _currency(rows, "no-value") == "NZD"


def test_the_flag_gives_plain_files_their_country(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text(DOLLARS + "\n", encoding="utf-8")
    code, rows, _ = _extract(capsys, str(path))
    assert code == 0 and _currency(rows, "story.txt") == "USD"  # no local signal: wire style
    code, rows, _ = _extract(capsys, str(path), "--country", "NZ")
    assert code == 0 and _currency(rows, "story.txt") == "NZD"


def test_check_reads_the_column_too(tmp_path, capsys):
    text = "The company will spend Rs 28 billion ($100 million) on the plant."
    path = _csv(tmp_path / "news.csv", ["id", "text", "date", "country"],
                [["pk", text, "2025-09-10", "PK"], ["bad", text, "2025-09-10", "ZZ"]])
    code = main(["check", str(path), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2  # the bad row is an input problem; the good one is still checked
    assert "news.csv line 3" in err and "ZZ" in err
    assert "'Rs 28 billion'" in out and "PKR" in out


def test_parquet_country_column(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="Parquet input needs pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "news.parquet"
    pq.write_table(pa.table({"text": [RUPEES, DOLLARS], "country": ["PK", None]}), path)
    items = list(read_documents([path]))
    assert [d.country for d in items] == ["PK", None]
