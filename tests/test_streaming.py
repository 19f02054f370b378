"""Big input: streamed chunks give the same figures, at the same offsets, as one whole read;
parallel extraction gives the same results as serial."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import figures
from figures import inputs
from figures.inputs import InputFailure, stream_text_file
from figures.pipeline import extract_documents
from tests.conftest import SEEDS


def _seed_text() -> str:
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return "\n\n".join(body for _ in range(3))


def _key(f):
    return (f.start, f.end, f.text, f.kind, f.value, f.low, f.high, f.unit)


@pytest.mark.parametrize("chunk_chars", [2_000, 7_919, 20_000])
def test_chunks_match_whole_file(tmp_path, chunk_chars):
    text = _seed_text()
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    docs = list(stream_text_file(path, chunk_chars=chunk_chars))
    assert all(not isinstance(d, InputFailure) for d in docs)
    assert len(docs) > 1
    assert "".join(d.owned_text for d in docs) == text  # own parts tile the file
    streamed = [f for _, figs in extract_documents(docs) for f in figs]
    for f in streamed:
        assert text[f.start:f.end] == f.text
    whole = figures.extract(text)
    # Per-chunk context can only change currency resolution, never the spans and values.
    assert [_key(f) for f in streamed] == [_key(f) for f in whole]


def test_large_file_is_streamed_by_read_documents(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "STREAM_THRESHOLD", 1_000)
    monkeypatch.setattr(inputs, "CHUNK_CHARS", 3_000)
    path = tmp_path / "big.txt"
    path.write_text(_seed_text(), encoding="utf-8")
    docs = list(inputs.read_documents([path]))
    assert len(docs) > 1
    assert docs[0].offset == 0 and docs[1].own_start == docs[0].own_end
    assert {d.date for d in docs} == {docs[0].date}  # the header date applies to every chunk


def test_bad_bytes_mid_stream_are_reported_after_the_good_part(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(("Revenue was $5 million.\n\n" * 500).encode() + b"\xff\xfe bad")
    items = list(stream_text_file(path, chunk_chars=1_000))
    assert isinstance(items[-1], InputFailure) and "near byte" in items[-1].message
    assert sum(1 for i in items if not isinstance(i, InputFailure)) >= 5


def test_parallel_equals_serial():
    docs = [d for d in inputs.read_documents([SEEDS]) if not isinstance(d, InputFailure)]
    serial = [(d.doc, [_key(f) for f in figs]) for d, figs in extract_documents(docs)]
    parallel = [(d.doc, [_key(f) for f in figs]) for d, figs in extract_documents(docs, jobs=2)]
    assert serial == parallel
    assert len(serial) == 5


def test_csv_rows_are_streamed(tmp_path):
    path = tmp_path / "docs.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(2_000):
            out.write(json.dumps({"id": f"d{i}", "text": f"Sales rose {i % 50 + 1}% to $5 million."}) + "\n")
    docs = inputs.read_documents([path])
    first = next(docs)  # a generator: nothing beyond the first row is read yet
    assert first.doc == "d0"
    assert sum(1 for _ in docs) == 1_999


def test_cli_jobs_output_equals_serial(tmp_path, capsys):
    from figures.cli import main

    assert main(["extract", str(SEEDS), "--format", "jsonl", "--jobs", "1"]) == 0
    serial = capsys.readouterr().out
    assert main(["extract", str(SEEDS), "--format", "jsonl", "--jobs", "2"]) == 0
    parallel = capsys.readouterr().out
    assert serial == parallel and serial.count("\n") > 40


def test_cli_streams_a_big_file_with_file_offsets(tmp_path, capsys, monkeypatch):
    from figures.cli import main

    monkeypatch.setattr(inputs, "STREAM_THRESHOLD", 10_000)
    monkeypatch.setattr(inputs, "CHUNK_CHARS", 4_000)
    text = _seed_text()
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["extract", str(path), "--format", "jsonl", "--jobs", "2"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(figures.extract(text))
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_cli_rejects_negative_jobs(capsys):
    from figures.cli import main

    assert main(["extract", str(SEEDS), "--jobs", "-1"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_parallel_csv_with_many_batches_equals_serial(tmp_path, capsys, monkeypatch):
    """Rows go to the workers in batches by size: many batches, a row bigger than a batch,
    and a bad row among them keep the output and its order."""
    import csv

    from figures import pipeline
    from figures.cli import main

    monkeypatch.setattr(pipeline, "BATCH_CHARS", 300)
    path = tmp_path / "rows.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["id", "date", "text"])
        for i in range(120):
            text = f"Sales rose {i % 40 + 1}% to RMB {i + 1} billion ($1.{i % 9} billion)."
            w.writerow([f"r{i}", "2021-10-19" if i != 7 else "not a date", text * (1 + (i % 11 == 0) * 30)])
    # exit 2: a document could not be read (the bad date), and the rest were still extracted
    assert main(["extract", str(path), "--format", "jsonl", "--jobs", "1"]) == 2
    serial = capsys.readouterr()
    assert main(["extract", str(path), "--format", "jsonl", "--jobs", "2"]) == 2
    parallel = capsys.readouterr()
    assert serial.out == parallel.out and serial.out.count("\n") > 300
    assert "not a date" in parallel.err


@given(st.lists(st.integers(0, 900), max_size=40), st.integers(1, 1000))
def test_batches_keep_every_document_in_order(sizes, size):
    from figures.model import Document
    from figures.pipeline import _batches

    docs = [Document(f"d{i}", "x" * n) for i, n in enumerate(sizes)]
    batches = list(_batches(docs, size))
    assert [d for b in batches for d in b] == docs
    assert all(b for b in batches)
    assert all(sum(len(d.text) for d in b) >= size for b in batches[:-1])
    assert all(sum(len(d.text) for d in b[:-1]) < size for b in batches)


# ---- issue 12 item 4: chunking never cuts a figure -------------------------------------------

NO_SPACE_SHAPES = {
    "dollar millions": "$1,000,000;",
    "chinese": "人民币10亿元，",
    "chinese no punctuation": "人民币10亿元",
    "mixed": "HK$13.52上涨8.51%；",
    "euro": "€2.5bn/",
}


@pytest.mark.parametrize("shape", list(NO_SPACE_SHAPES))
@pytest.mark.parametrize("chunk_chars", [997, 4_096])
def test_whitespace_free_file_streams_like_the_whole(tmp_path, shape, chunk_chars):
    pattern = NO_SPACE_SHAPES[shape]
    text = pattern * (3 * (chunk_chars + inputs.OVERLAP_CHARS) // len(pattern) + 7)
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    docs = list(stream_text_file(path, chunk_chars=chunk_chars))
    assert len(docs) > 2 and "".join(d.owned_text for d in docs) == text
    streamed = [f for _, figs in extract_documents(docs) for f in figs]
    assert [_key(f) for f in streamed] == [_key(f) for f in figures.extract(text)]


def test_check_on_a_streamed_line_sees_every_figure_once(tmp_path, monkeypatch):
    from figures.checking import check_documents

    monkeypatch.setattr(inputs, "STREAM_THRESHOLD", 1_000)
    monkeypatch.setattr(inputs, "CHUNK_CHARS", 1_500)
    text = "人民币10亿元，" * 2_000
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    report = check_documents(inputs.read_documents([path]), to=None)
    assert len(report.documents) == 1
    figs = report.documents[0].figures
    assert len(figs) == 2_000
    assert {f.value for f in figs} == {Decimal("1000000000")}
    assert all(text[f.start:f.end] == f.text for f in figs)
