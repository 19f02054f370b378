"""Vectorized currency normalization of a frame's amount, currency and date columns:
`normalize_frame` (df.figures.normalize)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal
from typing import TYPE_CHECKING

from figures.dataframe.documents import column_list, require_frame
from figures.dataframe.normalize_columns import (
    BAD_DATE,
    EPOCH,
    NO_DATE,
    read_amounts,
    read_currencies,
    read_dates,
)
from figures.errors import InputError, UnknownCurrency

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from figures.normalize.rates.table import RateProvider


NORMALIZE_COLUMNS = ("normalized_value", "rate", "rate_date", "rate_source", "rate_note")


def normalize_frame(df: pd.DataFrame, amount: str = "amount", currency: str = "currency",
                    date: str = "date", to: str = "USD", *,
                    table: RateProvider | None = None) -> pd.DataFrame:
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

    require_frame(df)
    to = check_code(to)
    missing = [c for c in (amount, currency, date) if c not in df.columns]
    if missing:
        raise InputError(f"no {', '.join(repr(c) for c in missing)} column (columns: "
                         f"{column_list(df)}); name them with amount=, currency=, date=")
    table = table or RateTable.default()
    amounts, amount_ok, amount_notes = read_amounts(df[amount])
    cur_codes, codes, code_notes = read_currencies(df[currency], check_code)
    ords, date_notes = read_dates(df[date])

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
    ord: np.ndarray  # per combo: date ordinal, NO_DATE or BAD_DATE
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

    def resolve(self, codes: list[str | None], code_notes: list[str | None], to: str,
                table: RateProvider | None) -> None:
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
        same = np.flatnonzero(known & is_to & (self.ord != BAD_DATE))
        self.values[same] = Decimal(1)
        self.has[same] = True
        self.sources[same] = "identity"
        for j in same[dated[same]].tolist():
            self.dates[j] = Date.fromordinal(int(self.ord[j]))
        # 3. undated rows of another currency
        for j in np.flatnonzero(known & ~is_to & (self.ord == NO_DATE)).tolist():
            self.notes[j] = (f"no date: a rate for {combo_code[j]}/{to} needs the date of the "
                             "amount")
        # 4. the rest through the table, once per distinct (currency, date)
        need = np.flatnonzero(known & ~is_to & dated)
        if len(need):
            self._lookup(need, combo_code, to, table)

    def _lookup(self, need: np.ndarray, combo_code: np.ndarray, to: str,
                table: RateProvider | None) -> None:
        import numpy as np

        if not hasattr(table, "rates_for"):  # a live provider: one call per distinct pair
            self._lookup_scalar(need, combo_code, to, table)
            return
        days64 = (self.ord[need] - EPOCH).astype("datetime64[D]")
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


    def _lookup_scalar(self, need: np.ndarray, combo_code: np.ndarray, to: str,
                       table: RateProvider | None) -> None:
        from figures.errors import NoRate, RateUnavailable

        for j in need.tolist():
            try:
                r = table.rate(combo_code[j], to, Date.fromordinal(int(self.ord[j])))
            except (NoRate, RateUnavailable, UnknownCurrency) as exc:
                self.notes[j] = str(exc)
                continue
            self.values[j], self.dates[j], self.sources[j] = r.value, r.rate_date, r.source
            self.has[j] = True
