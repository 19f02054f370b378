"""What a rate table holds: its series and sources, the lookup constants, the `RateProvider`
protocol, the shapes of coverage and vectorized answers, and the lookup rule on one series
(`hop_at`). The table itself (figures.normalize.rates.table) is built from these.

Storage: per currency, a sorted tuple of day ordinals and a parallel tuple of the rate strings as
printed by the source. Strings become `Decimal`s on use (cached per currency for scans); there is
never an object per calendar day, and floats never appear.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date as Date
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from figures.model import Rate

if TYPE_CHECKING:  # numpy is imported lazily: the scalar path must load fast without it
    import numpy as np

MAX_AGE_DAYS = 5  # the ECB's longest gap (Easter, Christmas) is 5 calendar days
RATE_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)  # private: users' contexts don't leak in
ECB_SOURCE = "ECB"
ECB_ATTRIBUTION = "Source: European Central Bank (ECB) euro foreign exchange reference rates"
DATA_PACKAGE = "currency_tables"
DATA_FILE = "eurofxref-hist.zip"
MANIFEST_FILE = "manifest.json"
ONE = Decimal(1)


@runtime_checkable
class RateProvider(Protocol):
    """Anything that answers `rate(base, quote, date)`: a RateTable or the live provider."""

    def rate(self, base: str, quote: str, date: Date | str) -> Rate: ...


# ---- storage ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Source:
    """One table as read: its name, the currency its rates are quoted against, its days."""

    name: str
    base: str
    calendar: tuple[int, ...]  # sorted day ordinals on which the table published anything
    shared_day: bool  # True: one row per day for all currencies (ECB); legs must share the day
    max_age_days: int
    origin: str  # file or package it came from, for messages

    @property
    def first(self) -> Date:
        return Date.fromordinal(self.calendar[0])

    @property
    def last(self) -> Date:
        return Date.fromordinal(self.calendar[-1])

    @functools.cached_property
    def position(self) -> dict[int, int]:
        return {day: i for i, day in enumerate(self.calendar)}

    @functools.cached_property
    def calendar_array(self) -> np.ndarray:
        import numpy as np

        return np.asarray(self.calendar, dtype=np.int64)


@dataclass(frozen=True, eq=False)
class Series:
    """Units of `currency` per 1 `source.base`, on the sorted table days `days`."""

    currency: str
    source: Source
    days: tuple[int, ...]
    raw: tuple[str, ...]

    @functools.cached_property
    def decimals(self) -> tuple[Decimal, ...]:
        return tuple(map(Decimal, self.raw))

    @functools.cached_property
    def day_array(self) -> np.ndarray:
        import numpy as np

        return np.asarray(self.days, dtype=np.int64)

    @functools.cached_property
    def calendar_map(self) -> np.ndarray:
        """For a shared-day table: per calendar index, the index into `days`, or -1 (no rate)."""
        import numpy as np

        out = np.full(len(self.source.calendar), -1, dtype=np.int64)
        out[np.searchsorted(self.source.calendar_array, self.day_array)] = np.arange(len(self.days))
        return out


@dataclass(frozen=True, slots=True)
class Coverage:
    """Where one currency has rates. `holes` are ranges of requested dates that get `NoRate`
    inside the series; `ends_early` means it stops before its table does (RUB, HRK, BGN ...)."""

    currency: str
    name: str
    source: str
    first: Date
    last: Date
    days: int
    holes: tuple[tuple[Date, Date], ...]
    ends_early: bool

    def describe(self) -> str:
        """'1999-01-04..2026-10-30, hole 2008-12-10..2018-01-31'."""
        return ", ".join([f"{self.first}..{self.last}", *(f"hole {a}..{b}" for a, b in self.holes)])


@dataclass(frozen=True, slots=True)
class RateColumns:
    """Result of a vectorized look-up, one entry per input row.

    `values` are Decimals (units of quote per 1 base) or None; `rate_days` are the table days used,
    as day ordinals (int64, -1 where there is no rate); `notes` says why a row has no rate.
    """

    values: list[Decimal | None]
    rate_days: np.ndarray
    notes: list[str | None]
    sources: list[str | None] | None = None  # per row, where a table mixes sources (NBP)

    def rate_dates(self) -> list[Date | None]:
        return [Date.fromordinal(d) if d > 0 else None for d in self.rate_days.tolist()]



def as_date(value: Any) -> Date:
    """A `date` for a rate lookup, read by figures.dates (the one date parser); no date raises."""
    from figures.normalize.dates import require_date

    return require_date(value)


def hop_at(s: Series, o: int) -> tuple[Decimal, int] | None:
    """The lookup rule on one series (`RateTable._hop`) without the messages: (rate, table day) or None, by the same rule."""
    src = s.source
    if src.shared_day:
        cal = src.calendar
        if o > cal[-1]:
            return None
        i = bisect_right(cal, o) - 1
        if i < 0:
            return None
        day = cal[i]
        if o - day > src.max_age_days:
            return None
        j = bisect_right(s.days, day) - 1
        if j < 0 or s.days[j] != day:
            return None
    else:
        j = bisect_right(s.days, o) - 1
        if j < 0:
            return None
        day = s.days[j]
        if o - day > src.max_age_days:
            return None
    return Decimal(s.raw[j]), day

