"""Hits *and wrong readings* of figures on every peer suite in ../shared/peer-suites.

A missed amount costs a reader one figure; an amount read with a wrong value or currency and
no warning costs them their trust in every other figure. This script counts both, per suite:

    python bench/score_peers.py                  # print the table
    python bench/score_peers.py --write-results  # also refresh "Wrong values" in bench/RESULTS.md
    python bench/score_peers.py --verbose        # also the scorers' own reports

Each scorer of ../shared/peer-suites/scorers runs as it asks to be run: in a subprocess, from a
temporary folder outside the checkout, with the figures installed in this interpreter. Its
`results_*.jsonl` rows are then counted here with the scorer's own tables and matching rules
(its module is imported for them, never edited). Recognizers-Text's CurrencyModel.json has no
scorer there (tests/test_peer_suites.py scores it for CI); it is counted here with the rule
issue 14 measures: a money figure overlapping the expected span, value and currency right,
only for rows whose currency is legal tender today (figures.vocab.cldr_currencies).

What "wrong" means, per suite (never a miss counted twice):
- price-parser money rows: a money figure whose value is not the amount (the scorer's
  `wrong_money_value`), or the right value with a currency that is set and not the sign's.
- quantulum3 and Recognizers Number/Dimension: a figure overlapping the expected span with
  another value ("overlapping figure, other value"), or for quantulum3's currency rows the
  right value with a set currency of the wrong family. quantulum3's ranges written as one
  value with an uncertainty ("from $350 to $680" = 515 +- 165) are not wrong when figures
  reads each end as its own figure.
- CurrencyModel: an overlapping figure with another value, or a set currency that is not the
  expected one. A currency left open with candidates is neither a hit nor wrong: "open".
Exit code 0, or 0 with a message when ../shared is absent (nothing to score), 2 when a scorer
fails to run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import ModuleType, SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
PEERS = SHARED / "peer-suites"
SCORERS = PEERS / "scorers"
RESULTS_MD = REPO / "bench" / "RESULTS.md"
SECTION = "## Wrong values on the peer suites"


@dataclass(frozen=True)
class Score:
    suite: str
    rows: int
    hits: int
    wrong_value: int
    wrong_currency: int
    note: str = ""

    @property
    def wrong(self) -> int:
        return self.wrong_value + self.wrong_currency

    @property
    def missed(self) -> int:
        return self.rows - self.hits - self.wrong


def _dec(x: object) -> Decimal | None:
    try:
        return None if x is None else Decimal(str(x))
    except InvalidOperation:
        return None


def _load(name: str) -> ModuleType:
    """A scorer module, for its tables (its main() is not run)."""
    sys.path.insert(0, str(SCORERS))
    spec = importlib.util.spec_from_file_location(name, SCORERS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_scorer(script: str, workdir: Path, verbose: bool) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, str(SCORERS / script)],
        cwd=workdir,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ""},
        check=False,
    )
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"{script} failed: {tail[0]}")
    if verbose:
        print(proc.stdout)
    name = script.removeprefix("score_").removesuffix(".py")
    path = workdir / f"results_{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _fig(g: dict) -> SimpleNamespace:
    """A scorer's `got` row as the attributes its matching helpers read."""
    return SimpleNamespace(
        kind=g["kind"],
        start=g["start"],
        end=g["end"],
        value=g["value"],
        low=g["low"],
        high=g["high"],
        currency=g["currency"],
        currency_candidates=tuple(g.get("cands") or ()),
        unit=g.get("unit"),
        per=g.get("per"),
    )


def score_price_parser(rows: list[dict]) -> Score:
    pp = _load("score_price_parser")
    money = [r for r in rows if r["mode"] == "money"]
    hits = wrong_value = wrong_currency = 0
    for r in money:
        if r["hit"]:
            hits += 1
            continue
        if r["wrong_money_value"]:
            wrong_value += 1
            continue
        allowed = pp.SYMBOLS[r["expected"]["currency_symbol"]]
        amount = _dec(r["expected"]["amount"])
        figs = [_fig(g) for g in r["got"] if g["kind"] == "money"]
        if any(pp.value_eq(f, amount) and f.currency and f.currency not in allowed for f in figs):
            wrong_currency += 1
    return Score("price-parser (money rows)", len(money), hits, wrong_value, wrong_currency)


def _range_as_two_figures(near: list[SimpleNamespace], exp: dict) -> bool:
    """quantulum writes "from $350 to $680" as one value 515 +- 165; figures as two figures,
    one per end. That is a convention, not a wrong reading."""
    if not exp.get("uncertainty"):
        return False
    mid, half = Decimal(str(exp["value"])), Decimal(str(exp["uncertainty"]))
    ends = {mid - half, mid + half}
    values = {Decimal(f.value) for f in near if f.value is not None}
    return len(values) == len(near) and values == ends  # both ends, nothing else


def score_quantulum(rows: list[dict]) -> Score:
    q = _load("score_quantulum")
    pos = [r for r in rows if r["mode"] == "positive"]
    hits = wrong_value = wrong_currency = 0
    for r in pos:
        if r["hit"]:
            hits += 1
            continue
        exp = r["expected"]
        s, e = exp["span"]
        near = [_fig(g) for g in r["got"] if q.overlap(g["start"], g["end"], s, e)]
        right_value = [f for f in near if q.value_match(f, exp)]
        if near and not right_value and not _range_as_two_figures(near, exp):
            wrong_value += 1
        elif r["category"] == "currency" and any(
            f.kind == "money" and f.currency and not q.currency_ok(f, q.CURRENCY[exp["unit"]])
            for f in right_value
        ):
            wrong_currency += 1
    return Score("quantulum3 (all quantities)", len(pos), hits, wrong_value, wrong_currency)


def score_recognizers(rows: list[dict]) -> list[Score]:
    scores = []
    for mode, label in (("anchored", "Recognizers NumberModel anchored"), ("dimension", "Recognizers DimensionModel")):
        mine = [r for r in rows if r["mode"] == mode]
        hits = sum(r["hit"] for r in mine)
        wrong = sum(
            1 for r in mine if not r["hit"] and r["miss_category"] == "overlapping figure, other value"
        )
        scores.append(Score(label, len(mine), hits, wrong, 0))
    return scores


def score_currency_model() -> Score:
    import figures
    from figures.vocab.cldr_currencies import CURRENT_CODES

    data = json.loads((PEERS / "recognizers-text" / "CurrencyModel.json").read_text(encoding="utf-8"))
    rows = hits = wrong_value = wrong_currency = open_ = 0
    for case in data:
        flags = (case.get("NotSupported", "") + case.get("NotSupportedByDesign", "")).lower()
        if "python" in flags:
            continue
        found = None
        for r in case["Results"]:
            res = r["Resolution"]
            code, value = res.get("isoCurrency"), _dec(res.get("value"))
            if code not in CURRENT_CODES or value is None:
                continue
            if found is None:
                found = figures.extract(case["Input"])
            rows += 1
            start, end = r["Start"], r["End"] + 1
            near = [f for f in found if f.start < end and start < f.end]
            money = [f for f in near if f.kind == "money"]
            if any(f.value == value and f.currency == code for f in money):
                hits += 1
            elif any(f.value is not None and f.value != value for f in near) and not any(
                f.value == value for f in near
            ):
                wrong_value += 1
            elif any(f.value == value and f.currency and f.currency != code for f in money):
                wrong_currency += 1
            elif any(f.value == value and code in f.currency_candidates for f in money):
                open_ += 1
    return Score(
        "Recognizers CurrencyModel (current currencies)",
        rows,
        hits,
        wrong_value,
        wrong_currency,
        note=f"{open_} left open with the right candidate" if open_ else "",
    )


def score_all(verbose: bool = False) -> list[Score]:
    with tempfile.TemporaryDirectory(prefix="figures-peers-") as tmp:
        work = Path(tmp)
        scores = [score_price_parser(_run_scorer("score_price_parser.py", work, verbose))]
        scores.append(score_quantulum(_run_scorer("score_quantulum.py", work, verbose)))
        scores.extend(score_recognizers(_run_scorer("score_recognizers.py", work, verbose)))
    scores.append(score_currency_model())
    return scores


def table(scores: list[Score]) -> str:
    lines = [
        "| suite | scored | hits | wrong value | wrong currency | wrong % | missed | note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in scores:
        share = f"{100 * s.wrong / s.rows:.1f}%" if s.rows else "n/a"
        hit = f"{s.hits} ({100 * s.hits / s.rows:.1f}%)" if s.rows else "0"
        lines.append(
            f"| {s.suite} | {s.rows} | {hit} | {s.wrong_value} | {s.wrong_currency} | {share} "
            f"| {s.missed} | {s.note} |"
        )
    return "\n".join(lines)


def section(scores: list[Score]) -> str:
    import figures

    return "\n".join(
        [
            SECTION,
            "",
            f"Produced by `python bench/score_peers.py --write-results` (figures {figures.__version__}).",
            "A wrong reading (an amount with another value, or a currency that is set and not",
            "the text's) is counted apart from a miss; the rules are at the top of the script.",
            "",
            table(scores),
            "",
        ]
    )


def write_section(text: str, path: Path = RESULTS_MD) -> None:
    """Replace the section (up to the next '## ' heading) or append it."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if SECTION in old:
        head, _, rest = old.partition(SECTION)
        nxt = rest.find("\n## ")
        tail = rest[nxt + 1 :] if nxt >= 0 else ""
        new = head + text + ("\n" + tail if tail else "")
    else:
        new = old.rstrip("\n") + "\n\n" + text
    path.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Hits and wrong readings on the peer suites.")
    parser.add_argument("--write-results", action="store_true", help="refresh bench/RESULTS.md")
    parser.add_argument("--verbose", action="store_true", help="print the scorers' own reports")
    args = parser.parse_args(argv)
    if not SCORERS.is_dir():
        print(f"score_peers: {PEERS} is absent (it sits beside the repository as ../shared); nothing to score")
        return 0
    try:
        scores = score_all(args.verbose)
    except RuntimeError as exc:
        print(f"score_peers: {exc}", file=sys.stderr)
        return 2
    print(table(scores))
    if args.write_results:
        write_section(section(scores))
        print(f"wrote the '{SECTION[3:]}' section of {RESULTS_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
