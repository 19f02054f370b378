"""Numbers written as fractions or named, read only before a unit (issue 17).

'1/4 inch', '2 1/2 in thick', '½ tbsp', '2¼ miles', '⅓ cup', 'one-half miles', 'a quarter-mile';
'absolute zero' (0 K). A fraction of nothing stays out ('1/2', '3/4 of them'), as do dates,
scores and ratios ('10/19/2021', '24/7', '3/2'). The callers reach this module only past a
first-character test: a '/' or a vulgar fraction after the digits, a fraction word, 'zero'.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from figures.extract.left import left_side, prefix_before
from figures.extract.raw import K_COUNT, K_QUANTITY, Raw
from figures.extract.unit_grammar import hyphen_unit, may_start_unit, unit_after
from figures.vocab.number_words import VULGAR_FRACTIONS
from figures.vocab.stop_words import STOPWORDS
from figures.vocab.units_table import DISPLAY

VULGAR_CHARS: Final = frozenset(VULGAR_FRACTIONS)
_SLASH_FRACTION: Final = re.compile(r"(\d{1,3})/(\d{1,3})(?![\d/]|[.,]\d)")
# What may stand before a whole number written alone ('2 1/2'): not '$', ',' or a letter.
_WHOLE_BEFORE: Final = frozenset(" (\n\t")


def fraction_figure(text: str, s: int, e: int) -> Raw | None:
    """A fraction before a unit: '1/4 inch', '2 1/2 in thick', '½ tbsp', '2¼ miles', '⅓ cup'.
    text[s:e] is the anchor: digits (then '/' or a vulgar fraction at e) or a vulgar fraction.
    None unless a unit follows: '1/2' of nothing, dates and scores stay out."""
    n = len(text)
    whole = 0
    start = s
    if text[s] in VULGAR_CHARS:
        if s and text[s - 1].isdigit():
            return None  # '2½': read at its whole number
        num, den = VULGAR_FRACTIONS[text[s]]
        end = s + 1
    elif e < n and text[e] in VULGAR_CHARS:
        if e - s > 4 or not text[s:e].isdigit():
            return None
        num, den = VULGAR_FRACTIONS[text[e]]
        whole, end = int(text[s:e]), e + 1
    else:
        fm = _SLASH_FRACTION.match(text, s)
        if fm is None:
            return None
        num, den, end = int(fm.group(1)), int(fm.group(2)), fm.end()
        if not 0 < num < den:
            return None  # '24/7', '3/2': ratios and scores
    if not whole and s >= 2 and text[s - 1] == " " and text[s - 2].isdigit():
        k = s - 1  # a whole number before: '2 1/2 in', '2 ½ cups'
        while k > 0 and text[k - 1].isdigit() and s - k < 5:
            k -= 1
        if k > 0 and text[k - 1] not in _WHOLE_BEFORE:
            return None  # '1,2 1/2', '$2 1/2': not a whole number written alone
        whole, start = int(text[k:s - 1]), k
    if prefix_before(text, start) is not None:
        return None  # '$1/2': money is not read this way
    raw = Raw(start, end, K_COUNT, Decimal(whole) + Decimal(num) / Decimal(den), Decimal(1) / Decimal(den))
    cur = unit_after(text, end, raw)
    if cur < 0 and end < n and text[end] == "-":
        cur = hyphen_unit(text, end, raw)  # '1/4-inch'
    if cur < 0 or raw.kind != K_QUANTITY:
        return None
    raw.end = cur
    return raw if left_side(text, raw) else None


def unit_may_follow(text: str, e: int) -> bool:
    """Whether a unit, or a hyphenated one, can begin at `e` (for number words: 'half mile',
    'one-half miles', 'a quarter-mile')."""
    return may_start_unit(text, e) or (text[e:e + 1] == "-" and may_start_unit(text, e + 1))


def fraction_word_unit(text: str, start: int, e: int, value: Decimal, precision: Decimal) -> Raw | None:
    """A fraction in words before a unit ('one-half miles', 'a quarter mile'): text[start:e]."""
    raw = Raw(start, e, K_COUNT, value, precision)
    raw.words = True
    cur = hyphen_unit(text, e, raw) if text[e:e + 1] == "-" else unit_after(text, e, raw)
    if cur < 0 or raw.kind != K_QUANTITY:
        return None
    raw.end = cur
    return raw if left_side(text, raw) else None


# 'absolute zero': the one temperature news names without a number. Read only where the words
# that follow cannot make it an idiom ('absolute zero tolerance', 'absolute zero chance').
_ABSOLUTE: Final = re.compile(r"absolute[ ]", re.I)
_AFTER_ZERO: Final = re.compile(r"[ ]*(?:[.,;:)!?]|$|(?P<w>[A-Za-z]+))")


def absolute_zero(text: str, s: int, e: int) -> Raw | None:
    """The figure 0 kelvin for 'absolute zero' (text[s:e] is 'zero'), or None."""
    if s < 9 or _ABSOLUTE.match(text, s - 9) is None:
        return None
    am = _AFTER_ZERO.match(text, e)
    if am is None or (am.group("w") is not None and am.group("w").lower() not in STOPWORDS):
        return None
    raw = Raw(s - 9, e, K_QUANTITY, Decimal(0), Decimal(1))
    raw.unit, raw.words = DISPLAY["kelvin"], True
    return raw
