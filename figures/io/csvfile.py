"""CSV (RFC 4180: UTF-8, CRLF line ends, minimal quoting), written and read back.

* Decimals in plain notation, never `1E+10`; dates as ISO `YYYY-MM-DD`; empty cells are None;
  `currency_candidates` is joined with `|`; findings' `mentions` and `details` are JSON.
* Spreadsheet formula injection (OWASP, "CSV Injection"): a text cell that starts with `=`, `+`,
  `-`, `@`, tab or carriage return (and is not a plain number such as `-5`) is written with a
  leading apostrophe, which spreadsheets show as text and do not evaluate. A cell that already
  starts with an apostrophe gets one more, so the escaping is reversible: `read_csv` removes
  exactly one leading apostrophe from text cells and gives back the original text.
* `read_csv` types the columns it knows by name (`COLUMN_TYPES`: figures, findings and
  `normalize_frame` columns); other columns come back as text unless `types=` names them.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from datetime import date as Date
from decimal import Decimal, InvalidOperation
from typing import IO, TYPE_CHECKING, Any

from figures.errors import InputError
from figures.io.cells import csv_cell, neutralize, unneutralize
from figures.io.columns import (
    BOOL,
    COLUMN_TYPES,
    DATE,
    DECIMAL,
    FIGURE_FIELDS,
    FINDING_FIELDS,
    FLOAT,
    INT,
    LIST,
    STR,
    typed_frame,
)
from figures.io.rows import finding_rows
from figures.io.targets import classify, is_frame, opened
from figures.model import Figure, Finding, Report

if TYPE_CHECKING:
    import pandas as pd


_LINE_END = "\r\n"


def render_csv_rows(figs: Iterable[Figure]) -> str:
    """CSV rows without the header, in FigureCSVWriter's layout."""
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=_LINE_END)
    for fig in figs:
        w.writerow([csv_cell(getattr(fig, f)) for f in FIGURE_FIELDS])
    return buf.getvalue()


class FigureCSVWriter:
    """Streams figures as CSV rows with a fixed header (the contract's fields)."""

    def __init__(self, out: IO[str], fields: tuple[str, ...] = FIGURE_FIELDS):
        self._w = csv.writer(out, lineterminator=_LINE_END)
        self._fields = fields
        self._w.writerow(fields)

    def write(self, fig: Figure) -> None:
        self._w.writerow([csv_cell(getattr(fig, f)) for f in self._fields])


def write_csv(figs: Iterable[Figure], out: IO[str]) -> int:
    """Figures as CSV to an open text stream (open files with newline='')."""
    w = FigureCSVWriter(out)
    n = 0
    for fig in figs:
        w.write(fig)
        n += 1
    return n


def write_findings_csv(source: Report | Iterable[Finding] | pd.DataFrame, out: IO[str] | str | os.PathLike) -> int:
    """Findings as CSV (FINDING_FIELDS) to an open stream or a path; returns the row count.

    For the `figures check --format csv` command: `write_findings_csv(report, sys.stdout)`."""
    if is_frame(source):
        return _write_frame(source, out)
    rows = finding_rows(source)
    with opened(out) as f:
        w = csv.writer(f, lineterminator=_LINE_END)
        w.writerow(FINDING_FIELDS)
        for r in rows:
            w.writerow([csv_cell(r[k]) for k in FINDING_FIELDS])
    return len(rows)


def to_csv(data: Any, path: str | os.PathLike | IO[str], *, what: str | None = None) -> int:
    """Write a DataFrame, a Report, or a list of Figures or Findings as CSV; returns the number
    of rows. A Report writes its findings (what='figures' writes its figures instead)."""
    if is_frame(data):
        return _write_frame(data, path)
    kind, items = classify(data, what)
    with opened(path) as f:
        if kind == "figures":
            return write_csv(items, f)
        return write_findings_csv(items, f)


def _write_frame(frame: pd.DataFrame, out: Any) -> int:
    cols = [str(c) for c in frame.columns]
    arrays = [frame.iloc[:, k].to_numpy(dtype=object, na_value=None)
              if hasattr(frame.iloc[:, k], "to_numpy") else list(frame.iloc[:, k])
              for k in range(frame.shape[1])]
    with opened(out) as f:
        w = csv.writer(f, lineterminator=_LINE_END)
        w.writerow([neutralize(c) for c in cols])
        for row in zip(*arrays, strict=True):
            w.writerow([csv_cell(v) for v in row])
    return len(frame)


def _from_text(cell: str, kind: str, name: str, line: int) -> Any:
    """One CSV cell back to its value; empty is None."""
    if cell == "":
        return () if kind == LIST else None
    if kind not in (STR, LIST):
        cell = unneutralize(cell)
    try:
        if kind == DECIMAL:
            return Decimal(cell)
        if kind == INT:
            return int(cell)
        if kind == FLOAT:
            return float(cell)
        if kind == DATE:
            return Date.fromisoformat(cell)
        if kind == BOOL:
            if cell.lower() in ("true", "1", "yes"):
                return True
            if cell.lower() in ("false", "0", "no"):
                return False
            raise ValueError(cell)
    except (ValueError, InvalidOperation):
        raise InputError(f"line {line}: column '{name}' holds {cell[:40]!r}, not a {kind}") from None
    if kind == LIST:
        return tuple(unneutralize(cell).split("|"))
    return unneutralize(cell)


def read_csv(path: str | os.PathLike | IO[str], *, types: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A CSV written by `to_csv` (or `figures extract --format csv`) back as a DataFrame with the
    same values and dtypes: Decimals as Decimal, dates as date, offsets as int, empty cells as
    None. Columns not in COLUMN_TYPES are text unless `types` names them
    (e.g. {'amount': 'decimal'}; kinds: str, int, decimal, date, list, float, bool)."""
    for k, v in (types or {}).items():
        if v not in (STR, INT, DECIMAL, DATE, LIST, FLOAT, BOOL):
            raise InputError(f"types[{k!r}] = {v!r}: use one of str, int, decimal, date, list, "
                             "float, bool")
    kinds = {**COLUMN_TYPES, **(types or {})}
    name = getattr(path, "name", str(path))
    with opened(path, "r") as f:
        reader = csv.reader(f)
        try:
            header = [unneutralize(h) for h in next(reader)]
        except StopIteration:
            raise InputError(f"{name}: empty file (expected a header row)") from None
        except csv.Error as exc:
            raise InputError(f"{name}: not a CSV file ({exc})") from None
        if header and header[0].startswith("\ufeff"):
            header[0] = header[0][1:]
        cols: list[list[Any]] = [[] for _ in header]
        col_kinds = [kinds.get(h, STR) for h in header]
        try:
            for row in reader:
                if len(row) != len(header):
                    if not row:
                        continue
                    raise InputError(f"{name} line {reader.line_num}: {len(row)} fields, the "
                                     f"header has {len(header)}")
                for k, cell in enumerate(row):
                    cols[k].append(_from_text(cell, col_kinds[k], header[k], reader.line_num))
        except csv.Error as exc:
            raise InputError(f"{name} line {reader.line_num}: malformed CSV ({exc})") from None
    return typed_frame(dict(zip(header, cols, strict=True)), types)
