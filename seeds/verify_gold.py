"""Verify the hand annotation of the seed articles.

Usage:
    python seeds/verify_gold.py [--reference PATH/TO/seeds_gold.jsonl]

Checks, for every record of gold.jsonl and every mention of relations.jsonl:
- the article exists and starts with a ``date YYYY-MM-DD`` line followed by a blank line;
- every schema key is present and no other key;
- text == article[start:end] and core_text == article[core_start:core_end]
  (Python character offsets into open(path, encoding="utf-8").read());
- the core span lies inside the full span, spans do not overlap, records are sorted by
  (doc, start) and ids are unique ``NNN-kk`` ids matching the doc prefix;
- basic field sanity (kind, value vs low/high, currency only for money, Decimal strings);
- relation mentions point at existing gold records with the same offsets and text.

With --reference, also checks that the normalised fields of every non-boilerplate mention
of the reference annotation reappear in these articles (same doc prefix NNN).

Exits 0 when everything holds, 1 on any mismatch (each one printed on stderr).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent

KEYS = [
    "id", "doc", "start", "end", "text", "core_start", "core_end", "core_text", "kind",
    "value", "low", "high", "currency", "unit", "per", "qualifier", "qualifier_text",
    "scale_word", "precision", "direction", "date_context", "date_basis", "borderline",
    "vague", "in_boilerplate", "note",
]
KINDS = {"money", "quantity", "percent", "count", "duration", "ratio"}
QUALIFIERS = {None, "approx", "gt", "lt", "ge", "le"}
DATE_LINE = re.compile(r"date \d{4}-\d{2}-\d{2}\n\n")
# fields that must carry over from the reference annotation
SAME_FACT = ("kind", "value", "low", "high", "currency", "unit", "per", "qualifier",
             "direction", "scale_word", "precision", "borderline", "vague")


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def short(s: str, n: int = 60) -> str:
    return repr(s if len(s) <= n else s[:n] + "...")


def is_decimal(s: object) -> bool:
    if not isinstance(s, str):
        return False
    try:
        Decimal(s)
    except InvalidOperation:
        return False
    return "e" not in s.lower()


def check_gold(gold: list[dict], texts: dict[str, str], errors: list[str]) -> None:
    seen_ids: set[str] = set()
    prev: tuple[str, int] | None = None
    last_end: dict[str, int] = {}
    for r in gold:
        rid = r.get("id", "?")
        where = f"gold {rid}"
        if list(r.keys()) != KEYS:
            missing = [k for k in KEYS if k not in r]
            extra = [k for k in r if k not in KEYS]
            errors.append(f"{where}: keys differ (missing {missing}, extra {extra}, or order)")
            continue
        doc = r["doc"]
        if doc not in texts:
            errors.append(f"{where}: unknown doc {doc!r}")
            continue
        art = texts[doc]
        if rid in seen_ids:
            errors.append(f"{where}: duplicate id")
        seen_ids.add(rid)
        if not re.fullmatch(r"\d{3}-\d{2}", rid) or rid[:3] != doc[:3]:
            errors.append(f"{where}: id does not match doc prefix {doc[:3]}")
        s, e, cs, ce = r["start"], r["end"], r["core_start"], r["core_end"]
        if not all(isinstance(x, int) for x in (s, e, cs, ce)):
            errors.append(f"{where}: offsets must be integers")
            continue
        if not (0 <= s < e <= len(art)):
            errors.append(f"{where}: span {s}:{e} out of range")
            continue
        if art[s:e] != r["text"]:
            errors.append(f"{where}: text {r['text']!r} != article[{s}:{e}] {short(art[s:e])}")
        if not (s <= cs < ce <= e):
            errors.append(f"{where}: core span {cs}:{ce} not inside {s}:{e}")
        elif art[cs:ce] != r["core_text"]:
            errors.append(f"{where}: core_text {r['core_text']!r} != article[{cs}:{ce}] "
                          f"{short(art[cs:ce])}")
        header_end = DATE_LINE.match(art).end() if DATE_LINE.match(art) else 0
        if s < header_end:
            errors.append(f"{where}: span falls inside the date header")
        key = (doc, s)
        if prev is not None and key <= prev:
            errors.append(f"{where}: records not sorted by (doc, start)")
        prev = key
        if s < last_end.get(doc, -1):
            errors.append(f"{where}: overlaps the previous mention")
        last_end[doc] = e
        # field sanity
        if r["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {r['kind']!r}")
        if r["qualifier"] not in QUALIFIERS:
            errors.append(f"{where}: bad qualifier {r['qualifier']!r}")
        if (r["qualifier"] is None) != (r["qualifier_text"] is None):
            errors.append(f"{where}: qualifier and qualifier_text must be set together")
        is_range = r["low"] is not None or r["high"] is not None
        if is_range:
            if r["value"] is not None or not (is_decimal(r["low"]) and is_decimal(r["high"])):
                errors.append(f"{where}: range needs value=null and decimal low/high")
        elif not is_decimal(r["value"]):
            errors.append(f"{where}: value must be a plain decimal string")
        if not is_decimal(r["precision"]):
            errors.append(f"{where}: precision must be a plain decimal string")
        if r["kind"] == "money":
            if not r["currency"] or r["unit"] is not None:
                errors.append(f"{where}: money needs currency and no unit")
        elif r["currency"] is not None or not r["unit"]:
            errors.append(f"{where}: non-money needs unit and no currency")
        if r["unit"] is not None and r["unit"] != r["unit"].lower():
            errors.append(f"{where}: unit must be lower-case")
        for flag in ("borderline", "vague", "in_boilerplate"):
            if not isinstance(r[flag], bool):
                errors.append(f"{where}: {flag} must be a boolean")


def check_relations(rels: list[dict], gold: list[dict], texts: dict[str, str],
                    errors: list[str]) -> None:
    by_id = {r["id"]: r for r in gold}
    seen: set[str] = set()
    for rel in rels:
        where = f"relation {rel.get('id', '?')}"
        if rel.get("id") in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(rel.get("id"))
        docs = set(rel.get("docs", []))
        for d in docs:
            if d not in texts:
                errors.append(f"{where}: unknown doc {d!r}")
        for m in rel.get("mentions", []):
            mid = m.get("mention_id")
            doc = m.get("doc")
            if doc not in texts:
                errors.append(f"{where}/{mid}: unknown doc {doc!r}")
                continue
            if doc not in docs:
                errors.append(f"{where}/{mid}: doc {doc} not listed in docs")
            s, e = m.get("start"), m.get("end")
            if texts[doc][s:e] != m.get("text"):
                errors.append(f"{where}/{mid}: text {m.get('text')!r} != article[{s}:{e}] "
                              f"{short(texts[doc][s:e])}")
            g = by_id.get(mid)
            if g is None:
                errors.append(f"{where}/{mid}: no such gold mention")
            elif (g["doc"], g["start"], g["end"], g["text"]) != (doc, s, e, m.get("text")):
                errors.append(f"{where}/{mid}: offsets/text differ from gold.jsonl")


def check_reference(ref_path: Path, gold: list[dict], errors: list[str]) -> None:
    ref = [r for r in load_jsonl(ref_path) if not r["in_boilerplate"]]
    want = Counter((r["doc"][:3], *(r[k] for k in SAME_FACT)) for r in ref)
    have = Counter((r["doc"][:3], *(r[k] for k in SAME_FACT)) for r in gold)
    for item, n in (want - have).items():
        errors.append(f"reference fact missing here ({n}x): {dict(zip(('doc', *SAME_FACT), item, strict=True))}")
    for item, n in (have - want).items():
        errors.append(f"extra fact not in reference ({n}x): {dict(zip(('doc', *SAME_FACT), item, strict=True))}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=HERE, help="seed directory (default: this one)")
    ap.add_argument("--reference", type=Path, default=None,
                    help="optional reference seeds_gold.jsonl to compare normalised facts with")
    args = ap.parse_args(argv)

    errors: list[str] = []
    texts: dict[str, str] = {}
    for p in sorted(args.dir.glob("*.txt")):
        with open(p, encoding="utf-8") as f:
            art = f.read()
        texts[p.name] = art
        if not DATE_LINE.match(art):
            errors.append(f"{p.name}: must start with 'date YYYY-MM-DD' and a blank line")

    gold = load_jsonl(args.dir / "gold.jsonl")
    rels = load_jsonl(args.dir / "relations.jsonl")
    check_gold(gold, texts, errors)
    check_relations(rels, gold, texts, errors)
    if args.reference is not None:
        check_reference(args.reference, gold, errors)

    for msg in errors:
        print(msg, file=sys.stderr)
    kinds = Counter(r.get("kind") for r in gold)
    print(f"{len(texts)} articles, {len(gold)} mentions, {len(rels)} relations; "
          f"kinds: {dict(sorted(kinds.items()))}; {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
