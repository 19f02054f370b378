"""Which time a figure refers to: 'last year', 'on February 9', 'by the end of 2022', 'in the
next ten years'. Resolved against the document date and recorded as `date_context` (ISO year,
month or day, or an interval 'A/B').

One regex pass over the document finds the time expressions and one pass finds sentence
boundaries; each figure then takes the nearest expression in its own sentence by bisection.
That keeps the cost linear in the text, whatever the number of figures.
"""

from __future__ import annotations

import bisect
import calendar
import re
from datetime import date as Date
from datetime import timedelta
from typing import Final

from figures.extract.sentences import sentence_ends
from figures.extract.trie import trie_pattern
from figures.model import Figure, Kind

_MONTHS: Final = {
    m.lower(): i for i, m in enumerate(calendar.month_name) if m
} | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
_MONTH_ALT: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))

_TIME: Final = re.compile(
    rf"(?P<mdy>(?:{_MONTH_ALT})\.?[ ]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?[ ]+(?P<y1>(?:19|20)\d\d))(?!\d)"
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ ]+(?:{_MONTH_ALT})\.?,?[ ]+(?P<y2>(?:19|20)\d\d))(?!\d)"
    r"|(?P<iso>(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))(?!\d)"
    r"|(?P<endof>(?:by[ ]+)?the[ ]+end[ ]+of[ ]+(?P<y4>(?:19|20)\d\d))"
    r"|(?P<half>(?P<which>first|second)[ ]+half[ ]+of[ ]+(?P<y5>(?:19|20)\d\d))"
    rf"|(?P<md>(?:since[ ]+)?(?:{_MONTH_ALT})\.?[ ]+(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?(?P<ly>[ ]+last[ ]+year)?)(?!\d)"
    rf"|(?P<my>(?:{_MONTH_ALT})[ ]+(?P<y7>(?:19|20)\d\d))(?!\d)"
    r"|(?P<rel>last[ ]+year|this[ ]+year|next[ ]+year|last[ ]+month|today|yesterday|so[ ]+far)\b"
    r"|(?P<span>(?:the[ ]+)?(?P<dir>next|past|last|coming)[ ]+(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)[ ]+years)"
    r"|(?P<year>(?:in|during|for|of|fiscal[ ]+year|fy)[ ]+(?P<y8>(?:19|20)\d\d))(?!\d)",
    re.IGNORECASE,
)
# Where a time expression can start: its first word (lower case or capitalised; months
# capitalised) and what must follow it for _TIME to match there. The detailed _TIME pattern
# (a slow, case-insensitive alternation) only runs at these candidates. Requiring the next
# word too matters: "the", "of", "in" and "for" alone made a candidate every 40 bytes, and
# _TIME was then most of the cost of resolving time references. Like _TIME, the words after the first are
# matched in any case. tests/test_anchoring.py holds this equivalent to trying _TIME after
# every starter word.
_MONTH_WORDS: Final = [*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"]
_YEAR: Final = r"(?:19|20)\d\d"
_ANY_MONTH: Final = "(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_SMALL_NUMBER: Final = "(?i:two|three|four|five|six|seven|eight|nine|ten)"
# What must follow each starter word (lower case or capitalised; months as written) for _TIME
# to match there. Only the word itself is consumed, so a candidate never hides the next one
# ("the last year": if _TIME fails at "the", it is tried at "last").
_FOLLOWERS: Final[dict[str, list[str]]] = {}
for _words, _after in [
    (_MONTH_WORDS, r"\.?[ ]+\d"),  # March 5, Mar. 5, March 2021
    (["since"], rf"[ ]+{_ANY_MONTH}\b"),
    (["by"], r"[ ]+(?i:the)[ ]+(?i:end)\b"),
    (["the"], r"[ ]+(?i:end|next|past|last|coming)\b"),
    (["first", "second"], r"[ ]+(?i:half)\b"),
    (["last", "this", "next"], r"[ ]+(?i:year|month)\b"),
    (["next", "past", "last", "coming"], rf"[ ]+(?:\d|{_SMALL_NUMBER})"),
    (["today", "yesterday"], r"\b"),
    (["so"], r"[ ]+(?i:far)\b"),
    (["in", "during", "for", "of", "fy", "FY"], rf"[ ]+{_YEAR}"),
    (["fiscal"], rf"[ ]+(?i:year)[ ]+{_YEAR}"),
]:
    for _w in _words:
        for _form in {_w, _w if _words is _MONTH_WORDS else _w.capitalize()}:
            if _after not in _FOLLOWERS.setdefault(_form, []):  # "May" is a name and an abbr.
                _FOLLOWERS[_form].append(_after)
_CANDIDATE_WORDS: Final = (
    trie_pattern(sorted(_FOLLOWERS), {w: "(?=" + "|".join(a) + ")" for w, a in _FOLLOWERS.items()})
    + rf"|\d{{1,2}}(?=[ ]+{_ANY_MONTH})"  # 9 February 2021
    + rf"|{_YEAR}(?=-\d\d-\d\d)"  # 2021-10-19
)
# The character before the word is consumed instead of asserting \b: a pattern that opens
# with a character class lets the engine skip ahead by a set test (see extract._ANCHOR).
_CANDIDATE: Final = re.compile(r"[^A-Za-z0-9_](?:" + _CANDIDATE_WORDS + ")")
_CANDIDATE_AT_START: Final = re.compile("(?:" + _CANDIDATE_WORDS + ")")


def _candidates(text: str):
    """Start offsets of the candidates, each at a word boundary as \\b would find it."""
    if _CANDIDATE_AT_START.match(text):
        yield 0
    for m in _CANDIDATE.finditer(text):
        before = text[m.start()]
        if not before.isascii() and (before.isalnum() or before == "_"):
            continue  # no word boundary after a non-ASCII letter or digit
        yield m.start() + 1


# A time expression after the figure belongs to it only within the same clause.
_CLAUSE_BREAK: Final = re.compile(r",|;|:|\band\b|\bbut\b|\bwhile\b")
_SMALL: Final = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}


def resolve_time_refs(text: str, figs: list[Figure], doc_date: Date | None) -> list[Figure]:
    """The figures with `date_context` filled where the text anchors them in time."""
    if not figs:
        return figs
    times = []
    last_end = 0
    for pos in _candidates(text):
        if pos < last_end:
            continue
        m = _TIME.match(text, pos)
        if m is None:
            continue
        ctx = _resolve(m, doc_date)
        if ctx is not None:
            times.append((m.start(), m.end(), ctx))
            last_end = m.end()
    if not times:
        return figs
    ends = sentence_ends(text)
    starts = [t[0] for t in times]
    out = []
    for f in figs:
        if f.kind == Kind.RATIO:
            out.append(f)  # shares and multiples are not events in time
            continue
        lo, hi = _sentence(ends, f.start, len(text))
        i = bisect.bisect_left(starts, lo)
        best = None
        best_dist = 1 << 30
        while i < len(times) and times[i][0] < hi:
            s, e, ctx = times[i]
            i += 1
            if s < f.end and f.start < e:
                # A period that contains the figure anchors it ("the next 10 years"); any other
                # overlap is the figure itself.
                if f.kind == Kind.DURATION and "/" in ctx:
                    best, best_dist = ctx, -1
                continue
            if s >= f.end and _CLAUSE_BREAK.search(text, f.end, s):
                continue
            if f.kind == Kind.DURATION and "/" not in ctx:
                continue  # a length ("6-7 years earlier") is not anchored by a nearby date
            dist = f.start - e if e <= f.start else s - f.end
            if dist < best_dist:
                best, best_dist = ctx, dist
        out.append(f.replace(date_context=best) if best else f)
    return out


def _sentence(ends: list[int], pos: int, n: int) -> tuple[int, int]:
    k = bisect.bisect_left(ends, pos)
    lo = ends[k - 1] + 1 if k > 0 else 0
    hi = ends[k] if k < len(ends) else n
    return lo, hi


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _resolve(m: re.Match, doc: Date | None) -> str | None:
    g = m.groupdict()
    if g["mdy"]:
        d = _safe_date(int(g["y1"]), _month(g["mdy"].split()[0]), int(g["d1"]))
        return d.isoformat() if d else None
    if g["dmy"]:
        d = _safe_date(int(g["y2"]), _month(g["dmy"].split()[1]), int(g["d2"]))
        return d.isoformat() if d else None
    if g["iso"]:
        d = _safe_date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        return d.isoformat() if d else None
    if g["endof"]:
        return f"{g['y4']}-12-31"
    if g["half"]:
        y = g["y5"]
        return f"{y}-01/{y}-06" if g["which"].lower() == "first" else f"{y}-07/{y}-12"
    if g["my"]:
        return f"{g['y7']}-{_month(g['my'].split()[0]):02d}"
    if g["year"]:
        return g["y8"]
    if doc is None:
        return None
    try:
        ctx = _relative(g, doc)
    except (ValueError, OverflowError):  # a document dated at the calendar's ends (year 1, 9999)
        return None
    if ctx is None or not _in_calendar(ctx):
        return None
    return ctx


def _in_calendar(ctx: str) -> bool:
    """Every year named in a context ('2021', '2021-03', '2020/2030') is between 1 and 9999:
    'next year' from 9999 or 'last year' from year 1 has no answer."""
    for part in ctx.split("/"):
        m = _LEADING_YEAR.match(part)
        if m is None or not 0 < int(m[0]) <= 9999:
            return False
    return True


_LEADING_YEAR: Final = re.compile(r"-?\d+")


def _relative(g: dict, doc: Date) -> str | None:
    """The time that a relative expression ('last year', 'on March 3') means at `doc`."""
    if g["md"]:
        words = g["md"].split()
        month_word = words[1] if words[0].lower() == "since" else words[0]
        year = doc.year - 1 if g["ly"] else doc.year
        d = _safe_date(year, _month(month_word), int(g["d6"]))
        if d is None:
            return None
        if d > doc and not g["ly"]:
            d = _safe_date(year - 1, d.month, d.day) or d  # a past event named without its year
        if words[0].lower() == "since":
            return f"{d.isoformat()}/{doc.isoformat()}"
        return d.isoformat()
    if g["rel"]:
        rel = " ".join(g["rel"].lower().split())
        return {
            "last year": f"{doc.year - 1:04d}",
            "this year": f"{doc.year:04d}",
            "next year": f"{doc.year + 1:04d}",
            "last month": _year_month(doc.replace(day=1) - timedelta(days=1)),
            "today": doc.isoformat(),
            "so far": doc.isoformat(),
            "yesterday": (doc - timedelta(days=1)).isoformat(),
        }[rel]
    if g["span"]:
        n = g["n"]
        years = int(n) if n.isdigit() else _SMALL[n.lower()]
        if g["dir"].lower() in ("past", "last"):
            return f"{doc.year - years:04d}/{doc.year:04d}"
        return f"{doc.year:04d}/{doc.year + years:04d}"
    return None


def _year_month(d: Date) -> str:
    return f"{d.year:04d}-{d.month:02d}"  # strftime('%Y') drops the zeros before year 1000

