"""Reading documents from paths: text files, directories of .txt files, CSV/JSONL/Parquet files
with one document per row, and stdin. Unreadable input becomes an InputFailure that the caller
reports and counts; it never stops the other documents.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from figures.errors import InputError
from figures.io.decoding import (
    MAX_DOCUMENT_BYTES,
    decode,
    display_name,
    file_size,
    one_line,
    read_bytes,
    read_limited,
)
from figures.io.document import (
    DEFAULT_COLUMNS,
    Columns,
    InputFailure,
    text_document,
    with_run_country,
)
from figures.io.stream import OVERLAP_CHARS, Chunk, is_continuation, stream_text_file
from figures.io.tables import read_table
from figures.model import Document
from figures.normalize.dates import parse_date

# The readers' public names, importable from here as before the split.
__all__ = [
    "CHUNK_CHARS", "MAX_DOCUMENT_BYTES", "OVERLAP_CHARS", "STREAM_THRESHOLD", "TABULAR_SUFFIXES",
    "Chunk", "Columns", "InputFailure", "UniqueNames", "decode", "display_name", "is_continuation",
    "one_line", "read_documents", "read_table", "stream_text_file", "with_run_country",
]

TABULAR_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
# A text file larger than this is streamed in paragraph-aligned chunks of about CHUNK_CHARS, so
# memory stays bounded whatever the file size. Smaller files are one document.
STREAM_THRESHOLD = 16 * 1024 * 1024
CHUNK_CHARS = 1024 * 1024


def read_documents(
    paths: Iterable[str | os.PathLike],
    *,
    date=None,
    columns: Columns = DEFAULT_COLUMNS,
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
                data = read_limited(sys.stdin.buffer, "<stdin>", limit)
            except InputError as exc:
                yield InputFailure("<stdin>", str(exc))
                continue
            yield from text_document("<stdin>", data, fixed_date, encoding, warn)
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
            if file_size(path) > STREAM_THRESHOLD:
                yield from stream_text_file(path, fixed_date, encoding,
                                            chunk_chars or CHUNK_CHARS)
                continue
            data = read_bytes(path, limit)
        except InputError as exc:
            yield InputFailure(display_name(path.name) or shown, str(exc))
            continue
        yield from text_document(path.name, data, fixed_date, encoding, warn)


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
            data = read_bytes(f, limit)
        except InputError as exc:
            yield InputFailure(display_name(f.name), str(exc))
            continue
        yield from text_document(f.name, data, fixed_date, encoding, warn)


def _inside(f: Path, root: Path) -> bool:
    try:
        return f.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return False
