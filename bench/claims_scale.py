"""Cross-document claim checking at scale: generated reports with planted disagreements.

    python bench/claims_scale.py [--n 100000] [--chunk 2000] [--disagree-rate 0.3] [--seed 16] [--json]

Generates `--n` short news reports from templates. Each *fact* (subject, measure, object) is
reported by two or three documents on consecutive days; the documents of an agreeing fact print
the same value in other words (rounded to the coarser precision, another scale word, "bn" for
"billion", "about"), and in a share `--disagree-rate` of facts one document prints a value 15–40% off
(a *planted disagreement*). Subjects are distinct per fact, so any finding that joins two facts
compares different subjects.

The documents run through `figures.check_frame` (pandas, scope='run') in chunks of `--chunk`
documents. A fact's documents always fall in one chunk (as the Dask path's shuffle by claim key
would place them); facts are shuffled within the chunk, so neighbours are unrelated.

Reported: planted disagreements and how many were found (an inconsistent finding joining the
planted figure with another report of its fact), agreeing facts confirmed (a consistent finding
joining two of its reports), false alarms (every other inconsistent finding that joins two
figures), comparisons across facts (any finding joining figures of two different subjects),
and time: generation, checking (CPU time, so other processes on a shared machine do not skew
it; wall time beside it), and checking CPU time per document.

Expected outcomes come from the generator, never from the tool. Exit status 0 whatever the
scores.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

from figures.dataframe.frame import check_frame  # noqa: E402

_PRE = ("Al", "Bel", "Cor", "Dun", "El", "Fal", "Gar", "Hal", "Iv", "Jor", "Kel", "Lor", "Mar",
        "Nor", "Or", "Pel", "Quin", "Ros", "Sal", "Tor", "Ul", "Val", "Wen", "Yar", "Zel")
_MID = ("ba", "de", "fi", "go", "ku", "la", "me", "ni", "po", "ra", "se", "ta", "vi", "wo", "xa",
        "ye", "zu", "ca", "do", "ma")
_END = ("ton", "ford", "vik", "mere", "stad", "wick", "dale", "berg", "field", "ham")
_KIND = ("Motors", "Energy", "Steel", "Foods", "Logistics", "Chemicals", "Power", "Cement",
         "Textiles", "Pharma", "Rail", "Mining")
_CITIES = ("Pune", "Leeds", "Ohio", "Lyon", "Kobe", "Durban", "Perth", "Porto", "Graz", "Tulsa",
           "Mysore", "Gdansk", "Austin", "Bremen", "Cebu", "Ipoh")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FILLER = (
    "Chief executive {person} said the project would be funded from cash and bank loans.",
    "The company expects work to start later this year, subject to final permits.",
    "Analysts said the plan had been expected after a strong year for the business.",
    "The announcement came after months of talks with local authorities, {person} said.",
    "Shares in the company were little changed after the news.",
)
_PEOPLE = ("Asha Rao", "Tom Keller", "Ines Duarte", "Kenji Mori", "Lerato Dube", "Mark Olsen",
           "Nadia Haddad", "Peter Lund")

_SCALE = {"billion": Decimal(10) ** 9, "million": Decimal(10) ** 6}


@dataclass(frozen=True)
class Measure:
    name: str
    templates: tuple[str, ...]  # {S} subject, {V} value, {O} object, {D} day, {F} filler


MEASURES = (
    Measure("invest", (
        "{S} will invest {V} in its {O} plant, the company said on {D}. {F}",
        "{S} plans to spend {V} expanding its {O} plant. The company announced the plan on {D}. {F}",
        "{S} said on {D} it had approved an investment. The company will put {V} into its {O} "
        "plant over the coming years. {F}",
    )),
    Measure("jobs", (
        "{S} will create {V} jobs at its {O} plant, the company said on {D}. {F}",
        "The {O} plant of {S} is expected to bring {V} jobs to the area, the company said on {D}. {F}",
    )),
    Measure("capacity", (
        "{S} will raise capacity at its {O} plant to {V} tonnes a year, the company said on {D}. {F}",
        "After the upgrade announced on {D}, the {O} plant of {S} will be able to make {V} tonnes "
        "a year. {F}",
    )),
)
_CURRENCIES = (("€", ""), ("US$", ""), ("£", ""))


_NAMES = len(_PRE) * len(_MID) * len(_END) * len(_KIND)


def _subject(i: int) -> str:
    """A distinct invented company name per fact; a stride spreads neighbours over the name
    space so that one chunk does not hold "Albaton Motors" next to "Albaton Energy" only."""
    rounds, j = divmod(i, _NAMES)
    j = (j * 7919) % _NAMES  # 7919 is prime and does not divide _NAMES: a permutation
    j, k = divmod(j, len(_KIND))
    j, e = divmod(j, len(_END))
    p, m = divmod(j, len(_MID))
    name = f"{_PRE[p]}{_MID[m]}{_END[e]} {_KIND[k]}"
    return f"{name} {rounds + 1}" if rounds else name


def _plain(x: Decimal) -> str:
    s = format(x, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _money_variants(v: Decimal, sign: str) -> list[str]:
    """Ways to print a 3-significant-digit amount in billions or millions, all agreeing."""
    if v >= _SCALE["billion"]:
        x = v / _SCALE["billion"]
        exact, coarse = _plain(x), _plain(x.quantize(Decimal("0.1")))
        return [f"{sign}{exact} billion", f"{sign}{coarse} billion", f"{sign}{exact}bn",
                f"{sign}{int(v / _SCALE['million']):,} million"]
    x = v / _SCALE["million"]
    return [f"{sign}{x:,.0f} million", f"{sign}{x:,.0f}m", f"{sign}{x:,.0f} mn"]


def _count_variants(v: int) -> list[str]:
    out = [f"{v:,}", f"about {v:,}", f"some {v:,}"]
    if v >= 100_000:
        out.append(f"{_plain(Decimal(v) / _SCALE['million'])} million")
    return out


def _value(rng: random.Random, measure: str) -> Decimal:
    if measure == "invest":
        mant = rng.randint(110, 990)
        return Decimal(mant) * (Decimal(10) ** rng.choice((6, 7)))  # 110 million .. 9.9 billion
    if measure == "jobs":
        return Decimal(rng.randint(12, 99) * 100)
    return Decimal(rng.randint(12, 95) * 10_000)


def _print(rng: random.Random, measure: str, v: Decimal, sign: str) -> str:
    if measure == "invest":
        return rng.choice(_money_variants(v, sign))
    return rng.choice(_count_variants(int(v)))


def _off(rng: random.Random, measure: str, v: Decimal) -> Decimal:
    """A value 15-40% away from v, on the same grid of significant digits."""
    factor = Decimal(1) + Decimal(rng.choice((1, -1))) * Decimal(rng.randint(15, 40)) / 100
    w = v * factor
    q = Decimal(10) ** (w.adjusted() - 2)  # 3 significant digits
    if measure == "jobs":
        q = Decimal(100)
    elif measure == "capacity":
        q = Decimal(10_000)
    return (w / q).to_integral_value() * q


def generate(n: int, disagree_rate: float, seed: int):
    """(rows, truth): rows are dicts id/date/text; truth maps a fact id to its planted info."""
    rng = random.Random(seed)
    rows: list[dict] = []
    facts: list[dict] = []
    start = date(2024, 1, 8)
    i = 0
    while len(rows) < n:
        left = n - len(rows)
        k = 3 if rng.random() < 0.25 else 2
        k = left if left <= 3 else min(k, left - 2) if left - k == 1 else k
        measure = MEASURES[i % len(MEASURES)]
        sign = _CURRENCIES[i % len(_CURRENCIES)][0]
        subject, obj = _subject(i), rng.choice(_CITIES)
        v = _value(rng, measure.name)
        planted = k >= 2 and rng.random() < disagree_rate
        bad = rng.randrange(k) if planted else -1
        day = start + timedelta(days=rng.randrange(600))
        fact = {"fact": i, "subject": subject, "measure": measure.name, "planted": planted,
                "docs": []}
        for j in range(k):
            value = _off(rng, measure.name, v) if j == bad else v
            printed = _print(rng, measure.name, value, sign)
            tmpl = rng.choice(measure.templates)
            filler = rng.choice(_FILLER).format(person=rng.choice(_PEOPLE))
            d = day + timedelta(days=j)
            text = tmpl.format(S=subject, V=printed, O=obj, D=_DAYS[d.weekday()], F=filler)
            start_at = text.index(printed)
            doc = f"f{i}-{j}"
            rows.append({"id": doc, "date": d.isoformat(), "text": text})
            fact["docs"].append({"doc": doc, "start": start_at, "end": start_at + len(printed),
                                 "text": printed, "bad": j == bad})
        facts.append(fact)
        i += 1
    return rows, facts


def _mentions(cell) -> list[dict]:
    return json.loads(cell) if isinstance(cell, str) else list(cell or [])


def score(findings: pd.DataFrame, facts: list[dict]) -> dict:
    where = {}  # doc -> (fact, start, end, bad)
    for f in facts:
        for d in f["docs"]:
            where[d["doc"]] = (f["fact"], d["start"], d["end"], d["bad"])
    planted = {f["fact"] for f in facts if f["planted"]}
    found: set[int] = set()
    confirmed: set[int] = set()
    false_alarms = cross_fact = 0
    for status, cell in zip(findings["status"], findings["mentions"], strict=True):
        hits = []
        for m in _mentions(cell):
            w = where.get(m["doc"])
            if w and m["start"] < w[2] and w[1] < m["end"]:
                hits.append((m["doc"], w[0], w[3]))
        docs = {h[0] for h in hits}
        if len(docs) < 2:
            if status == "inconsistent" and len({m["doc"] for m in _mentions(cell)}) > 1:
                false_alarms += 1
            continue
        fact_ids = {h[1] for h in hits}
        if len(fact_ids) > 1:
            cross_fact += 1
            false_alarms += status == "inconsistent"
            continue
        fact = next(iter(fact_ids))
        if status == "inconsistent":
            if fact in planted and any(h[2] for h in hits):
                found.add(fact)
            else:
                false_alarms += 1
        elif status == "consistent":
            confirmed.add(fact)
    agreeing = len(facts) - len(planted)
    return {"facts": len(facts), "planted_disagreements": len(planted),
            "found": len(found), "missed": len(planted) - len(found),
            "agreeing_facts": agreeing, "agreeing_confirmed": len(confirmed - planted),
            "false_alarms": false_alarms, "cross_fact_comparisons": cross_fact}


def run(n: int, chunk: int, disagree_rate: float, seed: int) -> dict:
    t0 = time.perf_counter()
    rows, facts = generate(n, disagree_rate, seed)
    t_gen = time.perf_counter() - t0
    rng = random.Random(seed + 1)
    parts, cur, size = [], [], 0
    for f in facts:  # a fact's documents stay in one chunk
        cur.append(f)
        size += len(f["docs"])
        if size >= chunk:
            parts.append(cur)
            cur, size = [], 0
    if cur:
        parts.append(cur)
    by_id = {r["id"]: r for r in rows}
    frames = []
    t_check = cpu_check = 0.0
    for part in parts:
        chunk_rows = [by_id[d["doc"]] for f in part for d in f["docs"]]
        rng.shuffle(chunk_rows)
        df = pd.DataFrame(chunk_rows)
        t1, c1 = time.perf_counter(), time.process_time()
        frames.append(check_frame(df, text="text", date="date", doc="id"))
        t_check += time.perf_counter() - t1
        cpu_check += time.process_time() - c1
    findings = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        {"status": [], "mentions": []})
    out = {"documents": len(rows), "chunks": len(parts), "chunk_size": chunk,
           "disagree_rate": disagree_rate, "seed": seed}
    out.update(score(findings, facts))
    out.update({"findings": len(findings), "generate_s": round(t_gen, 3),
                "check_s": round(t_check, 3), "check_cpu_s": round(cpu_check, 3),
                "check_ms_per_doc": round(1000 * cpu_check / max(len(rows), 1), 4)})
    return out


def _table(r: dict) -> str:
    def pct(a, b):
        return f"{a}/{b} ({100 * a / b:.1f}%)" if b else f"{a}/0"
    return "\n".join([
        f"documents {r['documents']:,} in {r['chunks']} chunk(s) of ~{r['chunk_size']:,}; "
        f"facts {r['facts']:,}",
        f"planted disagreements found   {pct(r['found'], r['planted_disagreements'])}",
        f"agreeing facts confirmed      {pct(r['agreeing_confirmed'], r['agreeing_facts'])}",
        f"false alarms (inconsistent)   {r['false_alarms']} "
        f"({pct(r['false_alarms'], r['agreeing_facts'])} of agreeing facts)",
        f"comparisons across subjects   {r['cross_fact_comparisons']}",
        f"findings                      {r['findings']:,}",
        f"time: generate {r['generate_s']} s, check {r['check_cpu_s']} s CPU "
        f"({r['check_s']} s wall), {r['check_ms_per_doc']} ms CPU per document",
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="documents to generate")
    ap.add_argument("--chunk", type=int, default=2_000, help="documents per check_frame call")
    ap.add_argument("--disagree-rate", type=float, default=0.3,
                    help="share of facts with one disagreeing report")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = ap.parse_args(argv)
    if args.n < 2 or args.chunk < 3 or not 0 <= args.disagree_rate <= 1:
        ap.error("need --n >= 2, --chunk >= 3 and 0 <= --disagree-rate <= 1")
    result = run(args.n, args.chunk, args.disagree_rate, args.seed)
    print(json.dumps(result) if args.json else _table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
