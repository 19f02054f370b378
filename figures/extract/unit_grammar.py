"""The physical unit after a number, and what the grammar around it decides (issue 17).

unit_match reads the unit forms (tables generated from pint); this module decides, around one
number, whether the unit is taken: after the scale word ('3.2 million| barrels a day'), glued
('60W'), hyphenated ('900-megawatt', '8- to 16-meter') or bracketed ('20 (kg)'), and whether a
second number in the same unit makes a range ('44 mg to 50 mg', '-18 °C to -34 °C').

Numbers the unit path reads itself, only where a unit follows (of nothing they stay out):
powers of ten ('4e14 s-1', '3 x 10^8 m/s', '5.5x10-3 kg/cm³'), a unit shared by a list ('45 and
50 mg') and dash ranges the range reader leaves ('75-300mm', '75 -300mm', '-78-0 degrees
Celsius'); fractions are unit_numbers'.

Cost: a set look-up of the next word (unit_match.first_words) before any matcher call, so the
numbers followed by ordinary nouns pay one look-up; the forms above are reached only past a
first-character test ('e'/'x' glued, ' x', ' and', ' in ', '-digit').
Every read is bounded, hence linear. Time units are left to the duration path ('3 min', '5
hours'): their figures are durations.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from figures.extract.left import prefix_before, prev_word
from figures.extract.numerals import parse_numeral
from figures.extract.raw import K_QUANTITY, Raw
from figures.extract.tokens import ASCII_CHARS, ASCII_LETTERS
from figures.extract.unit_match import UnitMatch, first_words, match_unit
from figures.vocab.time_words import TIME_UNITS
from figures.vocab.units_table import DISPLAY

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
    while j < n and j - i < _GATE_WORD_MAX:
        d = text[j]
        # set look-ups first: a str method call costs several of them in the compiled engine
        if d not in ASCII_LETTERS and (d in ASCII_CHARS or not (d.isalpha() or d in "µμ")):
            break
        j += 1
    if j == i:
        return False
    return text[i:j].lower() in _GATE_WORDS or (j < n and text[j] in "23²³")


def unit_after(text: str, cur: int, raw: Raw) -> int:
    """Read a physical unit at `cur` into `raw` (kind quantity, unit, per, maybe a range).
    Returns the new end, or -1 when no unit is taken there (the caller goes on with counted
    nouns and durations)."""
    if not may_start_unit(text, cur):
        return _no_unit_word(text, cur, raw)
    if _decimal_tail(text, raw):
        return -1
    m = match_unit(text, cur)
    if m is None:
        return _no_unit_word(text, cur, raw)  # '2 in thick'
    if not _accept(text, cur, m):
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
    """'900-megawatt', 'six-mile', '6.1-inch'; '8- to 16-meter' (a range); '75-300mm' and
    '-78-0 degrees Celsius', the ranges range_partner leaves. -1 when none."""
    hm = _HYPHEN_TO.match(text, cur)
    if hm is not None:
        return _hyphen_range(text, hm.end(), raw)
    if cur + 1 < len(text) and text[cur + 1].isdigit():
        return _dash_range(text, cur, raw)
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
    if m.unit == "degree" and text.startswith(" on the ", m.end):
        m = _scale_named(text, m)  # '−273.15° on the Celsius scale'
    raw.kind = K_QUANTITY
    raw.unit = m.display
    raw.per = m.per_display
    end = m.end
    if ranges and raw.low is None and raw.value is not None:
        st = raw.start
        if st >= 3 and text[st - 1] == "-" and text[st - 2] == " " and text[st - 3].isdigit():
            if _spaced_dash_range(text, raw):  # '75 -300mm': a zoom range, not minus 300
                return end
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


def _number_with_unit(text: str, p: int) -> tuple[Decimal, Decimal, UnitMatch] | None:
    """The second number of a range at `p` and the (non-time) unit written after it: (value,
    precision, unit), or None."""
    nm = _NUMBER.match(text, p)
    if nm is None:
        return None
    parsed = parse_numeral(nm.group())
    if parsed is None:
        return None
    m = match_unit(text, nm.end())
    if m is None or m.dimension == "time" or not _accept(text, nm.end(), m):
        return None
    return parsed[0], parsed[1], m


def _hyphen_range(text: str, p: int, raw: Raw) -> int:
    """'8- to 16-meter': the unit written once, hyphenated on the second number."""
    nm = _NUMBER.match(text, p)
    if nm is None or raw.value is None or nm.end() >= len(text) or text[nm.end()] != "-":
        return -1
    got = _number_with_unit(text, p)
    if got is None:
        return -1
    second, sprec, m = got
    if second <= raw.value or raw.scale_word is not None:
        return -1
    raw.kind, raw.unit, raw.per = K_QUANTITY, m.display, m.per_display
    raw.low, raw.high, raw.value = raw.value, second, None
    raw.precision = min(raw.precision or Decimal(1), sprec)
    return m.end


_PLUS_MINUS: Final = re.compile(r"[ \u00a0]?(?:±|\+/-|\+-)[ \u00a0]?")
_PLUS_MINUS_FIRST: Final = frozenset("±+")  # after the optional space: the match is skipped otherwise


def uncertainty(text: str, cur: int, raw: Raw) -> int:
    """'2,000.45±0.01 pounds', '9.8 +/- 0.1 m': a value with its uncertainty and a unit, read
    as the interval it states. Without a unit after the uncertainty nothing is taken (-1)."""
    i = cur + 1 if text[cur:cur + 1] in _SPACES else cur
    if text[i:i + 1] not in _PLUS_MINUS_FIRST:
        return -1
    um = _PLUS_MINUS.match(text, cur)
    if um is None or raw.value is None or raw.scale_word is not None:
        return -1
    nm = _NUMBER.match(text, um.end())
    if nm is None:
        return -1
    parsed = parse_numeral(nm.group())
    if parsed is None:
        return -1
    spread, sprec = parsed
    p = nm.end()
    em = _EXPONENT.match(text, p)
    if em is not None:  # '9.83e-3 +/- 1e-5 km/s2'
        mult = Decimal(10) ** _power(em.group(1), em.group(2))
        spread, sprec, p = spread * mult, sprec * mult, em.end()
    probe = Raw(raw.start, raw.end, raw.kind, raw.value, raw.precision)
    end = unit_after(text, p, probe)
    if end < 0 or probe.low is not None:
        return -1
    first = raw.value
    if _signed_start(text, raw):
        raw.start -= 1
        first = -first
    raw.kind, raw.unit, raw.per = K_QUANTITY, probe.unit, probe.per
    raw.low, raw.high, raw.value = first - spread, first + spread, None
    raw.precision = min(raw.precision or Decimal(1), sprec)
    return end


# ---- numbers read only before a unit ---------------------------------------------------------

# Letters glued to a number that may open a power of ten ('4e14 s-1', '5.5x10-3 kg/cm³').
POWER_MARKS: Final = frozenset("eExX")
_SUPERSCRIPTS: Final = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NEGATIVE: Final = frozenset("-−⁻")
_INVERSE_STARTS: Final = frozenset("-−⁻^")
_EXPONENT: Final = re.compile(r"[eE]([-−+]?)(\d{1,3})(?![\d.,]\d|[A-Za-z\d])")
# 'e-3', 'x 10^8', '×10⁻³', 'x10-3' (a dash exponent only glued, base 10), '8x2^10'.
_POWER: Final = re.compile(
    r"(?:[eE](?P<esign>[-−+]?)(?P<eexp>\d{1,3})"
    r"|(?P<sp>[ \u00a0]?)[xX×*·][ \u00a0]?(?P<base>\d{1,2})"
    r"(?:(?:\^|\*\*)(?P<psign>[-−+]?)(?P<pexp>\d{1,3})|(?P<ssign>⁻?)(?P<sexp>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    r"|(?P<dsign>[-−])(?P<dexp>\d{1,2})))(?![\d^]|[.,]\d)"
)
_LIST_SEP: Final = re.compile(r",?[ ](?:(?P<w>and|or)[ ])?")
_INCH_ADJECTIVE: Final = re.compile(r" in(?= (?:thick|tall|wide|long|deep|high|across)(?:[.,;:)]|$))")
_WHOLE_BEFORE: Final = frozenset(" (\n\t")


def _power(sign: str, digits: str) -> int:
    power = int(digits.translate(_SUPERSCRIPTS))
    return -power if sign and sign in _NEGATIVE else power


def _no_unit_word(text: str, cur: int, raw: Raw) -> int:
    """The forms the one-word gate does not see: a power of ten ('3 x 10^8 m/s'), a unit
    written once after a list ('45 and 50 mg'), inches before a dimension ('2 in thick': 'in'
    alone is a preposition). One or two character tests for every other number."""
    n = len(text)
    if cur + 2 >= n:
        return -1
    c = text[cur]
    if c == "×":
        return power_unit(text, cur, raw)
    if c != " ":
        return -1
    c = text[cur + 1]
    if c == "x" or c == "×" or c == "X":
        return power_unit(text, cur, raw)
    if (c == "a" or c == "o") and text.startswith((" and ", " or "), cur):
        return _shared_unit(text, cur, raw)
    if c == "s" and text[cur + 2] in _INVERSE_STARTS and not _decimal_tail(text, raw):
        m = match_unit(text, cur)  # 's-1': the second alone is no unit
        return _take(text, m, raw) if m is not None and m.inverse else -1
    if c == "i" and text.startswith(" in ", cur) and raw.value is not None and raw.low is None:
        im = _INCH_ADJECTIVE.match(text, cur)
        if im is not None and not _decimal_tail(text, raw):
            raw.kind, raw.unit, raw.per = K_QUANTITY, DISPLAY["inch"], None
            return im.end()
    return -1


def power_unit(text: str, cur: int, raw: Raw) -> int:
    """A power of ten (or of a small base) written at `cur`, right after the mantissa, and the
    unit after it: '4e14 s-1', '-1e-3 W/min', '3 x 10^8 m/s', '8x2^10 bits'. -1 (and `raw`
    unchanged) when the form is not there or no unit follows: '2x4' stays two numbers."""
    if raw.value is None or raw.scale_word is not None or raw.low is not None or _decimal_tail(text, raw):
        return -1
    pm = _POWER.match(text, cur)
    if pm is None:
        return -1
    if pm.group("eexp") is not None:
        base, power = 10, _power(pm.group("esign"), pm.group("eexp"))
    else:
        base = int(pm.group("base"))
        if pm.group("pexp") is not None:
            power = _power(pm.group("psign"), pm.group("pexp"))
        elif pm.group("sexp") is not None:
            power = _power(pm.group("ssign"), pm.group("sexp"))
        elif base == 10 and not pm.group("sp") and " " not in pm.group():
            power = _power(pm.group("dsign"), pm.group("dexp"))  # '5.5x10-3 kg'
        else:
            return -1  # '3 x 10-15 km': a dash there may be a range
    if base < 2:
        return -1
    value, precision = raw.value, raw.precision
    mult = Decimal(base) ** power
    raw.value, raw.precision = value * mult, (precision or Decimal(1)) * mult
    p = pm.end()
    end = unit_after(text, p, raw)
    if end < 0 and p < len(text) and text[p] in " ±+":
        end = uncertainty(text, p, raw)
    if end < 0 or raw.kind != K_QUANTITY:
        raw.value, raw.precision = value, precision
        return -1
    return end


def _shared_unit(text: str, cur: int, raw: Raw) -> int:
    """'45 and 50 mg', '45 and 50, 60 or 70 km': the unit written once after the last number of a
    list is every number's. The figure keeps its own span (the scan reads the next numbers on
    their own); -1 when the list ends without a unit, with a scale word ('45 and 50 million
    tonnes': no guess at the first number's scale), or on a year ('2019 and 50 km')."""
    if raw.value is None or raw.scale_word is not None or raw.low is not None or raw.unit is not None:
        return -1
    if _decimal_tail(text, raw) or (raw.end - raw.start == 4 and text[raw.start] in "12"):
        return -1
    p = cur
    joined = False
    for _ in range(6):
        sm = _LIST_SEP.match(text, p)
        if sm is None or sm.end() >= len(text) or not text[sm.end()].isdigit():
            return -1
        joined = joined or sm.group("w") is not None
        nm = _NUMBER.match(text, sm.end())
        if nm is None:
            return -1
        p = nm.end()
        if (p < len(text) and text[p] == ",") or text.startswith((" and ", " or "), p):
            continue
        if not joined:
            return -1
        m = match_unit(text, p)
        if m is None or not _accept(text, p, m):
            return -1
        raw.kind, raw.unit, raw.per = K_QUANTITY, m.display, m.per_display
        return cur
    return -1


def _dash_range(text: str, cur: int, raw: Raw) -> int:
    """'75-300mm', '-78-0 degrees Celsius': a dash, a second number and a unit, where the first
    number may carry a minus sign ('-78' is below 0, so the range runs upward)."""
    if raw.value is None or raw.scale_word is not None or raw.low is not None:
        return -1
    got = _number_with_unit(text, cur + 1)
    if got is None:
        return -1
    second, sprec, m = got
    first = raw.value
    signed = _signed_start(text, raw)
    if signed:
        first = -first
    if not first < second:
        return -1
    if signed:
        raw.start -= 1
    raw.kind, raw.unit, raw.per = K_QUANTITY, m.display, m.per_display
    raw.low, raw.high, raw.value = first, second, None
    raw.precision = min(raw.precision or Decimal(1), sprec)
    return m.end


def _spaced_dash_range(text: str, raw: Raw) -> bool:
    """'75 -300mm' (a zoom lens): a bare number, a space and a dash glued to this number make a
    range when it runs upward (True); otherwise `raw` is left as it is (False). (A bool, not a
    second look at raw.low: mypyc keeps the caller's narrowing of it to None.)"""
    j = raw.start - 2
    k = j
    while k > 0 and (text[k - 1].isdigit() or text[k - 1] in ".,") and j - k < 12:
        k -= 1
    if (k > 0 and text[k - 1] not in _WHOLE_BEFORE) or not text[k].isdigit() \
            or prefix_before(text, k) is not None:
        return False
    parsed = parse_numeral(text[k:j])
    if parsed is None or raw.value is None or not parsed[0] < raw.value:
        return False
    raw.low, raw.high, raw.value = parsed[0], raw.value, None
    raw.precision = min(raw.precision or Decimal(1), parsed[1])
    raw.start = k
    return True


# A bare degree whose temperature scale is named right after it.
_SCALE_AFTER: Final = re.compile(r" on the (?P<s>Celsius|centigrade|Fahrenheit|Kelvin) scale(?![A-Za-z])", re.I)
_SCALES: Final = {"celsius": "degree_Celsius", "centigrade": "degree_Celsius",
           "fahrenheit": "degree_Fahrenheit", "kelvin": "kelvin"}


def _scale_named(text: str, m: UnitMatch) -> UnitMatch:
    sm = _SCALE_AFTER.match(text, m.end)
    if sm is None or m.per is not None:
        return m
    return UnitMatch(m.start, sm.end(), _SCALES[sm.group("s").lower()], "temperature")
