"""difference: a stated change ("the team has expanded by nearly 1,800 people") against the two
figures it is the difference of.

An increment is a count, quantity or money figure with a direction (set by the extractor, or a
change verb before it) introduced by "by" ("expanded by", "rose by", "cut by"), the figure
after "an increase of" / "a decrease of", or the object of a change verb ("cut 12,000 jobs",
"hired 2,000 people").

1. Explicit: "from 500 to 2,300" in the same sentence -> verify to - from = increment.
2. Otherwise the document (then the whole run) is searched for two figures of the same kind and
   unit whose difference matches the increment within its interval, and that are in the
   increment's paragraph or whose metric (figures.metric) shares terms with the increment's:
   2,300 - 500 = 1,800 ("R&D team"). Values are kept sorted, so each candidate costs one
   bisection, not a pass over all pairs.

Verdicts: the printed values give a difference interval; when it meets the increment's interval
the finding is `consistent` (info). Qualifiers are carried through strictly: "more than 2,300"
minus "more than 500" is not determined (each bound is open), so such a pair, even though the
printed arithmetic matches, is `unverifiable` (warning) with the caveat in `details.caveats`
(the two figures may also describe different groups or dates: the reader must check that they
measure the same thing). An explicit from/to that does not match is `inconsistent` (warning).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from figures.checks._common import (
    CONSISTENT,
    GENERIC_UNITS,
    INCONSISTENT,
    INFO,
    UNVERIFIABLE,
    WARNING,
    DocFigures,
    finding,
    fmt_num,
    norm_unit,
    overlaps,
    units_compatible,
)
from figures.extract.context_words import similarity
from figures.model import Direction, Figure, Finding, Kind, Qualifier
from figures.normalize.interval import pragmatic, semantic

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "difference"
MIN_SIM = 0.08
# Work per increment is bounded, so a run of N documents costs O(N), not O(N^2): the
# cross-document search looks at the MAX_CANDIDATES nearest figures in run order (documents
# of one feed that report one story sit close together), keeps at most PER_VALUE copies of
# one printed value (wire copies repeat figures verbatim), and scores at most MAX_PAIRS pairs.
MAX_CANDIDATES = 400
PER_VALUE = 3
MAX_PAIRS = 2000
# Within one document the search reads the figures nearest the increment (by offset) of its
# own kind, at most this many: a long document costs linear time, not one pass per increment.
LOCAL_CANDIDATES = 120
_BY = re.compile(
    r"\b(?:by|an?\s+(?:increase|rise|gain|jump|growth|addition|decrease|drop|fall|decline|"
    r"reduction|cut)\s+of|cut|cuts|cutting|shed|sheds|shedding|eliminated|eliminating|"
    r"laid\s+off|lay\s+off|lays\s+off|axed|axing|slashed|added|adding|adds|hired|hiring|"
    r"created|creating)\s*(?:about|nearly|almost|some|around|roughly|another|more\s+than|"
    r"over)?\s*$", re.I)
_LAST_WORDS = frozenset({
    "by", "of", "cut", "cuts", "cutting", "shed", "sheds", "shedding", "eliminated",
    "eliminating", "off", "axed", "axing", "slashed", "added", "adding", "adds", "hired", "hiring",
    "created", "creating"})
_SOFT = frozenset({"about", "nearly", "almost", "some", "around", "roughly", "another", "over",
                   "than", "more"})


def _hint(left: str) -> bool:
    """Is one of the last words before a figure (past a qualifier) a change word?"""
    words = left.lower().rsplit(None, 3)
    while words and words[-1] in _SOFT:
        words.pop()
    return bool(words) and words[-1] in _LAST_WORDS
_DOWN_WORDS = re.compile(r"\b(?:decrease|drop|fall|decline|reduction|cut|cuts|cutting|fell|"
                         r"dropped|shrank|shrunk|declined|decreased|reduced|lost|slashed|down|"
                         r"shed|sheds|shedding|eliminated|eliminating|laid|lay|lays|axed|axing)\b",
                         re.I)
_FROM = re.compile(r"\bfrom\s*$", re.I)
_TO = re.compile(r"\bto\s*$", re.I)
_KINDS = (Kind.COUNT, Kind.QUANTITY, Kind.MONEY)
_OPEN = (Qualifier.GT, Qualifier.GE, Qualifier.LT, Qualifier.LE)


def _same_what(a: Figure, b: Figure) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == Kind.MONEY:
        return a.currency is not None and a.currency == b.currency
    return units_compatible(a.unit, b.unit) and (a.per or None) == (b.per or None)


def increments(doc: DocFigures) -> list[tuple[Figure, Direction]]:
    out = []
    for f in doc.figures:
        if f.kind not in _KINDS or f.value is None:
            continue
        left = doc.text[max(0, f.start - 40):f.start]
        if not _hint(left):
            continue  # cheap pre-filter on the last words before the figure
        if not _BY.search(left):
            continue
        d = f.direction
        if d is None:
            d = Direction.DOWN if _DOWN_WORDS.search(left) else Direction.UP
        out.append((f, d))
    return out


def _key(f: Figure) -> tuple:
    if f.kind == Kind.MONEY:
        return (f.kind, f.currency)
    return (f.kind, norm_unit(f.unit), f.per or None)


class _Index:
    """Candidate figures grouped by what they measure, each group ordered by a position (the
    document's index in the run, or a figure's offset in one document), so a search reads only
    the nearest few of its own group: the cost per increment is bounded, whatever the size."""

    def __init__(self, entries):
        self.groups: dict[tuple, tuple[list[int], list[Figure]]] = {}
        for pos, f in entries:
            if f.kind in _KINDS and f.value is not None and f.direction is None:
                g = self.groups.setdefault(_key(f), ([], []))
                g[0].append(pos)
                g[1].append(f)

    @classmethod
    def of_run(cls, docs: Sequence[DocFigures]) -> _Index:
        return cls((dj, f) for dj, doc in enumerate(docs) for f in doc.figures)

    @classmethod
    def of_document(cls, doc: DocFigures) -> _Index:
        return cls((f.start, f) for f in doc.figures)  # figures are sorted by offset

    def nearest(self, inc: Figure, di: int, limit: int):
        keys = [_key(inc)]
        if inc.kind != Kind.MONEY:
            keys += [(inc.kind, g, inc.per or None) for g in GENERIC_UNITS]
            if norm_unit(inc.unit) in GENERIC_UNITS:
                keys += [k for k in self.groups if k[0] == inc.kind and k[2] == (inc.per or None)]
        picked: list[tuple[int, int, Figure]] = []
        for key in dict.fromkeys(keys):
            group = self.groups.get(key)
            if group is None:
                continue
            djs, figs = group
            right = bisect.bisect_left(djs, di)
            left = right - 1
            taken = 0
            while taken < limit and (left >= 0 or right < len(djs)):
                if right < len(djs) and (left < 0 or djs[right] - di <= di - djs[left]):
                    k, right = right, right + 1
                else:
                    k, left = left, left - 1
                picked.append((abs(djs[k] - di), djs[k], figs[k]))
                taken += 1
        picked.sort(key=lambda x: x[0])
        return [(dj, f) for _, dj, f in picked[: limit * 2]]


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    out: list[Finding] = []
    index: _Index | None = None
    for di, doc in enumerate(docs):
        local: _Index | None = None
        for inc, d in increments(doc):
            f = _explicit(doc, inc, d)
            if f is not None:
                out.append(f)
                continue
            local = local or _Index.of_document(doc)
            near = [(di, f) for _, f in local.nearest(inc, inc.start, LOCAL_CANDIDATES)
                    if _same_what(f, inc)]
            best = _search(docs, near, inc, d, di, flat=True)
            if best is None and len(docs) > 1:
                index = index or _Index.of_run(docs)
                best = _search(docs, index.nearest(inc, di, MAX_CANDIDATES), inc, d, di,
                               flat=True)
            if best is not None:
                out.append(_verdict(docs, di, inc, d, best))
    return out


def _explicit(doc: DocFigures, inc: Figure, d: Direction) -> Finding | None:
    s, e = doc.sentence(inc.start)
    frm = to = None
    for f in doc.figures_between(s, e):
        if f is inc or not _same_what(f, inc) or f.value is None:
            continue
        if frm is None and _FROM.search(doc.text, max(s, f.start - 10), f.start):
            frm = f
        elif frm is not None and to is None and _TO.search(doc.text, max(s, f.start - 8), f.start):
            to = f
    if frm is None or to is None:
        return None
    return _verdict_pair(doc.text, doc.text, inc, d, new=to, old=frm, explicit=True)


def _search(docs, scope, inc: Figure, d: Direction, di: int, *, flat: bool = False):
    """The best (sim, doc_index_new, new, doc_index_old, old) whose difference fits `inc`."""
    ilo, ihi = pragmatic(inc, docs[di].text)
    if ilo is None or ihi is None:
        return None
    mi = docs[di].metric(inc)
    cands = []
    copies: dict[Decimal, int] = {}
    # `scope` is (doc index, document) pairs, or with flat=True (doc index, figure) pairs.
    for dj, item in scope:
        for f in ((item,) if flat else item.figures):
            if f is inc or f.value is None or f.direction is not None:
                continue
            if not flat and not _same_what(f, inc):  # the index already grouped flat ones
                continue
            if copies.get(f.value, 0) >= PER_VALUE:
                continue
            copies[f.value] = copies.get(f.value, 0) + 1
            cands.append((f.value, dj, f))
        if len(cands) >= MAX_CANDIDATES:
            break
    if len(cands) < 2:
        return None
    cands.sort(key=lambda x: x[0])
    values = [c[0] for c in cands]
    best = None
    pairs = 0
    for v_new, dj, new in cands:
        if pairs >= MAX_PAIRS:
            break
        # old must lie in [new - ihi, new - ilo]
        lo_i = bisect.bisect_left(values, v_new - ihi)
        hi_i = bisect.bisect_right(values, v_new - ilo)
        for k in range(lo_i, hi_i):
            _, dk, old = cands[k]
            if old is new:
                continue
            pairs += 1
            if d == Direction.DOWN:
                new_, old_, dn, do = old, new, dk, dj  # the value went down: old is larger
            else:
                new_, old_, dn, do = new, old, dj, dk
            s1 = similarity(mi, docs[dn].metric(new_))
            if s1 < MIN_SIM and not _same_paragraph(docs, di, inc, dn, new_):
                continue  # the other figure's metric is not read for a pair already out
            s2 = similarity(mi, docs[do].metric(old_))
            if s2 < MIN_SIM and not _same_paragraph(docs, di, inc, do, old_):
                continue
            score = s1 + s2 - (0.1 if dn != di else 0) - (0.1 if do != di else 0)
            if best is None or score > best[0]:
                best = (score, dn, new_, do, old_)
    return best


def _same_paragraph(docs, di, a: Figure, dj, b: Figure) -> bool:
    return di == dj and docs[di].same_paragraph(a.start, b.start)


def _verdict(docs, di, inc, d, best) -> Finding:
    score, dn, new, do, old = best
    f = _verdict_pair(docs[dn].text, docs[do].text, inc, d, new=new, old=old, explicit=False,
                      inc_text=docs[di].text)
    f.details["similarity"] = round(Decimal(score), 3)
    f.details["evidence"] = (docs[di].metric(inc).evidence, docs[dn].metric(new).evidence,
                             docs[do].metric(old).evidence)
    return f


def _verdict_pair(text_new, text_old, inc, d, *, new, old, explicit, inc_text=None) -> Finding:
    inc_text = inc_text if inc_text is not None else text_new
    ilo, ihi = pragmatic(inc, inc_text)
    nlo, nhi = semantic(new, text_new)
    olo, ohi = semantic(old, text_old)
    sign = 1 if d == Direction.UP else -1
    # strict difference interval (None = unbounded)
    if sign > 0:
        dlo = None if nlo is None or ohi is None else nlo - ohi
        dhi = None if nhi is None or olo is None else nhi - olo
    else:
        dlo = None if olo is None or nhi is None else olo - nhi
        dhi = None if ohi is None or nlo is None else ohi - nlo
    point = (new.value - old.value) * sign
    caveats = []
    for f in (new, old):
        if f.qualifier in _OPEN:
            caveats.append(f"'{f.text}' is open-ended ({f.qualifier})")
    if caveats:
        caveats.append("the difference of open-ended figures is not determined")
    if norm_unit(new.unit) != norm_unit(old.unit):
        caveats.append(f"units differ: {new.unit} vs {old.unit}")
    if not explicit:
        caveats.append("the two figures were matched by value and context; check that they "
                       "measure the same group and dates")
    verb = "increase" if sign > 0 else "decrease"
    hi_v, lo_v = (new.value, old.value) if sign > 0 else (old.value, new.value)
    arith = (f"{fmt_num(hi_v)} - {fmt_num(lo_v)} = {fmt_num(hi_v - lo_v)} "
             f"vs stated {verb} '{inc.text}' [{fmt_num(ilo)}, {fmt_num(ihi)}]")
    figs = (new, old, inc)
    details = {"new": new.value, "old": old.value, "difference": point,
               "stated": inc.value, "stated_interval": (ilo, ihi),
               "difference_interval": (dlo, dhi), "caveats": tuple(caveats)}
    fits_point = ilo <= point <= ihi
    fits = overlaps((dlo, dhi), (ilo, ihi))
    if explicit and not fits:
        return finding(NAME, INCONSISTENT, WARNING, figs, f"{arith}: they disagree", **details)
    if dlo is None or dhi is None:
        return finding(NAME, UNVERIFIABLE, WARNING, figs,
                       f"{arith}: the printed arithmetic {'matches' if fits_point else 'is close'}, "
                       f"but {'; '.join(caveats[:-1] if not explicit else caveats)}", **details)
    return finding(NAME, CONSISTENT, INFO, figs, f"{arith}: consistent", **details)
