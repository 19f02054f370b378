"""percent_change: a value with its stated change ("closed at HK$13.52, up 8.51%").

The value and the percentage are paired from the short text between them (", up", ", down",
", a rise of", or "rose 8.51% to HK$13.52"). The change gives the implied previous value:
13.52 / 1.0851 = 12.4597.

* A previous value stated in the same sentence ("from HK$12.46") is verified: the percent
  computed from the two printed values (each within its rounding) must reproduce the printed
  percent within its rounding -> `consistent` (info) or `inconsistent` (warning).
* Otherwise the implied previous value is reported. The choice made here: the finding is
  `consistent` (info) only when the triple is internally consistent in the strict statcheck
  sense, i.e. a previous value on the printed value's own precision grid (HK$0.01 for
  "HK$13.52") reproduces the printed percent within its rounding (12.46 -> 8.507% -> "8.51%");
  prices and counts are quoted on such a grid. When no grid value reproduces it (usually
  because the value itself is rounded: "$1.2 billion, up 5.3%") the finding is `unverifiable`
  (info) and still reports the implied previous value and the nearest grid values: nothing
  contradicts the text, there is just nothing to verify against.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from figures.checks._common import (
    CONSISTENT,
    INCONSISTENT,
    INFO,
    UNVERIFIABLE,
    WARNING,
    DocFigures,
    finding,
    fmt_num,
    q4,
)
from figures.model import Direction, Figure, Finding, Kind
from figures.normalize.interval import pragmatic, precision_of

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "percent_change"
_VERBS = (r"(?:rose|rise|rises|rising|up|gained|gains|gaining|jumped|jumps|climbed|climbs|"
          r"surged|surges|soared|soars|advanced|increased|increases|grew|grows|added|"
          r"down|fell|falls|falling|dropped|drops|lost|loses|declined|declines|slid|slides|"
          r"slipped|slumped|plunged|plunges|tumbled|decreased|decreases|shed|sank|eased)")
_UP = re.compile(r"\b(?:rose|rise|rises|rising|up|gained|gains|gaining|jumped|jumps|climbed|"
                 r"climbs|surged|surges|soared|soars|advanced|increased|increases|grew|grows|"
                 r"added|higher|rise|gain|increase|jump)\b", re.I)
_DOWN = re.compile(r"\b(?:down|fell|falls|falling|dropped|drops|lost|loses|declined|declines|"
                   r"slid|slides|slipped|slumped|plunged|plunges|tumbled|decreased|decreases|"
                   r"shed|sank|eased|lower|drop|fall|decline|decrease|loss)\b", re.I)
# value <gap> percent: "HK$13.52, up 8.51%", "$10, a rise of 5%", "$10 (+5%)"
_AFTER_VALUE = re.compile(
    rf"\s*[,;(]?\s*(?:and\s+|or\s+|which\s+is\s+|was\s+|having\s+)?(?:{_VERBS}(?:\s+by)?|"
    r"an?\s+(?:rise|gain|jump|increase|drop|fall|decline|decrease|loss)\s+of|[+−-])\s*", re.I)
# value <gap> signed percent: "HK$9.00 (-10%)", "HK$9.00, +5%" (the sign is in the percent's span)
_SIGN_GAP = re.compile(r"\s*[,;(]?\s*")
# percent <gap> value: "rose 8.51% to HK$13.52", "up 5% to close at $10"
_BEFORE_VALUE = re.compile(
    r"\s*,?\s*(?:to|at)\s+(?:(?:close|end|finish|settle)\s+(?:at\s+)?)?", re.I)
_FROM = re.compile(r"\bfrom\s*$", re.I)
_VALUE_KINDS = (Kind.MONEY, Kind.COUNT, Kind.QUANTITY)


def _direction(doc: DocFigures, p: Figure, gap: str) -> Direction | None:
    if p.direction is not None:
        return p.direction
    left = doc.text[max(0, p.start - 25):p.start] if not gap else gap
    if p.text.lstrip().startswith(("-", "−")) or re.search(r"[-−]\s*$", left):
        return Direction.DOWN
    if p.text.lstrip().startswith("+") or re.search(r"\+\s*$", left):
        return Direction.UP
    up, down = _UP.search(left), _DOWN.search(left)
    if up and (not down or up.start() > down.start()):
        return Direction.UP
    if down:
        return Direction.DOWN
    return None


def pairs(doc: DocFigures) -> list[tuple[Figure, Figure, Direction]]:
    """(value, percent, direction) triples in one document."""
    out = []
    figs = doc.figures
    text = doc.text
    for i, p in enumerate(figs):
        if p.kind != Kind.PERCENT or p.value is None:
            continue
        v = None
        gap = ""
        if i > 0:
            prev = figs[i - 1]
            g = text[prev.end:p.start]
            if prev.kind in _VALUE_KINDS and prev.value is not None and len(g) <= 40 and \
                    (_AFTER_VALUE.fullmatch(g) or (p.text[:1] in "+-−" and _SIGN_GAP.fullmatch(g))) \
                    and "\n" not in g:
                v, gap = prev, g
        if v is None and i + 1 < len(figs):
            nxt = figs[i + 1]
            g = text[p.end:nxt.start]
            if nxt.kind in _VALUE_KINDS and nxt.value is not None and len(g) <= 30 and \
                    _BEFORE_VALUE.fullmatch(g):
                v = nxt
                gap = text[max(0, p.start - 25):p.start]
        if v is None:
            continue
        d = _direction(doc, p, gap)
        if d is None:
            continue
        out.append((v, p, d))
    return out


def _stated_previous(doc: DocFigures, v: Figure, p: Figure) -> Figure | None:
    s, e = doc.sentence(v.start)
    for f in doc.figures_between(s, e):
        if f is v or f is p or f.kind != v.kind or f.value is None:
            continue
        if f.currency != v.currency or (f.unit or None) != (v.unit or None):
            continue
        if _FROM.search(doc.text, max(s, f.start - 12), f.start):
            return f
    return None


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    out = []
    for doc in docs:
        for v, p, d in pairs(doc):
            out.append(check_change(doc, v, p, d))
    return out


def _pct_interval(p: Figure) -> tuple[Decimal, Decimal]:
    lo, hi = pragmatic(p)
    half = precision_of(p) / 2
    return (lo if lo is not None else p.value - half), (hi if hi is not None else p.value + half)


def check_change(doc: DocFigures, v: Figure, p: Figure, d: Direction) -> Finding:
    sign = 1 if d == Direction.UP else -1
    # A signed percent ("-1.5%", "fell -3.2%") states its direction twice: the direction decides
    # the sign, the magnitude the size.
    mag = p if p.value >= 0 else p.replace(value=-p.value)
    pct = mag.value * sign
    factor = 1 + pct / 100
    unit = v.currency or v.unit or ""
    signed = f"{'+' if sign > 0 else '-'}{fmt_num(mag.value)}%"
    if factor <= 0:
        return finding(NAME, INCONSISTENT, WARNING, (v, p),
                       f"'{p.text}' down from any positive value cannot give '{v.text}'",
                       change=pct)
    implied = v.value / factor
    plo, phi = _pct_interval(mag)
    base = {"value": v.value, "change_percent": pct, "implied_previous": q4(implied),
            "unit": unit or None}
    prev = _stated_previous(doc, v, p)
    if prev is not None and prev.value is not None and prev.value > 0:
        vlo, vhi = pragmatic(v, doc.text)
        flo, fhi = pragmatic(prev, doc.text)
        vlo = v.value if vlo is None else vlo
        vhi = v.value if vhi is None else vhi
        flo = prev.value if flo is None else flo
        fhi = prev.value if fhi is None else fhi
        if flo <= 0:
            flo = prev.value
        lo_pct = (vlo / fhi - 1) * 100
        hi_pct = (vhi / flo - 1) * 100
        spct_lo, spct_hi = (plo, phi) if sign > 0 else (-phi, -plo)
        actual = (v.value / prev.value - 1) * 100
        ok = not (hi_pct < spct_lo or lo_pct > spct_hi)
        msg = (f"'{v.text}' from '{prev.text}': {fmt_num(v.value)} / {fmt_num(prev.value)} - 1 = "
               f"{actual:+.2f}% (range {lo_pct:+.2f}%..{hi_pct:+.2f}% within rounding) vs stated "
               f"{signed}")
        details = {**base, "stated_previous": prev.value, "computed_percent": q4(actual)}
        if ok:
            return finding(NAME, CONSISTENT, INFO, (v, p, prev), msg + ": consistent", **details)
        return finding(NAME, INCONSISTENT, WARNING, (v, p, prev), msg + ": they disagree",
                       **details)
    grid = precision_of(v)
    if v.qualifier is None and grid > 0 and not v.is_range:
        center = (implied / grid).to_integral_value(ROUND_HALF_EVEN) * grid
        cands = [center + k * grid for k in (-2, -1, 0, 1, 2)]
        fits = []
        for c in cands:
            if c <= 0:
                continue
            got = (v.value / c - 1) * 100 * sign
            if plo <= got <= phi:
                fits.append((c, got))
        if fits:
            c, got = min(fits, key=lambda x: abs(x[0] - implied))
            return finding(
                NAME, CONSISTENT, INFO, (v, p),
                f"'{v.text}', {signed}: implied previous value {fmt_num(v.value)} / "
                f"{fmt_num(factor)} = {fmt_num(q4(implied))} -> {fmt_num(c)} on the {fmt_num(grid)} "
                f"grid, which gives {got * sign:+.3f}% -> '{p.text}': internally consistent "
                f"(the actual previous value needs market data)",
                **base, previous_on_grid=c, grid=grid)
        near = ", ".join(f"{fmt_num(c)} -> {(v.value / c - 1) * 100:+.2f}%" for c in cands[1:4]
                         if c > 0)
        return finding(
            NAME, UNVERIFIABLE, INFO, (v, p),
            f"'{v.text}', {signed}: implied previous value {fmt_num(q4(implied))}; no value on "
            f"the {fmt_num(grid)} grid reproduces '{p.text}' ({near}); the printed value is "
            f"probably rounded, nothing to verify against", **base, grid=grid)
    return finding(NAME, UNVERIFIABLE, INFO, (v, p),
                   f"'{v.text}', {signed}: implied previous value about {fmt_num(q4(implied))} "
                   f"(nothing stated to verify against)", **base)
