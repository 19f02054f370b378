"""Document dates: parsing user-supplied dates and finding a date line in a document."""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime
from functools import lru_cache

from figures.errors import InputError

_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%Y%m%d")
# A leading header line such as " date 2023-02-11", "Date: 2023-02-11", "Published: 2021-10-19".
_DATE_LINE = re.compile(
    r"\A[ \t\ufeff]*(?:\S[^\n]{0,80}\n[ \t]*){0,2}?(?:date|dated|published|updated)[ \t]*:?[ \t]*"
    r"(?P<d>\d{4}-\d{2}-\d{2})(?![\d])",
    re.IGNORECASE,
)


def parse_date(value: str | Date | None, *, what: str = "date") -> Date | None:
    """A date from the forms people type. Raises InputError with a suggestion on anything else."""
    if value is None or isinstance(value, Date):
        return value
    s = str(value).strip()
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        found = _iso(s)  # the common case in a feed: one cached parse per distinct day
        if found is not None:
            return found
    if not s:
        return None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    # pandas Timestamps and ISO datetimes ("2021-10-19T08:00:00Z") keep their calendar day.
    m = re.match(r"(\d{4}-\d{2}-\d{2})[T ]", s)
    if m:
        return parse_date(m.group(1), what=what)
    raise InputError(f"{what} {s!r} is not a date; write it as YYYY-MM-DD, e.g. 2021-10-19")


@lru_cache(maxsize=4096)
def _iso(s: str) -> Date | None:
    try:
        return Date.fromisoformat(s)
    except ValueError:
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
