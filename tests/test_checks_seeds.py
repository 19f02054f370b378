"""The checks on the real seed articles against the 23 annotated relations.

Acceptance: at least 10 of the 12 checkable relations below are found by one finding whose
mentions overlap two of the relation's mentions, and R03, R04, R05, R18 are judged consistent.
Run twice: on the extractor's figures (the whole pipeline, as `figures check seeds/`), and on
the gold figures (the checks alone, independent of extraction quality). Both read the
repository's own seeds/ (articles, gold.jsonl, relations.jsonl), so they run in a fresh clone.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from figures.model import Direction, Figure, Finding, Kind, Qualifier

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TARGET = ("R01", "R02", "R03", "R04", "R05", "R06", "R08", "R09", "R10", "R11", "R14", "R18")
MUST_BE_CONSISTENT = ("R03", "R04", "R05", "R18")
MIN_FOUND = 10


def _relations() -> dict[str, dict]:
    path = SEEDS / "relations.jsonl"
    rels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in rels}


def _overlap(m, rm) -> bool:
    return m.doc == rm["doc"] and m.start < rm["end"] and rm["start"] < m.end


def _matches(rel: dict, findings: list[Finding]) -> list[Finding]:
    out = []
    for f in findings:
        hit = {i for i, rm in enumerate(rel["mentions"]) if any(_overlap(m, rm) for m in f.mentions)}
        if len(hit) >= 2:
            out.append(f)
    return out


def _evaluate(findings: list[Finding]) -> tuple[dict[str, list[Finding]], list[str], list[str]]:
    rels = _relations()
    found = {rid: _matches(rels[rid], findings) for rid in TARGET}
    missed = [rid for rid in TARGET if not found[rid]]
    not_consistent = [rid for rid in MUST_BE_CONSISTENT
                      if not any(f.status == "consistent" for f in found[rid])]
    return found, missed, not_consistent


def _gold_docs():
    from figures.checks import make_docs

    gold = SEEDS / "gold.jsonl"
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    by_doc: dict[str, list[Figure]] = {d: [] for d in texts}

    def dec(x):
        return None if x is None else Decimal(x)

    for line in gold.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        by_doc[r["doc"]].append(Figure(
            doc=r["doc"], start=r["start"], end=r["end"], text=r["text"], kind=Kind(r["kind"]),
            value=dec(r["value"]), low=dec(r["low"]), high=dec(r["high"]), currency=r["currency"],
            unit=r["unit"], per=r["per"],
            qualifier=Qualifier(r["qualifier"]) if r["qualifier"] else None,
            scale_word=r["scale_word"], precision=dec(r["precision"]),
            direction=Direction(r["direction"]) if r["direction"] else None))
    from figures.dates import find_document_date

    return make_docs((d, t, find_document_date(t), by_doc[d]) for d, t in texts.items())


def _report(label: str, found, missed, not_consistent) -> str:
    lines = [f"{label}: found {len(TARGET) - len(missed)}/{len(TARGET)}; missed {missed}; "
             f"not consistent {not_consistent}"]
    for rid in TARGET:
        lines.append(f"  {rid}: " + (", ".join(f"{f.check}/{f.status}" for f in found[rid]) or "-"))
    return "\n".join(lines)


def test_relations_with_gold_figures():
    from figures.checks import run_checks
    from figures.rates import RateTable

    findings = run_checks(_gold_docs(), table=RateTable.default())
    found, missed, not_consistent = _evaluate(findings)
    msg = _report("gold figures", found, missed, not_consistent)
    assert len(TARGET) - len(missed) >= MIN_FOUND, msg
    assert not not_consistent, msg


def test_relations_end_to_end():
    """The whole pipeline as the CLI runs it on the seed directory (undated except 001)."""
    from figures.checking import check_documents
    from figures.inputs import read_documents

    report = check_documents(read_documents([SEEDS]))
    found, missed, not_consistent = _evaluate(report.findings)
    msg = _report("extractor figures", found, missed, not_consistent)
    print(msg)
    assert len(TARGET) - len(missed) >= MIN_FOUND, msg
    assert not not_consistent, msg
