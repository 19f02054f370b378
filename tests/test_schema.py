"""Every output format validates against the pydantic models of the interface contract
(figures.io.schema), and `figures schema` prints their JSON Schema. Sentences written for this
test."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pandas as pd
import pytest
from pydantic import ValidationError

import figures
import figures.io.schema
from figures.cli import main
from figures.io.schema import CheckDocument, ExtractRow, RateRow

TEXT = ("date 2023-05-10\n"
        "Harbor Mills will invest RMB 2 billion ($280 million) in a paper plant, while "
        "Taipei-based Lumora Optics plans to spend NT$3.2 billion (US$104 million). Shares "
        "rose 4.5% to HK$13.52; the line makes about 1,200 tons a year, or ¥900 million.\n")


@pytest.fixture()
def doc(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, out


def test_jsonl_rows_validate(capsys, doc):
    code, out = _run(capsys, "extract", str(doc), "--format", "jsonl", "--to", "USD")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) >= 6
    for r in rows:
        ExtractRow.model_validate(r)
    by_text = {r["text"]: r for r in rows}
    assert by_text["RMB 2 billion"]["currency"] == "CNY"
    # a TWD amount converts through the NBP table and says so
    assert by_text["NT$3.2 billion"]["currency"] == "TWD"
    assert "NBP" in by_text["NT$3.2 billion"]["rate_source"]


def _csv_cell(key, v):
    if v == "":
        return [] if key == "currency_candidates" else None
    if key == "currency_candidates":
        return re.findall(r"[A-Z]{3}", v)
    return v


def test_csv_rows_validate(capsys, doc):
    code, out = _run(capsys, "extract", str(doc), "--format", "csv", "--to", "USD")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows
    for r in rows:
        ExtractRow.model_validate({k: _csv_cell(k, v) for k, v in r.items()})


def _cell(v):
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, tuple):
        return list(v)
    if v is None or (isinstance(v, float) and v != v):
        return None
    return v


def test_dataframe_rows_validate():
    df = pd.DataFrame({"id": ["a"], "text": [TEXT], "date": ["2023-05-10"]})
    out = figures.extract_frame(df, to="USD")
    assert len(out) >= 6
    for row in out.to_dict("records"):
        ExtractRow.model_validate({k: _cell(v) for k, v in row.items()})


def test_check_json_validates(capsys, doc):
    code, out = _run(capsys, "check", str(doc), "--format", "json", "--fail-on", "never")
    parsed = CheckDocument.model_validate_json(out)
    assert code == 0
    checks = {f.check for d in parsed.documents for f in d.findings}
    assert "conversion" in checks


@pytest.mark.parametrize("bad", [
    {"value": "1e10"},                      # Decimals are plain notation
    {"kind": "bananas"},                    # kind is one of six
    {"currency": "usd"},                    # codes are upper-case ISO
])
def test_the_schema_rejects_what_the_contract_forbids(bad):
    row = {"doc": "a", "start": 0, "end": 3, "text": "$10", "kind": "money", "value": "10",
           "low": None, "high": None, "currency": "USD", "unit": None, "per": None,
           "qualifier": None, "scale_word": None, "precision": "1", "date": None,
           "to_currency": None, "normalized_value": None, "normalized_low": None,
           "normalized_high": None, "rate": None, "rate_date": None, "rate_source": None}
    ExtractRow.model_validate(row)
    with pytest.raises(ValidationError):
        ExtractRow.model_validate({**row, **bad})


def test_rate_row():
    RateRow.model_validate({"date": "2021-10-19", "currency": "TWD", "rate": "32.5"})
    with pytest.raises(ValidationError):
        RateRow.model_validate({"date": "19/10/2021", "currency": "TWD", "rate": "32.5"})


@pytest.mark.parametrize("what", ["extract", "check", "rates"])
def test_schema_command_prints_json_schema(capsys, what):
    code, out = _run(capsys, "schema", what)
    schema = json.loads(out)
    assert code == 0 and schema["type"] == "object" and schema["properties"]


def test_the_contract_uses_the_core_enums_not_copies():
    """One source per concept (issue 13): a status, severity or kind added to figures.model is
    in the contract at once."""
    from figures.io.schema import FindingRow
    from figures.model import Kind, Severity, Status

    assert ExtractRow.model_fields["kind"].annotation is Kind
    assert FindingRow.model_fields["status"].annotation is Status
    assert FindingRow.model_fields["severity"].annotation is Severity
    defs = json.loads(figures.io.schema.json_schema("check"))["$defs"]
    assert set(defs["Status"]["enum"]) == {"consistent", "inconsistent", "unverifiable"}
    assert set(defs["Severity"]["enum"]) == {"info", "warning", "error"}
