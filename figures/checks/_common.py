"""Shared helpers of the checks: the per-document input, sentence spans, value intervals,
number formatting and Finding construction. Nothing here holds state between calls.

Intervals
---------
The interval of true values a printed figure admits comes from the one interval model,
figures.normalize.interval: `pragmatic` (what a reader infers, "more than 2,300" ->
(2300, 2400]) where claims are compared, `semantic` (what the words say, (2300, +inf)) where a
bound must not be narrower than the text. `precision_of` and `step_of` are the model's own.
"""

from __future__ import annotations

import bisect
import decimal
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from functools import cached_property

from figures.extract.sentences import sentence_at, singular
from figures.model import Figure, Finding, Kind, MentionRef, Severity, Status

CONSISTENT, INCONSISTENT, UNVERIFIABLE = Status.CONSISTENT, Status.INCONSISTENT, Status.UNVERIFIABLE
INFO, WARNING, ERROR = Severity.INFO, Severity.WARNING, Severity.ERROR
SEVERITY_RANK = {INFO: 0, WARNING: 1, ERROR: 2}

ZERO = Decimal(0)
ONE = Decimal(1)

_PARA_END = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class DocFigures:
    """One document as the checks see it: its text, date and figures (sorted by offset).

    Sentence and paragraph boundaries are computed once, lazily, and shared by every check."""

    doc: str | None
    text: str
    date: Date | None
    figures: tuple[Figure, ...]
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def starts(self) -> list[int]:
        return [f.start for f in self.figures]

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding character `pos`: from just after the previous
        sentence end to just after the next one (figures.extract.sentences, the one splitter),
        at most `SENTENCE_REACH` characters either way. Found locally with two anchored regex
        calls, so a document is never segmented as a whole."""
        key = ("sent", pos)
        got = self._cache.get(key)
        if got is None:
            got = sentence_at(self.text, pos)
            self._cache[key] = got
        return got

    def sentence_index(self, pos: int) -> int:
        """An identity of the sentence holding `pos` (its start offset)."""
        return self.sentence(pos)[0]

    def same_paragraph(self, a: int, b: int) -> bool:
        """No blank line between offsets a and b."""
        lo, hi = (a, b) if a <= b else (b, a)
        return _PARA_END.search(self.text, lo, hi) is None

    def figures_between(self, start: int, end: int) -> Sequence[Figure]:
        """Figures whose start lies in [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.figures[lo:hi]

    def metric(self, fig: Figure):
        """The metric (figures.metric.Metric) of one of this document's figures, cached."""
        key = ("metric", fig.start, fig.end)
        m = self._cache.get(key)
        if m is None:
            from figures.extract.context_words import metric_of

            s, e = self.sentence(fig.start)
            m = metric_of(self.text, fig.start, fig.end, sentence=(s, max(e, fig.end)),
                          others=self.figures_between(s, max(e, fig.end)))
            self._cache[key] = m
        return m


def make_docs(items: Iterable[tuple[str | None, str, Date | None, Iterable[Figure]]]) -> list[DocFigures]:
    return [DocFigures(doc, text, d, tuple(sorted(figs, key=lambda f: (f.start, f.end))))
            for doc, text, d, figs in items]


# ---- numbers ---------------------------------------------------------------------------------

def overlaps(a: tuple[Decimal | None, Decimal | None], b: tuple[Decimal | None, Decimal | None]) -> bool:
    alo, ahi = a
    blo, bhi = b
    if ahi is not None and blo is not None and ahi < blo:
        return False
    return not (bhi is not None and alo is not None and bhi < alo)


def fmt_num(d: Decimal | None, places: int = 6) -> str:
    """Human number: thousands separators, at most `places` significant decimals, no exponent."""
    if d is None:
        return "?"
    if d == d.to_integral_value() and abs(d) < Decimal("1e16"):
        return f"{int(d):,}"
    q = d.normalize()
    s = format(q, "f")
    if "." in s:
        whole, frac = s.split(".")
        if len(frac) > places:
            s = format(round_places(d, places), "f").rstrip("0").rstrip(".")
            whole, _, frac = s.partition(".")
        try:
            whole = f"{int(whole):,}" if whole not in ("-0", "") else whole
        except ValueError:  # pragma: no cover
            pass
        return f"{whole}.{frac}" if frac else whole
    return s


def fmt_amount(d: Decimal | None, currency: str | None = None) -> str:
    """'CNY 10 bn', 'USD 1.54 bn', 'HKD 13.52'."""
    if d is None:
        return "?"
    a = abs(d)
    for scale, word in ((Decimal("1e12"), "tn"), (Decimal("1e9"), "bn"), (Decimal("1e6"), "m")):
        if a >= scale:
            num = fmt_num(round_places(d / scale, 4)) + " " + word
            break
    else:
        num = fmt_num(round_places(d))
    return f"{currency} {num}" if currency else num


def round_places(d: Decimal, places: int = 4) -> Decimal:
    """Round half-even to `places` decimals with as many digits as the value needs: the
    default 28-digit context would raise on a 23-digit amount."""
    if not d.is_finite():
        return d
    ctx = decimal.Context(prec=max(28, d.adjusted() + places + 2))
    return d.quantize(Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_EVEN, context=ctx)


def rel(a: Decimal, b: Decimal) -> Decimal:
    """a/b - 1, rounded to 4 decimals."""
    return round_places(a / b - 1) if b else Decimal(0)


def q4(d: Decimal) -> Decimal:
    return round_places(d)


def ref(fig: Figure) -> MentionRef:
    return MentionRef(fig.doc, fig.start, fig.end, fig.text)


def finding(check: str, status: Status | str, severity: Severity | str, figs: Iterable[Figure], message: str,
            **details) -> Finding:
    seen: set[tuple] = set()
    mentions = []
    for f in figs:
        k = (f.doc, f.start, f.end)
        if k not in seen:
            seen.add(k)
            mentions.append(ref(f))
    if message[:1] in _QUOTES:
        # A message never opens with a quote: spreadsheets treat a leading apostrophe as
        # markup, and the CSV injection guard must not have to choose (issue 11).
        message = "Stated " + message
    return Finding(check, Status(status), Severity(severity), tuple(mentions), message, details)


_QUOTES = frozenset("'\"‘’“”`")


def norm_unit(unit: str | None) -> str | None:
    """'vehicles' -> 'vehicle', 'People' -> 'person' (the one singularizer, and one class for
    the words that count people)."""
    if not unit:
        return unit
    got = _UNIT_MEMO.get(unit)
    if got is None:  # a run has few distinct units, and every check asks for them per figure
        u = unit.lower().strip()
        got = "person" if u in _PERSON else singular(u)
        if len(_UNIT_MEMO) < 10_000:
            _UNIT_MEMO[unit] = got
    return got


_UNIT_MEMO: dict[str, str] = {}


_PERSON = frozenset({"people", "persons", "person", "employees", "employee", "staff", "workers",
                     "worker", "jobs", "job", "staffers", "staffer", "positions", "position",
                     "headcount", "member", "members", "personnel"})
GENERIC_UNITS = frozenset({"unit", "piece", "item", "pc", "pcs", "set"})


def units_compatible(a: str | None, b: str | None) -> bool:
    a, b = norm_unit(a), norm_unit(b)
    return a == b or a in GENERIC_UNITS or b in GENERIC_UNITS


DURATION_YEARS = {
    "year": Decimal(1), "yr": Decimal(1), "annum": Decimal(1),
    "month": Decimal(1) / 12, "quarter": Decimal("0.25"), "week": Decimal(7) / Decimal("365.25"),
    "day": Decimal(1) / Decimal("365.25"), "decade": Decimal(10),
}


def years_of(fig: Figure) -> Decimal | None:
    """A duration figure in years (ranges: the midpoint), or None for other units."""
    if fig.kind != Kind.DURATION:
        return None
    u = norm_unit(fig.unit)
    factor = DURATION_YEARS.get(u or "")
    v = fig.point
    if factor is None or v is None:
        return None
    return v * factor


def per_years(per: str | None) -> Decimal | None:
    if not per:
        return None
    return DURATION_YEARS.get(norm_unit(per.split()[-1]) or "")


_HORIZON_LEFT = re.compile(
    r"\b(?:over|in|within|during|for|across|throughout)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:next|following|coming|past|last|those|these|first|previous|upcoming)?\s*$", re.I)
_HORIZON_GAP = 140
_HORIZON_GAP_BEFORE = 70


def horizon(doc: DocFigures, fig: Figure) -> Figure | None:
    """The duration a total is spread over: "$10 billion over the next 10 years",
    "900,000 units in those three years", "over the next five years, ... $2 billion".
    Same sentence, no other amount in between, the duration introduced by over/in/within/..."""
    cache = doc._cache
    key = ("horizon", fig.start)
    if key in cache:
        return cache[key]
    found = None
    if fig.per or not any(d.kind == Kind.DURATION for d in doc.figures_between(
            fig.start - _HORIZON_GAP_BEFORE, fig.end + _HORIZON_GAP)):
        cache[key] = None  # a rate ("150,000 vehicles per year") has no horizon; nor has a
        return None  # figure without a duration nearby
    s, e = doc.sentence(fig.start)
    between = doc.figures_between(fig.end, min(e, fig.end + _HORIZON_GAP))
    for d in between:
        if d.kind == Kind.DURATION:
            if _HORIZON_LEFT.search(doc.text, max(fig.end, d.start - 40), d.start):
                found = d
            break
        if d.kind in (Kind.MONEY, Kind.COUNT, Kind.QUANTITY):
            break
    if found is None:
        before = doc.figures_between(max(s, fig.start - _HORIZON_GAP_BEFORE), fig.start)
        for d in reversed(before):
            if d.kind == Kind.DURATION:
                if _HORIZON_LEFT.search(doc.text, max(s, d.start - 40), d.start):
                    found = d
                break
            if d.kind in (Kind.MONEY, Kind.COUNT, Kind.QUANTITY):
                break
    cache[key] = found
    return found


def is_horizon(doc: DocFigures, d: Figure) -> bool:
    """Is duration `d` the horizon of an amount (`horizon`) of its document? Only the amounts
    close enough to have it as theirs are read: at most `_HORIZON_GAP` characters before it
    (plus the longest figure's length) or `_HORIZON_GAP_BEFORE` after it."""
    longest = doc._cache.get("longest")
    if longest is None:
        longest = doc._cache["longest"] = max((f.end - f.start for f in doc.figures), default=0)
    kinds = (Kind.MONEY, Kind.COUNT, Kind.QUANTITY)
    for x in doc.figures_between(d.start - _HORIZON_GAP - longest, d.start + _HORIZON_GAP_BEFORE + 1):
        if x.kind in kinds and (h := horizon(doc, x)) is not None and h.start == d.start:
            return True
    return False


def doc_year(doc: DocFigures) -> int | None:
    return doc.date.year if doc.date else None


def period_of(doc: DocFigures, fig: Figure) -> frozenset[int]:
    """Years a figure refers to: its date_context if the extractor resolved one, else the
    four-digit years in its metric window."""
    if fig.date_context:
        years = {int(y) for y in re.findall(r"(?:19|20)\d\d", fig.date_context)}
        if years:
            lo, hi = min(years), max(years)
            return frozenset(range(lo, hi + 1)) if hi - lo <= 30 else frozenset(years)
    return frozenset(doc.metric(fig).years)
