"""The physical unit after a number, and what the grammar around it decides (issue 17).

unit_match reads the unit forms (tables generated from pint); this module decides, around one
number, whether the unit is taken: after the scale word ('3.2 million| barrels a day'), glued
('60W'), hyphenated ('900-megawatt', '8- to 16-meter') or bracketed ('20 (kg)'), and whether a
second number in the same unit makes a range ('44 mg to 50 mg', '-18 °C to -34 °C').

Cost: a set look-up of the next word (unit_match.first_words) before any matcher call, so the
numbers followed by ordinary nouns pay one look-up; every read is bounded, hence linear.
Time units are left to the duration path ('3 min', '5 hours'): their figures are durations.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from figures.extract.left import prev_word
from figures.extract.numerals import parse_numeral
from figures.extract.raw import K_QUANTITY, Raw
from figures.extract.unit_match import UnitMatch, first_words, match_unit
from figures.vocab.time_words import TIME_UNITS

_SPACES: Final = frozenset(" \u00a0\u2009\u202f")
# First words of unit forms, less the time units: those are durations ('5 years', '3 days'),
# read by the counted-noun path, and most figures in news are followed by one.
_GATE_WORDS: Final = first_words() - frozenset(TIME_UNITS)
# Characters that open a unit right after a number or its space: degree signs, one-character
# temperature units, brackets around a unit ('20 (kg)').
GATE_CHARS: Final = frozenset("°º℃℉([{")
_GATE_WORD_MAX: Final = 14
# 'm' and 't' are also the scale words million and trillion ('5 m users', '1.5 t of debt' is
# tonnes): before a plural noun the scale reading wins, so the unit is not taken.
_SCALE_LETTERS: Final = frozenset({"m", "t"})
_SIGNS: Final = frozenset("-−")
# A range between two quantities written in the same unit.
_RANGE_SEP: Final = re.compile(r"[ \u00a0]*(?:to|and|[-–—~])[ \u00a0]*", re.I)
_HYPHEN_TO: Final = re.compile(r"-[ \u00a0]+(?:to|or)[ \u00a0]+")
_NUMBER: Final = re.compile(r"\d+(?:[.,]\d+)*")
_PLURAL_WORD: Final = re.compile(r"[ \u00a0]+([a-z]{3,})")
# 'ranged from -18 °C to -34 °C' is a range; 'fell from 5 km to 3 km' is a change.
_RANGE_VERBS: Final = ("rang", "between", "varied", "varies", "vary", "spann")


def may_start_unit(text: str, cur: int) -> bool:
    """Whether a unit can begin at `cur` (after optional space): the cheap gate before
    match_unit, one set look-up of the next word."""
    n = len(text)
    i = cur
    if i < n and text[i] in _SPACES:
        i += 1
    if i >= n:
        return False
    c = text[i]
    if c in GATE_CHARS:
        return True
    j = i
    while j < n and j - i < _GATE_WORD_MAX and (text[j].isalpha() or text[j] in "µμ"):
        j += 1
    if j == i:
        return False
    return text[i:j].lower() in _GATE_WORDS or (j < n and text[j] in "23²³")


def unit_after(text: str, cur: int, raw: Raw) -> int:
    """Read a physical unit at `cur` into `raw` (kind quantity, unit, per, maybe a range).
    Returns the new end, or -1 when no unit is taken there (the caller goes on with counted
    nouns and durations)."""
    if not may_start_unit(text, cur) or _decimal_tail(text, raw):
        return -1
    m = match_unit(text, cur)
    if m is None or not _accept(text, cur, m):
        return -1
    return _take(text, m, raw)


def glued_unit(text: str, e: int, raw: Raw) -> int:
    """A unit glued to the number ('60W', '101kWh', '4km^3', '30C'); -1 when none."""
    if _decimal_tail(text, raw):
        return -1
    m = match_unit(text, e)
    if m is None or m.start != e or not _accept(text, e, m):
        return -1
    return _take(text, m, raw)


def hyphen_unit(text: str, cur: int, raw: Raw) -> int:
    """'900-megawatt', 'six-mile', '6.1-inch'; '8- to 16-meter' (a range). -1 when none."""
    hm = _HYPHEN_TO.match(text, cur)
    if hm is not None:
        return _hyphen_range(text, hm.end(), raw)
    if not may_start_unit(text, cur + 1):
        return -1
    m = match_unit(text, cur)
    if m is None or m.dimension == "time" or not _accept(text, cur, m):
        return -1
    return _take(text, m, raw, ranges=False)


def _decimal_tail(text: str, raw: Raw) -> bool:
    """'.25ml': digits after a bare decimal point, whose value the anchor does not hold (25,
    not 0.25); '8x2^10 bits': an exponent, not the count. A unit would make a wrong quantity of
    it; without one it stays a bare number."""
    st = raw.start
    if st == 0:
        return False
    c = text[st - 1]
    return c == "^" or (c == "." and (st < 2 or not text[st - 2].isdigit()))


def _accept(text: str, cur: int, m: UnitMatch) -> bool:
    if m.dimension == "time":
        return False  # durations have their own path
    form = text[m.start:m.end].strip("([{ )]}")
    if form in _SCALE_LETTERS:
        pw = _PLURAL_WORD.match(text, m.end)
        if pw is not None and pw.group(1).endswith("s"):
            return False  # '5 m users': million
    return True


def _take(text: str, m: UnitMatch, raw: Raw, *, ranges: bool = True) -> int:
    raw.kind = K_QUANTITY
    raw.unit = m.display
    raw.per = m.per_display
    end = m.end
    if ranges and raw.low is None and raw.value is not None:
        end = _same_unit_range(text, end, raw, m)
    return end


def _signed_start(text: str, raw: Raw) -> bool:
    """Whether a minus written on the first number makes it negative ('-18 °C')."""
    st = raw.start
    if st == 0 or text[st - 1] not in _SIGNS:
        return False
    before = text[st - 2] if st >= 2 else " "
    return not (before.isalnum() or before in "-−+.,/:%_")


def _same_unit_range(text: str, end: int, raw: Raw, m: UnitMatch) -> int:
    """'44 mg to 50 mg', '-18 °C to -34 °C': a second number written in the same unit."""
    rm = _RANGE_SEP.match(text, end)
    if rm is None or raw.value is None:
        return end
    word = prev_word(text, raw.start - (1 if _signed_start(text, raw) else 0))[0].lower()
    if word in ("from", "rose", "fell", "dropped", "increased", "decreased", "grew", "cut"):
        if word != "from" or not any(v in text[max(0, raw.start - 24):raw.start] for v in _RANGE_VERBS):
            return end
    p = rm.end()
    negative = p < len(text) and text[p] in _SIGNS
    if negative:
        p += 1
    nm = _NUMBER.match(text, p)
    if nm is None:
        return end
    parsed = parse_numeral(nm.group())
    if parsed is None:
        return end
    second, sprec = parsed
    m2 = match_unit(text, nm.end())
    if m2 is None or (m2.unit, m2.per, m2.per_count) != (m.unit, m.per, m.per_count):
        return end
    first = raw.value
    if raw.scale_word is not None:
        return end  # '3 million barrels to 4 barrels': no guess at the partner's scale
    if _signed_start(text, raw):
        raw.start -= 1
        first = -first
    if negative:
        second = -second
    if first == second:
        return end
    raw.low, raw.high = min(first, second), max(first, second)
    raw.value = None
    raw.precision = min(raw.precision or Decimal(1), sprec)
    return m2.end


def _hyphen_range(text: str, p: int, raw: Raw) -> int:
    """'8- to 16-meter': the unit written once, hyphenated on the second number."""
    nm = _NUMBER.match(text, p)
    if nm is None or raw.value is None or nm.end() >= len(text) or text[nm.end()] != "-":
        return -1
    parsed = parse_numeral(nm.group())
    if parsed is None:
        return -1
    m = match_unit(text, nm.end())
    if m is None or m.dimension == "time" or not _accept(text, nm.end(), m):
        return -1
    second, sprec = parsed
    if second <= raw.value or raw.scale_word is not None:
        return -1
    raw.kind, raw.unit, raw.per = K_QUANTITY, m.display, m.per_display
    raw.low, raw.high, raw.value = raw.value, second, None
    raw.precision = min(raw.precision or Decimal(1), sprec)
    return m.end


_PLUS_MINUS: Final = re.compile(r"[ \u00a0]?(?:±|\+/-|\+-)[ \u00a0]?")


def uncertainty(text: str, cur: int, raw: Raw) -> int:
    """'2,000.45±0.01 pounds', '9.8 +/- 0.1 m': a value with its uncertainty and a unit, read
    as the interval it states. Without a unit after the uncertainty nothing is taken (-1)."""
    um = _PLUS_MINUS.match(text, cur)
    if um is None or raw.value is None or raw.scale_word is not None:
        return -1
    nm = _NUMBER.match(text, um.end())
    if nm is None:
        return -1
    parsed = parse_numeral(nm.group())
    if parsed is None:
        return -1
    probe = Raw(raw.start, raw.end, raw.kind, raw.value, raw.precision)
    end = unit_after(text, nm.end(), probe)
    if end < 0 or probe.low is not None:
        return -1
    spread, sprec = parsed
    first = raw.value
    if _signed_start(text, raw):
        raw.start -= 1
        first = -first
    raw.kind, raw.unit, raw.per = K_QUANTITY, probe.unit, probe.per
    raw.low, raw.high, raw.value = first - spread, first + spread, None
    raw.precision = min(raw.precision or Decimal(1), sprec)
    return end
