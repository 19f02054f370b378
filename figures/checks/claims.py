"""The claim each figure belongs to: subject, measure, object, period, kind/unit.

"Kaveri Motors on Monday announced plans to expand its Pune plant. The company will invest Rs
1,200 crore over the next two years" gives the figure the claim (subject "kaveri", measure
"spend", object None, period {"over 2y"}). Two figures are two statements of one fact only when
their claims match (`compatible`); figures.checks.same_fact compares nothing else.

Rules over the text, no model (vocabulary in figures/vocab/measures.py):
* subject: the first named entity of the figure's sentence that starts before the figure
  (capitalised word runs, minus descriptors "Rival carmaker", places in "Pune-based" and people
  after a title); a sentence without one ("The company will...", "It said...") refers back to
  the last named subject of the document. "X's subsidiary/unit" is a different subject from X.
  The key is the name's first distinctive word, so "Tata Motors" and "Tata" are one subject and
  "Kaveri Motors" and "Sahyadri Motors" are two.
* measure: the nearest measure word in the figure's clause (words up to the neighbouring
  figures, at most `REACH` characters), two-word phrases first ("net profit" is not "operating
  profit"); weak words ("worth", "deal", "plan") only when no strong one is near.
* object: "<Name> plant/site/line...", "Line 3", "first phase"/"total", the nearest in the clause.
* period: years, "this/next/last year" (resolved against the document date), quarters, halves,
  months, "now", "a year earlier", "over N years", within `REACH` characters in the clause.

Cost: one regex pass over the document for names, then bounded windows per figure: linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from figures.checks._common import DocFigures
from figures.model import Kind
from figures.vocab.measures import (
    MEASURE_PHRASES,
    MEASURE_WORDS,
    NOT_NAMES,
    OBJECT_NOUNS,
    PERIOD_WORDS,
    SUBJECT_ALIASES,
    SUBJECT_NOUNS,
    SUBSIDIARY_WORDS,
)

KEY_LEN = 7  # "Slovenia"/"Slovenian", "Victoria"/"Victorian": one subject key
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
_TITLES = frozenset({"secretary", "minister", "executive", "director", "officer", "chairman", "chairwoman",
                     "president", "spokesman", "spokeswoman", "spokesperson",
                     "founder", "governor", "analyst", "ceo", "cfo", "mr", "ms"})
_LOWER_RUN = re.compile(r"(?:'s)?(?:\s+[a-z][\w-]*){1,4}\s+")
_BASE = re.compile(r"\b(?:up|down|rising|falling|rose|fell|compared)\s+(?:from|with)\s+$")
_TOTAL = re.compile(r"\btotal\s+[a-z]+\s+(?:to|at)\s+(?:more\s+than\s+|about\s+)?$")
_BAD_TOKEN = re.compile(r"-[a-z]|\d")  # "Pune-based", "State-owned", "P12.5": not names
_SPEAKER = re.compile(r",?\s+(?:said|says|told|added|noted|wants|believes|thinks)\b")
_NAME_TOKEN = re.compile(r"[A-Z][\w&.'’-]*")
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
_PERIOD_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+")
                                                      for k in PERIOD_WORDS if PERIOD_WORDS[k]),
                                                     key=len, reverse=True)) + r")\b", re.I)
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


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    key: str
    text: str
    refers_back: bool  # "the Boston biotech": a description of the last subject
    speaker: bool = False  # "Lei said,": who speaks, not what the figure is about


def _names(text: str) -> list[tuple[int, int, tuple[re.Match, ...]]]:
    """Capitalised word runs (start, end, words), one pass over the text; what each run names
    is read only when a figure's subject needs it (`_name`)."""
    out: list[tuple[int, int, tuple[re.Match, ...]]] = []
    run: list[re.Match] = []

    def close() -> None:
        if run:
            out.append((run[0].start(), run[-1].end(), tuple(run)))
            run.clear()

    n = len(text)
    for m in _NAME_TOKEN.finditer(text):
        tok = m.group(0).rstrip(".")
        e = m.end()
        bad = (len(tok) < 2 or tok.lower() in NOT_NAMES or _BAD_TOKEN.search(tok) is not None
               or (e < n and text[e] in "$€£¥0123456789")
               or (len(tok) <= 3 and tok.isupper()))
        if run and (bad or text[run[-1].end():m.start()] != " "
                    or _possessive(run[-1].group(0))):
            close()
        if not bad:
            run.append(m)
    close()
    return out


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _name(text: str, raw: tuple[int, int, tuple[re.Match, ...]]) -> _Name | None:
    start, end, got = raw
    words = [m.group(0).rstrip(".") for m in got]
    while words and words[0].lower() in SUBJECT_NOUNS:
        words.pop(0)
    if not words:
        return None
    before = text[max(0, start - 24):start].lower().split()
    if (before and before[-1] in _TITLES) or any(w.lower() in _TITLES for w in words):
        return None  # a person after a title: "chief executive Dana Whitcombe"
    after = _WORD.findall(text[end:end + 40].lower())[:3]
    # "the Boston biotech", "The Mirabel expansion": a description or a modifier, not the subject
    refers_back = bool(before and before[-1] == "the" and text[end:end + 1] == " "
                       and text[end + 1:end + 2].islower())
    first = words[0]
    poss = _possessive(words[-1])
    key = first.rstrip("'’") if len(words) == 1 and poss else first
    if key.endswith(("'s", "’s")):
        key = key[:-2]
    key = key.lower().replace("’", "'")
    key = SUBJECT_ALIASES.get(key, key)[:KEY_LEN]
    if poss and any(w in SUBSIDIARY_WORDS for w in after):
        key += "/unit"
    speaker = _SPEAKER.match(text, end) is not None
    return _Name(start, end, key, " ".join(words), refers_back, speaker)


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
        consider(m.start(), m.end(), got, w in _WEAK and not inside)
    got = best[2] if best else None
    if f.kind == Kind.PERCENT and got in _OWNERSHIP:
        return "stake"  # "buying 26 per cent of", "will hold 49% of"
    if f.kind == Kind.MONEY and got == "stake":
        return "value"  # "€600 million for a controlling stake": the price of the stake
    return got


_OWNERSHIP = frozenset({"stake", "value", "price", "buy"})


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
    raws = doc._cache.get("claims_names")
    if raws is None:
        raws = _names(text)
        doc._cache["claims_names"] = raws
    starts = [r[0] for r in raws]
    resolved: dict[int, _Name | None] = {}

    class _Lazy:
        """names[i] read on first use."""

        def __getitem__(self, i):
            if isinstance(i, slice):
                return [n for k in range(*i.indices(len(raws))) if (n := self.get(k)) is not None]
            return self.get(i)

        def get(self, i):
            if i not in resolved:
                resolved[i] = _name(text, raws[i])
            return resolved[i]

    names = _Lazy()
    year = doc.date.year if doc.date else None
    out: list[Claim] = []
    subject_cache: dict[int, _Name | None] = {}

    def sentence_subject(pos: int) -> _Name | None:
        """The first name of the sentence holding pos, before pos (None if none)."""
        s, _ = doc.sentence(pos)
        j = bisect.bisect_left(starts, s)
        k = bisect.bisect_left(starts, pos)
        cands = [n for n in names[j:k] if not n.refers_back]
        if len(cands) > 1 and cands[0].speaker:
            cands = cands[1:]  # "Lei Jun wants Xiaomi to ...": the claim is Xiaomi's
        if not cands:
            return None
        first = cands[0]
        if len(cands) > 1 and not first.key.endswith("/unit"):
            between = text[first.end:cands[1].start]
            if _possessive(first.text) and not between.strip():
                return cands[1]  # "Kuala Lumpur's Laluan Express": the owner is a place
            if (_LOWER_RUN.fullmatch(between)
                    and between.split()[-1] in SUBJECT_NOUNS):
                return cands[1]  # "German chemicals group Brandauer Chemie"
        return first

    def last_subject(pos: int) -> _Name | None:
        """The subject of the latest earlier sentence that names one."""
        k = bisect.bisect_left(starts, pos)
        while k > 0:
            k -= 1
            s, _ = doc.sentence(raws[k][0])
            got = subject_cache.get(s)
            if got is None and s not in subject_cache:
                got = sentence_subject(raws[k][1])
                subject_cache[s] = got
            if got is not None:
                return got
            k = bisect.bisect_left(starts, s)
        return None

    prev_measure: str | None = None
    for i, f in enumerate(doc.figures):
        lo, hi = _window(doc, i)
        if wanted is not None and not wanted[i]:
            # not compared: only its measure, which a following "up from ..." may inherit
            prev_measure = _measure(text, f, lo, hi) if f.kind != Kind.DURATION else None
            out.append(_NO_CLAIM)
            continue
        subj = sentence_subject(f.start)
        if subj is None:
            s, _ = doc.sentence(f.start)
            subj = last_subject(s)
            if subj is None:  # "The Slovenian government ...", the document's first sentence
                j = bisect.bisect_left(starts, s)
                k = bisect.bisect_left(starts, f.start)
                subj = next(iter(names[j:k]), None)
            if subj is None:  # no name before: the first one after, in the sentence
                k = bisect.bisect_left(starts, f.end)
                _, e = doc.sentence(f.start)
                e_k = bisect.bisect_left(starts, e)
                subj = next(iter(names[k:e_k]), None)
        # a duration is a horizon or a goal's span: the words near it name the goal's content
        measure = _measure(text, f, lo, hi) if f.kind != Kind.DURATION else None
        if measure is None and i and _BASE.search(text, max(lo, f.start - 30), f.start):
            measure = prev_measure  # "profit of £310m, up from £255m": the base of a change
        obj = _object(text, f, lo, hi)
        if obj is None and _TOTAL.search(text, max(lo, f.start - 40), f.start):
            obj = "total"  # "brings total funding to $500 million": a running total
        out.append(Claim(subj.key if subj else None, measure, obj,
                         _period(text, f, lo, hi, year), subj.text if subj else None))
        prev_measure = measure
    return out
