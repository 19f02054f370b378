"""Structure of the cross-document claims corpus (tests/corpus/claims/cases.jsonl).

The corpus is hand-annotated (README.md beside it states the agreement rule); these tests keep
it well-formed so that bench/score_claims.py can trust every quoted span. They say nothing about
how well figures does on it: that is what the scorer measures.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SHARED, load_jsonl

CORPUS = Path(__file__).resolve().parent / "corpus" / "claims"
CASES = load_jsonl(CORPUS / "cases.jsonl")
CATEGORIES = ("agree", "disagree", "no_compare", "headline")
VERDICTS = ("consistent", "inconsistent")
DIFFERS = ("subject", "period", "object", "measure")
CLAIM_KEYS = {"subject", "measure", "object", "period"}
MIN_WORDS, MAX_WORDS = 40, 120


def _refs(case: dict):
    for comp in case["comparisons"]:
        yield comp["a"]
        yield comp["b"]
    for pair in case["must_not_compare"]:
        yield from pair


def _ids(case):
    return case["id"]


def test_enough_cases_and_unique_ids():
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 60
    assert len(set(ids)) == len(ids), [i for i, n in Counter(ids).items() if n > 1]


def test_categories_balanced():
    n = Counter(c["category"] for c in CASES)
    assert set(n) <= set(CATEGORIES)
    total = len(CASES)
    # about a third each; headline repeats count with the cases that must not be compared
    for share in (n["agree"], n["disagree"], n["no_compare"] + n["headline"]):
        assert 0.25 * total <= share <= 0.42 * total, n
    assert n["headline"] >= 3, n


def test_comparison_counts_balanced():
    verdicts = Counter(comp["verdict"] for c in CASES for comp in c["comparisons"])
    pairs = sum(len(c["must_not_compare"]) for c in CASES)
    assert verdicts["consistent"] >= 20 and verdicts["inconsistent"] >= 20, verdicts
    assert pairs >= 20


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_case_shape(case):
    assert set(case) >= {"id", "category", "documents", "comparisons", "must_not_compare", "note"}
    assert case["category"] in CATEGORIES
    doc_ids = [d["id"] for d in case["documents"]]
    assert len(set(doc_ids)) == len(doc_ids)
    for ref in _refs(case):
        assert ref["doc"] in doc_ids, ref
    verdicts = {comp["verdict"] for comp in case["comparisons"]}
    assert verdicts <= set(VERDICTS)
    category = case["category"]
    if category == "agree":
        assert case["comparisons"] and verdicts == {"consistent"}
        assert 2 <= len(doc_ids) <= 3
    elif category == "disagree":
        assert "inconsistent" in verdicts
        assert 2 <= len(doc_ids) <= 3
    else:
        assert not case["comparisons"] and case["must_not_compare"]
    if category == "no_compare":
        assert case.get("differs") in DIFFERS
    if category == "headline":
        assert len(doc_ids) == 1
        headline = case["documents"][0]["text"].split("\n", 1)[0]
        for first, _ in case["must_not_compare"]:
            assert first["text"] in headline
    for comp in case["comparisons"]:
        assert set(comp["claim"]) == CLAIM_KEYS
        assert comp["claim"]["subject"] and comp["claim"]["measure"]
        assert comp["a"]["doc"] != comp["b"]["doc"], "a comparison joins two reports"


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_documents_are_short_dated_reports(case):
    for d in case["documents"]:
        date.fromisoformat(d["date"])
        assert re.fullmatch(r"[A-Z]{2}", d.get("country") or "ZZ")
        words = len(d["text"].split())
        assert MIN_WORDS <= words <= MAX_WORDS, (d["id"], words)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_quoted_figures_occur_in_their_document(case):
    texts = {d["id"]: d["text"] for d in case["documents"]}
    for ref in _refs(case):
        count = texts[ref["doc"]].count(ref["text"])
        if "nth" in ref:
            assert count > ref["nth"], ref
        else:
            assert count == 1, f"{ref} occurs {count} times; give 'nth' to pick one"
        assert re.search(r"\d", ref["text"]), ref


def test_must_not_compare_pairs_are_distinct_spans():
    for case in CASES:
        for a, b in case["must_not_compare"]:
            assert (a["doc"], a["text"], a.get("nth", 0)) != (b["doc"], b["text"], b.get("nth", 0)), case["id"]


def test_no_sentence_copied_from_the_seeds():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"needs {seeds} (the read-only ../shared material beside the repository)")

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i:i + 8]) for i in range(len(words) - 7)}

    seen: set[tuple[str, ...]] = set()
    for path in seeds.glob("*.txt"):
        seen |= shingles(path.read_text(encoding="utf-8"))
    for case in CASES:
        for d in case["documents"]:
            assert not shingles(d["text"]) & seen, (case["id"], d["id"])


def test_scorer_runs_over_every_annotated_pair():
    """bench/score_claims.py reads every pair of the corpus (the denominators come from the
    annotations; the scores are the tool's and are not asserted here)."""
    import json
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "bench" / "score_claims.py"
    out = subprocess.run([sys.executable, str(script), "--json"], capture_output=True, text=True,
                         timeout=300, check=True)
    tally = json.loads(out.stdout)["tally"]
    verdicts = Counter(comp["verdict"] for c in CASES for comp in c["comparisons"])
    assert tally["disagreements"] == verdicts["inconsistent"]
    assert tally["agreements"] == verdicts["consistent"]
    assert tally["no_compare"] == sum(len(c["must_not_compare"]) for c in CASES)
    assert 0 <= tally.get("disagreements_found", 0) <= tally["disagreements"]


def _scores() -> dict:
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "bench" / "score_claims.py"
    spec = importlib.util.spec_from_file_location("score_claims", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.tally([mod.score_case(c) for c in CASES])


def test_claim_matching_scores():
    """Issue 16's targets on this set, as reached (expected verdicts are the corpus's, written
    by hand): no comparison across subjects, no false alarm, no headline restating its body,
    at least 20 of the 24 disagreements found (every figure is extracted now that local markers
    are read; the four missed have a subject the rules cannot resolve: a government named by
    its place in one report, a cabinet and a region in the other)."""
    t = _scores()
    assert t.get("no_compare_linked_subject", 0) == 0
    assert t.get("no_compare_linked_headline", 0) == 0
    alarms = t.get("agreements_false_alarm", 0) + t.get("no_compare_false_alarm", 0)
    assert alarms <= 0.02 * (t["agreements"] + t["no_compare"])
    assert t.get("disagreements_called_consistent", 0) == 0
    assert t.get("disagreements_missed_unextracted", 0) == 0
    assert t["disagreements_found"] >= 20
    assert t["agreements_confirmed"] >= 20
