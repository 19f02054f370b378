"""no_rate: a money figure that normalization could not price (a currency the rate table lacks,
a hole in its series such as RUB after 2022-03-01, a date past the table's end). Passed on
from normalization: `unverifiable` (warning) with the rate table's reason. Figures that were
never normalized (no target currency) and ambiguous currencies (see ambiguous_currency) are
not reported here; neither are undated documents (they are told once per conversion), nor
documents dated after the rate table's last day: the command line says that once per run
(figures.rates_user.after_table_note) instead of once per figure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from figures.checks._common import UNVERIFIABLE, WARNING, DocFigures, finding
from figures.model import Finding, Kind

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "no_rate"


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    from figures.normalize.rates.table import RateTable

    last_day = (table or RateTable.default()).last_day
    out = []
    for doc in docs:
        if doc.date is not None and doc.date > last_day:
            continue
        for f in doc.figures:
            if f.kind != Kind.MONEY or f.to_currency is None or f.ambiguous:
                continue
            if f.normalized_value is not None or f.normalized_low is not None:
                continue
            if f.currency is None or (f.date is None and doc.date is None):
                continue
            if f.date is not None and f.date > last_day:
                continue
            note = f.rate_note or f"no {f.currency}/{f.to_currency} rate"
            out.append(finding(
                NAME, UNVERIFIABLE, WARNING, (f,),
                f"'{f.text}' cannot be converted to {f.to_currency}: {note}",
                currency=f.currency, to_currency=f.to_currency, date=f.date or doc.date,
                rate_note=f.rate_note))
    return out
