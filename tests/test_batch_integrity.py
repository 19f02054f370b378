"""Issue 12 items 1 and 2: one bad item never wipes out a batch, and documents that share a
name are kept apart (CLI, Python, DataFrame, report)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import figures
from figures.cli import main

GOOD1 = "The museum paid $5 million for the roof.\n"
GOOD2 = "The club sold its stadium for EUR 40 million.\n"

BAD_INPUTS = {
    # name -> (file content or None for a missing path, good rows inside it)
    "unquoted_comma.csv": ('id,text\nr1,"A ferry costs $2 million."\nr2,A bus, '
                           'worth $1 million, broke.\nr3,"A tram costs $3 million."\n', 2),
    "unclosed_quote.csv": ('id,text\nr1,"A ferry costs $2 million."\nr2,"A bus costs $1 '
                           'million.\n', 1),
    "bad_line.jsonl": ('{"id": "r1", "text": "A ferry costs $2 million."}\n{oops\n'
                       '{"id": "r3", "text": "A tram costs $3 million."}\n', 2),
    "missing.txt": (None, 0),
}


def _write(tmp_path, name, content):
    p = tmp_path / name
    if content is not None:
        p.write_text(content, encoding="utf-8")
    return p


@pytest.fixture
def goods(tmp_path):
    return _write(tmp_path, "good1.txt", GOOD1), _write(tmp_path, "good2.txt", GOOD2)


@pytest.mark.parametrize("bad", list(BAD_INPUTS))
def test_check_json_keeps_every_good_document(tmp_path, goods, bad, capsys):
    content, good_rows = BAD_INPUTS[bad]
    path = _write(tmp_path, bad, content)
    rc = main(["check", str(goods[0]), str(path), str(goods[1]), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 2
    docs = out["documents"]
    assert docs[0]["doc"] == "good1.txt" and docs[0]["figures"] == 1
    assert docs[-1]["doc"] == "good2.txt" and docs[-1]["figures"] == 1
    good = [d for d in docs[1:-1] if "error" not in d]
    bad_docs = [d for d in docs if "error" in d]
    assert len(good) == good_rows and all(d["figures"] == 1 for d in good)
    assert len(bad_docs) == 1 and bad in bad_docs[0]["error"]
    assert out["summary"]["documents"] == 2 + good_rows + 1
    assert out["summary"]["unreadable"] == 1


@pytest.mark.parametrize("bad", list(BAD_INPUTS))
def test_extract_reads_past_a_bad_item(tmp_path, goods, bad, capsys):
    content, good_rows = BAD_INPUTS[bad]
    path = _write(tmp_path, bad, content)
    rc = main(["extract", str(goods[0]), str(path), str(goods[1]), "--format", "jsonl"])
    captured = capsys.readouterr()
    rows = [json.loads(x) for x in captured.out.splitlines()]
    assert rc == 2
    assert len(rows) == 2 + good_rows  # one figure per good document
    assert bad in captured.err


@pytest.mark.parametrize("bad", list(BAD_INPUTS))
def test_report_is_written_despite_a_bad_item(tmp_path, goods, bad, capsys):
    content, _ = BAD_INPUTS[bad]
    path = _write(tmp_path, bad, content)
    out = tmp_path / "r.html"
    rc = main(["report", str(goods[0]), str(path), str(goods[1]), "-o", str(out)])
    assert rc == 2
    html = out.read_text(encoding="utf-8")
    assert "museum" in html and "stadium" in html


def test_duplicate_file_names_are_kept_apart(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "news.txt").write_text("The bridge cost $3 million and the road "
                                            "$4 million.\n", encoding="utf-8")
    (tmp_path / "b" / "news.txt").write_text("The port cost EUR 9 million.\n", encoding="utf-8")
    rc = main(["check", str(tmp_path / "a" / "news.txt"), str(tmp_path / "b" / "news.txt"),
               "--format", "json"])
    docs = json.loads(capsys.readouterr().out)["documents"]
    assert rc in (0, 1)
    assert [(d["doc"], d["figures"]) for d in docs] == [("news.txt", 2), ("news.txt #2", 1)]


def test_duplicate_names_in_python_check():
    r = figures.check(["The bridge cost $3 million and the road $4 million.",
                       "The port cost EUR 9 million."], docs=["x", "x"], date="2021-10-19")
    assert [(d.doc, len(d.figures)) for d in r.documents] == [("x", 2), ("x #2", 1)]
    assert [f.text for f in r.documents[0].figures] == ["$3 million", "$4 million"]


def test_duplicate_ids_in_check_frame_match_extract_frame():
    df = pd.DataFrame({"id": ["x", "x"], "text": ["The bridge cost $3 million.", "No money."]})
    checked = figures.frame.check_frame(df, date=None)
    extracted = figures.frame.extract_frame(df, date=None)
    assert checked.attrs["figures_summary"].with_figures == 1
    assert extracted.attrs["figures_summary"].with_figures == 1


def test_finding_is_shown_with_its_own_document(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "n.txt").write_text("Date 2021-10-19. Xiaomi will invest RMB 10 billion "
                                         "($9 billion).\n", encoding="utf-8")
    (tmp_path / "b" / "n.txt").write_text("The weather was mild.\n", encoding="utf-8")
    main(["check", str(tmp_path / "a" / "n.txt"), str(tmp_path / "b" / "n.txt"),
          "--format", "json", "--fail-on", "never"])
    docs = json.loads(capsys.readouterr().out)["documents"]
    assert docs[0]["doc"] == "n.txt" and docs[0]["findings"]
    assert docs[1]["doc"] == "n.txt #2" and docs[1]["findings"] == []


def test_a_nul_in_one_cell_does_not_drop_the_file(tmp_path, capsys):
    # found by the paths fuzz target: a NUL in a cell made the whole CSV "binary"
    p = tmp_path / "t.csv"
    p.write_text('id,text\nr1,"The ferry costs $2 million."\nr2,"a\x00b"\n', encoding="utf-8")
    main(["check", str(p), "--format", "json"])
    docs = json.loads(capsys.readouterr().out)["documents"]
    assert [d["figures"] for d in docs] == [1, 0]
