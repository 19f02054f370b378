"""figures.metric: the words around a figure."""

from __future__ import annotations

import pytest

from figures.extract.context_words import idf_table, label, metric_of, similarity, stem
from figures.model import Figure, Kind


def _m(text, sub, others=()):
    s = text.index(sub)
    figs = [Figure("d", text.index(o), text.index(o) + len(o), o, Kind.COUNT, None) for o in others]
    return metric_of(text, s, s + len(sub), others=figs)


@pytest.mark.parametrize(("word", "expected"), [
    ("investments", "invest"), ("invested", "invest"), ("Investment", "invest"),
    ("R&D", "rd"), ("automobile", "car"), ("vehicles", "car"), ("sold", "sale"),
    ("sales", "sale"), ("companies", "company"), ("closed", "close"), ("shares", "share"),
    ("capacity", "capacity"), ("production", "produc"),
])
def test_stem(word, expected):
    assert stem(word) == expected


def test_metric_terms_measure_and_evidence():
    t = "He said Xiaomi has a research and development team of more than 2,300 people now."
    m = _m(t, "more than 2,300 people")
    assert "rd" in m.key and "team" in m.key
    assert m.measure == "team"
    assert "[more than 2,300 people]" in m.evidence
    assert "xiaomi" in m.entities
    assert all(w not in m.key for w in ("the", "of", "a", "people", "more", "than"))


def test_rd_spellings_agree():
    a = _m("The R&D team of Acme has 2,300 people.", "2,300 people")
    b = _m("The research and development team of Acme has 2,300 people.", "2,300 people")
    assert set(a.key) == set(b.key)
    assert similarity(a, b) == pytest.approx(1.0)


def test_other_figures_words_are_not_metric():
    t = "Xiaomi invested 3 billion yuan in a team of 2,300 people."
    m = _m(t, "2,300 people", others=["3 billion yuan"])
    assert "yuan" not in m.key and "billion" not in m.key
    assert "team" in m.key


def test_window_is_bounded_and_sentence_local():
    from figures.checks import make_docs

    t = "Profit fell. " + "word " * 500 + "the capacity is 150,000 vehicles per year. Sales rose."
    s = t.index("150,000")
    f = Figure("d", s, s + len("150,000 vehicles per year"), "150,000 vehicles per year",
               Kind.COUNT, None)
    doc = make_docs([("d", t, None, [f])])[0]
    m = doc.metric(f)
    assert len(m.key) <= 16
    assert len(m.evidence) < 400
    assert "sale" not in m.key and "profit" not in m.key


def test_similarity_properties():
    a = _m("Acme's annual revenue was $5 billion.", "$5 billion")
    b = _m("Acme's total debt was $5 billion.", "$5 billion")
    c = _m("Annual revenue at Acme reached $5 billion.", "$5 billion")
    idf = idf_table([a, b, c])
    for x, y in ((a, b), (a, c), (b, c)):
        s = similarity(x, y, idf)
        assert 0 <= s <= 1
        assert s == pytest.approx(similarity(y, x, idf))
    assert similarity(a, a, idf) == pytest.approx(1.0)
    assert similarity(a, c, idf) > similarity(a, b, idf)
    assert a.measure == "revenue" and b.measure == "debt"
    assert "revenue" in label(a, c)
