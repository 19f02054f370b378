"""The checks: each module is one pure function `check(docs, *, table=None) -> list[Finding]`
over the figures of one run (a sequence of `DocFigures`: document text, date and figures).
Checks that compare documents (same_fact, currency_confusion, rate_vs_capacity, difference)
see every document of the run; the others work per document.

`run_checks(docs, table=..., only=...)` runs them all (or the named ones) in `CHECKS` order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from figures.checks import (
    ambiguous_currency,
    ambiguous_number,
    ambiguous_unit,
    conversion,
    currency_confusion,
    difference,
    no_rate,
    percent_change,
    rate_vs_capacity,
    same_fact,
    sums,
)
from figures.checks._common import DocFigures, make_docs
from figures.errors import FiguresError
from figures.model import Finding

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

CHECKS = {
    "conversion": conversion.check,
    "same_fact": same_fact.check,
    "difference": difference.check,
    "sum": sums.check,
    "percent_change": percent_change.check,
    "currency_confusion": currency_confusion.check,
    "ambiguous_currency": ambiguous_currency.check,
    "ambiguous_number": ambiguous_number.check,
    "ambiguous_unit": ambiguous_unit.check,
    "no_rate": no_rate.check,
    "rate_vs_capacity": rate_vs_capacity.check,
}
CHECK_NAMES = tuple(CHECKS)

__all__ = ["CHECKS", "CHECK_NAMES", "DocFigures", "make_docs", "run_checks"]


def run_checks(docs: Sequence[DocFigures], *, table: RateProvider | None = None,
               only: Iterable[str] | None = None) -> list[Finding]:
    names = CHECK_NAMES if only is None else tuple(only)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise FiguresError(f"unknown check(s): {', '.join(unknown)}; known: {', '.join(CHECK_NAMES)}")
    out: list[Finding] = []
    for n in names:
        out.extend(CHECKS[n](docs, table=table))
    return out
