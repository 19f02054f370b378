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

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from importlib import resources
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import Any

from figures.errors import InputError, NoRate, RateTableError
from figures.model import Rate
from figures.normalize.currencies import check_code
from figures.normalize.rates.columns import RowGroups, VectorLookups, day_ordinals, group_rows
from figures.normalize.rates.explain import Explanations
from figures.normalize.rates.reading import (
    MAX_TABLE_BYTES,
    RATE_EXPONENT_LIMIT,
    TableParts,
    parse_table,
    read_text,
    stem,
    unpack_bytes,
    unpack_text,
)
from figures.normalize.rates.scans import SeriesScans
from figures.normalize.rates.store import (
    DATA_FILE,
    DATA_PACKAGE,
    ECB_ATTRIBUTION,
    ECB_SOURCE,
    MANIFEST_FILE,
    MAX_AGE_DAYS,
    ONE,
    RATE_CONTEXT,
    Coverage,
    RateColumns,
    RateProvider,
    Series,
    Source,
    as_date,
    hop_at,
)

__all__ = [
    "DATA_FILE", "DATA_PACKAGE", "ECB_ATTRIBUTION", "ECB_SOURCE", "MANIFEST_FILE",
    "MAX_AGE_DAYS", "MAX_TABLE_BYTES", "RATE_CONTEXT", "RATE_EXPONENT_LIMIT", "Coverage",
    "RateColumns", "RateProvider", "RateTable", "RowGroups", "Series", "Source", "TableParts",
    "as_date", "clear_default_cache", "combine", "day_ordinals", "ecb_table", "group_rows",
    "manifest", "unpack_bytes", "with_files",
]


@dataclass(frozen=True, eq=False, repr=False)
class RateTable(VectorLookups, SeriesScans, Explanations):
    """An immutable set of dated rate series that all resolve to one `root` currency (EUR).

    Build it with `RateTable.default()` (the embedded ECB table, loaded once), `from_csv` or
    `with_table`. Every method is pure; the only state is caches of derived values.
    """

    root: str
    series_by_code: Mapping[str, Series]
    sources: tuple[Source, ...]
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
        text = read_text(p, max_bytes)
        name = source or stem(p)
        return RateTable(*parse_table(text, name=name, base=base, origin=str(p),
                                         max_age_days=max_age_days, validate=True))

    @classmethod
    def from_ecb_bytes(cls, data: bytes, *, origin: str = "ECB", validate: bool = True) -> RateTable:
        """The ECB's `eurofxref-hist.zip` (or its CSV) as bytes; used by the refresh script."""
        text = unpack_text(data, origin)
        return RateTable(*parse_table(text, name=ECB_SOURCE, base="EUR", origin=origin,
                                      max_age_days=MAX_AGE_DAYS, validate=validate,
                                      wide_only=True))

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
            return Rate(b, q, ONE, d, d, "identity")
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
        num, den = ONE, ONE
        day = None
        for s in qhops:
            hit = hop_at(s, o)
            if hit is None:
                return None
            num = mul(num, hit[0])
            day = hit[1] if day is None else min(day, hit[1])
        for s in bhops:
            hit = hop_at(s, o)
            if hit is None:
                return None
            den = mul(den, hit[0])
            day = hit[1] if day is None else min(day, hit[1])
        names = self._memo.get(("names", b, q))
        if names is None:
            names = self._memo[("names", b, q)] = "+".join(
                dict.fromkeys(s.source.name for s in qhops + bhops))
        return RATE_CONTEXT.divide(num, den), day, names  # type: ignore[return-value]


    def _hops(self, b: str, q: str) -> tuple[list[Series], list[Series]]:
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


# ---- the default tables ------------------------------------------------------------------------


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
