"""The one sentence splitter and the one singularizer (figures.extract.sentences)."""

from __future__ import annotations

import pytest

from figures.extract.sentences import SENTENCE_END, sentence_at, sentence_ends, singular


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The plant cost $5 billion. It opened in May.", ["The plant cost $5 billion.", " It opened in May."]),
        ('He said "no." Then he left!', ['He said "no."', " Then he left!"]),
        ("Sales rose 3.5 percent to $1.2 billion", ["Sales rose 3.5 percent to $1.2 billion"]),
        ("Really?! Yes.", ["Really?!", " Yes."]),
        ("First line\nsecond line", ["First line\n", "second line"]),
        ("营收增长。利润下降", ["营收增长。", "利润下降"]),
    ],
)
def test_sentences(text, ends):
    # From any letter of a sentence, sentence_at gives that whole sentence (with the space that
    # follows the previous one's end).
    pos = 0
    for piece in ends:
        first = pos + len(piece) - len(piece.lstrip())
        last = pos + len(piece.rstrip(".!?。\"\n")) - 1  # the last letter before the end marks
        for p in (first, last):
            s, e = sentence_at(text, p)
            assert text[s:e] == piece
        pos += len(piece)


def test_sentence_ends_are_the_marks():
    text = "One. Two! Three? Four"
    assert sentence_ends(text) == [3, 8, 15]
    assert [m.group() for m in SENTENCE_END.finditer(text)] == [".", "!", "?"]


def test_no_end_inside_a_number_or_before_a_comma():
    text = "Revenue was 3.5 billion yuan, up 2.1%, said Acme Inc., the maker. "
    assert sentence_ends(text) == [len(text) - 2]


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("vehicles", "vehicle"), ("batteries", "battery"), ("boxes", "box"), ("churches", "church"),
        ("people", "person"), ("women", "woman"), ("bus", "bus"),
        ("status", "status"), ("analysis", "analysis"), ("glass", "glass"), ("tonnes", "tonne"),
        ("yrs", "yr"), ("series", "series"),
    ],
)
def test_singular(plural, one):
    assert singular(plural) == one
