"""Score the cross-document checks on the hand-annotated claims corpus (issue 16).

    python bench/score_claims.py [--cases tests/corpus/claims/cases.jsonl] [-v] [--json]

Each case's documents are checked together as one run (`figures.checks.runner.check_documents`, the
path of `figures check A.txt B.txt`), so cross-document findings land in
`Report.cross_findings`; findings inside one document are read too (headline cases). A finding
*links* two annotated figures when one of its mentions overlaps each figure's span.

Scores (targets from issue 16 in brackets):
- disagreements found: annotated `inconsistent` pairs linked by an inconsistent finding [>= 95%];
- agreements confirmed: annotated `consistent` pairs linked by a consistent finding and by no
  inconsistent one;
- false alarms: agreements or must-not-compare pairs linked by an inconsistent finding, over
  all of them [<= 2%];
- compared across different subjects: must-not-compare pairs with `differs: subject` linked by
  any finding, consistent or not [0]; the other must-not-compare reasons are listed too;
- stray inconsistent findings: inconsistent findings joining two figures that match no
  annotated disagreement (by check name).

Expected verdicts come from the corpus (written by hand); this script only reads the tool's
findings. Exit status 0 whatever the scores; it is a measurement, not a gate.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from figures.checks.runner import check_documents  # noqa: E402
from figures.model import Document  # noqa: E402

CASES = REPO / "tests" / "corpus" / "claims" / "cases.jsonl"
TARGET_FOUND = 0.95
TARGET_FALSE_ALARMS = 0.02


def load_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def span(case: dict, ref: dict) -> tuple[str, int, int]:
    """(doc, start, end) of a reference: the nth (default first) occurrence of its text."""
    text = next(d["text"] for d in case["documents"] if d["id"] == ref["doc"])
    start = -1
    for _ in range(ref.get("nth", 0) + 1):
        start = text.find(ref["text"], start + 1)
        if start < 0:
            raise ValueError(f"{case['id']}: {ref} not found in its document")
    return ref["doc"], start, start + len(ref["text"])


def _documents(case: dict) -> list[Document]:
    has_country = "country" in {f.name for f in dataclasses.fields(Document)}
    out = []
    for d in case["documents"]:
        extra = {"country": d.get("country")} if has_country else {}
        out.append(Document(d["id"], d["text"], date.fromisoformat(d["date"]), "argument", **extra))
    return out


def _hits(finding, where: tuple[str, int, int]) -> set[int]:
    doc, start, end = where
    return {i for i, m in enumerate(finding.mentions)
            if m.doc == doc and m.start < end and start < m.end}


def links(finding, a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    """True when two different mentions of `finding` cover `a` and `b`."""
    ha, hb = _hits(finding, a), _hits(finding, b)
    return bool(ha and hb and (len(ha | hb) > 1))


def score_case(case: dict) -> dict:
    report = check_documents(_documents(case))
    findings = list(report.findings)
    figs = [(d.doc, f.start, f.end) for d in report.documents for f in d.figures]

    def extracted(where: tuple[str, int, int]) -> bool:
        doc, start, end = where
        return any(fd == doc and fs < end and start < fe for fd, fs, fe in figs)

    rows, used = [], set()
    for comp in case["comparisons"]:
        a, b = span(case, comp["a"]), span(case, comp["b"])
        linked = [f for f in findings if links(f, a, b)]
        used.update(id(f) for f in linked if f.status == "inconsistent")
        rows.append({"kind": comp["verdict"], "a": comp["a"]["text"], "b": comp["b"]["text"],
                     "extracted": extracted(a) and extracted(b),
                     "statuses": sorted({f.status for f in linked}),
                     "checks": sorted({f.check for f in linked}),
                     "messages": [f.message for f in linked]})
    for pair in case["must_not_compare"]:
        a, b = span(case, pair[0]), span(case, pair[1])
        linked = [f for f in findings if links(f, a, b)]
        used.update(id(f) for f in linked)
        reason = "headline" if case["category"] == "headline" else case.get("differs", "?")
        rows.append({"kind": "no_compare", "differs": reason, "a": pair[0]["text"],
                     "b": pair[1]["text"], "statuses": sorted({f.status for f in linked}),
                     "checks": sorted({f.check for f in linked}),
                     "messages": [f.message for f in linked]})
    strays = [f for f in findings if f.status == "inconsistent" and id(f) not in used
              and len({(m.doc, m.start) for m in f.mentions}) > 1]
    return {"id": case["id"], "category": case["category"], "rows": rows,
            "strays": [{"check": f.check, "message": f.message} for f in strays]}


def tally(results: list[dict]) -> dict:
    t: Counter = Counter()
    for r in results:
        for row in r["rows"]:
            st = set(row["statuses"])
            if row["kind"] == "inconsistent":
                t["disagreements"] += 1
                t["disagreements_found"] += "inconsistent" in st
                t["disagreements_called_consistent"] += st == {"consistent"}
                t["disagreements_missed_unextracted"] += not st and not row["extracted"]
            elif row["kind"] == "consistent":
                t["agreements"] += 1
                t["agreements_confirmed"] += "consistent" in st and "inconsistent" not in st
                t["agreements_false_alarm"] += "inconsistent" in st
                t["agreements_missed_unextracted"] += not st and not row["extracted"]
            else:
                t["no_compare"] += 1
                t[f"no_compare_{row['differs']}"] += 1
                t["no_compare_linked"] += bool(st)
                t[f"no_compare_linked_{row['differs']}"] += bool(st)
                t["no_compare_false_alarm"] += "inconsistent" in st
        for s in r["strays"]:
            t["stray_inconsistent"] += 1
            t[f"stray_{s['check']}"] += 1
    return dict(t)


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "0/0"


def table(t: dict) -> str:
    dis, agr, nc = t.get("disagreements", 0), t.get("agreements", 0), t.get("no_compare", 0)
    alarms = t.get("agreements_false_alarm", 0) + t.get("no_compare_false_alarm", 0)
    lines = [
        f"{'measure':<46} {'result':>16}   target",
        f"{'disagreements found (inconsistent)':<46} {_pct(t.get('disagreements_found', 0), dis):>16}"
        f"   >= {TARGET_FOUND:.0%}",
        f"{'  ...called consistent instead':<46} {_pct(t.get('disagreements_called_consistent', 0), dis):>16}",
        f"{'  ...missed, a figure not extracted':<46} {_pct(t.get('disagreements_missed_unextracted', 0), dis):>16}",
        f"{'agreements confirmed (consistent)':<46} {_pct(t.get('agreements_confirmed', 0), agr):>16}",
        f"{'  ...missed, a figure not extracted':<46} {_pct(t.get('agreements_missed_unextracted', 0), agr):>16}",
        f"{'false alarms (agree/no-compare -> inconsistent)':<46} {_pct(alarms, agr + nc):>16}"
        f"   <= {TARGET_FALSE_ALARMS:.0%}",
        f"{'  ...on agreements':<46} {_pct(t.get('agreements_false_alarm', 0), agr):>16}",
        f"{'  ...on must-not-compare pairs':<46} {_pct(t.get('no_compare_false_alarm', 0), nc):>16}",
        f"{'must-not-compare pairs compared (any verdict)':<46} {_pct(t.get('no_compare_linked', 0), nc):>16}",
    ]
    for reason in ("subject", "period", "object", "measure", "headline"):
        n = t.get(f"no_compare_{reason}", 0)
        label = ("compared across different subjects" if reason == "subject"
                 else f"  ...different {reason}" if reason != "headline" else "  ...headline vs body")
        target = "   0" if reason == "subject" else ""
        lines.append(f"{label:<46} {_pct(t.get(f'no_compare_linked_{reason}', 0), n):>16}{target}")
    strays = sorted((k[6:], v) for k, v in t.items() if k.startswith("stray_") and k != "stray_inconsistent")
    lines.append(f"{'stray inconsistent findings (no annotated pair)':<46} {t.get('stray_inconsistent', 0):>16}"
                 + (f"   ({', '.join(f'{k} {v}' for k, v in strays)})" if strays else ""))
    return "\n".join(lines)


def _details(results: list[dict]) -> str:
    out = []
    for r in results:
        for row in r["rows"]:
            st = set(row["statuses"])
            want = row["kind"]
            ok = (("inconsistent" in st) if want == "inconsistent"
                  else ("consistent" in st and "inconsistent" not in st) if want == "consistent"
                  else not st)
            mark = "ok  " if ok else "MISS"
            got = ",".join(row["statuses"]) or ("-" if row.get("extracted", True) else "- (not extracted)")
            out.append(f"{mark} {r['id']:<40} want {want:<12} got {got:<24} {row['a']!r} ~ {row['b']!r}")
        for s in r["strays"]:
            out.append(f"STRAY {r['id']:<39} {s['check']}: {s['message'][:100]}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per annotated pair")
    ap.add_argument("--json", action="store_true", help="print the tallies and per-case rows as JSON")
    args = ap.parse_args(argv)
    cases = load_cases(args.cases)
    results = [score_case(c) for c in cases]
    t = tally(results)
    if args.json:
        print(json.dumps({"tally": t, "cases": results}, indent=1, ensure_ascii=False))
        return 0
    print(f"claims corpus: {len(cases)} cases ({dict(Counter(c['category'] for c in cases))})")
    if args.verbose:
        print(_details(results))
        print()
    print(table(t))
    return 0


if __name__ == "__main__":
    sys.exit(main())
