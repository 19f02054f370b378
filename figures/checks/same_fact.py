"""same_fact: one claim stated twice, in one run, with values that agree or not.

Figures are grouped by claim (figures.checks.claims: subject, measure, object, period) and by
kind/unit: money by the currency the runner normalized it to (else its own currency),
quantities by unit, counts and percentages by kind. Only figures of one group are compared, with
at most `MAX_PEERS` earlier figures of that group: linear, never all pairs. Different subjects,
measures, objects or periods are different claims and are never compared; a figure without a
named subject is compared with nothing.

The agreement rule (statcheck's treatment of rounding, applied to two printings of one value):
* both values are normalized first (scale words by the extractor, money to one currency at the
  rate of each document's date by the runner, quantities to SI by figures.quantities);
* P is the coarser figure's precision (the place value of its last written digit, converted);
* two plain figures agree when the gap is *strictly* less than P/2, i.e. the finer value rounds
  to the coarser one ("€2.47 billion" ~ "€2.5 billion": gap 0.03 < 0.05). "€2.5 billion" vs "€3
  billion" is a gap of 0.5 = P/2: a writer holding 2.5 would not print 3, so they differ (20%);
* qualifiers widen in the stated direction (figures.normalize.interval.pragmatic): "more than 8,000"
  is (8000, 9000] and agrees with "around 8,300"; "up to 20 million" agrees with "20 million";
* money converted from two currencies gets `RATE_ALLOWANCE` (0.5% of the value) on top:
  the ECB reference rate against a newsroom's house rate differs by up to about 0.5%.

Severity of a disagreement: `error` when the gap beyond tolerance exceeds `ERROR_REL` = 2% of
the value (the most a deal-date rate and a publication-date rate differ, measured on the ECB
tables: a larger gap is not explained by which day's rate an outlet used), `warning` below.
A headline repeating its body (same document, same value) is a restatement, not a second fact:
no finding. Exact copies (syndicated text) are not compared either.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from figures.checks._common import (
    CONSISTENT,
    ERROR,
    INCONSISTENT,
    INFO,
    WARNING,
    DocFigures,
    finding,
    fmt_num,
    is_horizon,
    norm_unit,
    overlaps,
)
from figures.checks.claims import Claim, claims_of, compatible
from figures.model import Figure, Finding, Kind
from figures.normalize.interval import pragmatic, precision_of
from figures.quantities import si_view

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "same_fact"
MAX_PEERS = 24
MAX_DISAGREE = 2  # per figure: one agreeing partner, at most two disagreeing values
RATE_ALLOWANCE = Decimal("0.005")
ERROR_REL = Decimal("0.02")
_LOG_STEP = Decimal("1.2").log10()
_COPY_REACH = 100
_KINDS = (Kind.MONEY, Kind.COUNT, Kind.QUANTITY, Kind.PERCENT, Kind.DURATION)


def _group(fig: Figure) -> tuple | None:
    """Kind and unit: what two figures must share before their values mean the same thing."""
    if fig.kind not in _KINDS:
        return None
    if fig.kind == Kind.MONEY:
        what = fig.to_currency if fig.normalized_value is not None else fig.currency
        if not what:
            return None
    elif fig.kind in (Kind.QUANTITY, Kind.DURATION):
        what = _si_unit(fig) or norm_unit(fig.unit) or ""
    else:
        what = ""  # counted nouns differ in wording ("jobs", "positions"); the measure decides
    # a direction ("up 8%") changes what a percentage means; on an amount it is often a verb
    # of the claim itself ("raised $300 million"), which the measure already reads
    direction = fig.direction if fig.kind == Kind.PERCENT else None
    return (fig.kind, what, norm_unit(fig.per) if fig.kind != Kind.COUNT else None, direction)


def _si_unit(fig: Figure) -> str | None:
    got = _si(fig)
    return got[1] if got else None


def _si(fig: Figure) -> tuple[Decimal, str] | None:
    """(factor to SI, SI unit) for a physical quantity, from figures.quantities when it knows
    the unit."""
    if fig.kind != Kind.QUANTITY or not fig.unit:
        return None
    return _si_factor(fig.unit)


@functools.lru_cache(maxsize=4096)
def _si_factor(unit: str) -> tuple[Decimal, str] | None:
    try:
        from figures.quantities import to_si
    except ImportError:  # pragma: no cover - older layout
        return None
    try:
        got = to_si(Decimal(1), unit)
    except Exception:  # an unknown unit: compared in its own unit
        return None
    if got is None:
        return None
    value, unit = got[0], got[1]
    return Decimal(str(value)), str(unit)


def _scale(fig: Figure) -> Decimal:
    """The factor from printed value to the compared value (rate or SI factor)."""
    if fig.kind == Kind.MONEY and fig.normalized_value is not None and fig.point:
        nv = fig.normalized_value
        pv = fig.value if fig.value is not None else fig.point
        return nv / pv if pv else Decimal(1)
    si = _si(fig)
    return si[0] if si else Decimal(1)


class _Cand:
    """One figure with its claim and its value as compared: `v`, precision `p`, interval `iv`
    in its own currency (raw) and, for money, `nv`/`np`/`niv` in the run's common currency."""

    __slots__ = ("claim", "di", "f", "iv", "k", "niv", "np", "nv", "p", "sent", "v")

    def __init__(self, di: int, f: Figure, claim: Claim, sent: int, text: str):
        self.di, self.f, self.claim, self.sent = di, f, claim, sent
        k = _scale(f)
        si = f.kind == Kind.QUANTITY
        raw = k if si else Decimal(1)  # quantities compare in SI, money in its own currency
        lo, hi = pragmatic(f, text)
        self.k = raw
        self.v = f.point * raw
        self.p = precision_of(f) * raw
        self.iv = (lo * raw if lo is not None else None, hi * raw if hi is not None else None)
        self.nv = f.point * k
        self.np = precision_of(f) * k
        self.niv = (lo * k if lo is not None else None, hi * k if hi is not None else None)


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    groups: dict[tuple, list[_Cand]] = {}
    copies: set[tuple] = set()
    out: list[Finding] = []
    for di, doc in enumerate(docs):
        if not doc.figures:
            continue
        # (view, signature) of each figure that can be compared: '500 miles' and '800 km'
        # compare in metres; the signature finds exact (syndicated) copies
        cands: list[tuple[Figure, tuple] | None] = []
        for f in doc.figures:
            if f.ambiguous or f.kind not in _KINDS or (f.point or 0) <= 0:
                cands.append(None)
                continue
            if f.kind == Kind.DURATION and is_horizon(doc, f):
                # "over the next 10 years" is the period of its amount, read there: never
                # compared, so its claim is not read either
                cands.append(None)
                continue
            v = si_view(f) if f.normalized_unit is not None else f
            sig = _signature(doc, v)
            cands.append((v, sig) if sig[0] is not None else None)
        # an exact copy of a figure already compared is skipped below whatever its claim:
        # reading its claim would be wasted (syndicated copies are most of a wire corpus)
        wanted = [vs is not None and vs[1] not in copies for vs in cands]
        if not any(wanted):
            continue
        claims = claims_of(doc, wanted)
        for vs, claim in zip(cands, claims, strict=True):
            if vs is None or claim.subject is None:
                continue
            f, sig = vs
            g = sig[0]
            if sig in copies:
                continue
            copies.add(sig)
            c = _Cand(di, f, claim, doc.sentence_index(f.start), doc.text)
            key = (claim.subject, g)
            peers = groups.setdefault(key, [])
            seen_values: set[tuple] = set()
            best: tuple | None = None  # the closest agreeing partner
            disagree: list[_Cand] = []
            for prev in reversed(peers[-MAX_PEERS:]):
                if prev.di == di and (prev.sent == c.sent or prev.f.point == f.point):
                    continue  # same sentence, or a headline repeating its body
                if not compatible(prev.claim, claim):
                    continue
                sv = (prev.v, prev.f.qualifier, prev.di == di)
                if sv in seen_values:
                    continue  # one finding per distinct earlier value is enough
                seen_values.add(sv)
                if agree(prev, c)[0]:
                    rank = (abs(prev.nv - c.nv), prev.di == di)
                    if best is None or rank < best[0]:
                        best = (rank, prev)
                elif len(disagree) < MAX_DISAGREE:
                    disagree.append(prev)
            if best is not None:
                out.append(_finding(docs, best[1], c))
            out.extend(_finding(docs, prev, c) for prev in disagree)
            peers.append(c)
    return out


def _signature(doc: DocFigures, f: Figure) -> tuple:
    """A figure's group with the text around it: equal for exact (syndicated) copies."""
    lo = max(0, f.start - _COPY_REACH)
    return (_group(f), f.start - lo, doc.text[lo:f.end + _COPY_REACH])


def _cross(a: _Cand, b: _Cand) -> bool:
    return a.f.kind == Kind.MONEY and a.f.currency != b.f.currency


def values(a: _Cand, b: _Cand) -> tuple[Decimal, Decimal, Decimal, Decimal, tuple, tuple]:
    """(va, vb, pa, pb, iva, ivb) as compared: one currency in its own terms, two currencies
    converted at each document's date."""
    if _cross(a, b):
        return a.nv, b.nv, a.np, b.np, a.niv, b.niv
    return a.v, b.v, a.p, b.p, a.iv, b.iv


def agree(a: _Cand, b: _Cand) -> tuple[bool, Decimal]:
    """(agree?, tolerance) under the rule in the module docstring."""
    va, vb, pa, pb, ia, ib = values(a, b)
    p = max(pa, pb)
    allowance = RATE_ALLOWANCE * max(va, vb) if _cross(a, b) else Decimal(0)
    tol = p / 2 + allowance
    if a.f.qualifier is None and b.f.qualifier is None and not a.f.is_range and not b.f.is_range:
        return abs(va - vb) < tol, tol
    if allowance:
        ia = (ia[0] - allowance if ia[0] is not None else None, ia[1] + allowance if ia[1] is not None else None)
    return overlaps(ia, ib), tol


def _round_sig(d: Decimal, digits: int = 4) -> Decimal:
    if not d:
        return d
    return round(d, max(0, digits - 1 - d.adjusted()))


def _pct(x: Decimal) -> str:
    q = x * 100
    return f"{q:.0f}%" if q >= 10 else f"{q:.1f}%".replace(".0%", "%")


def _sentence(doc: DocFigures, f: Figure) -> str:
    s, e = doc.sentence(f.start)
    return " ".join(doc.text[s:max(e, f.end)].split())


def _finding(docs: Sequence[DocFigures], a: _Cand, b: _Cand) -> Finding:
    ok, tol = agree(a, b)
    va, vb, _pa, _pb, ia, ib = values(a, b)
    fa, fb = a.f, b.f
    gap = abs(va - vb)
    lo = min(va, vb)
    rel = gap / lo if lo else Decimal(0)
    claim = a.claim
    what = " ".join(x for x in (claim.subject_text or claim.subject, (claim.measure or "").replace("_", " "),
                                claim.object and f"({claim.object})") if x)
    where = "in one document" if a.di == b.di else "across documents"
    (coarse, _cv, ck), (_fine, fv, _) = sorted(((a, va, va / a.f.point), (b, vb, vb / b.f.point)),
                                             key=lambda t: -(t[0].np if _cross(a, b) else t[0].p))
    if ok:
        status, sev = CONSISTENT, INFO
        msg = (f"'{fa.text}' and '{fb.text}' agree: they differ by {_pct(rel)}, within the rounding "
               f"of '{coarse.f.text}' ({what}, {where})")
    else:
        status = INCONSISTENT
        beyond = (gap - tol) / max(va, vb) if max(va, vb) else Decimal(0)
        sev = ERROR if beyond > ERROR_REL else WARNING
        fine_val = fmt_num(_round_sig(fv / ck) if ck else fv)
        msg = (f"'{fa.text}' and '{fb.text}' differ by {_pct(rel)}; they agree only if "
               f"'{coarse.f.text}' was rounded from {fine_val} ({what}, {where})")
    details = {
        "claim": {"subject": claim.subject_text or claim.subject, "measure": claim.measure,
                  "object": claim.object or b.claim.object,
                  "period": sorted(claim.period | b.claim.period)},
        "values": (va, vb),
        "difference": gap,
        "rel_diff": round(rel, 4),
        "tolerance": tol,
        "sentence_a": _sentence(docs[a.di], fa),
        "sentence_b": _sentence(docs[b.di], fb),
        "interval_a": ia,
        "interval_b": ib,
    }
    return finding(NAME, status, sev, [fa, fb], msg, **details)


# Bucket k holds the values in [1.2**k, 1.2**(k+1)); kept for figures.dask's older key.
_K_MIN = -400
_BOUNDS = [Decimal("1.2") ** k for k in range(_K_MIN, -_K_MIN + 1)]


def _bucket(fig: Figure) -> int | None:
    v = fig.point
    if v is None or v <= 0:
        return None
    i = bisect.bisect_right(_BOUNDS, v)
    if 0 < i < len(_BOUNDS):
        return _K_MIN + i - 1
    return math.floor(v.log10() / _LOG_STEP)


def claim_key(doc: DocFigures) -> list[tuple | None]:
    """The shuffle key of each of `doc.figures` (subject, kind/unit group), or None
    for a figure same_fact never compares: what figures.dask partitions by."""
    out: list[tuple | None] = []
    wanted = [_group(f) is not None and not f.ambiguous for f in doc.figures]
    for f, claim in zip(doc.figures, claims_of(doc, wanted), strict=False):
        g = _group(f)
        out.append(None if g is None or claim.subject is None else (claim.subject, g))
    return out


# A public name for the tests, which pin the bucketing rule this check compares by.
value_bucket = _bucket
