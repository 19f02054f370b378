"""Scans: every table day of a pair with its cross rate (`series`), as a mixin of RateTable;
built once per pair and sliced by bisect, so checks can scan many windows cheaply."""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from datetime import date as Date
from decimal import Decimal

from figures.errors import NoRate
from figures.normalize.currencies import check_code
from figures.normalize.rates.store import ONE, RATE_CONTEXT, Series, as_date


class SeriesScans:
    """`series` of a RateTable."""

    def series(
        self, base: str, quote: str, start: Date | str | None = None, end: Date | str | None = None
    ) -> list[tuple[Date, Decimal]]:
        """Every table day in [start, end] on which both legs have a rate, with the cross rate.

        Built once per pair over the whole table (a few milliseconds) and sliced by bisect, so
        checks can scan many windows cheaply. For legs from different tables, the days are the
        union of both tables' days, each priced by the lookup rule.
        """
        b, q = check_code(base), check_code(quote)
        days, values = self._full_series(b, q)
        lo = 0 if start is None else bisect_left(days, as_date(start).toordinal())
        hi = len(days) if end is None else bisect_right(days, as_date(end).toordinal())
        return [(Date.fromordinal(days[k]), values[k]) for k in range(lo, hi)]

    def _full_series(self, b: str, q: str) -> tuple[list[int], list[Decimal]]:
        key = ("series", b, q)
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        if b == q:
            cal = sorted({day for s in self.sources for day in s.calendar})
            hit = (cal, [ONE] * len(cal))
        else:
            bhops, qhops = self._hops(b, q)
            srcs = {s.source for s in bhops + qhops}
            if len(srcs) == 1 and next(iter(srcs)).shared_day:
                hit = _same_day_series(bhops, qhops)
            else:
                hit = self._mixed_series(b, q, bhops + qhops)
        if len(self._memo) > 512:  # bound the cache; pairs are few in practice
            self._memo.clear()
        self._memo[key] = hit
        return hit

    def _mixed_series(self, b: str, q: str, hops: list[Series]) -> tuple[list[int], list[Decimal]]:
        days_out: list[int] = []
        values: list[Decimal] = []
        for o in sorted({day for s in hops for day in s.days}):
            d = Date.fromordinal(o)
            try:
                v, _, _ = self._cross(b, q, o, d)
            except NoRate:
                continue
            days_out.append(o)
            values.append(v)
        return days_out, values


def _same_day_series(bhops: list[Series], qhops: list[Series]) -> tuple[list[int], list[Decimal]]:
    """Cross rates on every day all legs share; legs are one table, so no lookup rule needed."""
    legs = bhops + qhops
    driver = min(legs, key=lambda s: len(s.days))
    maps = [dict(zip(s.days, s.decimals, strict=True)) for s in legs]
    mul, div = RATE_CONTEXT.multiply, RATE_CONTEXT.divide
    nb = len(bhops)
    days: list[int] = []
    values: list[Decimal] = []
    if len(legs) == 2 and nb == 1:  # the common case, kept tight: base/quote via EUR
        bmap, qmap = maps
        for day in driver.days:
            bv = bmap.get(day)
            qv = qmap.get(day)
            if bv is not None and qv is not None:
                days.append(day)
                values.append(div(qv, bv))
        return days, values
    for day in driver.days:
        got = [m.get(day) for m in maps]
        if any(v is None for v in got):
            continue
        num = functools.reduce(mul, got[nb:], ONE)
        den = functools.reduce(mul, got[:nb], ONE)
        days.append(day)
        values.append(div(num, den))
    return days, values

