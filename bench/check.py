"""Time `figures check` against `figures extract` on a ~10 MB corpus built from the seeds.

    python bench/check.py [--mb 10] [--seeds DIR]

The corpus is the seed articles repeated as separate documents (dated and undated alternately,
with the numbers varied so cross-document checks see many distinct values, not only copies)
until it reaches --mb megabytes. Extraction alone (`figures.extract` over every document) and
the whole check run (`figures.checks.runner.check_documents`: extraction, normalization to USD
and every check, cross-document ones over the whole corpus) are timed in turns. Target:
check <= 2x extract. Prints both throughputs in MB/s (CPU time, best of --repeat runs, so
other processes on a shared machine do not skew the ratio; wall time in brackets) and the
ratio. The runs alternate (extract, check, extract...), so load from other processes falls
on both.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from figures.checks.runner import check_documents  # noqa: E402
from figures.extract import extract  # noqa: E402
from figures.model import Document  # noqa: E402


def _seed_dir(arg: str | None) -> Path:
    for p in ([Path(arg)] if arg else []) + [REPO.parent / "shared" / "seeds", REPO / "seeds"]:
        if p.is_dir() and any(p.glob("*.txt")):
            return p
    sys.exit("bench/check.py: no seed directory found (pass --seeds DIR)")


_NUM = re.compile(r"(?<![\d.,])(\d{2,3})(?=[ ,.])")


def corpus(seeds: Path, mb: float) -> list[Document]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    target = int(mb * 1_000_000)
    docs: list[Document] = []
    size = 0
    i = 0
    while size < target:
        t = texts[i % len(texts)]
        k = i // len(texts)
        if k % 3:  # vary two- and three-digit numbers so documents are not all copies
            t = _NUM.sub(lambda m, k=k: str(int(m.group(1)) + k % 7), t)
        d = date(2021, 1, 4) + timedelta(days=(i * 3) % 900) if i % 2 else None
        docs.append(Document(f"doc{i:05d}.txt", t, d, "argument" if d else None))
        size += len(t.encode("utf-8"))
        i += 1
    return docs


def _best(fn, repeat: int) -> tuple[float, float, object]:
    """(best CPU seconds, best wall seconds, last result) over `repeat` runs. CPU time and the
    best of several runs keep other processes on a shared machine out of the measurement."""
    cpu = wall = float("inf")
    out = None
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        out = fn()
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return cpu, wall, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--seeds")
    args = ap.parse_args()
    docs = corpus(_seed_dir(args.seeds), args.mb)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB (best of {args.repeat} runs, CPU time)")

    from figures.normalize.rates.table import RateTable

    RateTable.default()  # load the table outside both timings
    check_documents(docs[:5])  # warm imports and caches outside both timings
    # The two are timed in turns (extract, check, extract, check...), so a busy spell on a
    # shared machine falls on both, not on all the runs of one of them.
    c_ext = w_ext = c_chk = w_chk = float("inf")
    n_fig: object = None
    report = None
    for _ in range(args.repeat):
        c, w, n_fig = _best(lambda: sum(len(extract(d.text, date=d.date, doc=d.doc)) for d in docs), 1)
        c_ext, w_ext = min(c_ext, c), min(w_ext, w)
        c, w, report = _best(lambda: check_documents(docs), 1)
        c_chk, w_chk = min(c_chk, c), min(w_chk, w)
    print(f"extract: {c_ext:6.2f} s  {mb / c_ext:6.2f} MB/s  (wall {w_ext:.2f} s; {n_fig} figures)")
    print(f"check:   {c_chk:6.2f} s  {mb / c_chk:6.2f} MB/s  (wall {w_chk:.2f} s; "
          f"{len(report.findings)} findings, {len(report.cross_findings)} across documents)")
    ratio = c_chk / c_ext
    print(f"check/extract: {ratio:.2f}x (target <= 2x) {'OK' if ratio <= 2 else 'SLOW'}")


if __name__ == "__main__":
    main()
