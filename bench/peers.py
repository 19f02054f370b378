"""figures against its peers on the same corpus, in one run: throughput, memory and accuracy.

    python bench/peers.py                      # all tools, writes bench/RESULTS.md
    python bench/peers.py --tools figures,quantulum3 --mb 10 --peer-kb 200 --slow-kb 20

Run it in the separate benchmark environment (bench/README.md): the peers pin old
dependencies and must not share the project's venv.

Each tool runs in its own subprocess (this file with --worker TOOL), so one tool's imports,
caches and peak memory never touch another's. A worker:
1. imports the tool and warms it up (the time is reported as "start");
2. scores it on the seed gold (../shared/gold/seeds_gold.jsonl, core mentions only: not
   borderline, vague or in boilerplate), on the five seed articles as whole documents;
3. times it over the corpus (bench/corpus.py: the seed articles' paragraphs repeated) one
   paragraph at a time, three passes, the median reported. `figures-uniq` is figures on the
   same corpus with every digit redrawn at random, so that its numeral cache gains nothing
   from the repetition. Fast tools get --mb megabytes; slow peers get a smaller slice
   (--peer-kb, or --slow-kb for the slowest) and the slice size is printed next to the MB/s;
4. reports peak RSS of the whole process (ru_maxrss: interpreter, tool, models, JVM) and the
   peak Python heap while extracting from a 50 KB slice (tracemalloc; a separate, untimed pass).

Accuracy. A prediction is correct for a gold mention when their spans overlap and:
- gold money: the value agrees and the currency (ISO code) agrees;
- any other gold kind: the value agrees (kinds are not compared for peers, whose categories
  differ: a count is a "dimensionless" quantity for quantulum3, a "number" for Recognizers and
  Duckling). For figures itself the kind must agree as well, as in tests/test_gold.py.
- ranges: gold low/high against the tool's range (quantulum3: value -/+ uncertainty;
  Recognizers/Duckling: their interval values when given);
- values agree when equal to 9 significant digits (peers return floats).
recall = correct / core gold; a prediction overlapping no gold mention at all (core or not) is
a false positive; precision = correct / (correct + false positives + wrong predictions on core
mentions). The per-tool mapping of outputs to (span, value, currency) is in `MAPPERS`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from corpus import corpus, size_mb  # noqa: E402

SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "seeds_gold.jsonl"
SEEDS = SHARED / "seeds"

TOOLS = ("figures", "figures-uniq", "figures-python", "figures-cli", "figures-cli-jobs2", "quantulum3",
         "recognizers-text", "duckling", "price-parser")
REPEAT = 3  # timed passes per in-process tool; the median is reported

# ---- predictions: (start, end, kind_or_None, value|None, low|None, high|None, currency|None) ----

Pred = tuple[int, int, str | None, Decimal | None, Decimal | None, Decimal | None, str | None]


def _dec(x: Any) -> Decimal | None:
    if x is None:
        return None
    try:
        d = Decimal(str(x).replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


# -- figures


def load_figures():
    import figures

    def run(text: str) -> list[Pred]:
        return [(f.start, f.end, str(f.kind), f.value, f.low, f.high, f.currency)
                for f in figures.extract(text)]

    return run, lambda text: len(figures.extract(text))


# -- quantulum3

_Q_CURRENCY = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR",
               "pound sterling": "GBP", "yen": "JPY", "renminbi": "CNY", "yuan": "CNY",
               "chinese yuan": "CNY", "hong kong dollar": "HKD", "indian rupee": "INR",
               "rupee": "INR", "won": "KRW", "south korean won": "KRW"}


def load_quantulum3():
    import warnings

    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    def preds(text: str) -> list[Pred]:
        out: list[Pred] = []
        for q in parser.parse(text):
            s, e = q.span
            v = _dec(q.value)
            lo = hi = None
            if q.uncertainty:
                u = _dec(q.uncertainty)
                lo, hi = (v - u, v + u) if v is not None and u is not None else (None, None)
            cur = None
            if q.unit.entity.name == "currency":
                cur = getattr(q.unit, "currency_code", None) or _Q_CURRENCY.get(q.unit.name.lower())
            kind = "money" if cur or q.unit.entity.name == "currency" else None
            out.append((s, e, kind, v, lo, hi, cur))
        return out

    return preds, lambda text: len(parser.parse(text))


# -- Recognizers-Text (Microsoft)

_RT_UNIT_CURRENCY = {"Dollar": "USD", "United States dollar": "USD", "Euro": "EUR",
                     "Chinese yuan": "CNY", "Japanese yen": "JPY", "British pound": "GBP",
                     "Hong Kong dollar": "HKD", "Indian rupee": "INR"}
_TIMEX = re.compile(r"P(?:T)?(\d+(?:\.\d+)?)([YMWDHS])")


def load_recognizers():
    from recognizers_suite import (
        Culture,
        recognize_currency,
        recognize_datetime,
        recognize_dimension,
        recognize_number,
        recognize_percentage,
    )

    culture = Culture.English
    # Higher priority first: a number inside a currency span is dropped.
    models = (("money", recognize_currency), ("percent", recognize_percentage),
              ("quantity", recognize_dimension), ("duration", recognize_datetime),
              (None, recognize_number))

    def raw(text: str) -> list:
        return [(kind, r) for kind, fn in models for r in fn(text, culture)]

    def preds(text: str) -> list[Pred]:
        out: list[Pred] = []
        for kind, r in raw(text):
            s, e = r.start, r.end + 1  # Recognizers' end is inclusive
            res = r.resolution or {}
            v = lo = hi = cur = None
            if kind == "money":
                v = _dec(res.get("value"))
                cur = res.get("isoCurrency") or _RT_UNIT_CURRENCY.get(res.get("unit") or "")
            elif kind == "percent":
                v = _dec(str(res.get("value", "")).rstrip("%"))
            elif kind == "duration":
                if not r.type_name.endswith("duration"):
                    continue
                vals = res.get("values") or [{}]
                m = _TIMEX.match(vals[0].get("timex", ""))
                v = _dec(m.group(1)) if m else None
            else:
                v = _dec(res.get("value"))
            if any(p[0] <= s and e <= p[1] for p in out):
                continue  # inside a higher-priority span
            out.append((s, e, kind, v, lo, hi, cur))
        return out

    return preds, lambda text: len(raw(text))


# -- Duckling (wit.ai's Clojure Duckling through the `duckling` wrapper and JPype)

_DUCK_CURRENCY = {"$": "USD", "USD": "USD", "EUR": "EUR", "€": "EUR", "£": "GBP", "GBP": "GBP",
                  "JPY": "JPY", "¥": "JPY", "CNY": "CNY", "RMB": "CNY", "INR": "INR",
                  "HKD": "HKD", "KRW": "KRW"}
DUCK_DIMS = ["amount-of-money", "duration", "number"]


def load_duckling():
    import duckling
    import jpype

    jars = Path(duckling.__file__).parent / "jars"
    cp = os.pathsep.join(str(p) for p in sorted(jars.rglob("*.jar")))
    # The wrapper (2018) starts the JVM without convertStrings, and JPype >= 0.7 then hands it
    # java.lang.String objects its float() cannot read; start the JVM ourselves.
    jpype.startJVM(jpype.getDefaultJVMPath(), "-Xms128m", "-Xmx2048m",
                   f"-Djava.class.path={cp}", convertStrings=True)
    from duckling import DucklingWrapper

    d = DucklingWrapper(jvm_started=True)

    def raw(text: str) -> list[dict]:
        return d.duckling.parse(text, language=d.language, dim_filter=DUCK_DIMS)

    order = {dim: i for i, dim in enumerate(DUCK_DIMS)}

    def preds(text: str) -> list[Pred]:
        out: list[Pred] = []
        rows = sorted(raw(text), key=lambda r: (order.get(r.get("dim"), 9), r["start"]))
        for r in rows:
            s, e, dim = r["start"], r["end"], r.get("dim")
            val = r.get("value") or {}
            v = lo = hi = cur = None
            kind = None
            if dim == "amount-of-money":
                kind = "money"
                v = _dec(val.get("value"))
                cur = _DUCK_CURRENCY.get(str(val.get("unit") or ""))
                if v is None and isinstance(val.get("from"), dict):
                    lo, hi = _dec(val["from"].get("value")), _dec((val.get("to") or {}).get("value"))
            elif dim == "duration":
                kind = "duration"
                v = _dec(val.get("value"))
            else:
                v = _dec(val.get("value"))
            if any(p[0] <= s and e <= p[1] for p in out):
                continue  # one prediction per span: money, then duration, then number
            out.append((s, e, kind, v, lo, hi, cur))
        return out

    return preds, lambda text: len(raw(text))


# -- price-parser (Scrapinghub): one price per string

_PP_CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP",
                "GBP": "GBP", "¥": "JPY", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "元": "CNY",
                "HK$": "HKD", "HKD": "HKD", "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR",
                "yuan": "CNY", "Yuan": "CNY"}
_SENTENCE = re.compile(r"[^.!?;\n]+(?:[.!?;]+|$)")


def load_price_parser():
    from price_parser import Price

    def preds(text: str) -> list[Pred]:
        """price-parser cannot find prices in running text: give it each sentence (split at
        . ! ? ; newline) and place its one result by finding amount_text in the sentence."""
        out: list[Pred] = []
        for m in _SENTENCE.finditer(text):
            sent = m.group(0)
            p = Price.fromstring(sent)
            if p.amount is None or not p.amount_text:
                continue
            i = sent.find(p.amount_text)
            if i < 0:
                continue
            s = m.start() + i
            cur = _PP_CURRENCY.get((p.currency or "").strip())
            out.append((s, s + len(p.amount_text), "money" if cur else None, _dec(p.amount),
                        None, None, cur))
        return out

    return preds, lambda text: len(preds(text))


LOADERS = {
    "figures": load_figures,
    "figures-uniq": load_figures,
    "figures-python": load_figures,  # run with FIGURES_PURE_PYTHON=1 (run_tool)
    "quantulum3": load_quantulum3,
    "recognizers-text": load_recognizers,
    "duckling": load_duckling,
    "price-parser": load_price_parser,
}
MAPPERS = LOADERS  # the mapping of each tool's output lives in its loader


# ---- scoring ---------------------------------------------------------------------------------


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= abs(b) * Decimal("1e-9")


def _agrees(p: Pred, g: dict, strict_kind: bool) -> bool:
    _, _, kind, v, lo, hi, cur = p
    if strict_kind and kind != g["kind"]:
        return False
    if g["kind"] == "money" and cur != g["currency"]:
        return False
    if g["value"] is not None:
        return _same(v, Decimal(g["value"]))
    return _same(lo, Decimal(g["low"])) and _same(hi, Decimal(g["high"]))


def score(preds_of, strict_kind: bool) -> dict[str, Any]:
    gold = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    tp = fp = wrong = n_core = 0
    misses: list[str] = []
    for doc in sorted({g["doc"] for g in gold}):
        text = (SEEDS / doc).read_text(encoding="utf-8")
        preds = preds_of(text)
        mentions = [g for g in gold if g["doc"] == doc]
        core = [g for g in mentions if not (g["borderline"] or g["vague"] or g["in_boilerplate"])]
        n_core += len(core)
        used: set[int] = set()
        for g in core:
            over = [i for i, p in enumerate(preds) if p[0] < g["end"] and g["start"] < p[1]]
            used.update(over)
            if any(_agrees(preds[i], g, strict_kind) for i in over):
                tp += 1
            else:
                if over:
                    wrong += 1
                misses.append(g["text"])
        for i, p in enumerate(preds):
            if i not in used and not any(p[0] < g["end"] and g["start"] < p[1] for g in mentions):
                fp += 1
    precision = tp / (tp + fp + wrong) if tp + fp + wrong else 0.0
    recall = tp / n_core if n_core else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"core": n_core, "correct": tp, "false_pos": fp, "wrong": wrong,
            "precision": precision, "recall": recall, "f1": f1, "missed": misses}


# ---- one tool in its own process ------------------------------------------------------------


def slice_corpus(nbytes: int) -> list[str]:
    """The first paragraphs of the corpus up to `nbytes` of UTF-8 (at least one paragraph)."""
    out: list[str] = []
    size = 0
    for p in corpus(nbytes):
        if out and size >= nbytes:
            break
        out.append(p)
        size += len(p.encode("utf-8"))
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def worker(tool: str, nbytes: int) -> dict[str, Any]:
    if tool.startswith("figures-cli"):
        return cli_worker(tool, nbytes)
    t0 = time.perf_counter()
    preds_of, count = LOADERS[tool]()
    paras = slice_corpus(nbytes)
    if tool == "figures-uniq":  # every digit redrawn: no repeated numeral hits a cache
        import random

        rng = random.Random(1)
        paras = [re.sub(r"[0-9]", lambda _m: str(rng.randrange(10)), p) for p in paras]
    preds_of(paras[0])  # warm-up: lazy imports, caches, JIT
    start_s = time.perf_counter() - t0
    rss_loaded = _rss_mb()
    acc = score(preds_of, strict_kind=tool.startswith("figures")) if GOLD.exists() else None
    mb = size_mb(paras)
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        n = 0
        for p in paras:
            n += count(p)
        times.append(time.perf_counter() - t)
    dt = sorted(times)[len(times) // 2]
    rss_peak = _rss_mb()
    heap = _heap_peak(count, slice_corpus(50_000))
    return {"tool": tool, "mb": mb, "seconds": dt, "mb_s": mb / dt, "mentions": n,
            "start_s": start_s, "rss_loaded_mb": rss_loaded, "rss_peak_mb": rss_peak,
            "heap_peak_mb": heap, "accuracy": acc, "version": _version(tool)}


def cli_worker(tool: str, nbytes: int) -> dict[str, Any]:
    """`figures extract DIR --jobs N --format jsonl -o FILE` on the corpus written as 64 KB
    .txt files, timed end to end (interpreter start, reading, extraction, JSON output)."""
    import tempfile

    jobs = 2 if tool.endswith("jobs2") else 1
    cmd_help = subprocess.run([sys.executable, "-c", CLI, "extract", "--help"],
                              capture_output=True, text=True, cwd=tempfile.gettempdir())
    if "--jobs" not in cmd_help.stdout:
        return {"tool": tool, "skipped": "the CLI has no --jobs option"}
    paras = slice_corpus(nbytes)
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        buf: list[str] = []
        size = n_files = 0
        for p in [*paras, None]:
            if p is not None:
                buf.append(p)
                size += len(p.encode("utf-8"))
            if buf and (p is None or size >= 64_000):
                (docs / f"{n_files:05d}.txt").write_text("\n".join(buf) + "\n", encoding="utf-8")
                n_files += 1
                buf, size = [], 0
        mb = sum(f.stat().st_size for f in docs.iterdir()) / 1e6
        out = Path(tmp) / "out.jsonl"
        cmd = [sys.executable, "-c", CLI, "extract", str(docs), "--jobs", str(jobs),
               "--format", "jsonl", "-o", str(out), "-q"]
        times = []
        for _ in range(REPEAT):
            t = time.perf_counter()
            # cwd outside the repository: "python -c" would import its uncompiled source
            cp = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp)
            times.append(time.perf_counter() - t)
            if cp.returncode != 0:
                return {"tool": tool, "error": f"exit {cp.returncode}: {cp.stderr.strip()[-200:]}"}
        dt = sorted(times)[len(times) // 2]
        with out.open(encoding="utf-8") as f:
            n = sum(1 for _ in f)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"tool": tool, "mb": mb, "seconds": dt, "mb_s": mb / dt, "mentions": n,
            "start_s": 0.0, "rss_loaded_mb": rss, "rss_peak_mb": rss, "heap_peak_mb": None,
            "accuracy": None, "version": _version("figures"),
            "note": f"CLI end to end, --jobs {jobs}, {n_files} files of 64 KB, JSONL written; "
                    "peak RSS is the largest process (parent or worker)"}


CLI = "import sys; from figures.cli import main; sys.exit(main(sys.argv[1:]))"


def _heap_peak(count, paras: list[str]) -> float:
    tracemalloc.start()
    for p in paras:
        count(p)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def _version(tool: str) -> str:
    from importlib import metadata

    dist = {"figures": "figures", "figures-uniq": "figures", "figures-python": "figures",
            "quantulum3": "quantulum3",
            "recognizers-text": "recognizers-text-suite", "duckling": "duckling",
            "price-parser": "price-parser"}[tool]
    try:
        version = metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"
    if dist == "figures":  # which extraction engine ran: "native" (mypyc) or "python"
        import importlib

        version += " " + importlib.import_module("figures.extract").IMPLEMENTATION.split(" ")[0]
    return version


# ---- the driver ------------------------------------------------------------------------------


def run_tool(tool: str, nbytes: int, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", tool, "--bytes", str(nbytes)]
    env = dict(os.environ)
    if tool == "figures-python":  # the pure-Python engine: what an install without a compiler runs
        env["FIGURES_PURE_PYTHON"] = "1"
    try:
        cp = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"tool": tool, "error": f"timed out after {timeout:.0f} s"}
    if cp.returncode != 0:
        last = (cp.stderr.strip().splitlines() or ["?"])[-1]
        return {"tool": tool, "error": f"exit {cp.returncode}: {last}"}
    return json.loads(cp.stdout.strip().splitlines()[-1])


def table(results: list[dict[str, Any]], ratio_base: float | None) -> str:
    head = ("| tool | version | corpus slice | MB/s | x quantulum3 | start s | peak RSS MB | "
            "py heap MB | core gold | correct | precision | recall | F1 |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        if "error" in r or "skipped" in r:
            lines.append(f"| {r['tool']} | | | {r.get('error') or r.get('skipped')} |"
                         + " |" * 9)
            continue
        a = r.get("accuracy")
        x = r["mb_s"] / ratio_base if ratio_base else None
        ratio = "" if x is None else f"{x:,.0f}x" if x >= 10 else f"{x:.2g}x"
        heap = f"{r['heap_peak_mb']:.2f}" if r.get("heap_peak_mb") is not None else "n/a"
        start = f"{r['start_s']:.1f}" if not r["tool"].startswith("figures-cli") else "incl."
        acc = (f"{a['core']} | {a['correct']} | {a['precision']:.2f} | {a['recall']:.2f} | "
               f"{a['f1']:.2f}" if a else "same extractor as figures | | | |")
        lines.append(
            f"| {r['tool']} | {r['version']} | {r['mb']:.3f} MB | {r['mb_s']:.3f} | {ratio} | "
            f"{start} | {r['rss_peak_mb']:.0f} | {heap} | {acc} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size for figures (MB)")
    ap.add_argument("--peer-kb", type=float, default=200.0,
                    help="slice for quantulum3 and price-parser (KB)")
    ap.add_argument("--slow-kb", type=float, default=20.0,
                    help="slice for Recognizers-Text and Duckling (KB)")
    ap.add_argument("--timeout", type=float, default=1800.0, help="per tool (s)")
    ap.add_argument("--out", default=str(HERE / "RESULTS.md"))
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--bytes", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.bytes), default=str))
        return
    sizes = {"figures": args.mb * 1e6, "figures-uniq": args.mb * 1e6,
             "figures-python": args.mb * 1e6, "figures-cli": args.mb * 1e6,
             "figures-cli-jobs2": args.mb * 1e6,
             "quantulum3": args.peer_kb * 1e3, "price-parser": args.peer_kb * 1e3,
             "recognizers-text": args.slow_kb * 1e3, "duckling": args.slow_kb * 1e3}
    results = []
    args.load_before = os.getloadavg()
    for tool in args.tools.split(","):
        print(f"running {tool} on {sizes[tool] / 1e6:.3f} MB ...", file=sys.stderr, flush=True)
        r = run_tool(tool, int(sizes[tool]), args.timeout)
        results.append(r)
        print(json.dumps({k: v for k, v in r.items() if k != "accuracy"}, default=str),
              file=sys.stderr, flush=True)
    q = next((r for r in results if r["tool"] == "quantulum3" and "mb_s" in r), None)
    args.load_after = os.getloadavg()
    md = table(results, q["mb_s"] if q else None)
    print(md)
    write_results(Path(args.out), md, results, args)


def _load(avg: tuple[float, float, float]) -> str:
    return "/".join(f"{x:.1f}" for x in avg)


def write_results(path: Path, md: str, results: list[dict[str, Any]], args) -> None:
    import platform

    fig = next((r for r in results if r["tool"] == "figures" and "mb_s" in r), None)
    q = next((r for r in results if r["tool"] == "quantulum3" and "mb_s" in r), None)
    targets = []
    if fig:
        targets.append(f"- figures >= 10 MB/s: {fig['mb_s']:.1f} MB/s -> "
                       f"{'met' if fig['mb_s'] >= 10 else 'NOT met'}")
    if fig and q:
        ratio = fig["mb_s"] / q["mb_s"]
        targets.append(f"- figures >= 300x quantulum3: {ratio:,.0f}x -> "
                       f"{'met' if ratio >= 300 else 'NOT met'}")
    misses = []
    for r in results:
        a = r.get("accuracy")
        if a and a.get("missed"):
            shown = ", ".join(repr(m) for m in a["missed"][:12])
            more = f" (+{len(a['missed']) - 12} more)" if len(a["missed"]) > 12 else ""
            misses.append(f"- {r['tool']}: {shown}{more}")
    notes = [r for r in results if r.get("note") or r.get("error") or r.get("skipped")]
    text = f"""# Benchmark: figures and its peers

Produced by `python bench/peers.py` (see bench/README.md) on {time.strftime('%Y-%m-%d')},
{platform.python_implementation()} {platform.python_version()}, {platform.machine()},
{os.cpu_count()} cores. Same corpus for every tool (bench/corpus.py: the seed articles'
paragraphs repeated), one paragraph per call; slow peers get a smaller slice, shown in the
"corpus slice" column, and their MB/s is measured on that slice. "start" is import plus
warm-up. Peak RSS is the whole worker process (for Duckling it includes the JVM); "py heap" is
the tracemalloc peak while extracting a 50 KB slice (the JVM's heap is not visible to it).
Accuracy: core mentions of ../shared/gold/seeds_gold.jsonl (not borderline, vague or in
boilerplate) on the five seed articles; the mapping is described at the top of bench/peers.py.
figures was developed on these five articles, so its score here is not a held-out estimate;
the peers' scores are (none of them has seen the articles).

{md}

Targets:
{chr(10).join(targets) or '- (figures or quantulum3 missing from this run)'}

Settings: --mb {args.mb} --peer-kb {args.peer_kb} --slow-kb {args.slow_kb}. Load average
(1/5/15 min) before the run {_load(args.load_before)}, after {_load(args.load_after)}: on a
shared 2-core machine other processes take CPU too, and every MB/s above is lower than on an
idle machine (the ratios between tools, measured in the same run, less so).

Notes:
{chr(10).join(f"- {r['tool']}: {r.get('note') or r.get('error') or r.get('skipped')}" for r in notes) or '- none'}

Gold mentions each tool got wrong or missed:
{chr(10).join(misses) or '- none'}
"""
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
