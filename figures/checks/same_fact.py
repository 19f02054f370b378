"""same_fact: one metric stated twice, in one document or across the documents of one run.

"a research and development team of more than 2,300 people" (doc A) and "the R&D team ... was
about 2,300 people" (doc B) state the same fact; their printed intervals (see
`_common.bounds`, pragmatic reading: "more than 2,300" = (2300, 2400]) overlap, so the pair is
`consistent`. The same metric with values that cannot both hold is `inconsistent`.

How a pair is found (linear, never all pairs):
* candidates are grouped by (kind, currency or unit, per, direction) and a log value bucket
  (ratio 1.2 per bucket); a figure is compared only with figures in its own and the two
  neighbouring buckets, and with at most `MAX_PEERS` of them;
* the metric (figures.metric) of both figures must agree: same measure word when both have
  one, and a weighted term overlap of at least `MIN_SIM` (across documents) or `MIN_SIM_SAME_DOC`
  (inside one document: a writer who restates a fact usually repeats the number, so different
  numbers in one article need stronger evidence that they are one fact);
* different explicit periods (years, or the extractor's date_context) mean different facts;
* exact copies (the same figure with the same 100 characters either side: a syndicated
  article, a repeated sidebar) are not compared: a copy is not a second statement of the fact;
* a total spread over a horizon ("$10 billion over the next 10 years") must have the same
  horizon on both sides; a matching horizon strengthens the match and joins the mentions.

Verdicts:
* `consistent` (info): the intervals overlap;
* `inconsistent` (warning): the intervals are disjoint, the values differ by at most 20%, the
  metrics agree strongly (`MIN_SIM_INCONSISTENT`), and both figures are known to refer to the
  same period (same document, or the same explicit year). Two documents printing 453 and
  "over 500" for one team without dates are more likely a time series than a contradiction,
  so that is not reported.
Each figure is reported with its best partner only, so a corpus that repeats a fact a thousand
times gives at most one finding per figure.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from decimal import Decimal

from figures.checks._common import (
    CONSISTENT,
    INCONSISTENT,
    INFO,
    WARNING,
    DocFigures,
    bounds,
    finding,
    fmt_num,
    horizon,
    norm_unit,
    overlaps,
    period_of,
    years_of,
)
from figures.extract.context_words import idf_table, label
from figures.model import Figure, Finding, Kind
from figures.quantities import si_view

NAME = "same_fact"
MIN_SIM = 0.15
MIN_SIM_SAME_DOC = 0.35
MIN_SIM_INCONSISTENT = 0.4
HORIZON_BONUS = 0.25
MAX_PEERS = 40
MAX_REL_GAP = Decimal("0.2")
_LOG_STEP = Decimal("1.2").log10()
_COPY_REACH = 100  # a figure with the same 100 characters either side is a copy
_KINDS = (Kind.MONEY, Kind.COUNT, Kind.QUANTITY, Kind.DURATION, Kind.PERCENT)


def _group(fig: Figure) -> tuple | None:
    if fig.kind not in _KINDS:
        return None
    if fig.kind == Kind.MONEY:
        if not fig.currency:
            return None
        what = fig.currency
    else:
        what = norm_unit(fig.unit) or ""
        if what in ("unit", "piece", "item"):
            what = ""
    return (fig.kind, what, norm_unit(fig.per), fig.direction)


# Bucket k holds the values in [1.2**k, 1.2**(k+1)). The bounds are Decimal powers, computed
# once, and a value finds its bucket by bisection: Decimal.log10 gave the same buckets at 18 us
# a value, most of the check's time. Beyond the table (below 1e-31, above 1e31) log10 decides.
_K_MIN = -400
_BOUNDS = [Decimal("1.2") ** k for k in range(_K_MIN, -_K_MIN + 1)]


def _bucket(fig: Figure) -> int | None:
    v = fig.point
    if v is None or v <= 0:
        return None
    i = bisect.bisect_right(_BOUNDS, v)
    if 0 < i < len(_BOUNDS):
        return _K_MIN + i - 1
    # log10 in Decimal (exact for any magnitude; no float anywhere near an amount)
    return math.floor(v.log10() / _LOG_STEP)


class _Cand:
    """One candidate figure with everything a comparison needs, computed once."""

    __slots__ = ("b", "di", "f", "g", "h", "iv", "m", "norm", "period", "sent", "w")

    def __init__(self, di: int, f: Figure, g: tuple, b: int, sent: int):
        self.di, self.f, self.g, self.b, self.sent = di, f, g, b, sent


def check(docs: Sequence[DocFigures], *, table=None) -> list[Finding]:
    # Pass 1: bucket every candidate (cheap). Exact copies (the same figure in the same
    # sentence text, e.g. a syndicated article or a repeated sidebar) are skipped: a copy is
    # not a second statement of the fact.
    cells: dict[tuple, list[_Cand]] = {}
    cands: list[_Cand] = []
    copies: set[tuple] = set()
    for di, doc in enumerate(docs):
        horizons: set[int] = set()
        for f in doc.figures:
            if f.kind in (Kind.MONEY, Kind.COUNT, Kind.QUANTITY):
                h = horizon(doc, f)
                if h is not None:
                    horizons.add(h.start)
        for f in doc.figures:
            if f.kind == Kind.DURATION and f.start in horizons:
                continue  # compared as part of its total
            if f.normalized_unit is not None:
                f = si_view(f)  # '500 miles' and '800 km' compare in metres
            g = _group(f)
            b = _bucket(f)
            if g is None or b is None or f.ambiguous:
                continue
            lo = max(0, f.start - _COPY_REACH)
            sig = (g, f.start - lo, doc.text[lo:f.end + _COPY_REACH])
            if sig in copies:
                continue
            copies.add(sig)
            c = _Cand(di, f, g, b, -1)
            cands.append(c)
            cells.setdefault((g, b), []).append(c)
    del copies

    # Pass 2: metrics only for figures that have a peer in reach; idf over those.
    def peers_exist(c: _Cand) -> bool:
        return sum(len(cells.get((c.g, bb), ())) for bb in (c.b - 1, c.b, c.b + 1)) > 1

    active = [c for c in cands if peers_exist(c)]
    if not active:
        return []
    for c in active:
        doc = docs[c.di]
        c.sent = doc.sentence_index(c.f.start)
        c.m = doc.metric(c.f)
        c.period = period_of(doc, c.f)
        c.h = horizon(doc, c.f)
        c.iv = bounds(c.f, text=doc.text)
    idf = idf_table(c.m for c in active)
    for c in active:
        c.w = {t: w * idf.get(t, 1.0) for t, w in c.m.terms.items()}
        c.norm = sum(c.w.values())
    seen_cells: dict[tuple, list[_Cand]] = {}
    out: list[Finding] = []
    for c in active:
        best = None
        for bb in (c.b - 1, c.b, c.b + 1):
            for prev in seen_cells.get((c.g, bb), ())[-MAX_PEERS:]:
                r = _compare(prev, c)
                if r is not None and (best is None or r[0] > best[0]):
                    best = r
        seen_cells.setdefault((c.g, c.b), []).append(c)
        if best is not None:
            out.append(_finding(docs, c.di, c.f, best))
    return out


def _sim(a: _Cand, b: _Cand) -> float:
    wa, wb = (a.w, b.w) if len(a.w) <= len(b.w) else (b.w, a.w)
    common = 0.0
    for t, w in wa.items():
        v = wb.get(t)
        if v is not None:
            common += w if w < v else v
    total = a.norm + b.norm
    return 2 * common / total if total else 0.0


def _compare(ca: _Cand, cb: _Cand):
    """ca comes first in the run."""
    a, b = ca.f, cb.f
    same_doc = ca.di == cb.di
    if same_doc and ca.sent == cb.sent:
        return None
    ma, mb = ca.m, cb.m
    if ma.measure and mb.measure and ma.measure != mb.measure:
        return None
    pa, pb = ca.period, cb.period
    if pa and pb and not (pa & pb):
        return None
    ha, hb = ca.h, cb.h
    bonus = 0.0
    if ha is not None and hb is not None:
        if years_of(ha) is None or years_of(hb) is None or not overlaps(bounds(ha), bounds(hb)):
            return None
        bonus = HORIZON_BONUS
    elif (ha is None) != (hb is None) and a.kind == Kind.MONEY:
        bonus = -0.05
    ia, ib = ca.iv, cb.iv
    compatible = overlaps(ia, ib)
    if compatible:
        identical = (a.value, a.low, a.high, a.qualifier) == (b.value, b.low, b.high, b.qualifier)
        need = MIN_SIM_SAME_DOC if same_doc and not identical else MIN_SIM
        sim = _sim(ca, cb) + bonus
        if sim < need:
            return None
        return (sim, ca.di, a, ha, hb, ia, ib, CONSISTENT, ma, mb)
    # Incompatible: only a contradiction when the evidence is strong and the period the same.
    if not same_doc and not (pa and pb and pa == pb):
        return None
    va, vb = a.point, b.point
    if va is None or vb is None or max(va, vb) == 0:
        return None
    if abs(va - vb) / max(va, vb) > MAX_REL_GAP:
        return None
    sim = _sim(ca, cb) + bonus
    if sim < MIN_SIM_INCONSISTENT:
        return None
    return (sim, ca.di, a, ha, hb, ia, ib, INCONSISTENT, ma, mb)


def _iv(iv) -> str:
    lo, hi = iv
    return f"[{fmt_num(lo) if lo is not None else '-inf'}, {fmt_num(hi) if hi is not None else '+inf'}]"


def _finding(docs, di, f, best) -> Finding:
    sim, dj, a, ha, hb, ia, ib, status, ma, mb = best
    figs = [a, *( [ha] if ha else [] ), f, *( [hb] if hb else [] )]
    what = label(ma, mb)
    where = "in one document" if di == dj else "across documents"
    if status == CONSISTENT:
        msg = (f"same fact ({what}) stated twice {where}: '{a.text}' and '{f.text}' agree "
               f"({_iv(ia)} overlaps {_iv(ib)})")
        sev = INFO
    else:
        msg = (f"same metric ({what}) with incompatible values {where}: '{a.text}' "
               f"{_iv(ia)} vs '{f.text}' {_iv(ib)}")
        sev = WARNING
    details = {
        "metric": what,
        "similarity": round(Decimal(sim), 3),
        "evidence_a": ma.evidence,
        "evidence_b": mb.evidence,
        "interval_a": ia,
        "interval_b": ib,
        "shared_terms": tuple(sorted(set(ma.key) & set(mb.key))),
    }
    if ha is not None and hb is not None:
        details["horizon"] = (ha.text, hb.text)
    return finding(NAME, status, sev, figs, msg, **details)


# Public names for figures.dask, which shuffles figures by the same rule this check compares by.
group_key = _group
value_bucket = _bucket
