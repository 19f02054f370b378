"""The columns figures writes and reads back: field names and each column's type, shared by
frames, CSV and Parquet, and the DataFrame built from typed columns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from figures.model import CONTRACT_FIELDS, EXTRA_FIELDS

if TYPE_CHECKING:
    import pandas as pd


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

COLUMN_TYPES: Mapping[str, str] = {**_FIGURE_TYPES, **_FINDING_TYPES}
assert set(FIGURE_FIELDS) <= set(COLUMN_TYPES)


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
