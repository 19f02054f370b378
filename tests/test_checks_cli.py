"""figures.check / check_documents / report_dict and `figures check`."""

from __future__ import annotations

import json
from datetime import date as Date

import pytest

from figures.checks.runner import check, check_documents, report_dict
from figures.cli.app import main
from figures.model import Document, Report
from tests.conftest import SEEDS

XIAOMI = "Xiaomi will invest RMB 10 billion ($1.54 billion) initially."


def test_check_design_example():
    r = check(XIAOMI, date="2021-10-19")
    assert isinstance(r, Report)
    conv = [f for f in r.findings if f.check == "conversion"]
    assert [(f.status, f.severity) for f in conv] == [("inconsistent", "warning")]
    d = conv[0].details
    assert str(d["implied_rate"]) == "6.4935"
    assert d["rate_date"] == Date(2021, 10, 19)
    assert r.figures and all(f.doc == "text" for f in r.figures)
    money = [f for f in r.figures if f.currency == "CNY"]
    assert money[0].to_currency == "USD" and money[0].normalized_value is not None


def test_check_undated_and_date_line():
    r = check(XIAOMI)
    assert [f.status for f in r.findings if f.check == "conversion"] == ["unverifiable"]
    r = check(" date 2021-03-30 " + XIAOMI)
    assert r.documents[0].date == Date(2021, 3, 30)
    assert [f.status for f in r.findings if f.check == "conversion"] == ["consistent"]


def test_check_several_texts_cross_findings():
    a = "Acme's research and development team has more than 2,300 people, the company said."
    b = "At the end of 2022 Acme's R&D team had about 2,300 people."
    r = check([a, b], docs=["a.txt", "b.txt"])
    assert [d.doc for d in r.documents] == ["a.txt", "b.txt"]
    [f] = [f for f in r.cross_findings if f.check == "same_fact"]
    assert f.status == "consistent"
    assert {m.doc for m in f.mentions} == {"a.txt", "b.txt"}
    with pytest.raises(Exception, match="one name per text"):
        check([a, b], docs=["only-one"])


def test_check_documents_passes_failures_through():
    from figures.io.inputs import InputFailure

    r = check_documents([Document("ok.txt", XIAOMI, Date(2021, 10, 19), "argument"),
                         InputFailure("bad.txt", "bad.txt: binary file")])
    assert [d.doc for d in r.documents] == ["ok.txt", "bad.txt"]
    assert r.documents[1].error and r.documents[1].figures == ()


def test_report_dict_is_json_with_plain_decimals():
    out = report_dict(check(XIAOMI, date="2021-10-19"))
    s = json.dumps(out)
    assert "E+" not in s and "e+" not in s
    [doc] = out["documents"]
    assert doc["date"] == "2021-10-19"
    f = doc["findings"][0]
    assert set(f) == {"check", "status", "severity", "mentions", "message", "details"}
    assert f["details"]["implied_rate"] == "6.4935"
    assert f["mentions"][0] == {"doc": "text", "start": 19, "end": 33, "text": "RMB 10 billion"}
    assert out["summary"]["by_check"]["conversion"] == 1


@pytest.fixture
def xiaomi_file(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text(XIAOMI, encoding="utf-8")
    return p


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("never", 0)])
def test_cli_exit_codes(xiaomi_file, fail_on, code, capsys):
    assert main(["check", str(xiaomi_file), "--date", "2021-10-19", "--fail-on", fail_on]) == code


def test_cli_error_severity_fails_by_default(tmp_path):
    p = tmp_path / "y.txt"
    p.write_text("It will invest RMB 10 billion ($10 billion) in cars.", encoding="utf-8")
    assert main(["check", str(p), "--date", "2021-10-19"]) == 1


def test_cli_json(xiaomi_file, capsys):
    assert main(["check", str(xiaomi_file), "--date", "2021-10-19", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"][0]["doc"] == "x.txt"
    assert out["documents"][0]["findings"][0]["check"] == "conversion"
    assert "summary" in out


def test_cli_text_plain_when_not_a_tty(xiaomi_file, capsys):
    assert main(["check", str(xiaomi_file), "--date", "2021-10-19"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert "x.txt" in out and "inconsistent" in out and "»RMB 10 billion«" in out
    assert "6.4935 CNY per USD" in out
    assert "Summary:" in out


def test_cli_tabular_columns(tmp_path, capsys):
    p = tmp_path / "docs.csv"
    p.write_text(f'body,day,key\n"{XIAOMI}",2021-10-19,row1\n', encoding="utf-8")
    assert main(["check", str(p), "--text-col", "body", "--date-col", "day", "--id-col", "key",
                 "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"][0]["doc"] == "row1"
    assert out["documents"][0]["date"] == "2021-10-19"


@pytest.mark.parametrize("args", [
    ["check", "/nonexistent/file.txt"],
    ["check", "x.txt", "--date", "yesterday-ish"],
    ["check", "x.txt", "--checks", "nonsense"],
    ["check", "x.txt", "--format", "xml"],
])
def test_cli_usage_errors(tmp_path, monkeypatch, args, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text(XIAOMI, encoding="utf-8")
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()


def test_cli_checks_option(xiaomi_file, capsys):
    assert main(["check", str(xiaomi_file), "--checks", "same_fact", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"][0]["findings"] == []


def test_check_csv_output_round_trips(tmp_path):
    import figures
    from figures.cli.app import main

    out = tmp_path / "findings.csv"
    assert main(["check", str(SEEDS), "--format", "csv", "-o", str(out), "--fail-on", "never"]) == 0
    frame = figures.read_csv(out)
    assert {"check", "status", "severity", "message"} <= set(frame.columns)
    assert "conversion" in set(frame["check"])
    assert set(frame["status"]) <= {"consistent", "inconsistent", "unverifiable"}
