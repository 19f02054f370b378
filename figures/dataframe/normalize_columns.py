"""The input columns of `normalize_frame`, read once per distinct value: amounts (Decimal,
int or str; floats with a warning), currency codes and dates (as ordinals)."""

from __future__ import annotations

import warnings
from datetime import date as Date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from figures.dataframe.documents import is_na, to_date
from figures.errors import InputError, UnknownCurrency
from figures.normalize.convert import (
    MAX_AMOUNT_EXPONENT,
    MIN_AMOUNT_EXPONENT,
    check_magnitude,
    parse_amount,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd


EPOCH = Date(1970, 1, 1).toordinal()

NO_DATE, BAD_DATE = -1, -2


def read_amounts(col: pd.Series) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """(Decimal-or-int object array, valid mask, notes by row) for an amount column."""
    import numpy as np
    import pandas as pd

    n = len(col)
    dtype = col.dtype
    if pd.api.types.is_bool_dtype(dtype):
        msg = "amount must be a Decimal, int or str, got bool"
        return np.full(n, None, dtype=object), np.zeros(n, dtype=bool), dict.fromkeys(range(n), msg)
    if pd.api.types.is_integer_dtype(dtype) and not isinstance(dtype, pd.ArrowDtype):
        arr = col.to_numpy(dtype=object, na_value=None)
        ok = np.fromiter((v is not None for v in arr), dtype=bool, count=n)
        return arr, ok, dict.fromkeys(np.flatnonzero(~ok).tolist(), "no amount")
    if pd.api.types.is_float_dtype(dtype):
        warnings.warn(_FLOAT_WARNING, UserWarning, stacklevel=3)
    arr = col.to_numpy(dtype=object)
    try:  # the fast path: all Decimals, one C pass (a non-Decimal raises TypeError)
        if all(map(Decimal.is_finite, arr)) and all(map(_in_range, arr)):
            return arr, np.ones(n, dtype=bool), {}
    except TypeError:
        pass
    kinds = set(map(type, arr))
    if kinds == {str} and not any("_" in v for v in arr):
        # plain numbers parse in one C pass; commas, junk and out-of-range go row by row
        try:
            parsed = np.fromiter(map(Decimal, arr), dtype=object, count=n)
            if all(map(Decimal.is_finite, parsed)) and all(map(_in_range, parsed)):
                return parsed, np.ones(n, dtype=bool), {}
        except (InvalidOperation, ValueError):
            pass
    if float in kinds and not pd.api.types.is_float_dtype(dtype):
        warnings.warn(_FLOAT_WARNING, UserWarning, stacklevel=3)
    out = np.full(n, None, dtype=object)
    ok = np.zeros(n, dtype=bool)
    notes = {}
    for r, v in enumerate(arr.tolist()):
        value, note = _one_amount(v)
        if note is None:
            out[r] = value
            ok[r] = True
        else:
            notes[r] = note
    return out, ok, notes

_FLOAT_WARNING = (
    "the amount column holds floats; they are read through repr() (1.1 -> Decimal('1.1')), "
    "which keeps the printed digits but not cents a float may already have lost; store amounts "
    "as Decimal or str")


def _in_range(d: Decimal) -> bool:
    """Within the amount bounds of figures.normalize (checked without expanding the number)."""
    return not d or MIN_AMOUNT_EXPONENT <= d.adjusted() <= MAX_AMOUNT_EXPONENT


def _one_amount(v: Any) -> tuple[Decimal | None, str | None]:
    if v is None or is_na(v):
        return None, "no amount"
    if isinstance(v, bool):
        return None, "amount must be a Decimal, int or str, got bool"
    if type(v).__module__ == "numpy":
        v = v.item()
    try:
        if isinstance(v, Decimal):
            d = v
        elif isinstance(v, int):
            d = Decimal(v)
        elif isinstance(v, float):
            d = Decimal(repr(v))
        elif isinstance(v, str):
            d = parse_amount(v)
        else:
            return None, f"amount must be a Decimal, int or str, got {type(v).__name__}"
    except InvalidOperation:
        return None, f"amount '{str(v)[:40]}' is not a number; write it like '10000000000'"
    except InputError as exc:
        return None, str(exc)
    if not d.is_finite():
        return None, f"amount '{v}' is not a finite number"
    try:
        check_magnitude(d)
    except InputError as exc:
        return None, str(exc)
    return d, None


def read_currencies(col: pd.Series, check_code) -> tuple[np.ndarray, list[str | None], list[str | None]]:
    """(per row: index into the uniques or -1, per unique: code or None, per unique: note)."""
    import numpy as np
    import pandas as pd

    idx, uniques = pd.factorize(col, use_na_sentinel=True)
    codes: list[str | None] = []
    notes: list[str | None] = []
    for u in uniques.tolist() if hasattr(uniques, "tolist") else list(uniques):
        try:
            codes.append(check_code(u))
            notes.append(None)
        except UnknownCurrency as exc:
            codes.append(None)
            notes.append(str(exc))
    return np.asarray(idx, dtype=np.int64), codes, notes


def read_dates(col: pd.Series) -> tuple[np.ndarray, dict[int, str]]:
    """Per row: the date's ordinal, NO_DATE or BAD_DATE; and notes for the bad rows."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(col.dtype) and not isinstance(col.dtype, pd.ArrowDtype):
        if getattr(col.dtype, "tz", None) is not None:
            col = col.dt.tz_localize(None)  # the calendar day where the timestamp was taken
        days = col.to_numpy().astype("datetime64[D]")
        out = days.astype(np.int64) + EPOCH
        out[np.isnat(days)] = NO_DATE
        return out, {}
    idx, uniques = pd.factorize(col, use_na_sentinel=True)
    table = np.empty(len(uniques) + 1, dtype=np.int64)
    table[-1] = NO_DATE
    problems: dict[int, str] = {}
    for k, u in enumerate(uniques.tolist() if hasattr(uniques, "tolist") else list(uniques)):
        try:
            d = to_date(u)
        except (InputError, ValueError, OverflowError) as exc:
            table[k] = BAD_DATE
            problems[k] = str(exc)
            continue
        table[k] = NO_DATE if d is None else d.toordinal()
    idx = np.asarray(idx, dtype=np.int64)
    out = table[idx]
    notes = {}
    if problems:
        for r in np.flatnonzero(out == BAD_DATE).tolist():
            notes[r] = problems[int(idx[r])]
    return out, notes
