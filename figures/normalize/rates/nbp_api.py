"""`figures rates --update` for the NBP tables: the days after our copy, from NBP's public API.

GET {base}/exchangerates/tables/{A|B}/{start}/{end}/?format=json answers a JSON list of issues
(`effectiveDate`, `rates`: [{`code`, `mid`}, ...]); the API serves at most 93 days per query and
answers 404 for a range without an issue. We ask only for the days after the copy in use (at most
`MAX_SPAN_DAYS`), in 93-day chunks, read each answer with a size bound and strictly (numbers as
Decimal, never float; codes, dates and rates checked), and append the new rows to the old file, so
a refreshed file is the old one plus later days, in the same layout (`nbp_build.encode`).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from datetime import date as Date
from datetime import timedelta
from decimal import Decimal

from figures.errors import RateTableError

API_URL = "https://api.nbp.pl/api"
CHUNK_DAYS = 93  # the API's limit per query
MAX_SPAN_DAYS = 3 * 366  # a copy older than this needs a new figures release, not an update
MAX_BYTES = 4_000_000  # one 93-day answer of table A is about 200 kB
_CODE = re.compile(r"[A-Z]{3}")
_PLAIN = re.compile(r"\d{1,12}(\.\d{1,14})?")

Fetch = Callable[[str, float], bytes | None]  # None: the API has no issue in that range (404)


def download(url: str, timeout: float) -> bytes | None:
    import urllib.error  # on use: urllib.request costs ~30 ms to import, and look-ups never call it
    import urllib.request

    req = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            data = resp.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise
    if len(data) > MAX_BYTES:
        raise RateTableError(f"{url}: the answer is larger than {MAX_BYTES} bytes; not an NBP table")
    return data


def chunks(start: Date, end: Date) -> list[tuple[Date, Date]]:
    """[start, end] cut into ranges of at most CHUNK_DAYS days."""
    out = []
    while start <= end:
        stop = min(end, start + timedelta(days=CHUNK_DAYS - 1))
        out.append((start, stop))
        start = stop + timedelta(days=1)
    return out


def parse_answer(data: bytes, table: str, start: Date, end: Date,
                 origin: str) -> list[tuple[Date, str, str]]:
    """[(day, code, rate string)] from one API answer; RateTableError on anything unexpected."""
    try:
        doc = json.loads(data.decode("utf-8"), parse_float=Decimal, parse_int=Decimal)
        if not isinstance(doc, list):
            raise ValueError("not a list of tables")
        rows = []
        for issue in doc:
            if issue.get("table") != table:
                raise ValueError(f"an issue of table {issue.get('table')!r}, expected {table}")
            day = Date.fromisoformat(issue["effectiveDate"])
            if not start <= day <= end:
                raise ValueError(f"an issue of {day}, outside {start}..{end}")
            for r in issue["rates"]:
                code, mid = r["code"], r["mid"]
                if not (isinstance(code, str) and _CODE.fullmatch(code)):
                    raise ValueError(f"currency code {code!r}")
                if not isinstance(mid, Decimal) or not mid > 0:
                    raise ValueError(f"{code} {day}: rate {mid!r} is not a positive number")
                text = format(mid, "f")
                if not _PLAIN.fullmatch(text):
                    raise ValueError(f"{code} {day}: rate {text!r} is not a plain decimal")
                rows.append((day, code, text))
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError) as exc:
        raise RateTableError(f"{origin}: not an NBP table {table} answer ({exc})") from None
    return rows


def rows_of(gz: bytes, origin: str) -> list[tuple[Date, str, str]]:
    """The rows of one of our gzip'd 'date,currency,rate' files."""
    try:
        lines = gzip.decompress(gz).decode("ascii").split("\n")
        if lines[0] != "date,currency,rate":
            raise ValueError("bad header")
        out = []
        for ln in lines[1:]:
            if ln:
                d, c, v = ln.split(",")
                out.append((Date.fromisoformat(d), c, v))
        return out
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise RateTableError(f"{origin}: cannot read ({exc})") from None


def newer_rows(table: str, last: Date, today: Date, *, fetch: Fetch, base: str = API_URL,
               timeout: float = 30.0) -> list[tuple[Date, str, str]]:
    """Table `table`'s rows after `last` up to `today`, sorted by date then code."""
    start = max(last + timedelta(days=1), today - timedelta(days=MAX_SPAN_DAYS))
    rows: list[tuple[Date, str, str]] = []
    for a, z in chunks(start, today):
        url = f"{base.rstrip('/')}/exchangerates/tables/{table}/{a}/{z}/?format=json"
        data = fetch(url, timeout)
        if data is not None:
            rows.extend(parse_answer(data, table, a, z, url))
    rows.sort()
    return rows
