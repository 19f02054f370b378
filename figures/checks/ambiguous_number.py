"""ambiguous_number: a figure whose digits leave two readings the document does not settle
("€1,250" in an article that prints decimal commas elsewhere: 1.25 or 1,250). Passed on from
extraction: `unverifiable` (warning), with both readings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from figures.checks._common import UNVERIFIABLE, WARNING, DocFigures, finding
from figures.model import Finding, plain_decimal

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "ambiguous_number"


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    out = []
    for doc in docs:
        for f in doc.figures:
            if f.value_candidates:
                readings = " or ".join(plain_decimal(v) for v in f.value_candidates)
                out.append(finding(
                    NAME, UNVERIFIABLE, WARNING, (f,),
                    f"'{f.text}': the number could be {readings}; the document writes decimal "
                    "commas elsewhere, so its separators do not decide (write the number "
                    "with one convention throughout)",
                    candidates=tuple(plain_decimal(v) for v in f.value_candidates)))
    return out
