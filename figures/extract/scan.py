"""The anchor scan: every digit run and number word, each read by the local grammar."""

from __future__ import annotations

import re
from typing import Final

from figures.extract.digit_figures import from_numeral
from figures.extract.locale import SCANNED_SIGNALS, SIGNAL_AT_START
from figures.extract.raw import Raw
from figures.extract.tokens import ASCII_LETTERS
from figures.extract.trie import trie_after_first, trie_pattern
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


# The anchor scan: number words, locale signal words and digit runs with inner separators,
# in one pass. Number words are matched in lower, Capitalised or UPPER case (case folding
# would defeat the first-character tests); a separator must be followed by a digit, so the
# digit run is unambiguous and the scan is linear.
#
# How the pattern is shaped for speed (the scan is the largest single cost of extraction):
# - it opens with one consumed character from a class, so the regex engine skips ahead with a
#   character-set test instead of attempting a match at every position (0.18 s against
#   0.37 s on 10 MB for a plain `\d+...|\b(?:words)\b`). That character is the anchor's first
#   digit, or the non-letter before a word (scan drops the non-ASCII word characters, "é",
#   which \b would have refused, and tries a word at offset 0 separately);
# - the words are two alternatives, the lower-case and the capitalised ones, each a class of
#   their first letters and then a trie of the rest of the words (trie.trie_after_first): a
#   position that starts no word costs two class tests, where a trie spliced into the
#   alternation cost one test per first letter (29% more instructions for this scan); a word
#   whose first letter begins no number word ("company") stops at the class (a class of all
#   letters cost 10% more instructions for this scan); named groups or a
#   lookahead in front of the words cost a jump at every position (12% more again);
# - the digit run comes last, behind its lookbehind. After a digit a word can still match
#   ("5million"): scan reads such a match as the one-digit run it starts with, which is what
#   the digit branch would have matched, since a letter follows;
# - the locale signal words ("Sydney", "ASX", "Pakistani", locale.SCANNED_SIGNALS) share the
#   trie, so the locale evidence is gathered in the same pass; scan tells them from number
#   words by a set look-up. Number words end at \b, signal words before any ASCII letter.
# Vulgar fractions ('½ tbsp') anchor too, as two code-point ranges: a class of eighteen literals
# costs eighteen tests at every space the scan passes (tests/test_unit_forms.py checks that the
# ranges hold every entry of VULGAR_FRACTIONS).
_ANCHOR_WORDS: Final = _NUMBER_WORDS + [w.capitalize() for w in _NUMBER_WORDS] + [w.upper() for w in _NUMBER_WORDS]
_SIGNAL_WORDS: Final = frozenset(SCANNED_SIGNALS)
_TAILS: Final = {**{w: r"\b" for w in _ANCHOR_WORDS}, **{w: r"(?![A-Za-z])" for w in SCANNED_SIGNALS}}
_VULGAR_RANGES: Final = "\u00bc-\u00be\u2150-\u215e"
_DIGIT_STARTS: Final = frozenset("0123456789\u00bc\u00bd\u00be") | frozenset(chr(c) for c in range(0x2150, 0x215f))
_SCANNED: Final = _ANCHOR_WORDS + SCANNED_SIGNALS
_ANCHOR: Final = re.compile(
    r"[^A-Za-z_](?:" + trie_after_first([w for w in _SCANNED if w[0].islower()], _TAILS)
    + "|" + trie_after_first([w for w in _SCANNED if w[0].isupper()], _TAILS)
    + r"|(?<=[\d" + _VULGAR_RANGES + r"])\d*(?:[.,\u00a0\u2009\u202f]\d+)*)"
)
_WORD_AT_START: Final = re.compile(r"(?:" + trie_pattern(_ANCHOR_WORDS) + r")\b")
# What a text can open with, by its first three characters (a shorter word whole): 1 for a
# number word, 2 for a signal word. The matches at offset 0 run only where the text opens with
# one ("The" opens none): one slice and one look-up per text.
def _openings() -> dict[str, int]:
    kinds: dict[str, int] = {}
    for words, bit in ((_ANCHOR_WORDS, 1), (SCANNED_SIGNALS, 2)):
        for w in words:
            kinds[w[:3]] = kinds.get(w[:3], 0) | bit
    return kinds


_OPENING: Final = _openings()
_SHORT_OPENINGS: Final = any(len(w) < 3 for w in _OPENING)


def _opening(text: str) -> int:
    k = _OPENING.get(text[:3], 0)
    if _SHORT_OPENINGS:
        k |= _OPENING.get(text[:2], 0) | _OPENING.get(text[:1], 0)
    return k


# ---- the scan -------------------------------------------------------------------------------


def scan(text: str, signals: list[tuple[int, str]]) -> list[Raw]:
    """Every figure candidate in order; appends each locale signal word (offset, word) to
    `signals` as the same pass meets it."""
    out: list[Raw] = []
    consumed = 0
    opening = _opening(text)
    sm = SIGNAL_AT_START.match(text) if opening & 2 else None
    if sm is not None:
        signals.append((0, sm.group()))
    m0 = _WORD_AT_START.match(text) if opening & 1 else None
    if m0 is not None:
        raw = from_words(text, 0, m0.end())
        if isinstance(raw, int):  # an overlong run of number words: skip the rest of it
            consumed = raw
        elif raw is not None:
            out.append(raw)
            consumed = raw.end
    for m in _ANCHOR.finditer(text):
        s, e = m.span()
        # A word match has an ASCII letter after its first character; a digit run never does.
        if s + 1 == e or text[s + 1] not in ASCII_LETTERS:  # a digit run ("7", "2,024.5", "½")
            if s < consumed:
                continue
            raw = from_numeral(text, s, e)
        elif text[s] in _DIGIT_STARTS:  # a word right after a digit: the digit alone ("5million")
            if s < consumed:
                continue
            raw = from_numeral(text, s, s + 1)
        elif text[s + 1:e] in _SIGNAL_WORDS:
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
