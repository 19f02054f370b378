"""A frame's rows as documents: the text, id, date and country columns read row by row, and
the rows that cannot be read kept with the reason (never dropped silently)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from figures.errors import InputError, UnknownCountry
from figures.model import Document

if TYPE_CHECKING:
    import pandas as pd


_DEFAULTS = {"text": "text", "date": "date", "doc": "id", "country": "country"}
# Without a `country` column, a `locale` column ('en_AU') is read the same way (DESIGN.md: "else a
# country/locale column").
_COUNTRY_COLUMNS = ("country", "locale")


@dataclass(frozen=True, slots=True)
class FrameRows:
    documents: list[Document]
    labels: list[Any]  # index label of each document's row
    bad: list[dict[str, Any]]
    total: int


def frame_documents(df: pd.DataFrame, text: str, date: Any, doc: str | None,
                    country: str | None = "country") -> FrameRows:
    """Documents from the rows of `df`; rows that cannot be read go to `bad` with a reason.

    `country` names a column of ISO codes or locales ('AU', 'en_AU'), read per row (the default
    'country', else a 'locale' column, when present), or is one code for every row; None leaves
    every document's country to its text's evidence. It overrides that evidence as
    `figures.extract(country=)` does. A value that is no country raises UnknownCountry naming
    the row: unlike a bad date, it would silently change what '$' means."""
    require_frame(df)
    if text not in df.columns:
        raise InputError(f"no '{text}' column (columns: {column_list(df)}); name the text column "
                         f"with text=")
    texts = df[text].tolist()
    labels = df.index.tolist()
    n = len(texts)
    ids = _ids(df, doc, labels)
    dates, date_errors = _dates(df, date, n)
    countries = _countries(df, country, labels, ids)
    docs: list[Document] = []
    kept: list[Any] = []
    bad: list[dict[str, Any]] = []
    from figures.normalize.dates import find_document_date

    for i in range(n):
        body = texts[i]
        if not isinstance(body, str):
            what = "missing" if is_na(body) else type(body).__name__
            bad.append({"index": py_scalar(labels[i]), "doc": ids[i],
                        "reason": f"text is {what}, not a string"})
            continue
        if i in date_errors:
            bad.append({"index": py_scalar(labels[i]), "doc": ids[i], "reason": date_errors[i]})
            continue
        d = dates[i]
        if d is not None:
            docs.append(Document(ids[i], body, d, "column" if isinstance(date, str) else "argument",
                                 country=countries[i]))
        else:
            found = find_document_date(body)
            docs.append(Document(ids[i], body, found, "text" if found else None,
                                 country=countries[i]))
        kept.append(labels[i])
    return FrameRows(docs, kept, bad, n)


def _countries(df: pd.DataFrame, country: str | None, labels: list[Any],
               ids: list[str]) -> list[str | None]:
    """Per row: the document's country (ISO 3166 alpha-2), or None for its text to decide."""
    from figures.extract import check_country

    n = len(labels)
    if country is None:
        return [None] * n
    column = _country_column(df, country)
    if column is None:
        if country == _DEFAULTS["country"]:
            return [None] * n
        try:
            return [check_country(country)] * n
        except UnknownCountry:
            raise UnknownCountry(f"country={country!r} names no column (columns: "
                                 f"{column_list(df)}) and no country: give a column name, an "
                                 "ISO 3166 alpha-2 code ('AU', 'PK') or a locale ('en_AU')") from None
    import pandas as pd

    codes, uniques = pd.factorize(df[column], use_na_sentinel=True)
    codes = codes.tolist()
    values: list[str | None] = []
    for k, u in enumerate(uniques.tolist() if hasattr(uniques, "tolist") else list(uniques)):
        if isinstance(u, str) and not u.strip():
            values.append(None)  # a blank cell, like a missing one: the text decides
            continue
        try:
            values.append(check_country(u))
        except UnknownCountry as exc:
            i = codes.index(k)
            raise UnknownCountry(
                f"row {py_scalar(labels[i])!r} (document {ids[i]!r}), column '{column}': {exc}; "
                "or pass country=None to leave the country to the text") from None
    return [None if c < 0 else values[c] for c in codes]


def _country_column(df: pd.DataFrame, country: str | None) -> str | None:
    if not isinstance(country, str):
        return None
    if country in df.columns:
        return country
    if country == _DEFAULTS["country"]:
        return next((c for c in _COUNTRY_COLUMNS if c in df.columns), None)
    return None


def require_frame(df: Any) -> None:
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError(f"expected a pandas DataFrame, got {type(df).__name__}")


def column_list(df: pd.DataFrame) -> str:
    cols = [str(c) for c in df.columns[:12]]
    return ", ".join(cols) + (", ..." if len(df.columns) > 12 else "") if cols else "none"


def _ids(df: pd.DataFrame, doc: str | None, labels: list[Any]) -> list[str]:
    if doc is None or doc not in df.columns:
        if doc is not None and doc != _DEFAULTS["doc"]:
            raise InputError(f"no '{doc}' column (columns: {column_list(df)}); pass doc=None to name "
                             "documents by the index")
        return [_id_str(x) for x in labels]
    raw = df[doc].tolist()
    return [_id_str(labels[i]) if is_na(v) else _id_str(v) for i, v in enumerate(raw)]


def _id_str(v: Any) -> str:
    v = py_scalar(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def py_scalar(v: Any) -> Any:
    """numpy scalars as Python scalars (for JSON-ready summaries)."""
    item = getattr(v, "item", None)
    if item is not None and type(v).__module__ == "numpy":
        return item()
    return v


def is_na(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    if isinstance(v, Decimal):  # pd.isna compares, and a signalling NaN raises on compare
        return v.is_nan()
    import pandas as pd

    try:
        return v is pd.NaT or v is pd.NA or bool(pd.isna(v)) is True
    except (TypeError, ValueError):
        return False


def _dates(df: pd.DataFrame, date: Any, n: int) -> tuple[list[Date | None], dict[int, str]]:
    """Per row: the date, or None; and the rows whose date cannot be read, with the reason."""
    if date is None:
        return [None] * n, {}
    if isinstance(date, (Date, datetime)) or type(date).__name__ == "datetime64":
        return [to_date(date)] * n, {}
    if date not in df.columns:
        if date != _DEFAULTS["date"]:
            raise InputError(f"no '{date}' column (columns: {column_list(df)}); pass date=None for "
                             "undated rows")
        return [None] * n, {}
    import pandas as pd

    codes, uniques = pd.factorize(df[date], use_na_sentinel=True)
    values: list[Date | None] = []
    problems: dict[int, str] = {}
    for k, u in enumerate(uniques):
        try:
            values.append(to_date(u, what=f"{date} value"))
        except InputError as exc:
            values.append(None)
            problems[k] = str(exc)
    out = [None if c < 0 else values[c] for c in codes.tolist()]
    errors = {i: problems[c] for i, c in enumerate(codes.tolist()) if c in problems}
    return out, errors


def to_date(v: Any, *, what: str = "date") -> Date | None:
    """A calendar date from a date, datetime, Timestamp, numpy datetime64 or string; None for
    missing values. A Timestamp with a time zone keeps its own calendar day."""
    from figures.normalize.dates import parse_date  # the one date parser of every entry point

    if is_na(v):
        return None
    return parse_date(v, what=what)
