"""Microsoft Recognizers-Text's own English test cases (MIT), an external test set written for
another tool. Only results with a real current currency (an `isoCurrency`) are scored; cents,
pence, pre-euro and unresolved 'Dollar' expectations are Recognizers-specific."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import figures
from tests.conftest import SHARED, shared_path

# Recognizers-specific compound amounts: "one kuai and five mao five" (1.55). figures reads the
# leading amount only; pinned so a fix is noticed. ("c $ 100 and fifty" is read since issue 14.)
KNOWN_GAPS = {"one kuai and five mao five"}


def _cases(name: str):
    data = json.loads(shared_path("peer-suites", "recognizers-text", name).read_text(encoding="utf-8"))
    for case in data:
        flags = (case.get("NotSupported", "") + case.get("NotSupportedByDesign", "")).lower()
        if "python" not in flags:
            yield case


def _currency_results():
    for case in _cases("CurrencyModel.json"):
        for r in case["Results"]:
            res = r["Resolution"]
            if res.get("isoCurrency") and res.get("value") is not None:
                yield case["Input"], r


def _right(text: str, r: dict) -> bool:
    res = r["Resolution"]
    start, end = r["Start"], r["End"] + 1
    return any(
        f.kind == "money"
        and f.start < end
        and start < f.end
        and f.value == Decimal(res["value"])
        and f.currency == res["isoCurrency"]
        for f in figures.extract(text)
    )


def test_currency_model_at_least_90_percent():
    results = list(_currency_results())
    right = [text for text, r in results if _right(text, r)]
    wrong = [(text, r["Text"]) for text, r in results if not _right(text, r)]
    assert len(results) >= 25
    assert len(right) / len(results) >= 0.90, wrong


@pytest.mark.parametrize("text_and_result", [
    pytest.param(tr, id=tr[1]["Text"]) for tr in (
        _currency_results() if SHARED.exists() else []
    ) if tr[1]["Text"] in KNOWN_GAPS
])
@pytest.mark.xfail(strict=True, reason="compound amounts with a minor part are not combined yet")
def test_currency_model_known_gaps(text_and_result):
    text, r = text_and_result
    assert _right(text, r)


def test_currency_model_negatives_find_no_money():
    """The suite's sentences with no expected result ('ALL 5 solutions', 'Silica gel')."""
    empties = [c["Input"] for c in _cases("CurrencyModel.json") if not c["Results"]]
    assert empties
    for text in empties:
        assert [f for f in figures.extract(text) if f.kind == "money"] == [], text


def _percent_results():
    for case in _cases("PercentModel.json"):
        for r in case["Results"]:
            yield case["Input"], r


def test_percent_model_values():
    rows = list(_percent_results())
    assert rows
    right = 0
    misses = []
    for text, r in rows:
        start, end = r["Start"], r["End"] + 1
        want = r["Resolution"]["value"].rstrip("%")
        got = [f for f in figures.extract(text) if f.kind == "percent" and f.start < end and start < f.end]
        if any(f.value is not None and f.value == Decimal(want) for f in got):
            right += 1
        else:
            misses.append((text, r["Text"], [(f.text, f.value) for f in got]))
    # Recognizers also resolves spelled-out and fractional forms ("one hundred percent",
    # "1/4 percent"); figures takes digits and simple number words.
    assert right / len(rows) >= 0.6, misses
