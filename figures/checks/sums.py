"""sum: parts of one whole stated in one sentence ("half of his time to cars, a quarter to
phones ... and the remaining quarter to other things") must add up to the whole.

Candidates, per sentence:
* fractions (kind ratio, unit fraction: "half", "a quarter", "two thirds"): two or more, and
  either a partition cue ("remaining", "rest", "remainder", "balance", "other") or a sum of
  exactly 1. Word fractions are exact, so no rounding is allowed;
* percentages without a direction (shares, not changes): two or more and a partition cue. Each
  printed percent stands for its rounding interval (33.3% = [33.25, 33.35]), so 33.3 + 33.3 +
  33.3 = 99.9 is consistent.

`consistent` (info) when the whole (1, or 100%) lies in the interval of the sum; otherwise
`inconsistent` (warning): parts above the whole cannot be, parts below it with "the remaining"
leave something out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from figures.checks._common import (
    CONSISTENT,
    INCONSISTENT,
    INFO,
    WARNING,
    DocFigures,
    finding,
    fmt_num,
)
from figures.model import Figure, Finding, Kind
from figures.normalize.interval import precision_of

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "sum"
_CUE = re.compile(r"\b(?:remaining|rest|remainder|balance|other|others|left\s+over)\b", re.I)
_CHANGE = re.compile(r"\b(?:up|down|rose|fell|gained|lost|jumped|dropped|increased|decreased|"
                     r"grew|declined|growth|rise|fall)\s*(?:by\s*)?$", re.I)
_ONE = Decimal(1)
_HUNDRED = Decimal(100)


def _is_fraction(f: Figure) -> bool:
    return f.kind == Kind.RATIO and (f.unit or "").lower() in ("fraction", "fractions") and \
        f.value is not None and 0 < f.value <= 1


def _is_share(doc: DocFigures, f: Figure) -> bool:
    if f.kind != Kind.PERCENT or f.value is None or f.direction is not None:
        return False
    if not 0 < f.value <= 100:
        return False
    return not _CHANGE.search(doc.text, max(0, f.start - 20), f.start)


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    out: list[Finding] = []
    for doc in docs:
        cands = [f for f in doc.figures if _is_fraction(f) or _is_share(doc, f)]
        if len(cands) < 2:
            continue
        groups: dict[int, list[Figure]] = {}
        for f in cands:
            groups.setdefault(doc.sentence_index(f.start), []).append(f)
        for parts in groups.values():
            fr = [f for f in parts if _is_fraction(f)]
            pc = [f for f in parts if f.kind == Kind.PERCENT]
            s, e = doc.sentence(parts[0].start)
            cue = bool(_CUE.search(doc.text, s, e))
            if len(fr) >= 2:
                total = sum((f.value for f in fr), Decimal(0))
                if cue or total == _ONE:
                    out.append(_verdict(fr, total, total, _ONE, cue, "fractions"))
            if len(pc) >= 2 and cue:
                lo = sum((f.value - precision_of(f) / 2 for f in pc), Decimal(0))
                hi = sum((f.value + precision_of(f) / 2 for f in pc), Decimal(0))
                out.append(_verdict(pc, lo, hi, _HUNDRED, cue, "percentages"))
    return out


def _verdict(parts: list[Figure], lo: Decimal, hi: Decimal, whole: Decimal, cue: bool,
             what: str) -> Finding:
    point = sum((f.value for f in parts), Decimal(0))
    terms = " + ".join(fmt_num(f.value) for f in parts)
    rng = "" if lo == hi else f" (range {fmt_num(lo)}..{fmt_num(hi)} within rounding)"
    arith = f"{terms} = {fmt_num(point)}{rng}"
    details = {"parts": tuple(f.value for f in parts), "sum": point, "sum_interval": (lo, hi),
               "whole": whole, "partition_cue": cue}
    if lo <= whole <= hi:
        return finding(NAME, CONSISTENT, INFO, parts,
                       f"the {what} add up to the whole: {arith}", **details)
    if lo > whole:
        msg = f"the {what} add up to more than the whole: {arith} > {fmt_num(whole)}"
    else:
        msg = f"the {what} leave part of the whole unaccounted for: {arith} < {fmt_num(whole)}"
    return finding(NAME, INCONSISTENT, WARNING, parts, msg, **details)
