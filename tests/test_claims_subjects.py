"""Who a figure's claim is about (figures.checks.subjects): governments named by their place,
the descriptions that refer to them, officials' titles, sentence-opening common words.

Sentences written for this test; the expected subject keys are written by hand (a key is the
name's first word, lower case, at most 7 letters: "Kerala" -> "kerala"; after "New", "South"...
the next word's first 7 letters too: "New Brunswick" -> "new brunswi").
"""

from __future__ import annotations

from datetime import date

import pytest

from figures.checks._common import DocFigures
from figures.checks.claims import claims_of
from figures.extract import extract


def _subject(text: str, figure: str, country: str | None = None) -> str | None:
    figs = tuple(extract(text, date=date(2024, 6, 3), country=country))
    doc = DocFigures("d", text, date(2024, 6, 3), figs)
    for f, claim in zip(figs, claims_of(doc), strict=True):
        if f.text == figure:
            return claim.subject
    raise AssertionError(f"{figure!r} not extracted from {text!r}: {[f.text for f in figs]}")


CASES = [
    # "the state" refers to the last government named before it, not to a company in between
    ("The Kerala government met Nilgiri Textiles on Monday. The state will spend Rs 450 crore on "
     "ports this year.", "Rs 450 crore", "IN", "kerala"),
    # a government named after its figure, by its official's title, in the same sentence
    ("The state government has budgeted Rs 58 crore for classrooms, Goa Education Minister Anil "
     "Naik said.", "Rs 58 crore", "IN", "goa"),
    # a title inside a name run: the words before it name the office's government
    ("The Kano State Governor, Alhaji Musa Danbatta, presented a budget of N1.2 trillion on "
     "Tuesday.", "N1.2 trillion", "NG", "kano"),
    # "federal" is a country's government, never the state named before it
    ("Kano State opened a new market last week. The federal government will spend N125 billion "
     "on roads in 2025.", "N125 billion", "NG", "nigeria"),
    # an unnamed cabinet whose money is one country's currency
    ("The cabinet approved 54 billion baht in drought relief on Tuesday, a spokeswoman said.",
     "54 billion baht", "TH", "thailan"),
    # a possessive place followed by its cabinet
    ("Maharashtra's cabinet cleared Rs 1,500 crore for drought relief on Thursday.",
     "Rs 1,500 crore", "IN", "maharas"),
    # a sentence-opening common word the text writes in lower case elsewhere is not a name
    ("Road repairs in the Free State will get R2.4bn this year. Farmers say rural roads are "
     "the worst in the country.", "R2.4bn", "ZA", "free"),
    # "British Columbia" is not Britain; places sharing a first word stay apart
    ("British Columbia Premier Raj Sandhu said the province will spend C$310 million on crews.",
     "C$310 million", "CA", "british"),
    ("New Brunswick will spend C$90 million on ferries this year.", "C$90 million", "CA", "new brunswi"),
    ("New South Wales will spend A$90 million on ferries this year.", "A$90 million", "AU", "new south"),
]


@pytest.mark.parametrize(("text", "figure", "country", "subject"), CASES,
                         ids=[c[3] + "-" + c[1] for c in CASES])
def test_subject(text, figure, country, subject):
    assert _subject(text, figure, country) == subject


def test_unresolved_local_description_is_no_subject():
    """'The state' in a document that names no state or province: no subject, so the figure
    is compared with nothing (never with a company by accident)."""
    text = "The state will spend Rs 300 crore on hospitals this year, officials said on Monday."
    assert _subject(text, "Rs 300 crore", "IN") is None
