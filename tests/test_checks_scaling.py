"""Cross-document checks must not be quadratic: work is counted (calls to the metric
similarity and the unit comparison), not timed, for a run of N and of 2N documents."""

from __future__ import annotations

import pytest

import figures
from figures.checks import _common, difference
from figures.io.inputs import read_documents
from figures.model import Document
from tests.conftest import SEEDS


def _docs(n: int) -> list[Document]:
    seeds = list(read_documents([SEEDS]))
    return [Document(f"{d.doc}-{i}", d.text, d.date) for i in range(n // len(seeds)) for d in seeds]


def _work(monkeypatch, n: int) -> int:
    calls = 0
    real_sim, real_units = difference.similarity, _common.units_compatible

    def sim(a, b):
        nonlocal calls
        calls += 1
        return real_sim(a, b)

    def units(a, b):
        nonlocal calls
        calls += 1
        return real_units(a, b)

    monkeypatch.setattr(difference, "similarity", sim)
    monkeypatch.setattr(difference, "units_compatible", units)
    figures.check_documents(_docs(n))
    return calls


@pytest.mark.parametrize("n", [100])
def test_difference_work_grows_linearly(monkeypatch, n):
    small = _work(monkeypatch, n)
    large = _work(monkeypatch, 4 * n)
    assert small > 0
    assert large <= 4 * small * 1.25, (small, large)
