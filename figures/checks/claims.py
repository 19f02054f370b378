"""The claim each figure belongs to: subject, measure, object, period, kind/unit.

"Kaveri Motors on Monday announced plans to expand its Pune plant. The company will invest Rs
1,200 crore over the next two years" gives the figure the claim (subject "kaveri", measure
"spend", object None, period {"over 2y"}). Two figures are two statements of one fact only when
their claims match (`compatible`); figures.checks.same_fact compares nothing else.

Rules over the text, no model (vocabulary in figures/vocab/measures.py):
* subject (figures.checks.subjects): the first named entity of the figure's sentence that
  starts before the figure, or the government a description ("the state", "the cabinet")
  refers to; a sentence without one ("The company will...", "It said...") refers back to the
  last named subject of the document. "X's subsidiary/unit" is a different subject from X.
* measure: the nearest measure word in the figure's clause (words up to the neighbouring
  figures, at most `REACH` characters), two-word phrases first ("net profit" is not "operating
  profit"); weak words ("worth", "deal", "plan") only when no strong one is near.
* object: "<Name> plant/site/line...", "Line 3", "first phase"/"total", the nearest in the clause.
* period: years, "this/next/last year" (resolved against the document date), quarters, halves,
  months, "now", "a year earlier", "over N years", within `REACH` characters in the clause.

Cost: one regex pass over the document for names (and one for descriptions), then bounded windows per figure: linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from figures.checks._common import DocFigures
from figures.checks.subjects import Subjects
from figures.model import Kind
from figures.vocab.measures import (
    MEASURE_PHRASES,
    MEASURE_WORDS,
    NOT_NAMES,
    OBJECT_NOUNS,
    PERIOD_WORDS,
)

REACH = 90  # characters either side of a figure read for its measure and period
_WEAK = frozenset({"worth", "value", "deal", "transaction", "plan", "programme", "paid", "pay",
                   "paying", "buy", "buying", "acquire", "bought", "fund", "package", "create",
                   "program", "put", "people", "units", "upgrade", "upgrades", "expansion",
                   "contract", "holds", "holding", "raised", "raise", "aircraft", "jets",
                   "planes", "trains", "vehicles", "cars", "tonnes", "tons"})
_COUNTED = frozenset({"aircraft", "jets", "planes", "trains", "vehicles", "cars", "tonnes", "tons",
                      "units", "megawatts", "megawatt", "gigawatt", "gigawatts", "mw", "gw",
                      "people", "staff", "employees", "workers", "jobs", "job", "homes",
                      "houses", "passengers", "positions", "roles"})
_BASE = re.compile(r"\b(?:up|down|rising|falling|rose|fell|compared)\s+(?:from|with)\s+$")
_TOTAL = re.compile(r"\btotal\s+[a-z]+\s+(?:to|at)\s+(?:more\s+than\s+|about\s+)?$")
_WORD = re.compile(r"[\w'’-]+")
_YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?:/\d\d)?(?![\d.,]\d)")
_OVER = re.compile(r"\b(?:over|across|within|in\s+the\s+next|for\s+the\s+next)\s+(?:the\s+(?:next|coming|past)\s+)?"
                   r"(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\b", re.I)
_NYEAR = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-year\b", re.I)
_LINE = re.compile(r"\b(?:Line|Phase|Unit|Block|Terminal)\s+(\d+|[A-Z])\b")
_PHASE = re.compile(r"\b(?:(first|second|third)\s+phase|phase\s+(one|two|three)|"
                    r"(both\s+phases|total\s+capacity|(?:whole|entire)\s+project))\b", re.I)
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3}
_PERIOD_KEYS = sorted((k for k in PERIOD_WORDS if PERIOD_WORDS[k]), key=len, reverse=True)
# the lookahead on first letters lets the regex engine skip most positions at once
_PERIOD_RE = re.compile(r"(?=[" + "".join(sorted({k[0] for k in _PERIOD_KEYS})) + r"])\b(?:"
                        + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in _PERIOD_KEYS) + r")\b", re.I)
_PERIOD_HINTS = ("quarter", "half", "now", "current", "year", " in ")
_PHRASE_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+")
                                                      for k in MEASURE_PHRASES),
                                                     key=len, reverse=True)) + r")\b", re.I)


@dataclass(frozen=True)
class Claim:
    subject: str | None
    measure: str | None
    object: str | None
    period: frozenset[str]
    subject_text: str | None = None

    def to_json(self) -> list:
        return [self.subject, self.measure, self.object, sorted(self.period), self.subject_text]

    @classmethod
    def from_json(cls, row: list) -> Claim:
        return cls(row[0], row[1], row[2], frozenset(row[3]), row[4])

    def key(self) -> str | None:
        """The exact part of the claim: what a run groups (and a cluster shuffles) by. The
        measure is matched inside the group: a figure whose sentence names no measure is
        compared with its subject's figures of every measure of its kind and unit."""
        return self.subject


def compatible(a: Claim, b: Claim) -> bool:
    """Same claim: same named subject; measures, objects and periods not different (a side
    that does not say is not different)."""
    if a.subject is None or a.subject != b.subject:
        return False
    if a.measure and b.measure and a.measure != b.measure:
        return False
    if a.object != b.object and ((a.object and b.object) or "total" in (a.object, b.object)):
        return False  # a total is another claim than an unnamed part of it
    return not (a.period and b.period and not (a.period & b.period))


def _window(doc: DocFigures, i: int) -> tuple[int, int]:
    """The clause of figure i: its sentence, cut at the neighbouring figures."""
    figs = doc.figures
    f = figs[i]
    s, e = doc.sentence(f.start)
    lo, hi = s, e
    j = i - 1
    while j >= 0 and figs[j].end > s and figs[j].kind == Kind.DURATION:
        j -= 1  # a horizon ("over five years") belongs to the clause, it does not end it
    if j >= 0 and figs[j].end > s:
        lo = figs[j].end
    j = i + 1
    while j < len(figs) and figs[j].start < e and figs[j].kind == Kind.DURATION:
        j += 1
    if j < len(figs) and figs[j].start < e:
        hi = figs[j].start
    return lo, max(hi, f.end)


def _measure(text: str, f, lo: int, hi: int) -> str | None:
    a, b = max(lo, f.start - REACH), min(hi, f.end + REACH)
    best: tuple[int, int, str] | None = None  # (weak, distance, measure)

    def consider(pos_s: int, pos_e: int, measure: str, weak: bool) -> None:
        nonlocal best
        dist = f.start - pos_e if pos_e <= f.start else max(0, pos_s - f.end)
        cand = (int(weak), dist, measure)
        if best is None or cand < best:
            best = cand

    taken: list[tuple[int, int]] = []
    for m in _PHRASE_RE.finditer(text, a, b):
        consider(m.start(), m.end(), MEASURE_PHRASES[" ".join(m.group(0).lower().split())], False)
        taken.append((m.start(), m.end()))
    for m in _WORD.finditer(text, a, b):
        w = m.group(0).lower()
        got = MEASURE_WORDS.get(w)
        if got is None or any(s <= m.start() < e for s, e in taken):
            continue
        inside = f.start <= m.start() < f.end
        if w in _COUNTED and not inside:
            continue  # "vehicles" names what a figure counts only right at the figure
        consider(m.start(), m.end(), got, (w in _WEAK and not inside) or (got == "budget" and _SOURCE.search(text, max(a, m.start() - 40), m.start()) is not None))
    got = best[2] if best else None
    if f.kind == Kind.COUNT and f.unit and (best is None or best[0]):
        unit = f.unit.lower()
        if not (unit in MEASURE_WORDS or unit + "s" in MEASURE_WORDS or unit in _KNOWN_COUNTED):
            return "n:" + unit  # "30 rural roads" and "two bridges" are counts of two things
    if f.kind == Kind.PERCENT and got in _OWNERSHIP:
        return "stake"  # "buying 26 per cent of", "will hold 49% of"
    if f.kind == Kind.MONEY and got == "stake":
        return "value"  # "€600 million for a controlling stake": the price of the stake
    return got


_OWNERSHIP = frozenset({"stake", "value", "price", "buy"})
_KNOWN_COUNTED = frozenset({"person", "unit"})  # singular forms of counted measure words
# "under the state budget", "in this year's budget": where the money comes from, not what it is
_SOURCE = re.compile(r"\b(?:under|in|from)\s+(?:the|its|this|their|a)\s+(?:[\w']+\s+)?$")


def _object(text: str, f, lo: int, hi: int) -> str | None:
    best: tuple[int, str] | None = None

    def consider(s: int, e: int, key: str) -> None:
        nonlocal best
        dist = f.start - e if e <= f.start else max(0, s - f.end)
        if best is None or dist < best[0]:
            best = (dist, key)

    for m in _PHASE.finditer(text, lo, hi):
        n = m.group(1) or m.group(2)
        consider(m.start(), m.end(), f"phase {_NUM[n.lower()]}" if n else "total")
    if best is not None:
        return best[1]
    for m in _LINE.finditer(text, lo, hi):
        consider(m.start(), m.end(), m.group(0).lower())
    for m in _WORD.finditer(text, lo, hi):
        if m.group(0) in OBJECT_NOUNS:
            prev = _WORD.findall(text[max(lo, m.start() - 30):m.start()])
            if prev and prev[-1][:1].isupper() and prev[-1].lower() not in NOT_NAMES:
                consider(m.start() - len(prev[-1]) - 1, m.end(), prev[-1].lower().split("-")[0])
    return best[1] if best else None


def _period(text: str, f, lo: int, hi: int, year: int | None) -> frozenset[str]:
    a, b = max(lo, f.start - REACH), min(hi, f.end + REACH)
    out: set[str] = set()
    low = text[a:b].lower()
    # cheap substring tests first: most windows name no period at all
    if "19" in low or "20" in low:
        for m in _YEAR.finditer(text, a, b):
            out.add(f"y{m.group(1)}")
    if "year" in low:
        for m in _OVER.finditer(text, a, b):
            n = m.group(1).lower()
            out.add(f"over {_NUM.get(n, n)}y")
    if "-year" in low:
        for m in _NYEAR.finditer(text, a, b):
            n = m.group(1).lower()
            out.add(f"over {_NUM.get(n, n)}y")
    if not any(w in low for w in _PERIOD_HINTS):
        return frozenset(out)
    for m in _PERIOD_RE.finditer(text, a, b):
        key = PERIOD_WORDS[" ".join(m.group(0).lower().split())]
        if key in ("this_year", "next_year", "last_year"):
            if year is None:
                continue  # undated: which year is unknown, so it differs from none
            key = f"y{year + {'this_year': 0, 'next_year': 1, 'last_year': -1}[key]}"
        out.add(key)
    return frozenset(out)


_NO_CLAIM = Claim(None, None, None, frozenset())
_UNREAD = "?"  # a measure not read yet


def _measure_of(doc: DocFigures, i: int) -> str | None:
    f = doc.figures[i]
    if f.kind == Kind.DURATION:
        return None
    lo, hi = _window(doc, i)
    return _measure(doc.text, f, lo, hi)


def preset_claims(doc: DocFigures, claims: dict[int, Claim]) -> None:
    """Claims read elsewhere (on the whole document, by figures.dask) for a document made of
    pieces of it, by figure start: claims_of returns these instead of reading the pieces."""
    doc._cache["claims_preset"] = claims


def claims_of(doc: DocFigures, wanted: Sequence[bool] | None = None) -> list[Claim]:
    """The claim of each of `doc.figures`, in order, in one pass (`wanted`: which figures need
    one; the others get an empty claim)."""
    preset = doc._cache.get("claims_preset")
    if preset is not None:
        return [preset.get(f.start, _NO_CLAIM) for f in doc.figures]
    text = doc.text
    subjects = Subjects(doc)
    year = doc.date.year if doc.date else None
    out: list[Claim] = []
    prev: tuple[int, str | None] | None = None  # the previous figure: (index, its measure once read)
    for i, f in enumerate(doc.figures):
        if wanted is not None and not wanted[i]:
            # not compared: only its measure, which a following "up from ..." may inherit,
            # read when that happens
            prev = (i, _UNREAD)
            out.append(_NO_CLAIM)
            continue
        lo, hi = _window(doc, i)
        subj = subjects.of(f.start, f.end, f.currency if f.kind == Kind.MONEY else None)
        # a duration is a horizon or a goal's span: the words near it name the goal's content
        measure = _measure(text, f, lo, hi) if f.kind != Kind.DURATION else None
        if measure is None and prev is not None and _BASE.search(text, max(lo, f.start - 30), f.start):
            # "profit of £310m, up from £255m": the base of a change
            measure = prev[1] if prev[1] is not _UNREAD else _measure_of(doc, prev[0])
        obj = _object(text, f, lo, hi)
        if obj is None and _TOTAL.search(text, max(lo, f.start - 40), f.start):
            obj = "total"  # "brings total funding to $500 million": a running total
        out.append(Claim(subj.key if subj else None, measure, obj,
                         _period(text, f, lo, hi, year), subj.text if subj else None))
        prev = (i, measure)
    return out
