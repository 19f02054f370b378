"""One value as text: CSV cells (plain Decimals, ISO dates, '|'-joined lists, JSON for
nested values) and spreadsheet formula neutralization (OWASP, "CSV Injection").

A text cell that starts with `=`, `+`, `-`, `@`, tab or carriage return (and is not a plain
number such as `-5`) is written with a leading apostrophe, which spreadsheets show as text and
do not evaluate; `unneutralize` removes it again."""

from __future__ import annotations

import json
import math
import re
from datetime import date as Date
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from figures.model import plain_decimal

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "|", "%", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# Characters a spreadsheet skips or shows as nothing before a formula: whitespace, NBSP, BOM,
# zero-width and other format characters.
_INVISIBLE = re.compile(r"[\s\u00a0\u180e\u200b-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]*")

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")


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
        return neutralize(to_json(value))
    if isinstance(value, dict):
        return neutralize(to_json(value))
    if is_missing(value):
        return ""
    return neutralize(str(value))


def is_missing(value: Any) -> bool:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def to_json(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, sort_keys=False)


def jsonable(v: Any) -> Any:
    if isinstance(v, Decimal):
        return plain_decimal(v) if v.is_finite() else str(v)
    if isinstance(v, (Date, datetime)):
        return v.isoformat()
    if isinstance(v, StrEnum):
        return str(v)
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items()}
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if hasattr(v, "to_dict"):
        return jsonable(v.to_dict())
    return str(v)
