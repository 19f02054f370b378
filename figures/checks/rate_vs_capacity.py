"""rate_vs_capacity: a total over a period against a stated rate for the same kind of thing.

"total sales of 900,000 units in those three years" needs 300,000 a year; "a production
capacity of 150,000 vehicles per year" gives half of that: the finding reports the needed rate,
the capacity and their ratio. "Lei Jun's goal in 2024 is to sell 100,000 vehicles" is a total
within one calendar year: two thirds of a year's capacity.

* Capacities: count or quantity figures with a per-period unit (per year, month, week, day,
  quarter; or "annual", "a year" around the figure) whose metric speaks of capacity,
  production or output.
* Totals: count or quantity figures of a compatible unit ("units" fits any counted noun)
  without a per-period unit and without a direction, whose metric speaks of sales, deliveries,
  production, output or a target, and that come with a period: a horizon duration in the same
  sentence ("in those three years", "over the next five years") or a single calendar year
  ("in 2024").
* A total is paired with a capacity in the same document if there is one, else with one in
  another document of the run that names the same company (metric entity, or the documents'
  most frequent name).

Verdict: needed rate <= capacity -> `consistent` (info) with the fraction of capacity used;
needed rate > capacity -> `inconsistent` (warning) with the ratio: the stated plan needs more
than the stated capacity (other plants, later phases or contract manufacturing may explain
it; the message says that only the stated capacity was compared). Figures from different
documents may describe different dates; details carry both documents' dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from figures.checks._common import (
    CONSISTENT,
    GENERIC_UNITS,
    INCONSISTENT,
    INFO,
    WARNING,
    DocFigures,
    finding,
    fmt_num,
    horizon,
    norm_unit,
    per_years,
    round_places,
    units_compatible,
    years_of,
)
from figures.checks.currency_confusion import company_name, main_name
from figures.model import Figure, Finding, Kind

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "rate_vs_capacity"
CAPACITY_TERMS = frozenset({"capacity", "produc", "throughput", "assembl", "plant", "factory"})
TOTAL_TERMS = frozenset({"sale", "deliver", "produc", "ship", "shipment", "target", "plan",
                         "output", "volum", "unit"})
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
_KINDS = (Kind.COUNT, Kind.QUANTITY)


_ANNUAL_LEFT = re.compile(r"\b(?:annual|annualized|annualised|yearly)\b[^.;\d]{0,40}$", re.I)
_ANNUAL_RIGHT = re.compile(r"\s*(?:(?:a|per|each|every)\s+year\b|annually\b|per\s+annum\b)", re.I)


def _per_year(doc: DocFigures, f: Figure) -> Decimal | None:
    """The period of a rate in years: from `per`, or "annual ... capacity of 1.9 million
    vehicles" / "1.9 million vehicles a year" when the extractor left `per` empty."""
    y = per_years(f.per)
    if y is not None:
        return y
    if f.per:
        return None
    left = doc.text[max(0, f.start - 60):f.start]
    low = left.lower()
    if ("annual" in low or "yearly" in low) and _ANNUAL_LEFT.search(left):
        return Decimal(1)
    if _ANNUAL_RIGHT.match(doc.text, f.end, f.end + 20):
        return Decimal(1)
    return None


def _capacities(doc: DocFigures) -> list[tuple[Figure, Decimal]]:
    out = []
    for f in doc.figures:
        if f.kind in _KINDS and f.point is not None:
            y = _per_year(doc, f)
            if y and doc.metric(f).near(CAPACITY_TERMS, within=6):
                out.append((f, y))
    return out


def _period(doc: DocFigures, f: Figure) -> tuple[Decimal, Figure | None, str] | None:
    h = horizon(doc, f)
    if h is not None:
        y = years_of(h)
        if y is not None and y > 0:
            return y, h, f"'{h.text}'"
    if not _YEAR.search(doc.text, max(0, f.start - 200), f.end + 200):
        return None  # cheap pre-filter before finding the sentence
    s, e = doc.sentence(f.start)
    years = set(_YEAR.findall(doc.text, s, e))
    if len(years) == 1:
        return Decimal(1), None, f"the year {years.pop()}"
    return None


def _totals(doc: DocFigures, units: frozenset[str | None]) -> list[tuple[Figure, Decimal, Figure | None, str]]:
    # units_compatible(f.unit, u) for some u, with the capacities' side normalized once
    normed = frozenset(norm_unit(u) for u in units)
    any_unit = not normed.isdisjoint(GENERIC_UNITS)
    out = []
    for f in doc.figures:
        if f.kind not in _KINDS or f.per or f.direction is not None or f.value is None:
            continue
        if f.value <= 0:
            continue
        if not any_unit and (u := norm_unit(f.unit)) not in normed and u not in GENERIC_UNITS:
            continue
        if _per_year(doc, f) is not None:
            continue
        p = _period(doc, f)
        if p is not None and doc.metric(f).near(TOTAL_TERMS, within=5):
            out.append((f, *p))
    return out


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    by_doc: dict[int, list[Figure]] = {}
    period: dict[tuple[int, int], Decimal] = {}
    for di, d in enumerate(docs):
        for c, y in _capacities(d):
            period[(di, c.start)] = y
            by_doc.setdefault(di, []).append(c)
    if not by_doc:
        return []
    by_name: dict[str, list[tuple[int, Figure]]] | None = None  # read when a total needs it
    units = frozenset(norm_unit(c.unit) for cs in by_doc.values() for c in cs)
    out: list[Finding] = []
    for di, doc in enumerate(docs):
        for total, years, h, period_txt in _totals(doc, units):
            match = None
            for c in by_doc.get(di, ()):
                if units_compatible(total.unit, c.unit) and c.start != total.start:
                    match = (di, c)
                    break
            if match is None and by_name is None:
                by_name = _by_name(docs, by_doc)
            if match is None and by_name:
                who = company_name(doc, total)
                for dj, c in by_name.get(who, ()) if who else ():
                    if dj != di and units_compatible(total.unit, c.unit):
                        match = (dj, c)
                        break
            if match is not None:
                dj, c = match
                out.append(_verdict(docs, di, total, years, h, period_txt, dj, c,
                                    period[(dj, c.start)]))
    return out


def _by_name(docs: Sequence[DocFigures], by_doc: dict[int, list[Figure]]) -> dict[str, list[tuple[int, Figure]]]:
    """The capacities of the run by company name (the figure's own, and its document's main
    name), in run order."""
    by_name: dict[str, list[tuple[int, Figure]]] = {}
    for di, cs in by_doc.items():
        d = docs[di]
        for c in cs:
            for name in {company_name(d, c), main_name(d)} - {None}:
                by_name.setdefault(name, []).append((di, c))
    return by_name


def _verdict(docs, di, total, years, h, period_txt, dj, cap, cap_years) -> Finding:
    cap_rate = cap.point / cap_years  # per year
    needed = total.value / years
    ratio = needed / cap_rate
    unit = norm_unit(cap.unit) or "unit"
    figs = [total, *([h] if h is not None else []), cap]
    details = {"total": total.value, "period_years": years, "needed_per_year": round_places(needed, 2),
               "capacity_per_year": round_places(cap_rate, 2), "ratio": round_places(ratio, 4),
               "total_date": docs[di].date, "capacity_date": docs[dj].date,
               "same_document": di == dj}
    arith = (f"'{total.text}' over {period_txt} needs {fmt_num(round_places(needed, 0))} {unit}s a year; "
             f"'{cap.text}' gives {fmt_num(round_places(cap_rate, 0))} a year")
    if ratio <= 1:
        return finding(NAME, CONSISTENT, INFO, figs,
                       f"{arith}: {ratio * 100:.0f}% of capacity", **details)
    return finding(NAME, INCONSISTENT, WARNING, figs,
                   f"{arith}: {fmt_num(round_places(ratio, 2))}x the stated capacity (only the stated "
                   f"capacity was compared: other plants or later phases may add to it)",
                   **details)
