"""CSV records read one at a time, with memory bounded by the text of the record.

Ordinary records go through `csv.reader(..., strict=True)`. A record over BIG_RECORD characters
(all its lines together) is read instead by a small streaming reader of the same grammar (the
excel dialect: comma, double quote, doubled quotes, CR/LF/CRLF line ends, newlines inside
quotes) that keeps each field as a list of `str` pieces read CHUNK characters at a time and
joins them once. Why: CPython's csv module assembles a field in a buffer of 4-byte code points
while the line holding it is alive, so a 100 MB cell costs about 600 MB there; here it costs
the text plus one copy while the pieces are joined. Both readers give the same rows and the
same errors for every input (tests/test_csv_stream.py compares them on generated text).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import TextIO

BIG_RECORD = 1 << 20  # characters: a record longer than this is streamed
CHUNK = 1 << 16  # characters per read while streaming

# csv.reader's own messages (CPython 3.11), so a streamed record is reported as any other
END_OF_DATA = "unexpected end of data"
AFTER_QUOTE = "',' expected after '\"'"
NEWLINE_IN_FIELD = ("new-line character seen in unquoted field - do you need to open the file "
                    "in universal-newline mode?")

_UNQUOTED_END = re.compile(r"[,\r\n]")
_START, _FIELD, _QUOTED, _QUOTE_IN_QUOTED = range(4)


class _Big(Exception):
    """Raised through csv.reader when the record it is reading passes BIG_RECORD."""


class _Source:
    """Pieces of a text stream opened with newline='': whole lines, or parts of a line longer
    than the size asked for, with push-back. Counts lines as csv.reader's line_num does: one per
    line end, a CRLF cut between two pieces counting once."""

    __slots__ = ("back", "cr", "lines", "stream")

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.back: list[str] = []
        self.lines = 0
        self.cr = False  # the last piece ended with CR (its LF may come as the next piece)

    def read(self, size: int) -> str:
        piece = self.back.pop() if self.back else self.stream.readline(size)
        if piece.endswith("\n"):
            if not (piece == "\n" and self.cr):
                self.lines += 1
        elif piece.endswith("\r"):
            self.lines += 1
        self.cr = piece.endswith("\r")
        return piece

    def mark(self) -> tuple[int, bool]:
        return self.lines, self.cr

    def unread(self, pieces: list[str], mark: tuple[int, bool]) -> None:
        """Give `pieces` (read since `mark`) back, to be read again in the same order."""
        self.back.extend(reversed(pieces))
        self.lines, self.cr = mark


class _Lines:
    """The line iterator csv.reader reads: it keeps the lines of the current record and raises
    _Big as soon as they pass `big` characters, so no long record ever reaches csv.reader."""

    __slots__ = ("big", "limit", "readline", "size", "source", "start", "taken")

    def __init__(self, source: _Source, big: int) -> None:
        self.source = source
        self.big = big
        self.limit = big + 1
        self.readline = source.stream.readline
        self.taken: list[str] = []
        self.size = 0
        self.start = source.mark()

    def new_record(self) -> None:
        self.taken.clear()
        self.size = 0
        # A record starts after a whole line end (a CRLF cut in two is taken whole by the
        # streaming reader), so no LF can be the rest of the last piece.
        self.source.cr = False
        self.start = self.source.mark()

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        source = self.source
        if source.back:
            line = source.read(self.limit)
        else:
            # The common case, inlined (a line per call): a line read whole, counted as one.
            # One cut at `limit` or ending the file without a line end passes `big` or ends
            # the records, so counting it as a line changes no line number given out.
            line = self.readline(self.limit)
            if not line:
                raise StopIteration
            source.lines += 1
        self.taken.append(line)
        self.size += len(line)
        if self.size > self.big:
            raise _Big
        return line


def csv_records(stream: TextIO, *, big: int | None = None, chunk: int = CHUNK,
                limit: int | None = None) -> Iterator[tuple[int, list[str] | csv.Error | UnicodeDecodeError]]:
    """(line, fields) for each record of `stream` (opened with newline=''), as
    `csv.reader(stream, strict=True)` reads them; a malformed record gives (line, csv.Error)
    and reading goes on at the next line, as with csv.reader. `line` is the line the record
    begins on. A field of a streamed record longer than `limit` characters comes out cut to
    `limit + 1` characters, so the caller still sees it is over the limit without holding it
    whole. Bytes the stream cannot decode end the records with (line, UnicodeDecodeError)."""
    source = _Source(stream)
    lines = _Lines(source, BIG_RECORD if big is None else big)
    reader = csv.reader(lines, strict=True)
    while True:
        line = source.lines + 1
        lines.new_record()
        try:
            try:
                row: list[str] | csv.Error = next(reader)
            except _Big:
                source.unread(lines.taken, lines.start)
                lines.taken = []
                row = _stream_record(source, chunk, limit, lines.big + 1)
        except StopIteration:
            return
        except csv.Error as exc:
            row = exc
        except UnicodeDecodeError as exc:
            yield line, exc
            return
        yield line, row


class _Field:
    """One field's pieces, kept up to `limit + 1` characters."""

    __slots__ = ("full", "parts", "room")

    def __init__(self, limit: int | None) -> None:
        self.parts: list[str] = []
        self.full = -1 if limit is None else limit + 1
        self.room = self.full  # characters still kept; -1: no limit

    def add(self, text: str) -> None:
        if self.room < 0:
            self.parts.append(text)
        elif self.room:
            self.parts.append(text[:self.room])
            self.room -= len(self.parts[-1])

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts = []
        self.room = self.full
        return text


def _stream_record(source: _Source, chunk: int, limit: int | None,
                   line_size: int) -> list[str] | csv.Error:
    """One record read from `source` in pieces of `chunk` characters, by csv.reader's grammar
    (excel dialect, strict). `line_size`: the size _Lines reads a line with; a piece read past
    the record's end is read with it, so that _Lines gets it back as it would have read it."""
    fields: list[str] = []
    field = _Field(limit)
    state = _START
    while True:
        piece = source.read(chunk)
        if not piece:  # end of the file: csv.reader's end of the last line
            if state == _QUOTED:
                return csv.Error(END_OF_DATA)
            if fields or state != _START:  # else: nothing since the last line end
                fields.append(field.take())
            return fields
        i, n = 0, len(piece)
        while i < n:
            if state == _QUOTED:
                j = piece.find('"', i)
                if j < 0:
                    field.add(piece[i:])
                    break
                field.add(piece[i:j])
                i, state = j + 1, _QUOTE_IN_QUOTED
                continue
            if state == _FIELD:
                m = _UNQUOTED_END.search(piece, i)
                if m is None:
                    field.add(piece[i:])
                    break
                field.add(piece[i:m.start()])
                i = m.start()
            c = piece[i]
            if state == _QUOTE_IN_QUOTED and c == '"':
                field.add('"')
                i, state = i + 1, _QUOTED
            elif state == _START and c == '"':
                i, state = i + 1, _QUOTED
            elif c == ",":
                fields.append(field.take())
                i, state = i + 1, _START
            elif c in "\r\n":
                if fields or state != _START:  # else an empty line: csv.reader gives []
                    fields.append(field.take())
                return _end_of_record(source, line_size, piece[i:], fields)
            elif state == _QUOTE_IN_QUOTED:
                return _skip_line(source, chunk, line_size, piece, csv.Error(AFTER_QUOTE))
            else:  # the first character of an unquoted field
                state = _FIELD


def _end_of_record(source: _Source, line_size: int, rest: str,
                   fields: list[str]) -> list[str] | csv.Error:
    """The record ended at the line end that starts `rest` (the end of its piece)."""
    if rest.strip("\r\n"):  # not reachable with newline='' streams; kept for csv's parity
        return csv.Error(NEWLINE_IN_FIELD)
    if rest.endswith("\r"):  # a CRLF cut between two pieces: its LF belongs to this line
        mark = source.mark()
        after = source.read(line_size)
        if after != "\n":
            source.unread([after] if after else [], mark)
    return fields


def _skip_line(source: _Source, chunk: int, line_size: int, piece: str,
               error: csv.Error) -> csv.Error:
    """csv.reader drops the rest of the line an error is found on: do the same."""
    while piece and not piece.endswith(("\n", "\r")):
        piece = source.read(chunk)
    if piece.endswith("\r"):
        _end_of_record(source, line_size, "\r", [])
    return error
