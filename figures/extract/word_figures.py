"""Figures written in words: 'two hundred', 'half a million', 'twice', 'dozens of'."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from figures.extract.left import left_side, prev_word
from figures.extract.numerals import words_to_number
from figures.extract.raw import K_COUNT, K_DURATION, K_MONEY, K_RATIO, Raw
from figures.extract.right import currency_after, right_inert, right_side
from figures.extract.right_nouns import noun_after
from figures.extract.tokens import (
    MAX_RUN_WORDS,
    OPEN_PUNCT,
    POINT_STARTS,
    RUN_WORDS,
    SPOKEN_POINT,
    WORD_RUN,
    WORD_SPLIT,
    WORDNUM,
    match_end,
    peek,
    spoken_fraction,
)
from figures.extract.unit_grammar import may_start_unit
from figures.extract.unit_numbers import absolute_zero, fraction_word_unit, unit_may_follow
from figures.vocab.currencies import HYPHEN_CURRENCY
from figures.vocab.number_words import (
    FRACTION_WORDS,
    FRACTIONS,
    MAGNITUDES,
    MULTIPLE_WORDS,
    UNITS,
    VAGUE_PLURALS,
)
from figures.vocab.scales import SCALE_WORDS
from figures.vocab.time_words import TIME_UNITS

# The rest of a run longer than that: a list of numbers, not an amount. It is read once, and
# none of the number words in it becomes a figure (see from_words).
# The words of a WORD_RUN, and what can carry a run on after its first word: one source, the
# tokens WORDNUM list.
_RUN_WORDS: Final = frozenset(w.lower() for w in RUN_WORDS)
_RUN_GOES_ON: Final = _RUN_WORDS | {"and"}
_WORD_RUN_REST: Final = re.compile(rf"(?:(?:-|[ ]+|[ ]+and[ ]+){WORDNUM}(?![A-Za-z]))*", re.I)
# Words after which a hyphen continues a figure: "two-billion", "ten-pound".
_LARGE: Final = [w for w, v in MAGNITUDES.items() if v >= 1000]  # thousand, million, billion, trillion
_HYPHEN_SCALE: Final = re.compile(r"-(?:" + "|".join(w for w in _LARGE if MAGNITUDES[w] >= 10**6) + ")")
_HYPHEN_MONEY: Final = re.compile(r"-(?:" + "|".join(sorted(HYPHEN_CURRENCY, key=lambda w: (-len(w), w))) + ")")
_HYPHEN_MONEY_WINDOW: Final = 1 + max(len(w) for w in HYPHEN_CURRENCY)
_HALF_A: Final = re.compile(r"[ ]+an?[ ]+([a-z]+)")
_VAGUE: Final = re.compile(
    r"(?P<a>" + "|".join(VAGUE_PLURALS) + ")"
    r"(?:[ ]+of[ ]+(?P<b>" + "|".join(f"{w}s" for w in _LARGE) + r"))?(?=[ ]+of[ ])",
    re.I,
)
_OF: Final = re.compile(r"[ ]+of[ ]+")
_ORDINAL_WORDS: Final = frozenset({"first", "second", "third", "fourth", "last", "latter", "former",
                            "other", "final", "next", "previous", "past", "coming", "fiscal"})
# "one year" is a figure after these words ("within one year"), an idiom elsewhere ("one day").
_ONE_UNIT_CUES: Final = frozenset({"for", "in", "within", "over", "about", "nearly", "than", "of",
                            "after", "last", "past", "next", "least", "only", "just"})
_DEFINITE: Final = frozenset({"the", "these", "those", "both", "its", "their", "his", "her"})


# ---- number words ---------------------------------------------------------------------------


_A_WORDS: Final = frozenset(MAGNITUDES) | {"dozen"}  # "a million", "a dozen"
# What SPOKEN_POINT can start with (a cheap pre-filter).


def from_words(text: str, s: int, e: int) -> Raw | int | None:
    """The figure a number word starts, or None. For a run of more than MAX_RUN_WORDS number
    words it returns the offset where the run ends instead: no anchor before it is a figure."""
    word = text[s:e].lower()
    if word in FRACTION_WORDS:
        return _fraction(text, s, e, word)
    if word == "zero" and s >= 9 and (az := absolute_zero(text, s, e)) is not None:
        return az  # 'absolute zero' is 0 K
    if word.endswith("fold"):
        return _fold(text, s, e, word)
    if word in _MULTIPLE_WORDS:
        if _MULTIPLE_OF.match(text, e) is None:
            return None  # "twice a year", "met twice": how often, not how much
        return _fold(text, s, e, word)
    if word in ("hundreds", "thousands", "millions", "billions", "tens", "dozens"):
        return _vague(text, s, e, word)
    pk = peek(text, e)
    if word in _RUN_WORDS and not pk[3] and pk[1].lower() not in _RUN_GOES_ON:
        # One number word and no second one after it ("two companies"): the run is the word.
        words = [text[s:e]]
        end = e
    else:
        wm = WORD_RUN.match(text, s)
        if wm is None:
            return None
        words = WORD_SPLIT.split(wm.group())
        if len(words) >= MAX_RUN_WORDS:
            rest_end = match_end(_WORD_RUN_REST, text, wm.end())
            if rest_end > wm.end():  # the run goes on past the bound
                return rest_end
        # Trailing "and" belongs to the sentence, not the number.
        while words and words[-1].lower() == "and":
            words.pop()
        end = wm.end()
        pk = peek(text, end)
    peeked_at = end
    value = words_to_number(words)
    if value is None:
        return None
    scale_word = None
    precision = Decimal(1)
    last = words[-1].lower()
    pt = None
    if last not in MAGNITUDES and text[end:end + 2] in POINT_STARTS:
        pt = SPOKEN_POINT.match(text, end)
    if pt is not None:  # "twenty-one-point-four (trillion)": the scale is read on the right
        frac, precision = spoken_fraction(pt)
        value += frac
        end = pt.end()
    elif last in MAGNITUDES and last != "hundred" and len(words) > 1:
        scale_word = words[-1]
        precision = Decimal(MAGNITUDES[last])
    elif (
        last not in MAGNITUDES
        # _AND_A_HALF needs " and" or a second space here: the match is skipped for the rest
        and text[end:end + 1] == " "
        and (text.startswith(" and", end) or text.startswith("  ", end))
        and (hm := _AND_A_HALF.match(text, end)) is not None
    ):
        # "two and a half years", "one and a half billion dollars"
        value += Decimal("0.5")
        precision = Decimal("0.5")
        end = hm.end()
        if hm.group("s"):
            scale_word = hm.group("s")
            mult = Decimal(SCALE_WORDS[scale_word.lower()])
            value, precision = value * mult, precision * mult
    if end != peeked_at:  # a spoken point or "and a half" moved the end
        pk = peek(text, end)
    if scale_word is None and right_inert(text, end, pk):
        return None  # a bare number word: "one of", "two and" (see right_inert)
    if pk[1].lower() in FRACTION_WORDS and (
        text.startswith(" of", pk[2]) or _FRACTION_OF_SCALE.match(text, pk[2]) is not None
    ):
        return None  # "two thirds of", "three quarters billion": read at the fraction word
    raw = Raw(s, end, K_COUNT, value, precision, scale_word)
    raw.words = True
    # "a million", "a dozen".
    prev, pst = prev_word(text, s)
    if prev.lower() == "a" and words[0].lower() in _A_WORDS:
        raw.start = pst
    left_prev = prev.lower().strip(OPEN_PUNCT)
    if left_prev in ("top", "no.", "number", "ranked") :
        return None
    if text.startswith("-", end) and not text.startswith(("-year", "-fold", "-month", "-day", "-week"), end):
        if not _HYPHEN_SCALE.match(text[end:end + 9]):
            if not _HYPHEN_MONEY.match(text[end:end + _HYPHEN_MONEY_WINDOW]) \
                    and not may_start_unit(text, end + 1):  # "six-mile" is a length
                return None  # "two-track", "one-time", "one-off": compounds, not counts
    cur = right_side(text, end, raw, pk)
    if cur < 0:
        return None
    raw.end = cur
    if raw.kind == K_COUNT and raw.unit is None and raw.scale_word is None:
        return None
    if raw.kind in (K_COUNT, K_DURATION) and raw.scale_word is None and value == 1:
        if raw.kind == K_COUNT or left_prev not in _ONE_UNIT_CUES:
            return None  # "one of", "One day, ...": singular references, not quantities
    if raw.kind == K_COUNT and left_prev in _DEFINITE:
        return None  # "the two sides": a reference to things already counted
    if not left_side(text, raw):
        return None
    return raw


def _fraction(text: str, s: int, e: int, word: str) -> Raw | None:
    """'half of his time' (ratio), 'nearly half a year' (duration), 'a quarter of',
    'the remaining quarter', 'two-thirds of'."""
    # What follows decides first (cheap), before the look to the left: a fraction needs "of"
    # after it, or a time unit after "half a(n)", or "remaining/other/another" before it.
    # (" of" and " a(n) <unit>" cannot both follow, so the unit is only looked for without "of".)
    sm = _FRACTION_OF_SCALE.match(text, e)
    if sm is not None:
        return _fraction_of_scale(text, s, e, word, sm)
    of_follows = text[e:e + 16].lower().startswith(" of")
    if not of_follows and unit_may_follow(text, e):  # 'one-half miles', 'a quarter mile'
        numer, start = _fraction_start(text, s, word)
        if start < s or word == "half":
            return fraction_word_unit(text, start, e, numer * FRACTIONS[word], FRACTIONS[word])
    tm = None
    if word == "half" and not of_follows:
        tm = _HALF_A.match(text, e)
        if tm is None or tm.group(1) not in TIME_UNITS:
            return None
    prev, _ = prev_word(text, s)
    pl = prev.lower().strip(OPEN_PUNCT)
    if pl in _ORDINAL_WORDS or (pl.endswith(("st", "nd", "rd", "th")) and pl[:-2].isdigit()):
        return None  # "first half of 2024", "third quarter"
    if word != "half" and not of_follows and pl not in ("remaining", "other", "another"):
        return None
    numer, start = _fraction_start(text, s, word)
    base = FRACTIONS[word]
    raw = Raw(start=start, end=e, kind=K_RATIO, value=numer * base, unit="fraction", precision=base)
    if tm is not None:  # "half a year"
        raw.kind, raw.unit = K_DURATION, TIME_UNITS[tm.group(1)]
        raw.end = tm.end()
    if not left_side(text, raw):
        return None
    return raw


_MULTIPLE_WORDS: Final = {w: Decimal(v) for w, v in MULTIPLE_WORDS.items()}
# "twice as many", "twice the forecast", "twice that": a multiple of a quantity.
_MULTIPLE_OF: Final = re.compile(r"[ ]+(?:as|the|that|its|their|his|her|what|this)(?![A-Za-z])", re.I)


def _fold(text: str, s: int, e: int, word: str) -> Raw | None:
    """'tenfold', 'a hundredfold', 'twice (as)': a multiple, like '10-fold'."""
    value = _MULTIPLE_WORDS.get(word) or words_to_number([word[:-4]])
    if value is None:
        return None
    raw = Raw(s, e, K_RATIO, value, Decimal(1))
    raw.unit, raw.words = "times", True
    prev, pst = prev_word(text, s)
    if prev.lower() == "a" and word.startswith(("hundred", "thousand")):
        raw.start = pst
    if not left_side(text, raw):
        return None
    return raw


_AND_A_HALF: Final = re.compile(
    r"[ ]+and[ ]+a[ ]+half(?:[ ]+(?P<s>" + "|".join(_LARGE) + r"))?(?![A-Za-z-])", re.I
)
# "half a million", "a quarter of a billion", "three-quarters of a million", and without "a":
# "half million", "three quarters billion", "a half-million": a number.
_FRACTION_OF_SCALE: Final = re.compile(
    r"(?:(?:[ ]+of)?[ ]+an?[ ]+|[ ]+|-)(?P<s>" + "|".join(_LARGE) + r")(?![A-Za-z])", re.I
)


def _fraction_start(text: str, s: int, word: str) -> tuple[Decimal, int]:
    """The numerator and start of a fraction word at `s`: 'a quarter' (1, at 'a'), 'three
    quarters' (3, at 'three'), 'two-thirds' (2, at 'two'), 'half' (1, at 'half')."""
    prev, pst = prev_word(text, s)
    pl = prev.lower().strip(OPEN_PUNCT)
    if pl == "a" or pl == "an":
        return Decimal(1), pst
    if pl in UNITS and (word != "half" or pl == "one"):
        return Decimal(UNITS[pl]), pst
    if s >= 1 and text[s - 1] == "-":  # "two-thirds": the token before is "two-"
        left = prev.lower().split("-")[0].strip(OPEN_PUNCT)
        if left in UNITS:
            return Decimal(UNITS[left]), pst + (len(prev) - len(prev.lstrip(OPEN_PUNCT)))
    return Decimal(1), s


def _fraction_of_scale(text: str, s: int, e: int, word: str, sm: re.Match) -> Raw | None:
    """'half a million people', 'a quarter of a million dollars': a count or an amount, read
    on like any other number (currency, counted noun, qualifier)."""
    prev, _ = prev_word(text, s)
    pl = prev.lower().strip(OPEN_PUNCT)
    if pl in _ORDINAL_WORDS or (pl.endswith(("st", "nd", "rd", "th")) and pl[:-2].isdigit()):
        return None  # "the second quarter million units": a period, then a count
    numer, start = _fraction_start(text, s, word)
    scale_word = sm.group("s")
    scale = Decimal(SCALE_WORDS[scale_word.lower()])
    value = numer * FRACTIONS[word] * scale
    raw = Raw(start, sm.end(), K_COUNT, value, FRACTIONS[word] * scale, scale_word)
    raw.words = True
    cur = right_side(text, sm.end(), raw)
    if cur < 0:
        return None
    raw.end = cur
    if not left_side(text, raw):
        return None
    return raw


def _vague(text: str, s: int, e: int, word: str) -> Raw | None:
    """'hundreds of billions of parameters', 'tens of thousands of people', 'millions of
    dollars': a range from the order of magnitude to the next one."""
    m = _VAGUE.match(text, s)
    if m is None:
        return None
    a = m.group("a").lower()
    b = (m.group("b") or "").lower()
    base = VAGUE_PLURALS[a]
    low = Decimal(base)
    high = low * (10 if a in ("hundreds", "tens") else 1000) if a not in ("dozens",) else Decimal(100)
    if b:
        mult = Decimal(MAGNITUDES[b.rstrip("s")])
        low, high = low * mult, high * mult
        if a in ("hundreds", "tens"):
            high = low * 10
    raw = Raw(start=s, end=m.end(), kind=K_COUNT, value=None, low=low, high=high,
               precision=low, scale_word=m.group(0)[len(m.group("a")):].strip(" of") or a)
    raw.scale_word = b or a
    raw.words = True
    of = _OF.match(text, m.end())
    assert of is not None
    cur = currency_after(text, of.end() - 1, raw)
    if raw.kind == K_MONEY:
        raw.end = cur
        return raw
    cur = noun_after(text, of.end() - 1, raw)
    if raw.unit is None:
        return None
    raw.end = cur
    return raw
