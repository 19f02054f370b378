"""The default rate source: the ECB table first, the NBP tables for the rest, legal pegs last.

Order, per requested pair and date (DESIGN.md section 3, issue 18):
1. the ECB table (plus any user tables) where it has both currencies on that date: the answer is
   exactly what the ECB table alone gives (source "ECB");
2. otherwise NBP, crossed through PLN (`figures.nbp`), named with its table(s) and date(s):
   "NBP table B 2023-05-10";
3. otherwise, where one side only the ECB/user table prices, through EUR: the NBP leg is priced
   in EUR with NBP's own EUR/PLN of the same NBP table date, and the rate names both sources and
   both dates ("NBP table B 2023-05-10 + ECB 2023-05-12");
4. a currency pegged by law (`currency_tables/pegs.json`) is its anchor times the parity, named
   ("BMD = 1 USD (parity) + ECB").
Nothing else: every other case is NoRate with the first source's reason.

`CombinedTable` is a `RateTable` (same API: rate, series, coverage, rates_for, with_table), so
`RateTable.default()` can return it; the NBP files are parsed only when a lookup needs them.
"""

from __future__ import annotations

import functools
import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

from figures.errors import NoRate
from figures.model import Rate
from figures.normalize.currencies import check_code, currency_name
from figures.normalize.rates import nbp
from figures.normalize.rates.table import (
    RATE_CONTEXT,
    Coverage,
    RateColumns,
    RateTable,
    as_date,
    day_ordinals,
)

if TYPE_CHECKING:
    import numpy as np

PEGS_FILE = "pegs.json"
EUR = "EUR"
# Conversion-check allowance per source (relative), set from bench/NBP.md: the ECB's is the
# check's own ALLOWANCE (intraday moves, an article written a day or two earlier); NBP rates
# differ from the ECB's by 0.10% (median) and 0.99% (p99) on the same day (table A, 2010-2026),
# so an NBP reference gets one more percent; a weekly table B reference can also be up to 8 days
# old (same-day p95 1.5%), so it gets 1.5%.
ALLOWANCE_ECB = Decimal("0.010")
ALLOWANCE_NBP = Decimal("0.020")
ALLOWANCE_NBP_B = Decimal("0.025")


def allowance(source: str | None) -> Decimal:
    """The conversion check's allowance for a rate named `source` (a `Rate.source`): the widest
    of its legs' (a rate crossing NBP table B and the ECB gets table B's)."""
    text = source or ""
    if f"{nbp.SOURCE} table B" in text or f"{nbp.SOURCE} tables A+B" in text:
        return ALLOWANCE_NBP_B
    if nbp.SOURCE in text:
        return ALLOWANCE_NBP
    return ALLOWANCE_ECB


@dataclass(frozen=True, slots=True)
class Peg:
    currency: str
    anchor: str
    parity: Decimal  # units of anchor per 1 currency
    valid_from: Date
    source: str

    @property
    def label(self) -> str:
        return f"{self.currency} = {self.parity} {self.anchor} (legal parity)"


@functools.cache
def pegs() -> dict[str, Peg]:
    doc = json.loads(resources.files(nbp.DATA_PACKAGE).joinpath(PEGS_FILE).read_text("utf-8"))
    return {p["currency"]: Peg(p["currency"], p["anchor"], Decimal(p["parity"]),
                               Date.fromisoformat(p["valid_from"]), p["source"])
            for p in doc["pegs"]}


@dataclass(frozen=True, eq=False, repr=False)
class CombinedTable(RateTable):
    """ECB (and users') series as in `RateTable`, then NBP, then pegs; see the module doc."""

    nbp_loader: Callable[[], nbp.NbpTables] = field(default=nbp.current, compare=False)

    @functools.cached_property
    def nbp_data(self) -> nbp.NbpTables:
        return self.nbp_loader()

    @classmethod
    def around(cls, inner: RateTable,
               loader: Callable[[], nbp.NbpTables] = nbp.current) -> CombinedTable:
        return cls(inner.root, inner.series_by_code, inner.sources, nbp_loader=loader)

    def with_table(self, other: RateTable) -> RateTable:
        return CombinedTable.around(RateTable.with_table(self, other), self.nbp_loader)

    def _inner_has(self, code: str) -> bool:
        return code == self.root or code in self.series_by_code

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(sorted({*super().currencies, *self.nbp_data.currencies, *pegs()}))

    @property
    def source_names(self) -> tuple[str, ...]:
        return (*super().source_names, nbp.SOURCE)

    def __repr__(self) -> str:
        return super().__repr__().replace("]>", f", {nbp.SOURCE} tables A+B (loaded on use)]>")

    # -- point look-up -------------------------------------------------------------------------

    def rate(self, base: str, quote: str, date: Date | str) -> Rate:
        b, q = check_code(base), check_code(quote)
        first: NoRate | None = None
        if self._inner_has(b) and self._inner_has(q):
            try:
                return RateTable.rate(self, b, q, date)
            except NoRate as exc:
                first = exc
        d = as_date(date)
        if b == q:
            return Rate(b, q, Decimal(1), d, d, "identity")
        try:
            return self._fallback(b, q, d)
        except NoRate as exc:
            if first is None:
                raise
            raise NoRate(f"{first}; and from {nbp.SOURCE}: {exc}") from None

    def _fallback(self, b: str, q: str, d: Date) -> Rate:
        for code in (b, q):
            peg = pegs().get(code)
            if peg is not None and not self._inner_has(code) and not self.nbp_data.has(code):
                return self._pegged(b, q, d, peg)
        o = d.toordinal()
        if self.nbp_data.has(b) and self.nbp_data.has(q):
            r = self.nbp_data.rate(b, q, o)
            return Rate(b, q, r.value, d, Date.fromordinal(r.rate_day), r.source)
        return self._mixed(b, q, d)

    def _pegged(self, b: str, q: str, d: Date, peg: Peg) -> Rate:
        if d < peg.valid_from:
            raise NoRate(f"no rate for {b}/{q} on {d}: the {peg.currency} parity ({peg.label}) "
                         f"is used from {peg.valid_from} on")
        mul, div = RATE_CONTEXT.multiply, RATE_CONTEXT.divide
        if b == peg.currency:
            inner = self.rate(peg.anchor, q, d) if q != peg.anchor else None
            value = mul(peg.parity, inner.value) if inner else peg.parity
        else:
            inner = self.rate(b, peg.anchor, d) if b != peg.anchor else None
            value = div(inner.value if inner else Decimal(1), peg.parity)
        if inner is None:
            return Rate(b, q, value, d, d, peg.label)
        return Rate(b, q, value, d, inner.rate_date, f"{peg.label} + {inner.source}")

    def _mixed(self, b: str, q: str, d: Date) -> Rate:
        """One side only in the ECB/user table, the other only in NBP: through EUR."""
        if self.nbp_data.has(b) and self._inner_has(q):
            code, other, nbp_is_base = b, q, True
        elif self.nbp_data.has(q) and self._inner_has(b):
            code, other, nbp_is_base = q, b, False
        else:
            missing = b if not (self.nbp_data.has(b) or self._inner_has(b)) else q
            raise NoRate(self._not_in_table(missing, (b, q)))
        leg = self.nbp_data.rate(code, EUR, d.toordinal())  # EUR per 1 code, NBP's EUR/PLN that day
        eur_day = Date.fromordinal(leg.rate_day)
        try:  # the ECB leg as of the NBP date, so both legs describe one day where possible
            ecb = RateTable.rate(self, EUR, other, eur_day)
        except NoRate:
            ecb = RateTable.rate(self, EUR, other, d)
        if nbp_is_base:
            value = RATE_CONTEXT.multiply(leg.value, ecb.value)
        else:
            value = RATE_CONTEXT.divide(Decimal(1), RATE_CONTEXT.multiply(leg.value, ecb.value))
        day = min(eur_day, ecb.rate_date)
        return Rate(b, q, value, d, day, f"{leg.source} + {ecb.source} {ecb.rate_date}")

    # -- scans ---------------------------------------------------------------------------------

    def series(self, base: str, quote: str, start: Date | str | None = None,
               end: Date | str | None = None) -> list[tuple[Date, Decimal]]:
        b, q = check_code(base), check_code(quote)
        days, values = self._combined_series(b, q)
        lo = 0 if start is None else bisect_left(days, as_date(start).toordinal())
        hi = len(days) if end is None else bisect_right(days, as_date(end).toordinal())
        return [(Date.fromordinal(days[k]), values[k]) for k in range(lo, hi)]

    def _combined_series(self, b: str, q: str) -> tuple[list[int], list[Decimal]]:
        key = ("combined", b, q)
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        merged: dict[int, Decimal] = {}
        if self._inner_has(b) and self._inner_has(q):
            try:
                days, values = RateTable._full_series(self, b, q)
                merged.update(zip(days, values, strict=True))
            except NoRate:
                pass
        both_inner = self._inner_has(b) and self._inner_has(q)
        for o in self._candidate_days(b, q):
            if o in merged:
                continue
            d = Date.fromordinal(o)
            if both_inner:
                try:
                    RateTable.rate(self, b, q, d)
                    continue  # the ECB answers that date: its own day is already in
                except NoRate:
                    pass
            try:
                r = self._fallback(b, q, d)
            except NoRate:
                continue
            if r.rate_date.toordinal() == o:
                merged[o] = r.value
        days = sorted(merged)
        hit = (days, [merged[o] for o in days])
        self._memo[key] = hit
        return hit

    def _candidate_days(self, b: str, q: str) -> list[int]:
        """NBP fixing days of the non-PLN legs (and of the peg anchors)."""
        codes = [pegs()[c].anchor if c in pegs() and not self.nbp_data.has(c) else c for c in (b, q)]
        out: set[int] = set()
        for c in codes:
            s = self.nbp_data.series.get(c)
            if s is not None:
                out.update(s.days)
        return sorted(out)

    # -- coverage ------------------------------------------------------------------------------

    def coverage(self) -> tuple[Coverage, ...]:
        """ECB (and users') series first, then every NBP currency, then the pegs."""
        hit = self._memo.get("combined-coverage")
        if hit is not None:
            return hit
        out = list(RateTable.coverage(self))
        end = Date.fromordinal(self.nbp_data.end)
        for c in sorted(self.nbp_data.series):
            first, last, n, holes, tables = self.nbp_data.spans(c)
            out.append(Coverage(c, currency_name(c), f"{nbp.SOURCE} table {tables}", first, last,
                                n, holes, last < end - _week()))
        for p in sorted(pegs().values(), key=lambda p: p.currency):
            out.append(Coverage(p.currency, currency_name(p.currency), p.label, p.valid_from,
                                self.last_day, 0, (), False))
        hit = tuple(sorted(out, key=lambda c: c.currency))
        self._memo["combined-coverage"] = hit
        return hit

    # -- vectorized ----------------------------------------------------------------------------

    def rates_for(self, bases: str | Sequence[str], quote: str | Sequence[str],
                  dates: Any, *, notes: bool = True) -> RateColumns:
        """`RateTable.rates_for` for the ECB rows; rows it cannot price go through `rate` (one
        call per distinct pair and day). Adds per-row `sources`."""
        import numpy as np

        res = RateTable.rates_for(self, bases, quote, dates, notes=notes)
        n = len(res.values)
        if n == 0:  # no dates: nothing to price (RateTable.rates_for's own early answer)
            return RateColumns([], res.rate_days, [], [])
        got = res.rate_days > 0
        sources = np.full(n, None, dtype=object)
        sources[got] = "+".join(RateTable.source_names.fget(self))  # type: ignore[attr-defined]
        bcodes, qcodes = _codes(bases, n), _codes(quote, n)
        sources[got & (bcodes == qcodes)] = "identity"
        missing = np.flatnonzero(~got)
        values = list(res.values)
        rate_days = np.array(res.rate_days, copy=True)
        why = list(res.notes)
        if len(missing):
            ords = _ords(dates, n)
            memo: dict[tuple[Any, Any, int], Rate | str] = {}
            for r in missing.tolist():
                o = int(ords[r])
                b, q = bcodes[r], qcodes[r]
                if o <= 0 or not isinstance(b, str) or not isinstance(q, str):
                    continue
                key = (b, q, o)
                hit = memo.get(key)
                if hit is None:
                    hit = memo[key] = self._fallback_or_reason(b, q, o, why[r])
                if isinstance(hit, Rate):
                    values[r] = hit.value
                    rate_days[r] = hit.rate_date.toordinal()
                    sources[r] = hit.source
                    why[r] = None
                elif notes:
                    why[r] = hit
        sources = sources.tolist()
        return RateColumns(values, rate_days, why, sources)


    def _fallback_or_reason(self, b: str, q: str, o: int, ecb_note: str | None) -> Rate | str:
        """NBP/peg rate for a row the ECB table could not price, or why not (both reasons)."""
        try:
            bc, qc = check_code(b), check_code(q)
        except Exception:  # an unknown code: RateTable's own note says so
            return ecb_note or "no rate"
        d = Date.fromordinal(o)
        if bc == qc:
            return Rate(bc, qc, Decimal(1), d, d, "identity")
        try:
            return self._fallback(bc, qc, d)
        except NoRate as exc:
            # Where the ECB table has both codes, RateTable.rates_for wrote its note with our
            # `rate`, which gives both reasons; otherwise `rate` answers with NBP's reason.
            both = self._inner_has(bc) and self._inner_has(qc)
            return (ecb_note or str(exc)) if both else str(exc)


def _codes(codes: Any, n: int) -> np.ndarray:
    """One code per row, as RateTable.rates_for broadcast them (it checked the lengths)."""
    import numpy as np

    if isinstance(codes, str) or not isinstance(codes, Iterable):
        return np.full(n, codes, dtype=object)
    return np.asarray(codes.tolist() if hasattr(codes, "tolist") else list(codes), dtype=object)


def _week():
    from datetime import timedelta

    return timedelta(days=7)


def _ords(dates: Any, n: int) -> np.ndarray:
    out = day_ordinals(dates)
    if len(out) != n:
        raise ValueError(f"{len(out)} dates for {n} rows")
    return out


def combined(ecb: RateTable) -> CombinedTable:
    """The hook for `RateTable.default()`: `ecb` (the embedded table), then NBP, then pegs."""
    return CombinedTable.around(ecb)
