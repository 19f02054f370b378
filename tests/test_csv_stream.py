"""The streaming CSV reader for long records (figures.io.csvstream, issue 12 item 5).

A record over BIG_RECORD characters is read by our own reader instead of csv.reader, so that a
100 MB cell does not cost 600 MB. It must read every record exactly as
`csv.reader(stream, strict=True)` does: the same fields, the same errors, the same line numbers,
and reading must go on after a malformed record as it does with csv.reader. The property tests
force every record (big=0) or some records (small `big`) through the streaming reader, in
pieces as small as one character, and compare with csv.reader on the same text.
"""

from __future__ import annotations

import csv
import io
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.io import csvstream
from figures.io.csvstream import AFTER_QUOTE, END_OF_DATA, csv_records
from figures.io.document import InputFailure
from figures.io.tables import read_table


def _reference(text: str) -> list[tuple]:
    """What the reading loop gets from csv.reader: (line the record begins on, fields or the
    error message), going on after an error at the next line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[tuple] = []
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return out
        except csv.Error as exc:
            out.append((start, "error", str(exc)))
        else:
            out.append((start, row))
        start = reader.line_num + 1


def _streamed(text: str, big: int | None = None, chunk: int = csvstream.CHUNK) -> list[tuple]:
    out: list[tuple] = []
    for line, row in csv_records(io.StringIO(text, newline=""), big=big, chunk=chunk):
        out.append((line, "error", str(row)) if isinstance(row, csv.Error) else (line, row))
    return out


# Characters that matter to the grammar, plus text of every width (1, 2 and 4 bytes a code
# point in CPython's str) and a NUL, which csv.reader accepts since 3.11.
_CHARS = st.sampled_from(['a', 'b', ',', '"', '"', '\r', '\n', ' ', 'é', '€', '\x00', '😀', '人'])
raw_csv = st.text(alphabet=_CHARS, max_size=80)
_cell = st.text(alphabet=st.sampled_from(['x', ',', '"', '\r', '\n', ' ', 'ü', '元', '💶']),
                max_size=12)


@st.composite
def written_csv(draw) -> str:
    """Well-formed CSV as csv.writer writes it: any cells, any quoting, either line end."""
    rows = draw(st.lists(st.lists(_cell, min_size=1, max_size=4), max_size=5))
    out = io.StringIO(newline="")
    csv.writer(out, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
               lineterminator=draw(st.sampled_from(["\r\n", "\n", "\r"]))).writerows(rows)
    return out.getvalue()


_SIZES = st.tuples(st.sampled_from([0, 1, 2, 5, 17, 10_000]), st.sampled_from([1, 2, 3, 7, 64]))


@settings(max_examples=400, deadline=None)
@given(text=raw_csv, sizes=_SIZES)
def test_any_text_is_read_as_csv_reader_reads_it(text, sizes):
    big, chunk = sizes
    assert _streamed(text, big, chunk) == _reference(text)


@settings(max_examples=300, deadline=None)
@given(text=written_csv(), sizes=_SIZES)
def test_written_csv_is_read_as_csv_reader_reads_it(text, sizes):
    big, chunk = sizes
    assert _streamed(text, big, chunk) == _reference(text)


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(raw_csv, written_csv()), sizes=_SIZES)
def test_a_real_file_is_read_as_csv_reader_reads_it(text, sizes):
    # the path read_table takes: a file decoded by TextIOWrapper, read with readline(size)
    big, chunk = sizes
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_text(text, encoding="utf-8", errors="surrogatepass", newline="")
        with path.open(encoding="utf-8", errors="surrogateescape", newline="") as f:
            got = [(line, "error", str(row)) if isinstance(row, csv.Error) else (line, row)
                   for line, row in csv_records(f, big=big, chunk=chunk)]
    assert got == _reference(text)


# (text, records as (line, fields) or (line, "error", message)), written from RFC 4180 and
# csv.reader's documented strict mode
CASES = [
    ("a,b\r\nc,d\r\n", [(1, ["a", "b"]), (2, ["c", "d"])]),
    ('"x,y",z\n', [(1, ["x,y", "z"])]),
    ('"he said ""hi""",2\n', [(1, ['he said "hi"', "2"])]),
    ('"one\nline two\r\nthree",3\r\nnext,4\n', [(1, ["one\nline two\r\nthree", "3"]),
                                                 (4, ["next", "4"])]),
    ("a,,\n", [(1, ["a", "", ""])]),
    ("\n\r\nq\n", [(1, []), (2, []), (3, ["q"])]),
    ("last line without end", [(1, ["last line without end"])]),
    ('"quoted at the end"\r', [(1, ["quoted at the end"])]),
    ('a"b,c\n', [(1, ['a"b', "c"])]),  # a quote inside an unquoted cell is text
    (' "a",b\n', [(1, [' "a"', "b"])]),  # so is one after a leading space
    ('"",""\n', [(1, ["", ""])]),
    ('"a"b,c\nd,e\n', [(1, "error", AFTER_QUOTE), (2, ["d", "e"])]),
    ('"a"\n"b" x\n"c"\n', [(1, ["a"]), (2, "error", AFTER_QUOTE), (3, ["c"])]),
    ('ok\n"never closed,1\nb,2\n', [(1, ["ok"]), (2, "error", END_OF_DATA)]),
    ("人民币10亿元,€5\n", [(1, ["人民币10亿元", "€5"])]),
]


@pytest.mark.parametrize("big", [0, 3, None])
@pytest.mark.parametrize(("text", "want"), CASES)
def test_table_of_record_shapes(text, want, big):
    assert _streamed(text, big, chunk=2) == want
    assert _reference(text) == want  # the cases say what csv.reader says


def test_a_crlf_cut_between_two_reads_of_a_real_file_is_one_line_end(tmp_path):
    # TextIOWrapper.readline(size) can return "...\r" and then "\n" alone
    path = tmp_path / "cut.csv"
    text = 'id,text\r\n1,"' + "y" * 9 + '"\r\n2,z\r\n'
    path.write_text(text, encoding="utf-8", newline="")
    for chunk in range(1, 16):
        with path.open(encoding="utf-8", newline="") as f:
            got = [(line, row) for line, row in csv_records(f, big=4, chunk=chunk)]
        assert got == [(1, ["id", "text"]), (2, ["1", "y" * 9]), (3, ["2", "z"])], chunk


def test_a_streamed_cell_over_the_limit_is_cut_just_past_it():
    text = 'a,"' + "z" * 50 + '",b\nc,d\n'
    got = list(csv_records(io.StringIO(text, newline=""), big=0, chunk=4, limit=10))
    assert got == [(1, ["a", "z" * 11, "b"]), (2, ["c", "d"])]


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "date", "text"], *rows])


def test_long_rows_read_through_read_table_as_short_ones(tmp_path, monkeypatch):
    body = 'Revenue rose 12% to $4.2 billion, "a record", from $3.7 billion.\r\nNew line. ' * 40
    path = tmp_path / "long.csv"
    _write_rows(path, [["short", "2023-06-01", "HK$21.35, up 3.4%"],
                       ["long", "2023-06-01", body],
                       ["after", "2023-06-02", "RMB 10 billion ($1.38 billion)"]])
    whole = list(read_table(path))
    monkeypatch.setattr(csvstream, "BIG_RECORD", 100)
    streamed = list(read_table(path))
    assert [(d.doc, d.text, d.date) for d in streamed] == [(d.doc, d.text, d.date) for d in whole]
    assert [d.doc for d in streamed] == ["short", "long", "after"]
    assert streamed[1].text == body


def test_a_malformed_long_row_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    monkeypatch.setattr(csvstream, "BIG_RECORD", 50)
    path = tmp_path / "bad.csv"
    path.write_text('id,date,text\n'
                    'one,2023-06-01,"fine text"\n'
                    'two,2023-06-01,"' + "long text " * 20 + '"oops,x\n'
                    'three,2023-06-01,"' + "more text " * 20 + '"\n', encoding="utf-8")
    got = list(read_table(path))
    assert [type(g).__name__ for g in got] == ["Document", "InputFailure", "Document"]
    assert isinstance(got[1], InputFailure)
    assert got[1].message.startswith("bad.csv line 3: malformed CSV (',' expected after '\"'")
    assert got[2].doc == "three" and got[2].text == "more text " * 20


def test_an_unclosed_quote_in_a_long_row_names_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(csvstream, "BIG_RECORD", 50)
    path = tmp_path / "open.csv"
    path.write_text('id,text\na,fine\nb,"' + "never closed " * 20 + "\nc,x\n", encoding="utf-8")
    got = list(read_table(path))
    assert got[0].text == "fine"
    assert isinstance(got[1], InputFailure) and len(got) == 2
    assert "open.csv line 3: malformed CSV (unexpected end of data" in got[1].message
    assert got[1].message.endswith("the rest of the file could not be read")


def test_a_long_cell_over_max_bytes_is_refused_without_holding_it(tmp_path, monkeypatch):
    monkeypatch.setattr(csvstream, "BIG_RECORD", 50)
    path = tmp_path / "huge.csv"
    _write_rows(path, [["big", "2023-06-01", "x" * 5000], ["small", "2023-06-01", "$5"]])
    got = list(read_table(path, max_bytes=1000))
    assert isinstance(got[0], InputFailure)
    assert got[0].message == "huge.csv line 2: a cell over 1,000 characters; raise the limit with --max-bytes"
    assert got[1].text == "$5"


def test_reading_a_big_cell_holds_about_two_copies_of_it(tmp_path):
    # csv.reader needs about 6x (a 4-byte-per-character field buffer, the line, the field)
    size = 8_000_000
    path = tmp_path / "cell.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write('id,text\r\nbig,"')
        f.write("Shares rose 3.4% to HK$21.35. " * (size // 30))
        f.write('"\r\n')
    tracemalloc.start()
    try:
        docs = list(read_table(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(docs[0].text) == size // 30 * 30
    assert peak < 2.6 * size, f"{peak / size:.2f}x the cell"
