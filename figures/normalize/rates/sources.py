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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

from figures.errors import NoRate, UnknownCurrency
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
    group_rows,
)

if TYPE_CHECKING:
    import numpy as np

PEGS_FILE = "pegs.json"
_BY_DAY = object()  # an answer that depends on the requested day, not only on the fixings
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
        b, q, d = check_code(base), check_code(quote), as_date(date)
        if b == q:
            return Rate(b, q, Decimal(1), d, d, "identity")
        root, inner = self.root, self.series_by_code  # _inner_has, inlined: every look-up passes
        both = (b == root or b in inner) and (q == root or q in inner)
        if both:
            try:
                hit = self._try_cross(b, q, d.toordinal())
            except NoRate:  # a user table's bridge that does not reach the root
                hit = None
            if hit is not None:
                return Rate(b, q, hit[0], d, Date.fromordinal(hit[1]), hit[2])
        try:
            return self._fallback(b, q, d)
        except NoRate as exc:
            if not both:
                raise
            try:  # the ECB table's own reason first, then NBP's
                RateTable.rate(self, b, q, d)
            except NoRate as first:
                raise NoRate(f"{first}; and from {nbp.SOURCE}: {exc}") from None
            raise  # not reached: _try_cross and RateTable.rate agree

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
        code, other = self._mixed_sides(b, q)
        leg = self.nbp_data.rate(code, EUR, d.toordinal())  # EUR per 1 code, NBP's EUR/PLN that day
        return self._mixed_from(b, q, d, leg, other)

    def _mixed_sides(self, b: str, q: str) -> tuple[str, str]:
        """(the NBP-only code, the ECB/user code) of a pair priced through EUR, or NoRate."""
        if self.nbp_data.has(b) and self._inner_has(q):
            return b, q
        if self.nbp_data.has(q) and self._inner_has(b):
            return q, b
        missing = b if not (self.nbp_data.has(b) or self._inner_has(b)) else q
        raise NoRate(self._not_in_table(missing, (b, q)))

    def _mixed_from(self, b: str, q: str, d: Date, leg: nbp.NbpRate, other: str) -> Rate:
        """The rate through EUR from the NBP leg (EUR per 1 unit of the NBP-only code)."""
        eur_day = Date.fromordinal(leg.rate_day)
        try:  # the ECB leg as of the NBP date, so both legs describe one day where possible
            ecb = RateTable.rate(self, EUR, other, eur_day)
        except NoRate:
            ecb = RateTable.rate(self, EUR, other, d)
        if other == q:
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
        return self.rates_for_days(bases, quote, day_ordinals(dates), notes=notes)

    def rates_for_days(self, bases: str | Sequence[str], quote: str | Sequence[str],
                       ords: np.ndarray, *, notes: bool = True) -> RateColumns:
        """`RateTable.rates_for_days` for the rows the ECB table prices; the others by NBP and
        the pegs, vectorized like the ECB path. Adds per-row `sources`. Every row gets exactly
        what `rate` gives: value, table date and source (tests/test_rates_vector.py)."""
        import numpy as np

        n = len(ords)
        values = np.full(n, None, dtype=object)
        rate_days = np.full(n, -1, dtype=np.int64)
        why: list[str | None] = [None] * n
        if n == 0:
            return RateColumns([], rate_days, why, [])
        groups = group_rows(bases, quote, n)
        located: dict[Any, np.ndarray] = {}
        inner = "+".join(RateTable.source_names.fget(self))  # type: ignore[attr-defined]
        sources = np.empty(n, dtype=object)
        sources[:] = inner  # rows without a rate get None at the end (np.full is slower)
        for k, (b_raw, q_raw) in enumerate(groups.pairs):
            rows = groups.rows(k)
            RateTable._fill_pair(self, b_raw, q_raw, rows, ords, located, values, rate_days, why,
                                 False)
            try:
                b, q = check_code(b_raw), check_code(q_raw)
            except UnknownCurrency:
                b = q = None
            got = rate_days[rows] > 0
            if b == q and b is not None:
                sources[rows] = "identity"
            elif b is not None and not got.all():
                lack = rows[~got & (ords[rows] > 0)]
                if len(lack):
                    self._fill_missing(b, q, lack, ords, values, rate_days, sources)
            if notes:
                memo: dict[int, str] = {}
                empty = rows[rate_days[rows] < 0]
                for r, o in zip(empty.tolist(), ords[empty].tolist(), strict=True):
                    msg = memo.get(o)
                    if msg is None:
                        msg = memo[o] = self._reason(b_raw, q_raw, o)
                    why[r] = msg
        sources[rate_days < 0] = None
        return RateColumns(values.tolist(), rate_days, why, sources.tolist())

    def _fill_missing(self, b: str, q: str, rows: np.ndarray, ords: np.ndarray,
                      values: np.ndarray, rate_days: np.ndarray, sources: np.ndarray) -> None:
        """Price, in place, rows of one pair that the ECB table left empty."""
        got = self._fallback_columns(b, q, ords[rows])
        if got is None:
            return
        ok, answers, which = got
        sel = rows[ok]
        import numpy as np

        real = [a if isinstance(a, tuple) else (None, -1, None) for a in answers]
        values[sel] = _objects([a[0] for a in real])[which]
        rate_days[sel] = np.fromiter((a[1] for a in real), dtype=np.int64, count=len(real))[which]
        sources[sel] = _objects([a[2] for a in real])[which]

    def _fallback_columns(self, b: str, q: str, o: np.ndarray
                          ) -> tuple[np.ndarray, list[Any], np.ndarray] | None:
        """`_fallback` for many day ordinals of one pair: (has a rate, the distinct answers as
        (value, table day ordinal, source), which answer each row with a rate gets)."""
        import numpy as np

        data = self.nbp_data
        if any(c in pegs() and not self._inner_has(c) and not data.has(c) for c in (b, q)):
            # Pegs are rare: the scalar path, once per distinct day.
            days, inverse = np.unique(o, return_inverse=True)
            found = [self._answer(lambda d: self._fallback(b, q, d), day) for day in days.tolist()]
            ok_day = np.fromiter((f is not None for f in found), dtype=bool, count=len(found))
            keep = ok_day[inverse]
            return keep, found, inverse[keep]
        if data.has(b) and data.has(q):
            code, other, quote = b, q, q
        else:
            try:
                code, other = self._mixed_sides(b, q)
            except NoRate:
                return None
            quote = EUR
        ok, ib, iq = data.pair_indexes(code, quote, o)
        width = len(data.series[quote].days) + 1 if quote != nbp.PLN else 1
        sel = np.flatnonzero(ok)
        combos, inverse = np.unique((ib[sel] + 1) * width + iq[sel] + 1, return_inverse=True)
        # The crossed table of this pair, kept across calls: per pair of fixings its answer,
        # or None where the answer also depends on the requested day (see `_combo`).
        memo = self._memo.setdefault(("nbp-cross", b, q), {})
        answers: list[tuple[Decimal, int, str] | None] = []
        of_combo = np.empty(len(combos), dtype=np.int64)
        for k, c in enumerate(combos.tolist()):
            if c not in memo:
                memo[c] = self._combo(b, q, code, other, quote, c // width - 1, c % width - 1)
            of_combo[k] = len(answers)
            answers.append(memo[c])
        which = of_combo[inverse]
        if other != quote:  # through EUR: where the ECB leg fails on the NBP date, the day counts
            day_memo = self._memo.setdefault(("nbp-cross-day", b, q), {})
            for m in np.flatnonzero(np.fromiter((answers[w] is _BY_DAY for w in which.tolist()),
                                                dtype=bool, count=len(which))).tolist():
                c, day = int(combos[inverse[m]]), int(o[sel[m]])
                if (c, day) not in day_memo:
                    leg = data.rate_of_legs(code, quote, c // width - 1, c % width - 1)
                    day_memo[c, day] = self._answer(
                        lambda d, leg=leg: self._mixed_from(b, q, d, leg, other), day)
                which[m] = len(answers)
                answers.append(day_memo[c, day])
        good = np.fromiter((a is not None for a in answers), dtype=bool, count=len(answers))
        keep = good[which]
        ok[sel[~keep]] = False
        return ok, answers, which[keep]

    def _combo(self, b: str, q: str, code: str, other: str, quote: str, ib: int, iq: int
               ) -> tuple[Decimal, int, str] | object | None:
        """The answer for one pair of NBP fixings: NBP alone (quote is the other code), or
        through EUR (quote is EUR) when the ECB prices `other` on the NBP date; else _BY_DAY."""
        leg = self.nbp_data.rate_of_legs(code, quote, ib, iq)
        if quote == other:
            return (leg.value, leg.rate_day, leg.source)
        try:
            RateTable.rate(self, EUR, other, Date.fromordinal(leg.rate_day))
        except NoRate:
            return _BY_DAY
        return self._answer(lambda d: self._mixed_from(b, q, d, leg, other), leg.rate_day)

    def _answer(self, fn: Callable[[Date], Rate], o: int) -> tuple[Decimal, int, str] | None:
        try:
            r = fn(Date.fromordinal(o))
        except NoRate:
            return None
        return (r.value, r.rate_date.toordinal(), r.source)

    def _reason(self, b: Any, q: Any, o: int) -> str:
        """Why a row has no rate: its codes, its date, or what `rate` says."""
        if not (isinstance(b, str) and isinstance(q, str)):
            return "no currency: a rate needs the currency of the figure"
        try:
            bc, qc = check_code(b), check_code(q)
        except UnknownCurrency as exc:
            return str(exc)
        if o <= 0:
            return "no date: a rate needs the date of the figure"
        try:
            self.rate(bc, qc, Date.fromordinal(o))
        except NoRate as exc:
            return str(exc)
        return "no rate"  # not reached: the vector and scalar rules agree


def _objects(items: list[Any]) -> np.ndarray:
    """A 1-d object array of `items` (tuples stay elements; numpy would make a 2-d array)."""
    import numpy as np

    out = np.empty(len(items), dtype=object)
    for k, item in enumerate(items):
        out[k] = item
    return out


def _week():
    from datetime import timedelta

    return timedelta(days=7)




def combined(ecb: RateTable) -> CombinedTable:
    """The hook for `RateTable.default()`: `ecb` (the embedded table), then NBP, then pegs."""
    return CombinedTable.around(ecb)
