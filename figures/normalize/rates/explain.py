"""Why a date has no rate, and what each series covers: the NoRate sentences and `coverage`
of a RateTable, as a mixin. Only a failed look-up builds a sentence."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date as Date
from decimal import Decimal

from figures.errors import NoRate
from figures.normalize.currencies import currency_name
from figures.normalize.rates.store import ECB_SOURCE, ONE, RATE_CONTEXT, Coverage, Series, Source


class Explanations:
    """The messages and the coverage of a RateTable."""

    def _explain_cross(self, b: str, q: str, o: int, d: Date) -> tuple[Decimal, int, str]:
        """`_cross` leg by leg, raising the NoRate of the first leg without a rate."""
        bhops, qhops = self._hops(b, q)
        num, den = ONE, ONE
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

    def _hop(self, s: Series, o: int, d: Date, b: str, q: str) -> tuple[Decimal, int]:
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

    def _coverage_sentence(self, s: Series) -> str:
        cov = self._coverage_of(s)
        return f"{s.currency} coverage in {s.source.name}: {cov.describe()}"

    def _gap_sentence(self, s: Series, j: int, day: int) -> str:
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

    def coverage(self) -> tuple[Coverage, ...]:
        """Per currency: first and last day, holes, and whether it ends before its table."""
        hit = self._memo.get("coverage")
        if hit is None:
            hit = tuple(self._coverage_of(self.series_by_code[c]) for c in sorted(self.series_by_code))
            self._memo["coverage"] = hit
        return hit

    def _coverage_of(self, s: Series) -> Coverage:
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


def _refresh_hint(src: Source) -> str:
    if src.name == ECB_SOURCE:
        return "run 'figures rates --update' (online) for newer rates, or add a table with --rates FILE"
    return f"extend '{src.origin}' or add a newer table"

