"""Writing figures and findings out, and reading them back: JSON Lines, CSV and Parquet with the
contract's field names (DESIGN.md section 4).

CSV (RFC 4180: UTF-8, CRLF line ends, minimal quoting):

* Decimals in plain notation, never `1E+10`; dates as ISO `YYYY-MM-DD`; empty cells are None;
  `currency_candidates` is joined with `|`; findings' `mentions` and `details` are JSON.
* Spreadsheet formula injection (OWASP, "CSV Injection"): a text cell that starts with `=`, `+`,
  `-`, `@`, tab or carriage return (and is not a plain number such as `-5`) is written with a
  leading apostrophe, which spreadsheets show as text and do not evaluate. A cell that already
  starts with an apostrophe gets one more, so the escaping is reversible: `read_csv` removes
  exactly one leading apostrophe from text cells and gives back the original text.
* `read_csv` types the columns it knows by name (`COLUMN_TYPES`: figures, findings and
  `normalize_frame` columns); other columns come back as text unless `types=` names them.

Parquet (through pyarrow): text as string, offsets as int64, dates as date32,
`currency_candidates` as list<string>, and every Decimal column as `decimal128(p, s)` with the
smallest precision and scale that hold *all* of the column's values exactly. A column whose
values need more than 38 digits together (28-digit normalized values that mix 10^12 and 10^-20,
say) is written as plain-notation strings instead; the file's `figures` metadata records that,
and `read_parquet` turns it back into Decimals either way. Values read from a decimal128
column come back at the column's scale (`1.5` as `1.500`): equal as numbers. Columns of a
pandas dtype other than object (str, datetime64, numbers) are left to pyarrow and come back
with their dtype.

Only the standard library is imported here; pandas and pyarrow are imported when a frame or a
Parquet file is involved.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from datetime import date as Date
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from figures.errors import InputError
from figures.model import (
    CONTRACT_FIELDS,
    EXTRA_FIELDS,
    Figure,
    Finding,
    Report,
    plain_decimal,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMN_TYPES",
    "FIGURE_FIELDS",
    "FINDING_FIELDS",
    "FLOAT_FIELDS",
    "FigureCSVWriter",
    "figure_from_dict",
    "finding_rows",
    "neutralize",
    "read_csv",
    "read_parquet",
    "to_csv",
    "to_parquet",
    "typed_frame",
    "unneutralize",
    "write_csv",
    "write_findings_csv",
    "write_jsonl",
]

FIGURE_FIELDS: tuple[str, ...] = CONTRACT_FIELDS + EXTRA_FIELDS
# Float conveniences next to the exact Decimals, for plotting and quick looks only.
FLOAT_FIELDS: tuple[str, ...] = ("value_float", "normalized_float")
FINDING_FIELDS: tuple[str, ...] = (
    "doc", "check", "status", "severity", "message", "mentions", "details", "cross_document",
)

# Column types shared by frames, CSV and Parquet.
STR, INT, DECIMAL, DATE, LIST, FLOAT, BOOL = "str", "int", "decimal", "date", "list", "float", "bool"
_FIGURE_TYPES = {
    "doc": STR, "start": INT, "end": INT, "text": STR, "kind": STR, "value": DECIMAL,
    "low": DECIMAL, "high": DECIMAL, "currency": STR, "unit": STR, "per": STR, "qualifier": STR,
    "scale_word": STR, "precision": DECIMAL, "date": DATE, "to_currency": STR,
    "normalized_value": DECIMAL, "normalized_low": DECIMAL, "normalized_high": DECIMAL,
    "rate": DECIMAL, "rate_date": DATE, "rate_source": STR, "normalized_unit": STR, "direction": STR,
    "currency_candidates": LIST, "currency_basis": STR, "date_context": STR, "rate_note": STR,
    "country": STR,
    "value_candidates": LIST, "value_float": FLOAT, "normalized_float": FLOAT,
}
_FINDING_TYPES = {
    "check": STR, "status": STR, "severity": STR, "message": STR, "mentions": STR,
    "details": STR, "cross_document": BOOL,
}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8(v: str | None) -> str | None:
    """Parquet strings are UTF-8: a lone surrogate (from an undecodable file name or a JSON
    escape) becomes U+FFFD."""
    return v if v is None or not _SURROGATE.search(v) else _SURROGATE.sub("\ufffd", v)


COLUMN_TYPES: Mapping[str, str] = {**_FIGURE_TYPES, **_FINDING_TYPES}
assert set(FIGURE_FIELDS) <= set(COLUMN_TYPES)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "|", "%", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Characters a spreadsheet skips or shows as nothing before a formula: whitespace, NBSP, BOM,
# zero-width and other format characters.
_INVISIBLE = re.compile(r"[\s\u00a0\u180e\u200b-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]*")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")
_LINE_END = "\r\n"


# ---- cells -----------------------------------------------------------------------------------


def is_formula(cell: str) -> bool:
    """Would a spreadsheet run `cell` as a formula (or DDE command)? A trigger (=, +, -, @, |,
    %, tab, CR, full-width ＝＋－＠) first, or after leading whitespace or invisible characters;
    a plain number such as '-5' is data."""
    if cell.startswith(("\t", "\r")):
        return True
    rest = cell[_INVISIBLE.match(cell).end():]
    return rest.startswith(_FORMULA_START) and not _NUMBER.match(rest)


def neutralize(cell: str) -> str:
    """A text cell made safe for spreadsheets (OWASP CSV Injection): a formula (`is_formula`)
    gets a leading apostrophe. A cell that already starts with an apostrophe is left alone,
    never doubled (issue 11): a spreadsheet does not run it."""
    if cell and cell[0] != "'" and is_formula(cell):
        return "'" + cell
    return cell


def unneutralize(cell: str) -> str:
    """The inverse of `neutralize`: drop the apostrophe it added (one before a formula). An
    original cell that itself began with an apostrophe and a formula cannot be told apart."""
    return cell[1:] if cell.startswith("'") and is_formula(cell[1:]) else cell


def csv_cell(value: Any) -> str:
    """One CSV cell: None empty, Decimals plain, dates ISO, lists joined by '|', dicts JSON,
    text neutralized."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plain_decimal(value) if value.is_finite() else ""
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return "" if math.isnan(value) else neutralize(repr(float(value)))
    if isinstance(value, datetime):
        return neutralize(value.isoformat())
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return neutralize(str(value))
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, str) for v in value):
            return neutralize("|".join(value))
        if all(isinstance(v, Decimal) for v in value):
            return "|".join(plain_decimal(v) for v in value)
        return neutralize(_json(value))
    if isinstance(value, dict):
        return neutralize(_json(value))
    if _is_missing(value):
        return ""
    return neutralize(str(value))


def _is_missing(value: Any) -> bool:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _json(value: Any) -> str:
    return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=False)


def _jsonable(v: Any) -> Any:
    if isinstance(v, Decimal):
        return plain_decimal(v) if v.is_finite() else str(v)
    if isinstance(v, (Date, datetime)):
        return v.isoformat()
    if isinstance(v, StrEnum):
        return str(v)
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if hasattr(v, "to_dict"):
        return _jsonable(v.to_dict())
    return str(v)


# ---- figures ---------------------------------------------------------------------------------



def figure_from_dict(row: Mapping[str, Any], **changes: Any) -> Figure:
    """The inverse of `Figure.to_dict()` (a JSONL line, a CSV row as strings, or a compact dict
    without its None fields): Decimals, dates, enums and tuples rebuilt, unknown keys ignored,
    then `changes` applied (e.g. doc=, start=)."""
    convert = _figure_converters()
    out: dict[str, Any] = dict(_FIGURE_DEFAULTS)
    for name, v in row.items():
        conv = convert.get(name)
        if conv is None or v is None or v == "":
            continue
        out[name] = conv(v)
    out.update(changes)
    for name in ("start", "end", "text", "kind"):
        if out[name] is None:
            raise InputError(f"figure row without '{name}'")
    return Figure(**out)


_FIGURE_DEFAULTS: dict[str, Any] = {
    **dict.fromkeys(FIGURE_FIELDS), "currency_candidates": (), "value_candidates": (),
}


def _figure_converters() -> dict[str, Any]:
    global _CONVERTERS
    if _CONVERTERS is None:
        from figures.model import Direction, Kind, Qualifier

        def dec(v: Any) -> Decimal:
            return v if isinstance(v, Decimal) else Decimal(v)

        def day(v: Any) -> Date:
            return Date.fromisoformat(v) if isinstance(v, str) else v

        def tup(v: Any) -> tuple:
            return tuple(v.split("|")) if isinstance(v, str) else tuple(v)

        def same(v: Any) -> Any:
            return v

        by_kind = {DECIMAL: dec, DATE: day, INT: int, LIST: tup, STR: same}
        conv = {name: by_kind[COLUMN_TYPES[name]] for name in FIGURE_FIELDS}
        conv.update(kind=Kind, qualifier=Qualifier, direction=Direction,
                    value_candidates=lambda v: tuple(dec(x) for x in tup(v)))
        _CONVERTERS = conv
    return _CONVERTERS


_CONVERTERS: dict[str, Any] | None = None


# Line separators that some JSON Lines readers (and str.splitlines) treat as line ends.
_JSONL_ESCAPES = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"})


# One encoder for every line: json.dumps with a keyword builds a new JSONEncoder per call.
_JSON_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def jsonl_line(fig: Figure) -> str:
    """One JSON Lines record; U+2028/U+2029/U+0085 escaped so no reader splits the record."""
    s = _JSON_ENCODE(fig.to_dict())
    if not s.isascii():
        s = s.translate(_JSONL_ESCAPES)
    return s + "\n"


def write_jsonl(figs: Iterable[Figure], out: IO[str]) -> int:
    n = 0
    for fig in figs:
        out.write(jsonl_line(fig))
        n += 1
    return n


def render_jsonl(figs: Iterable[Figure]) -> str:
    """The JSON Lines text of some figures (built in a worker process, written by the parent)."""
    return "".join(jsonl_line(f) for f in figs)


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


# ---- findings --------------------------------------------------------------------------------


def finding_rows(source: Report | Iterable[Finding], *, as_json: bool = True) -> list[dict[str, Any]]:
    """One dict per finding with FINDING_FIELDS. For a Report, `doc` is the document a finding
    is filed under, and cross-document findings (`cross_document` True) carry their first
    mention's document. `mentions`/`details` are JSON text, or Python objects with
    `as_json=False`."""
    rows: list[dict[str, Any]] = []
    if isinstance(source, Report):
        for d in source.documents:
            rows.extend(_finding_row(f, d.doc, False, as_json) for f in d.findings)
        rows.extend(_finding_row(f, None, True, as_json) for f in source.cross_findings)
        return rows
    for f in source:
        docs = {m.doc for m in f.mentions}
        rows.append(_finding_row(f, None, len(docs) > 1, as_json))
    return rows


def _finding_row(f: Finding, doc: str | None, cross: bool, as_json: bool) -> dict[str, Any]:
    d = f.to_dict()
    if doc is None:
        doc = f.mentions[0].doc if f.mentions else None
    mentions: Any = d["mentions"]
    details: Any = _jsonable(d["details"])
    if as_json:
        mentions, details = _json(mentions), _json(details)
    return {"doc": doc, "check": f.check, "status": f.status, "severity": f.severity,
            "message": f.message, "mentions": mentions, "details": details,
            "cross_document": cross}


def write_findings_csv(source: Report | Iterable[Finding] | pd.DataFrame, out: IO[str] | str | os.PathLike) -> int:
    """Findings as CSV (FINDING_FIELDS) to an open stream or a path; returns the row count.

    For the `figures check --format csv` command: `write_findings_csv(report, sys.stdout)`."""
    if _is_frame(source):
        return _write_frame(source, out)
    rows = finding_rows(source)
    with _opened(out) as f:
        w = csv.writer(f, lineterminator=_LINE_END)
        w.writerow(FINDING_FIELDS)
        for r in rows:
            w.writerow([csv_cell(r[k]) for k in FINDING_FIELDS])
    return len(rows)


# ---- frames, reports and lists: one entry point ----------------------------------------------


def to_csv(data: Any, path: str | os.PathLike | IO[str], *, what: str | None = None) -> int:
    """Write a DataFrame, a Report, or a list of Figures or Findings as CSV; returns the number
    of rows. A Report writes its findings (what='figures' writes its figures instead)."""
    if _is_frame(data):
        return _write_frame(data, path)
    kind, items = _classify(data, what)
    with _opened(path) as f:
        if kind == "figures":
            return write_csv(items, f)
        return write_findings_csv(items, f)


def _classify(data: Any, what: str | None) -> tuple[str, Any]:
    if what not in (None, "figures", "findings"):
        raise InputError(f"what={what!r}: use 'figures' or 'findings'")
    if isinstance(data, Report):
        return ("figures", data.figures) if what == "figures" else ("findings", data)
    if isinstance(data, (Figure, Finding)):
        data = [data]
    items = list(data)
    if what is not None:
        return what, items
    if all(isinstance(x, Figure) for x in items):
        return "figures", items
    if all(isinstance(x, Finding) for x in items):
        return "findings", items
    kinds = sorted({type(x).__name__ for x in items})
    raise InputError(f"cannot export {', '.join(kinds)}: pass a DataFrame, a Report, or a list "
                     "of Figures or of Findings")


def _is_frame(obj: Any) -> bool:
    mod = type(obj).__module__
    return mod.startswith("pandas") and type(obj).__name__ == "DataFrame"


class _opened:
    """A path opened for writing as UTF-8 CSV, or a stream passed through (not closed)."""

    def __init__(self, target: Any, mode: str = "w"):
        self._target = target
        self._mode = mode
        self._f: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if hasattr(self._target, "write") or hasattr(self._target, "read"):
            return self._target
        try:
            self._f = open(self._target, self._mode, encoding="utf-8", newline="")
        except OSError as exc:
            verb = "write" if "w" in self._mode else "read"
            raise InputError(f"{self._target}: cannot {verb} ({exc.strerror or exc})") from None
        return self._f

    def __exit__(self, *exc: object) -> None:
        if self._f is not None:
            self._f.close()


def _write_frame(frame: pd.DataFrame, out: Any) -> int:
    cols = [str(c) for c in frame.columns]
    arrays = [frame.iloc[:, k].to_numpy(dtype=object, na_value=None)
              if hasattr(frame.iloc[:, k], "to_numpy") else list(frame.iloc[:, k])
              for k in range(frame.shape[1])]
    with _opened(out) as f:
        w = csv.writer(f, lineterminator=_LINE_END)
        w.writerow([neutralize(c) for c in cols])
        for row in zip(*arrays, strict=True):
            w.writerow([csv_cell(v) for v in row])
    return len(frame)


# ---- typed columns ---------------------------------------------------------------------------


def typed_frame(columns: Mapping[str, list[Any]], types: Mapping[str, str] | None = None,
                n: int | None = None) -> pd.DataFrame:
    """A DataFrame with figures' dtypes: text, Decimal, date and list columns as object (None for
    missing), int as int64, float as float64, bool as bool. Types default to COLUMN_TYPES."""
    import pandas as pd

    types = {**COLUMN_TYPES, **(types or {})}
    data = {}
    for name, values in columns.items():
        data[name] = _series(values, types.get(name, STR))
    if not data:
        return pd.DataFrame(index=pd.RangeIndex(n or 0))
    return pd.DataFrame(data, copy=False)


def _series(values: list[Any], kind: str) -> pd.Series:
    import numpy as np
    import pandas as pd

    if kind == INT:
        if any(v is None for v in values):
            return pd.Series(values, dtype="Int64")
        return pd.Series(np.asarray(values, dtype=np.int64) if values else np.empty(0, np.int64))
    if kind == FLOAT:
        return pd.Series(np.asarray([np.nan if v is None else v for v in values], dtype=np.float64))
    if kind == BOOL:
        if any(v is None for v in values):
            return pd.Series(values, dtype="boolean")
        return pd.Series(np.asarray(values, dtype=bool))
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return pd.Series(arr, dtype=object)


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


# ---- reading CSV ----------------------------------------------------------------------------


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
    with _opened(path, "r") as f:
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


# ---- Parquet ---------------------------------------------------------------------------------

_META_KEY = b"figures"


def to_parquet(data: Any, path: str | os.PathLike, *, what: str | None = None) -> int:
    """Write a DataFrame, a Report (its findings; what='figures' for its figures), or a list of
    Figures or Findings as one Parquet file with exact decimal columns; returns the row count."""
    pq = _pyarrow_parquet()
    table = arrow_table(data, what=what)
    try:
        pq.write_table(table, str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc})") from None
    return table.num_rows


def arrow_table(data: Any, *, what: str | None = None):
    """The pyarrow Table `to_parquet` writes (see the module docstring for the types)."""
    import pyarrow as pa

    frame = _as_frame(data, what)
    arrays, fields, as_string, types = [], [], [], {}
    for name in frame.columns:
        col = frame[name]
        kind = COLUMN_TYPES.get(str(name))
        if col.dtype != object and kind not in (INT, FLOAT, BOOL):
            kind = None  # pandas' own dtype (str, datetime64, Arrow ...): pyarrow keeps it
        try:
            arr, text_decimals = _arrow_column(col, kind)
        except (pa.ArrowException, TypeError, ValueError, AttributeError):
            # a user's column that shares a contract name ('date' holding strings, say)
            kind = _infer_kind(col)
            arr, text_decimals = _arrow_column(col, kind)
        if kind:
            types[str(name)] = kind
        if text_decimals:
            as_string.append(str(name))
        arrays.append(arr)
        fields.append(pa.field(str(name), arr.type))
    meta = {"version": 1, "types": types, "decimal_as_string": as_string}
    schema = pa.schema(fields, metadata={_META_KEY: json.dumps(meta).encode()})
    return pa.Table.from_arrays(arrays, schema=schema)


def _arrow_column(col: pd.Series, kind: str | None):
    """(pyarrow array, written-as-text flag) for one column of the given kind."""
    import pyarrow as pa

    if kind is None:  # a user's column of another dtype: let pyarrow choose
        return pa.array(col, from_pandas=True), False
    if kind == FLOAT:
        return pa.array(col.to_numpy(dtype="float64", na_value=float("nan")), type=pa.float64()), False
    values = col.to_numpy(dtype=object, na_value=None).tolist()
    if kind == DECIMAL:
        typ = decimal_type(values)
        if typ is None:
            return pa.array([None if v is None else plain_decimal(v) for v in values],
                            type=pa.string()), True
        return pa.array(values, type=typ), False
    if kind == STR:
        if any(v is not None and not isinstance(v, str) for v in values):
            raise TypeError("not text")
        return pa.array([_utf8(v) for v in values], type=pa.string()), False
    if kind == INT:
        return pa.array(values, type=pa.int64()), False
    if kind == BOOL:
        return pa.array(values, type=pa.bool_()), False
    if kind == DATE:
        return pa.array([_as_day(v) for v in values], type=pa.date32()), False
    if kind == LIST:
        return pa.array([None if v is None else [_utf8(str(x)) for x in v] for v in values],
                        type=pa.list_(pa.string())), False
    raise ValueError(f"unknown column kind {kind}")


def decimal_type(values: Iterable[Decimal | None]):
    """The smallest decimal128(p, s) holding every value exactly, or None if that needs more
    than 38 digits (or a value is not finite)."""
    import pyarrow as pa

    int_digits, scale = 1, 0
    for v in values:
        if v is None:
            continue
        if not v.is_finite():
            return None
        _, digits, exp = v.as_tuple()
        n = len(digits)
        if exp >= 0:
            int_digits = max(int_digits, n + exp)
        else:
            scale = max(scale, -exp)
            int_digits = max(int_digits, n + exp)
    if int_digits + scale > 38:
        return None
    return pa.decimal128(int_digits + scale, scale)


def _as_day(v: Any) -> Date | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date()
    return v


def _infer_kind(col: pd.Series) -> str | None:
    """For user columns of object dtype: the kind of the first non-null value."""
    if col.dtype != object:
        return None
    for v in col:
        if v is None or _is_missing(v):
            continue
        if isinstance(v, bool):
            return BOOL
        if isinstance(v, Decimal):
            return DECIMAL
        if isinstance(v, datetime):
            return None
        if isinstance(v, Date):
            return DATE
        if isinstance(v, str):
            return STR
        if isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v):
            return LIST
        return None
    return STR


def _as_frame(data: Any, what: str | None) -> pd.DataFrame:
    if _is_frame(data):
        return data
    kind, items = _classify(data, what)
    if kind == "figures":
        from figures.dataframe.frame import figures_to_frame

        return figures_to_frame(items, floats=False)  # the contract's columns, as in the CSV
    from figures.dataframe.frame import findings_to_frame

    return findings_to_frame(items)


def read_parquet(path: str | os.PathLike) -> pd.DataFrame:
    """A Parquet file written by `to_parquet` (or a folder of them, e.g. from
    figures.dask.corpus_to_parquet) as a DataFrame with Decimal, date and list columns."""
    import pandas as pd

    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*.parquet") if f.is_file())
        if not files:
            raise InputError(f"{p}: no .parquet files in this folder")
        frames = [_read_one(f) for f in files]
        frames = [f for f in frames if len(f.columns)]
        if not frames:
            return _read_one(files[0])
        return pd.concat(frames, ignore_index=True)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    return _read_one(p)


def _read_one(path: Path) -> pd.DataFrame:
    import pyarrow as pa

    pq = _pyarrow_parquet()
    try:
        table = pq.read_table(str(path))
    except (OSError, pa.ArrowInvalid) as exc:
        raise InputError(f"{path}: not a Parquet file ({str(exc).splitlines()[0]})") from None
    meta = {}
    raw = (table.schema.metadata or {}).get(_META_KEY)
    if raw:
        meta = json.loads(raw)
    types = meta.get("types", {})
    as_string = set(meta.get("decimal_as_string", ()))
    columns: dict[str, list[Any]] = {}
    kinds: dict[str, str] = {}
    extra: dict[str, Any] = {}
    for name in table.column_names:
        col = table.column(name)
        # Columns figures wrote are typed by its metadata; a foreign file's decimal, date and
        # list columns get figures' types too; everything else is pyarrow's pandas dtype.
        kind = types.get(name) if raw else _arrow_kind(col.type)
        if kind is None:
            extra[name] = col.to_pandas()
            continue
        kinds[name] = kind
        values = col.to_pylist()
        if kind == DECIMAL and name in as_string:
            values = [None if v is None else Decimal(v) for v in values]
        elif kind == LIST:
            values = [() if v is None else tuple(v) for v in values]
        elif kind == FLOAT:
            values = [None if v is None else v for v in values]
        columns[name] = values
    frame = typed_frame(columns, kinds, n=table.num_rows)
    for name, series in extra.items():
        frame[name] = series.to_numpy()
    return frame[table.column_names] if table.column_names else frame


def _arrow_kind(t) -> str | None:
    import pyarrow as pa

    if pa.types.is_decimal(t):
        return DECIMAL
    if pa.types.is_date(t):
        return DATE
    if pa.types.is_list(t) and pa.types.is_string(t.value_type):
        return LIST
    return None


def _pyarrow_parquet():
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - exercised only without pyarrow
        raise InputError("Parquet needs pyarrow: pip install 'figures[parquet]'") from None
    return pq
