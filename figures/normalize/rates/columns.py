"""Vectorized look-ups: many rows at once with numpy (`rates_for`), as a mixin of `RateTable`.

Days are resolved with searchsorted on int64 day ordinals, rows are grouped by pair once, and
only the final Decimal divisions run per distinct (base day, quote day); the answers are those
of the per-row `rate` (tests/test_rates.py, tests/test_rates_vector.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from figures.errors import InputError, NoRate, UnknownCurrency
from figures.normalize.currencies import check_code
from figures.normalize.rates.store import ONE, RATE_CONTEXT, RateColumns, Series, Source, as_date

if TYPE_CHECKING:
    import numpy as np


class VectorLookups:
    """`rates_for`, `rates_for_days` and `lookup_arrays` of a RateTable."""

    def lookup_arrays(self, currency: str) -> tuple[np.ndarray, tuple[Decimal, ...]]:
        """(day ordinals as int64, Decimal rates per 1 unit of the series' base) for one currency,
        sorted by day; the root currency gets its table's days and ones."""
        import numpy as np

        c = check_code(currency)
        if c == self.root:
            cal = self.sources[0].calendar
            return np.asarray(cal, dtype=np.int64), (ONE,) * len(cal)
        s = self.series_by_code.get(c)
        if s is None:
            raise NoRate(self._not_in_table(c, None))
        return s.day_array, s.decimals

    def rates_for(
        self,
        bases: str | Sequence[str],
        quote: str | Sequence[str],
        dates: Date | str | Sequence[Any] | np.ndarray,
        *,
        notes: bool = True,
    ) -> RateColumns:
        """Vectorized `rate`: one answer per row, never raising for a row without a rate.

        `bases`/`quote` are a code or a sequence of codes; `dates` are dates, ISO strings,
        pandas Timestamps or a numpy datetime64 array. Days are resolved with numpy searchsorted
        on int64 ordinals; only the final Decimal divisions run per row. With `notes=False` the
        (slower) per-row explanations are skipped.
        """
        return self.rates_for_days(bases, quote, _ordinals(dates), notes=notes)

    def rates_for_days(self, bases: str | Sequence[str], quote: str | Sequence[str],
                       ords: np.ndarray, *, notes: bool = True) -> RateColumns:
        """`rates_for` with the dates given as int64 day ordinals (-1: no date), as
        `day_ordinals` reads them."""
        import numpy as np

        n = len(ords)
        values = np.full(n, None, dtype=object)
        rate_days = np.full(n, -1, dtype=np.int64)
        why: list[str | None] = [None] * n
        if n == 0:
            return RateColumns([], rate_days, why)
        groups = group_rows(bases, quote, n)
        located: dict[Source, np.ndarray] = {}  # calendar index of every row, per source
        for k, (b_raw, q_raw) in enumerate(groups.pairs):
            self._fill_pair(b_raw, q_raw, groups.rows(k), ords, located, values, rate_days, why,
                            notes)
        return RateColumns(values.tolist(), rate_days, why)

    def _fill_pair(self, b_raw: str, q_raw: str, rows: np.ndarray, all_ords: np.ndarray,
                   located: dict[Source, np.ndarray], values: np.ndarray,
                   rate_days: np.ndarray, why: list[str | None], notes: bool) -> None:
        import numpy as np

        o = all_ords[rows]
        try:
            if not (isinstance(b_raw, str) and isinstance(q_raw, str)):
                raise UnknownCurrency("no currency: a rate needs the currency of the figure")
            b, q = check_code(b_raw), check_code(q_raw)
        except UnknownCurrency as exc:
            if notes:
                for r in rows.tolist():
                    why[r] = str(exc)
            return
        dated = o >= 0
        if b == q:
            for r, day in zip(rows[dated].tolist(), o[dated].tolist(), strict=True):
                values[r] = ONE
                rate_days[r] = day
        else:
            try:
                bhops, qhops = self._hops(b, q)
            except NoRate as exc:
                if notes:
                    for r in rows.tolist():
                        why[r] = str(exc)
                return
            if len(bhops) <= 1 and len(qhops) <= 1:
                ok = dated.copy()
                day = np.full(len(o), np.iinfo(np.int64).max, dtype=np.int64)
                bj = qj = None
                for hops in (bhops, qhops):
                    if not hops:
                        continue
                    s = hops[0]
                    cal_i = None
                    if s.source.shared_day:
                        if s.source not in located:
                            cal = s.source.calendar_array
                            located[s.source] = np.searchsorted(cal, all_ords, side="right") - 1
                        cal_i = located[s.source][rows]
                    ok_leg, j, day_leg = _locate(s, o, cal_i)
                    ok &= ok_leg
                    day = np.minimum(day, day_leg)
                    if hops is bhops:
                        bj = j
                    else:
                        qj = j
                sel = np.flatnonzero(ok)
                rate_days[rows[sel]] = day[sel]
                # Rows repeat (base day, quote day) combinations: divide each one once, then
                # gather. The root leg (EUR) is the constant 1.
                bd = bhops[0].decimals if bhops else (ONE,)
                qd = qhops[0].decimals if qhops else (ONE,)
                bsel = bj[sel] if bj is not None else np.zeros(len(sel), dtype=np.int64)
                qsel = qj[sel] if qj is not None else np.zeros(len(sel), dtype=np.int64)
                combo, back = np.unique(qsel * len(bd) + bsel, return_inverse=True)
                qx, bx = np.divmod(combo, len(bd))
                div = RATE_CONTEXT.divide
                uniq = np.empty(len(combo), dtype=object)
                uniq[:] = [div(qd[x], bd[y]) for x, y in zip(qx.tolist(), bx.tolist(), strict=True)]
                values[rows[sel]] = uniq[back]
            else:  # bridged tables: rare, so the scalar path is fine
                for r, day_o in zip(rows[dated].tolist(), o[dated].tolist(), strict=True):
                    try:
                        v, used, _ = self._cross(b, q, day_o, Date.fromordinal(day_o))
                    except NoRate:
                        continue
                    values[r] = v
                    rate_days[r] = used
        if notes:
            memo: dict[int, str] = {}
            lacking = rate_days[rows] < 0
            for r, day_o in zip(rows[lacking].tolist(), o[lacking].tolist(), strict=True):
                if day_o < 0:
                    why[r] = "no date: a rate needs the date of the figure"
                    continue
                msg = memo.get(day_o)
                if msg is None:
                    try:
                        self.rate(b, q, Date.fromordinal(day_o))
                        msg = "no rate"  # not reached: the vector and scalar rules agree
                    except NoRate as exc:
                        msg = str(exc)
                    memo[day_o] = msg
                why[r] = msg


def _locate(s: Series, o: np.ndarray,
            cal_i: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vector form of `_hop`: (has rate, index into s.days, table day) per requested ordinal.

    For a shared-day table `cal_i` is each row's calendar index (searchsorted once for all
    pairs); the series index is then a gather through `s.calendar_map`, not another search.
    """
    import numpy as np

    src = s.source
    if src.shared_day:
        cal = src.calendar_array
        i = np.searchsorted(cal, o, side="right") - 1 if cal_i is None else cal_i
        ic = np.clip(i, 0, len(cal) - 1)
        day = cal[ic]
        j = s.calendar_map[ic]
        ok = (i >= 0) & (o <= cal[-1]) & (o - day <= src.max_age_days) & (j >= 0)
        return ok, np.maximum(j, 0), day
    days = s.day_array
    j = np.searchsorted(days, o, side="right") - 1
    jc = np.clip(j, 0, len(days) - 1)
    day = days[jc]
    ok = (j >= 0) & (o - day <= src.max_age_days)
    return ok, jc, day



def day_ordinals(dates: Any) -> np.ndarray:
    """Day ordinals (int64, -1 for no date) of one date or a sequence, as `rates_for` reads them."""
    return _ordinals(dates)


def _ordinals(dates: Any) -> np.ndarray:
    import numpy as np

    if isinstance(dates, (Date, str)) or not hasattr(dates, "__len__") or getattr(dates, "ndim", 1) == 0:
        dates = [dates]  # one date (or None, or a scalar that as_date will explain) is one row
    try:
        arr = np.asarray(dates)
    except (UnicodeDecodeError, ValueError, TypeError):
        # Mixed or undecodable values (bytes beside str): keep them as objects; each bad one
        # then gets the usual one-line InputError from as_date.
        arr = np.empty(len(dates), dtype=object)
        arr[:] = list(dates)
    if np.issubdtype(arr.dtype, np.datetime64):
        days = arr.astype("datetime64[D]")
        out = days.astype(np.int64) + Date(1970, 1, 1).toordinal()
        out[np.isnat(days)] = -1
        return out
    out = np.empty(len(arr), dtype=np.int64)
    for k, d in enumerate(arr.tolist() if arr.dtype != object else list(arr)):
        if d is None or (isinstance(d, float) and d != d) or str(d) in ("NaT", "nan", ""):
            out[k] = -1
        elif isinstance(d, int):
            # An ordinal outside the calendar cannot have a rate; keep it as "no date".
            out[k] = d if 1 <= d <= Date.max.toordinal() else -1
        else:
            out[k] = as_date(d).toordinal()
    return out


@dataclass(frozen=True, slots=True)
class RowGroups:
    """The rows of a vectorized look-up grouped by their (base, quote) pair, as given."""

    pairs: list[tuple[Any, Any]]
    order: np.ndarray  # row numbers, pair by pair
    bounds: np.ndarray  # pair k's rows are order[bounds[k]:bounds[k + 1]]

    def rows(self, k: int) -> np.ndarray:
        return self.order[self.bounds[k]:self.bounds[k + 1]]


def group_rows(bases: Any, quote: Any, n: int) -> RowGroups:
    """Group `n` rows by pair with a dict (hashing beats sorting a million strings), then one
    stable integer argsort gives each pair's rows."""
    import numpy as np

    bcodes, qcodes = _broadcast(bases, n), _broadcast(quote, n)
    if isinstance(quote, str):
        column: list[Any] = bcodes
    elif isinstance(bases, str):
        column = qcodes
    else:
        column = list(zip(bcodes, qcodes, strict=True))
    ids = {key: k for k, key in enumerate(dict.fromkeys(column))}
    inverse = np.fromiter(map(ids.__getitem__, column), dtype=np.int64, count=n)
    if isinstance(quote, str):
        pairs = [(c, quote) for c in ids]
    elif isinstance(bases, str):
        pairs = [(bases, c) for c in ids]
    else:
        pairs = list(ids)
    order = np.argsort(inverse, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(np.bincount(inverse, minlength=len(pairs)))))
    return RowGroups(pairs, order, bounds)


def _broadcast(codes: str | Sequence[str], n: int) -> list[str]:
    if isinstance(codes, str) or not isinstance(codes, Iterable):
        return [codes] * n  # type: ignore[list-item]  # None or a stray scalar: a note per row
    # Non-strings (None, NaN) pass through: check_code turns them into a per-row note.
    out = codes.tolist() if hasattr(codes, "tolist") else list(codes)
    if len(out) != n:
        raise InputError(f"got {len(out)} currency codes for {n} dates; pass one code or one per date")
    return out

