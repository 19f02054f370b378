"""Dated exchange rates: the ECB reference table shipped in `currency_tables/`, plus users' tables.

The lookup rule (DESIGN.md section 3):
- take the last table day on or before the requested date, at most `MAX_AGE_DAYS` calendar days
  old; never interpolate and never use a later day (a Saturday article could not know Monday's
  rate);
- the ECB publishes every currency on one day, so both legs of a cross come from the *same* table
  day; a currency missing on that day is a hole, answered with `NoRate`, never with an older rate;
- a date after the ECB table's last day is `NoRate` too: past the end we cannot tell a weekend
  from a table that was not refreshed. Users' tables (one series per currency, each with its own
  days) state their validity with `max_age_days` instead.

Cross rates go through the table's root currency (EUR) and are computed in `RATE_CONTEXT`
(28 significant digits, half-even). Nothing is quantized here: 10e9 * 1.1655 / 7.4464 keeps all
28 digits, and rounding to cents is left to whoever displays the figure.

Storage: per currency, a sorted tuple of day ordinals and a parallel tuple of the rate strings as
printed by the source. Strings become `Decimal`s on use (cached per currency for scans); there is
never an object per calendar day, and floats never appear.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import json
import lzma
import re
import zipfile
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from importlib import resources
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from figures.errors import InputError, NoRate, RateTableError, UnknownCurrency
from figures.model import Rate
from figures.normalize.currencies import KNOWN_CODES, check_code, currency_name

if TYPE_CHECKING:  # numpy is imported lazily: the scalar path must load fast without it
    import numpy as np

MAX_AGE_DAYS = 5  # the ECB's longest gap (Easter, Christmas) is 5 calendar days
RATE_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)  # private: users' contexts don't leak in
ECB_SOURCE = "ECB"
ECB_ATTRIBUTION = "Source: European Central Bank (ECB) euro foreign exchange reference rates"
DATA_PACKAGE = "currency_tables"
DATA_FILE = "eurofxref-hist.zip"
MANIFEST_FILE = "manifest.json"

_MISSING = frozenset({"", "N/A", "NA", "n/a"})
_ONE = Decimal(1)


class RateProvider(Protocol):
    """Anything that answers `rate(base, quote, date)`: a RateTable or the live provider."""

    def rate(self, base: str, quote: str, date: Date | str) -> Rate: ...


# ---- storage ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Source:
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
class _Series:
    """Units of `currency` per 1 `source.base`, on the sorted table days `days`."""

    currency: str
    source: _Source
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


# ---- the table -------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class RateTable:
    """An immutable set of dated rate series that all resolve to one `root` currency (EUR).

    Build it with `RateTable.default()` (the embedded ECB table, loaded once), `from_csv` or
    `with_table`. Every method is pure; the only state is caches of derived values.
    """

    root: str
    series_by_code: Mapping[str, _Series]
    sources: tuple[_Source, ...]
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False)

    # -- construction --------------------------------------------------------------------------

    @classmethod
    def default(cls) -> RateTable:
        """The ECB table (the newer of the embedded one and the user's update), then the NBP's
        tables A and B for what it lacks, then legal pegs (figures.normalize.rates.sources);
        parsed on first use and shared afterwards. Every rate names its source and table date."""
        return _world_table()

    @classmethod
    def world(cls) -> RateTable:
        """The same table as default() (kept as a name from issue 18)."""
        return _world_table()

    @classmethod
    def from_csv(
        cls,
        path: str | PathLike[str],
        base: str = "EUR",
        source: str | None = None,
        *,
        max_age_days: int = MAX_AGE_DAYS,
        max_bytes: int | None = None,
    ) -> RateTable:
        """A user's table. Long layout: columns `date,currency,rate` (rate = units of currency
        per 1 `base`; other columns are ignored). Wide layout (the ECB's own CSV): `Date` then one
        column per currency code. `.gz` and `.zip` files are read directly. Reading never writes.

        Each currency keeps its own days (a monthly series is fine with a larger
        `max_age_days`); a malformed line raises `RateTableError` naming it. A file (or what
        it expands to) over `max_bytes` (default MAX_TABLE_BYTES) is refused while reading.
        """
        base = check_code(base)
        p = Path(path)
        text = _read_text(p, max_bytes)
        name = source or _stem(p)
        return _parse_table(text, name=name, base=base, origin=str(p), max_age_days=max_age_days,
                            validate=True)

    @classmethod
    def from_ecb_bytes(cls, data: bytes, *, origin: str = "ECB", validate: bool = True) -> RateTable:
        """The ECB's `eurofxref-hist.zip` (or its CSV) as bytes; used by the refresh script."""
        text = _unpack(data, origin)
        return _parse_table(text, name=ECB_SOURCE, base="EUR", origin=origin,
                            max_age_days=MAX_AGE_DAYS, validate=validate, wide_only=True)

    def with_table(self, other: RateTable) -> RateTable:
        """This table plus `other`; where both have a currency, `other` wins.

        `other`'s base must be this table's root or a currency this table prices (a table quoted
        against USD is bridged to EUR through the USD series, on the same requested date).
        """
        merged = dict(self.series_by_code)
        merged.update(other.series_by_code)
        merged.pop(self.root, None)
        used = {s.source for s in merged.values()}
        sources = tuple(s for s in self.sources + other.sources if s in used)
        sources = tuple(dict.fromkeys(sources))
        table = RateTable(self.root, MappingProxyType(merged), sources)
        for src in sources:
            table._chain(src.base, _why=f"the base of table '{src.name}'")
        return table

    # -- facts ---------------------------------------------------------------------------------

    @property
    def currencies(self) -> tuple[str, ...]:
        """Every code with a rate, the root included, sorted."""
        return tuple(sorted({self.root, *self.series_by_code}))

    @property
    def first_day(self) -> Date:
        return min(s.first for s in self.sources)

    @property
    def last_day(self) -> Date:
        return max(s.last for s in self.sources)

    @property
    def source_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.sources)

    def __repr__(self) -> str:
        srcs = ", ".join(f"{s.name} {s.first}..{s.last}" for s in self.sources)
        return f"<RateTable root={self.root} currencies={len(self.currencies)} sources=[{srcs}]>"

    # -- point look-up -------------------------------------------------------------------------

    def rate(self, base: str, quote: str, date: Date | str) -> Rate:
        """Units of `quote` per 1 `base` on `date`, by the lookup rule; `NoRate` says why not.

        `Rate.rate_date` is the table day used (a Saturday gets Friday's rate). When the legs come
        from different tables it is the older of their days.
        """
        b, q, d = check_code(base), check_code(quote), as_date(date)
        if b == q:
            return Rate(b, q, _ONE, d, d, "identity")
        value, day, names = self._cross(b, q, d.toordinal(), d)
        return Rate(b, q, value, d, Date.fromordinal(day), names)

    def _cross(self, b: str, q: str, o: int, d: Date) -> tuple[Decimal, int, str]:
        hit = self._try_cross(b, q, o)
        return hit if hit is not None else self._explain_cross(b, q, o, d)

    def _try_cross(self, b: str, q: str, o: int) -> tuple[Decimal, int, str] | None:
        """`_cross` without the messages: None where a leg has no rate (the common miss of a
        look-up that another source then answers costs no sentence)."""
        bhops, qhops = self._hops(b, q)
        mul = RATE_CONTEXT.multiply
        num, den = _ONE, _ONE
        day = None
        for s in qhops:
            hit = _hop_at(s, o)
            if hit is None:
                return None
            num = mul(num, hit[0])
            day = hit[1] if day is None else min(day, hit[1])
        for s in bhops:
            hit = _hop_at(s, o)
            if hit is None:
                return None
            den = mul(den, hit[0])
            day = hit[1] if day is None else min(day, hit[1])
        names = self._memo.get(("names", b, q))
        if names is None:
            names = self._memo[("names", b, q)] = "+".join(
                dict.fromkeys(s.source.name for s in qhops + bhops))
        return RATE_CONTEXT.divide(num, den), day, names  # type: ignore[return-value]

    def _explain_cross(self, b: str, q: str, o: int, d: Date) -> tuple[Decimal, int, str]:
        """`_cross` leg by leg, raising the NoRate of the first leg without a rate."""
        bhops, qhops = self._hops(b, q)
        num, den = _ONE, _ONE
        days: list[int] = []
        names: list[str] = []
        for s in qhops:
            v, day = self._hop(s, o, d, b, q)
            num = RATE_CONTEXT.multiply(num, v)
            days.append(day)
            names.append(s.source.name)
        for s in bhops:
            v, day = self._hop(s, o, d, b, q)
            den = RATE_CONTEXT.multiply(den, v)
            days.append(day)
            names.append(s.source.name)
        return RATE_CONTEXT.divide(num, den), min(days), "+".join(dict.fromkeys(names))

    def _hops(self, b: str, q: str) -> tuple[list[_Series], list[_Series]]:
        """The series to multiply for each leg, up to the nearest currency both chains share."""
        key = ("hops", b, q)
        hit = self._memo.get(key)
        if hit is None:
            bchain = self._chain(b, pair=(b, q))
            qchain = self._chain(q, pair=(b, q))
            common = next(c for c in bchain if c in set(qchain))
            hit = (
                [self.series_by_code[c] for c in bchain[: bchain.index(common)]],
                [self.series_by_code[c] for c in qchain[: qchain.index(common)]],
            )
            self._memo[key] = hit
        return hit

    def _chain(self, code: str, *, pair: tuple[str, str] | None = None, _why: str = "") -> list[str]:
        chain = [code]
        while chain[-1] != self.root:
            s = self.series_by_code.get(chain[-1])
            if s is None:
                if _why:
                    raise RateTableError(
                        f"{_why} is {chain[-1]}, which no table prices; add a table with "
                        f"{chain[-1]} quoted against {self.root} first"
                    )
                raise NoRate(self._not_in_table(chain[-1], pair))
            if s.source.base in chain:
                raise RateTableError(f"tables quote {' -> '.join(chain)} in a circle; drop one")
            chain.append(s.source.base)
        return chain

    def _hop(self, s: _Series, o: int, d: Date, b: str, q: str) -> tuple[Decimal, int]:
        """Units of s.currency per 1 s.source.base on the table day that serves date `d`."""
        src = s.source
        cal = src.calendar if src.shared_day else s.days
        pair = f"{b}/{q}" if s.currency in (b, q) else f"{b}/{q} (via {s.currency})"
        head = f"no rate for {pair} on {d}"
        # A daily table's last day is its snapshot date: past it, a missing rate may simply not
        # be in our copy yet. Users' tables state their own validity through max_age_days.
        if src.shared_day and o > src.calendar[-1]:
            raise NoRate(
                f"{head}: the {src.name} table ends on {src.last} (it covers {src.first}..{src.last})"
                f"; {_refresh_hint(src)}"
            )
        i = bisect_right(cal, o) - 1
        if i < 0:
            if o < src.calendar[0]:
                raise NoRate(
                    f"{head}: the {src.name} table starts on {src.first} (it covers "
                    f"{src.first}..{src.last}); use a date in that range or add a table that "
                    f"covers it (RateTable.from_csv, or --rates FILE)"
                )
            raise NoRate(f"{head}: the {src.name} series for {s.currency} starts on "
                         f"{Date.fromordinal(s.days[0])} ({self._coverage_sentence(s)})")
        day = cal[i]
        if o - day > src.max_age_days:
            raise NoRate(
                f"{head}: the last {src.name} day with a {s.currency} rate on or before it is "
                f"{Date.fromordinal(day)}, {o - day} days earlier (the limit is "
                f"{src.max_age_days} days; {self._coverage_sentence(s)})"
            )
        if src.shared_day:
            j = bisect_right(s.days, day) - 1
            if j < 0 or s.days[j] != day:
                raise NoRate(f"{head}: {self._gap_sentence(s, j, day)}; for that period add a "
                             f"table with {s.currency} rates (--rates FILE)")
        else:
            j = i
        return Decimal(s.raw[j]), day

    # -- messages ------------------------------------------------------------------------------

    def _not_in_table(self, code: str, pair: tuple[str, str] | None) -> str:
        have = self.currencies
        sample = [c for c in ("USD", "GBP", "JPY", "CNY", "CHF", "HKD", "AUD", "CAD") if c in have]
        what = f"{pair[0]}/{pair[1]}" if pair else code
        names = "+".join(self.source_names) or "rate"
        return (
            f"no rate for {what}: the {names} table has no {code} ({currency_name(code)}) series; "
            # Counted like `figures rates` lists them: the currencies priced against the root.
            f"it has rates for {len(self.currencies) - 1} currencies besides {self.root}, e.g. "
            f"{', '.join(sample or have[:8])}; add a CSV table "
            f"with columns date,currency,rate (RateTable.from_csv(path).with_table, or "
            f"--rates FILE)"
        )

    def _coverage_sentence(self, s: _Series) -> str:
        cov = self._coverage_of(s)
        return f"{s.currency} coverage in {s.source.name}: {cov.describe()}"

    def _gap_sentence(self, s: _Series, j: int, day: int) -> str:
        src = s.source
        if j < 0:
            return (f"the {src.name} series for {s.currency} starts on "
                    f"{Date.fromordinal(s.days[0])} ({self._coverage_sentence(s)})")
        if j == len(s.days) - 1:
            return (f"the {src.name} series for {s.currency} ends on "
                    f"{Date.fromordinal(s.days[-1])} ({self._coverage_sentence(s)})")
        cal = src.calendar
        start = cal[bisect_right(cal, s.days[j])]
        end = s.days[j + 1] - 1
        return (f"the {src.name} series for {s.currency} has a hole from {Date.fromordinal(start)} "
                f"to {Date.fromordinal(end)} ({self._coverage_sentence(s)})")

    # -- coverage ------------------------------------------------------------------------------

    def coverage(self) -> tuple[Coverage, ...]:
        """Per currency: first and last day, holes, and whether it ends before its table."""
        hit = self._memo.get("coverage")
        if hit is None:
            hit = tuple(self._coverage_of(self.series_by_code[c]) for c in sorted(self.series_by_code))
            self._memo["coverage"] = hit
        return hit

    def _coverage_of(self, s: _Series) -> Coverage:
        key = ("cov", s.currency)
        hit = self._memo.get(key)
        if hit is not None and hit.source == s.source.name:
            return hit
        src = s.source
        holes: list[tuple[Date, Date]] = []
        if src.shared_day:
            pos = src.position
            idx = [pos[day] for day in s.days]
            for k in range(len(idx) - 1):
                if idx[k + 1] - idx[k] > 1:
                    holes.append((Date.fromordinal(src.calendar[idx[k] + 1]),
                                  Date.fromordinal(s.days[k + 1] - 1)))
        else:
            for a, z in zip(s.days, s.days[1:], strict=False):
                if z - a > src.max_age_days:
                    holes.append((Date.fromordinal(a + src.max_age_days + 1), Date.fromordinal(z - 1)))
        hit = Coverage(
            currency=s.currency,
            name=currency_name(s.currency),
            source=src.name,
            first=Date.fromordinal(s.days[0]),
            last=Date.fromordinal(s.days[-1]),
            days=len(s.days),
            holes=tuple(holes),
            ends_early=s.days[-1] < src.calendar[-1],
        )
        self._memo[key] = hit
        return hit

    # -- scans ---------------------------------------------------------------------------------

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
            hit = (cal, [_ONE] * len(cal))
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

    def _mixed_series(self, b: str, q: str, hops: list[_Series]) -> tuple[list[int], list[Decimal]]:
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

    # -- vectorized ----------------------------------------------------------------------------

    def lookup_arrays(self, currency: str) -> tuple[np.ndarray, tuple[Decimal, ...]]:
        """(day ordinals as int64, Decimal rates per 1 unit of the series' base) for one currency,
        sorted by day; the root currency gets its table's days and ones."""
        import numpy as np

        c = check_code(currency)
        if c == self.root:
            cal = self.sources[0].calendar
            return np.asarray(cal, dtype=np.int64), (_ONE,) * len(cal)
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
        located: dict[_Source, np.ndarray] = {}  # calendar index of every row, per source
        for k, (b_raw, q_raw) in enumerate(groups.pairs):
            self._fill_pair(b_raw, q_raw, groups.rows(k), ords, located, values, rate_days, why,
                            notes)
        return RateColumns(values.tolist(), rate_days, why)

    def _fill_pair(self, b_raw: str, q_raw: str, rows: np.ndarray, all_ords: np.ndarray,
                   located: dict[_Source, np.ndarray], values: np.ndarray,
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
                values[r] = _ONE
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
                bd = bhops[0].decimals if bhops else (_ONE,)
                qd = qhops[0].decimals if qhops else (_ONE,)
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


# ---- helpers ---------------------------------------------------------------------------------


def _hop_at(s: _Series, o: int) -> tuple[Decimal, int] | None:
    """`RateTable._hop` without the messages: (rate, table day) or None, by the same rule."""
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


def _locate(s: _Series, o: np.ndarray,
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


def _same_day_series(bhops: list[_Series], qhops: list[_Series]) -> tuple[list[int], list[Decimal]]:
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
        num = functools.reduce(mul, got[nb:], _ONE)
        den = functools.reduce(mul, got[:nb], _ONE)
        days.append(day)
        values.append(div(num, den))
    return days, values


def as_date(value: Any) -> Date:
    """A `date` for a rate lookup, read by figures.dates (the one date parser); no date raises."""
    from figures.normalize.dates import require_date

    return require_date(value)


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


def _refresh_hint(src: _Source) -> str:
    if src.name == ECB_SOURCE:
        return "run 'figures rates --update' (online) for newer rates, or add a table with --rates FILE"
    return f"extend '{src.origin}' or add a newer table"


def _stem(p: Path) -> str:
    name = p.name
    for suffix in (".gz", ".zip", ".csv"):
        name = name.removesuffix(suffix)
    return name or "user table"


# ---- reading ---------------------------------------------------------------------------------


def _read_text(p: Path, limit: int | None = None) -> str:
    limit = MAX_TABLE_BYTES if limit is None else limit
    try:
        with p.open("rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read rate table '{p}': {exc.strerror or exc}") from None
    except ValueError as exc:  # a NUL byte in the path
        raise InputError(f"cannot read rate table {str(p)!r}: {exc}") from None
    if len(data) > limit:
        raise _too_big(str(p), limit)
    return _unpack(data, str(p), limit)


# A rate table is a few MB (the ECB's whole history is about 7 MB); refuse a file, or what a
# compressed file inflates to, past this (a "zip bomb", or the wrong file). --max-bytes raises it.
MAX_TABLE_BYTES = 64 * 1024 * 1024


def _too_big(origin: str, limit: int | None = None) -> RateTableError:
    limit = MAX_TABLE_BYTES if limit is None else limit
    return RateTableError(f"{origin}: holds or expands to more than {limit:,} bytes; a rate table "
                          "is a few MB: is this the right file? (raise the limit with --max-bytes)")


def unpack_bytes(data: bytes, origin: str, limit: int | None = None) -> bytes:
    """The CSV bytes inside `data` (gzip, zip or plain), inflated at most to `limit` bytes:
    the size is checked while decompressing, never after. Encrypted members, compression
    methods Python lacks and corrupt streams are RateTableErrors."""
    limit = MAX_TABLE_BYTES if limit is None else limit
    try:
        if data[:2] == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as g:
                data = g.read(limit + 1)
            if len(data) > limit:
                raise _too_big(origin, limit)
        elif data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                infos = [i for i in zf.infolist() if i.filename.lower().endswith(".csv")]
                if not infos:
                    raise RateTableError(f"{origin}: the zip holds no .csv file")
                if infos[0].flag_bits & 0x1:
                    raise RateTableError(f"{origin}: the zip is encrypted; give an unencrypted "
                                         "zip, .gz or .csv")
                if infos[0].file_size > limit:
                    raise _too_big(origin, limit)
                with zf.open(infos[0]) as member:
                    data = member.read(limit + 1)
                if len(data) > limit:
                    raise _too_big(origin, limit)
        elif len(data) > limit:
            raise _too_big(origin, limit)
    except RateTableError:
        raise
    except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError,
            ValueError, zlib.error, lzma.LZMAError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RateTableError(f"{origin}: cannot decompress ({why}); give a plain .csv, a .gz or "
                             "a deflate .zip") from None
    return data


def _unpack(data: bytes, origin: str, limit: int | None = None) -> str:
    data = unpack_bytes(data, origin, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RateTableError(f"{origin}: not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV") from None


def _parse_table(text: str, *, name: str, base: str, origin: str, max_age_days: int,
                 validate: bool, wide_only: bool = False) -> RateTable:
    try:
        return _parse_table_rows(text, name=name, base=base, origin=origin,
                                 max_age_days=max_age_days, validate=validate, wide_only=wide_only)
    except csv.Error as exc:
        # A bare carriage return or an unterminated quote: the csv module's own words, one line.
        raise RateTableError(f"{origin}: malformed CSV ({exc}); save it with plain line ends") from None


def _parse_table_rows(text: str, *, name: str, base: str, origin: str, max_age_days: int,
                      validate: bool, wide_only: bool = False) -> RateTable:
    first_line = text.split("\n", 1)[0]
    header = [h.strip() for h in next(csv.reader([first_line]), [])]
    if not any(header):
        raise RateTableError(f"{origin}: line 1: the file is empty; expected a header "
                             f"'date,currency,rate'")
    lowered = [h.lower() for h in header]
    long_cols = {"date", "currency", "rate"}
    is_wide = lowered[0] == "date" and any(h.upper() in KNOWN_CODES for h in header[1:])
    if wide_only and not is_wide:
        raise RateTableError(f"{origin}: line 1: expected the ECB layout 'Date,USD,JPY,...'")
    if not is_wide or long_cols <= set(lowered):
        if not long_cols <= set(lowered):
            missing = ", ".join(f"'{c}'" for c in ("date", "currency", "rate") if c not in lowered)
            raise RateTableError(
                f"{origin}: line 1: missing column {missing} (found: {', '.join(header)}); "
                f"expected columns date,currency,rate (rate = units of currency per 1 {base})"
            )
        return _parse_long(text, lowered, name=name, base=base, origin=origin,
                           max_age_days=max_age_days)
    return _parse_wide(text, header, name=name, base=base, origin=origin,
                       max_age_days=max_age_days, validate=validate)


def _bad(origin: str, line: int, msg: str) -> RateTableError:
    return RateTableError(f"{origin}: line {line}: {msg}")


def _parse_date(s: str, origin: str, line: int) -> int:
    try:
        if len(s) != 10:
            raise ValueError
        return Date.fromisoformat(s).toordinal()
    except ValueError:
        raise _bad(origin, line, f"bad date '{s}'; write dates as YYYY-MM-DD") from None


# A rate (units per 1 base) outside 10^-12 .. 10^12 is a typo, not a currency: refusing it
# keeps every later multiplication and division representable.
RATE_EXPONENT_LIMIT = 12
_RATE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _parse_rate(s: str, origin: str, line: int, code: str) -> str:
    shown = s[:30] + ("…" if len(s) > 30 else "")
    if s.lower().lstrip("+-") in ("nan", "snan", "inf", "infinity"):
        raise _bad(origin, line, f"rate '{shown}' for {code} must be a positive number")
    if not _RATE.fullmatch(s) or len(s) > 60:
        raise _bad(origin, line, f"rate '{shown}' for {code} is not a number (write it like 7.5 "
                                 "or 1.25e-3)")
    try:
        v = Decimal(s)
    except (InvalidOperation, ValueError):
        raise _bad(origin, line, f"rate '{shown}' for {code} is not a number") from None
    if not v.is_finite() or v <= 0:
        raise _bad(origin, line, f"rate '{shown}' for {code} must be a positive number")
    if abs(v.adjusted()) > RATE_EXPONENT_LIMIT:
        raise _bad(origin, line, f"rate '{shown}' for {code} is out of range (1e-"
                                 f"{RATE_EXPONENT_LIMIT} to 1e{RATE_EXPONENT_LIMIT})")
    return s


def _parse_long(text: str, lowered: list[str], *, name: str, base: str, origin: str,
                max_age_days: int) -> RateTable:
    i_date, i_cur, i_rate = (lowered.index(c) for c in ("date", "currency", "rate"))
    width = max(i_date, i_cur, i_rate) + 1
    reader = csv.reader(io.StringIO(text))
    next(reader)
    per: dict[str, list[tuple[int, str]]] = {}
    seen: dict[tuple[str, int], int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width:
            raise _bad(origin, line, f"expected {width} fields (date,currency,rate), got {len(row)}")
        o = _parse_date(row[i_date].strip(), origin, line)
        code = row[i_cur].strip().upper()
        if code not in KNOWN_CODES:
            raise _bad(origin, line, f"unknown currency code '{row[i_cur].strip()}'; use an ISO "
                                     f"4217 code like USD")
        if code == base:
            raise _bad(origin, line, f"{code} is the table's base; give rates of other currencies "
                                     f"per 1 {base}")
        raw = _parse_rate(row[i_rate].strip(), origin, line, code)
        first = seen.setdefault((code, o), line)
        if first != line:
            raise _bad(origin, line, f"duplicate rate for {code} on {Date.fromordinal(o)} "
                                     f"(first given on line {first})")
        per.setdefault(code, []).append((o, raw))
    if not per:
        raise RateTableError(f"{origin}: no rates below the header; add lines like "
                             f"'2021-10-19,TWD,32.5'")
    calendar = tuple(sorted({o for pairs in per.values() for o, _ in pairs}))
    src = _Source(name, base, calendar, False, max_age_days, origin)
    series = {}
    for code, pairs in per.items():
        pairs.sort()
        series[code] = _Series(code, src, tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))
    return RateTable(base, MappingProxyType(series), (src,))


def _parse_wide(text: str, header: list[str], *, name: str, base: str, origin: str,
                max_age_days: int, validate: bool) -> RateTable:
    lines = text.splitlines()
    cols = [(k, h.upper()) for k, h in enumerate(header) if k and h]
    for _, code in cols:
        if validate and code not in KNOWN_CODES:
            raise _bad(origin, 1, f"unknown currency code '{code}' in the header")
    width = len(header)
    rows: list[list[str]] = []
    ords: list[int] = []
    line_of: dict[int, int] = {}
    for n, ln in enumerate(lines[1:], start=2):
        if not ln.strip():
            continue
        fields = ln.split(",")
        if len(fields) != width:
            raise _bad(origin, n, f"expected {width} fields like the header, got {len(fields)}")
        o = _parse_date(fields[0].strip(), origin, n)
        if o in line_of:
            raise _bad(origin, n, f"duplicate date {Date.fromordinal(o)} (first on line {line_of[o]})")
        line_of[o] = n
        rows.append(fields)
        ords.append(o)
    if not rows:
        raise RateTableError(f"{origin}: no rates below the header")
    if validate:
        for fields, o in zip(rows, ords, strict=True):
            for k, code in cols:
                cell = fields[k].strip()
                if cell not in _MISSING:
                    _parse_rate(cell, origin, line_of[o], code)
    order = sorted(range(len(ords)), key=ords.__getitem__)
    ords = [ords[i] for i in order]
    columns = list(zip(*(rows[i] for i in order), strict=True))
    src = _Source(name, base, tuple(ords), True, max_age_days, origin)
    series = {}
    for k, code in cols:
        col = columns[k]
        keep = [m for m, v in enumerate(col) if v.strip() not in _MISSING]
        if keep:
            series[code] = _Series(code, src, tuple(ords[m] for m in keep),
                                   tuple(col[m].strip() for m in keep))
    series.pop(base, None)
    return RateTable(base, MappingProxyType(series), (src,))


def with_files(paths: str | Sequence[str], base: str = "EUR", *,
               max_bytes: int | None = None) -> RateTable:
    """The default table plus each CSV table in `paths`, quoted against `base` (later wins):
    what every command's --rates FILE ... --rates-base CUR means."""
    if isinstance(paths, str):
        paths = [paths]
    return combine(RateTable.default(), *(RateTable.from_csv(p, base=base, max_bytes=max_bytes)
                                              for p in paths))


def combine(*tables: RateTable) -> RateTable:
    """The first table plus each next one (later tables win where they overlap)."""
    if not tables:
        return RateTable.default()
    return functools.reduce(RateTable.with_table, tables)


@functools.cache
def _ecb_default() -> RateTable:
    """The newer of the embedded ECB table and the one `figures rates --update` saved for the
    user (figures.rates_user); the table's source origin says which one is in use."""
    embedded = ecb_table()
    from figures.normalize.rates.user import user_table_bytes

    found = user_table_bytes()
    if found is None:
        return embedded
    try:  # checked when downloaded; a damaged copy is ignored rather than trusted
        user = RateTable.from_ecb_bytes(found[0], origin=found[1], validate=False)
    except (RateTableError, InputError):
        return embedded
    return user if user.last_day > embedded.last_day else embedded


@functools.cache
def _world_table() -> RateTable:
    # Issue 18: ECB first, then NBP tables A/B and legal pegs; the logic lives in
    # figures.normalize.rates.sources, and the NBP files load only when a lookup needs them.
    from figures.normalize.rates.sources import combined

    return combined(_ecb_default())


def ecb_table() -> RateTable:
    """The embedded ECB table alone, parsed afresh (`RateTable.default()` caches it)."""
    data = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_bytes()
    # The embedded file is verified by its manifest's sha256 (tests, refresh), so skip the
    # per-cell check here: it would triple the load time.
    return RateTable.from_ecb_bytes(data, origin=f"{DATA_PACKAGE}/{DATA_FILE}", validate=False)


def clear_default_cache() -> None:
    """Forget the loaded default table (after `figures rates --update` saved a new one)."""
    _ecb_default.cache_clear()
    _world_table.cache_clear()


@functools.cache
def manifest() -> dict[str, Any]:
    """The embedded table's manifest: source, attribution, sha256, dates, currencies."""
    text = resources.files(DATA_PACKAGE).joinpath(MANIFEST_FILE).read_text(encoding="utf-8")
    return json.loads(text)
