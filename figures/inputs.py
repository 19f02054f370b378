"""Reading documents from paths: text files, directories of .txt files, CSV/JSONL/Parquet files
with one document per row, and stdin. Unreadable input becomes an InputFailure that the caller
reports and counts; it never stops the other documents.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from figures.dates import find_document_date, parse_date
from figures.errors import InputError
from figures.model import Document

TABULAR_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
_BINARY_SNIFF = 8192
# A text file larger than this is streamed in paragraph-aligned chunks of about CHUNK_CHARS, so
# memory stays bounded whatever the file size. Smaller files are one document.
STREAM_THRESHOLD = 16 * 1024 * 1024
CHUNK_CHARS = 1024 * 1024
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A document (or a whole path) that could not be read, with a one-line reason."""

    doc: str
    message: str


@dataclass(frozen=True, slots=True)
class Columns:
    text: str = "text"
    date: str = "date"
    id: str = "id"


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str | None]:
    """Text from bytes, and a warning when a documented fallback was used.

    UTF-8 (with or without BOM) is the default. UTF-16/32 with a BOM is decoded with a warning.
    Anything else that is not UTF-8 is refused with a hint to pass --encoding."""
    if encoding:
        try:
            return data.decode(encoding), None
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{name}: cannot decode as {encoding}: {_short(exc)}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _decode_bom(data, "utf-32", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_bom(data, "utf-16", name)
    if b"\x00" in data[:_BINARY_SNIFF]:
        if _looks_utf16_without_bom(data):
            raise InputError(
                f"{name}: looks like UTF-16 without a byte order mark; "
                "pass --encoding utf-16-le (or utf-16-be)"
            )
        raise InputError(f"{name}: binary file (NUL bytes), not text; pass a UTF-8 text file")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass --encoding latin-1 (or the file's real encoding)"
        ) from None


def _decode_bom(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), f"{name}: decoded as {encoding.upper()} (byte order mark found)"
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: has a {encoding.upper()} byte order mark but invalid data at byte {exc.start}") from None


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:_BINARY_SNIFF]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    return max(even_nuls, odd_nuls) > 0.3 * half and min(even_nuls, odd_nuls) < 0.05 * half


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or _short(exc)})") from None


def read_documents(
    paths: Iterable[str | os.PathLike],
    *,
    date=None,
    columns: Columns = Columns(),
    encoding: str | None = None,
    warn=None,
) -> Iterator[Document | InputFailure]:
    """Documents from each path in order. A path that cannot be opened at all raises InputError
    (a usage problem); a single bad file inside a directory or a bad row yields an InputFailure."""
    fixed_date = parse_date(date, what="--date") if date is not None else None
    for raw in paths:
        p = str(raw)
        if not p.strip():
            raise InputError("an empty path was given; name a file, a directory or - for stdin")
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from _text_document("<stdin>", data, fixed_date, encoding, warn)
            continue
        path = Path(p)
        if path.is_dir():
            try:
                files = sorted(f for f in path.iterdir() if f.suffix.lower() == ".txt" and f.is_file())
            except PermissionError:
                raise InputError(f"{path}: permission denied (cannot list the directory)") from None
            if not files:
                raise InputError(f"{path}: no .txt files in this directory")
            for f in files:
                try:
                    data = _read_bytes(f)
                except InputError as exc:
                    yield InputFailure(f.name, str(exc))
                    continue
                yield from _text_document(f.name, data, fixed_date, encoding, warn)
            continue
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        suffix = path.suffix.lower()
        if suffix in TABULAR_SUFFIXES:
            yield from read_table(path, date=fixed_date, columns=columns, encoding=encoding)
            continue
        if _size(path) > STREAM_THRESHOLD:
            yield from stream_text_file(path, fixed_date, encoding)
            continue
        data = _read_bytes(path)
        yield from _text_document(path.name, data, fixed_date, encoding, warn)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def stream_text_file(
    path: Path, fixed_date=None, encoding: str | None = None, chunk_chars: int | None = None
) -> Iterator[Document | InputFailure]:
    """A large text file as paragraph-aligned chunks, each a Document whose `offset` places it in
    the file. Cuts fall on a blank line (else a line break) so no figure is split; document-level
    context (what a bare '$' means) is then decided per chunk, about a megabyte of text."""
    import codecs

    chunk_chars = chunk_chars or CHUNK_CHARS
    name = path.name
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield InputFailure(name, f"{path}: cannot read ({exc.strerror})")
        return
    with f:
        head = f.read(_BINARY_SNIFF)
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield InputFailure(name, f"{name}: binary file (NUL bytes), not text; pass a UTF-8 text file")
            return
        enc = encoding or ("utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8")
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) and not encoding:
            enc = "utf-16"
        decoder = codecs.getincrementaldecoder(enc)("strict")
        pending = ""
        offset = 0
        doc_date = fixed_date
        date_source = "argument" if fixed_date else None
        first = True
        byte_pos = 0
        data = head
        while True:
            try:
                pending += decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                yield InputFailure(
                    name,
                    f"{name}: not {enc} near byte {byte_pos + exc.start}; pass --encoding "
                    "(the part before it was processed)",
                )
                return
            byte_pos += len(data)
            while len(pending) >= chunk_chars or (not data and pending):
                cut = len(pending) if not data and len(pending) < chunk_chars else _cut(pending, chunk_chars)
                chunk, pending = pending[:cut], pending[cut:]
                if first:
                    first = False
                    if doc_date is None:
                        doc_date = find_document_date(chunk)
                        date_source = "text" if doc_date else None
                yield Document(name, chunk, doc_date, date_source, offset)
                offset += len(chunk)
            if not data:
                return
            data = f.read(chunk_chars)


def _cut(text: str, target: int) -> int:
    """Where to end a chunk: after the last blank line (else line break, else space) before
    `target`, so an expression is never split across chunks."""
    for sep in ("\n\n", "\n", " "):
        i = text.rfind(sep, target // 2, target)
        if i >= 0:
            return i + len(sep)
    return target


def display_name(name: str) -> str:
    """A file name that can be printed and written as UTF-8: undecodable bytes in the name
    (kept by Python as lone surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if not name.isascii() else name


def _text_document(name, data, fixed_date, encoding, warn) -> Iterator[Document | InputFailure]:
    name = display_name(name)
    try:
        text, warning = decode(data, name, encoding)
    except InputError as exc:
        yield InputFailure(name, str(exc))
        return
    if warning and warn:
        warn(warning)
    yield _document(name, text, fixed_date, None)


def _document(doc: str, text: str, fixed_date, column_date) -> Document:
    if fixed_date is not None:
        return Document(doc, text, fixed_date, "argument")
    if column_date is not None:
        return Document(doc, text, column_date, "column")
    found = find_document_date(text)
    return Document(doc, text, found, "text" if found else None)


def read_table(
    path: Path, *, date=None, columns: Columns = Columns(), encoding: str | None = None
) -> Iterator[Document | InputFailure]:
    """One document per row of a CSV, JSONL or Parquet file."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        rows = _parquet_rows(path, columns)
    else:
        if _size(path) == 0:
            raise InputError(f"{path}: empty file (expected a header row with a '{columns.text}' column)")
        stream = _open_text(path, encoding)
        rows = _jsonl_rows(path, stream) if suffix in (".jsonl", ".ndjson") else _csv_rows(path, stream, columns)
    for line, row in rows:
        doc_id = row.get(columns.id)
        doc = str(doc_id) if doc_id not in (None, "") else f"{path.name}:{line}"
        body = row.get(columns.text)
        if not isinstance(body, str):
            kind = "empty" if body is None else type(body).__name__
            yield InputFailure(doc, f"{path.name} line {line}: text is {kind}, not a string")
            continue
        col_date = None
        raw_date = row.get(columns.date)
        if date is None and raw_date not in (None, ""):
            try:
                col_date = parse_date(str(raw_date), what=f"{path.name} line {line}: {columns.date}")
            except InputError as exc:
                yield InputFailure(doc, str(exc))
                continue
        yield _document(doc, body, date, col_date)


def _open_text(path: Path, encoding: str | None):
    """A streaming text handle for tabular input: rows are read one at a time, never the whole
    file. Decoding errors surface while reading and are reported with the line."""
    try:
        head = path.open("rb").read(4)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    enc = encoding or ("utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8")
    if not encoding and head.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
    return path.open("r", encoding=enc, newline="")


def _csv_rows(path: Path, stream, columns: Columns):
    with stream:
        yield from _csv_rows_from(path, stream, columns)


def _csv_rows_from(path: Path, stream, columns: Columns):
    # strict: an unclosed quote is an error naming its line, not the rest of the file as text
    reader = csv.reader(stream, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InputError(f"{path}: not a CSV file ({_short(exc) or 'no header'})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({_short(exc)}); pass --encoding") from None
    if columns.text not in header:
        raise InputError(
            f"{path}: no '{columns.text}' column (columns: {', '.join(header[:8])}); "
            "name the text column with --text-col"
        )
    width = len(header)
    start = reader.line_num + 1  # where the next record begins
    try:
        for row in reader:
            line = reader.line_num
            start = line + 1
            if not row:
                continue
            if len(row) != width:
                raise InputError(
                    f"{path} line {line}: {len(row)} fields, the header has {width} "
                    "(an unquoted comma or newline in the text?)"
                )
            yield line, dict(zip(header, row, strict=True))
    except csv.Error as exc:
        raise InputError(f"{path} line {start}: malformed CSV ({_short(exc)}; an unclosed "
                         "quote?)") from None
    except UnicodeDecodeError:
        raise InputError(
            f"{path} after line {reader.line_num}: not UTF-8; pass --encoding"
        ) from None


def _jsonl_rows(path: Path, stream):
    with stream:
        line = 0
        try:
            for line, raw in enumerate(stream, start=1):
                if not raw.strip():
                    continue
                try:
                    row = json.loads(raw)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path} line {line}: not JSON ({exc.msg})") from None
                if not isinstance(row, dict):
                    raise InputError(f"{path} line {line}: expected a JSON object per line")
                yield line, row
        except UnicodeDecodeError:
            raise InputError(f"{path} after line {line}: not UTF-8; pass --encoding") from None


def _parquet_rows(path: Path, columns: Columns):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'figures[parquet]'") from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        raise InputError(f"{path}: not a Parquet file ({_short(exc)})") from None
    names = pf.schema_arrow.names
    if columns.text not in names:
        raise InputError(f"{path}: no '{columns.text}' column (columns: {', '.join(names[:8])}); use --text-col")
    wanted = [c for c in (columns.text, columns.date, columns.id) if c in names]
    line = 0
    for batch in pf.iter_batches(columns=wanted, batch_size=2048):
        for row in batch.to_pylist():
            line += 1
            if columns.date in row and row[columns.date] is not None:
                row[columns.date] = str(row[columns.date])
            yield line, row
