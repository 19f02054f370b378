"""`figures extract`: CSV and Parquet output, tabular input, clear errors, the progress bar."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from figures.cli.app import main
from figures.cli.progress import Progress, wanted
from figures.dataframe.frame import extract_frame
from figures.io.export import FIGURE_FIELDS, read_csv, read_parquet
from figures.io.inputs import read_documents

from .conftest import SEEDS

GOOD = "Xiaomi will invest RMB 10 billion ($1.54 billion) in cars.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seeds_frame() -> pd.DataFrame:
    docs = list(read_documents([SEEDS]))
    frame = pd.DataFrame({"id": [d.doc for d in docs], "text": [d.text for d in docs],
                          "date": [d.date for d in docs]})
    return extract_frame(frame, to="USD", floats=False)


@pytest.mark.parametrize("args, name", [
    (["--format", "csv", "-o"], "out.csv"),
    (["-o"], "out.csv"),  # the suffix decides
    (["--format", "parquet", "-o"], "out.bin"),
    (["-o"], "out.parquet"),
])
def test_csv_and_parquet_output_equal_the_frame(tmp_path, capsys, seeds_frame, args, name):
    path = tmp_path / name
    code, out, err = run(capsys, "extract", str(SEEDS), "--to", "USD", *args, str(path))
    assert code == 0 and out == ""
    assert f"wrote {len(seeds_frame)} figures" in err
    back = read_parquet(path) if "parquet" in args or name.endswith(".parquet") else read_csv(path)
    assert tuple(back.columns) == FIGURE_FIELDS
    pd.testing.assert_frame_equal(back, seeds_frame)


def test_csv_to_stdout_is_utf8_and_neutralized(tmp_path, capsys):
    p = tmp_path / "=HYPERLINK(1).txt"  # the doc column starts like a formula
    p.write_text("Revenue was 10亿元 last year.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(p), "--format", "csv")
    assert code == 0
    assert "'=HYPERLINK(1).txt" in out and "10亿元" in out
    back = read_csv(io.StringIO(out, newline=""))
    assert back["doc"].tolist() == ["=HYPERLINK(1).txt"] and back["text"].tolist() == ["10亿元"]


def test_parquet_needs_an_output_file(capsys):
    code, out, err = run(capsys, "extract", str(SEEDS), "--format", "parquet")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "-o FILE.parquet" in err


@pytest.mark.parametrize("suffix, body", [
    (".csv", "id,date,text\na,2021-10-19,\"" + GOOD.strip() + "\"\n"),
    (".jsonl", json.dumps({"id": "a", "date": "2021-10-19", "text": GOOD}) + "\n"),
])
def test_tabular_input(tmp_path, capsys, suffix, body):
    p = tmp_path / f"docs{suffix}"
    p.write_text(body, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(p), "--to", "USD", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["doc"] for r in rows] == ["a", "a"]
    assert rows[0]["rate_date"] == "2021-10-19"


def test_parquet_input(tmp_path, capsys):
    p = tmp_path / "docs.parquet"
    pd.DataFrame({"id": ["p1"], "text": [GOOD], "date": ["2021-10-19"]}).to_parquet(p)
    code, out, _ = run(capsys, "extract", str(p), "--format", "jsonl")
    assert code == 0 and json.loads(out.splitlines()[0])["doc"] == "p1"


@pytest.mark.parametrize("body, needle", [
    ("id,text\n1,\"RMB 10 billion\"\n2,a,b\n", "line 3: 3 fields, the header has 2"),
    ("id,body\n1,RMB 10 billion\n", "no 'text' column (columns: id, body)"),
    ("", "empty file"),
    ('id,text\n1,"ok"\n2,"unterminated\n3,x\n', "line 3: malformed CSV"),
])
def test_malformed_csv_is_one_line_and_exit_2(tmp_path, capsys, body, needle):
    p = tmp_path / "docs.csv"
    p.write_text(body, encoding="utf-8")
    code, _, err = run(capsys, "extract", str(p), "--format", "jsonl")
    errors = [ln for ln in err.splitlines() if ln.startswith("figures: error:")]
    assert code == 2 and "Traceback" not in err
    assert errors and needle in errors[0] and "docs.csv" in errors[0]


def test_text_column_can_be_renamed(tmp_path, capsys):
    p = tmp_path / "docs.csv"
    p.write_text("key,body\nk1,\"" + GOOD.strip() + "\"\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(p), "--text-col", "body", "--id-col", "key",
                       "--format", "jsonl")
    assert code == 0 and json.loads(out.splitlines()[0])["doc"] == "k1"


# ---- progress --------------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_off_without_a_terminal_or_with_quiet():
    assert not wanted(io.StringIO())
    assert not wanted(_Tty(), quiet=True)
    assert wanted(_Tty())
    with Progress(stream=io.StringIO(), delay=0) as bar:
        bar.advance(figures=3)
        assert not bar.shown and bar.fields == {"figures": 3}


def test_progress_waits_then_shows_and_erases_itself():
    stream = _Tty()
    with Progress("documents", total=4, stream=stream, delay=3600) as bar:
        bar.advance()
        assert not bar.shown  # quick work never shows a bar
    with Progress("documents", total=4, stream=stream, delay=0) as bar:
        bar.advance(2, figures=5)
        assert bar.shown
    assert not bar.shown


def test_cli_writes_no_progress_to_a_pipe(tmp_path):
    out = subprocess.run([sys.executable, "-m", "figures.cli", "extract", str(SEEDS),
                          "--format", "csv", "-o", str(tmp_path / "x.csv")],
                         capture_output=True, text=True, check=True)
    assert out.stderr.splitlines() == [f"figures: wrote 58 figures to {tmp_path / 'x.csv'}"]


def test_progress_total_is_known_for_files_and_folders(tmp_path):
    from figures.cli.extract import _count_documents

    (tmp_path / "docs.csv").write_text("text\nx\n", encoding="utf-8")
    assert _count_documents([str(SEEDS)]) == 5
    assert _count_documents([str(SEEDS), str(SEEDS / "000_xiaomi_investor_day_2021.txt")]) == 6
    assert _count_documents([str(SEEDS), str(tmp_path / "docs.csv")]) is None
    assert _count_documents(["-"]) is None
