"""ambiguous_currency: a money figure whose currency the context could not decide ("$" in an
article with no national signal, "¥" between yuan and yen). Passed on from extraction:
`unverifiable` (warning), with the candidates and the extractor's reasoning.

Not for cents ("42 cents a share") in a document whose dollar is settled: when the document's
other money figures name exactly one of the candidate currencies ("US$1.2 billion"), the cents
are that currency's, as a reader takes them (issue 16)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from figures.checks._common import UNVERIFIABLE, WARNING, DocFigures, finding
from figures.model import Finding

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "ambiguous_currency"


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    out = []
    for doc in docs:
        settled = {f.currency for f in doc.figures if f.currency and not f.ambiguous}
        for f in doc.figures:
            if f.ambiguous and _is_cents(f) and len(settled & set(f.currency_candidates)) == 1:
                continue
            if f.ambiguous:
                cands = " or ".join(f.currency_candidates)
                basis = f"; {f.currency_basis}" if f.currency_basis else ""
                out.append(finding(
                    NAME, UNVERIFIABLE, WARNING, (f,),
                    f"'{f.text}': the currency could be {cands}; the context does not decide"
                    f"{basis} (write the currency, e.g. 'US$' or 'RMB')",
                    candidates=tuple(f.currency_candidates), basis=f.currency_basis))
    return out


def _is_cents(f) -> bool:
    t = f.text.lower()
    return "cent" in t or "¢" in t
