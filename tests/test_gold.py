"""Extraction scored against hand annotations: the reference gold in ../shared/gold and the
project's own seeds/gold.jsonl. Borderline, vague and boilerplate mentions are left out, as
the annotation rules allow."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import figures
from tests.conftest import SEEDS, load_jsonl, shared_path


def _score(gold: list[dict], seeds: Path) -> tuple[int, int, int, list[str]]:
    tp = fp = fn = 0
    problems: list[str] = []
    for doc in sorted({g["doc"] for g in gold}):
        text = (seeds / doc).read_text(encoding="utf-8")
        figs = figures.extract(text, doc=doc)
        mentions = [g for g in gold if g["doc"] == doc]
        core = [g for g in mentions if not (g["borderline"] or g["vague"] or g["in_boilerplate"])]
        skipped = [g for g in mentions if g not in core]
        used: set[int] = set()
        for g in core:
            hit = next(
                ((i, f) for i, f in enumerate(figs) if f.start < g["end"] and g["start"] < f.end), None
            )
            if hit is not None:
                used.add(hit[0])
            if hit is not None and _agrees(hit[1], g):
                tp += 1
            else:
                fn += 1
                problems.append(f"missed {doc} {g['text']!r} -> {hit[1] if hit else None}")
        for i, f in enumerate(figs):
            if i in used or any(f.start < g["end"] and g["start"] < f.end for g in skipped):
                continue
            fp += 1
            problems.append(f"spurious {doc} {f.text!r} {f.kind}")
    return tp, fp, fn, problems


def _agrees(f: figures.Figure, g: dict) -> bool:
    if f.kind != g["kind"] or f.currency != g["currency"]:
        return False
    if g["value"] is not None:
        return f.value == Decimal(g["value"])
    return f.low == Decimal(g["low"]) and f.high == Decimal(g["high"])


def _f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.parametrize(
    "gold_path,seeds_dir",
    [
        pytest.param(lambda: shared_path("gold", "seeds_gold.jsonl"), lambda: shared_path("seeds"), id="shared"),
        pytest.param(lambda: SEEDS / "gold.jsonl", lambda: SEEDS, id="project"),
    ],
)
def test_core_f1_at_least_095(gold_path, seeds_dir):
    tp, fp, fn, problems = _score(load_jsonl(gold_path()), seeds_dir())
    assert _f1(tp, fp, fn) >= 0.95, "\n".join(problems)


@pytest.mark.parametrize(
    "gold_path,seeds_dir",
    [
        pytest.param(lambda: shared_path("gold", "seeds_gold.jsonl"), lambda: shared_path("seeds"), id="shared"),
        pytest.param(lambda: SEEDS / "gold.jsonl", lambda: SEEDS, id="project"),
    ],
)
def test_every_money_mention_exact(gold_path, seeds_dir):
    gold = [g for g in load_jsonl(gold_path()) if g["kind"] == "money"]
    assert len(gold) == 12
    seeds = seeds_dir()
    for g in gold:
        text = (seeds / g["doc"]).read_text(encoding="utf-8")
        figs = [f for f in figures.extract(text, doc=g["doc"]) if f.start < g["end"] and g["start"] < f.end]
        assert len(figs) == 1, (g["text"], figs)
        f = figs[0]
        assert (f.start, f.end, f.text) == (g["start"], g["end"], g["text"])
        assert _agrees(f, g), (g, f)
        assert f.per == g["per"] and (f.qualifier or None) == g["qualifier"]
        assert f.precision == Decimal(g["precision"])
