"""Issue 12 items 6-9 (and issue 11 item 5): every reproduction from the issue ends in a
one-line error with exit 2 (or a good result), never a traceback; reads are bounded; output is
safe for terminals and spreadsheets."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import zipfile
from decimal import Decimal

import pytest

import figures
from figures.cli.app import main
from figures.errors import FiguresError, InputError

# ---- item 6: tracebacks ------------------------------------------------------------------------


@pytest.mark.parametrize("digits", [27, 40, 4400])
def test_report_formats_amounts_of_any_size(tmp_path, digits, capsys):
    doc = tmp_path / "big.txt"
    doc.write_text(f"date 2021-10-19\n\nThe fund holds RMB {'9' * digits} billion.\n",
                   encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(doc), "-o", str(out)]) == 0
    assert "The fund holds" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["1E1000000", "1E-999999", "9" * 5000, "123456789012345678901234567.891"])
def test_html_formats_any_decimal(value):
    from figures.report.chart import fmt_decimal

    s = fmt_decimal(Decimal(value))
    assert len(s) < 60


@pytest.mark.parametrize("amount", ["1E1000000000", "1E1000000000000", "9e999999", "1e-999999",
                                    "1" * 100])
def test_convert_refuses_huge_amounts_before_expanding_them(amount):
    with pytest.raises(InputError, match=r"out of range|digits"):
        figures.convert(amount, "USD", "EUR", "2021-10-19")


@pytest.mark.parametrize("amount", ["1,2,3", "3_2.5", "1,23", "12,3456", "--5", "1e"])
def test_convert_refuses_malformed_amounts(amount):
    with pytest.raises(InputError, match="not a number"):
        figures.convert(amount, "USD", "EUR", "2021-10-19")


def test_convert_reads_grouped_thousands():
    fig = figures.convert("1,234,567.5", "EUR", "EUR", "2021-10-19")
    assert fig.value == Decimal("1234567.5")


def _zip(rows: str, method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=method) as z:
        z.writestr("r.csv", rows)
    return buf.getvalue()


ROWS = "date,currency,rate\n2021-10-19,TWD,32.5\n"


def _encrypted() -> bytes:
    b = bytearray(_zip(ROWS))
    b[6] |= 1
    i = b.find(b"PK\x01\x02")
    b[i + 8] |= 1
    return bytes(b)


def _exotic() -> bytes:
    b = bytearray(_zip(ROWS, zipfile.ZIP_STORED))
    b[8] = 99  # compression method 99 (AES), which zipfile lacks
    i = b.find(b"PK\x01\x02")
    b[i + 10] = 99
    return bytes(b)


def _corrupt() -> bytes:
    b = bytearray(_zip(ROWS * 50))
    b[40:60] = b"\xff" * 20
    return bytes(b)


BAD_TABLES = {
    "encrypted.zip": (_encrypted, "encrypted"),
    "exotic.zip": (_exotic, "cannot decompress"),
    "corrupt.zip": (_corrupt, "cannot decompress"),
    "tiny.csv": (lambda: b"date,currency,rate\n2021-10-19,TWD,1E-999999\n", "out of range"),
    "huge.csv": (lambda: b"date,currency,rate\n2021-10-19,TWD,1E999999\n", "out of range"),
    "underscore.csv": (lambda: b"date,currency,rate\n2021-10-19,TWD,3_2.5\n", "not a number"),
}


@pytest.mark.parametrize("name", list(BAD_TABLES))
def test_bad_rate_tables_are_one_line_errors(tmp_path, name, capsys):
    make, why = BAD_TABLES[name]
    table = tmp_path / name
    table.write_bytes(make())
    doc = tmp_path / "d.txt"
    doc.write_text("date 2021-10-19\n\nIt cost TWD 5 million.\n", encoding="utf-8")
    assert main(["check", str(doc), "--rates", str(table)]) == 2
    err = capsys.readouterr().err
    assert why in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_blank_and_na_cells_in_a_wide_table_are_missing_rates(tmp_path, capsys):
    table = tmp_path / "wide.csv"
    table.write_text("Date,USD,TWD\n2021-10-19, ,32.5\n2021-10-18, N/A,32.4\n", encoding="utf-8")
    doc = tmp_path / "d.txt"
    doc.write_text("date 2021-10-19\n\nIt cost TWD 5 million and USD 3 million.\n", encoding="utf-8")
    assert main(["check", str(doc), "--rates", str(table), "--format", "json"]) in (0, 1)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize("encoding,expect", [("bogus", "unknown encoding"),
                                             ("utf-16", "byte order mark")])
def test_bad_encodings_on_tables(tmp_path, suffix, encoding, expect, capsys):
    body = ('id,text\n1,"It cost $5 million."\n' if suffix == ".csv"
            else '{"id": "1", "text": "It cost $5 million."}\n')
    p = tmp_path / f"t{suffix}"
    p.write_bytes(body.encode("utf-16-le"))
    assert main(["check", str(p), "--encoding", encoding]) == 2
    err = capsys.readouterr().err
    assert expect in err and "Traceback" not in err


def test_utf16_without_bom_is_named_on_tables(tmp_path, capsys):
    p = tmp_path / "t.csv"
    p.write_bytes('id,text\n1,"It cost $5 million."\n'.encode("utf-16-le"))
    assert main(["check", str(p)]) == 2
    assert "UTF-16 without a byte order mark" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_lone_surrogate_in_an_id_is_written(tmp_path, fmt, capsys):
    src = tmp_path / "s.jsonl"
    src.write_text('{"id": "\\ud800x", "text": "It cost $5 million."}\n', encoding="utf-8")
    out = tmp_path / f"o.{fmt}"
    assert main(["extract", str(src), "-o", str(out)]) == 0
    assert out.stat().st_size > 0


def test_lone_surrogate_names_in_python_parquet(tmp_path):
    from figures.io.export import to_parquet

    figs = figures.extract("It cost $5 million.", doc="\ud800")
    assert to_parquet(figs, tmp_path / "p.parquet", what="figures") == 1


@pytest.mark.parametrize("doc_id", ["[/]", "[b]x", "[link=x]y[/link]"])
def test_markup_in_ids_is_printed_literally(tmp_path, doc_id, capsys):
    p = tmp_path / "m.csv"
    p.write_text(f'id,text\n"{doc_id}","It cost $5 million."\n', encoding="utf-8")
    assert main(["extract", str(p), "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert doc_id in "".join(ln.split("│")[1].strip() for ln in table.splitlines() if "│" in ln)
    assert main(["check", str(p)]) == 0
    assert doc_id in capsys.readouterr().out


def test_internal_error_exit_code_in_a_subprocess(tmp_path):
    code = ("import figures.checks.runner as c, sys\n"
            "def boom(*a, **k):\n    raise RuntimeError('simulated bug')\n"
            "c.check_documents = boom\n"
            "from figures.cli import main\nsys.exit(main(['check', sys.argv[1]]))\n")
    doc = tmp_path / "d.txt"
    doc.write_text("It cost $5.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", code, str(doc)], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 3
    assert r.stderr.startswith("figures: internal error, please report: RuntimeError")
    assert len(r.stderr.strip().splitlines()) == 1


# ---- item 7: bounded reads ---------------------------------------------------------------------


def test_plain_rate_table_is_bounded_while_reading(tmp_path):
    from figures.normalize.rates.table import RateTable

    p = tmp_path / "big.csv"
    p.write_bytes(ROWS.encode() + b"#" * 5000)
    with pytest.raises(FiguresError, match="more than 1,000 bytes"):
        RateTable.from_csv(p, max_bytes=1000)


def test_gzip_bomb_is_bounded_while_inflating(tmp_path):
    from figures.normalize.rates.table import RateTable

    p = tmp_path / "bomb.csv.gz"
    p.write_bytes(gzip.compress(ROWS.encode() + b"0" * 200_000))
    with pytest.raises(FiguresError, match="more than 10,000 bytes"):
        RateTable.from_csv(p, max_bytes=10_000)


def test_refresh_source_gzip_is_bounded(monkeypatch):
    from figures.normalize.rates import reading  # where the limit lives since the split
    from figures.normalize.rates.refresh import _as_zip

    monkeypatch.setattr(reading, "MAX_TABLE_BYTES", 10_000)
    with pytest.raises(FiguresError, match="more than"):
        _as_zip(gzip.compress(b"Date,USD\n" + b"0" * 100_000))


def test_document_size_limit_and_flag(tmp_path, capsys):
    p = tmp_path / "d.txt"
    p.write_text("It cost $5 million. " * 100, encoding="utf-8")
    assert main(["check", str(p), "--max-bytes", "1K"]) == 2
    assert "limit" in capsys.readouterr().err
    assert main(["check", str(p), "--max-bytes", "1M"]) == 0


def test_csv_cell_limit_reports_the_row_and_reads_on(tmp_path, capsys):
    p = tmp_path / "t.csv"
    p.write_text('id,text\n1,"' + "x" * 5000 + '"\n2,"It cost $5 million."\n', encoding="utf-8")
    assert main(["extract", str(p), "--max-bytes", "1K", "--format", "jsonl"]) == 2
    cap = capsys.readouterr()
    assert "line 2" in cap.err and "--max-bytes" in cap.err
    assert cap.out.count("\n") == 1  # the second row's figure


# ---- item 8: terminal and spreadsheet injection ------------------------------------------------


def test_check_text_output_holds_no_escape_sequences(tmp_path, capsys):
    p = tmp_path / "e.txt"
    p.write_text("date 2021-10-19\n\nXiaomi will \x1b[2J\x1b]0;title\x07invest RMB 10 billion "
                 "($9 billion).\n", encoding="utf-8")
    main(["check", str(p)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "invest" in out


def test_names_are_not_rich_markup(tmp_path, capsys):
    p = tmp_path / "report [draft].txt"
    p.write_text("It cost $5 million.\n", encoding="utf-8")
    main(["check", str(p)])
    assert "report [draft].txt" in capsys.readouterr().out


def test_symlink_leaving_a_directory_is_skipped(tmp_path, capsys):
    outside = tmp_path / "secret.txt"
    outside.write_text("The secret sum is $9 million.\n", encoding="utf-8")
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text("It cost $5 million.\n", encoding="utf-8")
    (d / "link.txt").symlink_to(outside)
    out = tmp_path / "r.html"
    main(["report", str(d), "-o", str(out)])
    assert "secret" not in out.read_text(encoding="utf-8")
    assert "outside the folder" in capsys.readouterr().err


def test_newline_in_a_file_name_keeps_errors_on_one_line(tmp_path, capsys):
    p = tmp_path / "bad\nname.txt"
    p.write_bytes(b"\x00\x01binary")
    assert main(["check", str(p), "--format", "json"]) == 2
    err = [ln for ln in capsys.readouterr().err.splitlines() if ln]
    assert len(err) == 1 and "bad\\nname.txt" in err[0]


def test_finding_messages_never_start_with_a_quote():
    r = figures.check("Xiaomi will invest RMB 10 billion ($9 billion).", date="2021-10-19")
    assert r.findings
    assert all(f.message[:1] not in "'\"‘’“”" for f in r.findings)


def test_findings_csv_message_has_no_doubled_apostrophe(tmp_path):
    from figures.io.export import write_findings_csv

    r = figures.check("Xiaomi will invest RMB 10 billion ($9 billion).", date="2021-10-19")
    buf = io.StringIO()
    write_findings_csv(r, buf)
    assert "''" not in buf.getvalue().replace("'s ", "")


# ---- item 9: smaller ---------------------------------------------------------------------------


def test_normalize_frame_huge_amount_has_a_note():
    import pandas as pd

    from figures.dataframe.frame import normalize_frame

    df = pd.DataFrame({"amount": ["9e999999"], "currency": ["USD"], "date": ["2021-10-19"]})
    out = normalize_frame(df, to="EUR")
    assert out["rate_note"].iloc[0]
