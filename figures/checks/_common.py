"""Shared helpers of the checks: the per-document input, sentence spans, value intervals,
number formatting and Finding construction. Nothing here holds state between calls.

Intervals
---------
`bounds(fig)` turns a printed figure into the interval of true values it admits, the way
statcheck treats rounding:

* exact "1.54 billion" (precision 0.01 bn) -> [1.535, 1.545] bn: half a step either side;
* approx ("about", "nearly") -> +- max(one precision step, 2.5% of the value); "nearly" and
  "almost" also cap the interval at the printed value;
* gt/ge ("more than 2,300") -> strictly (2300, +inf). The *pragmatic* reading used for
  same-fact comparisons caps it at one step of the last non-zero digit: a writer who knew the
  team had 2,450 people would have said "more than 2,400" -> (2300, 2400];
* lt/le mirror gt/ge;
* ranges ("15-20 years") -> [low - p/2, high + p/2] (a "within" qualifier on a range keeps
  the range: both printings say the same thing).
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

from figures.model import Figure, Finding, Kind, MentionRef, Qualifier

CONSISTENT, INCONSISTENT, UNVERIFIABLE = "consistent", "inconsistent", "unverifiable"
INFO, WARNING, ERROR = "info", "warning", "error"
SEVERITY_RANK = {INFO: 0, WARNING: 1, ERROR: 2}

ZERO = Decimal(0)
ONE = Decimal(1)
APPROX_REL = Decimal("0.025")

# Sentence ends: ., !, ? (and CJK ones) followed by space or a closing quote; line breaks.
_SENT_END = re.compile(r"[.!?。！？]+[\"'”’)\]]*(?=\s)|[。！？]|\n")
_PARA_END = re.compile(r"\n[ \t\r\f\v]*\n")
_NEARLY = re.compile(r"\b(?:nearly|almost|just\s+(?:under|below|shy\s+of)|close\s+to)\s*$", re.I)


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
        sentence end (". ", "! ", "? ", a closing quote after one, a line break, CJK stops) to
        just after the next one, at most `SENTENCE_REACH` characters either way. Found locally
        with two anchored regex calls, so a document is never segmented as a whole."""
        key = ("sent", pos)
        got = self._cache.get(key)
        if got is None:
            got = _sentence(self.text, pos)
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


SENTENCE_REACH = 600
_END = r"(?:[.!?。！？]+[\"'”’)\]]*(?=\s)|[。！？]|\n)"
_LAST_END = re.compile(r"(?s:.*)" + _END)  # greedy: the last sentence end before a position
_NEXT_END = re.compile(_END)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    lo = max(0, pos - SENTENCE_REACH)
    hi = min(len(text), pos + SENTENCE_REACH)
    m = _LAST_END.match(text, lo, pos)
    start = m.end() if m else lo
    m = _NEXT_END.search(text, pos, hi)
    return start, (m.end() if m else hi)


def make_docs(items: Iterable[tuple[str | None, str, Date | None, Iterable[Figure]]]) -> list[DocFigures]:
    return [DocFigures(doc, text, d, tuple(sorted(figs, key=lambda f: (f.start, f.end))))
            for doc, text, d, figs in items]


# ---- numbers ---------------------------------------------------------------------------------

def step_of(value: Decimal) -> Decimal:
    """Place value of the last non-zero digit: 2300 -> 100, 1.54 -> 0.01, 0 -> 1."""
    if value == 0:
        return ONE
    exp = value.normalize().as_tuple().exponent
    return Decimal(1).scaleb(int(exp))


def precision_of(fig: Figure) -> Decimal:
    if fig.precision is not None and fig.precision > 0:
        return fig.precision
    v = fig.value if fig.value is not None else (fig.high if fig.high is not None else fig.low)
    if v is None:
        return ONE
    exp = v.as_tuple().exponent
    return Decimal(1).scaleb(int(exp)) if isinstance(exp, int) else ONE


def is_nearly(fig: Figure, text: str | None) -> bool:
    if "nearly" in fig.text.lower() or "almost" in fig.text.lower():
        return True
    if text is None:
        return False
    return bool(_NEARLY.search(text[max(0, fig.start - 20):fig.start]))


def bounds(fig: Figure, *, pragmatic: bool = True, text: str | None = None
           ) -> tuple[Decimal | None, Decimal | None]:
    """The interval of true values the printed figure admits (None = unbounded)."""
    p = precision_of(fig)
    half = p / 2
    q = fig.qualifier
    if fig.value is None:
        lo = fig.low if fig.low is not None else fig.high
        hi = fig.high if fig.high is not None else fig.low
        if lo is None or hi is None:
            return None, None
        return lo - half, hi + half
    v = fig.value
    if q is None:
        return v - half, v + half
    if q == Qualifier.APPROX:
        spread = max(p, abs(v) * APPROX_REL)
        hi = v if is_nearly(fig, text) else v + spread
        return v - spread, hi
    step = max(p, step_of(v))
    if q in (Qualifier.GT, Qualifier.GE):
        return v, (v + step if pragmatic else None)
    if q in (Qualifier.LT, Qualifier.LE):
        return (v - step if pragmatic else None), v
    return v - half, v + half  # pragma: no cover - every Qualifier is handled above


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


def finding(check: str, status: str, severity: str, figs: Iterable[Figure], message: str,
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
    return Finding(check, status, severity, tuple(mentions), message, details)


_QUOTES = frozenset("'\"‘’“”`")


def norm_unit(unit: str | None) -> str | None:
    """'vehicles' -> 'vehicle', 'People' -> 'person'."""
    if not unit:
        return unit
    u = unit.lower().strip()
    if u in _PERSON:
        return "person"
    if u.endswith("ies") and len(u) > 4:
        return u[:-3] + "y"
    if u.endswith("s") and not u.endswith("ss") and len(u) > 3:
        return u[:-1]
    return u


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
