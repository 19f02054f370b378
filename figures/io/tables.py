"""Tabular input: one document per row of a CSV, JSONL or Parquet file, read row by row."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from figures.errors import InputError, UnknownCountry
from figures.io.csvstream import csv_records
from figures.io.decoding import (
    BINARY_SNIFF,
    MAX_DOCUMENT_BYTES,
    SURROGATES,
    file_size,
    looks_utf16_without_bom,
    one_line,
    short_error,
)
from figures.io.document import DEFAULT_COLUMNS, Columns, InputFailure, make_document
from figures.model import Document
from figures.normalize.dates import parse_date

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # cells are bounded per row, see _csv_rows_from


def read_table(
    path: Path, *, date=None, columns: Columns = DEFAULT_COLUMNS, encoding: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[Document | InputFailure]:
    """One document per row of a CSV, JSONL or Parquet file. A malformed row, an undecodable
    cell or a row without text is an InputFailure naming the file and line; the other rows
    are still read. A file that cannot be read at all raises InputError."""
    suffix = path.suffix.lower()
    limit = MAX_DOCUMENT_BYTES if max_bytes is None else max_bytes
    name = one_line(path.name)
    if suffix == ".parquet":
        rows = _parquet_rows(path, columns)
    else:
        if file_size(path) == 0:
            raise InputError(f"{name}: empty file (expected a header row with a '{columns.text}' column)")
        stream = _open_text(path, encoding)
        rows = (_jsonl_rows(path, stream, limit) if suffix in (".jsonl", ".ndjson")
                else _csv_rows(path, stream, columns, limit))
    for line, row in rows:
        if isinstance(row, InputFailure):
            yield row
            continue
        doc_id = row.get(columns.id)
        doc = one_line(str(doc_id)) if doc_id not in (None, "") else f"{name}:{line}"
        doc = SURROGATES.sub("\ufffd", doc)
        body = row.get(columns.text)
        if not isinstance(body, str):
            kind = "empty" if body is None else type(body).__name__
            yield InputFailure(doc, f"{name} line {line}: text is {kind}, not a string")
            continue
        bad = next((k for k in (columns.text, columns.date)
                    if isinstance(row.get(k), str) and SURROGATES.search(row[k])), None)
        if bad is not None:
            yield InputFailure(doc,
                               f"{name} line {line}: the '{one_line(bad)}' cell is not valid "
                               "text (bytes that do not decode, or a lone surrogate); pass "
                               "--encoding with the file's real encoding")
            continue
        col_date = None
        raw_date = row.get(columns.date)
        if date is None and raw_date not in (None, ""):
            try:
                col_date = parse_date(str(raw_date), what=f"{name} line {line}: {columns.date}")
            except InputError as exc:
                yield InputFailure(doc, str(exc))
                continue
        try:
            country = row_country(row, columns, f"{name} line {line}")
        except UnknownCountry as exc:
            yield InputFailure(doc, str(exc))
            continue
        yield make_document(doc, body, date, col_date, country)


def row_country(row: dict, columns: Columns, where: str) -> str | None:
    """The country a row gives in its `country` or `locale` cell ('AU', 'en_AU'), checked by
    the same rule as extract()'s `country=` (figures.extract.check_country); None when the row
    gives none (missing, null, empty). UnknownCountry naming `where` for a value that names no
    country, a non-text value, or two cells that disagree."""
    from figures.extract import check_country

    found: dict[str, str] = {}
    for col in dict.fromkeys((columns.country, columns.locale)):
        value = row.get(col)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        shown = one_line(repr(value))[:40]
        if not isinstance(value, str) or SURROGATES.search(value):
            raise UnknownCountry(f"{where}: the '{one_line(col)}' cell {shown} is not a country; "
                                 "give an ISO code ('AU') or a locale ('en_AU')")
        try:
            found[col] = check_country(value.strip())
        except UnknownCountry as exc:
            raise UnknownCountry(f"{where}: the '{one_line(col)}' cell: {exc}") from None
    if len(set(found.values())) > 1:
        said = " and ".join(f"'{one_line(c)}' says {cc}" for c, cc in found.items())
        raise UnknownCountry(f"{where}: {said}; give one country per row")
    return next(iter(found.values()), None)


def _open_text(path: Path, encoding: str | None):
    """A streaming text handle for tabular input: rows are read one at a time, never the whole
    file. Undecodable bytes are kept as surrogates so the row holding them is reported by line
    and the rows after it are still read."""
    import codecs

    name = one_line(path.name)
    try:
        with path.open("rb") as f:
            head = f.read(BINARY_SNIFF)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"--encoding {one_line(encoding)}: unknown encoding; use a name such "
                             "as utf-8, latin-1, cp1252, utf-16") from None
    enc = encoding or ("utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8")
    if not encoding and head.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
    elif (encoding or "").lower().replace("_", "-") in ("utf-16", "utf16", "utf-32", "utf32") \
            and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: --encoding {encoding} needs a byte order mark and this file has "
                         "none; pass --encoding utf-16-le (or utf-16-be)")
    elif not encoding and b"\x00" in head and looks_utf16_without_bom(head):
        # (a stray NUL inside one cell is that row's text, not a reason to drop the file)
        raise InputError(f"{name}: looks like UTF-16 without a byte order mark; "
                         "pass --encoding utf-16-le (or utf-16-be)")
    try:
        return path.open("r", encoding=enc, errors="surrogateescape", newline="")
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None


def _csv_rows(path: Path, stream, columns: Columns, limit: int):
    with stream:
        yield from _csv_rows_from(path, stream, columns, limit)


def _csv_rows_from(path: Path, stream, columns: Columns, limit: int):
    name = one_line(path.name)
    # strict (as csv.reader's strict=True): an unclosed quote is an error naming its line, not
    # the rest of the file as text; a record over csvstream.BIG_RECORD is streamed in pieces
    records = csv_records(stream, limit=limit)
    _, header = next(records, (0, csv.Error("no header")))
    if isinstance(header, UnicodeDecodeError):
        raise InputError(f"{name}: cannot decode ({short_error(header)}); pass --encoding")
    if isinstance(header, csv.Error):
        raise InputError(f"{name}: not a CSV file ({short_error(header) or 'no header'})")
    if columns.text not in header:
        shown = one_line(", ".join(header[:8]))
        raise InputError(
            f"{name}: no '{columns.text}' column (columns: {shown}); "
            "name the text column with --text-col"
        )
    width = len(header)
    for line, row in records:
        if isinstance(row, UnicodeDecodeError):  # an --encoding without surrogateescape support
            yield line, InputFailure(f"{name}:{line}", f"{name} line {line}: cannot decode "
                                     f"({short_error(row)}); pass --encoding")
            return
        if isinstance(row, csv.Error):
            msg = short_error(row)
            hint = "an unclosed quote?" if "end of data" in msg else "a stray quote?"
            yield line, InputFailure(f"{name}:{line}", f"{name} line {line}: malformed CSV "
                                     f"({msg}; {hint})" + (
                                         "; the rest of the file could not be read"
                                         if "end of data" in msg else ""))
            continue
        if not row:
            continue
        if any(len(cell) > limit for cell in row):
            yield line, InputFailure(f"{name}:{line}", f"{name} line {line}: a cell over "
                                     f"{limit:,} characters; raise the limit with --max-bytes")
            continue
        if len(row) != width:
            yield line, InputFailure(
                f"{name}:{line}",
                f"{name} line {line}: {len(row)} fields, the header has {width} "
                "(an unquoted comma or newline in the text?); row skipped")
            continue
        yield line, dict(zip(header, row, strict=True))


def _jsonl_rows(path: Path, stream, limit: int):
    name = one_line(path.name)
    with stream:
        line = 0
        while True:
            try:
                raw = stream.readline(limit + 1)
            except UnicodeDecodeError as exc:
                yield line + 1, InputFailure(f"{name}:{line + 1}", f"{name} after line {line}: "
                                             f"cannot decode ({short_error(exc)}); pass --encoding")
                return
            if not raw:
                return
            line += 1
            if len(raw) > limit:
                yield line, InputFailure(f"{name}:{line}", f"{name} line {line}: longer than "
                                         f"{limit:,} characters; raise the limit with --max-bytes")
                while raw and not raw.endswith("\n"):  # skip the rest of that line
                    raw = stream.readline(limit + 1)
                continue
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except (json.JSONDecodeError, RecursionError) as exc:
                why = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                yield line, InputFailure(f"{name}:{line}", f"{name} line {line}: not JSON ({why}); "
                                         "row skipped")
                continue
            if not isinstance(row, dict):
                yield line, InputFailure(f"{name}:{line}", f"{name} line {line}: expected a JSON "
                                         "object per line; row skipped")
                continue
            yield line, row


def _parquet_rows(path: Path, columns: Columns):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'figures[parquet]'") from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        raise InputError(f"{path}: not a Parquet file ({short_error(exc)})") from None
    names = pf.schema_arrow.names
    if columns.text not in names:
        raise InputError(f"{path}: no '{columns.text}' column (columns: {', '.join(names[:8])}); use --text-col")
    wanted = [c for c in dict.fromkeys((columns.text, columns.date, columns.id, columns.country,
                                         columns.locale)) if c in names]
    line = 0
    for batch in pf.iter_batches(columns=wanted, batch_size=2048):
        for row in batch.to_pylist():
            line += 1
            if columns.date in row and row[columns.date] is not None:
                row[columns.date] = str(row[columns.date])
            yield line, row
