"""Dates: the one parser every entry point uses, and finding a date line in a document.

`parse_date` turns what people pass as a date into a `datetime.date` (or None for "no date"):
the Python API, the DataFrame API, RateTable and the CLI all call it, so a date that works in
one place works in all of them.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime
from functools import lru_cache
from typing import Any

from figures.errors import InputError

__all__ = ["ACCEPTED", "BadDate", "find_document_date", "parse_date", "require_date"]

_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y",
            "%B %d %Y", "%b %d %Y", "%Y%m%d")
ACCEPTED = ("write it as YYYY-MM-DD (2021-10-19), or 2021/10/19, 19 Oct 2021, "
            "19 October 2021, Oct 19, 2021, 20211019; from Python also a date, datetime, "
            "pandas Timestamp or numpy datetime64")
# A leading header line such as " date 2023-02-11", "Date: 2023-02-11", "Published: 2021-10-19".
_DATE_LINE = re.compile(
    r"\A[ \t\ufeff]*(?:\S[^\n]{0,80}\n[ \t]*){0,2}?(?:date|dated|published|updated)[ \t]*:?[ \t]*"
    r"(?P<d>\d{4}-\d{2}-\d{2})(?![\d])",
    re.IGNORECASE,
)
_ISO_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]")


class BadDate(InputError):
    """A value given as a date that is not one (exit code 2 on the command line)."""


def _missing(value: Any) -> bool:
    """None, NaN, pandas NaT / NA and numpy NaT: 'no date'. Checked without importing pandas."""
    if value is None:
        return True
    if type(value).__name__ in ("NaTType", "NAType"):
        return True
    if isinstance(value, float):
        return value != value
    if type(value).__name__ == "float64":  # numpy NaN
        return bool(value != value)
    return False


def parse_date(value: Any, *, what: str = "date") -> Date | None:
    """A `datetime.date` from a date, datetime (pandas Timestamp included: its own calendar
    day), numpy datetime64, or a string in one of the accepted forms; None for None, NaN and
    NaT. Anything else raises BadDate naming the value and the accepted forms."""
    if _missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    if type(value).__name__ == "datetime64":
        return None if str(value) == "NaT" else _from_datetime64(value, what)
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        found = _from_string(s)
        if found is not None:
            return found
    raise BadDate(f"{what} {value!r} is not a date; {ACCEPTED}")


def require_date(value: Any, *, what: str = "date") -> Date:
    """parse_date for places where a date is needed (a rate lookup): 'no date' raises too."""
    d = parse_date(value, what=what)
    if d is None:
        raise BadDate(f"{what} is missing; {ACCEPTED}")
    return d


def _from_datetime64(value: Any, what: str) -> Date:
    day = value.astype("datetime64[D]")
    try:
        return Date.fromisoformat(str(day))
    except ValueError:  # a year outside 1..9999, which numpy can hold
        raise BadDate(f"{what} {value!r} is outside the calendar (years 1 to 9999)") from None


@lru_cache(maxsize=4096)
def _from_string(s: str) -> Date | None:
    # The common case in a feed first: one cached parse per distinct day.
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        try:
            return Date.fromisoformat(s)
        except ValueError:
            return None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    # ISO datetimes ("2021-10-19T08:00:00Z", str(pd.Timestamp)) keep their calendar day.
    m = _ISO_TIME.match(s)
    if m:
        return _from_string(m.group(1))
    return None


def find_document_date(text: str) -> Date | None:
    """The date stated in a document's header line, if any (e.g. a leading 'date 2023-02-11')."""
    m = _DATE_LINE.match(text[:400])
    if not m:
        return None
    try:
        return datetime.strptime(m.group("d"), "%Y-%m-%d").date()
    except ValueError:
        return None
