"""Reading documents from paths: text files, directories of .txt files, CSV/JSONL/Parquet files
with one document per row, and stdin. Unreadable input becomes an InputFailure that the caller
reports and counts; it never stops the other documents.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from figures.errors import InputError
from figures.model import Document
from figures.normalize.dates import find_document_date, parse_date

TABULAR_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
_BINARY_SNIFF = 8192
# A text file larger than this is streamed in paragraph-aligned chunks of about CHUNK_CHARS, so
# memory stays bounded whatever the file size. Smaller files are one document.
STREAM_THRESHOLD = 16 * 1024 * 1024
CHUNK_CHARS = 1024 * 1024
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # cells are bounded per row, see _csv_rows_from
# One document (a file read whole, or a table row) may not exceed this; --max-bytes raises it.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")


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


def _read_bytes(path: Path, limit: int | None = None) -> bytes:
    try:
        with path.open("rb") as f:
            return _read_limited(f, one_line(str(path)), limit)
    except FileNotFoundError:
        raise InputError(f"{one_line(str(path))}: no such file") from None
    except PermissionError:
        raise InputError(f"{one_line(str(path))}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{one_line(str(path))}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{one_line(str(path))}: cannot read ({exc.strerror or _short(exc)})") from None


def _read_limited(f, name: str, limit: int | None) -> bytes:
    """All of `f`, refusing (while reading, not after) more than `limit` bytes."""
    limit = MAX_DOCUMENT_BYTES if limit is None else limit
    data = f.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: larger than the {limit:,}-byte limit for one document; "
                         "raise it with --max-bytes, or pass a larger file as .txt to stream it")
    return data


def one_line(s: str) -> str:
    """A name fit for a one-line message: control characters (a newline in a file name)
    escaped, undecodable bytes shown as U+FFFD."""
    s = display_name(s)
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), s)


def read_documents(
    paths: Iterable[str | os.PathLike],
    *,
    date=None,
    columns: Columns = Columns(),
    encoding: str | None = None,
    warn=None,
    max_bytes: int | None = None,
    chunk_chars: int | None = None,
) -> Iterator[Document | InputFailure]:
    """Documents from each path in order. Nothing stops the batch: a path that cannot be read,
    a bad file inside a directory or a malformed row yields an InputFailure naming its source
    and line, and the next item is read. Repeated names (two folders' news.txt, duplicate ids)
    are kept apart: the second gets ' #2' (see UniqueNames). Only a bad --date raises."""
    fixed_date = parse_date(date, what="--date") if date is not None else None
    limit = max_bytes if max_bytes is not None else MAX_DOCUMENT_BYTES
    names = UniqueNames()
    for item in _read_paths(paths, fixed_date, columns, encoding, warn, limit, chunk_chars):
        if isinstance(item, Document):
            unique = names(item.doc, chunk=is_continuation(item))
            if unique != item.doc:
                item = dataclasses.replace(item, doc=unique)
        else:
            item = InputFailure(names(item.doc), item.message)
        yield item


class UniqueNames:
    """Names for documents in input order, each unique within a run: the first 'news.txt'
    keeps its name, later ones become 'news.txt #2', 'news.txt #3'. Chunks of one streamed file
    share its name (chunk=True)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._last = ""

    def __call__(self, name: str, *, chunk: bool = False) -> str:
        if chunk:
            return self._last
        n = self._seen.get(name, 0) + 1
        self._seen[name] = n
        out = name if n == 1 else f"{name} #{n}"
        while n > 1 and out in self._seen:
            n += 1
            out = f"{name} #{n}"
        if out != name:
            self._seen[out] = 1
        self._last = out
        return out


def _read_paths(paths, fixed_date, columns, encoding, warn, limit, chunk_chars):
    for raw in paths:
        p = str(raw)
        if not p.strip():
            yield InputFailure("(empty path)", "an empty path was given; name a file, a directory "
                               "or - for stdin")
            continue
        if p == "-":
            try:
                data = _read_limited(sys.stdin.buffer, "<stdin>", limit)
            except InputError as exc:
                yield InputFailure("<stdin>", str(exc))
                continue
            yield from _text_document("<stdin>", data, fixed_date, encoding, warn)
            continue
        path = Path(p)
        shown = one_line(p)
        try:
            if path.is_dir():
                yield from _read_directory(path, fixed_date, encoding, warn, limit)
                continue
            if not path.exists():
                raise InputError(f"{shown}: no such file or directory")
            suffix = path.suffix.lower()
            if suffix in TABULAR_SUFFIXES:
                yield from read_table(path, date=fixed_date, columns=columns, encoding=encoding,
                                      max_bytes=limit)
                continue
            if _size(path) > STREAM_THRESHOLD:
                yield from stream_text_file(path, fixed_date, encoding, chunk_chars)
                continue
            data = _read_bytes(path, limit)
        except InputError as exc:
            yield InputFailure(display_name(path.name) or shown, str(exc))
            continue
        yield from _text_document(path.name, data, fixed_date, encoding, warn)


def _read_directory(path: Path, fixed_date, encoding, warn, limit):
    try:
        files = sorted(f for f in path.iterdir() if f.suffix.lower() == ".txt" and f.is_file())
    except PermissionError:
        raise InputError(f"{one_line(str(path))}: permission denied (cannot list the directory)") from None
    except OSError as exc:
        raise InputError(f"{one_line(str(path))}: cannot list ({exc.strerror})") from None
    if not files:
        raise InputError(f"{one_line(str(path))}: no .txt files in this directory")
    root = path.resolve()
    for f in files:
        if f.is_symlink() and not _inside(f, root):
            if warn:
                warn(f"{one_line(str(f))}: a symbolic link to outside the folder; skipped")
            continue
        try:
            data = _read_bytes(f, limit)
        except InputError as exc:
            yield InputFailure(display_name(f.name), str(exc))
            continue
        yield from _text_document(f.name, data, fixed_date, encoding, warn)


def _inside(f: Path, root: Path) -> bool:
    try:
        return f.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# Each chunk of a streamed file carries this many characters of the text before and after the
# part it reports. A figure (the extractor accepts none longer than a few hundred characters:
# longer digit runs and lists are not figures) that starts in a chunk's own part is therefore
# read whole and with its left context, wherever the cut falls, even in text without spaces.
OVERLAP_CHARS = 4096


@dataclass(frozen=True, slots=True)
class Chunk(Document):
    """A piece of a streamed file: `text` starts at file offset `offset` and includes up to
    OVERLAP_CHARS on each side of the part it reports, [own_start, own_end) in file offsets.
    Figures are kept only when they start in that part, so the overlap never duplicates one."""

    own_start: int = 0
    own_end: int = 0

    def owns(self, start: int) -> bool:
        """Does a figure at chunk-local offset `start` belong to this chunk?"""
        return self.own_start <= start + self.offset < self.own_end

    @property
    def owned_text(self) -> str:
        return self.text[self.own_start - self.offset:self.own_end - self.offset]


def is_continuation(doc: Document) -> bool:
    """Is `doc` a later chunk of the file before it (not a document of its own)?"""
    return doc.own_start > 0 if isinstance(doc, Chunk) else doc.offset > 0


def stream_text_file(
    path: Path, fixed_date=None, encoding: str | None = None, chunk_chars: int | None = None
) -> Iterator[Document | InputFailure]:
    """A large text file as Chunks of about `chunk_chars` characters, each overlapping its
    neighbours by OVERLAP_CHARS (see Chunk), so memory stays bounded and no figure is cut,
    even in a file without a single space. Cuts prefer a blank line, then a line break:
    the document locale (what a bare '$' means) is read from the first chunk and kept for all."""
    import codecs

    chunk_chars = chunk_chars or CHUNK_CHARS
    name = one_line(path.name)
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield InputFailure(name, f"{name}: cannot read ({exc.strerror})")
        return
    with f:
        head = f.read(_BINARY_SNIFF)
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield InputFailure(name, f"{name}: binary file (NUL bytes), not text; pass a UTF-8 text file")
            return
        enc = encoding or ("utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8")
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) and not encoding:
            enc = "utf-16"
        try:
            decoder = codecs.getincrementaldecoder(enc)("strict")
        except LookupError:
            yield InputFailure(name, f"--encoding {one_line(enc)}: unknown encoding")
            return
        pending = ""  # decoded text not yet reported, starting at file offset own_start
        behind = ""  # up to OVERLAP_CHARS reported just before own_start
        own_start = 0
        doc_date = fixed_date
        date_source = "argument" if fixed_date else None
        first = True
        country: str | None = None
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
            eof = not data
            while len(pending) >= chunk_chars + OVERLAP_CHARS or (eof and pending):
                last = eof and len(pending) <= chunk_chars + OVERLAP_CHARS
                cut = len(pending) if last else _cut(pending, chunk_chars)
                owned = pending[:cut]
                text = behind + owned + ("" if last else pending[cut:cut + OVERLAP_CHARS])
                if first:
                    first = False
                    if doc_date is None:
                        doc_date = find_document_date(owned)
                        date_source = "text" if doc_date else None
                    # One locale for the whole file, from its opening (dateline, exchanges):
                    # a later chunk alone would lose what a bare '$' means.
                    from figures.extract import document_locale

                    country = document_locale(owned).country
                yield Chunk(name, text, doc_date, date_source, offset=own_start - len(behind),
                            country=country, own_start=own_start, own_end=own_start + cut)
                behind = (behind + owned)[-OVERLAP_CHARS:]
                pending = pending[cut:]
                own_start += cut
            if eof:
                return
            data = f.read(chunk_chars)


def _cut(text: str, target: int) -> int:
    """Where to end a chunk's own part: after the last blank line (else line break) before
    `target`, else at `target` (the overlap keeps a figure there whole)."""
    for sep in ("\n\n", "\n"):
        i = text.rfind(sep, target // 2, target)
        if i >= 0:
            return i + len(sep)
    return target


def display_name(name: str) -> str:
    """A file name that can be printed and written as UTF-8: undecodable bytes in the name
    (kept by Python as lone surrogates) become U+FFFD."""
    if name.isascii():
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte (JSON "\ud800")
        return _SURROGATES.sub("\ufffd", name)


def _text_document(name, data, fixed_date, encoding, warn) -> Iterator[Document | InputFailure]:
    name = one_line(name)
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
    path: Path, *, date=None, columns: Columns = Columns(), encoding: str | None = None,
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
        if _size(path) == 0:
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
        doc = _SURROGATES.sub("\ufffd", doc)
        body = row.get(columns.text)
        if not isinstance(body, str):
            kind = "empty" if body is None else type(body).__name__
            yield InputFailure(doc, f"{name} line {line}: text is {kind}, not a string")
            continue
        bad = next((k for k in (columns.text, columns.date)
                    if isinstance(row.get(k), str) and _SURROGATES.search(row[k])), None)
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
        yield _document(doc, body, date, col_date)


def _open_text(path: Path, encoding: str | None):
    """A streaming text handle for tabular input: rows are read one at a time, never the whole
    file. Undecodable bytes are kept as surrogates so the row holding them is reported by line
    and the rows after it are still read."""
    import codecs

    name = one_line(path.name)
    try:
        with path.open("rb") as f:
            head = f.read(_BINARY_SNIFF)
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
    elif not encoding and b"\x00" in head and _looks_utf16_without_bom(head):
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
    # strict: an unclosed quote is an error naming its line, not the rest of the file as text
    reader = csv.reader(stream, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InputError(f"{name}: not a CSV file ({_short(exc) or 'no header'})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode ({_short(exc)}); pass --encoding") from None
    if columns.text not in header:
        shown = one_line(", ".join(header[:8]))
        raise InputError(
            f"{name}: no '{columns.text}' column (columns: {shown}); "
            "name the text column with --text-col"
        )
    width = len(header)
    start = reader.line_num + 1  # where the next record begins
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            msg = _short(exc)
            hint = "an unclosed quote?" if "end of data" in msg else "a stray quote?"
            if "field larger" in msg:
                hint = f"a cell over {limit:,} bytes; raise the limit with --max-bytes"
            yield start, InputFailure(f"{name}:{start}", f"{name} line {start}: malformed CSV "
                                      f"({msg}; {hint})" + (
                                          "; the rest of the file could not be read"
                                          if "end of data" in msg else ""))
            start = reader.line_num + 1
            continue
        except UnicodeDecodeError as exc:  # an --encoding without surrogateescape support
            yield start, InputFailure(f"{name}:{start}", f"{name} line {start}: cannot decode "
                                      f"({_short(exc)}); pass --encoding")
            return
        line = start
        start = reader.line_num + 1
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
                                             f"cannot decode ({_short(exc)}); pass --encoding")
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
