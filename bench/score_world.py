"""figures on the world corpus (tests/corpus/world): money read right, wrong, open; conversions.

    python bench/score_world.py              # table per country, both modes when available
    python bench/score_world.py --json       # the same numbers as JSON (used by the tests)

Each article is extracted with its date from documents.jsonl. When figures.extract accepts a
`country` argument (issue 15), it is run a second time with the publication's country, and
scored against `currency_given_country` instead of the text-only reading.

Money categories, per annotated money mention (the figure compared is the money figure that
overlaps the annotated span most):
- right: value (or low/high) equal, and currency equal; for a mention annotated open
  (currency null with candidates), a figure left open whose candidates share one with them;
- open: annotated with a settled currency, read with the right value but left open with that
  currency among its candidates (not right, not wrong);
- wrong: a money figure at the span with another value, or a settled currency different from
  the annotation (including a settled currency where the annotation says open);
- missed: no money figure at the span (or one left open without candidates).
recall = right / annotated money mentions.

Conversions: for each annotated pair (conversions.jsonl), whether figures.check reports a
conversion finding whose mentions overlap both sides, and its status: "flagged" for pairs
written off by 3-10 % (expected inconsistent), "passed" for pairs within 1 % (expected
consistent); pairs whose currencies the ECB table lacks expect "unverifiable" until NBP rates.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "world"


def load(corpus: Path = CORPUS):
    docs = [json.loads(line) for line in (corpus / "documents.jsonl").open(encoding="utf-8")]
    anns = [json.loads(line) for line in (corpus / "annotations.jsonl").open(encoding="utf-8")]
    convs = [json.loads(line) for line in (corpus / "conversions.jsonl").open(encoding="utf-8")]
    return docs, anns, convs


def supports_country() -> bool:
    import figures

    return "country" in inspect.signature(figures.extract).parameters


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _best(figs, ann, kinds):
    best, size = None, 0
    for f in figs:
        if kinds and str(f.kind) not in kinds:
            continue
        o = _overlap(f.start, f.end, ann["start"], ann["end"])
        if o > size:
            best, size = f, o
    return best


def _dec(x):
    return None if x is None else Decimal(x)


def _value_ok(f, ann) -> bool:
    if ann["value"] is not None:
        return f.value is not None and f.value == Decimal(ann["value"])
    return f.low == _dec(ann["low"]) and f.high == _dec(ann["high"]) and f.low is not None


def classify(f, ann, with_country: bool) -> str:
    if f is None:
        return "missed"
    if not _value_ok(f, ann):
        return "wrong"
    expected = ann["currency_given_country"] if with_country else ann["currency"]
    cands = set(f.currency_candidates or ())
    if f.currency is not None:
        return "right" if f.currency == expected else "wrong"
    if not cands:
        return "missed"
    if expected is None:
        return "right" if cands & set(ann["candidates"] or ()) else "wrong"
    return "open" if expected in cands else "wrong"


def score(corpus: Path = CORPUS, *, with_country: bool = False) -> dict:
    import figures

    docs, anns, convs = load(corpus)
    by_doc = defaultdict(list)
    for a in anns:
        by_doc[a["doc"]].append(a)
    per_country: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    total: dict[str, int] = defaultdict(int)
    wrong_list = []
    span_of = {a["id"]: a for a in anns}
    conv_rows = []
    for d in docs:
        text = (corpus / d["file"]).read_text(encoding="utf-8")
        # a date object: extract() does not parse ISO strings yet, although DESIGN.md says so
        kw = {"date": date.fromisoformat(d["date"]), "doc": d["id"]}
        if with_country:
            kw["country"] = d["country"]
        figs = figures.extract(text, **kw)
        c = per_country[d["country"]]
        for a in by_doc[d["id"]]:
            if a["kind"] == "money":
                f = _best(figs, a, {"money"})
                cat = classify(f, a, with_country)
                c["money"] += 1
                c[cat] += 1
                total["money"] += 1
                total[cat] += 1
                if cat == "wrong":
                    wrong_list.append((d["id"], a["text"], f.text, str(f.value or (f.low, f.high)),
                                       f.currency, a["currency"] or a["candidates"]))
                if a["currency"] is None and f is not None and f.currency is None:
                    total["open_annotated_read_open"] += 1
            else:
                f = _best(figs, a, None)
                total["quantity"] += 1
                c["quantity"] += 1
                if f is not None and _value_ok(f, a):
                    total["quantity_right"] += 1
                    c["quantity_right"] += 1
        total["figures_open"] += sum(1 for f in figs if str(f.kind) == "money" and f.currency is None)
        c["figures_open"] += sum(1 for f in figs if str(f.kind) == "money" and f.currency is None)
        doc_convs = [v for v in convs if v["doc"] == d["id"]]
        if doc_convs:
            conv_rows += _conversions(figures, text, d, doc_convs, span_of, with_country)
    for row in conv_rows:
        c = per_country[row["country"]]
        c["conversions"] += 1
        total["conversions"] += 1
        if row["found"]:
            c["conversions_found"] += 1
            total["conversions_found"] += 1
        key = {"within": "within", "off": "off"}[row["intended"]]
        total[f"conv_{key}"] += 1
        if row["ecb"]:
            total[f"conv_{key}_ecb"] += 1
            if key == "off" and row["status"] == "inconsistent":
                total["conv_off_flagged"] += 1
            if key == "within" and row["status"] == "consistent":
                total["conv_within_passed"] += 1
    n = total["money"] or 1
    return {
        "with_country": with_country,
        "money": total["money"],
        "right": total["right"],
        "open": total["open"],
        "wrong": total["wrong"],
        "missed": total["missed"],
        "recall": round(total["right"] / n, 4),
        "wrong_rate": round(total["wrong"] / n, 4),
        "money_figures_left_open": total["figures_open"],
        "quantities": total["quantity"],
        "quantities_right": total["quantity_right"],
        "conversions": total["conversions"],
        "conversions_found": total["conversions_found"],
        "conv_within_ecb": total["conv_within_ecb"],
        "conv_within_passed": total["conv_within_passed"],
        "conv_off_ecb": total["conv_off_ecb"],
        "conv_off_flagged": total["conv_off_flagged"],
        "per_country": {k: dict(v) for k, v in sorted(per_country.items())},
        "wrong_examples": wrong_list,
        "conversion_rows": conv_rows,
    }


def _conversions(figures, text, d, doc_convs, span_of, with_country) -> list[dict]:
    kw = {"date": date.fromisoformat(d["date"]), "docs": d["id"]}
    if with_country and "country" in inspect.signature(figures.check).parameters:
        kw["country"] = d["country"]
    report = figures.check(text, **kw)
    findings = [f for doc in report.documents for f in doc.findings if f.check == "conversion"]
    rows = []
    for v in doc_convs:
        a, b = span_of[v["from"]], span_of[v["to"]]
        hit = None
        for f in findings:
            spans = [(m.start, m.end) for m in f.mentions]
            if any(_overlap(s, e, a["start"], a["end"]) for s, e in spans) and any(
                _overlap(s, e, b["start"], b["end"]) for s, e in spans
            ):
                hit = f
                break
        rows.append({"doc": d["id"], "country": d["country"], "pair": f"{a['text']} -> {b['text']}",
                     "intended": v["intended"], "ecb": v["reference_rate"] is not None,
                     "found": hit is not None, "status": hit.status if hit else None})
    return rows


def _expected_status(row: dict) -> str:
    if not row["ecb"]:
        return "unverifiable"
    return "consistent" if row["intended"] == "within" else "inconsistent"


def _print(res: dict) -> None:
    mode = "with country" if res["with_country"] else "text only (no country argument)"
    print(f"== figures on the world corpus: {mode}")
    print(f"money mentions {res['money']}: right {res['right']} ({res['recall']:.1%}), "
          f"open {res['open']}, WRONG {res['wrong']} ({res['wrong_rate']:.1%}), "
          f"missed {res['missed']}; money figures left open: {res['money_figures_left_open']}")
    print(f"quantities: {res['quantities_right']}/{res['quantities']} value right")
    print(f"conversions found {res['conversions_found']}/{res['conversions']}; ECB-checkable: "
          f"within-1% passed {res['conv_within_passed']}/{res['conv_within_ecb']}, "
          f"off-by-3-10% flagged {res['conv_off_flagged']}/{res['conv_off_ecb']}")
    print(f"{'country':8}{'money':>6}{'right':>6}{'open':>6}{'wrong':>6}{'missed':>7}"
          f"{'conv':>6}{'found':>6}")
    for cc, c in res["per_country"].items():
        print(f"{cc:8}{c.get('money', 0):>6}{c.get('right', 0):>6}{c.get('open', 0):>6}"
              f"{c.get('wrong', 0):>6}{c.get('missed', 0):>7}{c.get('conversions', 0):>6}"
              f"{c.get('conversions_found', 0):>6}")
    odd = [r for r in res["conversion_rows"] if r["status"] != _expected_status(r)]
    if odd:
        print("conversion pairs not found or not judged as expected (doc, pair, intended, status):")
        for r in odd:
            print("  ", r["doc"], r["pair"], r["intended"] + ("" if r["ecb"] else " (needs NBP)"),
                  r["status"] or "not found")
    if res["wrong_examples"]:
        print("wrong (doc, annotated text, figure text, value, currency read, expected):")
        for w in res["wrong_examples"]:
            print("  ", *w)
    print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    results = [score(args.corpus)]
    if supports_country():
        results.append(score(args.corpus, with_country=True))
    if args.json:
        json.dump(results, sys.stdout, indent=1, default=str)
        print()
    else:
        for r in results:
            _print(r)
        if not supports_country():
            print("(figures.extract has no `country` argument yet: with-country mode skipped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
