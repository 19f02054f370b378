"""date_context: the time a figure refers to, resolved against the document date."""

from __future__ import annotations

from datetime import date

import pytest

import figures
from figures.extract.time_refs import resolve_time_refs

DOC = date(2023, 2, 11)

CASES = [
    ("Last year, Xiaomi invested more than 3 billion yuan in new businesses.", "more than 3 billion yuan", "2022"),
    ("On August 11 last year, Xiaomi invested 3.3 billion yuan in autonomous driving.", "3.3 billion yuan", "2022-08-11"),
    ("On February 9, the company had 10,000 offline stores.", "10,000 offline stores", "2023-02-09"),
    ("On December 20, the company had 300 stores.", "300 stores", "2022-12-20"),
    ("The stock hit a high of 35.9 yuan/share on January 5, 2021.", "35.9 yuan/share", "2021-01-05"),
    ("By the end of 2022, the R&D team had about 2,300 people.", "about 2,300 people", "2022-12-31"),
    ("Its investment in 2022 was RMB 3.1 billion.", "RMB 3.1 billion", "2022"),
    ("The plan is to invest $10 billion over the next 10 years.", "10 years", "2023/2033"),
    ("In the past three years, it opened 10,000 stores.", "three years", "2020/2023"),
    ("Today the company said it had 453 people in the team.", "453 people", "2023-02-11"),
    ("Since August 12, the stock rose 115.34%.", "115.34%", "2022-08-12/2023-02-11"),
    ("Sales in March 2021 reached 5,000 vehicles.", "5,000 vehicles", "2021-03"),
    ("Production starts in the first half of 2024 with 100,000 vehicles.", "100,000 vehicles", "2024-01/2024-06"),
    # Unanchored lengths and figures stay None.
    ("New rivals entered the market 6-7 years earlier than Xiaomi, in 2024 terms.", "6-7 years", None),
    ("Its cash reserves stand at RMB 108 billion.", "RMB 108 billion", None),
    # A date after a clause break belongs to the next clause, not this figure.
    ("The team exceeded 1,000 people, and the first car comes in the first half of 2024.", "1,000 people", None),
    ("Investment was more than three times that of rivals last year.", "more than three times", None),
]


@pytest.mark.parametrize("text,span,expected", CASES, ids=[c[1] for c in CASES])
def test_date_context(text, span, expected):
    figs = resolve_time_refs(text, figures.extract(text), DOC)
    match = [f for f in figs if f.text == span]
    assert match, [f.text for f in figs]
    assert match[0].date_context == expected


def test_relative_expressions_need_a_document_date():
    text = "Last year, Xiaomi invested more than 3 billion yuan."
    assert resolve_time_refs(text, figures.extract(text), None)[0].date_context is None


def test_absolute_dates_resolve_without_a_document_date():
    text = "The stock hit 35.9 yuan/share on January 5, 2021."
    assert resolve_time_refs(text, figures.extract(text), None)[0].date_context == "2021-01-05"


@pytest.mark.parametrize("bad", ["February 30", "13th of Smarch 2021", "2021-02-30"])
def test_impossible_dates_are_ignored(bad):
    text = f"On {bad}, sales reached 5,000 vehicles."
    figs = resolve_time_refs(text, figures.extract(text), DOC)
    assert all(f.date_context is None or "02-30" not in f.date_context for f in figs)


# ---- the candidate filter ------------------------------------------------------------------
# anchoring._CANDIDATE only lets _TIME run where the words after a starter can continue a time
# expression. The reference below is the unfiltered rule it replaced: any starter word at a
# word boundary. The filter must keep every reference candidate where _TIME matches, and
# add none: then the expressions found are exactly the same.

import calendar  # noqa: E402
import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from figures.extract import time_refs as anchoring  # noqa: E402
from figures.extract.trie import trie_pattern  # noqa: E402

_REFERENCE_STARTERS = [
    *calendar.month_name[1:], *calendar.month_abbr[1:], "Sept", "by", "the", "first", "second", "since", "last", "this", "next", "today", "yesterday",
    "so", "past", "coming", "following", "in", "during", "for", "of", "fiscal", "fy", "FY",
]
_REFERENCE = re.compile(
    r"\b(?:" + trie_pattern(sorted({*_REFERENCE_STARTERS, *(w.capitalize() for w in _REFERENCE_STARTERS)}))
    + r")\b|\b\d{1,4}\b"
)

_VOCAB = [
    *_REFERENCE_STARTERS, "THE", "End", "END", "end", "of", "half", "HALF", "year", "Year",
    "years", "month", "far", "FAR", "march", "MARCH", "2021", "1999", "2021-10-19", "20",
    "9", "31", "5th", "10", "100", "two", "Ten", "the", "and", "x", "é", "١", "٢٠٢١", "Mar.",
    "Feb", "fiscal year", "FY2021", "one",
]
_SEPARATORS = [" ", "  ", ", ", ".", "-", "\n", "é", "_", "", "(", "2"]
candidate_texts = st.lists(
    st.tuples(st.sampled_from(_VOCAB), st.sampled_from(_SEPARATORS)), max_size=14
).map(lambda parts: "".join(w + s for w, s in parts))


def _check_filter(text: str) -> None:
    reference = [m.start() for m in _REFERENCE.finditer(text)]
    kept = list(anchoring._candidates(text))
    hits = [p for p in reference if anchoring._TIME.match(text, p)]
    assert set(hits) <= set(kept), (text, hits, kept)
    assert set(kept) <= set(reference), (text, kept, reference)


@settings(max_examples=1500, deadline=None)
@given(candidate_texts)
def test_the_candidate_filter_keeps_every_time_expression(text):
    _check_filter(text)


@pytest.mark.parametrize("text", [c[0] for c in CASES] + [
    "the last year", "The past 15 years", "by the End of 2022", "since february 9",
    "9 February 2021", "2021-10-19", "In 2021", "FY 2021", "fiscal Year 2020", "so far",
    "today", "x today", "étoday", "the last 100 years", "Mar. 5", "March  2021",
])
def test_the_candidate_filter_on_known_phrases(text):
    _check_filter(text)
