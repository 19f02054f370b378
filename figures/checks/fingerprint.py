"""The rate fingerprint: a conversion pair settles the open currency of one of its sides.

"¥620 billion (US$4.04 billion)" on 2025-06-03 implies 153.5 yen or 153.5 yuan per dollar; the
reference rates that day are 143.9 JPY and 7.19 CNY per USD, so only the yen reproduces the
printed ratio within the conversion check's tolerance (figures.checks.conversion). When exactly
one candidate fits, the open side takes it (`currency_basis` "rate fingerprint: ...", with the
rates compared), and so do the document's other figures left open with the same candidates and
marker (the same document's "¥3,150 per share"). When none or several fit, the figures stay
open; the conversion check then reports each candidate's error.

It runs after extraction, only for documents with a date and an open figure in a pair.
"""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING

from figures.checks._common import CONSISTENT, DocFigures, fmt_num
from figures.checks.conversion import candidate_verdicts, pairs
from figures.model import Figure, Kind

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider


def settle_by_rate(text: str, figs: list[Figure], date: Date,
                   table: RateProvider | None = None) -> list[Figure]:
    """`figs` with open currencies settled by the conversions beside them (see the module)."""
    if not any(f.kind == Kind.MONEY and f.currency is None and f.currency_candidates for f in figs):
        return figs
    doc = DocFigures(None, text, date, tuple(figs))
    settled: dict[int, tuple[str, str]] = {}  # figure start -> (currency, basis)
    by_marker: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    evidence: dict[tuple[str, tuple[str, ...]], str] = {}
    cache: dict = {}
    for a, b in pairs(doc):
        unknown = a if a.currency is None else b
        if unknown.currency is not None or not unknown.currency_candidates:
            continue
        verdicts = candidate_verdicts(a, b, unknown, date, table, cache)
        fits = [cur for cur, f in verdicts if f.status == CONSISTENT]
        if len(fits) != 1:
            continue
        cur = fits[0]
        basis = "rate fingerprint: " + _compared(a, b, unknown, verdicts)
        settled[unknown.start] = (cur, basis)
        key = (_marker(unknown.text), unknown.currency_candidates)
        by_marker.setdefault(key, set()).add(cur)
        evidence[key] = f"'{unknown.text}' settled as {cur} by the rate fingerprint of its conversion"
    if not settled:
        return figs
    out = []
    for f in figs:
        got = settled.get(f.start) if f.currency is None else None
        if got is not None:
            f = f.replace(currency=got[0], currency_candidates=(), currency_basis=got[1])
        elif f.kind == Kind.MONEY and f.currency is None and f.currency_candidates:
            key = (_marker(f.text), f.currency_candidates)
            found = by_marker.get(key)
            if found is not None and len(found) == 1:
                cur = next(iter(found))
                f = f.replace(currency=cur, currency_candidates=(),
                              currency_basis=f"the document's '{key[0]}': {evidence[key]}")
        out.append(f)
    return out


def _marker(text: str) -> str:
    """The currency sign a figure is written with ('$', '¥', 'Rs'), for grouping a document's
    figures that share one."""
    for ch in text:
        if ch in "$¥￥":
            return ch
    return text.lstrip("~≈ ").split(" ")[0].rstrip("0123456789.,")


def _compared(a: Figure, b: Figure, unknown: Figure, verdicts) -> str:
    parts = []
    for cur, f in verdicts:
        d = f.details
        if "reference_rate" not in d:
            parts.append(f"{cur}: no rate")
            continue
        rel = d["rel_diff"]
        parts.append(f"{cur} {d.get('rate_source')} {d.get('rate_date')}: {fmt_num(d['reference_rate'])} "
                     f"{d['rate_unit']} ({'+' if rel >= 0 else ''}{rel * 100:.1f}%"
                     f"{', fits' if f.status == CONSISTENT else ''})")
    implied = next((f.details.get("implied_rate") for _, f in verdicts if "implied_rate" in f.details), None)
    head = f"'{a.text}' = '{b.text}'"
    if implied is not None:
        head += f" implies {fmt_num(implied)}"
    return head + "; " + "; ".join(parts)
