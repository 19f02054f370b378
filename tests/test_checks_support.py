"""Helpers for the checks' unit tests: hand-built figures and a tiny fake rate table.

(Named test_checks_* so it travels with the checks' tests; it defines no tests itself.)
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta
from decimal import Decimal

from figures.checks import DocFigures, make_docs
from figures.errors import NoRate
from figures.model import Direction, Figure, Kind, Qualifier, Rate

USD_PER = {  # units of each currency per 1 USD, before the daily wiggle
    "USD": Decimal(1), "CNY": Decimal("6.4"), "EUR": Decimal("0.9"), "JPY": Decimal("110"),
    "HKD": Decimal("7.8"), "GBP": Decimal("0.75"), "KRW": Decimal("1180"), "INR": Decimal("74"),
}


class FakeTable:
    """Weekday fixings from FIRST to LAST; each currency wiggles at most 0.2% a day around its
    base rate. Same `rate`/`series` interface as figures.rates.RateTable."""

    FIRST = Date(2015, 1, 1)
    LAST = Date(2024, 12, 31)
    MAX_AGE = 5

    def __init__(self, rates: dict[str, Decimal] | None = None):
        self.rates = dict(USD_PER if rates is None else rates)

    def _usd(self, cur: str, d: Date) -> Decimal:
        if cur not in self.rates:
            raise NoRate(f"no {cur} in the fake table")
        wiggle = Decimal((d.toordinal() * 7 + len(cur) * 13) % 9 - 4) / 2000  # +-0.2%
        return self.rates[cur] * (1 + wiggle) if cur != "USD" else Decimal(1)

    def _day(self, d: Date) -> Date:
        for k in range(self.MAX_AGE + 1):
            day = d - timedelta(days=k)
            if day.weekday() < 5 and self.FIRST <= day <= self.LAST:
                return day
        raise NoRate(f"no fixing within {self.MAX_AGE} days of {d}")

    def rate(self, base: str, quote: str, date: Date) -> Rate:
        if date > self.LAST:
            raise NoRate(f"{date} is after the table's end {self.LAST}")
        day = self._day(date)
        value = self._usd(quote, day) / self._usd(base, day)
        return Rate(base, quote, value, date, day, "FAKE")

    def series(self, base: str, quote: str, start: Date | None = None, end: Date | None = None):
        self._usd(base, self.FIRST)
        self._usd(quote, self.FIRST)
        d = max(start or self.FIRST, self.FIRST)
        end = min(end or self.LAST, self.LAST)
        out = []
        while d <= end:
            if d.weekday() < 5:
                out.append((d, self._usd(quote, d) / self._usd(base, d)))
            d += timedelta(days=1)
        return out

    def source_names(self) -> tuple[str, ...]:
        return ("FAKE",)


def D(x) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def fig(text: str, sub: str, kind: str, value=None, *, after: int = 0, doc: str = "d",
        currency=None, unit=None, per=None, q=None, precision=None, direction=None,
        low=None, high=None, candidates=(), **extra) -> Figure:
    """A Figure for the first occurrence of `sub` in `text` at or after `after`."""
    start = text.index(sub, after)
    return Figure(
        doc=doc, start=start, end=start + len(sub), text=sub, kind=Kind(kind), value=D(value),
        low=D(low), high=D(high), currency=currency, unit=unit, per=per,
        qualifier=Qualifier(q) if q else None, precision=D(precision),
        direction=Direction(direction) if direction else None,
        currency_candidates=tuple(candidates), **extra)


def one_doc(text: str, figs: list[Figure], date: Date | None = None, doc: str = "d") -> list[DocFigures]:
    return make_docs([(doc, text, date, [f.replace(doc=doc) for f in figs])])


def docs_of(*items: tuple[str, str, Date | None, list[Figure]]) -> list[DocFigures]:
    return make_docs([(name, text, d, [f.replace(doc=name) for f in figs])
                      for name, text, d, figs in items])
