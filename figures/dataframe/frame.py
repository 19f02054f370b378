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

Dates may be strings ('2021-10-19', '19 October 2021'), datetime64, Timestamps or dates; a row
without one falls back to a date line in its text ('date 2023-02-11'), as the CLI does. Without
a date column (the default name 'date' absent) rows have no date; without an id column, the
index label names the document.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from figures.errors import FiguresError, InputError, UnknownCurrency
from figures.io.columns import FIGURE_FIELDS, FINDING_FIELDS, typed_frame
from figures.io.rows import finding_rows
from figures.model import DocResult, Document, Figure, Finding, Report
from figures.normalize.convert import (
    MAX_AMOUNT_EXPONENT,
    MIN_AMOUNT_EXPONENT,
    check_magnitude,
    parse_amount,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "FrameSummary",
    "check_frame",
    "extract_frame",
    "figures_to_frame",
    "findings_to_frame",
    "normalize_frame",
]

SUMMARY_KEY = "figures_summary"
NORMALIZE_COLUMNS = ("normalized_value", "rate", "rate_date", "rate_source", "rate_note")
_ENUM_FIELDS = frozenset({"kind", "qualifier", "direction"})
_DEFAULTS = {"text": "text", "date": "date", "doc": "id"}


# ---- the summary -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FrameSummary(Mapping):
    """What happened to every input row: `documents` (rows read), `with_figures` (count),
    `without_figures` (ids of documents without a figure) and `bad_rows` (dicts with the row's
    `index` label, `doc` and `reason`). Reads like a dict; `to_dict()` gives a plain one.

    Immutable, and deep-copies as itself: pandas copies `attrs` on every operation."""

    documents: int = 0
    with_figures: int = 0
    without_figures: tuple[str, ...] = ()
    bad_rows: tuple[Mapping[str, Any], ...] = field(default=())

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys():
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    @staticmethod
    def _keys() -> tuple[str, ...]:
        return ("documents", "with_figures", "without_figures", "bad_rows")

    def __deepcopy__(self, memo: dict) -> FrameSummary:
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "with_figures": self.with_figures,
                "without_figures": list(self.without_figures),
                "bad_rows": [dict(b) for b in self.bad_rows]}

    @classmethod
    def merge(cls, parts: Iterable[Mapping[str, Any]]) -> FrameSummary:
        """Sum of several summaries (e.g. one per Dask partition)."""
        docs = withf = 0
        without: list[str] = []
        bad: list[Mapping[str, Any]] = []
        for p in parts:
            docs += p["documents"]
            withf += p["with_figures"]
            without.extend(p["without_figures"])
            bad.extend(p["bad_rows"])
        return cls(docs, withf, tuple(without), tuple(bad))


# ---- rows to documents -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rows:
    documents: list[Document]
    labels: list[Any]  # index label of each document's row
    bad: list[dict[str, Any]]
    total: int


def frame_documents(df: pd.DataFrame, text: str, date: Any, doc: str | None) -> _Rows:
    """Documents from the rows of `df`; rows that cannot be read go to `bad` with a reason."""
    _require_frame(df)
    if text not in df.columns:
        raise InputError(f"no '{text}' column (columns: {_names(df)}); name the text column "
                         f"with text=")
    texts = df[text].tolist()
    labels = df.index.tolist()
    n = len(texts)
    ids = _ids(df, doc, labels)
    dates, date_errors = _dates(df, date, n)
    docs: list[Document] = []
    kept: list[Any] = []
    bad: list[dict[str, Any]] = []
    from figures.normalize.dates import find_document_date

    for i in range(n):
        body = texts[i]
        if not isinstance(body, str):
            what = "missing" if _is_na(body) else type(body).__name__
            bad.append({"index": _py(labels[i]), "doc": ids[i],
                        "reason": f"text is {what}, not a string"})
            continue
        if i in date_errors:
            bad.append({"index": _py(labels[i]), "doc": ids[i], "reason": date_errors[i]})
            continue
        d = dates[i]
        if d is not None:
            docs.append(Document(ids[i], body, d, "column" if isinstance(date, str) else "argument"))
        else:
            found = find_document_date(body)
            docs.append(Document(ids[i], body, found, "text" if found else None))
        kept.append(labels[i])
    return _Rows(docs, kept, bad, n)


def _require_frame(df: Any) -> None:
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError(f"expected a pandas DataFrame, got {type(df).__name__}")


def _names(df: pd.DataFrame) -> str:
    cols = [str(c) for c in df.columns[:12]]
    return ", ".join(cols) + (", ..." if len(df.columns) > 12 else "") if cols else "none"


def _ids(df: pd.DataFrame, doc: str | None, labels: list[Any]) -> list[str]:
    if doc is None or doc not in df.columns:
        if doc is not None and doc != _DEFAULTS["doc"]:
            raise InputError(f"no '{doc}' column (columns: {_names(df)}); pass doc=None to name "
                             "documents by the index")
        return [_id_str(x) for x in labels]
    raw = df[doc].tolist()
    return [_id_str(labels[i]) if _is_na(v) else _id_str(v) for i, v in enumerate(raw)]


def _id_str(v: Any) -> str:
    v = _py(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _py(v: Any) -> Any:
    """numpy scalars as Python scalars (for JSON-ready summaries)."""
    item = getattr(v, "item", None)
    if item is not None and type(v).__module__ == "numpy":
        return item()
    return v


def _is_na(v: Any) -> bool:
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
            raise InputError(f"no '{date}' column (columns: {_names(df)}); pass date=None for "
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

    if _is_na(v):
        return None
    return parse_date(v, what=what)


# ---- figures and findings as frames ----------------------------------------------------------


def figures_to_frame(figs: Iterable[Figure], *, floats: bool = True) -> pd.DataFrame:
    """Figures as a frame with the contract's columns (FIGURE_FIELDS), plus `value_float` and
    `normalized_float` unless floats=False."""
    figs = list(figs)
    cols: dict[str, list[Any]] = {}
    for name in FIGURE_FIELDS:
        vals = [getattr(f, name) for f in figs]
        if name in _ENUM_FIELDS:
            vals = [None if v is None else str(v) for v in vals]
        cols[name] = vals
    if floats:
        cols["value_float"] = [_float(f.point) for f in figs]
        cols["normalized_float"] = [_float(_normalized_point(f)) for f in figs]
    return typed_frame(cols)


def _float(d: Decimal | None) -> float | None:
    return None if d is None else float(d)


def _normalized_point(f: Figure) -> Decimal | None:
    if f.normalized_value is not None:
        return f.normalized_value
    lo, hi = f.normalized_low, f.normalized_high
    if lo is not None and hi is not None and f.value is None:
        return (lo + hi) / 2
    return lo if lo is not None else hi


def findings_to_frame(source: Report | Iterable[Finding], *, as_json: bool = True) -> pd.DataFrame:
    """Findings as a frame: doc, check, status, severity, message, mentions, details,
    cross_document. `mentions` and `details` are JSON text (as in the CSV), or Python lists and
    dicts with as_json=False."""
    rows = finding_rows(source, as_json=as_json)
    return typed_frame({k: [r[k] for r in rows] for k in FINDING_FIELDS})


# ---- extract and check -----------------------------------------------------------------------


def extract_frame(df: pd.DataFrame, text: str = "text", date: Any = "date", doc: str | None = "id",
                  to: str | None = None, *, table=None, floats: bool = True,
                  progress: bool = False, units: str = "si") -> pd.DataFrame:
    """Every figure of every row of `df`, one row per figure (columns: FIGURE_FIELDS, then
    `value_float`, `normalized_float`). `to` normalizes money to that currency at each row's
    date; `units="si"` (default) fills normalized_value and normalized_unit of physical
    quantities in SI units, `units="as-printed"` leaves them empty. `date` may also be a
    single date for every row. See the module docstring for dtypes
    and `attrs["figures_summary"]`."""
    from figures.extract import extract

    rows = frame_documents(df, text, date, doc)
    to = _code(to)
    figs: list[Figure] = []
    without: list[str] = []
    bad = list(rows.bad)
    with _progress(progress, len(rows.documents)) as bar:
        for d, label in zip(rows.documents, rows.labels, strict=True):
            try:
                found = extract(d.text, date=d.date, doc=d.doc, to=to, table=table, units=units)
            except FiguresError as exc:
                bad.append({"index": _py(label), "doc": d.doc, "reason": str(exc)})
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
                *, to: str | None = "USD", table=None, only: Iterable[str] | None = None,
                scope: str = "run", as_json: bool = True, progress: bool = False) -> pd.DataFrame:
    """Every finding about the rows of `df`, one row per finding (doc, check, status, severity,
    message, mentions, details, cross_document).

    scope='run' (the default) checks all rows as one run, like `figures check` over many files:
    cross-document checks (same_fact, difference, ...) compare rows with each other.
    scope='document' checks each row on its own (what figures.dask does per partition)."""
    from figures.checks.runner import check_documents

    if scope not in ("run", "document"):
        raise InputError(f"scope={scope!r}: use 'run' or 'document'")
    rows = frame_documents(df, text, date, doc)
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


def _report_summary(report: Report, rows: _Rows) -> FrameSummary:
    bad = list(rows.bad)
    without: list[str] = []
    with_figures = 0
    for res, label in zip(report.documents, rows.labels, strict=True):
        if res.error:
            bad.append({"index": _py(label), "doc": res.doc, "reason": res.error})
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


# ---- vectorized normalization ----------------------------------------------------------------

_SPAN = 4_000_000  # > the largest date ordinal (9999-12-31 is 3,652,059) + 2
_EPOCH = Date(1970, 1, 1).toordinal()
_NO_DATE, _BAD_DATE = -1, -2


def normalize_frame(df: pd.DataFrame, amount: str = "amount", currency: str = "currency",
                    date: str = "date", to: str = "USD", *, table=None) -> pd.DataFrame:
    """`df` plus normalized_value, rate, rate_date, rate_source and rate_note: each amount
    converted from its row's currency to `to` at its row's date.

    Same rule and same exact results as `figures.convert` (last ECB rate on or before the date,
    at most 5 days old, never a later one; crosses through EUR; 28 significant digits), but
    vectorized: table days are found with numpy searchsorted, and the Decimal rate is computed
    once per distinct (currency, date), not per row. A row without a rate keeps None in the
    value columns and says why in rate_note; nothing raises per row.

    Amounts may be Decimal, int or str ('1,234.50'); pandas' nullable and Arrow decimal
    columns work too. Floats are read through repr() (1.1 -> Decimal('1.1')) with a
    warning: they keep their printed digits, not the cents a float may already have lost.
    `table` is a RateTable (default: the embedded ECB table) or any provider with `rate()`,
    asked once per distinct (currency, date). The caller's frame is not modified; existing
    result columns are replaced in the copy.
    """
    from figures.normalize.currencies import check_code
    from figures.normalize.rates.table import RateTable

    _require_frame(df)
    to = check_code(to)
    missing = [c for c in (amount, currency, date) if c not in df.columns]
    if missing:
        raise InputError(f"no {', '.join(repr(c) for c in missing)} column (columns: "
                         f"{_names(df)}); name them with amount=, currency=, date=")
    table = table or RateTable.default()
    amounts, amount_ok, amount_notes = _amounts(df[amount])
    cur_codes, codes, code_notes = _currencies(df[currency], check_code)
    ords, date_notes = _ordinals(df[date])

    combos = _Combos.build(cur_codes, ords)
    combos.resolve(codes, code_notes, to, table)
    rates = combos.values[combos.index]
    has_rate = combos.has[combos.index]
    ok = has_rate & amount_ok
    normalized = _multiply(amounts, rates, ok, bool(amount_ok.all()))
    days = combos.dates[combos.index]
    sources = combos.sources[combos.index]
    notes = combos.notes[combos.index]
    for r, msg in date_notes.items():
        notes[r] = msg
    for r, msg in amount_notes.items():
        notes[r] = msg if notes[r] is None else f"{msg}; {notes[r]}"
    out = df.copy(deep=False)
    for name, values in zip(NORMALIZE_COLUMNS, (normalized, rates, days, sources, notes),
                            strict=True):
        out[name] = _object_series(values, df.index)
    return out


def _object_series(values: np.ndarray, index) -> pd.Series:
    import pandas as pd

    return pd.Series(values, index=index, dtype=object, copy=False)


def _multiply(amounts: np.ndarray, rates: np.ndarray, ok: np.ndarray,
              numbers: bool) -> np.ndarray:
    """amount * rate in RATE_CONTEXT (28 digits, half-even) where ok, None elsewhere: the
    operation `figures.convert` performs (RATE_CONTEXT.multiply), looped in C by numpy.

    When every amount is a number (`numbers`), rows without a rate are multiplied by a
    stand-in 0 and blanked afterwards: cheaper than gathering and scattering the others."""
    import decimal

    import numpy as np

    from figures.normalize.rates.table import RATE_CONTEXT

    try:
        with decimal.localcontext(RATE_CONTEXT):
            if ok.all():
                return np.multiply(amounts, rates)
            if numbers:
                out = np.multiply(amounts, np.where(ok, rates, _ZERO))
                out[~ok] = None
                return out
            out = np.full(len(amounts), None, dtype=object)
            if ok.any():
                out[ok] = np.multiply(amounts[ok], rates[ok])
            return out
    except (ArithmeticError, TypeError):  # an amount too large for the context: row by row
        mul = RATE_CONTEXT.multiply
        out = np.full(len(amounts), None, dtype=object)
        for r in np.flatnonzero(ok).tolist():
            try:
                out[r] = mul(amounts[r], rates[r])
            except ArithmeticError:
                out[r] = None
        return out


_ZERO = Decimal(0)


@dataclass
class _Combos:
    """The distinct (currency, date) pairs of a column pair, and each row's pair."""

    index: np.ndarray  # per row: which combo
    cur: np.ndarray  # per combo: index into the currency uniques, -1 for missing
    ord: np.ndarray  # per combo: date ordinal, _NO_DATE or _BAD_DATE
    values: np.ndarray = None  # type: ignore[assignment]  # per combo: Decimal rate or None
    has: np.ndarray = None  # type: ignore[assignment]
    dates: np.ndarray = None  # type: ignore[assignment]
    sources: np.ndarray = None  # type: ignore[assignment]
    notes: np.ndarray = None  # type: ignore[assignment]

    @classmethod
    def build(cls, cur_codes: np.ndarray, ords: np.ndarray) -> _Combos:
        """Distinct pairs by a dense mark-and-cumsum over (currency, day) when the key space is
        small (the usual case: a few dozen currencies over some years), else by hashing."""
        import numpy as np
        import pandas as pd

        dated = ords > 0
        lo = int(ords[dated].min()) if dated.any() else 0
        span = (int(ords[dated].max()) - lo + 3) if dated.any() else 2
        # day slot: 0 bad date, 1 no date, 2.. the days from `lo`
        slot = np.where(dated, ords - lo + 2, ords + 2)
        key = (cur_codes.astype(np.int64) + 1) * span + slot
        space = (int(cur_codes.max(initial=-1)) + 2) * span
        if space <= 4 * len(key) + 4096:
            mark = np.zeros(space, dtype=bool)
            mark[key] = True
            uniq = np.flatnonzero(mark)
            pos = np.cumsum(mark, dtype=np.int64) - 1
            index = pos[key]
        else:
            index, uniq = pd.factorize(key)
            index = np.asarray(index, dtype=np.int64)
            uniq = np.asarray(uniq, dtype=np.int64)
        s = uniq % span
        return cls(index=index, cur=uniq // span - 1,
                   ord=np.where(s >= 2, s - 2 + lo, s - 2).astype(np.int64))

    def resolve(self, codes: list[str | None], code_notes: list[str | None], to: str, table) -> None:
        import numpy as np

        m = len(self.cur)
        self.values = np.full(m, None, dtype=object)
        self.dates = np.full(m, None, dtype=object)
        self.sources = np.full(m, None, dtype=object)
        self.notes = np.full(m, None, dtype=object)
        self.has = np.zeros(m, dtype=bool)
        if m == 0:
            return
        code_arr = np.asarray([*codes, None], dtype=object)  # index -1 (missing) -> None
        combo_code = code_arr[self.cur]
        known = np.fromiter((c is not None for c in combo_code), dtype=bool, count=m)
        is_to = np.fromiter((c == to for c in combo_code), dtype=bool, count=m)
        dated = self.ord > 0
        # 1. no usable currency
        for j in np.flatnonzero(~known).tolist():
            c = self.cur[j]
            self.notes[j] = ("no currency: the row has no currency code" if c < 0
                             else code_notes[c])
        # 2. same currency: rate 1 (dated on the row's own date, like figures.convert)
        same = np.flatnonzero(known & is_to & (self.ord != _BAD_DATE))
        self.values[same] = Decimal(1)
        self.has[same] = True
        self.sources[same] = "identity"
        for j in same[dated[same]].tolist():
            self.dates[j] = Date.fromordinal(int(self.ord[j]))
        # 3. undated rows of another currency
        for j in np.flatnonzero(known & ~is_to & (self.ord == _NO_DATE)).tolist():
            self.notes[j] = (f"no date: a rate for {combo_code[j]}/{to} needs the date of the "
                             "amount")
        # 4. the rest through the table, once per distinct (currency, date)
        need = np.flatnonzero(known & ~is_to & dated)
        if len(need):
            self._lookup(need, combo_code, to, table)

    def _lookup(self, need: np.ndarray, combo_code: np.ndarray, to: str, table) -> None:
        import numpy as np

        if not hasattr(table, "rates_for"):  # a live provider: one call per distinct pair
            self._lookup_scalar(need, combo_code, to, table)
            return
        days64 = (self.ord[need] - _EPOCH).astype("datetime64[D]")
        res = table.rates_for(combo_code[need].tolist(), to, days64, notes=True)
        vals = np.empty(len(need), dtype=object)
        vals[:] = res.values
        got = res.rate_days > 0
        self.values[need] = vals
        self.has[need] = got
        for j, msg in zip(need[~got].tolist(), np.asarray(res.notes, dtype=object)[~got].tolist(),
                          strict=True):
            self.notes[j] = msg
        day_cache: dict[int, Date] = {}
        for j, o in zip(need[got].tolist(), res.rate_days[got].tolist(), strict=True):
            d = day_cache.get(o)
            if d is None:
                d = day_cache[o] = Date.fromordinal(o)
            self.dates[j] = d
        if getattr(res, "sources", None) is not None:  # a mixed-source table names each row's
            for j, src in zip(need[got].tolist(), np.asarray(res.sources, dtype=object)[got]
                              .tolist(), strict=True):
                self.sources[j] = src
            return
        # The source names one currency pair's tables: ask once per currency.
        first: dict[str, int] = {}
        for j, c in zip(need[got].tolist(), combo_code[need[got]].tolist(), strict=True):
            first.setdefault(c, j)
        source = {c: table.rate(c, to, Date.fromordinal(int(self.ord[j]))).source
                  for c, j in first.items()}
        for j, c in zip(need[got].tolist(), combo_code[need[got]].tolist(), strict=True):
            self.sources[j] = source[c]


    def _lookup_scalar(self, need: np.ndarray, combo_code: np.ndarray, to: str, table) -> None:
        from figures.errors import NoRate, RateUnavailable

        for j in need.tolist():
            try:
                r = table.rate(combo_code[j], to, Date.fromordinal(int(self.ord[j])))
            except (NoRate, RateUnavailable, UnknownCurrency) as exc:
                self.notes[j] = str(exc)
                continue
            self.values[j], self.dates[j], self.sources[j] = r.value, r.rate_date, r.source
            self.has[j] = True


def _amounts(col: pd.Series) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
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
    if v is None or _is_na(v):
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


def _currencies(col: pd.Series, check_code) -> tuple[np.ndarray, list[str | None], list[str | None]]:
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


def _ordinals(col: pd.Series) -> tuple[np.ndarray, dict[int, str]]:
    """Per row: the date's ordinal, _NO_DATE or _BAD_DATE; and notes for the bad rows."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(col.dtype) and not isinstance(col.dtype, pd.ArrowDtype):
        if getattr(col.dtype, "tz", None) is not None:
            col = col.dt.tz_localize(None)  # the calendar day where the timestamp was taken
        days = col.to_numpy().astype("datetime64[D]")
        out = days.astype(np.int64) + _EPOCH
        out[np.isnat(days)] = _NO_DATE
        return out, {}
    idx, uniques = pd.factorize(col, use_na_sentinel=True)
    table = np.empty(len(uniques) + 1, dtype=np.int64)
    table[-1] = _NO_DATE
    problems: dict[int, str] = {}
    for k, u in enumerate(uniques.tolist() if hasattr(uniques, "tolist") else list(uniques)):
        try:
            d = to_date(u)
        except (InputError, ValueError, OverflowError) as exc:
            table[k] = _BAD_DATE
            problems[k] = str(exc)
            continue
        table[k] = _NO_DATE if d is None else d.toordinal()
    idx = np.asarray(idx, dtype=np.int64)
    out = table[idx]
    notes = {}
    if problems:
        for r in np.flatnonzero(out == _BAD_DATE).tolist():
            notes[r] = problems[int(idx[r])]
    return out, notes

