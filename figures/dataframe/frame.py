"""pandas API: one row per figure or finding, and vectorized currency normalization.

    import figures
    figs = figures.extract_frame(df, text="text", date="date", doc="id", to="USD")
    found = figures.check_frame(df)
    usd = figures.normalize_frame(prices, amount="amount", currency="currency", date="date")
    # the same through the accessor: df.figures.extract(), df.figures.check(),
    # prices.figures.normalize(to="USD")

Column types (the same for frames, `figures.read_csv` and `figures.read_parquet`):

* exact values (`value`, `low`, `high`, `precision`, `normalized_*`, `rate`) are `object`
  columns of `decimal.Decimal` (None where a field does not apply). Not floats: a float cannot
  hold 0.1 or a 28-digit rate, and not `ArrowDtype(decimal128)`: one fixed scale per column
  cannot hold both a 10^12 amount and a 28-digit rate exactly. `value_float` (the value, or a
  range's midpoint) and `normalized_float` are float64 conveniences for plotting; never
  compute money with them;
* text fields (`doc`, `text`, `kind`, `currency`, ...) are `object` columns of str with None
  for missing (`.astype("str")` gives pandas' string dtype);
* `date` and `rate_date` are `object` columns of `datetime.date`; `start`/`end` are int64;
  `currency_candidates` holds tuples of codes.

Rows are never dropped silently: `frame.attrs["figures_summary"]` (a `FrameSummary`, read it
like a dict) counts the documents, lists those without figures and the rows that could not be
read (text null or not a string, a date that is not a date) with the reason.

Each row's country (the document locale that decides a bare '$', 'Rs' or 'cents') comes from a
`country` column, else a `locale` column ('AU', 'en_AU'), when the frame has one; `country=`
names another column or gives one code for every row, and country=None leaves it to the text.
A missing cell leaves that row to its text; a value that names no country raises
UnknownCountry naming the row.

Dates may be strings ('2021-10-19', '19 October 2021'), datetime64, Timestamps or dates; a row
without one falls back to a date line in its text ('date 2023-02-11'), as the CLI does. Without
a date column (the default name 'date' absent) rows have no date; without an id column, the
index label names the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from figures.dataframe.documents import FrameRows, frame_documents, py_scalar, to_date
from figures.dataframe.normalize import NORMALIZE_COLUMNS, normalize_frame
from figures.dataframe.results import figures_to_frame, findings_to_frame
from figures.dataframe.summary import SUMMARY_KEY, FrameSummary
from figures.errors import FiguresError, InputError
from figures.model import DocResult, Figure, Report

if TYPE_CHECKING:
    import pandas as pd

    from figures.normalize.rates.table import RateProvider

__all__ = [
    "NORMALIZE_COLUMNS",
    "SUMMARY_KEY",
    "FrameSummary",
    "check_frame",
    "extract_frame",
    "figures_to_frame",
    "findings_to_frame",
    "frame_documents",
    "normalize_frame",
    "to_date",
]


def extract_frame(df: pd.DataFrame, text: str = "text", date: Any = "date", doc: str | None = "id",
                  to: str | None = None, *, table: RateProvider | None = None, floats: bool = True,
                  progress: bool = False, units: str = "si",
                  country: str | None = "country") -> pd.DataFrame:
    """Every figure of every row of `df`, one row per figure (columns: FIGURE_FIELDS, then
    `value_float`, `normalized_float`). `to` normalizes money to that currency at each row's
    date; `units="si"` (default) fills normalized_value and normalized_unit of physical
    quantities in SI units, `units="as-printed"` leaves them empty. `date` may also be a
    single date for every row. `country` is each document's locale, as `figures.extract(country=)`
    takes it: the name of a column of ISO codes or locales ('AU', 'en_AU'; by default a
    'country', else a 'locale' column, when the frame has one), or one code for every row; a
    missing cell, or country=None, leaves it to the text's evidence. See the module docstring
    for dtypes and `attrs["figures_summary"]`."""
    from figures.extract import extract

    rows = frame_documents(df, text, date, doc, country)
    to = _code(to)
    figs: list[Figure] = []
    without: list[str] = []
    bad = list(rows.bad)
    with _progress(progress, len(rows.documents)) as bar:
        for d, label in zip(rows.documents, rows.labels, strict=True):
            try:
                found = extract(d.text, date=d.date, doc=d.doc, to=to, table=table, units=units,
                                country=d.country)
            except FiguresError as exc:
                bad.append({"index": py_scalar(label), "doc": d.doc, "reason": str(exc)})
                found = None
            if found is not None:
                if found:
                    figs.extend(found)
                else:
                    without.append(d.doc)
            bar.advance(figures=len(found or ()))
    out = figures_to_frame(figs, floats=floats)
    n_with = len(rows.documents) - len(without) - (len(bad) - len(rows.bad))
    out.attrs[SUMMARY_KEY] = FrameSummary(rows.total, n_with, tuple(without), tuple(bad))
    return out


def check_frame(df: pd.DataFrame, text: str = "text", date: Any = "date", doc: str | None = "id",
                *, to: str | None = "USD", table: RateProvider | None = None,
                only: Iterable[str] | None = None,
                scope: str = "run", as_json: bool = True, progress: bool = False,
                country: str | None = "country") -> pd.DataFrame:
    """Every finding about the rows of `df`, one row per finding (doc, check, status, severity,
    message, mentions, details, cross_document).

    scope='run' (the default) checks all rows as one run, like `figures check` over many files:
    cross-document checks (same_fact, difference, ...) compare rows with each other.
    scope='document' checks each row on its own (what figures.dask does per partition).
    `country` as in `extract_frame`: a column (default 'country', else 'locale') or one code."""
    from figures.checks.runner import check_documents

    if scope not in ("run", "document"):
        raise InputError(f"scope={scope!r}: use 'run' or 'document'")
    rows = frame_documents(df, text, date, doc, country)
    if scope == "run":
        report = check_documents(rows.documents, table=table, to=to, only=only)
    else:
        results: list[DocResult] = []
        with _progress(progress, len(rows.documents)) as bar:
            for d in rows.documents:
                results.extend(check_documents([d], table=table, to=to, only=only).documents)
                bar.advance()
        report = Report(tuple(results))
    out = findings_to_frame(report, as_json=as_json)
    out.attrs[SUMMARY_KEY] = _report_summary(report, rows)
    return out


def _report_summary(report: Report, rows: FrameRows) -> FrameSummary:
    bad = list(rows.bad)
    without: list[str] = []
    with_figures = 0
    for res, label in zip(report.documents, rows.labels, strict=True):
        if res.error:
            bad.append({"index": py_scalar(label), "doc": res.doc, "reason": res.error})
        elif res.figures:
            with_figures += 1
        else:
            without.append(res.doc)
    return FrameSummary(rows.total, with_figures, tuple(without), tuple(bad))


def _code(to: str | None) -> str | None:
    if to is None:
        return None
    from figures.normalize.currencies import check_code

    return check_code(to)


def _progress(enabled: bool, total: int):
    from figures.cli.progress import Progress

    return Progress("documents", total=total, enabled=None if enabled else False)
