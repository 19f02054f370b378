"""The range partner on the right: '5-7%', '$10 to $12 billion', '3 or 4 years'."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from figures.extract.left import prev_word
from figures.extract.numerals import parse_numeral, words_to_number
from figures.extract.raw import K_COUNT, K_MONEY, K_PERCENT, Raw
from figures.extract.tokens import (
    GLUED,
    OPEN_PUNCT,
    ORDINAL,
    PERCENT,
    SCALE_AFTER,
    SCALE_FORMS,
    SYMBOL_ALT,
    WORD_RUN,
    WORD_SPLIT,
)
from figures.model import Kind
from figures.vocab.currencies import SYMBOLS
from figures.vocab.qualifiers import DIRECTION_WORDS

_RANGE_SEP: Final = re.compile(r"[ \u00a0]*(?P<sep>[-–—~]|to|or|and)[ \u00a0]*", re.I)
_SYMBOL_AT: Final = re.compile(SYMBOL_ALT)


_PARTNER_NUM: Final = re.compile(r"\d+(?:[.,]\d+)*")


def range_partner(text: str, cur: int, raw: Raw) -> int:
    """Extend a figure to a range when a second number follows: '15-20', '6 to 7', 'three or
    four', '$8-10 billion'. The second number must be written the same way (same currency,
    both percents or neither). 'from X to Y' is two figures, not a range. Nothing in `raw`
    changes unless the range is accepted."""
    if raw.low is not None or raw.value is None:
        return cur
    rm = _RANGE_SEP.match(text, cur)
    if not rm:
        return cur
    sep = rm.group("sep").lower()
    prevw = prev_word(text, raw.start)[0].lower().strip(OPEN_PUNCT)
    if (sep == "and" and prevw != "between") or (
        # "from X to Y" and "fell 3 cents to $1.22" are a change between two figures; after a
        # change verb a bare first number still ranges ("rose 5 to 10 percent")
        sep == "to"
        and (prevw == "from" or (prevw in DIRECTION_WORDS and raw.kind != Kind.COUNT))
    ):
        return cur
    p = rm.end()
    sym = None
    if p < len(text) and not text[p].isdigit():
        sym = _SYMBOL_AT.match(text[p:p + 4])
    if sym:
        code = SYMBOLS.get(sym.group())
        if raw.kind != K_MONEY or (code != raw.currency and not (code is None and raw.marker is not None)):
            return cur
        p += len(sym.group())
        if p < len(text) and text[p] == " ":
            p += 1
    nm = _PARTNER_NUM.match(text, p)
    if nm is not None:
        parsed = parse_numeral(nm.group())
        if parsed is None:
            return cur
        second, sprec = parsed
        end2 = nm.end()
    elif raw.words:
        wm = WORD_RUN.match(text, p)
        worded = words_to_number(WORD_SPLIT.split(wm.group())) if wm else None
        if wm is None or worded is None:
            return cur
        second, sprec, end2 = worded, Decimal(1), wm.end()
    else:
        return cur
    first, first_prec, scale_word = raw.value, raw.precision or Decimal(1), raw.scale_word
    # A scale after the partner applies to both ("$8-10 billion") when the first had none.
    mult = Decimal(1)
    cur2 = end2
    g = GLUED.match(text, end2)
    sm = None if g else SCALE_AFTER.match(text, end2)
    if g:
        if g.group() not in SCALE_FORMS or g.group().lower() in ORDINAL:
            return cur
        word, cur2 = g.group(), g.end()
    elif sm and (sm.group("s") or "").lower() != "hundred":
        word, cur2 = sm.group("s") or sm.group("cn"), sm.end()
    else:
        word = None
    if word is not None:
        mult = Decimal(SCALE_FORMS.get(word, 1))
        if scale_word is None:
            scale_word, first, first_prec = word, first * mult, first_prec * mult
    elif scale_word is not None:
        return cur  # "$8 billion to 10": the partner has no scale; do not guess one
    second *= mult
    kind, unit = raw.kind, raw.unit
    pm2 = PERCENT.match(text, cur2)
    if kind == K_PERCENT:
        if pm2 is None:
            return cur  # "6% to 309,381 yen": a percent ranges only to another percent
        cur2 = pm2.end()
    elif pm2 is not None:
        if kind != K_COUNT or scale_word is not None:
            return cur
        kind, unit, cur2 = K_PERCENT, "percent", pm2.end()  # "5-6%"
    if second < first or (second == first and sep in ("-", "–", "—", "~")):
        return cur  # a range runs upward; "2023-02" and "3-3" are codes
    raw.kind, raw.unit, raw.scale_word = kind, unit, scale_word
    raw.low, raw.high, raw.value = first, second, None
    raw.precision = min(first_prec, sprec * mult)
    return cur2
