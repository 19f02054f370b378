"""Estimate what figures.extract.unit_match would bring to the peer suites once plugged in (issue 17).

    cd /tmp/somewhere && python /path/to/figures/bench/units_oracle.py [--shared ../shared]

For each expected physical quantity of quantulum3 and each Recognizers-Text dimension (the
scorers' own selection rules, imported from /work/shared/peer-suites/scorers), the matcher is
called at the end of every numeral inside the expected span; a row counts as

  unit found   when one call returns a unit whose display name (and per-unit) agrees with the
               expected unit under the scorer's own normalisation (norm_unit, UNIT_ALIAS);
  estimate     when, in addition, today's extractor already reads the value at that span
               (the scorer's lenient hit), i.e. what a strict hit needs besides the unit.

It also calls the matcher after every numeral of the suites' negative sentences and lists
where it would fire (false-positive risk the extractor must then decide by grammar).
Run it from outside the checkout (the scorers refuse a figures imported from the clone).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import sys
from decimal import Decimal

from figures.extract.unit_match import match_unit

_NUMERAL = re.compile(
    r"\d+(?:[.,]\d+)*(?:k(?![A-Za-z])|\s(?:thousand|million|billion|trillion|lakh|crore))?|[½⅓¼¾]"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
    r"|fifty|hundred|thousand|million|billion|trillion|half)\b", re.IGNORECASE)


def numeral_ends(text: str, start: int, end: int) -> list[int]:
    return [start + m.end() for m in _NUMERAL.finditer(text[start:end])]


def unit_name(m, norm) -> str:
    u = norm(m.display)
    return u + (" per " + norm(m.per_display) if m.per else "")


def found_unit(text: str, start: int, end: int, want: str, norm, same=lambda a, b: a == b):
    for pos in numeral_ends(text, start, end):
        m = match_unit(text, pos)
        if m is not None and same(unit_name(m, norm), want):
            return m, pos
    return None


def value_proxy(text: str, start: int, pos: int, ok) -> bool:
    """Does today's extractor read the number part? It is given the numeral followed by a
    counted noun ('1,500,000 people'), which it reads as a count; `ok` judges the figure."""
    import figures

    return any(ok(f) for f in figures.extract(text[start:pos] + " people"))


def quantulum(scorers: str) -> dict:
    sq = importlib.import_module("score_quantulum")
    rows = [json.loads(line) for line in open(os.path.join(scorers, "..", "quantulum3", "cases.jsonl"), encoding="utf-8")]
    lenient = _lenient("results_quantulum.jsonl", sq.main)
    out = {"rows": 0, "unit": 0, "estimate": 0, "proxy": 0, "baseline": 0, "misses": [], "unread": [], "fp": []}
    for r in rows:
        inp, exp = r["input"], r["expected"]
        if exp is None:
            out["fp"] += _fires(inp)
            continue
        if sq.category(exp) != "physical":
            continue
        out["rows"] += 1
        s, e = exp["span"]
        key = (inp, s, e)
        base = lenient.get(key, {})
        out["baseline"] += bool(base.get("hit"))
        m = found_unit(inp, s, e, exp["unit"].lower(), sq.norm_unit)
        if m:
            out["unit"] += 1
            out["estimate"] += bool(base.get("lenient"))
            read = value_proxy(inp, s, m[1], lambda f, exp=exp: sq.value_match(f, exp))
            out["proxy"] += read
            if not read:
                out["unread"].append(exp["surface"])
        else:
            out["misses"].append((exp["surface"], exp["unit"]))
    return out


def recognizers(scorers: str) -> dict:
    sr = importlib.import_module("score_recognizers")
    rows = [json.loads(line) for line in open(os.path.join(scorers, "..", "recognizers-text", "number_dimension_cases.jsonl"), encoding="utf-8")]
    lenient = _lenient("results_recognizers.jsonl", sr.main)
    out = {"rows": 0, "unit": 0, "estimate": 0, "proxy": 0, "baseline": 0, "misses": [], "unread": [], "fp": []}
    for r in rows:
        if r["model"] != "dimension" or sr.words(r["input"]) < 3:
            continue
        inp, exp = r["input"], r["expected"]
        if exp is None:
            out["fp"] += _fires(inp)
            continue
        if sr.plain(exp, "dimension"):
            continue
        out["rows"] += 1
        s, e = exp["span"]
        base = lenient.get((inp, s, e), {})
        out["baseline"] += bool(base.get("hit"))
        m = found_unit(inp, s, e, exp["unit"].lower(), sr.norm_unit, sr.same_unit)
        if m:
            out["unit"] += 1
            out["estimate"] += bool(base.get("lenient"))
            v = Decimal(exp["value"])
            read = value_proxy(inp, s, m[1], lambda f, v=v: (
                f.value is not None and sr.close(f.value, v)) or (
                f.value is None and f.low is not None and (sr.close(f.low, v) or sr.close(f.high, v))))
            out["proxy"] += read
            if not read:
                out["unread"].append(exp["text"])
        else:
            out["misses"].append((exp["text"], exp["unit"]))
    return out


def _lenient(results: str, run) -> dict:
    """The scorer's per-row verdicts on today's extractor (it writes them to the cwd)."""
    if not os.path.exists(results):
        stdout = sys.stdout
        sys.stdout = open(os.devnull, "w")
        try:
            run()
        finally:
            sys.stdout.close()
            sys.stdout = stdout
    out = {}
    for line in open(results, encoding="utf-8"):
        x = json.loads(line)
        exp = x.get("expected")
        if exp and "span" in exp:
            out[(x["input"], *exp["span"])] = x
    return out


def _fires(text: str) -> list:
    hits = []
    for pos in numeral_ends(text, 0, len(text)):
        m = match_unit(text, pos)
        if m is not None:
            hits.append((text[:80], text[m.start:m.end], m.unit, m.ambiguity))
    return hits


def report(name: str, r: dict) -> None:
    n = r["rows"]
    print(f"{name}: {n} physical quantities")
    print(f"  baseline strict (today's extractor)   {r['baseline']}/{n} = {100 * r['baseline'] / n:.1f}%")
    print(f"  unit found by unit_match              {r['unit']}/{n} = {100 * r['unit'] / n:.1f}%")
    print(f"  floor (unit found + value read today) {r['estimate']}/{n} = {100 * r['estimate'] / n:.1f}%")
    print(f"  estimate (unit found + number read)   {r['proxy']}/{n} = {100 * r['proxy'] / n:.1f}%"
          "  <- the numeral re-read by today's extractor before a counted noun")
    print(f"  unit found, number not re-read ({len(r['unread'])}):", "; ".join(map(repr, r["unread"])))
    print(f"  misses ({len(r['misses'])}):", "; ".join(f"{s!r} {u}" for s, u in r["misses"]))
    print(f"  matcher fires in negative sentences ({len(r['fp'])}):")
    for fp in r["fp"]:
        print("     ", fp)


def main() -> None:
    parser = argparse.ArgumentParser(description="unit_match oracle on the peer suites")
    parser.add_argument("--shared", default="/work/shared", help="the shared folder")
    args = parser.parse_args()
    scorers = os.path.join(args.shared, "peer-suites", "scorers")
    sys.path.insert(0, scorers)
    report("quantulum3", quantulum(scorers))
    report("Recognizers-Text DimensionModel", recognizers(scorers))


if __name__ == "__main__":
    main()
