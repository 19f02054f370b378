"""The cheap readers and guards of figures.extract.tokens against what they stand for:
next_word against the regex it replaced, FOLDS_TO_ASCII against the regex engine."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.extract.tokens import FOLDS_TO_ASCII, next_word

# The regex next_word replaced (the counted-noun search read each word with it).
REFERENCE = re.compile(r"(?:[ \u00a0]+|-)(?P<w>[A-Za-z][A-Za-z&'’]*(?:-[A-Za-z]+)*)")


def reference(text: str, pos: int) -> tuple[str, int]:
    m = REFERENCE.match(text, pos)
    return (m.group("w"), m.end()) if m else ("", -1)


@pytest.mark.parametrize(
    ("text", "pos", "word"),
    [
        ("140 test vehicles", 3, "test"),
        ("5 in-house teams", 1, "in-house"),
        ("3 AT&T lines", 1, "AT&T"),
        ("2 Xiaomi’s cars", 1, "Xiaomi’s"),
        ("7-year-old", 1, "year-old"),
        ("7- year", 1, ""),
        ("9 -year", 1, ""),
        ("4\u00a0tonnes", 1, "tonnes"),
        ("4  units.", 1, "units"),
        ("4 units-", 1, "units"),
        ("4 units-5", 1, "units"),
        ("4 éclairs", 1, ""),
        ("4", 1, ""),
        ("4 ", 1, ""),
        ("4x", 1, ""),
    ],
)
def test_cases(text: str, pos: int, word: str) -> None:
    assert next_word(text, pos) == reference(text, pos)
    assert next_word(text, pos)[0] == word


_ALPHABET = st.sampled_from([*"aZq -&'’\u00a0.5é\n", "-x", " y", "AT&T"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_ALPHABET, max_size=14).map("".join), st.integers(min_value=0, max_value=20))
def test_agrees_with_the_regex(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert next_word(text, pos) == reference(text, pos)


def test_folds_to_ascii_is_every_letter_that_matches_ascii_under_ignorecase() -> None:
    # Guards that read ASCII words skip a match only when none of these is in the text.
    letter = re.compile("[a-z]", re.I)
    found = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert found == set(FOLDS_TO_ASCII)
