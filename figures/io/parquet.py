"""Parquet (through pyarrow), written and read back.

Text as string, offsets as int64, dates as date32, `currency_candidates` as list<string>, and
every Decimal column as `decimal128(p, s)` with the smallest precision and scale that hold
*all* of the column's values exactly. A column whose values need more than 38 digits together
(28-digit normalized values that mix 10^12 and 10^-20, say) is written as plain-notation
strings instead; the file's `figures` metadata records that, and `read_parquet` turns it back
into Decimals either way. Values read from a decimal128 column come back at the column's scale
(`1.5` as `1.500`): equal as numbers. Columns of a pandas dtype other than object (str,
datetime64, numbers) are left to pyarrow and come back with their dtype.

pandas and pyarrow are imported when a file is written or read, not at import.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from datetime import date as Date
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from figures.errors import InputError
from figures.io.cells import is_missing
from figures.io.columns import (
    BOOL,
    COLUMN_TYPES,
    DATE,
    DECIMAL,
    FLOAT,
    INT,
    LIST,
    STR,
    typed_frame,
)
from figures.io.targets import classify, is_frame
from figures.model import plain_decimal

if TYPE_CHECKING:
    import pandas as pd


_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8(v: str | None) -> str | None:
    """Parquet strings are UTF-8: a lone surrogate (from an undecodable file name or a JSON
    escape) becomes U+FFFD."""
    return v if v is None or not _SURROGATE.search(v) else _SURROGATE.sub("\ufffd", v)

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
        if v is None or is_missing(v):
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
    if is_frame(data):
        return data
    kind, items = classify(data, what)
    if kind == "figures":
        from figures.dataframe.results import figures_to_frame

        return figures_to_frame(items, floats=False)  # the contract's columns, as in the CSV
    from figures.dataframe.results import findings_to_frame

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
