"""Bad input at the CLI: one clear line on stderr and exit 2 (or a documented decoding
fallback with a warning), never a traceback; in a batch, one bad file never stops the rest."""

from __future__ import annotations

import json
import os

import pytest

from figures.cli.app import main

GOOD = "Xiaomi will invest RMB 10 billion ($1.54 billion) in cars.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.startswith("figures: error:")]
    assert lines, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    "name,content,needle",
    [
        ("binary.txt", b"\x00\x01\x02\xff" * 100, "binary"),
        ("latin1.txt", "Caf\xe9 costs \u00a35 million".encode("latin-1"), "not UTF-8"),
        ("utf16-nobom.txt", GOOD.encode("utf-16-le"), "UTF-16"),
    ],
)
def test_unreadable_file_exit_2(tmp_path, capsys, name, content, needle):
    p = tmp_path / name
    p.write_bytes(content)
    code, _, err = run(capsys, "extract", str(p), "--format", "jsonl")
    assert code == 2
    assert needle in one_line_error(err)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_bom_encodings_decode_with_warning(tmp_path, capsys, encoding):
    p = tmp_path / "bom.txt"
    p.write_bytes(GOOD.encode(encoding))
    code, out, err = run(capsys, "extract", str(p), "--format", "jsonl")
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["text"] for r in rows] == ["RMB 10 billion", "$1.54 billion"]
    if encoding != "utf-8-sig":
        assert "warning" in err and "UTF-" in err


def test_explicit_encoding_reads_latin1(tmp_path, capsys):
    p = tmp_path / "latin1.txt"
    p.write_bytes("The caf\xe9 chain paid \u00a35 million.".encode("latin-1"))
    code, out, _ = run(capsys, "extract", str(p), "--format", "jsonl", "--encoding", "latin-1")
    assert code == 0
    assert json.loads(out.splitlines()[0])["currency"] == "GBP"


def test_empty_file_is_fine_and_has_no_figures(tmp_path, capsys):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    code, out, _ = run(capsys, "extract", str(p), "--format", "jsonl")
    assert code == 0 and out == ""


@pytest.mark.parametrize(
    "content,needle",
    [
        (b"", "empty file"),
        (b"id,body\n1,hello\n", "no 'text' column"),
        (b"id,text\n1,hello\n2,too,many,fields\n", "line 3"),
    ],
)
def test_malformed_csv_exit_2(tmp_path, capsys, content, needle):
    p = tmp_path / "docs.csv"
    p.write_bytes(content)
    code, _, err = run(capsys, "extract", str(p), "--format", "jsonl")
    assert code == 2
    assert needle in one_line_error(err)


def test_missing_path_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert code == 2
    assert "no such file" in one_line_error(err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a directory without permissions")
def test_directory_without_permission_exit_2(tmp_path, capsys):
    d = tmp_path / "locked"
    d.mkdir()
    (d / "a.txt").write_text(GOOD)
    d.chmod(0)
    try:
        code, _, err = run(capsys, "extract", str(d))
    finally:
        d.chmod(0o755)
    assert code == 2
    assert "permission denied" in one_line_error(err)


def test_unreadable_directory_via_listing_error(tmp_path, capsys, monkeypatch):
    """Runs as root too: a PermissionError from listing the directory is reported, not raised."""
    from pathlib import Path

    d = tmp_path / "locked"
    d.mkdir()

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", deny)
    code, _, err = run(capsys, "extract", str(d))
    assert code == 2
    assert "permission denied" in one_line_error(err)


@pytest.mark.parametrize("bad_date", ["yesterday", "2021-13-01", "19/10/2021x"])
def test_bad_date_exit_2(tmp_path, capsys, bad_date):
    p = tmp_path / "a.txt"
    p.write_text(GOOD)
    code, _, err = run(capsys, "extract", str(p), "--date", bad_date)
    assert code == 2
    assert "not a date" in one_line_error(err)


def test_unknown_to_currency_exit_2(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text(GOOD)
    code, _, err = run(capsys, "extract", str(p), "--to", "XYZ")
    assert code == 2
    assert "XYZ" in one_line_error(err)


def test_unknown_option_is_one_line(capsys):
    code, _, err = run(capsys, "extract", "--no-such-flag", "x")
    assert code == 2
    assert len(err.strip().splitlines()) == 1


def test_batch_continues_after_a_bad_file(tmp_path, capsys):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_bad.txt").write_bytes(b"\x00\xff" * 50)
    (tmp_path / "c_good.txt").write_text("Sales rose 8.51% to HK$13.52.", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path), "--format", "jsonl")
    assert code == 2
    docs = {json.loads(x)["doc"] for x in out.splitlines()}
    assert docs == {"a_good.txt", "c_good.txt"}
    assert "b_bad.txt" in err and "1 input(s) could not be read" in err


def test_csv_rows_with_bad_text_are_reported(tmp_path, capsys):
    p = tmp_path / "docs.jsonl"
    p.write_text(
        json.dumps({"id": "ok", "text": GOOD, "date": "2021-10-19"}) + "\n"
        + json.dumps({"id": "null", "text": None}) + "\n"
        + json.dumps({"id": "num", "text": 42}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "extract", str(p), "--format", "jsonl")
    assert code == 2
    rows = [json.loads(x) for x in out.splitlines()]
    assert {r["doc"] for r in rows} == {"ok"}
    assert all(r["date"] == "2021-10-19" for r in rows)
    assert "2 input(s) could not be read" in err
