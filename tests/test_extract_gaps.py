"""Known extraction gaps, pinned with xfail(strict=True): when one starts passing, the test
fails and the case moves into tests/test_extract_cases.py."""

from __future__ import annotations

from decimal import Decimal

import pytest

import figures

GAPS = [
    # A decimal comma without thousands groups is a list in English ("2,5"), so it is not read.
    ("Die Firma erzielte EUR 2,5 Millionen.", "EUR 2,5", Decimal("2.5")),
]


@pytest.mark.xfail(strict=True, reason="known gap, see the case comment")
@pytest.mark.parametrize("sentence,span,value", GAPS, ids=[g[1] for g in GAPS])
def test_known_gap(sentence, span, value):
    figs = [f for f in figures.extract(sentence) if f.text == span]
    assert figs and figs[0].value == value
