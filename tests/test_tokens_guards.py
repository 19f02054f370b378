"""The cheap readers and guards of the extractor against what they stand for: next_word and
peek in both their forms (the compiled engine's loop and the interpreter's match, see
tokens.NATIVE) against a reference, FOLDS_TO_ASCII against the regex engine."""

from __future__ import annotations

import importlib
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.extract.tokens import FOLDS_TO_ASCII, next_word

# The regex next_word replaced (the counted-noun search read each word with it).
REFERENCE = re.compile(r"(?:[ \u00a0]+|-)(?P<w>[A-Za-z][A-Za-z&'’]*(?:-[A-Za-z]+)*)")


tokens = importlib.import_module("figures.extract.tokens")
FORMS = [pytest.param(False, id="match"), pytest.param(True, id="loop")]


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
@pytest.mark.parametrize("native", FORMS)
def test_cases(text: str, pos: int, word: str, native: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "NATIVE", native)
    assert next_word(text, pos) == reference(text, pos)
    assert next_word(text, pos)[0] == word


_ALPHABET = st.sampled_from([*"aZq -&'’\u00a0.5é\n", "-x", " y", "AT&T"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_ALPHABET, max_size=14).map("".join), st.integers(min_value=0, max_value=20))
def test_both_forms_agree_with_the_reference(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    want = reference(text, pos)
    for native in (False, True):
        tokens.NATIVE = native
        try:
            assert next_word(text, pos) == want, native
        finally:
            tokens.NATIVE = False


@settings(max_examples=3000, deadline=None)
@given(st.lists(_ALPHABET, max_size=14).map("".join), st.integers(min_value=0, max_value=20))
def test_peek_forms_agree(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    answers = []
    for native in (False, True):
        tokens.NATIVE = native
        try:
            answers.append(tokens.peek(text, pos))
        finally:
            tokens.NATIVE = False
    assert answers[0] == answers[1]


def test_folds_to_ascii_is_every_letter_that_matches_ascii_under_ignorecase() -> None:
    # Guards that read ASCII words skip a match only when none of these is in the text.
    letter = re.compile("[a-z]", re.I)
    found = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert found == set(FOLDS_TO_ASCII)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_ALPHABET, max_size=14).map("".join), st.integers(min_value=0, max_value=20))
def test_letters_end_forms_agree(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    want = re.compile("[A-Za-z]*").match(text, pos).end()  # type: ignore[union-attr]
    for native in (False, True):
        tokens.NATIVE = native
        try:
            assert tokens.letters_end(text, pos) == want, native
        finally:
            tokens.NATIVE = False
