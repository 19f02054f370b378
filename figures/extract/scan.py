"""The anchor scan: every digit run and number word, each read by the local grammar."""

from __future__ import annotations

import re
from typing import Final

from figures.extract.digit_figures import from_numeral
from figures.extract.locale import SIGNAL_ALT, SIGNAL_AT_START
from figures.extract.raw import Raw
from figures.extract.trie import trie_pattern
from figures.extract.word_figures import from_words
from figures.vocab.number_words import (
    FRACTION_WORDS,
    MAGNITUDES,
    MULTIPLE_WORDS,
    TENS,
    UNITS,
    VAGUE_PLURALS,
)

# ---- patterns (all bounded or anchored; none can backtrack super-linearly) ---------------------

# Every word that can start a figure written in words (the trie below ignores the order).
_NUMBER_WORDS: Final = [
    *UNITS, *TENS, *VAGUE_PLURALS, "dozen", *FRACTION_WORDS, *MAGNITUDES,
    *(f"{w}fold" for w in (*list(UNITS)[2:], *TENS, "hundred", "thousand")), *MULTIPLE_WORDS,
]


# The anchor scan: digit runs with inner separators, and number words (lower, Capitalised or
# UPPER case; case folding would defeat the first-character filter). A separator must be
# followed by a digit, so the digit run is unambiguous and the scan is linear.
#
# The pattern starts with one consumed character from a class, which lets the regex engine
# skip ahead with a fast character-set test instead of attempting a match at every position
# (measured on 10 MB: 0.37 s for the plain `\d+...|\b(?:words)\b`, 0.18 s for this form):
# - a digit: it is the anchor's first character, and the digit run goes on from there;
# - any other character that is not an ASCII word character: the word boundary before a
#   number word (group "word"). scan drops the non-ASCII word characters ("é"), which \b
#   would have refused, and tries a number word at offset 0 separately.
_ANCHOR_WORDS: Final = _NUMBER_WORDS + [w.capitalize() for w in _NUMBER_WORDS] + [w.upper() for w in _NUMBER_WORDS]
#
# A third branch finds the words that tell the document's country (locale.SIGNAL_ALT: "Sydney",
# "ASX", "Pakistani"), so the locale evidence is gathered in this same pass.
# Vulgar fractions ('½ tbsp') anchor too, as two code-point ranges: a class of eighteen literals
# costs eighteen tests at every space the scan passes (tests/test_unit_forms.py checks that the
# ranges hold every entry of VULGAR_FRACTIONS).
_VULGAR_RANGES: Final = "\u00bc-\u00be\u2150-\u215e"
_ANCHOR: Final = re.compile(
    r"[^A-Za-z_](?:(?<=[\d" + _VULGAR_RANGES + r"])\d*(?:[.,\u00a0\u2009\u202f]\d+)*"
    r"|(?P<word>" + trie_pattern(_ANCHOR_WORDS) + r")\b"
    r"|(?P<sig>" + SIGNAL_ALT + r")(?![A-Za-z]))"
)
_WORD_AT_START: Final = re.compile(r"(?:" + trie_pattern(_ANCHOR_WORDS) + r")\b")
_ANCHOR_WORD_FIRSTS: Final = frozenset(w[0] for w in _ANCHOR_WORDS)


# ---- the scan -------------------------------------------------------------------------------


def scan(text: str, signals: list[tuple[int, str]]) -> list[Raw]:
    """Every figure candidate in order; appends each locale signal word (offset, word) to
    `signals` as the same pass meets it."""
    out: list[Raw] = []
    consumed = 0
    first = text[:1]
    # Every signal word starts with a capital (locale.SIGNAL_ALT): test that before the match.
    sm = SIGNAL_AT_START.match(text) if "A" <= first <= "Z" else None
    if sm is not None:
        signals.append((0, sm.group()))
    m0 = _WORD_AT_START.match(text) if first in _ANCHOR_WORD_FIRSTS else None
    if m0 is not None:
        raw = from_words(text, 0, m0.end())
        if isinstance(raw, int):  # an overlong run of number words: skip the rest of it
            consumed = raw
        elif raw is not None:
            out.append(raw)
            consumed = raw.end
    for m in _ANCHOR.finditer(text):
        # One attribute read tells the branch (a method call per group cost more): no group for
        # a digit run, which starts the match; group 1 (a number word) or 2 (a locale signal
        # word) starts after the one character the pattern consumes first.
        branch = m.lastindex
        s, e = m.span()
        if branch is None:  # a digit run
            if s < consumed:
                continue
            raw = from_numeral(text, s, e)
        elif branch == 2:
            signals.append((s + 1, text[s + 1:e]))
            continue
        else:
            s += 1
            if s < consumed:
                continue
            before = text[s - 1]
            if not before.isascii() and (before.isalnum() or before == "_"):
                continue  # no word boundary after a non-ASCII letter or digit
            raw = from_words(text, s, e)
            if isinstance(raw, int):  # an overlong run of number words: skip the rest of it
                consumed = raw
                continue
        if raw is not None:
            out.append(raw)
            consumed = raw.end
    return out
